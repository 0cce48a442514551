"""The records the pipeline writes, typed in one place.

`ParagraphRecord` is a line of paragraphs/<stem>.jsonl with its annotations,
`DocumentRecord` a line of documents.jsonl, `BlockRecord` a line of blocks/<stem>.jsonl,
`Recommendation` a line of recommendations/<stem>.jsonl.
Every annotation carries `start_char`/`end_char` into the paragraph's cleaned `text`.
The JSON Schemas in pipeline/schema/ describe the same records for other tools;
tests/test_records.py checks that the two agree field by field.
"""

from typing import Literal, NotRequired, TypedDict


class Span(TypedDict):
    start_char: int
    end_char: int


class TextSpan(Span):
    text: str


class Entity(TextSpan):
    label: str  # e.g. ORG, GPE, LAW


class Date(TextSpan):
    start: str | None  # ISO date of the first day the text can mean
    end: str | None  # ISO date of the last day
    granularity: str  # "day", "month", "quarter", "year", ...
    relation: NotRequired[str]  # "since": the date starts the period the sentence speaks of ("since 2005")


class Amount(TextSpan):
    kind: str  # "money", "percent", "count", ...
    value: int | float
    unit: str | None  # currency or unit as written, normalized
    equivalent_of: NotRequired[Span]  # the amount this one restates ("US$ 1 million (€ 700,000)")
    ambiguous: NotRequired[bool]  # its sign could mean another currency ("$" in a report on a State using a dollar)


class Deadline(TextSpan):
    start: str | None  # ISO date: the first day of the period the text names
    end: str | None  # ISO date: the last day of the period meant, the deadline proper
    relation: str  # "by", "until", "in", "during" or "starting": what the words before the date say


class Commitment(TextSpan):
    kind: str  # "pledge", "pending" or "need"
    strength: str  # the trigger's family: "firm", "plan", "considering", "ongoing" or "need"
    speaker: str  # who reports it: "State", "OHCHR" (a compilation), "stakeholders" (a summary)
    trigger: str  # the pattern that found it
    actor: str  # who commits, normalized
    actor_mention: TextSpan | None  # where the actor is named in the text
    action: TextSpan
    object: TextSpan | None
    deadline: Deadline | None
    themes: list[str]  # UPR Info's issue labels, surest first (pipeline/classify/themes.py)


class Correction(Span):
    original: str  # the text as read
    replacement: str  # what `text` has instead
    rule: str  # the OCR rule that made the change


class Item(Span):
    marker: str  # "(a)", "-", ...
    text: str


class HeadingRef(TypedDict):
    id: str  # the numeral or letter alone: "V", "B"
    title: str


