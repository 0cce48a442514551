"""Tables stage: the paragraphs' annotations as flat tables for spreadsheets and queries.

Entry points: `Tables.add(paragraph_records)` for each document of a run, in doc_id
order, and `Tables.write(out)` at its end, which writes `entities.csv`, `dates.csv`
and `amounts.csv` (one row per annotation, with doc_id, para, the normalized fields
and the offsets into the paragraph's text) and `commitments.jsonl` / `.csv` (one
flat record per commitment, with its section). It reads records, not spaCy objects:
the main process of a parallel run writes the tables and never loads a model.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .emit import write_jsonl, write_text_atomic

# file name -> (field of the paragraph record, the annotation's columns after doc_id and para)
TABLES = {
    "entities.csv": ("entities", ("text", "label", "start_char", "end_char")),
    "dates.csv": ("dates", ("text", "start", "end", "granularity", "start_char", "end_char")),
    "amounts.csv": ("amounts", ("text", "kind", "value", "unit", "start_char", "end_char")),
}
KEY_COLUMNS = ("doc_id", "para")
COMMITMENT_COLUMNS = ("doc_id", "symbol", "para", "section", "subsection", "kind", "actor", "action", "object",
                      "deadline", "deadline_end", "text")


@dataclass
class Tables:
    rows: dict[str, list[list[Any]]] = field(default_factory=lambda: {name: [] for name in TABLES})
    commitments: list[dict[str, Any]] = field(default_factory=list)

    def add(self, paragraphs: Iterable[dict[str, Any]]) -> None:
        paragraphs = list(paragraphs)
        for record in paragraphs:
            key = [record.get(column) for column in KEY_COLUMNS]
            for name, (source, columns) in TABLES.items():
                for annotation in record.get(source) or []:
                    self.rows[name].append(key + [annotation.get(column) for column in columns])
        self.commitments += commitment_rows(paragraphs)

    def write(self, out: Path) -> None:
        for name, (_, columns) in TABLES.items():
            write_text_atomic(Path(out) / name, to_csv((*KEY_COLUMNS, *columns), self.rows[name]))
        write_jsonl(Path(out) / "commitments.jsonl", self.commitments)
        write_text_atomic(Path(out) / "commitments.csv", commitments_csv(self.commitments))


def to_csv(header: Iterable[str], rows: Iterable[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if value is None else value for value in row] for row in rows])
    return buffer.getvalue()


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
            "actor": c["actor"],
            "action": c["action"]["text"],
            "object": c["object"]["text"] if c["object"] else None,
            "deadline": c["deadline"]["text"] if c["deadline"] else None,
            "deadline_end": c["deadline"]["end"] if c["deadline"] else None,
            "text": c["text"],
        }
        for p in paragraphs
        for c in p.get("commitments") or []
    ]


def heading_label(heading: dict[str, str] | None) -> str | None:
    return f"{heading['id']}. {heading['title']}" if heading is not None else None


def commitments_csv(records: Iterable[dict[str, Any]]) -> str:
    return to_csv(COMMITMENT_COLUMNS, [[record[column] for column in COMMITMENT_COLUMNS] for record in records])
