"""The segment stage's entry point, as pipeline/pipeline.py lists it: `run(document, settings) -> Document`."""

from __future__ import annotations

from pipeline.model import Document
from pipeline.run.settings import Settings
from pipeline.stages.segment.segment import segment


def run(document: Document, settings: Settings) -> Document:
    document.segmentation = segment(document.source)
    return document
