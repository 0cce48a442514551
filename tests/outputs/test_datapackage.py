"""datapackage.json and the JSON Schemas a run writes: every output file described, and valid."""

import json

import jsonschema
import pytest
from conftest import SEED

from pipeline.outputs.datapackage import write_datapackage
from pipeline.outputs.tables import TABLE_SPECS
from pipeline.run.executor import RunOptions, run
from pipeline.run.settings import Settings
from report_fixtures import write_output

frictionless = pytest.importorskip("frictionless", reason="frictionless is a dev dependency: pip install -e '.[dev]'")


@pytest.fixture
def described_output(tmp_path):
    out = write_output(tmp_path / "output")
    write_datapackage(out)
    return out


@pytest.fixture(scope="module")
def seed_output(tmp_path_factory):
    """A real run of the seed with every extra format."""
    out = tmp_path_factory.mktemp("seed") / "output"
    summary = run([SEED], out, Settings(), RunOptions(jobs=1, formats=("docbin", "duckdb"), csv_encoding="utf-8-sig"))
    assert summary.failed == 0
    return out


def test_datapackage_describes_every_table_and_jsonl_file(described_output):
    descriptor = json.loads((described_output / "datapackage.json").read_text(encoding="utf-8"))
    paths = {path for resource in descriptor["resources"]
             for path in ([resource["path"]] if isinstance(resource["path"], str) else resource["path"])}
    written = {path.relative_to(described_output).as_posix() for path in described_output.rglob("*")
               if path.is_file() and path.parent.name != "schema" and path.name != "datapackage.json"}
    assert written <= paths
    assert {f"{spec.name}.parquet" for spec in TABLE_SPECS} <= paths


def test_datapackage_is_valid_and_its_tables_match_their_schemas(described_output):
    report = frictionless.validate(described_output / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])


def test_datapackage_of_a_real_run_is_valid(seed_output):
    report = frictionless.validate(seed_output / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])


def test_datapackage_jsonl_lines_are_valid_against_the_schemas_it_names(seed_output):
    described_output = seed_output
    descriptor = json.loads((described_output / "datapackage.json").read_text(encoding="utf-8"))
    checked = 0
    for resource in descriptor["resources"]:
        if resource["format"] != "jsonl":
            continue
        schema = json.loads((described_output / resource["jsonSchema"]).read_text(encoding="utf-8"))
        paths = [resource["path"]] if isinstance(resource["path"], str) else resource["path"]
        for path in paths:
            for line in (described_output / path).read_text(encoding="utf-8").splitlines():
                jsonschema.validate(json.loads(line), schema)
                checked += 1
    assert checked > 300  # 205 paragraphs, their blocks, 100 commitments, the document


def test_datapackage_field_types_are_the_parquet_column_types(described_output):
    import pyarrow.parquet as pq

    arrow_names = {"string": "string", "integer": "int64", "number": "double", "date": "date32[day]"}
    for spec in TABLE_SPECS:
        schema = pq.read_schema(described_output / spec.parquet)
        assert [(f.name, str(f.type)) for f in schema] == [(f["name"], arrow_names[f["type"]]) for f in spec.fields]
