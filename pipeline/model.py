"""Plain data passed between stages.

Every stage takes and returns these dataclasses; nothing here knows how it was
produced. Offsets (`start_char`/`end_char`) always point into `Paragraph.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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


@dataclass
class Document:
    """Everything the emit stage writes for one input."""

    source: SourceDocument
    segmentation: Segmentation
    symbol: str | None
    metadata: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
