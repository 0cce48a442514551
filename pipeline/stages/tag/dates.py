"""Dates: every calendar reference as an inclusive ISO interval with a granularity.

`find_dates(text, document_date)` is the grammar (pure, usable without spaCy);
the `upr_dates` factory wraps it as a spaCy component that fills
`doc.spans["dates"]`, each span carrying `span._.date` =
{"start", "end", "granularity"}. Relative expressions ("the past 10 years",
"since 2005") are resolved against `doc._.document_date` (a `datetime.date`, set by
the caller); without one they keep `null` bounds.

The grammar finds candidate spans (periods, ranges, quarters, relatives);
dateparser, configured once for English, reads the calendar dates inside them.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Callable

from dateparser.date import DateDataParser
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.nlp.lowercase import lowered
from pipeline.patterns import MONTHS
from pipeline.nlp.overlaps import non_overlapping
from pipeline.prefilter import Needs, all_found, needs, needs_any_case
from pipeline.stages.tag.numbers import NUMBER, parse_number
from pipeline.nlp.tokens import doc_text

MONTH = rf"(?:{MONTHS})"
DAY = r"(?:[12]\d|3[01]|0?[1-9])"
YEAR = r"(?:1[0-9]\d\d|20\d\d)"
# A year standing alone: not part of a longer number, a symbol ("A/64/2009"), a ratio or a reference.
# A footnote number glued after it ("in 2023.37 The") leaves it a year.
BARE_YEAR = r"(?<![\d,./\-–—])(?:1[89]\d\d|20\d\d)(?![\d/]|,\d|\.\d(?!\d{0,2}(?:\s|$))|\s*(?:per\s*cent|%))"
DASH = r"\s*[-–—‑]+\s*"
ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

DAY_ORDINAL = r"(?:st|nd|rd|th)?"
FULL_DATE = rf"(?:{DAY}{DAY_ORDINAL}\s*{MONTH},?\s*{YEAR}|{MONTH}\s+{DAY}{DAY_ORDINAL}(?:,|\s+of)\s+{YEAR})"
MONTH_YEAR = rf"(?:{MONTH}(?:,?\s+(?:of\s+)?|\s*/\s*){YEAR})"  # "December 2015", "December of 2015", "November/2021"
# A day and a month without a year ("March 31", "31 March"): the year comes from the paragraph's other dates.
DAY_MONTH = rf"(?:{MONTH}\s+{DAY}{DAY_ORDINAL}|{DAY}{DAY_ORDINAL}\s+{MONTH})(?![\d\w]|,?\s+(?:of\s+)?{YEAR}|/)"
QUARTER = rf"(?:the\s+)?(?:first|second|third|fourth|last|1st|2nd|3rd|4th)\s+quarter\s+of\s+{YEAR}"
HALF = rf"(?:the\s+)?(?:first|second)\s+half\s+of\s+{YEAR}"
YEAR_PART = rf"(?:(?:the\s+)?(?:end|close|beginning|start)\s+of|\b(?:early|late))\s+{YEAR}"
MONTHS_OF_YEAR = rf"(?:the\s+)?(?:first|last)\s+{NUMBER}\s+months\s+of\s+{YEAR}"
DECADE = r"(?:the\s+)?(?:1[89]|20)\d0['’]?s\b"
# Anything that is one period by itself; ranges and relatives are built from these.
POINT = rf"(?:{FULL_DATE}|{MONTH_YEAR}|{QUARTER}|{HALF}|{YEAR_PART}|{MONTHS_OF_YEAR}|{DECADE}|{BARE_YEAR})"


@dataclass(frozen=True)
class Interval:
    start: date | None
    end: date | None
    granularity: str


@dataclass(frozen=True)
class DateMatch:
    start_char: int
    end_char: int
    text: str
    interval: Interval
    relation: str | None = None  # "since": the date is where a period the sentence speaks of starts

    def record(self) -> dict:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {"text": self.text, "start_char": self.start_char, "end_char": self.end_char,
                "start": iso(self.interval.start), "end": iso(self.interval.end),
                "granularity": self.interval.granularity, **({"relation": self.relation} if self.relation else {})}


# ------------------------------------------------------------------ calendar helpers

@lru_cache(maxsize=1)
def date_parser() -> DateDataParser:
    """One English-only parser, reused: building one per call is ~50x slower."""
    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first",
                                                       "REQUIRE_PARTS": ["year"]})


# The shapes nearly every calendar date has ("6 November 2009", "November 6, 2009",
# "July 2009"), read directly: dateparser, which reads the others, takes ~1 ms a call.
DAY_MONTH_YEAR_RE = re.compile(rf"(?P<d>{DAY}){DAY_ORDINAL}\s+(?P<m>{MONTH}),?\s*(?P<y>{YEAR})")
MONTH_DAY_YEAR_RE = re.compile(rf"(?P<m>{MONTH})\s+(?P<d>{DAY}){DAY_ORDINAL}(?:,|\s+of)\s+(?P<y>{YEAR})")
MONTH_YEAR_RE = re.compile(rf"(?P<m>{MONTH})(?:,?\s+(?:of\s+)?|\s*/\s*)(?P<y>{YEAR})")
DAY_MONTH_RE = re.compile(rf"(?P<m>{MONTH})\s+(?P<d>{DAY}){DAY_ORDINAL}|(?P<d2>{DAY}){DAY_ORDINAL}\s+(?P<m2>{MONTH})")
MONTH_NUMBERS = {name: number for number, name in enumerate(MONTHS.split("|"), start=1)}


@lru_cache(maxsize=4096)
def parse_calendar_date(text: str) -> Interval | None:
    """A day or a month as dateparser reads it: "6 November 2009", "July 2009"."""
    text = re.sub(r"(\d)([A-Z])", r"\1 \2", text)
    if m := DAY_MONTH_YEAR_RE.fullmatch(text) or MONTH_DAY_YEAR_RE.fullmatch(text):
        try:
            day = date(int(m["y"]), MONTH_NUMBERS[m["m"]], int(m["d"]))
        except ValueError:  # "31 June 2010"
            return None
        return Interval(day, day, "day")
    if m := MONTH_YEAR_RE.fullmatch(text):
        return month_interval(int(m["y"]), MONTH_NUMBERS[m["m"]], "month")
    return parse_with_dateparser(text)


def parse_with_dateparser(text: str) -> Interval | None:
    data = date_parser().get_date_data(text)
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    if data.period == "day":
        return Interval(day, day, "day")
    if data.period == "month":
        return month_interval(day.year, day.month, "month")
    return None


def month_interval(year: int, month: int, granularity: str, last_month: int | None = None) -> Interval:
    last = last_month or month
    return Interval(date(year, month, 1), date(year, last, calendar.monthrange(year, last)[1]), granularity)


def year_interval(first: int, last: int | None = None, granularity: str = "year") -> Interval:
    return Interval(date(first, 1, 1), date(last or first, 12, 31), granularity)


def shift(day: date, years: int = 0, months: int = 0) -> date:
    """The same day some years/months earlier (negative) or later; 29 February clamps."""
    total = day.year * 12 + day.month - 1 + years * 12 + months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def first_year(text: str) -> int:
    return int(re.search(YEAR, text).group())


# ------------------------------------------------------------------ points

def read_point(text: str) -> Interval | None:
    """The interval of one POINT expression."""
    text = text.strip()
    lowered = text.lower()
    if re.fullmatch(FULL_DATE, text) or re.fullmatch(MONTH_YEAR, text):
        return parse_calendar_date(text)
    if re.fullmatch(QUARTER, lowered):
        which = re.search(r"(first|second|third|fourth|last|1st|2nd|3rd|4th)", lowered).group()
        quarter = ORDINAL.get(which, 4)
        return month_interval(first_year(text), 3 * quarter - 2, "quarter", 3 * quarter)
    if re.fullmatch(HALF, lowered):
        first = "first" in lowered
        return month_interval(first_year(text), 1 if first else 7, "half", 6 if first else 12)
    if re.fullmatch(YEAR_PART, lowered):
        month = 12 if re.search(r"end|close|late", lowered) else 1
        return month_interval(first_year(text), month, "month")
    if m := re.fullmatch(rf"(?:the\s+)?(first|last)\s+({NUMBER})\s+months\s+of\s+({YEAR})", lowered):
        months = int(parse_number(m[2]) or 0)
        if not 1 <= months <= 12:
            return None
        year, granularity = int(m[3]), "half" if months == 6 else "range"
        if m[1] == "first":
            return month_interval(year, 1, granularity, months)
        return month_interval(year, 13 - months, granularity, 12)
    if m := re.fullmatch(r"(?:the\s+)?(\d{4})['’]?s", lowered):
        return year_interval(int(m[1]), int(m[1]) + 9, "decade")
    if re.fullmatch(YEAR, text):
        return year_interval(int(text))
    return None


# ------------------------------------------------------------------ rules

Handler = Callable[[re.Match, "date | None"], "Interval | None"]


def _point(m: re.Match, today: date | None) -> Interval | None:
    return read_point(m.group())


def _range_of_points(m: re.Match, today: date | None) -> Interval | None:
    first, last = read_point(m["a"]), read_point(m["b"])
    if first is None or last is None or first.start > last.end:
        return None
    return Interval(first.start, last.end, "range")


def _year_range(m: re.Match, today: date | None) -> Interval | None:
    """"2009-2012", and "2016–18" (the century of the first year)."""
    first, last = int(m["a"]), int(m["b"]) if len(m["b"]) == 4 else int(m["a"][:2] + m["b"])
    return year_interval(first, last, "range") if first < last <= first + 100 else None


def _month_range(m: re.Match, today: date | None) -> Interval | None:
    return _between(f"{m['m1'] or m['m1b']} {m['y']}", f"{m['m2']} {m['y']}")


def _day_range(m: re.Match, today: date | None) -> Interval | None:
    return _between(f"{m['d1']} {m['m1'] or m['m2']} {m['y']}", f"{m['d2']} {m['m2']} {m['y']}")


def _between(first_text: str, last_text: str) -> Interval | None:
    """From the start of one calendar point to the end of another, in order."""
    first, last = read_point(first_text), read_point(last_text)
    if first is None or last is None or first.start > last.end:
        return None
    return Interval(first.start, last.end, "range")


UNIT_MONTHS = {"year": 12, "month": 1, "decade": 120}


def _span_around_today(m: re.Match, today: date | None) -> Interval | None:
    """"the past 10 years" (back from the document date), "the coming decade" (forward), in whole
    calendar units: in 2009 the past 10 years are 1999-01-01..2009-12-31."""
    count = parse_number(m["n"]) if m["n"] else 1
    if not count or not today:
        return Interval(None, None, "relative") if count else None
    months = int(count * UNIT_MONTHS[m["u"].lower().rstrip("s")])
    if months % 12 == 0:
        years = months // 12
        if m["w"].lower() in ("coming", "next", "following"):
            return year_interval(today.year, today.year + years, "relative")
        return year_interval(today.year - years, today.year, "relative")
    this_month = month_interval(today.year, today.month, "relative")
    if m["w"].lower() in ("coming", "next", "following"):
        last = shift(today, months=months)
        return Interval(this_month.start, month_interval(last.year, last.month, "relative").end, "relative")
    first = shift(today, months=-months)
    return Interval(date(first.year, first.month, 1), this_month.end, "relative")


def _ago(m: re.Match, today: date | None) -> Interval | None:
    """"Four years ago": the calendar year (or month) that many back from the document's."""
    count = parse_number(m["n"])
    if not count or not today:
        return Interval(None, None, "relative") if count else None
    months = int(count * UNIT_MONTHS[m["u"].lower().rstrip("s")])
    day = shift(today, months=-months)
    if months % 12 == 0:
        return year_interval(day.year, granularity="relative")
    return month_interval(day.year, day.month, "relative")