class Box(TypedDict):
    """Where text stands on a PDF page, in PDF points from the page's top-left corner."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


class LineBox(Box):
    line: int  # the input line it is the box of


class Source(TypedDict):
    file: str  # relative to the input folder given on the command line (a file given directly: its name)
    pages: list[int]
    line_start: int
    line_end: int
    # PDF inputs only:
    boxes: NotRequired[list[Box]]  # one per page: the union of the lines' boxes there
    line_boxes: NotRequired[list[LineBox]]  # each line's own box


class FootnoteRecord(TypedDict):
    number: int
    text: str
    page: int | None
    line: int


class StateRecord(TypedDict):
    name: str
    alpha_3: str | None  # ISO 3166-1 alpha-3
    source: str  # "symbol", "cover" or "most named place"


class AbbreviationRecord(TypedDict):
    short: str
    long: str
    line: int


class ContextRecord(TypedDict):
    """What the document is, as the stages after segmentation used it."""

    symbol: str | None
    state: StateRecord | None
    document_type: str | None
    language: str | None
    session: str | None
    document_date: str | None  # ISO date relative dates and deadlines count from
    date_source: str | None  # "distribution date", "approval date" or None
    abbreviations: list[AbbreviationRecord]


class ParagraphWarning(TypedDict):
    stage: str
    component: str
    code: str  # "E050": a component error
    message: str


class ParagraphRecord(TypedDict):
    doc_id: str
    symbol: str | None
    para: int
    section: HeadingRef | None
    subsection: HeadingRef | None
    text: str  # cleaned: what the annotations' offsets point into
    raw: str  # exactly the input lines
    language: str | None  # ISO 639-1; not "en": the English components passed over it
    source: Source
    items: list[Item]
    corrections: list[Correction]
    entities: list[Entity]
    dates: list[Date]
    amounts: list[Amount]
    commitments: list[Commitment]
    footnotes: NotRequired[list[FootnoteRecord]]  # only when the paragraph refers to some
    warnings: NotRequired[list[ParagraphWarning]]  # only when a component failed on it (pipeline/isolation.py)


# Where a non-blank line outside the numbered paragraphs went (emit.LINE_ROLES but "paragraph").
BlockKind = Literal["heading", "furniture", "front_matter", "notes", "annex", "table", "floating_marks", "unassigned"]
# The levels of the outline the segmenter writes (segment/outline.py).
OutlineLevel = Literal["section", "subsection", "subsubsection", "topic"]


class BlockRecord(TypedDict):
    doc_id: str
    block: int
    kind: BlockKind
    text: str
    source: Source


class OutlineEntry(TypedDict):
    id: str  # "V" for a section, "V.B" for a subsection, "V.B.2" for a subsubsection
    level: OutlineLevel
    title: str
    line_start: int
    inferred: bool  # numeral not printed, taken from the sequence
    raw_title: NotRequired[str]  # the title as read, when the clean stage repaired it


class AnswerRecord(TypedDict):
    """An addendum's answer to one recommendation of its report."""

    number: str  # the recommendation's number as its report prints it: "94.12"
    response: str  # "supported", "noted" or "pending"
    para: int  # the addendum's paragraph that gives it


class DocumentRecord(TypedDict):
    doc_id: str
    symbol: str | None
    file: str
    sha256: str | None
    pages: int | None
    paragraphs: int
    outline: list[OutlineEntry]
    status: str  # "ok" or "failed"
    error: str | None
    warnings: list[str]
    pipeline_version: str
    # Only when the document was processed:
    encoding: NotRequired[str]
    metadata: NotRequired[dict[str, str | None]]
    lines: NotRequired[dict[str, int]]  # non-blank input lines by where they went
    unassigned_lines: NotRequired[int]
    component_errors: NotRequired[int]  # paragraphs' component errors (a bug), each also a warning
    footnotes: NotRequired[list[FootnoteRecord]]
    context: NotRequired[ContextRecord | None]
    answers: NotRequired[list[AnswerRecord]]  # only an addendum's, when it answers its report's recommendations
    # Added by the executor:
    settings_fingerprint: NotRequired[str]
    timings: NotRequired[dict[str, float]]  # seconds per stage, with --timings


class StateRef(TypedDict):
    name: str  # the UN's short form: "Republic of Korea", "European Union"
    iso3: str | None  # ISO 3166-1 alpha-3; None for a recommender that is not a State


class AddendumResponse(TypedDict):
    symbol: str  # the addendum's
    para: int
    response: str  # "supported", "noted" or "pending"


class Recommendation(Span):
    """A line of recommendations/<stem>.jsonl and of output/recommendations.jsonl: one
    recommendation of a Working Group report. Offsets point into the paragraph's `text`."""

    doc_id: str
    symbol: str | None
    state_under_review: StateRef | None
    session: int | None  # the Working Group's session (UPR Info's "Session")
    cycle: int | None  # the review cycle: sessions 1-12 the first, 13-26 the second, ...
    para: int
    number: str  # as printed: "96.12", "12"
    text: str  # without the recommending States and footnote lines
    recommending_states: list[StateRef]
    response: str  # "supported", "noted" or "pending" (the report leaves it to be examined)
    response_para: int | None  # the paragraph whose lead sentence states the response
    addendum_response: NotRequired[AddendumResponse | None]  # the later answer, in output/recommendations.jsonl
    action_category: int | None  # UPR Info's 1-5 scale
    themes: list[str]  # UPR Info's issue labels
    pages: list[int]
