"""The terminal view of one paragraph."""

import re

import pytest

from pipeline.outputs.annotations import paragraph_spans
from pipeline.run.cli import main
from pipeline.outputs.show import STYLES, highlighted_text
from report_fixtures import MARKUP_DOC, fixture_output, pledge_paragraph  # noqa: F401 (a fixture)


def test_show_highlighted_text_styles_each_annotation_over_its_words():
    record = pledge_paragraph()
    shown = highlighted_text(record["text"], paragraph_spans(record).spans)
    styled = {(str(span.style), record["text"][span.start:span.end]) for span in shown.spans}
    assert (STYLES["amount"], "US$ 50,000") in styled
    assert (STYLES["commitment"], record["text"][:-1]) in styled
    assert (STYLES["entity"], "Human Rights Commissioner") in styled


def test_show_prints_the_paragraph_and_a_table_of_its_annotations(fixture_output, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # one line per annotation
    assert main(["show", MARKUP_DOC, "3", "--out", str(fixture_output)]) == 0
    printed = capsys.readouterr().out
    assert f"{MARKUP_DOC} ¶ 3" in printed and '<script>alert("pwned")</script>' in printed
    assert "OCR split: “apolicy” → “a policy”" in printed and "apolicy" in printed
    assert "II.B Odd <b>markup</b> & text" in printed


@pytest.mark.parametrize("doc_id, para, message", [
    ("nope", 1, "no document 'nope' in .* documents: A-HRC-TEST-1, A-HRC-TEST-2"),
    ("../output/documents", 1, "no document '../output/documents'"),
    (MARKUP_DOC, 99, "A-HRC-TEST-1 has no paragraph 99 \\(paragraphs: 1-5\\)"),
])
def test_show_unknown_document_or_paragraph_is_a_clear_error(fixture_output, capsys, doc_id, para, message):
    assert main(["show", doc_id, str(para), "--out", str(fixture_output)]) == 1
    assert re.search(f"error: .*\\[E031\\] {message}", capsys.readouterr().err)


@pytest.mark.parametrize("arguments", [
    ["A/HRC/TEST/1", "3"],
    ["A/HRC/TEST/1 3"],
    ["A/HRC/TEST/1, para. 3"],
    ["a/hrc/test/1 ¶ 3"],
    [f"{MARKUP_DOC} 3"],
])
def test_show_accepts_the_symbol_and_the_citation_the_report_copies(fixture_output, capsys, monkeypatch, arguments):
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["show", *arguments, "--out", str(fixture_output)]) == 0
    assert f"{MARKUP_DOC} ¶ 3" in capsys.readouterr().out


def test_show_citation_without_a_paragraph_number_is_a_clear_error(fixture_output, capsys):
    assert main(["show", "A/HRC/TEST/1", "--out", str(fixture_output)]) == 1
    assert "no paragraph number in 'A/HRC/TEST/1'" in capsys.readouterr().err
