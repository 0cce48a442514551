"""Two reports in one file are told, never merged in silence."""

from conftest import source_from_text

from pipeline.stages.furniture.furniture import mark_furniture



def report(symbol):
    """A report's cover and its first page, under its running symbol."""
    return f"""
    {symbol}
    Distr.: General
    1. The report.
    {symbol}
    2. Its second paragraph.
    """


FIRST, SECOND = report("A/HRC/WG.6/28/UKR/1"), report("A/HRC/WG.6/28/UKR/2")


def test_concatenation_a_second_cover_and_symbol_give_a_warning():
    (warning,) = mark_furniture(source_from_text(FIRST + SECOND)).warnings
    assert "two documents in one (A/HRC/WG.6/28/UKR/1, A/HRC/WG.6/28/UKR/2)" in warning


def test_concatenation_one_report_gives_none():
    assert mark_furniture(source_from_text(FIRST)).warnings == []
