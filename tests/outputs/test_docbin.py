"""`run --to docbin`: the paragraphs as spaCy Docs, annotations in doc.ents and doc.spans."""

import spacy
from spacy.tokens import DocBin

from pipeline.outputs.docbin import paragraph_doc, write_docbins
from pipeline.outputs.layout import OutputLayout
from report_fixtures import MARKUP_DOC, fixture_paragraphs, pledge_paragraph, write_output


def read_docs(path):
    return list(DocBin().from_bytes(path.read_bytes()).get_docs(spacy.blank("en").vocab))


def test_docbin_paragraph_doc_holds_entities_dates_amounts_commitments_over_their_words():
    record = pledge_paragraph()
    doc = paragraph_doc(spacy.blank("en"), record)
    assert doc.text == record["text"]
    assert [(e.text, e.label_) for e in doc.ents] == [(e["text"], e["label"]) for e in record["entities"]]
    assert [(s.text, s.label_) for s in doc.spans["amounts"]] == [("US$ 50,000", "money")]
    assert [s.label_ for s in doc.spans["commitments"]] == ["pledge"]
    assert doc.user_data["upr"]["para"] == record["para"] and doc.user_data["upr"]["amounts"][0]["unit"] == "USD"


def test_docbin_annotation_with_offsets_outside_the_text_is_left_out():
    record = {**pledge_paragraph(), "dates": [{"text": "x", "start_char": 5, "end_char": 9999}]}
    assert list(paragraph_doc(spacy.blank("en"), record).spans["dates"]) == []


def test_docbin_one_file_per_document_round_trips(tmp_path):
    out = write_output(tmp_path / "output")
    assert write_docbins(out, [MARKUP_DOC, "A-HRC-TEST-FAILED"]) == 1
    docs = read_docs(OutputLayout(out).docbin(MARKUP_DOC))
    records = fixture_paragraphs()[MARKUP_DOC]
    assert [d.user_data["upr"]["para"] for d in docs] == [r["para"] for r in records]
    assert [d.text for d in docs] == [r["text"] for r in records]
