"""Tables stage: the paragraphs' annotations as flat tables for spreadsheets and queries.

Entry point: `with open_tables(out) as tables:` then `tables.add(paragraph_records)`
for each document of a run, in doc_id order. Each table of pipeline/schema/tables.json
(entities, dates, amounts: one row per annotation, with doc_id, para, the normalized
fields and the offsets into the paragraph's text; commitments: one flat record per
commitment, with its section) is written as CSV and as Parquet with the columns' types,
and the commitments also as `commitments.jsonl`. Rows are written as they come (memory
stays flat however many documents a run has); the files take their place when the
block ends. The recommendations of Working Group reports come from their own records
(`add_recommendations`): `recommendations.jsonl` holds each whole record, with the answer
of its addendum when the run has it, and the table its flat row. It reads records, not
spaCy objects: the main process of a parallel run writes the tables and never loads a model.
"""

from __future__ import annotations

import csv
import datetime
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.outputs.emit import atomic_files, dumps, writing
from pipeline.outputs.layout import OutputLayout
from pipeline.patterns import ADDENDUM_SYMBOL_RE
from pipeline.resources import schema_json

TABLES_SCHEMA = "tables.json"
KEY_COLUMNS = ("doc_id", "para")
COMMITMENTS_JSONL, RECOMMENDATIONS_JSONL = "commitments.jsonl", "recommendations.jsonl"
RECOMMENDATIONS = "recommendations"  # the table whose rows come from recommendation records, not paragraphs
LIST_SEPARATOR = "; "  # between the States, themes and pages of one cell
CSV_ENCODINGS = ("utf-8", "utf-8-sig")  # utf-8-sig starts each CSV with a BOM, which Excel needs
PARQUET_ROW_GROUP = 20_000  # rows buffered before a Parquet row group is written
ARROW_TYPES = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "date": pa.date32(),
               "boolean": pa.bool_()}


@dataclass(frozen=True)
class TableSpec:
    """One table of pipeline/schema/tables.json: its name, the paragraph field its rows
    come from and its columns as Frictionless fields (name, type, description)."""

    name: str
    source: str
    title: str
    fields: tuple[dict[str, str], ...]

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(field["name"] for field in self.fields)

    @property
    def csv(self) -> str:
        return f"{self.name}.csv"

    @property
    def parquet(self) -> str:
        return f"{self.name}.parquet"

    def arrow_schema(self) -> pa.Schema:
        return pa.schema([(field["name"], ARROW_TYPES[field["type"]]) for field in self.fields])


def table_specs() -> tuple[TableSpec, ...]:
    return tuple(TableSpec(t["name"], t["source"], t["title"], tuple(t["fields"]))
                 for t in schema_json(TABLES_SCHEMA)["tables"])


TABLE_SPECS = table_specs()
TABLE_FILES = (*(spec.csv for spec in TABLE_SPECS), COMMITMENTS_JSONL, RECOMMENDATIONS_JSONL)  # in the output folder
PARQUET_FILES = tuple(spec.parquet for spec in TABLE_SPECS)


@contextmanager
def open_tables(out: Path, csv_encoding: str = "utf-8") -> Iterator[Tables]:
    if csv_encoding not in CSV_ENCODINGS:
        raise ValueError(f"CSV encoding must be one of {', '.join(CSV_ENCODINGS)}, not {csv_encoding!r}")
    layout = OutputLayout(out)
    names = (*TABLE_FILES, *PARQUET_FILES)
    paths = [layout.table(name) for name in names]
    encodings = {path: (None if name.endswith(".parquet") else csv_encoding if name.endswith(".csv") else "utf-8")
                 for name, path in zip(names, paths)}
    with atomic_files(paths, encodings) as handles:
        tables = Tables(Path(out), dict(zip(names, handles)))
        try:
            yield tables
        finally:
            tables.close()  # before the files close, also when the run fails (their temporary files go)


class Tables:
    """The open table files of a run; `add` writes one document's rows."""

    def __init__(self, out: Path, files: dict[str, Any]):
        self.out = out
        self.commitments_jsonl: TextIO = files[COMMITMENTS_JSONL]
        self.recommendations_jsonl: TextIO = files[RECOMMENDATIONS_JSONL]
        self.csv = {spec.name: csv.writer(files[spec.csv], lineterminator="\n") for spec in TABLE_SPECS}
        self.parquet = {spec.name: ParquetTable(spec, files[spec.parquet]) for spec in TABLE_SPECS}
        with writing(out):
            for spec in TABLE_SPECS:
                self.csv[spec.name].writerow(spec.columns)

    def add(self, paragraphs: Iterable[dict[str, Any]]) -> None:
        paragraphs = list(paragraphs)
        with writing(self.out):
            for spec in TABLE_SPECS:
                if spec.source == RECOMMENDATIONS:
                    continue
                for row in ROW_BUILDERS.get(spec.source, annotation_rows)(paragraphs, spec):
                    self.write_row(spec, row)
                    if spec.source == "commitments":
                        self.commitments_jsonl.write(dumps(row) + "\n")

    def add_recommendations(self, records: Iterable[dict[str, Any]], answers: dict[str, dict[str, Any]]) -> None:
        """One document's recommendations, each with its addendum's answer (`answers`: by
        report symbol and number, from `addendum_answers`) or None."""
        spec = next(spec for spec in TABLE_SPECS if spec.source == RECOMMENDATIONS)
        with writing(self.out):
            for record in records:
                record = {**record, "addendum_response": answers.get(f"{record['symbol']} {record['number']}")}
                self.recommendations_jsonl.write(dumps(record) + "\n")
                self.write_row(spec, recommendation_row(record))

    def write_row(self, spec: TableSpec, row: dict[str, Any]) -> None:
        self.csv[spec.name].writerow(blank_nulls(row[column] for column in spec.columns))
        self.parquet[spec.name].append(row)

    def close(self) -> None:
        with writing(self.out):
            for table in self.parquet.values():
                table.close()


