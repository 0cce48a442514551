"""Commit stage (commit.py): what the State says it will do, is doing, or needs to do."""

from __future__ import annotations

from pipeline.model import Document
from pipeline.run.settings import Settings
from pipeline.stages.commit.commit import document_commitments
from pipeline.stages.tag import tag as tagging  # the module: it registers this stage's component, a cycle


def run(document: Document, settings: Settings) -> Document:
    document_commitments(document, tagging.load_nlp(settings.model))  # the tag stage's pipeline, loaded once
    document.docs = []  # the parsed docs are read last here: free them before emit
    return document
