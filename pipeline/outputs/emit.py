"""Emit stage: records as plain dicts, and atomic, deterministic JSONL writing.

Entry points: `paragraph_records(document)`, `block_records(document)`,
`document_record(...)`, `write_document_outputs(out, document)`,
`write_jsonl(path, records)`. Paths come from `OutputLayout` (outputs/layout.py).
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Mapping

from pipeline.errors import OutputNotWritable
from pipeline.model import Document, DocumentContext, Heading, Line, Paragraph
from pipeline.outputs.layout import TEMP_PREFIX, TEMP_SUFFIX, OutputLayout
from pipeline.records import BlockRecord, Box, ContextRecord, DocumentRecord, OutlineEntry, ParagraphRecord, Source
from pipeline.run.settings import PIPELINE_VERSION


def paragraph_records(document: Document) -> list[ParagraphRecord]:
    return [paragraph_record(document, p) for p in document.segmentation.paragraphs]


def paragraph_record(document: Document, p: Paragraph) -> ParagraphRecord:
    record: ParagraphRecord = {
        "doc_id": document.source.doc_id,
        "symbol": document.symbol,
        "para": p.para,
        "section": heading_ref(p.section),
        "subsection": heading_ref(p.subsection),
        "text": p.text,
        "raw": p.raw,
        "source": source_record(document.source.file, p.lines),
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


def outline_record(heading: Heading) -> OutlineEntry:
    record: OutlineEntry = {
        "id": heading.id,
        "level": heading.level,
        "title": heading.title,
        "line_start": heading.line_start,
        "inferred": heading.inferred,
    }
    if heading.raw_title is not None:  # the clean stage repaired the title: keep what was read
        record["raw_title"] = heading.raw_title
    return record


def document_record(document: Document) -> DocumentRecord:
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
        "warnings": source.warnings + seg.warnings + document.warnings + coverage_warnings(document),
        "pipeline_version": PIPELINE_VERSION,
        "encoding": source.encoding,
        "metadata": document.metadata,
        "context": context_record(document.context),
        "lines": line_coverage(document),
        "unassigned_lines": len(seg.unassigned),
        "footnotes": [dataclasses.asdict(f) for f in seg.footnotes],
    }


def context_record(context: DocumentContext | None) -> ContextRecord | None:
    if context is None:
        return None
    record = dataclasses.asdict(context)
    record["document_date"] = context.document_date.isoformat() if context.document_date else None
    return record


def failed_document_record(doc_id: str, file: str, error: str, sha256: str | None = None) -> DocumentRecord:
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


# Where a non-blank input line can end up besides a paragraph, as named in `lines`
# of documents.jsonl and `kind` of blocks/<doc_id>.jsonl.
LINE_ROLES = ("paragraph", "heading", "furniture", "front_matter", "notes", "floating_marks", "unassigned")


def line_claims(document: Document) -> list[tuple[Line, str]]:
    """Every (line, role) the stages claimed: a line claimed twice or never is a bookkeeping bug."""
    seg = document.segmentation
    furniture = set(seg.furniture_lines)
    claimed = [(line, "paragraph") for p in seg.paragraphs for line in p.lines]
    claimed += [(line, "heading") for line in seg.heading_lines]
    claimed += [(line, "furniture") for line in document.source.lines if line.number in furniture and line.text.strip()]
    claimed += [(line, "front_matter") for line in seg.front_matter]
    claimed += [(line, "notes") for line in seg.notes]
    claimed += [(line, "floating_marks") for line in seg.floating_marks]
    claimed += [(line, "unassigned") for line in seg.unassigned]
    return claimed


def line_coverage(document: Document) -> dict[str, int]:
    """How many non-blank input lines went where; the roles add up to the total exactly
    when every line was claimed once (`coverage_warnings` says otherwise)."""
    counts = Counter(role for _line, role in line_claims(document))
    return {
        "total": sum(1 for line in document.source.lines if line.text.strip()),
        **{role: counts[role] for role in LINE_ROLES},
    }


def coverage_warnings(document: Document) -> list[str]:
    claims = Counter(line for line, _role in line_claims(document))
    content = [line for line in document.source.lines if line.text.strip()]
    lost = [line.number for line in content if line not in claims]
    twice = sorted(line.number for line, n in claims.items() if n > 1)
    warnings = []
    if lost:
        warnings.append(f"{len(lost)} input lines were not accounted for (lines {lost[:10]})")
    if twice:
        warnings.append(f"{len(twice)} input lines were claimed twice (lines {twice[:10]})")
    return warnings


def block_records(document: Document) -> list[BlockRecord]:
    """All non-blank text outside numbered paragraphs, as blocks: runs of adjacent lines
    (no blank line between) with the same role. Nothing of the input is lost."""
    role_of = {line: role for line, role in line_claims(document) if role != "paragraph"}
    blocks: list[list[Line]] = []
    previous: tuple[int, str] | None = None
    for index, line in enumerate(document.source.lines):
        role = role_of.get(line)
        if role is None:
            continue
        if previous is None or previous != (index - 1, role):
            blocks.append([])
        blocks[-1].append(line)
        previous = (index, role)
    return [block_record(document, number, lines, role_of[lines[0]]) for number, lines in enumerate(blocks, start=1)]


def block_record(document: Document, number: int, lines: list[Line], role: str) -> BlockRecord:
    return {
        "doc_id": document.source.doc_id,
        "block": number,
        "kind": role,
        "text": "\n".join(line.text for line in lines),
        "source": source_record(document.source.file, lines),
    }


def source_record(file: str, lines: list[Line]) -> Source:
    """Where lines came from: file, pages, line numbers and, for a PDF, their boxes on the page."""
    record: Source = {
        "file": file,
        "pages": sorted({line.page for line in lines if line.page is not None}),
        "line_start": lines[0].number,
        "line_end": lines[-1].number,
    }
    boxed = [line for line in lines if line.box is not None and line.page is not None]
    if boxed:
        record["boxes"] = page_boxes(boxed)
        record["line_boxes"] = [{"line": line.number, **box_record(line.page, line.box)} for line in boxed]
    return record


def page_boxes(lines: list[Line]) -> list[Box]:
    """One box per page: the union of the lines' boxes on it."""
    by_page: dict[int, list[tuple[float, float, float, float]]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line.box)
    return [
        box_record(page, (min(b[0] for b in boxes), min(b[1] for b in boxes),
                          max(b[2] for b in boxes), max(b[3] for b in boxes)))
        for page, boxes in sorted(by_page.items())
    ]


