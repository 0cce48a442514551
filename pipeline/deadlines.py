"""Deadlines of commitments: which date of a sentence is its deadline, and which end of it.

`link_deadline(text, start_char, end_char, dates, document_date)` picks, among the date
dicts of a paragraph ({"text", "start_char", "end_char", "start", "end", "granularity"},
inclusive ISO interval, as the tagging stage writes them into Paragraph.dates), the one
that dates the commitment in text[start_char:end_char]: "by 1 July 2010" -> 2010-07-01,
"in 2010-2011" -> 2011-12-31, "starting in 2010" -> 2010-01-01.

`find_deadline_dates(text, document_date)` is a small stand-in date finder limited to the
expressions deadlines use; the tagging stage's Paragraph.dates replace it when present.
"""

from __future__ import annotations

import calendar
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

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTH_RE = "|".join(calendar.month_name[1:])
YEAR = r"(?:19|20)\d\d"
DASH = r"\s*[-–—]\s*"
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10}

DATE_RE = re.compile(
    rf"""
    (?P<end_current>the\s+end\s+of\s+(?:the\s+)?(?:current|present|this)\s+year)
  | (?P<coming>the\s+(?:coming|next|following)\s+(?P<n>\d+|{'|'.join(NUMBER_WORDS)})\s+years?)
  | (?P<next_year>next\s+year)
  | (?P<end_of>the\s+end\s+of\s+(?:(?P<end_month>{MONTH_RE})\s+)?(?P<end_year>{YEAR}))
  | (?P<part>the\s+(?P<ordinal>first|second|third|fourth|last)\s+(?P<unit>quarter|half)\s+of\s+(?P<part_year>{YEAR}))
  | (?P<day>(?P<d>\d{{1,2}})\s+(?P<d_month>{MONTH_RE})\s+(?P<d_year>{YEAR}))
  | (?P<month>(?P<m_month>{MONTH_RE})\s+(?P<m_year>{YEAR}))
  | (?P<range>(?P<from_year>{YEAR}){DASH}(?P<to_year>{YEAR}|\d\d)\b)
  | (?P<year>(?<![\d/.-])(?P<y>{YEAR})(?![\d/-]))
    """,
    re.VERBOSE | re.IGNORECASE,
)


def find_deadline_dates(text: str, document_date: date | None) -> list[DateDict]:
    """Dates of the kinds deadlines use, as the tagging stage's date dicts.

    Stand-in only: replaced by the tagging stage's Paragraph.dates when those exist.
    Relative dates ("the coming three years") need the document date and are skipped without it.
    """
    found = []
    for m in DATE_RE.finditer(text):
        interval = _interval(m, document_date)
        if interval is not None:
            start, end, granularity = interval
            found.append({"text": m.group(), "start_char": m.start(), "end_char": m.end(),
                          "start": start.isoformat(), "end": end.isoformat(), "granularity": granularity})
    return found


def _interval(m: re.Match, today: date | None) -> tuple[date, date, str] | None:
    kind = next(k for k in _BUILDERS if m.group(k))
    return _BUILDERS[kind](m, today)


def _year(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _month(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _range(m: re.Match, today: date | None) -> tuple[date, date, str] | None:
    first, last = m.group("from_year"), m.group("to_year")
    if len(last) == 2:
        last = first[:2] + last
    if int(last) < int(first):
        return None
    return date(int(first), 1, 1), date(int(last), 12, 31), "range"


def _part(m: re.Match, today: date | None) -> tuple[date, date, str]:
    year, number = int(m.group("part_year")), ORDINALS[m.group("ordinal").lower()]
    months = 3 if m.group("unit").lower() == "quarter" else 6
    if m.group("unit").lower() == "half":
        number = min(number, 2)
    first = date(year, (number - 1) * months + 1, 1)
    last_month = number * months
    return first, date(year, last_month, calendar.monthrange(year, last_month)[1]), m.group("unit").lower()


def _end_of(m: re.Match, today: date | None) -> tuple[date, date, str]:
    year = int(m.group("end_year"))
    if m.group("end_month"):
        start, end = _month(year, MONTHS[m.group("end_month").lower()])
        return start, end, "day"
    return date(year, 12, 1), date(year, 12, 31), "month"


def _relative(m: re.Match, today: date | None) -> tuple[date, date, str] | None:
    if today is None:
        return None
    if m.group("end_current"):
        return date(today.year, 12, 1), date(today.year, 12, 31), "month"
    if m.group("next_year"):
        return (*_year(today.year + 1), "year")
    count = m.group("n").lower()
    years = int(count) if count.isdigit() else NUMBER_WORDS[count]
    return today, _add_years(today, years), "relative"


_BUILDERS = {
    "end_current": _relative,
    "coming": _relative,
    "next_year": _relative,
    "end_of": _end_of,
    "part": _part,
    "day": lambda m, today: (
        (d := date(int(m.group("d_year")), MONTHS[m.group("d_month").lower()], int(m.group("d")))), d, "day"),
    "month": lambda m, today: (*_month(int(m.group("m_year")), MONTHS[m.group("m_month").lower()]), "month"),
    "range": _range,
    "year": lambda m, today: (*_year(int(m.group("y"))), "year"),
}


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
        if preposition in REFERENCE_PREPOSITIONS:
            continue
        if document_date is not None and date.fromisoformat(d["end"]) < document_date:
            continue  # a past date records what was done, not what will be
        outside = not any(s <= d["start_char"] and d["end_char"] <= e for s, e in preferred)
        rank = 0 if preposition in CLOSING_PREPOSITIONS else 1 if preposition in START_PREPOSITIONS else 2
        candidates.append((outside, rank, d["start_char"], d, preposition, prep_start))
    if not candidates:
        return None
    *_, chosen, preposition, prep_start = min(candidates, key=lambda c: c[:3])
    point = chosen["start"] if preposition in START_PREPOSITIONS else chosen["end"]
    begin = prep_start if preposition else chosen["start_char"]
    return {"text": text[begin : chosen["end_char"]], "start": chosen["start"], "end": point,
            "start_char": begin, "end_char": chosen["end_char"]}


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
