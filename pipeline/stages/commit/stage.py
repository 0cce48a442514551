"""The commit stage's entry point, as pipeline/pipeline.py lists it: `run(document, settings) -> Document`."""

from __future__ import annotations

from pipeline.model import Document
from pipeline.run.settings import Settings
from pipeline.isolation import Isolation
from pipeline.stages.commit.commit import STAGE, document_commitments
from pipeline.stages.tag.tag import load_nlp


def run(document: Document, settings: Settings) -> Document:
    # the tag stage's pipeline, loaded once
    document_commitments(document, load_nlp(settings.model), Isolation(STAGE, settings.strict))
    document.docs = []  # the parsed docs are read last here: free them before emit
    return document
