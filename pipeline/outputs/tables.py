"""Tables stage: the paragraphs' annotations as flat tables for spreadsheets and queries.

Entry point: `with open_tables(out) as tables:` then `tables.add(paragraph_records)`
for each document of a run, in doc_id order. Rows are written as they come (memory
stays flat however many documents a run has) into `entities.csv`, `dates.csv` and
`amounts.csv` (one row per annotation, with doc_id, para, the normalized fields and
the offsets into the paragraph's text) and `commitments.jsonl` / `.csv` (one flat
record per commitment, with its section), `recommendations.jsonl` / `.csv` (one record
per recommendation of a Working Group report, `add_recommendations`, with the answer of
its addendum when the run has it); the files take their place when the block ends. It reads records, not spaCy objects: the main process of a parallel run writes
the tables and never loads a model.
"""

from __future__ import annotations

import csv
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO

from pipeline.outputs.emit import atomic_files, dumps, writing
from pipeline.outputs.layout import OutputLayout
from pipeline.patterns import ADDENDUM_SYMBOL_RE

# file name -> (field of the paragraph record, the annotation's columns after doc_id and para)
TABLES = {
    "entities.csv": ("entities", ("text", "label", "start_char", "end_char")),
    "dates.csv": ("dates", ("text", "start", "end", "granularity", "start_char", "end_char")),
    "amounts.csv": ("amounts", ("text", "kind", "value", "unit", "start_char", "end_char")),
}
KEY_COLUMNS = ("doc_id", "para")
COMMITMENTS_JSONL, COMMITMENTS_CSV = "commitments.jsonl", "commitments.csv"
RECOMMENDATIONS_JSONL, RECOMMENDATIONS_CSV = "recommendations.jsonl", "recommendations.csv"
TABLE_FILES = (*TABLES, COMMITMENTS_JSONL, COMMITMENTS_CSV, RECOMMENDATIONS_JSONL, RECOMMENDATIONS_CSV)
COMMITMENT_COLUMNS = ("doc_id", "symbol", "para", "section", "subsection", "kind", "actor", "action", "object",
                      "deadline", "deadline_end", "text")
RECOMMENDATION_COLUMNS = ("doc_id", "symbol", "state_under_review", "state_under_review_iso3", "session", "cycle",
                          "para", "number", "recommending_states", "recommending_iso3", "response", "response_para",
                          "addendum_response", "addendum_symbol", "action_category", "themes", "pages",
                          "start_char", "end_char", "text")
LIST_SEPARATOR = "; "  # between the States, themes and pages of one CSV cell


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
        self.recommendations_jsonl = files[RECOMMENDATIONS_JSONL]
        self.csv = {name: csv.writer(files[name], lineterminator="\n")
                    for name in [*TABLES, COMMITMENTS_CSV, RECOMMENDATIONS_CSV]}
        with writing(out):
            for name, (_, columns) in TABLES.items():
                self.csv[name].writerow((*KEY_COLUMNS, *columns))
            self.csv[COMMITMENTS_CSV].writerow(COMMITMENT_COLUMNS)
            self.csv[RECOMMENDATIONS_CSV].writerow(RECOMMENDATION_COLUMNS)

    def add(self, paragraphs: Iterable[dict[str, Any]]) -> None:
        paragraphs = list(paragraphs)
        with writing(self.out):
            for name, (source, columns) in TABLES.items():
                self.csv[name].writerows(annotation_rows(paragraphs, source, columns))
            for record in commitment_rows(paragraphs):
                self.commitments_jsonl.write(dumps(record) + "\n")
                self.csv[COMMITMENTS_CSV].writerow(blank_nulls(record[column] for column in COMMITMENT_COLUMNS))


    def add_recommendations(self, records: Iterable[dict[str, Any]], answers: dict[str, dict[str, Any]]) -> None:
        """One document's recommendations, each with its addendum's answer (`answers`: by
        report symbol and number, from `addendum_answers`) or None."""
        with writing(self.out):
            for record in records:
                record = {**record, "addendum_response": answers.get(f"{record['symbol']} {record['number']}")}
                self.recommendations_jsonl.write(dumps(record) + "\n")
                self.csv[RECOMMENDATIONS_CSV].writerow(recommendation_row(record))


def addendum_answers(documents: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The answers of the addenda among these document records, by "<report symbol> <number>"."""
    answers = {}
    for document in documents:
        addendum = ADDENDUM_SYMBOL_RE.match(document.get("symbol") or "")
        for answer in (document.get("answers") or []) if addendum else []:
            answers[f"{addendum['report']} {answer['number']}"] = {"symbol": document["symbol"], "para": answer["para"],
                                                        "response": answer["response"]}
    return answers


def recommendation_row(record: dict[str, Any]) -> list[Any]:
    state, answer = record["state_under_review"] or {}, record["addendum_response"] or {}
    row = {
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
    return blank_nulls(row[column] for column in RECOMMENDATION_COLUMNS)


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
    """One heading as a table cell: "II. Education"."""
    return f"{heading['id']}. {heading['title']}" if heading is not None else None
