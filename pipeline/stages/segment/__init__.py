"""Segment stage: numbered paragraphs, headings, front matter and notes.

segment.py walks the lines; numbering.py finds the paragraph numbers, outline.py places the
headings, items.py lists a paragraph's items, abbreviations.py reads the list of abbreviations.
"""

from __future__ import annotations

from pipeline.model import Document
from pipeline.run.settings import Settings
from pipeline.stages.segment.segment import segment


def run(document: Document, settings: Settings) -> Document:
    document.segmentation = segment(document.source)
    return document
