"""The output folder described for other tools: a Frictionless `datapackage.json` and the
JSON Schemas of every JSONL file, written at the end of a run.

Entry point: `write_datapackage(out, csv_encoding)`. The tables (CSV and Parquet) are
described by their Table Schemas from pipeline/schema/tables.json; the JSONL files by
their JSON Schemas, copied into `out/schema/` so the folder describes itself (the
commitments' schema is derived from its table's fields: one description, two forms).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pipeline.outputs.emit import write_text_atomic
from pipeline.outputs.layout import BLOCKS, DOCUMENTS, PARAGRAPHS, OutputLayout
from pipeline.outputs.tables import COMMITMENTS_JSONL, TABLE_SPECS, TableSpec
from pipeline.resources import schema_json
from pipeline.run.settings import PIPELINE_VERSION

DATAPACKAGE, SCHEMA_FOLDER = "datapackage.json", "schema"
# JSONL files (or folders of one file per document) and the JSON Schema of their lines
JSONL_SCHEMAS = {DOCUMENTS: "document.schema.json", PARAGRAPHS: "paragraph.schema.json",
                 BLOCKS: "block.schema.json"}
COMMITMENTS_SCHEMA = "commitments.schema.json"
JSON_SCHEMA_TYPES = {"string": {"type": ["string", "null"]}, "integer": {"type": ["integer", "null"]},
                     "number": {"type": ["number", "null"]}, "boolean": {"type": ["boolean", "null"]},
                     "date": {"type": ["string", "null"], "format": "date"}}


def write_datapackage(out: Path, csv_encoding: str = "utf-8") -> Path:
    out = Path(out)
    for name, schema in json_schemas().items():
        write_text_atomic(out / SCHEMA_FOLDER / name, json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    descriptor = {
        "name": "upr-pipeline-output",
        "title": "UN Universal Periodic Review documents as data (upr-pipeline)",
        "version": PIPELINE_VERSION,
        "resources": [*table_resources(csv_encoding), *jsonl_resources(out)],
    }
    path = out / DATAPACKAGE
    write_text_atomic(path, json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
    return path


def json_schemas() -> dict[str, dict[str, Any]]:
    """Every JSON Schema a JSONL output follows, by file name."""
    schemas = {name: schema_json(name) for name in JSONL_SCHEMAS.values()}
    commitments = next(spec for spec in TABLE_SPECS if spec.source == "commitments")
    schemas[COMMITMENTS_SCHEMA] = row_json_schema(commitments)
    return schemas


def row_json_schema(spec: TableSpec) -> dict[str, Any]:
    """A table's rows as JSON objects: every column present, null where the CSV is blank."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"upr-pipeline/{spec.name}.schema.json",
        "title": spec.title,
        "type": "object",
        "required": list(spec.columns),
        "additionalProperties": False,
        "properties": {field["name"]: {**JSON_SCHEMA_TYPES[field["type"]], "description": field["description"]}
                       for field in spec.fields},
    }


def table_resources(csv_encoding: str) -> list[dict[str, Any]]:
    resources = []
    for spec in TABLE_SPECS:
        schema = {"fields": [dict(field) for field in spec.fields]}
        resources.append({"name": spec.name, "title": spec.title, "path": spec.csv, "format": "csv",
                          "mediatype": "text/csv", "encoding": csv_encoding, "schema": schema})
        resources.append({"name": f"{spec.name}-parquet", "title": spec.title, "path": spec.parquet,
                          "format": "parquet", "schema": schema})
    return resources


def jsonl_resources(out: Path) -> list[dict[str, Any]]:
    """The JSONL files, each with its JSON Schema (`jsonSchema`, a path in the package)."""
    layout = OutputLayout(out)
    files = {DOCUMENTS: [DOCUMENTS],
             PARAGRAPHS: part_paths(out, layout.paragraphs_folder),
             BLOCKS: part_paths(out, out / BLOCKS),
             COMMITMENTS_JSONL: [COMMITMENTS_JSONL]}
    schemas = {**JSONL_SCHEMAS, COMMITMENTS_JSONL: COMMITMENTS_SCHEMA}
    return [{"name": name.replace(".", "-") if name.endswith(".jsonl") else name,
             "path": paths if len(paths) != 1 else paths[0],
             "type": "file", "format": "jsonl", "mediatype": "application/jsonl", "encoding": "utf-8",
             "jsonSchema": f"{SCHEMA_FOLDER}/{schemas[name]}"}
            for name, paths in files.items() if paths]


def part_paths(out: Path, folder: Path) -> list[str]:
    return [path.relative_to(out).as_posix() for path in sorted(folder.glob("*.jsonl"))]
