"""Every record the pipeline writes validates against the JSON Schemas in the package."""

import json
from importlib import resources

import jsonschema
import pytest
from conftest import ROOT

from pipeline.run.cli import main


def schema(name):
    return json.loads(resources.files("pipeline.schema").joinpath(name).read_text())


@pytest.fixture(scope="module")
def run_output(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    assert main(["run", str(ROOT / "raw"), "--out", str(out)]) == 0
    return out


def test_schema_every_paragraph_record_is_valid(run_output):
    validator = jsonschema.Draft202012Validator(schema("paragraph.schema.json"))
    files = sorted((run_output / "paragraphs").glob("*.jsonl"))
    assert files
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            validator.validate(json.loads(line))


def test_schema_every_document_record_is_valid(run_output):
    validator = jsonschema.Draft202012Validator(schema("document.schema.json"))
    records = [json.loads(line) for line in (run_output / "documents.jsonl").read_text().splitlines()]
    assert records
    for record in records:
        validator.validate(record)


def test_schema_every_block_record_is_valid(run_output):
    validator = jsonschema.Draft202012Validator(schema("block.schema.json"))
    records = [json.loads(line) for path in sorted((run_output / "blocks").glob("*.jsonl"))
               for line in path.read_text(encoding="utf-8").splitlines()]
    assert {r["kind"] for r in records} >= {"heading", "furniture"}
    for record in records:
        validator.validate(record)


def test_schema_rejects_a_record_without_text():
    validator = jsonschema.Draft202012Validator(schema("paragraph.schema.json"))
    assert not validator.is_valid({"doc_id": "x", "para": 1})
