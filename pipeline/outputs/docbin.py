"""`run --to docbin`: each document's paragraphs as spaCy Docs in `OUT/docbin/<doc_id>.spacy`,
for training and for spaCy users.

Entry point: `write_docbins(out, doc_ids)`, in the main process after the run, from the
paragraph records (the same source as the tables, so a skipped document is written too
and no worker keeps its parsed docs). Each Doc is the paragraph's `text` tokenized by a
blank English pipeline; `doc.ents` holds the entities, `doc.spans` the dates, amounts and
commitments (labels: granularity, kind, kind), and `doc.user_data["upr"]` the paragraph's
key and the normalized fields of every span, in the order of the spans.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from pipeline.outputs.emit import write_bytes_atomic
from pipeline.outputs.layout import OutputLayout

# doc.spans key -> (the paragraph record's field, the field that labels a span)
SPAN_GROUPS = {"dates": ("dates", "granularity"), "amounts": ("amounts", "kind"),
               "commitments": ("commitments", "kind")}


def write_docbins(out: Path, doc_ids: Iterable[str]) -> int:
    """One DocBin per document that has a paragraphs file; returns how many were written."""
    layout, nlp = OutputLayout(out), spacy.blank("en")
    written = 0
    for doc_id in doc_ids:
        path = layout.paragraphs(doc_id)
        if not path.exists():
            continue  # a failed document
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        docs = DocBin(store_user_data=True, docs=[paragraph_doc(nlp, record) for record in records])
        write_bytes_atomic(layout.docbin(doc_id), docs.to_bytes())
        written += 1
    return written


def paragraph_doc(nlp: Any, record: dict[str, Any]) -> Doc:
    doc = nlp.make_doc(record.get("text") or "")
    entities = [span for entity in record.get("entities") or [] if (span := char_span(doc, entity, "label"))]
    doc.ents = filter_spans(entities)  # doc.ents cannot overlap; the records' entities never do
    normalized: dict[str, Any] = {"doc_id": record.get("doc_id"), "symbol": record.get("symbol"),
                                  "para": record.get("para")}
    for key, (field, label) in SPAN_GROUPS.items():
        annotations = [a for a in record.get(field) or [] if char_span(doc, a, label) is not None]
        doc.spans[key] = [char_span(doc, a, label) for a in annotations]
        normalized[key] = annotations
    doc.user_data["upr"] = normalized
    return doc


def char_span(doc: Doc, annotation: dict[str, Any], label_field: str) -> Span | None:
    """The annotation's characters as a span of whole tokens (None if its offsets are off)."""
    start, end = annotation.get("start_char"), annotation.get("end_char")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(doc.text):
        return None
    return doc.char_span(start, end, label=str(annotation.get(label_field) or ""), alignment_mode="expand")
