"""Segment stage: the line walker that assigns every line to a paragraph, heading, note
or front matter.

Entry point: `segment(source) -> Segmentation`.

Paragraph starts come from the numbering chain (numbering.py); the walker finds the
headings between them, and the outline places them (outline.py). Paragraph items are in
items.py, the list of abbreviations in the front matter in abbreviations.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.model import (
    Footnote,
    Heading,
    Line,
    Paragraph,
    Segmentation,
    SourceDocument,
)
from pipeline.patterns import BULLET_RE
from pipeline.stages.segment.abbreviations import listed_abbreviations
from pipeline.stages.segment.end_matter import annex_start
from pipeline.stages.segment.endnotes import endnotes_start, read_endnotes
from pipeline.stages.segment.items import paragraph_items
from pipeline.stages.segment.languages import detect_languages
from pipeline.stages.segment.note_refs import mark_note_references
from pipeline.stages.segment.numbering import (
    LINE_ENDS_A_SENTENCE_RE,
    Candidate,
    has_toc_leader,
    paragraph_chain,
)
from pipeline.stages.segment.tables import table_lines
from pipeline.stages.segment.outline import (
    TRAILING_FOOTNOTE_RE,
    RawHeading,
    clean_title,
    ends_clause,
    place_headings,
    roman_value,
)

# A heading numeral or letter: "V.", "B.", "[11." (III), " VI." floating alone.
MARK_RE = re.compile(r"^\s*(?P<mark>[IVXivx\[|l1!]{1,6}|[A-Z])\s?[.,]\s*(?P<title>.*)$")
# In a PDF a bold line may print its numeral in the margin with no period: "III<gap>Implementation".
BOLD_ROMAN_RE = re.compile(r"^\s*(?P<mark>[IVX]{2,6}|I)\s+(?P<title>[A-Z].*)$")
NUMBERED_HEADING_RE = re.compile(r"^\s*(?P<mark>\d{1,2})\.\s+(?P<title>[A-Z\"“‘'(].*)$")
BARE_NUMBER_RE = re.compile(r"^\s*\d{1,3}\s*$")
FOOTNOTE_RE = re.compile(r"^\s*(?P<n>\d{1,3})\s+(?P<text>\S.*)$")
CONTINUES = re.compile(r"(\b(and|of|the|for|to|in|on|with|against|by|or|that)|[,;–\-])\s*$", re.I)
# A sentence that ends inside a line ("... of teaching. UNESCO encouraged", "orientation.112 JS4").
SENTENCE_INSIDE = re.compile(r"[a-z)]\.\d{0,3}\s+[A-Z]")
MAX_HEADING_CHARS = 100
MAX_HEADING_WORDS = 16


@dataclass
class _Open:
    """The paragraph being collected."""

    number: int
    indexes: list[int] = field(default_factory=list)
    first_rest: str = ""


def segment(source: SourceDocument) -> Segmentation:
    lines = source.lines
    furniture = set(source.furniture)
    footnote_lines = set(source.footnote_lines)
    content = [
        i for i, line in enumerate(lines)
        if line.number not in furniture and line.number not in footnote_lines and line.text.strip()
    ]
    parts = body_parts(lines, content)
    walker = _Walker(lines, parts.body, parts.chain)
    walker.walk()
    outline = place_headings(walker.headings, walker.floating, lines)
    tables = walker.take_out_tables()
    paragraphs = walker.build_paragraphs(outline)
    endnotes = read_endnotes(lines, parts.endnotes + walker.end_notes)
    footnotes = sorted(source.footnotes + walker.footnotes + endnotes, key=lambda f: f.line)
    heading_lines = [lines[i] for h in walker.headings for i in h.indexes]
    if source.kind == "text":
        mark_note_references(paragraphs, heading_lines, footnotes)
    link_footnotes(paragraphs, footnotes)
    front_matter = [lines[i] for i in walker.front_matter]
    return Segmentation(
        paragraphs=paragraphs,
        outline=outline,
        furniture_lines=sorted(furniture),
        unassigned=[lines[i] for i in walker.unassigned],
        warnings=numbering_warnings(paragraphs) + detect_languages(paragraphs),
        notes=[line for line in lines if line.number in footnote_lines]
        + [lines[i] for i in sorted(parts.endnotes + walker.notes + walker.end_notes)],
        front_matter=front_matter,
        floating_marks=[lines[i] for i, _ in walker.floating],
        heading_lines=heading_lines,
        footnotes=footnotes,
        abbreviations=listed_abbreviations(front_matter),
        annex=[lines[i] for i in parts.annex],
        tables=[lines[i] for i in tables],
    )


@dataclass
class BodyParts:
    """The content lines split into the body (numbered paragraphs, headings, front matter),
    the endnote block and the end matter, with the body's paragraph numbering."""

    body: list[int]
    chain: dict[int, tuple[int, Candidate]]
    endnotes: list[int] = field(default_factory=list)
    annex: list[int] = field(default_factory=list)


