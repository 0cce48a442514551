"""Two reports in one file are told, never merged in silence."""

from conftest import source_from_text

from pipeline.stages.furniture.furniture import mark_furniture

FIRST = """
    A/HRC/WG.6/28/UKR/1
    Distr.: General
    1. The first report.
    A/HRC/WG.6/28/UKR/1
    2. Its second paragraph.
    """
SECOND = """
    A/HRC/WG.6/28/UKR/2
    Distr.: General
    1. The second report.
    A/HRC/WG.6/28/UKR/2
    2. Its second paragraph.
    """


def test_concatenation_a_second_cover_and_symbol_give_a_warning():
    (warning,) = mark_furniture(source_from_text(FIRST + SECOND)).warnings
    assert "two documents in one (A/HRC/WG.6/28/UKR/1, A/HRC/WG.6/28/UKR/2)" in warning


def test_concatenation_one_report_gives_none():
    assert mark_furniture(source_from_text(FIRST)).warnings == []
