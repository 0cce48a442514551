"""Terminal view: one emitted paragraph with its annotations highlighted (rich).

Entry point: `show_paragraph(out, document, para, console)`; `python -m pipeline
show DOC_ID PARA`, or the citation the report copies: `show "A/HRC/WG.6/7/KAZ/1, para. 72"`.
For quick checks of what the pipeline found, where.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pipeline.outputs.annotations import Span, paragraph_spans, visible
from pipeline.errors import OutputMissing
from pipeline.outputs.layout import OutputLayout
from pipeline.outputs.report import pages_label, read_jsonl, section_label

# The report's colours, for the terminal; commitments underline the words they cover.
STYLES = {
    "commitment": "underline magenta",
    "entity": "black on light_sky_blue1",
    "amount": "black on navajo_white1",
    "date": "black on dark_sea_green2",
    "correction": "bold green",
}


# "A/HRC/WG.6/7/KAZ/1 72", "A/HRC/WG.6/7/KAZ/1, para. 72", "A-HRC-WG.6-7-KAZ-1 ¶ 72"
CITATION_RE = re.compile(r"^\s*(?P<document>\S+?)[\s,]+(?:(?:para(?:graph)?\.?|¶)\s*)?(?P<para>\d+)\s*$", re.IGNORECASE)


def parse_citation(document: str, para: int | None) -> tuple[str, int]:
    """The document and paragraph of `show`'s arguments: two, or a citation in one."""
    if para is not None:
        return document, para
    match = CITATION_RE.match(document)
    if match is None:
        raise OutputMissing(f"no paragraph number in {document!r}: give DOCUMENT PARA, "
                            f"e.g. 'A/HRC/WG.6/7/KAZ/1 72'", document)
    return match["document"], int(match["para"])


def show_paragraph(out: Path, document: str, para: int, console: Console) -> None:
    layout = OutputLayout(out)
    record = find_paragraph(layout, document_id(layout, document), para)
    console.print(paragraph_panel(record))


def document_id(layout: OutputLayout, document: str) -> str:
    """The doc_id of a document named by its id or by its UN symbol (from documents.jsonl)."""
    if layout.paragraphs(document).exists() or not layout.documents.exists():
        return document
    wanted = document.strip().upper()
    for line in layout.documents.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if (record.get("symbol") or "").upper() == wanted:
            return record["doc_id"]
    return document


def find_paragraph(layout: OutputLayout, doc_id: str, para: int) -> dict[str, Any]:
    path = layout.paragraphs(doc_id)
    if not path.exists():
        folder = layout.paragraphs_folder
        known = ", ".join(sorted(p.stem for p in folder.glob("*.jsonl"))) or "none (run the pipeline first)"
        raise OutputMissing(f"no document {doc_id!r} in {folder}; documents: {known}", str(folder))
    records = read_jsonl(path)
    for record in records:
        if record.get("para") == para:
            return record
    numbers = [r.get("para") for r in records]
    span = f"{min(numbers)}-{max(numbers)}" if numbers else "none"
    raise OutputMissing(f"{doc_id} has no paragraph {para} (paragraphs: {span})", str(path))


def paragraph_panel(record: dict[str, Any]) -> Panel:
    spans = paragraph_spans(record)
    parts: list[Any] = [highlighted_text(record.get("text") or "", spans.spans)]
    if spans.spans:
        parts += [Text(), annotation_table(record.get("text") or "", spans.spans)]
    if spans.invalid:
        parts.append(Text(f"{spans.invalid} annotation(s) with offsets outside the text not shown", style="red"))
    where = " · ".join(part for part in (pages_label((record.get("source") or {}).get("pages") or []),
                                         section_label(record)) if part)
    return Panel(Group(*parts), title=f"{record.get('doc_id')} ¶ {record.get('para')}", subtitle=where or None)


def highlighted_text(text: str, spans: list[Span]) -> Text:
    """The paragraph with each annotation styled (a correction styles its corrected words)."""
    shown = Text(text)
    for span in spans:
        if span.end > span.start:
            shown.stylize(STYLES[span.kind], span.start, span.end)
    return shown


def annotation_table(text: str, spans: list[Span]) -> Table:
    table = Table(box=None, show_edge=False, pad_edge=False)
    for column in ("kind", "text", "normalized", "chars"):
        table.add_column(column, overflow="fold")
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        words = text[span.start:span.end] if span.kind != "correction" else visible(span.original or "")
        table.add_row(Text(span.kind, style=STYLES[span.kind]), words, span.tip, f"{span.start}-{span.end}")
    return table
