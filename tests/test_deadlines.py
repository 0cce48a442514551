"""Deadlines: the stand-in date finder and the choice of a sentence's deadline (tests/data/deadline_cases.json)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import ROOT

from pipeline.deadlines import find_deadline_dates, link_deadline

CASES = json.loads((ROOT / "tests" / "data" / "deadline_cases.json").read_text(encoding="utf-8"))["cases"]
DOCUMENT_DATE = date(2009, 11, 6)


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_deadlines_sentence_cases(case):
    text = case["text"]
    found = link_deadline(text, 0, len(text), find_deadline_dates(text, DOCUMENT_DATE), DOCUMENT_DATE)
    if case["deadline"] is None:
        assert found is None
        return
    assert {k: found[k] for k in ("text", "start", "end")} == case["deadline"]
    assert text[found["start_char"] : found["end_char"]] == found["text"]


def test_deadlines_relative_dates_need_the_document_date():
    assert find_deadline_dates("in the coming three years", None) == []


def test_deadlines_two_digit_range_end():
    (found,) = find_deadline_dates("the 2020-25 plan", None)
    assert (found["start"], found["end"], found["granularity"]) == ("2020-01-01", "2025-12-31", "range")
