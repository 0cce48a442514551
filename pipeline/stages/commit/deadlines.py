"""Deadlines of commitments: which date of a sentence is its deadline, and which end of it.

`link_deadline(text, start_char, end_char, dates, document_date)` picks, among the date
dicts of a paragraph ({"text", "start_char", "end_char", "start", "end", "granularity"},
inclusive ISO interval, as the tagging stage writes them into Paragraph.dates), the one
that dates the commitment in text[start_char:end_char]: "by 1 July 2010" -> 2010-07-01,
"in 2010-2011" -> 2011-12-31, "starting in 2010" -> 2010-01-01.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

DateDict = dict[str, Any]

# The preposition before a date says which end of it the commitment aims at.
END_PREPOSITIONS = ("by", "until", "till", "before", "in", "during", "within", "for", "over", "through",
                    "throughout", "to", "up to", "by the end of", "the end of", "end of", "for the period",
                    "over the period", "in the period", "for the years", "in the course of")
START_PREPOSITIONS = ("starting in", "starting from", "starting", "beginning in", "beginning", "from", "as of",
                      "as from", "commencing", "effective")
# A date after these words is a past or fixed reference, not a deadline.
REFERENCE_PREPOSITIONS = ("since", "on", "as at", "of", "between", "at", "after", "ago")
CLOSING_PREPOSITIONS = ("by", "until", "till", "before", "up to", "by the end of")
LOOKBACK_CHARS = 24

def link_deadline(text: str, start_char: int, end_char: int, dates: list[DateDict],
                  document_date: date | None, preferred: list[tuple[int, int]] = ()) -> DateDict | None:
    """The deadline of the commitment in text[start_char:end_char], or None. Dates inside
    a `preferred` range (the phrases of the committing verb) come first, then "by X",
    then "starting in X", then the rest, each in reading order."""
    candidates = []
    for d in dates:
        if not (start_char <= d["start_char"] and d["end_char"] <= end_char):
            continue
        preposition, prep_start = _preposition_before(text, d["start_char"], start_char)
        leading_word = d["text"].split(maxsplit=1)[0].lower()  # the tagger keeps "since" in "since 2000"
        if preposition in REFERENCE_PREPOSITIONS or leading_word in REFERENCE_PREPOSITIONS:
            continue
        if document_date is not None and d["end"] is not None and date.fromisoformat(d["end"]) < document_date:
            continue  # a past date records what was done, not what will be
        outside = not any(s <= d["start_char"] and d["end_char"] <= e for s, e in preferred)
        rank = 0 if preposition in CLOSING_PREPOSITIONS else 1 if preposition in START_PREPOSITIONS else 2
        candidates.append((outside, rank, d["start_char"], d, preposition, prep_start))
    if not candidates:
        return None
    *_, chosen, preposition, prep_start = min(candidates, key=lambda c: c[:3])
    starts = preposition in START_PREPOSITIONS and not is_period(chosen)
    point = chosen["start"] if starts else chosen["end"]
    begin = prep_start if preposition else chosen["start_char"]
    return {"text": text[begin : chosen["end_char"]], "start": chosen["start"], "end": point,
            "start_char": begin, "end_char": chosen["end_char"]}


PERIOD_RE = re.compile(r"\d\s*[-\u2013\u2014/]\s*\d|\bto\b", re.IGNORECASE)


def is_period(d: DateDict) -> bool:
    """"2018-2022", "January to June 2019": "from" a period names the period, which ends the work."""
    return bool(PERIOD_RE.search(d["text"]))


_PREPOSITION_RE = re.compile(
    r"(?:^|[\s(])(?P<prep>" + "|".join(
        re.escape(p) for p in sorted({*END_PREPOSITIONS, *START_PREPOSITIONS, *REFERENCE_PREPOSITIONS},
                                     key=len, reverse=True)
    ) + r")\s+(?:the\s+(?:period|years?)\s+)?$",
    re.IGNORECASE,
)


def _preposition_before(text: str, date_start: int, floor: int) -> tuple[str, int]:
    """The preposition right before a date ("by", "starting in"), and where it starts."""
    before = text[max(floor, date_start - LOOKBACK_CHARS) : date_start]
    m = _PREPOSITION_RE.search(before)
    if m is None:
        return "", date_start
    return m.group("prep").lower(), date_start - len(before) + m.start("prep")