def _narrowed_year(m: re.Match, today: date | None) -> Interval | None:
    return read_point(f"the {m['w'].lower()} {m['n']} months of {m['y']}")


def _listed_month(m: re.Match, today: date | None) -> Interval | None:
    return month_interval(int(m["y"]), MONTH_NUMBERS[m["m"]], "month")


def _day_month(m: re.Match, today: date | None) -> Interval | None:
    """"March 31" without a year: a day whose year find_dates takes from the paragraph's other dates."""
    found = DAY_MONTH_RE.fullmatch(m.group())
    month, day = MONTH_NUMBERS[found["m"] or found["m2"]], int(found["d"] or found["d2"])
    if day > calendar.monthrange(2000, month)[1]:  # 2000: a leap year, 29 February is a day
        return None
    return Interval(None, None, "day")


def _named_year(m: re.Match, today: date | None) -> Interval | None:
    if not today:
        return Interval(None, None, "relative")
    which = (m["w"] or m["w2"]).lower()
    offset = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    year = today.year + offset
    if m["end"]:  # "the end of the current year": its last month, as "the end of 2009"
        return Interval(date(year, 12, 1), date(year, 12, 31), "relative")
    return Interval(date(year, 1, 1), date(year, 12, 31), "relative")


# Every POINT, YEAR and DECADE has four digits in a row: searched first, it spares the texts
# without a year the other needs.
HAS_YEAR = needs(r"\d\d\d\d")
HAS_MONTH = needs(MONTH)
RULES: list[tuple[str, Handler, tuple[Needs, ...]]] = [
    (rf"\b(?i:between|from)\s+(?P<a>{POINT})\s+(?:and|to|until|till|through|up\s+to)\s+(?P<b>{POINT})", _range_of_points,
     (HAS_YEAR, needs_any_case(r"between\s|from\s"))),
    (rf"(?<![\d,./])(?P<a>{YEAR}){DASH}(?P<b>{YEAR}|\d\d)(?![\d/])", _year_range, (HAS_YEAR, needs(rf"\d\d\d\d{DASH}\d"))),
    # OCR sometimes loses the dash: "20102020".
    (rf"(?<![\d,./])(?P<a>(?:19|20)\d\d)(?P<b>(?:19|20)\d\d)(?!\d)", _year_range, (HAS_YEAR, needs(r"\d\d\d\d\d\d\d\d"))),
    # "between February and March 2009", "January to June 2009"; "July and August 2009" are two months.
    (rf"\b(?:(?i:between)\s+(?P<m1>{MONTH})\s*(?:and|to|{DASH})|(?:(?i:from)\s+)?(?P<m1b>{MONTH})\s*(?:to|until|through|{DASH}))"
     rf"\s*(?P<m2>{MONTH}),?\s+(?P<y>{YEAR})", _month_range, (HAS_YEAR, HAS_MONTH)),
    (rf"\b(?:(?i:from)\s+)?(?P<d1>{DAY})(?:\s+(?P<m1>{MONTH}))?\s*(?:to|and|{DASH})\s*(?P<d2>{DAY})\s+(?P<m2>{MONTH}),?\s+(?P<y>{YEAR})",
     _day_range, (HAS_YEAR, HAS_MONTH)),
    # "2009 (for the first 6 months)": the brackets narrow the year.
    (rf"(?P<y>{BARE_YEAR})\s*\((?i:for\s+|in\s+|during\s+)?(?i:the\s+)?(?P<w>(?i:first|last))\s+(?P<n>{NUMBER})\s+(?i:months)\)",
     _narrowed_year, (HAS_YEAR, needs_any_case(r"months\)"))),
    # "2017 up to June 2021", "2015 until 2019": a range without "from".
    (rf"(?P<a>{POINT})\s+(?i:up\s+to|until|till|through)\s+(?P<b>{POINT})", _range_of_points,
     (HAS_YEAR, needs_any_case(r"up\s+to|until|till|through"))),
    (rf"\b(?i:the)\s+(?P<w>past|last|previous|preceding|coming|next|following)\s+(?:(?P<n>{NUMBER})\s+)?"
     r"(?P<u>(?i:years|months|decades|decade))\b", _span_around_today, (needs_any_case(r"years|months|decade"),)),
    (rf"\b(?P<n>{NUMBER})\s+(?P<u>(?i:years?|months?|decades?))\s+ago\b", _ago, (needs(r"ago"),)),
    (r"\b(?i:(?P<end>the\s+end\s+of\s+)?(?:the\s+(?P<w>current|previous|next|coming|last)\s+year|"
     r"(?P<w2>this|last|next)\s+year))\b", _named_year, (needs_any_case(r"year"),)),
    (rf"\b(?:{FULL_DATE}|{MONTH_YEAR})", _point, (HAS_YEAR, HAS_MONTH)),
    # "... of 2009" (a quarter, a half, the end, months) or "early/late 2009".
    (rf"(?i:{QUARTER}|{HALF}|{YEAR_PART}|{MONTHS_OF_YEAR})", _point,
     (HAS_YEAR, needs_any_case(r"(?:of|early|late)\s+\d\d\d\d"))),
    (rf"(?i:{DECADE})", _point, (HAS_YEAR, needs_any_case(r"\d\d\d0['’]?s"))),
    (rf"\b{DAY_MONTH}", _day_month, (HAS_MONTH,)),
    # "July and August 2009": two months, the first taking the year of the last.
    (rf"\b(?P<m>{MONTH})(?=(?:\s*(?:,|and|or|&)\s*{MONTH})+,?\s+(?P<y>{YEAR}))", _listed_month, (HAS_YEAR, HAS_MONTH)),
    (BARE_YEAR, _point, (HAS_YEAR,)),
]