def body_parts(lines: list[Line], content: list[int]) -> BodyParts:
    """Endnotes first (their 1..N would otherwise outnumber the paragraphs), then the end
    matter after the first paragraph; the numbering is read from what remains."""
    notes_at = endnotes_start(lines, content)
    body = content if notes_at is None else content[:notes_at]
    endnotes = [] if notes_at is None else content[notes_at:]
    chain = paragraph_chain(lines, body)
    annex_at = annex_start(lines, body, min(chain, default=len(lines)))
    if annex_at is None:
        return BodyParts(body, chain, endnotes)
    body, annex = body[:annex_at], body[annex_at:]
    if max(chain) >= annex[0]:
        chain = paragraph_chain(lines, body)
    return BodyParts(body, chain, endnotes, annex)


def numbering_warnings(paragraphs: list[Paragraph]) -> list[str]:
    if not paragraphs:
        return ["no numbered paragraphs found; the text is emitted as unnumbered blocks"]
    numbers = [p.para for p in paragraphs]
    gaps = sorted(set(range(numbers[0], numbers[-1] + 1)) - set(numbers))
    return [f"paragraph numbers missing from the sequence: {gaps[:20]}"] if gaps else []


def link_footnotes(paragraphs: list[Paragraph], footnotes: list[Footnote]) -> None:
    """A paragraph's footnotes are those it refers to: superscripts in a PDF, numbers glued
    to its words in a text extraction."""
    by_number: dict[int, Footnote] = {}
    for note in footnotes:
        by_number.setdefault(note.number, note)
    for paragraph in paragraphs:
        marks = [mark.number for mark in paragraph.footnote_marks]
        refs = dict.fromkeys([n for line in paragraph.lines for n in line.footnote_refs] + marks)
        paragraph.footnotes = [by_number[n] for n in refs if n in by_number]


# ---------------------------------------------------------------- walking lines


