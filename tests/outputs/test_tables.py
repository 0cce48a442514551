"""The run's tables: entities, dates, amounts and commitments, streamed and written atomically."""

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from conftest import SEED
from report_fixtures import MARKUP_DOC, SECOND_DOC, fixture_paragraphs

from pipeline.run.executor import run
from pipeline.run.settings import Settings
from pipeline.outputs.tables import TABLE_SPECS, open_tables

COMMITMENT_COLUMNS = next(spec.columns for spec in TABLE_SPECS if spec.name == "commitments")


def read_csv(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_tables_rows_carry_doc_id_para_and_normalized_fields(tmp_path):
    with open_tables(tmp_path) as tables:
        for records in fixture_paragraphs().values():
            tables.add(records)
    dates = read_csv(tmp_path / "dates.csv")
    assert dates[1] == {"doc_id": MARKUP_DOC, "para": "2", "text": "2011", "start": "2011-01-01",
                        "end": "2011-12-31", "granularity": "year", "start_char": "3", "end_char": "7"}
    amounts = read_csv(tmp_path / "amounts.csv")
    assert [(a["para"], a["kind"], a["value"], a["unit"]) for a in amounts] == [
        ("2", "money", "50000", "USD"), ("5", "percent", "12.0", "%")]
    entities = read_csv(tmp_path / "entities.csv")
    assert len(entities) == 9 and entities[-1] == {"doc_id": SECOND_DOC, "para": "1", "text": "Convention",
                                                   "label": "LAW", "start_char": "25", "end_char": "35"}


def test_tables_text_with_commas_quotes_and_newlines_survives_a_round_trip(tmp_path):
    text = 'the "Plan", 2012\nrevised'
    with open_tables(tmp_path) as tables:
        tables.add([{"doc_id": "d", "para": 1, "entities": [{"text": text, "label": "LAW", "start_char": 0,
                                                             "end_char": len(text)}]}])
    assert read_csv(tmp_path / "entities.csv")[0]["text"] == text


def test_tables_commitments_are_flat_records_with_their_section(tmp_path):
    with open_tables(tmp_path) as tables:
        for records in fixture_paragraphs().values():
            tables.add(records)
    rows = read_csv(tmp_path / "commitments.csv")
    assert tuple(rows[0]) == COMMITMENT_COLUMNS
    assert [(r["doc_id"], r["para"], r["kind"], r["action"]) for r in rows] == [
        (MARKUP_DOC, "2", "pledge", "will amend"), (MARKUP_DOC, "4", "pending", "is endeavouring to fulfil"),
        (MARKUP_DOC, "4", "pledge", "will be implemented"), (SECOND_DOC, "1", "pledge", "will ratify")]
    assert rows[0]["section"] == "II. Commitments" and rows[0]["deadline_end"] == "2011-12-31"
    assert rows[1]["deadline"] == "" and rows[3]["subsection"] == ""
    assert [r["themes"] for r in rows] == ["NHRI", "", "National plan of action", "International instruments; Treaty bodies"]
    records = [json.loads(line) for line in (tmp_path / "commitments.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in records] == [r["text"] for r in rows] and records[1]["deadline"] is None


def test_tables_appear_whole_when_the_run_ends_and_not_at_all_when_it_fails(tmp_path):
    with open_tables(tmp_path) as tables:
        tables.add(next(iter(fixture_paragraphs().values())))
        assert not (tmp_path / "entities.csv").exists()
    assert (tmp_path / "entities.csv").exists()
    failed = tmp_path / "failed"
    with pytest.raises(RuntimeError), open_tables(failed) as tables:
        tables.add(next(iter(fixture_paragraphs().values())))
        raise RuntimeError("the run was interrupted")
    assert list(failed.iterdir()) == []  # no table, and no temporary file


def test_tables_run_writes_them_beside_the_jsonl(tmp_path):
    summary = run([SEED], tmp_path, Settings())
    for spec in TABLE_SPECS:
        header = (tmp_path / spec.csv).read_text(encoding="utf-8").splitlines()[0]
        assert header == ",".join(spec.columns)
        rows = len(list(csv.reader(io.StringIO((tmp_path / spec.csv).read_text(encoding="utf-8"))))) - 1
        assert rows == summary.annotations[spec.name] == pq.read_metadata(tmp_path / spec.parquet).num_rows
    assert not list(tmp_path.glob(".*.tmp"))


def test_tables_parquet_keeps_the_columns_types_and_nulls(tmp_path):
    with open_tables(tmp_path) as tables:
        for records in fixture_paragraphs().values():
            tables.add(records)
    amounts = pq.read_table(tmp_path / "amounts.parquet")
    assert str(amounts.schema.field("value").type) == "double" and str(amounts.schema.field("para").type) == "int64"
    assert amounts.column("value").to_pylist() == [50000.0, 12.0]
    commitments = pq.read_table(tmp_path / "commitments.parquet").to_pylist()
    assert [str(row["deadline_end"]) for row in commitments] == ["2011-12-31", "None", "2014-12-31", "2015-06-30"]
    assert commitments[1]["deadline"] is None  # a null, where the CSV has an empty cell


def test_tables_csv_encoding_utf_8_sig_starts_every_csv_with_a_bom_for_excel(tmp_path):
    with open_tables(tmp_path, csv_encoding="utf-8-sig") as tables:
        tables.add(next(iter(fixture_paragraphs().values())))
    for spec in TABLE_SPECS:
        assert (tmp_path / spec.csv).read_bytes().startswith(b"\xef\xbb\xbfdoc_id,")
    assert not (tmp_path / "commitments.jsonl").read_bytes().startswith(b"\xef\xbb\xbf")
    with pytest.raises(ValueError, match="utf-8-sig"), open_tables(tmp_path / "x", csv_encoding="latin-1"):
        pass
