"""Shared fixtures: small documents built by hand, and the shared corpus when present."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pipeline.furniture import mark_furniture
from pipeline.ingest import split_lines
from pipeline.model import Segmentation, SourceDocument
from pipeline.segment import segment

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "raw" / "A-HRC-WG.6-7-KAZ-1.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


def source_from_text(text: str, doc_id: str = "test") -> SourceDocument:
    lines, pages = split_lines(textwrap.dedent(text).lstrip("\n"))
    return SourceDocument(doc_id=doc_id, file=f"{doc_id}.txt", sha256="0" * 64, lines=lines,
                          pages=pages, encoding="utf-8", kind="text")


def segment_text(text: str) -> Segmentation:
    return segment(mark_furniture(source_from_text(text)))


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"shared corpus not available: {path} is absent")
    return path
