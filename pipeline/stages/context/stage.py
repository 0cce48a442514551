"""The context stage's entry point, as pipeline/pipeline.py lists it: `run(document, settings) -> Document`."""

from __future__ import annotations

from pipeline.model import Document
from pipeline.run.settings import Settings
from pipeline.stages.context.context import read_context
from pipeline.stages.context.metadata import document_metadata


def run(document: Document, settings: Settings) -> Document:
    document.context = read_context(document.source, document.segmentation.abbreviations)
    document.metadata = document_metadata(document.source)
    return document
