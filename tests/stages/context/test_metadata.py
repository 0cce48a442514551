"""Cover-page metadata, read from the text of hand-written covers."""

import pytest
from conftest import source_from_text

from pipeline.stages.context.metadata import document_metadata

NATIONAL_REPORT_COVER = """
    United Nations A
    /HRC/WG.6/43/FRA/1
    General Assembly
    Distr.: General
    7 March 2023
    English
    Original: French
    Human Rights Council
    Working Group on the Universal Periodic Review
    Forty-third session
    1–12 May 2023
    National report submitted pursuant to Human Rights
    Council resolutions 5/1 and 16/21
    *
    France
    """
SUMMARY_COVER = """
    UNITED
    NATIONS
    Distr.
    GENERAL
    A/HRC/WG.6/7/SVN/3
    12 November 2009
    Original: ENGLISH
    HUMAN RIGHTS COUNCIL
    Seventh session
    SUMMARY PREPARED BY THE OFFICE OF THE HIGH COMMISSIONER FOR
    HUMAN RIGHTS, IN ACCORDANCE WITH PARAGRAPH 15 (C) OF THE
    ANNEX TO HUMAN RIGHTS COUNCIL RESOLUTION 5/1
    Slovenia*
    """
WORKING_GROUP_COVER = """
    United Nations A/HRC/14/10
    Distr.: General
    23 March 2010 Original: English
    Human Rights Council Fourteenth session
    Report of the Working Group on the Universal Periodic Review*
    Kazakhstan
    1. The documents issued were (a) a national report submitted in accordance with paragraph 15 (a).
    """


@pytest.mark.parametrize(
    "cover, expected",
    [
        (NATIONAL_REPORT_COVER, ("A/HRC/WG.6/43/FRA/1", "2023-03-07", "French", "Forty-third session", "France",
                                 "national_report")),
        (SUMMARY_COVER, ("A/HRC/WG.6/7/SVN/3", "2009-11-12", "English", "Seventh session", "Slovenia",
                         "stakeholders_summary")),
        (WORKING_GROUP_COVER, ("A/HRC/14/10", "2010-03-23", "English", "Fourteenth session", "Kazakhstan",
                               "working_group_report")),
    ],
    ids=["national-report", "stakeholders-summary", "working-group-report"],
)
def test_metadata_reads_the_cover_page(cover, expected):
    metadata = document_metadata(source_from_text(cover))
    fields = ("symbol", "distribution_date", "original_language", "session", "country", "document_type")
    assert tuple(metadata[f] for f in fields) == expected


def test_metadata_is_none_where_the_cover_says_nothing():
    metadata = document_metadata(source_from_text("""
        Methodology
        1. The report was approved by a government decision on 6 November 2009 in Kazakhstan.
        """))
    assert metadata["distribution_date"] is None and metadata["country"] is None
    assert metadata["document_type"] is None and metadata["session"] is None


@pytest.mark.parametrize("title", [
    "Compilation of information prepared by the Office of the United\n    Nations High Commissioner for Human Rights",
    "Compilation of UN information",
])
def test_metadata_reads_a_compilation_of_either_title(title):
    cover = f"""
    United Nations A/HRC/WG.6/41/BRA/2
    Distr.: General
    25 August 2022
    Human Rights Council
    Working Group on the Universal Periodic Review
    Brazil
    {title}
    """
    assert document_metadata(source_from_text(cover))["document_type"] == "compilation"
