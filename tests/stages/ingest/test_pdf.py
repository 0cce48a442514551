"""PDF reader: line building from words, the corpus PDFs end to end, and ingestion errors."""

import difflib
import io
import json
from functools import lru_cache
from importlib import resources

import jsonschema
import pdfplumber
import pytest
from conftest import ROOT, corpus_file
from pypdf import PdfWriter

from pipeline.errors import CorruptPdf, EncryptedPdf, NoTextLayer
from pipeline.outputs.emit import block_records, paragraph_records
from pipeline.stages.ingest.pdf import Row, Word, attach_superscripts, baseline_groups, read_pdf
from pipeline.run.executor import run
from pipeline.pipeline import process_document
from pipeline.run.settings import Settings

GOLD = ROOT / "tests" / "gold" / "segments"
CORPUS_PDFS = {
    "A-HRC-14-10.pdf": 98,
    "A-HRC-WG.6-20-SVN-1.pdf": 106,
    "A-HRC-WG.6-48-SVN-1.pdf": 151,
    "A-HRC-WG.6-7-SVN-3.pdf": 49,
}


def word(text, x0, top, size=10.0, bold=False):
    return Word(text, x0, x0 + len(text) * size * 0.5, top, top + size, size, bold, "Times-Roman")


@lru_cache(maxsize=None)
def processed(name):
    return process_document(corpus_file(name), Settings())


def gold(name):
    return json.loads((GOLD / name.replace(".pdf", ".json")).read_text(encoding="utf-8"))


# ---------------------------------------------------------------- lines from words


def test_pdf_raised_small_number_is_a_footnote_reference_taken_out_of_the_text():
    words = [word("the", 100, 100), word("Constitution", 120, 100), word("2", 180, 97, size=6), word(",", 184, 100),
             word("which", 190, 100)]
    groups = attach_superscripts(baseline_groups(words))
    assert len(groups) == 1
    row = Row(page=1, words=sorted(groups[0], key=lambda w: w.x0), page_height=842)
    assert row.text_and_refs() == ("the Constitution, which", (2,))


def test_pdf_raised_letters_stay_glued_to_their_number():
    words = [word("the", 100, 100), word("9", 120, 100), word("th", 125.5, 97, size=6), word("meeting", 135, 100)]
    groups = attach_superscripts(baseline_groups(words))
    row = Row(page=1, words=sorted(groups[0], key=lambda w: w.x0), page_height=842)
    assert row.text_and_refs() == ("the 9th meeting", ())


def test_pdf_small_number_leading_a_smaller_line_opens_a_footnote():
    words = [word("1", 100, 700, size=6), word("Official", 105, 701, size=9), word("Gazette", 150, 701, size=9)]
    groups = attach_superscripts(baseline_groups(words))
    row = Row(page=1, words=sorted(groups[0], key=lambda w: w.x0), page_height=842)
    assert row.footnote_label == 1
    assert row.text_and_refs() == ("1 Official Gazette", ())


# ---------------------------------------------------------------- the corpus PDFs


@pytest.mark.parametrize("name", sorted(CORPUS_PDFS))
def test_pdf_corpus_paragraphs_are_complete_with_first_words_and_pages(name):
    document = processed(name)
    paragraphs = {p.para: p for p in document.segmentation.paragraphs}
    assert list(paragraphs) == list(range(1, CORPUS_PDFS[name] + 1))
    for g in gold(name)["paragraphs"][::9]:
        p = paragraphs[g["para"]]
        assert " ".join(p.body.split()).startswith(g["first_words"]), g["para"]
        assert p.pages[0] == g["page"], g["para"]


@pytest.mark.parametrize("name", sorted(CORPUS_PDFS))
def test_pdf_corpus_furniture_and_footnote_numbers_stay_out_of_the_text(name):
    document = processed(name)
    assert document.source.furniture
    for p in document.segmentation.paragraphs:
        assert document.symbol not in p.text and "GE." not in p.text and "(cid:" not in p.text, p.para


@pytest.mark.parametrize("name", sorted(CORPUS_PDFS))
def test_pdf_corpus_cover_metadata(name):
    expected = gold(name)
    metadata = processed(name).metadata
    for field in ("symbol", "distribution_date", "original_language", "session", "country", "document_type"):
        assert metadata[field] == expected[field], field


