"""CSV tables of entities, dates and amounts, written at the end of a run."""

import csv
import io

from conftest import SEED

from pipeline.executor import run
from pipeline.settings import Settings
from pipeline.tables import TABLES, Tables
from report_fixtures import MARKUP_DOC, SECOND_DOC, fixture_paragraphs


def read_csv(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_tables_rows_carry_doc_id_para_and_normalized_fields(tmp_path):
    tables = Tables()
    for records in fixture_paragraphs().values():
        tables.add(records)
    tables.write(tmp_path)
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
    tables = Tables()
    tables.add([{"doc_id": "d", "para": 1, "entities": [{"text": text, "label": "LAW", "start_char": 0,
                                                         "end_char": len(text)}]}])
    tables.write(tmp_path)
    assert read_csv(tmp_path / "entities.csv")[0]["text"] == text


def test_tables_run_writes_them_beside_the_jsonl(tmp_path):
    summary = run([SEED], tmp_path, Settings())
    for name, (_, columns) in TABLES.items():
        header = (tmp_path / name).read_text(encoding="utf-8").splitlines()[0]
        assert header == ",".join(("doc_id", "para", *columns))
        assert len((tmp_path / name).read_text().splitlines()) == 1 + summary.annotations[name.removesuffix(".csv")]
    assert not list(tmp_path.glob(".*.tmp"))
