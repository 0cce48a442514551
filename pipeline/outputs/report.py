"""Report stage: the HTML review report, built from the emitted JSONL.

Entry point: `build_report(out) -> list[Path]` reads `documents.jsonl` and each
document's paragraphs file (where `OutputLayout` puts them) and writes into `report/` one
self-contained page per document (inline CSS and JS, no network) and an
`index.html`. All text goes through Jinja2's autoescaping; a Content Security
Policy admits only the page's own script and style (by hash) and no requests.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from pipeline.outputs.annotations import FIELDS, KINDS, Node, describe_deadline, nest, paragraph_spans, span_text, visible
from pipeline.outputs.emit import write_text_atomic
from pipeline.errors import MalformedOutput, OutputMissing, OutputNotWritable
from pipeline.outputs.layout import OutputLayout
from pipeline.outputs.timeline import Timeline, TimelineItem, layout_timeline

# A doc_id used as it is for its page name; any other gets a sanitized name plus a hash.
PLAIN_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,100}")
RESERVED_NAMES = {"index"}
ANCHOR_UNSAFE_RE = re.compile(r"[^A-Za-z0-9._-]+")
HEADING_TAGS = {"section": "h2", "subsection": "h3", "topic": "h4"}


@dataclass
class ParagraphView:
    para: Any
    line: int  # the input line it starts on, to place it among the headings
    anchor: str
    pages: str
    heading: str
    nodes: list[Node]
    invalid: int
    footnotes: list[dict[str, Any]]


@dataclass
class HeadingView:
    line: int
    anchor: str
    id: str
    level: str
    tag: str
    title: str
    inferred: bool


@dataclass
class CommitmentRow:
    doc_id: str
    para: Any
    href: str
    kind: str
    actor: str
    action: str
    object: str
    text: str
    deadline: str
    deadline_sort: str
    deadline_start: str | None
    deadline_end: str | None


@dataclass
class DocumentView:
    record: dict[str, Any]
    page: str | None  # the page's file name; None for a failed document
    paragraphs: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # why paragraphs could not be read

    @property
    def doc_id(self) -> str:
        return str(self.record.get("doc_id"))

    @property
    def ok(self) -> bool:
        return self.record.get("status") == "ok"

    @cached_property  # asked for once per kind by the templates; paragraphs are loaded by then
    def counts(self) -> dict[str, int]:
        return {kind: sum(len(p.get(FIELDS[kind]) or []) for p in self.paragraphs) for kind in KINDS}


def build_report(out: Path, dest: Path | None = None) -> list[Path]:
    """Write the report for the outputs in `out`; returns the pages written, index first."""
    layout = OutputLayout(out)
    dest = Path(dest) if dest is not None else layout.report
    documents = load_documents(layout)
    env = environment()
    assets = page_assets()
    rows = [row for doc in documents if doc.page for row in commitment_rows(doc, doc.page)]
    index = env.get_template("index.html.j2").render(
        documents=documents, commitments=rows, timeline=timeline_of(rows), **assets
    )
    written = [write_page(dest, "index.html", index)]
    for doc in documents:
        if doc.page:
            html = env.get_template("document.html.j2").render(**document_context(doc), **assets)
            written.append(write_page(dest, doc.page, html))
    return written


def write_page(dest: Path, name: str, html: str) -> Path:
    path = dest / name
    if path.resolve().parent != dest.resolve():  # page_name() guarantees this; never write elsewhere
        raise OutputNotWritable(f"refusing to write outside the report folder: {name!r}", str(dest))
    write_text_atomic(path, html)
    return path


# ---------------------------------------------------------------- reading the outputs

def load_documents(layout: OutputLayout) -> list[DocumentView]:
    documents_file = layout.documents
    if not documents_file.exists():
        raise OutputMissing(f"{documents_file} not found: run the pipeline first (make run)", str(documents_file))
    records = read_jsonl(documents_file)
    names = page_names([str(r.get("doc_id")) for r in records])
    documents = []
    for record, name in zip(records, names):
        doc = DocumentView(record, name if record.get("status") == "ok" else None)
        if doc.ok:
            load_paragraphs(layout.paragraphs(doc.doc_id), doc)
        documents.append(doc)
    return documents


def load_paragraphs(path: Path, doc: DocumentView) -> None:
    if not path.exists():
        doc.problems.append(f"{path} not found")
    else:
        doc.paragraphs = read_jsonl(path)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise MalformedOutput(f"line {number} is not JSON: {exc.msg}", str(path)) from exc
    return records


def page_names(doc_ids: list[str]) -> list[str]:
    """One distinct, safe file name per document, in the report folder itself."""
    names, seen = [], set()
    for doc_id in doc_ids:
        name, n = page_name(doc_id), 1
        while name.lower() in seen:  # the same doc_id twice, or two ids that differ only in case
            n += 1
            name = page_name(f"{doc_id}#{n}", force_hash=True)
        seen.add(name.lower())
        names.append(name)
    return names


def page_name(doc_id: str, force_hash: bool = False) -> str:
    if PLAIN_NAME_RE.fullmatch(doc_id) and doc_id.lower() not in RESERVED_NAMES and not force_hash:
        return f"{doc_id}.html"
    stem = ANCHOR_UNSAFE_RE.sub("_", doc_id).strip("._-")[:60] or "document"
    digest = hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:10]
    return f"{stem}-{digest}.html"


# ---------------------------------------------------------------- what a page shows

def document_context(doc: DocumentView) -> dict[str, Any]:
    headings = heading_views(doc.record.get("outline") or [])
    rows = commitment_rows(doc, "")
    return {
        "doc": doc,
        "outline": headings,
        "blocks": interleave(headings, paragraph_views(doc.paragraphs)),
        "commitments": rows,
        "timeline": timeline_of(rows),
        "corrections": doc.counts["correction"],
    }


def heading_views(outline: list[dict[str, Any]]) -> list[HeadingView]:
    anchors = UniqueAnchors()
    return [
        HeadingView(
            line=h.get("line_start") or 0,
            anchor=anchors.make("sec-" + str(h.get("id", ""))),
            id=str(h.get("id", "")),
            level=str(h.get("level", "section")),
            tag=HEADING_TAGS.get(str(h.get("level")), "h4"),
            title=str(h.get("title", "")),
            inferred=bool(h.get("inferred")),
        )
        for h in outline
    ]


def paragraph_views(records: list[dict[str, Any]]) -> list[ParagraphView]:
    anchors = UniqueAnchors()
    views = []
    for record in records:
        spans = paragraph_spans(record)
        views.append(ParagraphView(
            para=record.get("para"),
            line=(record.get("source") or {}).get("line_start") or 0,
            anchor=anchors.make(paragraph_anchor(record.get("para"))),
            pages=pages_label((record.get("source") or {}).get("pages") or []),
            heading=section_label(record),
            nodes=nest(record.get("text") or "", spans.spans),
            invalid=spans.invalid,
            footnotes=record.get("footnotes") or [],
        ))
    return views


class UniqueAnchors:
    """HTML ids from data: safe characters only, and each one once."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def make(self, wanted: str) -> str:
        anchor = ANCHOR_UNSAFE_RE.sub("_", wanted)
        unique, n = anchor, 1
        while unique in self.seen:
            n += 1
            unique = f"{anchor}-{n}"
        self.seen.add(unique)
        return unique


