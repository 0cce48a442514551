"""The ingest stage's entry point, as pipeline/pipeline.py lists it: `run(document, settings) -> Document`."""

from __future__ import annotations

import dataclasses

from pipeline.model import Document
from pipeline.run.settings import Settings
from pipeline.stages.ingest.ingest import ingest


def run(document: Document, settings: Settings) -> Document:
    document.source = ingest(document.path, settings, document.file)
    if document.doc_id is not None:  # the caller named it (inputs that share a stem)
        document.source = dataclasses.replace(document.source, doc_id=document.doc_id)
    return document
