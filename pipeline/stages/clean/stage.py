"""The clean stage's entry point, as pipeline/pipeline.py lists it: `run(document, settings) -> Document`."""

from __future__ import annotations

from pipeline.model import Document
from pipeline.run.settings import Settings
from pipeline.stages.clean.clean import clean_segmentation


def run(document: Document, settings: Settings) -> Document:
    clean_segmentation(document.segmentation)
    return document
