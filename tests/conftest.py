"""Shared fixtures: small documents built by hand, and the shared corpus when present."""

from __future__ import annotations

import io
import os
import textwrap
from pathlib import Path

import pytest

from pipeline.run.settings import STRICT_ENVIRONMENT

# The suite runs strict: a component error fails its document (and its test) instead of
# becoming a paragraph's warning; the CLI runs and workers the tests start inherit it.
os.environ[STRICT_ENVIRONMENT] = "1"

from pipeline.stages.furniture.furniture import mark_furniture
from pipeline.stages.ingest.ingest import split_lines
from pipeline.model import Segmentation, SourceDocument
from pipeline.stages.segment.segment import segment

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "raw" / "A-HRC-WG.6-7-KAZ-1.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


def source_from_text(text: str, doc_id: str = "test") -> SourceDocument:
    lines, pages = split_lines(textwrap.dedent(text).lstrip("\n"))
    return SourceDocument(doc_id=doc_id, file=f"{doc_id}.txt", sha256="0" * 64, lines=lines,
                          pages=pages, encoding="utf-8", kind="text")


def segment_text(text: str) -> Segmentation:
    return segment(mark_furniture(source_from_text(text)))


def write_seed_excerpt(path: Path, lines: int = 240) -> Path:
    """The seed's first lines (cover, outline, about 45 numbered paragraphs): a real OCR
    document at a fifth of the seed's processing time, for tests about runs, not content."""
    with SEED.open(encoding="utf-8") as seed:
        path.write_text("".join(line for _, line in zip(range(lines), seed)), encoding="utf-8")
    return path


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"shared corpus not available: {path} is absent")
    return path


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with these lines of text (Helvetica, uncompressed), written by hand."""
    ops = ["BT /F1 11 Tf 72 740 Td 14 TL"] + [f"({line}) Tj T*" for line in lines] + ["ET"]
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    out.seek(0, io.SEEK_END)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()
