"""Plain data passed between stages.

Every stage is `run(document, settings) -> Document` (pipeline/pipeline.py lists
them): it reads the fields of `Document` the stages before it filled and fills its
own (ingest the source, segment the segmentation, context the context, ...). The
other dataclasses here are those fields' parts; nothing here knows how it was
produced. Offsets (`start_char`/`end_char`) always point into `Paragraph.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Line:
    """One physical line of the input, as it stood, with where it stood."""

    number: int  # 1-based line number in the decoded input (or extraction order for PDFs)
    text: str
    page: int | None = None
    # Layout hints a PDF reader can give (font size, bold); None for plain text.
    size: float | None = None
    bold: bool = False
    indent: float | None = None  # x of the line's first word (PDF points from the page's left edge)
    footnote_refs: tuple[int, ...] = ()  # superscript footnote numbers taken out of `text`
    # Where a PDF line stands on its page: (x0, top, x1, bottom) in PDF points from the top-left corner.
    box: tuple[float, float, float, float] | None = None


@dataclass
class Footnote:
    number: int
    text: str
    page: int | None
    line: int


@dataclass
class SourceDocument:
    """The ingest stage's result: decoded lines with page provenance."""

    doc_id: str
    file: str
    sha256: str
    lines: list[Line]
    pages: int | None
    encoding: str
    kind: str  # "text" or "pdf"
    footnotes: list[Footnote] = field(default_factory=list)
    # Line numbers the reader itself removed as page furniture (PDF headers, footers).
    furniture: list[int] = field(default_factory=list)
    # Line numbers of footnote text (the footnote zone of a page, the endnotes): not body text.
    footnote_lines: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Heading:
    id: str  # "V" for a section, "V.B" for a subsection
    level: str  # "section" or "subsection"
    numeral: str  # "V" or "B": the numeral or letter alone
    title: str
    line_start: int
    line_end: int
    inferred: bool = False  # numeral not printed, taken from the sequence
    raw_title: str | None = None  # the title as read, when the clean stage repaired it

    def ref(self) -> dict[str, str]:
        return {"id": self.numeral, "title": self.title}


@dataclass(frozen=True)
class Abbreviation:
    """A definition of a document's list of abbreviations ("MoJ  Ministry of Justice")."""

    short: str
    long: str
    line: int  # the number of the line that gives it


@dataclass
class Correction:
    start_char: int
    end_char: int
    original: str
    replacement: str
    rule: str


@dataclass
class Item:
    """A bullet or numbered item inside a paragraph."""

    marker: str
    text: str
    start_char: int
    end_char: int


@dataclass
class Paragraph:
    para: int
    section: Heading | None
    subsection: Heading | None
    raw: str  # exactly the input lines, number included
    body: str  # raw without the paragraph number: the input of the clean stage
    lines: list[Line]
    text: str = ""
    items: list[Item] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    amounts: list[dict[str, Any]] = field(default_factory=list)
    commitments: list[dict[str, Any]] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)

    @property
    def pages(self) -> list[int]:
        return sorted({line.page for line in self.lines if line.page is not None})

    @property
    def line_start(self) -> int:
        return self.lines[0].number

    @property
    def line_end(self) -> int:
        return self.lines[-1].number


@dataclass
class Segmentation:
    """The segment stage's result: every content line is in exactly one of these."""

    paragraphs: list[Paragraph]
    outline: list[Heading]
    furniture_lines: list[int]
    unassigned: list[Line]  # content inside the body that is neither paragraph nor heading
    warnings: list[str] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)  # endnotes after the last paragraph
    front_matter: list[Line] = field(default_factory=list)  # cover page, contents, abbreviations
    floating_marks: list[Line] = field(default_factory=list)  # heading numerals the OCR floated away
    heading_lines: list[Line] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)  # the reader's and those found in the text
    abbreviations: list[Abbreviation] = field(default_factory=list)  # the front matter's list of them


@dataclass(frozen=True)
class State:
    """The State under review, and what said so."""

    name: str
    alpha_3: str | None  # ISO 3166 code; None when only a place name says it
    source: str  # "symbol", "cover" or "most named place"


@dataclass(frozen=True)
class DocumentContext:
    """What a document is, read once after segmentation and passed to the stages that need it."""

    symbol: str | None = None
    state: State | None = None
    document_type: str | None = None
    language: str | None = None  # the original language the cover states
    session: str | None = None
    document_date: date | None = None  # the date the document speaks from: relative dates count from it
    date_source: str | None = None  # "distribution date" (the cover) or "approval date" (the text)
    abbreviations: tuple[Abbreviation, ...] = ()  # the front matter's list of them


@dataclass
class Document:
    """One input as it goes through the stages; the emit stage writes it.

    `path`, `doc_id` and `out` say what to process and where to write it; each stage
    fills its field. `docs` (the tag stage's parsed spaCy docs, read by the commit
    stage) is never written out.
    """

    path: Path | None = None
    doc_id: str | None = None  # the output name, when the caller chose it (inputs sharing a stem)
    file: str | None = None  # what the outputs call the input (None: its file name)
    out: Path | None = None  # the output folder; None: nothing is written
    source: SourceDocument | None = None
    segmentation: Segmentation | None = None
    context: DocumentContext | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    docs: list[Any] = field(default_factory=list, repr=False, compare=False)
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def symbol(self) -> str | None:
        return self.context.symbol if self.context is not None else None
