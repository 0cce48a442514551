"""The typed records (pipeline/records.py) and the JSON Schemas (pipeline/schema/) cannot drift:
same field names, same required fields, the same simple types, all the way down."""

import json
import types
import typing
from importlib import resources

import pytest

from pipeline.outputs.emit import block_records, document_record, paragraph_records
from pipeline.pipeline import process_document
from pipeline.records import BlockRecord, DocumentRecord, ParagraphRecord, Recommendation
from pipeline.run.settings import Settings

RECORDS = {"paragraph.schema.json": ParagraphRecord, "document.schema.json": DocumentRecord,
           "block.schema.json": BlockRecord, "recommendation.schema.json": Recommendation}
JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null",
              list: "array", dict: "object"}


def schema(name):
    return json.loads(resources.files("pipeline.schema").joinpath(name).read_text())


def resolve(node, root):
    """The schema node itself: `$ref`s followed, a `oneOf` of null and X read as X or null."""
    if "$ref" in node:
        return resolve(root["$defs"][node["$ref"].removeprefix("#/$defs/")], root)
    if "oneOf" in node:
        (only,) = [variant for variant in node["oneOf"] if variant != {"type": "null"}]
        resolved = resolve(only, root)
        return {**resolved, "type": [*schema_types(resolved), "null"]}
    return node


def schema_types(node):
    declared = node.get("type", [])
    return {declared} if isinstance(declared, str) else set(declared)


def json_types(annotation):
    """The JSON types a Python annotation allows ("number" covers "integer")."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        found = set().union(*(json_types(arg) for arg in typing.get_args(annotation)))
    elif typing.is_typeddict(annotation):
        found = {"object"}
    elif typing.get_origin(annotation) is typing.Literal:
        found = {JSON_TYPES[type(value)] for value in typing.get_args(annotation)}
    else:
        found = {JSON_TYPES[typing.get_origin(annotation) or annotation]}
    return found - {"integer"} if "number" in found else found


def without_none(annotation):
    args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    is_optional = typing.get_origin(annotation) in (typing.Union, types.UnionType)
    return args[0] if is_optional and len(args) == 1 else annotation


def mismatches(annotation, node, root, where):
    """Where the annotation and the schema node disagree, as readable lines."""
    node = resolve(node, root)
    problems = []
    if "type" in node and json_types(annotation) != schema_types(node):
        problems.append(f"{where}: {annotation} is not {sorted(schema_types(node))}")
    core = without_none(annotation)
    if typing.get_origin(core) is typing.Literal and set(typing.get_args(core)) != set(node.get("enum", [])):
        problems.append(f"{where}: {sorted(typing.get_args(core))} is not the enum {sorted(node.get('enum', []))}")
    if typing.is_typeddict(core):
        problems += object_mismatches(core, node, root, where)
    elif typing.get_origin(core) is list:
        problems += mismatches(typing.get_args(core)[0], node.get("items", {}), root, f"{where}[]")
    elif typing.get_origin(core) is dict:
        problems += mismatches(typing.get_args(core)[1], node.get("additionalProperties", {}), root, f"{where}.*")
    return problems


def object_mismatches(typed, node, root, where):
    hints = typing.get_type_hints(typed)
    fields, properties = set(hints), set(node.get("properties", {}))
    problems = [f"{where}.{name}: only in {side}" for side, names in
                (("pipeline/records.py", fields - properties), ("the schema", properties - fields)) for name in names]
    if set(node.get("required", [])) != typed.__required_keys__:
        problems.append(f"{where}: required {sorted(node.get('required', []))} "
                        f"but typed {sorted(typed.__required_keys__)}")
    for name in sorted(fields & properties):
        problems += mismatches(hints[name], node["properties"][name], root, f"{where}.{name}")
    return problems


@pytest.mark.parametrize("name", RECORDS)
def test_records_and_schema_agree(name):
    root = schema(name)
    assert mismatches(RECORDS[name], root, root, RECORDS[name].__name__) == []


def test_records_the_check_notices_a_drift():
    root = schema("paragraph.schema.json")
    root["$defs"]["date"]["properties"]["granularity"] = {"type": "integer"}
    del root["$defs"]["entity"]["properties"]["label"]
    assert mismatches(ParagraphRecord, root, root, "P") == [
        "P.dates[].granularity: <class 'str'> is not ['integer']",
        "P.entities[].label: only in pipeline/records.py",
    ]


def test_records_the_check_notices_an_enum_drift():
    root = schema("document.schema.json")
    root["properties"]["outline"]["items"]["properties"]["level"] = {"enum": ["section", "subsection", "topic"]}
    assert mismatches(DocumentRecord, root, root, "D") == [
        "D.outline[].level: ['section', 'subsection', 'subsubsection', 'topic'] "
        "is not the enum ['section', 'subsection', 'topic']"]


def test_records_emitted_have_the_typed_fields(tmp_path):
    path = tmp_path / "tiny.txt"
    path.write_text("I. Pledges\n\n1. The Government will adopt a plan by 2020, with US$ 5 million.\n")
    document = process_document(path, Settings(model="none"))
    typed = [(document_record(document), DocumentRecord), *((r, BlockRecord) for r in block_records(document)),
             *((r, ParagraphRecord) for r in paragraph_records(document))]
    for record, kind in typed:
        assert kind.__required_keys__ <= set(record) <= set(typing.get_type_hints(kind))
