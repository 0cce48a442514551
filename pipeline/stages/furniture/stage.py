"""The furniture stage's entry point, as pipeline/pipeline.py lists it: `run(document, settings) -> Document`."""

from __future__ import annotations

from pipeline.model import Document
from pipeline.run.settings import Settings
from pipeline.stages.furniture.furniture import mark_furniture


def run(document: Document, settings: Settings) -> Document:
    document.source = mark_furniture(document.source)
    return document
