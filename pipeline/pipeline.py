"""The pipeline: the stages composed in one visible place.

    ingest -> furniture -> segment -> clean -> commit -> emit

`process_document` runs them for one file; `run` processes many and writes
`documents.jsonl`, `paragraphs/<doc_id>.jsonl` and the commitments of all documents in
`commitments.jsonl` and `commitments.csv`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .clean import clean_paragraphs
from .commit import commitment_records, commitments_csv, document_commitments, sorted_records
from .emit import document_record, failed_document_record, paragraph_records, write_jsonl, write_text_atomic
from .errors import PipelineError
from .furniture import mark_furniture
from .ingest import ingest
from .metadata import document_metadata
from .model import Document
from .segment import segment
from .settings import Settings

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


def process_document(path: Path, settings: Settings) -> Document:
    timer = _Timer()
    source = timer("ingest", ingest, path, settings)
    source = timer("furniture", mark_furniture, source)
    segmentation = timer("segment", segment, source)
    timer("clean", clean_paragraphs, segmentation.paragraphs)
    timer("commit", document_commitments, source, segmentation, settings)
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
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.documents} documents ({self.failed} failed), {self.paragraphs} paragraphs "
            f"in {self.seconds:.1f}s"
        )


def find_inputs(paths: list[Path]) -> list[Path]:
    """Input files under the given files or folders, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
        else:
            found.append(path)
    return sorted(dict.fromkeys(found), key=lambda p: (p.stem, p.as_posix()))


def run(paths: list[Path], out: Path, settings: Settings, report: Callable[[str], None] = print) -> RunSummary:
    started = time.perf_counter()
    summary = RunSummary()
    records, commitments = [], []
    for path in find_inputs(paths):
        summary.documents += 1
        try:
            document = process_document(path, settings)
            write_jsonl(out / "paragraphs" / f"{document.source.doc_id}.jsonl", paragraph_records(document))
            record = document_record(document)
            commitments += commitment_records(document)
            record["timings"] = document.timings
            summary.paragraphs += record["paragraphs"]
            for warning in record["warnings"]:
                report(f"{path.as_posix()}: warning: {warning}")
        except PipelineError as exc:
            exc.with_file(path.as_posix())
            summary.failed += 1
            summary.errors.append(str(exc))
            report(str(exc))
            (out / "paragraphs" / f"{path.stem}.jsonl").unlink(missing_ok=True)
            record = failed_document_record(path.stem, path.as_posix(), str(exc))
        records.append(record)
    write_jsonl(out / "documents.jsonl", records)
    commitments = sorted_records(commitments)
    write_jsonl(out / "commitments.jsonl", commitments)
    write_text_atomic(out / "commitments.csv", commitments_csv(commitments))
    summary.seconds = time.perf_counter() - started
    return summary
