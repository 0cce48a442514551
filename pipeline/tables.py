"""Tables stage: the paragraphs' entities, dates and amounts as CSV for spreadsheets.

Entry points: `Tables.add(paragraph_records)` while documents are processed and
`Tables.write(out)` at the end of a run, which writes `entities.csv`,
`dates.csv` and `amounts.csv` beside the JSONL (one row per annotation, with
doc_id, para, the normalized fields and the offsets into the paragraph's text).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .emit import write_text_atomic

# file name -> (field of the paragraph record, the annotation's columns after doc_id and para)
TABLES = {
    "entities.csv": ("entities", ("text", "label", "start_char", "end_char")),
    "dates.csv": ("dates", ("text", "start", "end", "granularity", "start_char", "end_char")),
    "amounts.csv": ("amounts", ("text", "kind", "value", "unit", "start_char", "end_char")),
}
KEY_COLUMNS = ("doc_id", "para")


@dataclass
class Tables:
    rows: dict[str, list[list[Any]]] = field(default_factory=lambda: {name: [] for name in TABLES})

    def add(self, paragraphs: Iterable[dict[str, Any]]) -> None:
        for record in paragraphs:
            key = [record.get(column) for column in KEY_COLUMNS]
            for name, (source, columns) in TABLES.items():
                for annotation in record.get(source) or []:
                    self.rows[name].append(key + [annotation.get(column) for column in columns])

    def write(self, out: Path) -> None:
        for name, (_, columns) in TABLES.items():
            write_text_atomic(Path(out) / name, to_csv((*KEY_COLUMNS, *columns), self.rows[name]))


def to_csv(header: Iterable[str], rows: Iterable[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if value is None else value for value in row] for row in rows])
    return buffer.getvalue()