def paragraph_anchor(para: Any) -> str:
    return f"p-{para}"


def pages_label(pages: list[int]) -> str:
    if not pages:
        return ""
    if len(pages) == 1:
        return f"p. {pages[0]}"
    return f"pp. {pages[0]}–{pages[-1]}"


def section_label(record: dict[str, Any]) -> str:
    """Where a paragraph stands: its section and subsection ids, then the nearest title ("II.A Education")."""
    section, subsection = record.get("section") or {}, record.get("subsection") or {}
    ids = ".".join(str(h["id"]) for h in (section, subsection) if h.get("id"))
    title = subsection.get("title") or section.get("title") or ""
    return f"{ids} {title}".strip()


def interleave(headings: list[HeadingView], paragraphs: list[ParagraphView]) -> list[HeadingView | ParagraphView]:
    """Headings and paragraphs in the order of the input lines they came from (a heading first)."""
    keyed = [(h.line, 0, i, h) for i, h in enumerate(headings)] + [(p.line, 1, i, p) for i, p in enumerate(paragraphs)]
    return [view for *_, view in sorted(keyed, key=lambda k: k[:3])]


def commitment_rows(doc: DocumentView, page: str) -> list[CommitmentRow]:
    """The document's commitments; `page` prefixes the links ("" on the document's own page)."""
    rows = []
    anchors = UniqueAnchors()
    for record in doc.paragraphs:
        anchor = anchors.make(paragraph_anchor(record.get("para")))
        for c in record.get("commitments") or []:
            deadline = c.get("deadline") if isinstance(c.get("deadline"), dict) else {}
            rows.append(CommitmentRow(
                doc_id=doc.doc_id,
                para=record.get("para"),
                href=f"{page}#{anchor}",
                kind=str(c.get("kind") or ""),
                actor=str(c.get("actor") or ""),
                action=span_text(c.get("action")),
                object=span_text(c.get("object")),
                text=str(c.get("text") or ""),
                deadline=describe_deadline(c.get("deadline")) if deadline else "",
                deadline_sort=str(deadline.get("start") or deadline.get("end") or ""),
                deadline_start=deadline.get("start"),
                deadline_end=deadline.get("end"),
            ))
    return rows


def timeline_of(rows: list[CommitmentRow]) -> Timeline:
    return layout_timeline([
        TimelineItem(label=f"{row.doc_id} ¶ {row.para}", href=row.href,
                     tip=f"{row.kind}: {row.actor} {row.action} — {row.deadline}", kind=row.kind,
                     start=row.deadline_start, end=row.deadline_end)
        for row in rows
    ])


# ---------------------------------------------------------------- templates and assets

@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("pipeline.outputs", "templates"),
        autoescape=True,  # every template, whatever its name: document text is never markup
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["kinds"] = KINDS
    env.globals["fields"] = FIELDS
    env.filters["visible"] = visible
    return env


@lru_cache(maxsize=1)
def page_assets() -> dict[str, Any]:
    """The inline style and script, and the Content Security Policy that admits only them."""
    folder = resources.files("pipeline.outputs").joinpath("templates")
    style = folder.joinpath("report.css").read_text(encoding="utf-8")
    script = folder.joinpath("report.js").read_text(encoding="utf-8")
    policy = (
        "default-src 'none'; "
        f"style-src '{csp_hash(style)}'; script-src '{csp_hash(script)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return {"style": Markup(style), "script": Markup(script), "policy": policy}


def csp_hash(content: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(content.encode("utf-8")).digest()).decode("ascii")
