"""Deadlines of commitments: which date of a sentence is its deadline, and which end of it.

`link_deadline(text, start_char, end_char, dates, document_date)` picks, among the date
dicts of a paragraph ({"text", "start_char", "end_char", "start", "end", "granularity"},
inclusive ISO interval, as the tagging stage writes them into Paragraph.dates), the one
that dates the commitment in text[start_char:end_char], as an interval with the relation
the words before it give (pipeline/data/deadline_relations.json): "by 1 July 2010" -> end
2010-07-01, by; "in 2010-2011" -> end 2011-12-31, in; "starting in 2010" -> 2010-01-01 to
2010-12-31, starting; "in the coming three years" -> to the end of the third year. `end` is
always the end of the period meant.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from pipeline.resources import data_json

DateDict = dict[str, Any]
LOOKBACK_CHARS = 24
DEFAULT_RELATION = "in"
RELATIONS_FILE = "deadline_relations.json"
# A relative period counted in years ("the coming three years") ends with its last year.
YEARS_RE = re.compile(r"\byears?\b", re.IGNORECASE)
PERIOD_RE = re.compile(r"\d\s*[-\u2013\u2014/]\s*\d|\bto\b", re.IGNORECASE)


@lru_cache(maxsize=None)
def rules() -> dict[str, Any]:
    """deadline_relations.json with its regexes: the word before a date, a plan's name before or after it."""
    data = data_json(RELATIONS_FILE)
    words = sorted({*data["relations"], *data["reference"]}, key=len, reverse=True)
    nouns = "|".join(re.escape(n) for n in sorted(data["plan_nouns"], key=len, reverse=True))
    return {
        **data,
        "preposition": re.compile(r"(?:^|[\s(])(?P<prep>" + "|".join(re.escape(w) for w in words)
                                  + r")\s+(?:the\s+(?:period|years?)\s+)?$", re.IGNORECASE),
        # "Strategy 2016-2030", "Plan of Action for 2010-2014", "Programme (2015-2020)"
        "name_before": re.compile(rf"\b(?:{nouns})\b(?:\s+of\s+action)?\s*(?:\(|,\s*|for\s+(?:the\s+)?(?:period\s+)?)?$",
                                  re.IGNORECASE),
        # "the 2009-2012 national plan of action": after a determiner, before a plan noun
        "determiner": re.compile(r"\b(?:the|its|their|our|a|this)\s+$", re.IGNORECASE),
        "name_after": re.compile(rf"^\s*(?:[A-Za-z-]+\s+){{0,4}}(?:{nouns})\b", re.IGNORECASE),
    }


def link_deadline(text: str, start_char: int, end_char: int, dates: list[DateDict],
                  document_date: date | None, preferred: list[tuple[int, int]] = (),
                  acted_on: tuple[int, int] | None = None) -> DateDict | None:
    """The deadline of the commitment in text[start_char:end_char], or None. Dates inside
    a `preferred` range (the phrases of the committing verb) come first, then "by X",
    then "starting in X", then the rest, each in reading order. A date in a plan's name is
    the plan's period: a deadline only inside the verb's phrases ("within the framework of
    the policy, 2010-2020") or `acted_on` (the object: "implement the Strategy 2016-2030"),
    not when the plan is named elsewhere in the clause ("the Ministry, which drafted the
    Strategy 2016-2030, will ...")."""
    table = rules()
    candidates = []
    for d in dates:
        if not (start_char <= d["start_char"] and d["end_char"] <= end_char):
            continue
        preposition, prep_start = _preposition_before(text, d["start_char"], start_char)
        leading_word = d["text"].split(maxsplit=1)[0].lower()  # the tagger keeps "since" in "since 2000"
        if preposition in table["reference"] or leading_word in table["reference"]:
            continue
        if document_date is not None and d["end"] is not None and date.fromisoformat(d["end"]) < document_date:
            continue  # a past date records what was done, not what will be
        inside = [r for r in (*preferred, acted_on) if r and r[0] <= d["start_char"] and d["end_char"] <= r[1]]
        if not inside and in_plan_name(text, d):
            continue
        relation = table["relations"].get(preposition, DEFAULT_RELATION)
        if relation == "starting" and is_period(d):
            relation = "during"  # "from 2018-2022": the period
        outside = not any(s <= d["start_char"] and d["end_char"] <= e for s, e in preferred)
        rank = 0 if relation in table["closing"] else 1 if relation == "starting" else 2
        candidates.append((outside, rank, d["start_char"], d, relation, prep_start if preposition else d["start_char"]))
    if not candidates:
        return None
    *_, chosen, relation, begin = min(candidates, key=lambda c: c[:3])
    return {"text": text[begin : chosen["end_char"]], "start": chosen["start"], "end": period_end(chosen),
            "relation": relation, "start_char": begin, "end_char": chosen["end_char"]}


def period_end(d: DateDict) -> str | None:
    """The last day meant: a relative period of years ("the coming three years") runs to its last year's end."""
    if d["end"] and d.get("granularity") == "relative" and YEARS_RE.search(d["text"]):
        return f"{d['end'][:4]}-12-31"
    return d["end"]


def is_period(d: DateDict) -> bool:
    """"2018-2022", "January to June 2019": "from" a period names the period, which ends the work."""
    return bool(PERIOD_RE.search(d["text"]))


def in_plan_name(text: str, d: DateDict) -> bool:
    """"National Strategy 2016-2030", "the 2009-2012 national plan of action": the date names a plan's period."""
    table = rules()
    before = text[max(0, d["start_char"] - 40) : d["start_char"]]
    if table["name_before"].search(before):
        return True
    return bool(table["determiner"].search(before) and table["name_after"].match(text[d["end_char"] : d["end_char"] + 60]))


def _preposition_before(text: str, date_start: int, floor: int) -> tuple[str, int]:
    """The preposition right before a date ("by", "starting in"), and where it starts."""
    before = text[max(floor, date_start - LOOKBACK_CHARS) : date_start]
    m = rules()["preposition"].search(before)
    if m is None:
        return "", date_start
    return m.group("prep").lower(), date_start - len(before) + m.start("prep")
