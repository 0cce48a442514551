"""The front matter's list of abbreviations: its lines as data (tests/data/abbreviation_cases.json)."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, corpus_file, segment_text

from pipeline.stages.segment.abbreviations import listed_abbreviations, read_definition
from pipeline.stages.furniture.furniture import mark_furniture
from pipeline.stages.ingest.ingest import ingest
from pipeline.model import Abbreviation, Line
from pipeline.stages.segment.segment import segment
from pipeline.run.settings import Settings

CASES = json.loads((ROOT / "tests" / "data" / "abbreviation_cases.json").read_text(encoding="utf-8"))["cases"]


def lines(*texts: str) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, 1)]


@pytest.mark.parametrize("case", CASES, ids=[c["line"][:40] for c in CASES])
def test_abbreviations_read_a_line_or_refuse_it(case):
    found = read_definition(Line(7, case["line"]))
    expected = Abbreviation(case["expect"][0], case["expect"][1], 7) if case["expect"] else None
    assert found == expected


def test_abbreviations_are_read_after_the_list_heading_only():
    front = lines("CRC Convention on the Rights of the Child", "List of abbreviations and acronyms:",
                  "MoJ\tMinistry of Justice", "2", "MoJ\tMinistry of Jokes", "NGO  Non-Governmental Organization")
    assert listed_abbreviations(front) == [Abbreviation("MoJ", "Ministry of Justice", 3),
                                           Abbreviation("NGO", "Non-Governmental Organization", 6)]


def test_abbreviations_without_a_list_heading_are_none():
    assert listed_abbreviations(lines("Contents", "MoJ Ministry of Justice", "Abbreviations ........ 3")) == []


def test_abbreviations_segment_keeps_the_front_matter_list():
    seg = segment_text("""
        Acronyms
        MoJ \u2013 Ministry of Justice
        CRC \u2013 Convention on the Rights of the Child
        I. Introduction
        1. The MoJ drafted the report.
        2. The CRC was ratified.
        """)
    assert [(a.short, a.line) for a in seg.abbreviations] == [("MoJ", 2), ("CRC", 3)]
    assert segment_text("1. The Ministry of Justice (MoJ) drafted it.\n2. MoJ will act.\n").abbreviations == []


def test_abbreviations_of_the_afghan_report_come_with_their_lines():
    seg = segment(mark_furniture(ingest(corpus_file("A-HRC-WG.6-32-AFG-1.txt"), Settings())))
    found = {a.short: (a.long, a.line) for a in seg.abbreviations}
    assert len(found) == 28
    assert found["AGO"] == ("Attorney General Office", 47)
    assert found["MoLSAMD"] == ("Ministry of Labor, Social Affairs, Martyrs and Disables", 67)
    assert found["NGO"] == ("Non-Governmental Organizations", 74)
