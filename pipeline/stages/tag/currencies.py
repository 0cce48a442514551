"""Currencies as texts write them, from maintained data: ISO 4217 codes of the currencies in use
(babel's CLDR territory data over pycountry's countries), their English names singular and
plural ("Brazilian reals", "tenges"), their symbols in English and in their own territories'
locales ("R$", "₡", "₴", "₸"), and the local name of their unit where it is written in Latin
letters ("reais", "colones"); pipeline/data/currency_forms.json adds what CLDR lacks ("BDS$",
"US $") and the reading of an ambiguous sign or name ("$", "dollars") when the document's State
does not use one of its currencies.

`currency_table()` is JSON data (saved with a pipeline); `CurrencyReader` answers what a form
written before or after a number means, given the State under review.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pycountry
from babel import Locale, UnknownLocaleError
from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies
from wordfreq import zipf_frequency

from pipeline.resources import data_json

# A head word this common in English ("real", "won", "mark") names no currency by itself.
COMMON_WORD_ZIPF = 4.5


def _territories() -> dict[str, list[str]]:
    """ISO 3166 alpha-2 code -> the ISO 4217 codes of its legal tender today."""
    found = {}
    for country in pycountry.countries:
        try:
            found[country.alpha_2] = get_territory_currencies(country.alpha_2, tender=True)
        except KeyError:  # no CLDR record for the territory
            continue
    return found


def _locale(territory: str) -> Locale | None:
    try:
        return Locale.parse(f"und_{territory}")
    except (UnknownLocaleError, ValueError):
        return None


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def _is_sign(symbol: str) -> bool:
    """A symbol read before a number: a sign ("₡", "R$") or capitals ("CHF"); not a short word ("Kz", "kr")."""
    return not symbol.isalpha() or (len(symbol) >= 2 and symbol.isupper())


def _local_heads(code: str, english_heads: set[str], locale: Locale) -> set[str]:
    """The local name of a currency's unit in Latin letters, found by its likeness to the
    English one: pt "Reais brasileiros" -> "reais" (English "reals"), es "colones" (English "colóns")."""
    heads = set()
    for count in (1, 2):
        for word in re.findall(r"[^\W\d_]+", get_currency_name(code, count=count, locale=locale)):
            if word.isascii() or _fold(word).isascii():
                if any(_fold(word)[:3] == _fold(head)[:3] for head in english_heads):
                    heads.add(word.lower())
    return heads


@lru_cache(maxsize=1)
def _built() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    before: dict[str, set[str]] = {}
    after: dict[str, set[str]] = {}
    users: dict[str, list[str]] = {}
    for territory, codes in _territories().items():
        for code in codes:
            users.setdefault(code, []).append(territory)
    for code, territories in users.items():
        before.setdefault(code, set()).add(code)
        after.setdefault(code, set()).add(code)  # a code keeps its case: "5 ALL" is lek, "5 all" is not
        english = {get_currency_name(code, count=n, locale="en") for n in (1, 2)}
        heads = {name.split()[-1].lower() for name in english}
        for name in english:
            after.setdefault(name.lower(), set()).add(code)
        for head in heads:
            if zipf_frequency(head, "en") < COMMON_WORD_ZIPF or head.rstrip("s") in ("dollar", "pound", "franc", "rupee"):
                after.setdefault(head, set()).add(code)
        symbols = {get_currency_symbol(code, "en")}
        for territory in territories:
            if (locale := _locale(territory)) is not None:
                symbols.add(get_currency_symbol(code, locale))
                for head in _local_heads(code, heads, locale) - heads:
                    if zipf_frequency(head, "en") < COMMON_WORD_ZIPF:
                        after.setdefault(head, set()).add(code)
        for symbol in symbols - {code}:
            if _is_sign(symbol):
                before.setdefault(symbol, set()).add(code)
    return before, after


@lru_cache(maxsize=4)
def currency_table(extra: str = "currency_forms.json") -> dict[str, dict]:
    """{"before": {form: [codes]}, "after": {form: [codes]}, "default": {form: code}}; the names
    after a number are lowercase, codes ("UAH") upper case."""
    before, after = (({k: set(v) for k, v in side.items()}) for side in _built())
    added = data_json(extra)
    for code, forms in added["before"].items():
        for form in forms:
            before.setdefault(form, set()).add(code)
    for code, forms in added["after"].items():
        for form in forms:
            after.setdefault(form if form.isupper() else form.lower(), set()).add(code)
    return {"before": {k: sorted(v) for k, v in before.items()},
            "after": {k: sorted(v) for k, v in after.items()},
            "default": {k: v for k, v in added["default"].items()}}


@lru_cache(maxsize=None)
def state_currencies(alpha_3: str | None) -> tuple[str, ...]:
    """The currencies a State uses today ("BRA" -> ("BRL",)); () when unknown."""
    country = pycountry.countries.get(alpha_3=alpha_3) if alpha_3 else None
    if country is None:
        return ()
    try:
        return tuple(get_territory_currencies(country.alpha_2, tender=True))
    except KeyError:
        return ()


@dataclass(frozen=True)
class Reading:
    code: str
    ambiguous: bool  # the form could mean another currency: the State under review decided it


class CurrencyReader:
    def __init__(self, table: dict[str, dict]) -> None:
        self.before = table["before"]
        self.after = table["after"]
        self.default = table["default"]

    def read(self, form: str, side: str, state: str | None) -> Reading | None:
        """What `form` written `side` ("before"/"after") a number means in a document about `state`."""
        candidates = self.before.get(form) if side == "before" else self.after.get(form if form.isupper() else form.lower())
        if not candidates:
            return None
        if len(candidates) == 1:
            return Reading(candidates[0], False)
        own = [code for code in state_currencies(state) if code in candidates]
        if own:
            return Reading(own[0], True)
        default = self.default.get(form) or self.default.get(form.lower()) or self.default.get(form.lower().split()[-1])
        return Reading(default, False) if default in candidates else None
