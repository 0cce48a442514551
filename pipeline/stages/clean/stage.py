"""The clean stage's entry point, as pipeline/pipeline.py lists it: `run(document, settings) -> Document`."""

from __future__ import annotations

from pipeline.model import Document
from pipeline.run.settings import Settings
from pipeline.isolation import Isolation
from pipeline.stages.clean.clean import STAGE, clean_segmentation


def run(document: Document, settings: Settings) -> Document:
    clean_segmentation(document.segmentation, Isolation(STAGE, settings.strict))
    return document
