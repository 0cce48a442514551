"""Emit stage: records as plain dicts, and atomic, deterministic JSONL writing.

Entry points: `paragraph_records(document)`, `document_record(...)`,
`write_jsonl(path, records)`.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable

from .errors import OutputNotWritable
from .model import Document, Heading, Paragraph
from .settings import PIPELINE_VERSION


def paragraph_records(document: Document) -> list[dict[str, Any]]:
    return [paragraph_record(document, p) for p in document.segmentation.paragraphs]


def paragraph_record(document: Document, p: Paragraph) -> dict[str, Any]:
    record = {
        "doc_id": document.source.doc_id,
        "symbol": document.symbol,
        "para": p.para,
        "section": heading_ref(p.section),
        "subsection": heading_ref(p.subsection),
        "text": p.text,
        "raw": p.raw,
        "source": {
            "file": document.source.file,
            "pages": p.pages,
            "line_start": p.line_start,
            "line_end": p.line_end,
        },
        "items": [dataclasses.asdict(i) for i in p.items],
        "corrections": [dataclasses.asdict(c) for c in p.corrections],
        "entities": p.entities,
        "dates": p.dates,
        "amounts": p.amounts,
        "commitments": p.commitments,
    }
    if p.footnotes:
        record["footnotes"] = [dataclasses.asdict(f) for f in p.footnotes]
    return record


def heading_ref(heading: Heading | None) -> dict[str, str] | None:
    return heading.ref() if heading is not None else None


def outline_record(heading: Heading) -> dict[str, Any]:
    return {
        "id": heading.id,
        "level": heading.level,
        "title": heading.title,
        "line_start": heading.line_start,
        "inferred": heading.inferred,
    }


def document_record(document: Document) -> dict[str, Any]:
    source, seg = document.source, document.segmentation
    return {
        "doc_id": source.doc_id,
        "symbol": document.symbol,
        "file": source.file,
        "sha256": source.sha256,
        "pages": source.pages,
        "paragraphs": len(seg.paragraphs),
        "outline": [outline_record(h) for h in seg.outline],
        "status": "ok",
        "error": None,
        "warnings": source.warnings + seg.warnings,
        "pipeline_version": PIPELINE_VERSION,
        "encoding": source.encoding,
        "metadata": document.metadata,
        "lines": line_coverage(document),
        "unassigned_lines": len(seg.unassigned),
    }


def failed_document_record(doc_id: str, file: str, error: str, sha256: str | None = None) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "symbol": None,
        "file": file,
        "sha256": sha256,
        "pages": None,
        "paragraphs": 0,
        "outline": [],
        "status": "failed",
        "error": error,
        "warnings": [],
        "pipeline_version": PIPELINE_VERSION,
    }


def line_coverage(document: Document) -> dict[str, int]:
    """How many non-blank input lines went where: nothing is silently dropped."""
    seg = document.segmentation
    return {
        "total": sum(1 for line in document.source.lines if line.text.strip()),
        "paragraph": sum(len(p.lines) for p in seg.paragraphs),
        "heading": len(seg.heading_lines),
        "furniture": len(seg.furniture_lines),
        "front_matter": len(seg.front_matter),
        "notes": len(seg.notes),
        "floating_marks": len(seg.floating_marks),
        "unassigned": len(seg.unassigned),
    }


def dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> None:
    write_text_atomic(path, (dumps(r) + "\n" for r in records))


def write_text_atomic(path: Path, content: str | Iterable[str]) -> None:
    """Write to a temporary file in the same folder, then rename: never a half-written file.

    `content` may be an iterable of chunks, so a large file is written as it is produced.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.writelines([content] if isinstance(content, str) else content)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputNotWritable(f"cannot write {path}: {exc.strerror or exc}", str(path)) from exc