COMPILED = [(re.compile(pattern), handler, required) for pattern, handler, required in RULES]
# "Article 2009", "No. 1998", "resolution 2005": references, not years. Only words that number
# things: a name's year stays a date ("the Education Act 1996", "Convention, 2011").
REFERENCE_BEFORE = re.compile(
    r"(?i:\b(?:No\.?|Nos\.?|art\.|articles?|paragraphs?|para\.|resolutions?|decrees?|decisions?|orders?|sect\.|"
    r"sections?|chapters?|annex|pages?|footnotes?|notes?|items?))\s*$"
)


def find_dates(text: str, document_date: date | None = None) -> list[DateMatch]:
    """Every date expression in text, longest first where they overlap, in text order."""
    found: list[DateMatch] = []
    lowered_text = lowered(text)
    found_needs: dict[Needs, bool] = {}
    for regex, handler, required in COMPILED:
        if not all_found(required, text, lowered_text, found_needs):
            continue
        for m in regex.finditer(text):
            if REFERENCE_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
                continue
            interval = handler(m, document_date)
            if interval is not None:
                since = SINCE_BEFORE.search(text, max(0, m.start() - 8), m.start())
                found.append(DateMatch(m.start(), m.end(), m.group(), interval, "since" if since else None))
    return with_years(non_overlapping(found, bounds=lambda d: (d.start_char, d.end_char)))