class _Walker:
    """Assigns every content line to a paragraph, heading, note or front matter."""

    def __init__(self, lines: list[Line], content: list[int], chain: dict[int, tuple[int, Candidate]]):
        self.lines = lines
        self.content = content
        self.position = {index: k for k, index in enumerate(content)}
        self.chain = chain
        self.last_chain = max(chain) if chain else -1
        self.first_chain = min(chain) if chain else len(lines)
        self.headings: list[RawHeading] = []
        self.floating: list[tuple[int, str]] = []  # (line index, mark)
        self.paragraph_blocks: list[tuple[_Open, int]] = []  # with the heading count before it
        self.front_matter: list[int] = []
        self.notes: list[int] = []
        self.end_notes: list[int] = []  # notes after the last paragraph with no "Notes" line above them
        self.unassigned: list[int] = []
        self.footnotes: list[Footnote] = []  # footnotes that interrupt a paragraph in plain text

    def text(self, index: int) -> str:
        return self.lines[index].text

    def next_content(self, index: int) -> int | None:
        k = self.position[index] + 1
        return self.content[k] if k < len(self.content) else None

    def previous_content(self, index: int) -> int | None:
        k = self.position[index] - 1
        return self.content[k] if k >= 0 else None

    def separated(self, a: int, b: int) -> bool:
        """True when a blank line or page furniture stands between lines a and b."""
        return b - a > 1

    def walk(self) -> None:
        current: _Open | None = None
        in_notes = False
        k = 0
        while k < len(self.content):
            i = self.content[k]
            if i in self.chain:
                number, cand = self.chain[i]
                current = _Open(number, [i], cand.rest)
                self.paragraph_blocks.append((current, len(self.headings)))
                k += 1
                continue
            if in_notes or (i > self.last_chain and self.starts_notes(i)):
                in_notes = True
                self.end_notes.append(i)
                k += 1
                continue
            heading = self.heading_at(i)
            if heading is not None:
                self.headings.append(heading)
                current = None
                k = self.position[heading.indexes[-1]] + 1
                continue
            mark = self.mark_alone(i)
            if mark is not None:
                self.floating.append((i, mark))
                k += 1
                continue
            if current is not None and self.interrupting_footnote(i):
                m = FOOTNOTE_RE.match(self.text(i))
                self.footnotes.append(Footnote(int(m["n"]), m["text"].strip(), self.lines[i].page, self.lines[i].number))
                self.notes.append(i)
            elif current is not None:
                current.indexes.append(i)
            elif i < self.first_chain:
                self.front_matter.append(i)
            else:
                self.unassigned.append(i)
            k += 1

    # -- notes

    def starts_notes(self, i: int) -> bool:
        m = FOOTNOTE_RE.match(self.text(i))
        if not m or int(m["n"]) > 3:
            return False
        start = self.position[i] + 1
        following = self.content[start : start + 40]
        numbers = [int(fm["n"]) for j in following if (fm := FOOTNOTE_RE.match(self.text(j)))]
        return int(m["n"]) + 1 in numbers

    def interrupting_footnote(self, i: int) -> bool:
        """A footnote that a text extraction left inside a sentence, where its page broke:
        the next footnote number and a capital, between a sentence cut short and its
        lower-case continuation."""
        m = FOOTNOTE_RE.match(self.text(i))
        if not m or int(m["n"]) != len(self.footnotes) + 1 or not m["text"][:1].isupper():
            return False
        previous, nxt = self.previous_content(i), self.next_content(i)
        if previous is None or nxt is None or LINE_ENDS_A_SENTENCE_RE.search(self.text(previous)):
            return False
        return self.text(nxt).lstrip()[:1].islower()

    # -- headings

    def heading_at(self, i: int) -> RawHeading | None:
        text = self.text(i)
        if BULLET_RE.match(text) or has_toc_leader(text):
            return None
        previous = self.previous_content(i)
        after_break = previous is None or self.separated(previous, i)
        after_sentence = previous is None or bool(LINE_ENDS_A_SENTENCE_RE.search(self.text(previous))) or (
            previous is not None and self.is_heading_line(previous)
        )
        if not (after_break or after_sentence):
            return None
        mark, numeric, title = self.parse_heading_line(text, self.lines[i].bold)
        if mark is None and self.in_bullet_list(i):
            return None  # a list item whose bullet glyph the OCR lost
        if mark is not None and not title:
            # A numeral alone: its title follows on the next line (after a blank).
            nxt = self.next_content(i)
            if nxt is None or not self.title_like(self.text(nxt)) or nxt in self.chain:
                return None
            block = [i] + self.title_block(nxt)
            title = self.join_title(block[1:])
        else:
            if not self.title_like(title) and mark is None:
                return None
            if mark is not None and not title[:1].isupper() and title[:1] not in "\"“‘'(":
                return None
            block = self.title_block(i)
            title = " ".join([title, self.join_title(block[1:])])
        if len(title) > 2 * MAX_HEADING_CHARS or (numeric and ends_clause(title)):
            return None  # too long, or a numbered item ("3. To consider a plan (Chile).")
        if mark is None and (ends_clause(title) or CONTINUES.search(self.text(block[-1])) or SENTENCE_INSIDE.search(title)):
            return None  # no numeral, and it ends a sentence, holds one or runs on: lines of the body
        budget = 3 if mark is not None else 0 if i < self.first_chain else 1
        if not self.leads_to_body(block[-1], budget):
            return None
        return RawHeading(mark=mark, numeric=numeric, title=clean_title(title), indexes=block, bold=self.lines[i].bold)

    def join_title(self, indexes: list[int]) -> str:
        return " ".join(self.text(j).strip() for j in indexes if not BARE_NUMBER_RE.match(self.text(j)))

    def parse_heading_line(self, text: str, bold: bool = False) -> tuple[str | None, bool, str]:
        m = MARK_RE.match(text)
        if m and (roman_value(m["mark"]) or len(m["mark"]) == 1 and m["mark"].isupper()):
            return m["mark"], False, m["title"].strip()
        m = BOLD_ROMAN_RE.match(text) if bold else None
        if m and roman_value(m["mark"]):
            return m["mark"], False, m["title"].strip()
        m = NUMBERED_HEADING_RE.match(text)
        if m:
            return m["mark"], True, m["title"].strip()
        return None, False, text.strip()

    def title_like(self, text: str) -> bool:
        text = text.strip()
        if not text or len(text) > MAX_HEADING_CHARS or len(text.split()) > MAX_HEADING_WORDS:
            return False
        if not (text[0].isupper() or text[0] in "\"“‘'("):
            return False
        body = TRAILING_FOOTNOTE_RE.sub("", text).rstrip()
        return not body.endswith((".", ",", ";", ":")) or body.endswith("etc.")

    def title_block(self, first: int) -> list[int]:
        """The heading's first line and the lines that continue its title."""
        block = [first]
        while True:
            nxt = self.next_content(block[-1])
            if nxt is not None and BARE_NUMBER_RE.match(self.text(nxt)) and not self.separated(block[-1], nxt):
                block.append(nxt)  # the heading's footnote reference, printed on its own line
                return block
            if nxt is None or nxt in self.chain or self.separated(block[-1], nxt):
                return block
            text = self.text(nxt).strip()
            if len(text) > MAX_HEADING_CHARS or BULLET_RE.match(text) or MARK_RE.match(text):
                return block
            title_so_far = " ".join(self.text(j) for j in block)
            unclosed = title_so_far.count("(") > title_so_far.count(")")
            same_face = self.same_bold_face(block[-1], nxt)
            if not (text[:1].islower() or unclosed or same_face or CONTINUES.search(self.text(block[-1]))):
                return block
            if text.rstrip().endswith((".", ";", ",")):
                return block
            block.append(nxt)

    def same_bold_face(self, a: int, b: int) -> bool:
        """Both lines bold and set in one size (PDF evidence that a heading goes on)."""
        first, second = self.lines[a], self.lines[b]
        return first.bold and second.bold and first.size is not None and first.size == second.size

    def leads_to_body(self, last: int, budget: int, depth: int = 0) -> bool:
        """The heading block ending at `last` is followed by a paragraph or another heading.

        `budget` is how many unnumbered headings may stand in between; numbered
        ones are free (a section heading followed by its first subsection).
        """
        nxt = self.next_content(last)
        if nxt is not None and BARE_NUMBER_RE.match(self.text(nxt)):
            nxt = self.next_content(nxt)  # a footnote reference printed under the heading
        if nxt is None:
            return depth > 0  # headings that close the document ("V. ...", "N/A")
        if depth > 6:
            return False
        if nxt in self.chain or self.mark_alone(nxt) is not None:
            return True
        text = self.text(nxt)
        mark, _numeric, title = self.parse_heading_line(text, self.lines[nxt].bold)
        if not self.title_like(title):
            return False
        if mark is None:
            budget -= 1
            if budget < 0 or self.in_bullet_list(nxt):
                return False
        return self.leads_to_body(self.title_block(nxt)[-1], budget, depth + 1)

    def in_bullet_list(self, i: int) -> bool:
        previous = i
        for _ in range(3):
            previous = self.previous_content(previous)
            if previous is None:
                return False
            if BULLET_RE.match(self.text(previous)):
                return True
        return False

    def is_heading_line(self, index: int) -> bool:
        return any(index in h.indexes for h in self.headings[-2:])

    def mark_alone(self, i: int) -> str | None:
        m = MARK_RE.match(self.text(i))
        if m and not m["title"] and (roman_value(m["mark"]) or m["mark"].isupper()):
            return m["mark"]
        return None

    # -- paragraphs

    def take_out_tables(self) -> list[int]:
        """The lines of tables inside paragraphs, out of them (tables.py)."""
        taken: list[int] = []
        for block, _headings in self.paragraph_blocks:
            table = table_lines(self.lines, block.indexes)
            block.indexes = [i for i in block.indexes if i not in table]
            taken += sorted(table)
        return taken

    def build_paragraphs(self, outline: list[Heading]) -> list[Paragraph]:
        paragraphs = []
        for block, headings_before in self.paragraph_blocks:
            section = subsection = None
            for heading in outline[:headings_before]:
                if heading.level in ("topic", "subsubsection"):
                    continue
                if heading.level == "section":
                    section, subsection = heading, None
                else:
                    subsection = heading
            paragraphs.append(self.paragraph(block, section, subsection))
        return paragraphs

    def paragraph(self, block: _Open, section: Heading | None, subsection: Heading | None) -> Paragraph:
        own = [self.lines[i] for i in block.indexes]
        first, last = block.indexes[0], block.indexes[-1]
        raw = "\n".join(line.text for line in self.lines[first : last + 1])
        first = [block.first_rest.strip()] if block.first_rest.strip() else []
        body_lines = first + [line.text.strip() for line in own[1:]]
        body = "\n".join(body_lines)
        items = paragraph_items(body_lines)
        return Paragraph(
            para=block.number,
            section=section,
            subsection=subsection,
            raw=raw,
            body=body,
            lines=own,
            items=items,
        )
