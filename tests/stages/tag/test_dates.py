"""Date grammar: tests as data (cases/dates.json), plus the spaCy component contract."""

import json
from datetime import date
from pathlib import Path

import pytest
import spacy

from pipeline.stages.tag.dates import (
    COMPILED,
    find_dates,
    parse_calendar_date,
    parse_with_dateparser,
    read_point,
    shift,
)
from pipeline.nlp.lowercase import lowered
from pipeline.prefilter import all_found

CASES = json.loads((Path(__file__).parent / "cases" / "dates.json").read_text(encoding="utf-8"))
TODAY = date.fromisoformat(CASES["document_date"])


@pytest.mark.parametrize("case", CASES["cases"], ids=lambda c: c["text"][:40])
def test_dates_find_every_expression_with_its_interval(case):
    found = [m.record() for m in find_dates(case["text"], TODAY)]
    assert [[d["text"], d["start"], d["end"], d["granularity"]] for d in found] == case["dates"]
    for d in found:
        assert case["text"][d["start_char"]:d["end_char"]] == d["text"]


def test_dates_keep_relative_expressions_unresolved_without_a_document_date():
    (match,) = find_dates("over the past 10 years", None)
    assert (match.interval.start, match.interval.end, match.interval.granularity) == (None, None, "relative")


@pytest.mark.parametrize("text, relation", [("Since 2005, facilities", "since"), ("ever since July 2009", "since"),
                                            ("in 2005", None)])
def test_dates_since_is_the_point_with_its_relation(text, relation):
    (match,) = find_dates(text, TODAY)
    assert match.record().get("relation") == relation


def test_dates_shift_clamps_the_last_day_of_february():
    assert shift(date(2008, 2, 29), years=-1) == date(2007, 2, 28)


def test_dates_read_point_rejects_a_thirteenth_month():
    assert read_point("the first 13 months of 2009") is None


# The shapes read without dateparser, with the edge cases of each part (a day that is not
# in the month, a leading zero, an ordinal, a year at either end of YEAR, a glued month).
CALENDAR_DATES = [
    "6 November 2009", "06 November 2009", "31 June 2010", "29 February 2008", "29 February 2009",
    "1st July, 2009", "3rd March 1000", "12 May 2099", "November 6, 2009", "March 31st, 2010",
    "July 2009", "July, 2009", "December\n1999", "6November 2009", "15  January   2011",
]


@pytest.mark.parametrize("text", CALENDAR_DATES)
def test_dates_parse_calendar_date_reads_common_shapes_as_dateparser_does(text):
    assert parse_calendar_date(text) == parse_with_dateparser(text.replace("6November", "6 November"))


def test_dates_component_fills_a_span_group_with_values():
    nlp = spacy.blank("en")
    nlp.add_pipe("upr_dates", config={"spans_key": "when"})
    doc = nlp.make_doc("Since 2005 and in July 2009.")
    doc._.document_date = date(2009, 11, 6)
    doc = nlp(doc)
    assert [(s.text, s._.date["start"], s._.date["end"]) for s in doc.spans["when"]] == [
        ("2005", "2005-01-01", "2005-12-31"),
        ("July 2009", "2009-07-01", "2009-07-31"),
    ]


# Texts in odd cases, and one with a long s ("ſ"), which a case-insensitive regex reads as "s".
NEEDS_TEXTS = [c["text"] for c in CASES["cases"]] + [
    "SINCE 2005", "The End Of 2009", "EARLY 2010", "In The 1990S", "FROM 2001 TO 2003", "the PAST TEN YEARS",
    "ſince 2005", "Between JANUARY 2009 and March 2010", "the First Quarter OF 2011",
]


@pytest.mark.parametrize("text", NEEDS_TEXTS, ids=lambda t: t[:40])
def test_dates_rule_needs_are_found_wherever_their_rule_matches(text):
    for regex, _, required in COMPILED:
        if regex.search(text):
            assert all_found(required, text, lowered(text), {}), (regex.pattern[:60], text)
