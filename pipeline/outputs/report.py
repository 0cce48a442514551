"""Report stage: the HTML review report, built from the emitted JSONL.

Entry point: `build_report(out, dest, inputs) -> list[Path]` reads `documents.jsonl`, each
document's paragraphs file (where `OutputLayout` puts them) and `recommendations.jsonl` when
there is one, and writes into `report/` one self-contained page per document (inline CSS and
JS, no network) and an `index.html`. A PDF's paragraphs link to their page in the source
(`../../raw/x.pdf#page=3`) when the PDF is found under one of the `inputs` folders. All text
goes through Jinja2's autoescaping; a Content Security Policy admits only the page's own
script and style (by hash) and no requests.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from pipeline.outputs.annotations import FIELDS, KINDS, Node, nest, paragraph_spans, visible
from pipeline.outputs.emit import write_text_atomic
from pipeline.errors import MalformedOutput, OutputMissing, OutputNotWritable
from pipeline.outputs.layout import OutputLayout
from pipeline.outputs.report_tables import (MISSING, Commitment, TableView, commitments_of, commitments_table,
                                            recommendations_table, shown)
from pipeline.outputs.timeline import Timeline, TimelineItem, layout_timeline

# A doc_id used as it is for its page name; any other gets a sanitized name plus a hash.
PLAIN_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,100}")
RESERVED_NAMES = {"index"}
ANCHOR_UNSAFE_RE = re.compile(r"[^A-Za-z0-9._-]+")
HEADING_TAGS = {"section": "h2", "subsection": "h3", "topic": "h4"}
RECOMMENDATIONS = "recommendations.jsonl"
TIMELINE_LABEL_CHARS = 40


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
    citation: str  # "A/HRC/WG.6/7/KAZ/1, para. 72"
    source_href: str | None  # the PDF at the paragraph's first page, relative to the report


@dataclass
class HeadingView:
    line: int
    anchor: str
    id: str
    level: str
    tag: str
    title: str
    inferred: bool


@dataclass(frozen=True)
class DocumentFacts:
    """What a document is, as shown: the context stage's findings, else the cover's; "—" for none."""

    symbol: str
    state: str
    alpha_3: str
    document_type: str
    date: str
    session: str
    language: str


@dataclass
class DocumentView:
    record: dict[str, Any]
    page: str | None  # the page's file name; None for a failed document
    paragraphs: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # why paragraphs could not be read
    source: Path | None = None  # the input file, when found under the report's input folders

    @property
    def doc_id(self) -> str:
        return str(self.record.get("doc_id"))

    @cached_property
    def facts(self) -> DocumentFacts:
        return document_facts(self.record)

    @property
    def ok(self) -> bool:
        return self.record.get("status") == "ok"

    @cached_property  # asked for once per kind by the templates; paragraphs are loaded by then
    def counts(self) -> dict[str, int]:
        return {kind: sum(len(p.get(FIELDS[kind]) or []) for p in self.paragraphs) for kind in KINDS}


def build_report(out: Path, dest: Path | None = None, inputs: list[Path] | None = None) -> list[Path]:
    """Write the report for the outputs in `out`; returns the pages written, index first.

    `inputs` are the folders the run read (the `file` fields are relative to them): a PDF
    found there gets links to its pages."""
    layout = OutputLayout(out)
    dest = Path(dest) if dest is not None else layout.report
    documents = load_documents(layout, inputs or [])
    env = environment()
    assets = page_assets()
    commitments = [c for doc in documents if doc.page for c in document_commitments(doc, doc.page)]
    recommendations = load_recommendations(layout)
    index = env.get_template("index.html.j2").render(
        documents=documents, commitments=commitments_table(commitments), timeline=timeline_of(commitments),
        recommendations=recommendations_view(recommendations, documents) if recommendations is not None else None,
        **assets
    )
    written = [write_page(dest, "index.html", index)]
    for doc in documents:
        if doc.page:
            own = [r for r in recommendations or [] if str(r.get("doc_id")) == doc.doc_id]
            html = env.get_template("document.html.j2").render(
                **document_context(doc, dest), recommendations=recommendations_view(own, [doc], doc.page) if own else None,
                **assets
            )
            written.append(write_page(dest, doc.page, html))
    return written


def write_page(dest: Path, name: str, html: str) -> Path:
    path = dest / name
    if path.resolve().parent != dest.resolve():  # page_name() guarantees this; never write elsewhere
        raise OutputNotWritable(f"refusing to write outside the report folder: {name!r}", str(dest))
    write_text_atomic(path, html)
    return path


# ---------------------------------------------------------------- reading the outputs

def load_documents(layout: OutputLayout, inputs: list[Path]) -> list[DocumentView]:
    documents_file = layout.documents
    if not documents_file.exists():
        raise OutputMissing(f"{documents_file} not found: run the pipeline first (make run)", str(documents_file))
    records = read_jsonl(documents_file)
    names = page_names([str(r.get("doc_id")) for r in records])
    documents = []
    for record, name in zip(records, names):
        doc = DocumentView(record, name if record.get("status") == "ok" else None,
                           source=source_file(record.get("file"), inputs))
        if doc.ok:
            load_paragraphs(layout.paragraphs(doc.doc_id), doc)
        documents.append(doc)
    return documents


def source_file(file: Any, inputs: list[Path]) -> Path | None:
    """The input a `file` field names (relative to an input folder), when it is a PDF found there."""
    if not isinstance(file, str) or not file.lower().endswith(".pdf") or Path(file).is_absolute():
        return None
    return next((folder / file for folder in inputs if (folder / file).is_file()), None)


def document_facts(record: dict[str, Any]) -> DocumentFacts:
    context = record.get("context") if isinstance(record.get("context"), dict) else {}
    metadata = record.get("metadata") if isinstance(record.get("metadata"), dict) else {}
    state = context.get("state") if isinstance(context.get("state"), dict) else {}
    return DocumentFacts(
        symbol=shown(context.get("symbol") or record.get("symbol") or metadata.get("symbol")),
        state=shown(state.get("name") or metadata.get("country")),
        alpha_3=shown(state.get("alpha_3")),
        document_type=shown(context.get("document_type") or metadata.get("document_type")),
        date=shown(context.get("document_date") or metadata.get("distribution_date")),
        session=shown(context.get("session") or metadata.get("session")),
        language=shown(context.get("language") or metadata.get("original_language")),
    )


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

def document_context(doc: DocumentView, dest: Path) -> dict[str, Any]:
    headings = heading_views(doc.record.get("outline") or [])
    commitments = document_commitments(doc, "")
    source = relative_href(doc.source, dest) if doc.source else None
    return {
        "doc": doc,
        "outline": headings,
        "blocks": interleave(headings, paragraph_views(doc.paragraphs, citation_name(doc), source)),
        "commitments": commitments_table(commitments),
        "timeline": timeline_of(commitments),
        "corrections": doc.counts["correction"],
        "source": source,
    }


def citation_name(doc: DocumentView) -> str:
    return doc.facts.symbol if doc.facts.symbol != MISSING else doc.doc_id


def relative_href(path: Path, dest: Path) -> str:
    """`path` as a link from a page in `dest` (a relative URL: the report can move with its inputs)."""
    return Path(os.path.relpath(os.path.abspath(path), os.path.abspath(dest))).as_posix()


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


def paragraph_views(records: list[dict[str, Any]], symbol: str, source: str | None) -> list[ParagraphView]:
    """`symbol` is what citations name; `source` the PDF's link (None: no page links)."""
    anchors = UniqueAnchors()
    views = []
    for record in records:
        spans = paragraph_spans(record)
        pages = (record.get("source") or {}).get("pages") or []
        views.append(ParagraphView(
            para=record.get("para"),
            line=(record.get("source") or {}).get("line_start") or 0,
            anchor=anchors.make(paragraph_anchor(record.get("para"))),
            pages=pages_label(pages),
            heading=section_label(record),
            nodes=nest(record.get("text") or "", spans.spans),
            invalid=spans.invalid,
            footnotes=record.get("footnotes") or [],
            citation=f"{symbol}, para. {record.get('para')}",
            source_href=f"{source}#page={pages[0]}" if source and pages else None,
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


def paragraph_links(doc: DocumentView, page: str) -> list[str]:
    """Each paragraph's link, in order; `page` prefixes them ("" on the document's own page)."""
    anchors = UniqueAnchors()
    return [f"{page}#{anchors.make(paragraph_anchor(record.get('para')))}" for record in doc.paragraphs]


def document_commitments(doc: DocumentView, page: str) -> list[Commitment]:
    linked = zip(doc.paragraphs, paragraph_links(doc, page))
    return commitments_of(linked, doc.facts.state, citation_name(doc))


def load_recommendations(layout: OutputLayout) -> list[dict[str, Any]] | None:
    """The records of `recommendations.jsonl`, or None when the run wrote none."""
    path = layout.table(RECOMMENDATIONS)
    return [r for r in read_jsonl(path) if isinstance(r, dict)] if path.exists() else None


def recommendations_view(records: list[dict[str, Any]], documents: list[DocumentView],
                         on_page: str | None = None) -> TableView:
    """The recommendations table; links into `on_page`, the page it is drawn on, drop the page name."""
    by_id = {doc.doc_id: doc for doc in documents if doc.page}
    hrefs = {doc_id: links_by_number(doc, "" if doc.page == on_page else doc.page) for doc_id, doc in by_id.items()}

    def state_of(record: dict[str, Any]) -> str:
        state = record.get("state_under_review")
        named = state.get("name") if isinstance(state, dict) else state
        doc = by_id.get(str(record.get("doc_id")))
        return shown(named) if named else (doc.facts.state if doc else MISSING)

    def href_of(record: dict[str, Any]) -> str | None:
        return hrefs.get(str(record.get("doc_id")), {}).get(record.get("para"))

    return recommendations_table(records, state_of, href_of)


def links_by_number(doc: DocumentView, page: str) -> dict[Any, str]:
    """Each paragraph number's link (the first paragraph of a number repeated)."""
    links: dict[Any, str] = {}
    for record, href in zip(doc.paragraphs, paragraph_links(doc, page)):
        links.setdefault(record.get("para"), href)
    return links


def timeline_of(commitments: list[Commitment]) -> Timeline:
    return layout_timeline([
        TimelineItem(label=timeline_label(c), href=c.href,
                     tip=f"{c.symbol} ¶ {c.para} · {c.kind}: {c.actor} {c.action} {c.object} — {c.deadline}",
                     kind=c.kind, start=c.deadline_start, end=c.deadline_end)
        for c in commitments
    ])


def timeline_label(c: Commitment) -> str:
    """The action and its object, cut after a word to fit beside the bar."""
    words = " ".join(f"{c.action} {c.object}".split()) or c.kind
    if len(words) <= TIMELINE_LABEL_CHARS:
        return words
    cut = words[:TIMELINE_LABEL_CHARS]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut[:-1]) + "…"


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
    env.filters["shown"] = shown
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