def test_pdf_footnotes_are_records_linked_to_the_paragraph_that_cites_them():
    document = processed("A-HRC-WG.6-20-SVN-1.pdf")
    paragraph = {p.para: p for p in document.segmentation.paragraphs}[4]
    assert "Criminal Code, which entered" in paragraph.text
    assert [(f.number, f.page) for f in paragraph.footnotes] == [(1, 20)]
    assert paragraph.footnotes[0].text.startswith("Official Gazette of the Republic")
    assert [f.number for f in document.segmentation.footnotes] == list(range(1, 76))


def test_pdf_recommendations_numbered_inside_a_paragraph_are_its_items():
    paragraphs = {p.para: p for p in processed("A-HRC-14-10.pdf").segmentation.paragraphs}
    assert len(paragraphs[95].items) == 102
    assert len(paragraphs[97].items) == 26
    assert paragraphs[96].text.startswith("Kazakhstan considers that recommendations")


def test_pdf_and_text_extraction_of_one_document_give_the_same_paragraphs():
    from_pdf = {p.para: p.text for p in processed("A-HRC-14-10.pdf").segmentation.paragraphs}
    from_text = {p.para: p.text for p in processed("A-HRC-14-10.macroman.txt").segmentation.paragraphs}
    assert list(from_text) == list(from_pdf)
    for number, text in from_pdf.items():
        similarity = difflib.SequenceMatcher(None, text, from_text[number], autojunk=False).ratio()
        assert similarity >= 0.9, (number, similarity)


# ---------------------------------------------------------------- errors


def blank_pdf(password=None):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data, error, message",
    [
        (blank_pdf(password="secret"), EncryptedPdf, "encrypted"),
        (blank_pdf(), NoTextLayer, "this PDF has no text layer: run OCR first, e.g. with OCRmyPDF"),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%EOF garbage", CorruptPdf, "cannot be parsed"),
        (blank_pdf()[:-200], CorruptPdf, "the PDF"),
    ],
    ids=["encrypted", "no-text-layer", "corrupt", "truncated"],
)
def test_pdf_unreadable_inputs_raise_a_one_line_typed_error(data, error, message):
    with pytest.raises(error) as raised:
        read_pdf(data, doc_id="bad", file="bad.pdf", sha256="0" * 64)
    assert message in str(raised.value) and "\n" not in str(raised.value)


def test_pdf_a_bad_pdf_is_reported_and_the_others_are_processed(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "encrypted.pdf").write_bytes(blank_pdf(password="secret"))
    (inputs / "scanned.pdf").write_bytes(blank_pdf())
    (inputs / "good.txt").write_text("1. The first paragraph.\n\n2. The second paragraph.\n", encoding="utf-8")
    reported = []
    summary = run([inputs], tmp_path / "out", Settings(), report=reported.append)
    records = {r["doc_id"]: r for r in map(json.loads, (tmp_path / "out" / "documents.jsonl").read_text().splitlines())}
    assert summary.failed == 2 and records["good"]["status"] == "ok" and records["good"]["paragraphs"] == 2
    assert "[E010]" in records["encrypted"]["error"] and "[E012]" in records["scanned"]["error"]
    assert len(reported) == 2 and all("\n" not in line for line in reported)


def test_pdf_paragraph_boxes_hold_its_words_on_each_page():
    name = "A-HRC-WG.6-20-SVN-1.pdf"
    spanning = next(r for r in paragraph_records(processed(name)) if len(r["source"]["pages"]) == 2)
    boxes = spanning["source"]["boxes"]
    assert [box["page"] for box in boxes] == spanning["source"]["pages"]
    assert {line["page"] for line in spanning["source"]["line_boxes"]} == set(spanning["source"]["pages"])
    with pdfplumber.open(corpus_file(name)) as pdf:
        first, last = (pdf.pages[box["page"] - 1].within_bbox(
            (box["x0"] - 1, box["top"] - 1, box["x1"] + 1, box["bottom"] + 1)).extract_text() for box in boxes)
    words = spanning["raw"].split()
    assert " ".join(first.split()).startswith(" ".join(words[:4]))
    assert " ".join(last.split()).endswith(" ".join(words[-3:]))


def test_pdf_records_with_boxes_validate_against_the_schemas():
    document = processed("A-HRC-WG.6-20-SVN-1.pdf")
    for name, records in (("paragraph", paragraph_records(document)), ("block", block_records(document))):
        schema = json.loads(resources.files("pipeline.schema").joinpath(f"{name}.schema.json").read_text())
        validator = jsonschema.Draft202012Validator(schema)
        for record in records:
            assert record["source"]["boxes"] and record["source"]["line_boxes"]
            validator.validate(record)
