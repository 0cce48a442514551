"""The shared definitions of pipeline/patterns.py as their callers use them: month names,
sentence and clause ends, job numbers and page labels (each caller's variant kept)."""

from datetime import date

import pytest
import spacy
from conftest import source_from_text

from pipeline.outputs.report import section_label
from pipeline.outputs.tables import heading_label
import pipeline.stages.tag.amounts  # noqa: F401  (registers the upr_amounts component)
from pipeline.patterns import MONTHS, PAGE_LABEL_RE
from pipeline.stages.clean.clean import clean_text
from pipeline.stages.clean.reader import DocumentReader
from pipeline.stages.context.metadata import distribution_date
from pipeline.stages.furniture.furniture import mark_furniture
from pipeline.stages.ingest.pdf import JOB_NUMBER_LINE_RE as PDF_JOB_NUMBER_LINE_RE
from pipeline.stages.segment.abbreviations import is_long_form
from pipeline.stages.segment.numbering import LINE_ENDS_A_SENTENCE_RE
from pipeline.stages.tag.dates import parse_calendar_date

MONTH_NAMES = MONTHS.split("|")


def cleaned(text: str) -> str:
    return clean_text(text, DocumentReader.of([text]))[0]


def test_months_are_the_twelve_in_calendar_order():
    assert MONTH_NAMES == [date(2009, month, 1).strftime("%B") for month in range(1, 13)]


@pytest.mark.parametrize("month", range(1, 13))
def test_months_read_by_the_date_tagger_and_the_cover_page(month):
    name = MONTH_NAMES[month - 1]
    assert parse_calendar_date(f"6 {name} 2009").start == date(2009, month, 6)
    assert distribution_date(["Distr.: General", f"6 {name} 2009"]) == date(2009, month, 6)


def test_months_before_a_doubled_digit_year_let_the_ocr_repair_it():
    assert "on 6 May 2009." in cleaned("The law was signed on 6 May 20009.")


def test_sentence_end_bounds_a_stop_read_for_a_colon():
    assert "communications: the" in cleaned("It received communications. the Committee on torture; the Committee on women.")
    assert "communications. the" in cleaned("It received communications. the Committee met. Later; it rested.")


@pytest.fixture(scope="module")
def amounts_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("upr_amounts")
    return nlp


@pytest.mark.parametrize("between, unit", [(", ", ["offence"]), ("; ", []), (". Then ", [])])
def test_clause_end_keeps_a_count_from_lending_its_unit(amounts_nlp, between, unit):
    # Past a clause end the lone number gets no unit, and a number without a unit is no amount.
    doc = amounts_nlp(f"42 offences were registered in 2006{between}36 in 2007")
    assert [s._.amount["unit"] for s in doc.spans["amounts"] if s.text == "36"] == unit


@pytest.mark.parametrize("line, ends", [("management.21", True), ("the rights of the child;", True),
                                        ("(see annex)", True), ("the rights of", False), ("in 2009,", False)])
def test_line_ends_a_sentence_with_a_closing_mark_and_perhaps_a_footnote_number(line, ends):
    assert bool(LINE_ENDS_A_SENTENCE_RE.search(line)) == ends


def test_clause_stops_end_no_long_form_of_an_abbreviation():
    assert is_long_form("MoJ", "Ministry of Justice")
    assert not is_long_form("MoJ", "Ministry of Justice;")


def test_text_furniture_reads_page_numbers_from_job_numbers_and_page_labels():
    source = mark_furniture(source_from_text("""
        1. A paragraph.
        2 GE.23-04198
        2. Another.
        GE.09-17130 (E) 080124 090124 3
        3. A third.
        Page 4
        4. A fourth.
        GE.09- 17130
        """))
    assert [line.number for line in source.lines if line.number in source.furniture] == [2, 4, 6]


def test_pdf_job_numbers_may_be_parted_after_the_dash_and_run_on_after_a_page_number():
    assert PDF_JOB_NUMBER_LINE_RE.match("GE.09- 17130 (E) 5")
    assert PDF_JOB_NUMBER_LINE_RE.match("12 GE.10-12345 Please recycle")
    assert not PDF_JOB_NUMBER_LINE_RE.match("GE.09-17130 Please recycle")


@pytest.mark.parametrize("line, word, number", [("Page 3", "Page ", "3"), (" page  12 ", "page  ", "12"), ("7", None, "7")])
def test_page_labels_with_or_without_the_word(line, word, number):
    m = PAGE_LABEL_RE.match(line)
    assert (m["word"], m["n"]) == (word, number)
    assert not PAGE_LABEL_RE.match("Page 1234") and not PAGE_LABEL_RE.match("3 Page")


def test_heading_labels_one_heading_in_tables_and_a_paragraphs_place_in_the_report():
    section, subsection = {"id": "II", "title": "Education"}, {"id": "A", "title": "Schools"}
    assert heading_label(section) == "II. Education" and heading_label(None) is None
    assert section_label({"section": section, "subsection": subsection}) == "II.A Schools"
    assert section_label({"section": section, "subsection": None}) == "II Education"
