"""State names as the reports print them, normalized to one name and an ISO 3166 code.

`normalize_state(name)` -> `StateName(name, iso3)` or None when the text is no recommender
we know. It tries pipeline/data/un_state_names.tsv (the UN's forms pycountry misses, and
recommenders that are not States, such as the European Union, whose iso3 is None), then
pycountry's names, official names and common names; "Venezuela (Bolivarian Republic of)"
is also tried as "Bolivarian Republic of Venezuela". The name given back is the one the
data file or pycountry knows, so two spellings of a State give one record.
`split_states(group)` reads the inside of a "(Country1, Country2 and Country3)" group;
`opening_state(text)` the State a paragraph opens with ("The Czech Republic enquired ...").
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

import pycountry

from pipeline.resources import data_rows, loaded_once

NAMES_FILE = "un_state_names.tsv"
NOT_A_STATE = "-"
INVERTED = re.compile(r"^(?P<short>[^()]+?)\s*\((?P<qualifier>[^()]+)\)$")  # "Iran (Islamic Republic of)"
OPENING_WORDS = 9  # the longest State name: "United Kingdom of Great Britain and Northern Ireland"
SEPARATORS = re.compile(r"\s*(?:,|;|\band\b|/)\s*")


class StateName(NamedTuple):
    name: str
    iso3: str | None  # None for a recommender that is not a State (the European Union)


def key(name: str) -> str:
    """The form names are compared in: accents, case, quotes, dots, "&" for "and" and a
    leading "the" ignored."""
    text = re.sub(r"[\u2018\u2019`]", "'", name).replace("&", " and ")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().replace(".", " ")
    text = re.sub(r"\s+", " ", text).strip(" ,;:*")
    return re.sub(r"^the ", "", text)


@loaded_once
def known_names() -> dict[str, StateName]:
    """Every name we accept, by its comparison key, to the State's one name: the first name the
    data file gives its code, else pycountry's ISO name with its qualifier put first
    ("Tanzania, United Republic of" -> "United Republic of Tanzania")."""
    rows = [row.rstrip("\n").split("\t") for row in data_rows(NAMES_FILE)]
    canonical: dict[str, str] = {}
    for name, code in rows:
        canonical.setdefault(code, name)
    names: dict[str, StateName] = {}
    for country in pycountry.countries:
        short, _, qualifier = country.name.partition(", ")
        state = StateName(canonical.get(country.alpha_3, f"{qualifier} {short}" if qualifier else short),
                          country.alpha_3)
        for field in ("name", "official_name", "common_name"):
            value = getattr(country, field, None)
            if value:
                names.setdefault(key(value), state)
    for name, code in rows:
        names[key(name)] = StateName(name, None) if code == NOT_A_STATE else StateName(canonical[code], code)
    return names


def normalize_state(name: str) -> StateName | None:
    names = known_names()
    found = names.get(key(name))
    if found is None:
        inverted = INVERTED.match(name.strip())
        if inverted:
            found = names.get(key(f"{inverted['qualifier']} {inverted['short']}")) or names.get(key(inverted["short"]))
    return found


def split_states(group: str) -> list[StateName] | None:
    """The recommenders a parenthesized group names, or None when a part is no known name
    (then the group is ordinary text: "(CRC)", "(2010)")."""
    parts = [part for part in SEPARATORS.split(protect(group)) if part.strip()]
    states = [normalize_state(restore(part)) for part in parts]
    if not states or any(state is None for state in states):
        return None
    return states


AND, COMMA = "\x01", "\x02"
TWO_PART_NAMES = re.compile(r"(?:Trinidad|Antigua|Bosnia|Saint Kitts|Saint Vincent|Sao Tome|São Tomé|Serbia"
                            r"|Great Britain|Heard Island) and ", re.I)


def protect(group: str) -> str:
    """The "and" of "Trinidad and Tobago" and the commas inside "Bolivia (Plurinational State
    of)" are not separators."""
    text = TWO_PART_NAMES.sub(lambda m: m.group(0).replace(" and ", f" {AND} "), group)
    return re.sub(r"\(([^()]*)\)", lambda m: "(" + m.group(1).replace(",", COMMA) + ")", text)


def restore(part: str) -> str:
    return part.replace(AND, "and").replace(COMMA, ",")


def opening_state(text: str) -> StateName | None:
    """The State a paragraph opens with ("The Czech Republic enquired ..."): the longest
    known name among its first words."""
    words = text.split()[:OPENING_WORDS]
    for count in range(len(words), 0, -1):
        state = normalize_state(re.sub(r"(?:['’]s)?[,.;:]*$", "", " ".join(words[:count])))
        if state is not None:
            return state
    return None
