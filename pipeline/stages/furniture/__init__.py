"""Furniture stage (furniture.py): page headers, footers and numbers marked as furniture."""

from __future__ import annotations

from pipeline.model import Document
from pipeline.run.settings import Settings
from pipeline.stages.furniture.furniture import mark_furniture


def run(document: Document, settings: Settings) -> Document:
    document.source = mark_furniture(document.source)
    return document
