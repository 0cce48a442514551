"""`run --to duckdb`: the tables and views in one DuckDB file."""

import pytest

from pipeline.outputs.duckdb_file import DUCKDB_FILE, VIEWS, write_duckdb
from pipeline.run.cli import main
from report_fixtures import write_output

duckdb = pytest.importorskip("duckdb", reason="duckdb is a dev dependency: pip install -e '.[dev]'")


def test_duckdb_file_has_the_tables_typed_and_the_views(tmp_path):
    out = write_output(tmp_path / "output")
    path = write_duckdb(out)
    assert path == out / DUCKDB_FILE and not list(out.glob(".*.tmp"))
    with duckdb.connect(str(path), read_only=True) as connection:
        tables = {name for (name,) in connection.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert {"entities", "dates", "amounts", "commitments", "documents", *VIEWS} <= tables
        rows = connection.execute("SELECT doc_id, para, deadline_end FROM commitments_with_deadlines").fetchall()
        assert [(doc, para, str(day)) for doc, para, day in rows] == [
            ("A-HRC-TEST-1", 2, "2011-12-31"), ("A-HRC-TEST-1", 4, "2014-12-31"), ("A-HRC-TEST-2", 1, "2015-06-30")]
        assert connection.execute("SELECT sum(commitments) FROM annotations_per_document").fetchone() == (4,)


def test_duckdb_without_the_package_exits_2_with_the_install_command(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("pipeline.run.cli.duckdb_available", lambda: False)
    assert main(["run", str(tmp_path), "--out", str(tmp_path / "out"), "--to", "duckdb"]) == 2
    assert "pip install 'upr-pipeline[duckdb]'" in capsys.readouterr().err
