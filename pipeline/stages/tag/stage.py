"""The tag stage's entry point, as pipeline/pipeline.py lists it: `run(document, settings) -> Document`."""

from __future__ import annotations

from pipeline.model import Document
from pipeline.run.settings import Settings
from pipeline.isolation import Isolation
from pipeline.stages.tag.tag import STAGE, load_nlp, tag_paragraphs


def run(document: Document, settings: Settings) -> Document:
    context, nlp = document.context, load_nlp(settings.model)
    nlp.max_length = max(nlp.max_length, settings.max_text_bytes)  # --max-text-mb is the limit, not spaCy's
    document.docs = tag_paragraphs(document.segmentation.tagged_paragraphs, nlp,
                                   context.document_date, settings.batch_size, context.abbreviations,
                                   Isolation(STAGE, settings.strict), context.state.alpha_3 if context.state else None)
    return document
