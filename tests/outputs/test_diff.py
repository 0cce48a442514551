"""`python -m pipeline diff OLD NEW`: what changed, per document and paragraph, with text."""

import json

import pytest
from report_fixtures import MARKUP_DOC, SECOND_DOC, at, fixture_documents, fixture_paragraphs, write_output

from pipeline.outputs.diff import text_change
from pipeline.outputs.layout import OutputLayout
from pipeline.run.cli import main


@pytest.fixture
def old(tmp_path):
    return write_output(tmp_path / "old")


def diff(old, new, capsys):
    code = main(["diff", str(old), str(new)])
    return code, capsys.readouterr().out.splitlines()


def test_diff_identical_outputs_print_only_the_summary(old, tmp_path, capsys):
    code, lines = diff(old, write_output(tmp_path / "new"), capsys)
    assert code == 0
    assert lines == ["3 documents in both: 0 changed (0 paragraphs); 0 only in OLD, 0 only in NEW; 0 of 7 tables differ"]


def test_diff_names_document_paragraph_field_and_text(old, tmp_path, capsys):
    paragraphs = fixture_paragraphs()
    record = paragraphs[MARKUP_DOC][0]
    record["dates"].append(at(record["text"], "2009", start="2009-01-01", end="2009-12-31", granularity="year"))
    record["entities"] = []
    code, lines = diff(old, write_output(tmp_path / "new", paragraphs=paragraphs), capsys)
    assert code == 1
    assert lines == [
        f'{MARKUP_DOC} para 1 entities: - "Ministry of Justice" ORG',
        f'{MARKUP_DOC} para 1 dates: + "2009" 2009-01-01..2009-12-31 (year)',
        "table entities.csv: 1 rows only in OLD, 0 rows only in NEW",
        "table dates.csv: 0 rows only in OLD, 1 rows only in NEW",
        "3 documents in both: 1 changed (1 paragraphs); 0 only in OLD, 0 only in NEW; 2 of 7 tables differ",
    ]


def test_diff_a_text_fix_is_one_change_not_every_later_offset(old, tmp_path, capsys):
    paragraphs = fixture_paragraphs()
    record = paragraphs[MARKUP_DOC][1]  # a commitment, entities, a date and an amount after the change
    record["text"] = "In 2011, the the" + record["text"][len("In 2011, the"):]
    shift = len(" the")
    for name in ("entities", "amounts", "commitments"):
        for annotation in record[name]:
            annotation["start_char"] += shift
            annotation["end_char"] += shift
    _, lines = diff(old, write_output(tmp_path / "new", paragraphs=paragraphs), capsys)
    changes = [line for line in lines if line.startswith(MARKUP_DOC)]
    assert changes == [f'{MARKUP_DOC} para 2 text: - "In 2011, the Government will amen"… '
                       f'+ "In 2011, the the Government will amen"…']


def test_diff_offsets_alone_are_reported_once(old, tmp_path, capsys):
    paragraphs = fixture_paragraphs()
    paragraphs[SECOND_DOC][0]["entities"][0]["end_char"] += 1
    _, lines = diff(old, write_output(tmp_path / "new", paragraphs=paragraphs), capsys)
    assert lines[0] == f"{SECOND_DOC} para 1 entities: same entries, other offsets or order"


def test_diff_documents_and_paragraphs_only_on_one_side(old, tmp_path, capsys):
    documents = [d for d in fixture_documents() if d["doc_id"] != SECOND_DOC]
    paragraphs = fixture_paragraphs()
    del paragraphs[SECOND_DOC]
    paragraphs[MARKUP_DOC].pop()
    code, lines = diff(old, write_output(tmp_path / "new", documents=documents, paragraphs=paragraphs), capsys)
    assert code == 1
    assert f'{MARKUP_DOC} para 5: only in OLD "Poverty fell by 12 per cent; one annotation here points bey…"' in lines
    assert f"{SECOND_DOC}: only in OLD" in lines
    assert lines[-1].endswith("1 only in OLD, 0 only in NEW; 5 of 7 tables differ")


def test_diff_documents_fields_but_not_timings(old, tmp_path, capsys):
    documents = fixture_documents()
    documents[0]["warnings"] = []
    documents[0]["timings"] = {"tag": 1.5}
    documents[2]["pages"] = 4
    _, lines = diff(old, write_output(tmp_path / "new", documents=documents), capsys)
    assert lines[:-1] == [f'{MARKUP_DOC} document warnings: - "1 line could not be placed"',
                          f"{SECOND_DOC} document pages: - 3 + 4"]


def test_diff_ignores_the_records_cache(old, tmp_path, capsys):
    new = write_output(tmp_path / "new")
    OutputLayout(new).record(MARKUP_DOC).parent.mkdir()
    OutputLayout(new).record(MARKUP_DOC).write_text(json.dumps({"doc_id": MARKUP_DOC}))
    assert diff(old, new, capsys)[0] == 0


def test_diff_of_a_folder_without_output_is_a_usage_error(old, tmp_path, capsys):
    assert main(["diff", str(old), str(tmp_path / "nothing")]) == 2
    assert "not an output folder" in capsys.readouterr().err


def test_diff_text_change_shows_both_sides_around_the_difference():
    old = "The Committee welcomed the adoption of the Law on Equal Rights and Opportunities in 2009 and urged it."
    new = old.replace("Equal Rights", "Equal  Rights")
    assert text_change(old, new) == ('- …"of the Law on Equal Rights and Opportuni"… '
                                     '+ …"of the Law on Equal  Rights and Opportuni"…')
