"""Deadlines: the choice of a sentence's deadline among its tagged dates (tests/data/deadline_cases.json)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import ROOT

from pipeline.stages.tag.dates import find_dates
from pipeline.stages.commit.deadlines import link_deadline

CASES = json.loads((ROOT / "tests" / "data" / "deadline_cases.json").read_text(encoding="utf-8"))["cases"]
DOCUMENT_DATE = date(2009, 11, 6)


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_deadlines_sentence_cases(case):
    text = case["text"]
    dates = [match.record() for match in find_dates(text, DOCUMENT_DATE)]
    acted_on = (text.index(case["acted_on"]), text.index(case["acted_on"]) + len(case["acted_on"])) if "acted_on" in case else None
    preferred = [(text.index(case["preferred"]), text.index(case["preferred"]) + len(case["preferred"]))] if "preferred" in case else []
    found = link_deadline(text, 0, len(text), dates, DOCUMENT_DATE, preferred, acted_on=acted_on)
    if case["deadline"] is None:
        assert found is None
        return
    assert {k: found[k] for k in ("text", "start", "end", "relation")} == case["deadline"]
    assert text[found["start_char"] : found["end_char"]] == found["text"]
