"""Tables stage: the paragraphs' annotations as flat tables for spreadsheets and queries.

Entry point: `with open_tables(out) as tables:` then `tables.add(paragraph_records)`
for each document of a run, in doc_id order. Rows are written as they come (memory
stays flat however many documents a run has) into `entities.csv`, `dates.csv` and
`amounts.csv` (one row per annotation, with doc_id, para, the normalized fields and
the offsets into the paragraph's text) and `commitments.jsonl` / `.csv` (one flat
record per commitment, with its section); the files take their place when the block
ends. It reads records, not spaCy objects: the main process of a parallel run writes
the tables and never loads a model.
"""

from __future__ import annotations

import csv
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO

from pipeline.outputs.emit import atomic_files, dumps, writing
from pipeline.outputs.layout import OutputLayout

# file name -> (field of the paragraph record, the annotation's columns after doc_id and para)
TABLES = {
    "entities.csv": ("entities", ("text", "label", "start_char", "end_char")),
    "dates.csv": ("dates", ("text", "start", "end", "granularity", "start_char", "end_char")),
    "amounts.csv": ("amounts", ("text", "kind", "value", "unit", "start_char", "end_char")),
}
KEY_COLUMNS = ("doc_id", "para")
COMMITMENTS_JSONL, COMMITMENTS_CSV = "commitments.jsonl", "commitments.csv"
TABLE_FILES = (*TABLES, COMMITMENTS_JSONL, COMMITMENTS_CSV)  # in the output folder itself
COMMITMENT_COLUMNS = ("doc_id", "symbol", "para", "section", "subsection", "kind", "strength", "speaker", "actor",
                      "action", "object", "deadline", "deadline_relation", "deadline_end", "text")


@contextmanager
def open_tables(out: Path) -> Iterator[Tables]:
    layout = OutputLayout(out)
    with atomic_files([layout.table(name) for name in TABLE_FILES]) as handles:
        files = dict(zip(TABLE_FILES, handles))
        yield Tables(Path(out), files)


class Tables:
    """The open table files of a run; `add` writes one document's rows."""

    def __init__(self, out: Path, files: dict[str, TextIO]):
        self.out = out
        self.commitments_jsonl = files[COMMITMENTS_JSONL]
        self.csv = {name: csv.writer(files[name], lineterminator="\n") for name in [*TABLES, COMMITMENTS_CSV]}
        with writing(out):
            for name, (_, columns) in TABLES.items():
                self.csv[name].writerow((*KEY_COLUMNS, *columns))
            self.csv[COMMITMENTS_CSV].writerow(COMMITMENT_COLUMNS)

    def add(self, paragraphs: Iterable[dict[str, Any]]) -> None:
        paragraphs = list(paragraphs)
        with writing(self.out):
            for name, (source, columns) in TABLES.items():
                self.csv[name].writerows(annotation_rows(paragraphs, source, columns))
            for record in commitment_rows(paragraphs):
                self.commitments_jsonl.write(dumps(record) + "\n")
                self.csv[COMMITMENTS_CSV].writerow(blank_nulls(record[column] for column in COMMITMENT_COLUMNS))


def annotation_rows(paragraphs: list[dict[str, Any]], source: str, columns: tuple[str, ...]) -> Iterator[list[Any]]:
    for record in paragraphs:
        key = [record.get(column) for column in KEY_COLUMNS]
        for annotation in record.get(source) or []:
            yield blank_nulls(key + [annotation.get(column) for column in columns])


def blank_nulls(values: Iterable[Any]) -> list[Any]:
    return ["" if value is None else value for value in values]


def commitment_rows(paragraphs: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One flat record per commitment of these paragraph records, for analysts:
    output/commitments.jsonl and .csv (paragraphs in order give rows in order)."""
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
            "text": c["text"],
        }
        for p in paragraphs
        for c in p.get("commitments") or []
    ]


def heading_label(heading: dict[str, str] | None) -> str | None:
    """One heading as a table cell: "II. Education"."""
    return f"{heading['id']}. {heading['title']}" if heading is not None else None
