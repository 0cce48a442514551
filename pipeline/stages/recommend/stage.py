"""The recommend stage's entry point, as pipeline/pipeline.py lists it: `run(document, settings) -> Document`.

It reads the cleaned text of a Working Group report's paragraphs (so it runs after clean)
and fills `document.recommendations`; in an addendum to a report it fills
`document.answers` instead. Other documents are left alone.
"""

from __future__ import annotations

from pipeline.model import Document, Paragraph
from pipeline.run.settings import Settings
from pipeline.stages.recommend.addenda import addendum_answers, is_addendum
from pipeline.stages.recommend.recommend import PageStarts, cycle, document_recommendations, upr_session
from pipeline.stages.recommend.states import normalize_state

WORKING_GROUP_REPORT = "working_group_report"


def run(document: Document, settings: Settings) -> Document:
    context, paragraphs = document.context, document.segmentation.paragraphs
    if context is None or context.document_type != WORKING_GROUP_REPORT:
        return document
    texts = [(p.para, p.text) for p in paragraphs]
    if is_addendum(context.symbol):
        document.answers = addendum_answers(texts)
        return document
    session = upr_session(text for _, text in texts[:5])
    state = normalize_state(context.state.name) if context.state is not None else None
    about = {
        "doc_id": document.source.doc_id,
        "symbol": context.symbol,
        "state_under_review": {"name": state.name, "iso3": state.iso3} if state is not None else None,
        "session": session,
        "cycle": cycle(session),
    }
    document.recommendations = document_recommendations(texts, about, {p.para: page_starts(p) for p in paragraphs})
    return document


def page_starts(paragraph: Paragraph) -> PageStarts:
    """Where each page of a paragraph starts in its text, measured on its input lines (the
    clean stage's repairs move offsets by a few characters at most)."""
    starts, offset, last = [], 0, None
    for line in paragraph.lines:
        if line.page is not None and line.page != last:
            starts.append((offset, line.page))
            last = line.page
        offset += len(line.text.strip()) + 1
    return starts
