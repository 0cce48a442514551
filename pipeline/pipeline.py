"""The pipeline: the stages composed in one visible place.

    ingest -> furniture -> segment -> clean -> tag -> commit -> emit

`process_document` runs them for one file; `run` processes many and writes
`documents.jsonl`, `paragraphs/<doc_id>.jsonl` and the commitments of all documents in
`commitments.jsonl` and `commitments.csv`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .clean import clean_segmentation
from .commit import commitment_records, commitments_csv, document_commitments, sorted_records
from .emit import document_record, failed_document_record, remove_document_outputs, write_document_outputs, write_jsonl, write_text_atomic
from .errors import PipelineError
from .furniture import mark_furniture
from .guard import guarded
from .ingest import display_path, document_id, ingest
from .metadata import document_metadata
from .model import Document
from .segment import segment
from .settings import Settings
from .tables import Tables
from .tag import find_document_date, load_nlp, tag_paragraphs

INPUT_SUFFIXES = {".txt", ".pdf"}


class _Timer:
    """Per-stage wall-clock timings, in seconds."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}

    def __call__(self, stage: str, fn: Callable, *args: Any) -> Any:
        start = time.perf_counter()
        result = fn(*args)
        self.timings[stage] = round(self.timings.get(stage, 0.0) + time.perf_counter() - start, 4)
        return result


@guarded  # a time limit, and any unexpected exception becomes a typed error of this file
def process_document(path: Path, settings: Settings) -> Document:
    timer = _Timer()
    source = timer("ingest", ingest, path, settings)
    source = timer("furniture", mark_furniture, source)
    segmentation = timer("segment", segment, source)
    timer("clean", clean_segmentation, segmentation)
    nlp = timer("load_model", load_nlp, settings.model)
    document_date = find_document_date(source)
    docs = timer("tag", tag_paragraphs, segmentation.paragraphs, nlp, document_date, settings.batch_size)
    timer("commit", document_commitments, segmentation, nlp, docs, document_date)
    metadata = document_metadata(source)
    return Document(
        source=source,
        segmentation=segmentation,
        symbol=metadata.get("symbol"),
        metadata=metadata,
        timings=timer.timings,
    )


@dataclass
class RunSummary:
    documents: int = 0
    failed: int = 0
    paragraphs: int = 0
    entities: int = 0
    dates: int = 0
    amounts: int = 0
    commitments: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    pdf_pages: int = 0
    pdf_seconds: float = 0.0  # spent reading PDFs (the ingest stage)

    def count(self, paragraphs: list[dict[str, Any]]) -> None:
        self.paragraphs += len(paragraphs)
        for record in paragraphs:
            for kind in ("entities", "dates", "amounts", "commitments"):
                setattr(self, kind, getattr(self, kind) + len(record[kind]))

    def line(self) -> str:
        pdf = f"; PDFs read at {self.pdf_pages / self.pdf_seconds:.1f} pages/s" if self.pdf_seconds else ""
        return (
            f"{self.documents} documents processed ({self.failed} failed): {self.paragraphs} paragraphs, "
            f"{self.entities} entities, {self.dates} dates, {self.amounts} amounts, "
            f"{self.commitments} commitments in {self.seconds:.1f}s{pdf}"
        )


def find_inputs(paths: list[Path]) -> list[Path]:
    """Input files under the given files or folders, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if is_input_file(p))
        else:
            found.append(path)
    return sorted(dict.fromkeys(found), key=lambda p: (p.stem, p.as_posix()))


def is_input_file(path: Path) -> bool:
    """An input by its suffix; a broken link is kept so that it fails visibly, not silently."""
    return (path.is_file() or (path.is_symlink() and not path.exists())) and path.suffix.lower() in INPUT_SUFFIXES


def run(paths: list[Path], out: Path, settings: Settings, report: Callable[[str], None] = print) -> RunSummary:
    started = time.perf_counter()
    summary = RunSummary()
    records, commitments = [], []
    tables = Tables()
    for path in find_inputs(paths):
        summary.documents += 1
        try:
            document = process_document(path, settings)
            paragraphs = write_document_outputs(out, document)
            record = document_record(document)
            commitments += commitment_records(document)
            record["timings"] = document.timings
            summary.count(paragraphs)
            tables.add(paragraphs)
            if document.source.kind == "pdf":
                summary.pdf_pages += document.source.pages or 0
                summary.pdf_seconds += document.timings["ingest"]
            for warning in record["warnings"]:
                report(f"{display_path(path)}: warning: {warning}")
        except PipelineError as exc:
            exc.with_file(display_path(path))
            summary.failed += 1
            summary.errors.append(str(exc))
            report(str(exc))
            remove_document_outputs(out, document_id(path))
            record = failed_document_record(document_id(path), display_path(path), str(exc))
        records.append(record)
    write_jsonl(out / "documents.jsonl", records)
    tables.write(out)
    commitments = sorted_records(commitments)
    write_jsonl(out / "commitments.jsonl", commitments)
    write_text_atomic(out / "commitments.csv", commitments_csv(commitments))
    summary.seconds = time.perf_counter() - started
    return summary