class ParquetTable:
    """One table's Parquet file, written a row group at a time with the table's types."""

    def __init__(self, spec: TableSpec, handle: Any):
        self.spec = spec
        self.schema = spec.arrow_schema()
        self.writer = pq.ParquetWriter(handle, self.schema, compression="zstd")
        self.rows: list[dict[str, Any]] = []

    def append(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= PARQUET_ROW_GROUP:
            self.flush()

    def flush(self) -> None:
        columns = {field["name"]: [typed(row[field["name"]], field["type"]) for row in self.rows]
                   for field in self.spec.fields}
        self.writer.write_table(pa.table(columns, schema=self.schema))
        self.rows = []

    def close(self) -> None:
        if self.rows:
            self.flush()
        self.writer.close()


def typed(value: Any, kind: str) -> Any:
    """A cell as its column's type: ISO dates as dates, every number of a number column a float."""
    if value is None:
        return None
    if kind == "date":
        return datetime.date.fromisoformat(value)
    return float(value) if kind == "number" else value


def addendum_answers(documents: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The answers of the addenda among these document records, by "<report symbol> <number>"."""
    answers = {}
    for document in documents:
        addendum = ADDENDUM_SYMBOL_RE.match(document.get("symbol") or "")
        for answer in (document.get("answers") or []) if addendum else []:
            answers[f"{addendum['report']} {answer['number']}"] = {"symbol": document["symbol"], "para": answer["para"],
                                                                   "response": answer["response"]}
    return answers


def recommendation_row(record: dict[str, Any]) -> dict[str, Any]:
    """A recommendation as one flat row: lists joined, the States' names and codes apart."""
    state, answer = record["state_under_review"] or {}, record["addendum_response"] or {}
    return {
        **record,
        "state_under_review": state.get("name"),
        "state_under_review_iso3": state.get("iso3"),
        "recommending_states": LIST_SEPARATOR.join(s["name"] for s in record["recommending_states"]),
        "recommending_iso3": LIST_SEPARATOR.join(s["iso3"] or "" for s in record["recommending_states"]),
        "addendum_response": answer.get("response"),
        "addendum_symbol": answer.get("symbol"),
        "themes": LIST_SEPARATOR.join(record["themes"]),
        "pages": LIST_SEPARATOR.join(str(page) for page in record["pages"]),
    }


def annotation_rows(paragraphs: list[dict[str, Any]], spec: TableSpec) -> Iterator[dict[str, Any]]:
    for record in paragraphs:
        key = {column: record.get(column) for column in KEY_COLUMNS}
        for annotation in record.get(spec.source) or []:
            yield {**key, **{column: annotation.get(column) for column in spec.columns[len(KEY_COLUMNS):]}}


def blank_nulls(values: Iterable[Any]) -> list[Any]:
    return ["" if value is None else value for value in values]


def commitment_rows(paragraphs: Iterable[dict[str, Any]], spec: TableSpec | None = None) -> list[dict[str, Any]]:
    """One flat record per commitment of these paragraph records, for analysts:
    output/commitments.jsonl, .csv and .parquet (paragraphs in order give rows in order)."""
    return [
        {
            "doc_id": p["doc_id"],
            "symbol": p["symbol"],
            "para": p["para"],
            "section": heading_label(p["section"]),
            "subsection": heading_label(p["subsection"]),
            "kind": c["kind"],
            "strength": c["strength"],
            "speaker": c["speaker"],
            "actor": c["actor"],
            "action": c["action"]["text"],
            "object": c["object"]["text"] if c["object"] else None,
            "deadline": c["deadline"]["text"] if c["deadline"] else None,
            "deadline_relation": c["deadline"]["relation"] if c["deadline"] else None,
            "deadline_end": c["deadline"]["end"] if c["deadline"] else None,
            "themes": LIST_SEPARATOR.join(c["themes"]),
            "text": c["text"],
        }
        for p in paragraphs
        for c in p.get("commitments") or []
    ]


ROW_BUILDERS: dict[str, Callable[..., Iterable[dict[str, Any]]]] = {"commitments": commitment_rows}


def heading_label(heading: dict[str, str] | None) -> str | None:
    """One heading as a table cell: "II. Education"."""
    return f"{heading['id']}. {heading['title']}" if heading is not None else None