# "since 2005" is the year 2005, said to start a period ("relation": "since").
SINCE_BEFORE = re.compile(r"\b(?i:since|ever\s+since)\s+$")


def with_years(found: list[DateMatch]) -> list[DateMatch]:
    """A day without a year ("March 31") takes the year of the paragraph's date before it, else after it."""
    dated = [d for d in found if d.interval.start is not None]
    resolved = []
    for match in found:
        if match.interval.granularity == "day" and match.interval.start is None:
            context = ([d for d in dated if d.end_char <= match.start_char][-1:]
                       or [d for d in dated if d.start_char >= match.end_char][:1])
            if context:
                year = context[0].interval.start.year
                day = DAY_MONTH_RE.fullmatch(match.text)
                try:
                    when = date(year, MONTH_NUMBERS[day["m"] or day["m2"]], int(day["d"] or day["d2"]))
                    match = DateMatch(match.start_char, match.end_char, match.text, Interval(when, when, "day"),
                                      match.relation)
                except ValueError:  # 29 February of a common year
                    pass
        resolved.append(match)
    return resolved




# ------------------------------------------------------------------ spaCy component

if not Doc.has_extension("document_date"):
    Doc.set_extension("document_date", default=None)
if not Span.has_extension("date"):
    Span.set_extension("date", default=None)


class DateTagger:
    """Fills doc.spans[spans_key] with dates; `span._.date` holds the interval."""

    def __init__(self, nlp: Language, name: str, spans_key: str):
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        today = doc._.document_date
        spans = []
        for match in find_dates(doc_text(doc), today):
            span = doc.char_span(match.start_char, match.end_char, alignment_mode="expand")
            if span is None:
                continue
            span._.date = match.record()
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


# The grammar is code (RULES), no data: nothing to save with the pipeline. `doc._.document_date`
# is set by the caller, not by a component.
@Language.factory("upr_dates", default_config={"spans_key": "dates"}, assigns=["doc.spans", "span._.date"])
def make_date_tagger(nlp: Language, name: str, spans_key: str) -> DateTagger:
    return DateTagger(nlp, name, spans_key)