def box_record(page: int, box: tuple[float, float, float, float]) -> Box:
    x0, top, x1, bottom = box
    return {"page": page, "x0": x0, "top": top, "x1": x1, "bottom": bottom}


# ---------------------------------------------------------------- files


def document_files(out: Path, doc_id: str) -> list[Path]:
    return OutputLayout(out).document_files(doc_id)


def write_document_outputs(out: Path, document: Document) -> list[ParagraphRecord]:
    """The document's paragraphs and blocks files, each written atomically;
    returns the paragraph records."""
    layout, doc_id = OutputLayout(out), document.source.doc_id
    paragraphs = paragraph_records(document)
    write_jsonl(layout.paragraphs(doc_id), paragraphs)
    write_jsonl(layout.blocks(doc_id), block_records(document))
    return paragraphs


def remove_document_outputs(out: Path, doc_id: str) -> None:
    """A failed document leaves no output of an earlier run behind."""
    for path in document_files(out, doc_id):
        path.unlink(missing_ok=True)


def prepare_output_folder(out: Path) -> None:
    """Fail early, with one line, when the output folder cannot be written; remove the
    temporary files of a run that was killed while writing."""
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as exc:
        raise OutputNotWritable(f"the output folder cannot be written: {exc.strerror or exc}", out.as_posix()) from exc
    for stale in OutputLayout(out).stale_temporary_files():
        stale.unlink(missing_ok=True)


def dumps(record: Mapping[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


def write_jsonl(path: Path, records: Iterable[Mapping[str, Any]]) -> None:
    write_text_atomic(path, (dumps(r) + "\n" for r in records))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomic(path: Path, content: str | Iterable[str]) -> None:
    """Write to a temporary file in the same folder, then rename: never a half-written file.

    `content` may be an iterable of chunks, so a large file is written as it is produced.
    """
    with atomic_files([path]) as (handle,), writing(path):
        handle.writelines([content] if isinstance(content, str) else content)


def write_bytes_atomic(path: Path, content: bytes) -> None:
    with atomic_files([path], {Path(path): None}) as (handle,), writing(path):
        handle.write(content)


@contextmanager
def atomic_files(paths: Iterable[Path], encodings: Mapping[Path, str | None] | None = None) -> Iterator[list[IO]]:
    """Files written side by side as their rows come (a run's tables), each to a
    temporary file in its folder and renamed into place when the block ends without an
    error: each file appears whole or not at all. Wrap writes in `writing(path)`.
    Text files are UTF-8 unless `encodings` names another for a path; None opens it binary."""
    paths = [Path(path) for path in paths]
    encodings = encodings or {}
    temporary: list[tuple[Path, str, IO]] = []
    try:
        for path in paths:
            with writing(path):
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
                temporary.append((path, tmp, open_fd(fd, encodings.get(path, "utf-8"))))
        yield [handle for _, _, handle in temporary]
        for path, tmp, handle in temporary:
            with writing(path):
                handle.flush()
                os.fsync(handle.fileno())
                handle.close()
                os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are shared files
                os.replace(tmp, path)
    finally:
        for _, tmp, handle in temporary:
            handle.close()
            Path(tmp).unlink(missing_ok=True)  # gone already when it was renamed


def open_fd(fd: int, encoding: str | None) -> IO:
    return os.fdopen(fd, "wb") if encoding is None else os.fdopen(fd, "w", encoding=encoding, newline="\n")


@contextmanager
def writing(path: Path) -> Iterator[None]:
    """An OS error while writing `path` (disk full, no permission) becomes a typed error naming it."""
    try:
        yield
    except OSError as exc:
        raise OutputNotWritable(f"cannot write {path}: {exc.strerror or exc}", str(path)) from exc
