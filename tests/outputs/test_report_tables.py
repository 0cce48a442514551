"""The report's tables of findings: cells as shown, flags for the toggles, odd records read safely."""

from pipeline.outputs.report_tables import (MISSING, commitment_row, commitments_of, commitments_table,
                                            recommendations_table, shown)
from report_fixtures import crossing_paragraph, pledge_paragraph, recommendation


def fixture_commitments():
    linked = [(pledge_paragraph(), "#p-2"), (crossing_paragraph(), "#p-4")]
    return commitments_of(linked, "Testland", "A/HRC/TEST/1")


def test_report_tables_show_a_dash_for_nothing_and_join_lists():
    assert [shown(v) for v in (None, "", [], {"odd": 1}, ["Brazil", None, "Chile"], 3)] == [
        MISSING, MISSING, MISSING, MISSING, "Brazil, Chile", "3"]


def test_report_tables_commitment_rows_carry_state_symbol_and_flags():
    rows = [commitment_row(c) for c in fixture_commitments()]
    assert [(r.cells["state"].text, r.cells["symbol"].text, r.cells["para"].href) for r in rows] == [
        ("Testland", "A/HRC/TEST/1", "#p-2"), ("Testland", "A/HRC/TEST/1", "#p-4"),
        ("Testland", "A/HRC/TEST/1", "#p-4")]
    assert [r.flags for r in rows] == [("dated",), (), ("dated", "unspecified-actor")]
    assert [r.cells["deadline"].sort for r in rows] == ["2011-01-01", "", "2014-12-31"]


def test_report_tables_theme_column_only_when_some_commitment_has_one():
    commitments = fixture_commitments()
    assert "theme" not in [c.key for c in commitments_table(commitments).columns]
    paragraph = pledge_paragraph()
    paragraph["commitments"][0]["themes"] = ["justice", "privacy"]
    themed = commitments_of([(paragraph, "#p-2")], "Testland", "A/HRC/TEST/1")
    table = commitments_table(themed)
    assert table.columns[-1].key == "theme" and table.rows[0].cells["theme"].text == "justice, privacy"


def test_report_tables_recommendations_read_odd_records_without_failing():
    records = [recommendation(1, "Ratify the Convention", ["Brazil", "Chile"], "supported"),
               {**recommendation(2, "Abolish the death penalty", "Mexico", None, themes=None, para=None), "number": "2a"},
               "not a record"]
    table = recommendations_table(records, lambda r: "Slovenia", lambda r: "#p-1")
    cells = [{key: cell.text for key, cell in row.cells.items()} for row in table.rows]
    assert cells[0]["recommending"] == "Brazil, Chile" and cells[0]["response"] == "supported"
    assert (cells[1]["response"], cells[1]["themes"], cells[1]["para"], cells[1]["number"]) == (
        MISSING, MISSING, MISSING, "2a")
    assert len(table.rows) == 2 and table.rows[1].cells["number"].sort == ""
