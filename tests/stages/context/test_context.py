"""Context stage: the State under review from the symbol or the cover, the document date and its source."""

from datetime import date

import pytest
from conftest import source_from_text
from test_metadata import WORKING_GROUP_COVER  # a Working Group report's cover: its symbol names no State

from pipeline.model import Abbreviation, State
from pipeline.stages.context.context import (APPROVAL_DATE, DISTRIBUTION_DATE, find_document_date, read_context,
                                             state_from_symbol)

NATIONAL_REPORT_COVER = """
    United Nations A/HRC/WG.6/7/KAZ/1
    General Assembly
    Distr.: General
    7 March 2009
    Original: English
    Human Rights Council
    Seventh session
    National report submitted in accordance with paragraph 15 (a)
    Kazakhstan*

    1. The report was approved on 6 November 2008.
    """


@pytest.mark.parametrize(
    "symbol, expected",
    [
        ("A/HRC/WG.6/7/KAZ/1", State("Kazakhstan", "KAZ", "symbol")),
        ("A/HRC/WG.6/8/MDA/1", State("Republic of Moldova", "MDA", "symbol")),  # ISO: "Moldova, Republic of"
        ("A/HRC/WG.6/19/BOL/1", State("Bolivia (Plurinational State of)", "BOL", "symbol")),
        ("A/HRC/14/10", None),  # a Working Group report's symbol names no State
        (None, None),
    ],
)
def test_context_state_from_the_symbol_in_the_un_spelling(symbol, expected):
    assert state_from_symbol(symbol) == expected


def test_context_reads_the_cover_and_the_symbol_once():
    listed = [Abbreviation("MoJ", "Ministry of Justice", 12)]
    context = read_context(source_from_text(NATIONAL_REPORT_COVER), listed)
    assert context.symbol == "A/HRC/WG.6/7/KAZ/1"
    assert context.state == State("Kazakhstan", "KAZ", "symbol")
    assert (context.document_type, context.language, context.session) == ("national_report", "English",
                                                                         "Seventh session")
    assert (context.document_date, context.date_source) == (date(2009, 3, 7), DISTRIBUTION_DATE)
    assert context.abbreviations == tuple(listed)


def test_context_state_falls_back_to_the_cover_when_the_symbol_names_none():
    context = read_context(source_from_text(WORKING_GROUP_COVER))
    assert context.state == State("Kazakhstan", None, "cover")


def test_context_state_is_none_when_symbol_and_cover_are_silent():
    context = read_context(source_from_text("1. The Government of Kazakhstan reports.\n"))
    assert context.state is None and context.symbol is None


def test_context_document_date_is_the_approval_date_without_a_cover():
    source = source_from_text("""
        1. This report was approved by a government decision on 6 November 2009.
        """)
    assert find_document_date(source) == (date(2009, 11, 6), APPROVAL_DATE)


def test_context_document_date_is_none_when_nothing_dates_the_document():
    assert find_document_date(source_from_text("1. No date here.\n")) == (None, None)
