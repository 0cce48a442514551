"""The recommend stage on a small hand-built report and its addendum, and the tables it feeds."""

from __future__ import annotations

import csv
import json
from importlib import resources

import jsonschema

from pipeline.model import Document, DocumentContext, Line, Paragraph, Segmentation, SourceDocument, State
from pipeline.outputs.tables import addendum_answers, open_tables
from pipeline.run.settings import Settings
from pipeline.stages.recommend import stage

INTRODUCTION = "The Working Group on the Universal Periodic Review held its second session from 5 to 16 May 2008."
LEAD = "The recommendations listed below enjoy the support of Algeria: 1. Continue a dialogue with minority religions"
LIST_END = "(The Holy See). 2. Abolish the death penalty (Italy)."
EXAMINED = "The following recommendations will be examined by Algeria: 96.1. Ratify CED (Spain);"


def paragraph(number: int, *lines: tuple[str, int]) -> Paragraph:
    text = " ".join(line for line, _ in lines)
    return Paragraph(para=number, section=None, subsection=None, raw=text, body=text,
                     lines=[Line(number * 10 + index, line, page) for index, (line, page) in enumerate(lines)],
                     text=text)


def document(symbol: str, *paragraphs: Paragraph) -> Document:
    source = SourceDocument(doc_id=symbol.replace("/", "_"), file="x.pdf", sha256="", lines=[], pages=3,
                            encoding="pdf", kind="pdf")
    return Document(source=source, segmentation=Segmentation(list(paragraphs), [], [], []),
                    context=DocumentContext(symbol=symbol, state=State("Algeria", None, "cover"),
                                            document_type="working_group_report"))


def report() -> Document:
    return stage.run(document("A/HRC/8/29", paragraph(1, (INTRODUCTION, 1)),
                              paragraph(70, (LEAD, 2), (LIST_END, 3)), paragraph(96, (EXAMINED, 3))), Settings())


def test_recommend_stage_records_with_the_document_fields_and_pages():
    records = report().recommendations
    assert [(r["number"], r["response"], r["pages"]) for r in records] == [
        ("1", "supported", [2, 3]), ("2", "supported", [3]), ("96.1", "pending", [3])]
    first = records[0]
    assert (first["state_under_review"], first["session"], first["cycle"]) == (
        {"name": "Algeria", "iso3": "DZA"}, 2, 1)
    assert first["recommending_states"] == [{"name": "Holy See", "iso3": "VAT"}]
    assert first["action_category"] == 2 and "Freedom of religion and belief" in first["themes"]
    schema = json.loads(resources.files("pipeline.schema").joinpath("recommendation.schema.json").read_text())
    for record in records:
        jsonschema.validate(record, schema)


def test_recommend_stage_leaves_other_documents_alone():
    other = document("A/HRC/WG.6/2/DZA/1", paragraph(1, (LEAD + " " + LIST_END, 1)))
    other.context = DocumentContext(symbol="A/HRC/WG.6/2/DZA/1", document_type="national_report")
    assert stage.run(other, Settings()).recommendations == []


def test_recommend_stage_links_the_addendum_answer_in_the_tables(tmp_path):
    addendum = stage.run(document("A/HRC/8/29/Add.1", paragraph(4, ("Recommendation 96.1 is accepted.", 1))),
                         Settings())
    assert addendum.answers == [{"number": "96.1", "response": "supported", "para": 4}]
    answers = addendum_answers([{"symbol": "A/HRC/8/29/Add.1", "answers": addendum.answers}])
    with open_tables(tmp_path) as tables:
        tables.add_recommendations(report().recommendations, answers)
    lines = (tmp_path / "recommendations.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["addendum_response"] for line in lines] == [
        None, None, {"symbol": "A/HRC/8/29/Add.1", "para": 4, "response": "supported"}]
    rows = list(csv.DictReader((tmp_path / "recommendations.csv").open(encoding="utf-8")))
    assert (rows[2]["number"], rows[2]["response"], rows[2]["addendum_response"], rows[0]["recommending_iso3"]) == (
        "96.1", "pending", "supported", "VAT")
