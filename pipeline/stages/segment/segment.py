"""Segment stage: numbered paragraphs, headings and the outline.

Entry point: `segment(source) -> Segmentation`.

Paragraph numbers are read through OCR damage ("31l.", "4,", "1 This") and
chosen as the longest consecutive numbering sequence in the document, so a
continuation line that starts with a number ("2009, and ...") or a numbered
list elsewhere (abbreviations, sub-headings that restart at 1) is never taken
for a paragraph. Headings get their numeral or letter from the sequence when
the OCR dropped or floated it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.stages.segment.abbreviations import listed_abbreviations
from pipeline.model import Footnote, Heading, Item, Line, Paragraph, Segmentation, SourceDocument
from pipeline.patterns import BULLET_RE, SENTENCE_STOPS

# A paragraph number as OCR leaves it: digits with look-alike letters, optional
# bracket before and punctuation after ("[11.", "31l.", "4,", "1 This").
PARA_NUMBER_RE = re.compile(r"^\s*[\[(]?(?P<num>[0-9][0-9lIOS|]{0,3}|[lI|][0-9]{1,3})(?P<punct>[.,:;]?)(?:\s+|$)(?P<rest>.*)$")
MAX_PARAGRAPH_NUMBER = 10_000  # four digits: longer numbers are years, amounts or codes
OCR_DIGITS = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0", "S": "5"})
# A heading numeral or letter: "V.", "B.", "[11." (III), " VI." floating alone.
MARK_RE = re.compile(r"^\s*(?P<mark>[IVXivx\[|l1!]{1,6}|[A-Z])\s?[.,]\s*(?P<title>.*)$")
OCR_ROMAN = str.maketrans({"[": "I", "|": "I", "l": "I", "1": "I", "!": "I", "i": "I", "v": "V", "x": "X"})
ROMAN_VALUES = {roman: value for value, roman in enumerate(
    "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split(), start=1)}
# In a PDF a bold line may print its numeral in the margin with no period: "III<gap>Implementation".
BOLD_ROMAN_RE = re.compile(r"^\s*(?P<mark>[IVX]{2,6}|I)\s+(?P<title>[A-Z].*)$")
NUMBERED_HEADING_RE = re.compile(r"^\s*(?P<mark>\d{1,2})\.\s+(?P<title>[A-Z\"“‘'(].*)$")
NUMBERED_ITEM_RE = re.compile(r"^\s*(?P<mark>\d{1,3}\.|\([a-z0-9]{1,3}\)|[a-z]\))(?:\s+\S|\s*$)")
BARE_NUMBER_RE = re.compile(r"^\s*\d{1,3}\s*$")
FOOTNOTE_RE = re.compile(r"^\s*(?P<n>\d{1,3})\s+(?P<text>\S.*)$")
# A contents line ends in a dot leader and perhaps a page number ("Introduction ..... 3").
# Matched on the line's tail only (see `has_toc_leader`): searching the whole line
# with a `(\.\s?){4,}...$` pattern backtracks quadratically on long runs of dots.
TOC_LEADER_TAIL_RE = re.compile(r"(?:\.\s?){3}\.$")
# A line that ends a sentence, perhaps followed by a footnote number ("management.21").
LINE_ENDS_A_SENTENCE_RE = re.compile(rf"[{SENTENCE_STOPS}:;)\"”’']\d{{0,3}}\s*$")
CONTINUES = re.compile(r"(\b(and|of|the|for|to|in|on|with|against|by|or|that)|[,;–\-])\s*$", re.I)
TRAILING_FOOTNOTE_RE = re.compile(r"(?<=[A-Za-z)])\d{1,3}\s*$")
MAX_HEADING_CHARS = 100
MAX_HEADING_WORDS = 16


@dataclass
class Candidate:
    index: int  # index into the document's lines
    values: tuple[int, ...]
    quality: int
    rest: str
    prefix_len: int


@dataclass
class RawHeading:
    """A heading as found in the text, before its place in the outline is known."""

    mark: str | None  # printed numeral/letter, OCR-normalized; None when not printed
    numeric: bool  # numbered sub-heading ("1. COVID-19 pandemic")
    title: str
    indexes: list[int]
    level: str = "topic"
    value: int = 0
    inferred: bool = False
    bold: bool = False  # printed bold (PDF): a numbered bold heading is part of the outline


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
    chain = paragraph_chain(lines, content)
    walker = _Walker(lines, content, chain)
    walker.walk()
    outline = place_headings(walker.headings, walker.floating, lines)
    paragraphs = walker.build_paragraphs(outline)
    footnotes = sorted(source.footnotes + walker.footnotes, key=lambda f: f.line)
    link_footnotes(paragraphs, footnotes)
    warnings = []
    if not paragraphs:
        warnings.append("no numbered paragraphs found; the text is emitted as unnumbered blocks")
    numbers = [p.para for p in paragraphs]
    gaps = sorted(set(range(numbers[0], numbers[-1] + 1)) - set(numbers)) if numbers else []
    if gaps:
        warnings.append(f"paragraph numbers missing from the sequence: {gaps[:20]}")
    front_matter = [lines[i] for i in walker.front_matter]
    return Segmentation(
        paragraphs=paragraphs,
        outline=outline,
        furniture_lines=sorted(furniture),
        unassigned=[lines[i] for i in walker.unassigned],
        warnings=warnings,
        notes=[line for line in lines if line.number in footnote_lines] + [lines[i] for i in walker.notes],
        front_matter=front_matter,
        floating_marks=[lines[i] for i, _ in walker.floating],
        heading_lines=[lines[i] for h in walker.headings for i in h.indexes],
        footnotes=footnotes,
        abbreviations=listed_abbreviations(front_matter),
    )


def link_footnotes(paragraphs: list[Paragraph], footnotes: list[Footnote]) -> None:
    """A paragraph's footnotes are those its lines refer to (superscripts in a PDF)."""
    by_number: dict[int, Footnote] = {}
    for note in footnotes:
        by_number.setdefault(note.number, note)
    for paragraph in paragraphs:
        refs = dict.fromkeys(n for line in paragraph.lines for n in line.footnote_refs)
        paragraph.footnotes = [by_number[n] for n in refs if n in by_number]


# ---------------------------------------------------------------- numbering


def paragraph_candidates(lines: list[Line], content: list[int]) -> list[Candidate]:
    found = []
    previous_text = ""
    for k, i in enumerate(content):
        after_blank = i > 0 and not lines[i - 1].text.strip()
        text = lines[i].text
        m = PARA_NUMBER_RE.match(text)
        # The number may stand alone on its line, its text on the next ("1." / "The Working Group ...").
        rest = m["rest"] if m and m["rest"] else following_text(lines, content, k) if m and m["punct"] == "." else ""
        if rest and not has_toc_leader(text):
            values = number_readings(m["num"])
            if values:
                quality = (2 if m["punct"] == "." else 0) + (1 if m["punct"] else 0)
                quality += 2 if (after_blank or not previous_text or LINE_ENDS_A_SENTENCE_RE.search(previous_text)) else 0
                quality += 1 if rest[:1].isupper() or rest[:1] in "\"“‘'(" else 0
                quality -= 4 if looks_like_title(rest) else 0
                found.append(Candidate(i, values, quality, m["rest"], m.start("rest")))
        previous_text = text
    return without_nested_lists(found, lines, content)


def following_text(lines: list[Line], content: list[int], k: int) -> str:
    return lines[content[k + 1]].text.strip() if k + 1 < len(content) else ""


def without_nested_lists(found: list[Candidate], lines: list[Line], content: list[int]) -> list[Candidate]:
    """Drop lists numbered from 1 again inside a paragraph ("... the following recommendations:
    1. ... 2. ..."): they are items of that paragraph, not paragraphs.

    A restart counts as nested when the line before it ends with a colon and
    numbers above 1 came before it; the list runs while its numbers follow on.
    """
    position = {index: k for k, index in enumerate(content)}
    kept: list[Candidate] = []
    highest, expected = 0, 0
    for cand in found:
        if expected and expected in cand.values:
            expected += 1
            continue
        expected = 0
        k = position[cand.index]
        introduced = k > 0 and lines[content[k - 1]].text.rstrip().endswith(":")
        if 1 in cand.values and introduced and highest >= 2:
            expected = 2
            continue
        kept.append(cand)
        highest = max(highest, *cand.values)
    return kept


def has_toc_leader(text: str) -> bool:
    """True for a contents line: a dot leader at the end (then a page number), or an ellipsis run."""
    tail = text.rstrip().rstrip("0123456789").rstrip()
    return bool(TOC_LEADER_TAIL_RE.search(tail[-8:])) or "……" in text


def looks_like_title(rest: str) -> bool:
    """A short line with no closing punctuation: a numbered sub-heading, not a paragraph."""
    rest = TRAILING_FOOTNOTE_RE.sub("", rest.strip())
    return len(rest) < 60 and not LINE_ENDS_A_SENTENCE_RE.search(rest) and not rest.endswith(",")


def number_readings(token: str) -> tuple[int, ...]:
    """The numbers an OCR'd token may stand for: look-alikes mapped, or trailing junk dropped."""
    readings = []
    mapped = token.translate(OCR_DIGITS)
    if mapped.isdigit():
        readings.append(int(mapped))
    digits = re.match(r"\d+", token)
    if digits and digits.group() != mapped:
        readings.append(int(digits.group()))
    return tuple(dict.fromkeys(v for v in readings if 0 < v < MAX_PARAGRAPH_NUMBER))


def paragraph_chain(lines: list[Line], content: list[int]) -> dict[int, tuple[int, Candidate]]:
    """The best run of consecutively numbered paragraph starts, as {line index: (number, candidate)}.

    Dynamic programming over candidates in line order: a candidate numbered v
    extends the best chain ending in v-1 (or v-2, v-3 at a cost, for numbers the
    OCR destroyed). Gains reward well-formed numbers, so a continuation line
    that happens to carry the right number loses to the real paragraph start.
    """
    candidates = paragraph_candidates(lines, content)
    best_ending: dict[int, tuple[int, int, int | None]] = {}  # value -> (score, candidate pos, prev key)
    nodes: list[tuple[int, int, int | None]] = []  # (score, value, previous node) per (candidate, value)
    node_of: dict[tuple[int, int], int] = {}
    for pos, cand in enumerate(candidates):
        gain = 10 + cand.quality
        for value in cand.values:
            score, previous = gain - 6 * (value - 1) if value < 4 else gain - 20, None
            for skip in (1, 2, 3):
                prior = best_ending.get(value - skip)
                if prior is not None:
                    extended = prior[0] + gain - 15 * (skip - 1)
                    if extended > score:
                        score, previous = extended, prior[2]
            node = len(nodes)
            nodes.append((score, value, previous))
            node_of[(pos, value)] = node
            current = best_ending.get(value)
            if current is None or score >= current[0]:  # ties go to the later start
                best_ending[value] = (score, pos, node)
    if not nodes:
        return {}
    end = max(range(len(nodes)), key=lambda n: (nodes[n][0], -n))
    if nodes[end][0] < 20:  # a lone number is no numbering
        return {}
    pos_of_node = {node: pos for (pos, _value), node in node_of.items()}
    chain: dict[int, tuple[int, Candidate]] = {}
    node: int | None = end
    while node is not None:
        cand = candidates[pos_of_node[node]]
        chain[cand.index] = (nodes[node][1], cand)
        node = nodes[node][2]
    return chain


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
                self.notes.append(i)
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


def paragraph_items(body_lines: list[str]) -> list[Item]:
    """Bullet or numbered items, as spans of the body (offsets into the joined lines)."""
    items: list[Item] = []
    offset = 0
    in_list = False
    for k, text in enumerate(body_lines):
        bullet = BULLET_RE.match(text)
        numbered = NUMBERED_ITEM_RE.match(text) if k > 0 else None
        # A bullet list whose glyph the OCR lost; items of a numbered list carry their numbers.
        lost_glyph = in_list and text[:1].isupper() and k > 0 and not NUMBERED_ITEM_RE.match(items[-1].marker)
        if bullet or numbered or lost_glyph:
            marker = (bullet.group().strip() if bullet else numbered["mark"] if numbered else "")
            start = offset + (bullet.end() if bullet else 0)
            items.append(Item(marker=marker, text="", start_char=start, end_char=offset + len(text)))
            in_list = True
        elif items and in_list:
            items[-1].end_char = offset + len(text)
        offset += len(text) + 1
    body = "\n".join(body_lines)
    for item in items:
        item.text = body[item.start_char : item.end_char]
    return items


# ---------------------------------------------------------------- outline


def roman_value(mark: str) -> int:
    return ROMAN_VALUES.get(mark.translate(OCR_ROMAN), 0) if not mark.isdigit() else 0


def letter_value(mark: str) -> int:
    return ord(mark) - ord("A") + 1 if len(mark) == 1 and mark.isupper() else 0


def place_headings(raw: list[RawHeading], floating: list[tuple[int, str]], lines: list[Line]) -> list[Heading]:
    """Give every heading its level and numeral: printed, floated or inferred from the sequence."""
    attach_floating(raw, floating)
    read_marks(raw)
    fill_gaps(raw)
    outline: list[Heading] = []
    section = subsection = ""
    for heading in raw:
        if heading.level == "section":
            section = subsection = roman(heading.value)
            hid, numeral = section, section
        elif heading.level == "subsection":
            numeral = str(heading.value) if heading.numeric else chr(ord("A") + heading.value - 1)
            hid = subsection = f"{section}.{numeral}" if section else numeral
        elif heading.level == "subsubsection":
            numeral = str(heading.value)
            hid = f"{subsection}.{numeral}"
        else:
            hid, numeral = "", heading.mark or ""
        placed = Heading(
            id=hid,
            level=heading.level,
            numeral=numeral,
            title=heading.title,
            line_start=lines[heading.indexes[0]].number,
            line_end=lines[heading.indexes[-1]].number,
            inferred=heading.inferred,
        )
        outline.append(placed)
    return outline


def attach_floating(raw: list[RawHeading], floating: list[tuple[int, str]]) -> None:
    """A numeral the OCR floated away belongs to the next heading printed without one."""
    for index, mark in floating:
        for heading in raw:
            if heading.indexes[0] > index and heading.mark is None:
                heading.mark = mark
                heading.inferred = True
                break


def read_marks(raw: list[RawHeading]) -> None:
    section, letter = 0, 0
    for heading in raw:
        if heading.mark is not None and heading.numeric and heading.bold and section:
            # A bold numbered heading: the third level under a lettered subsection, else the second.
            heading.level, heading.value = ("subsubsection" if letter else "subsection"), int(heading.mark)
            continue
        if heading.mark is None or heading.numeric:
            continue
        options = []
        r = roman_value(heading.mark)
        if r and r > section:
            options.append((r - section - 1, 1, "section", r))
        v = letter_value(heading.mark)
        if v and v > letter and section:
            options.append((v - letter - 1, 0, "subsection", v))
        if not options:
            continue  # out of sequence: kept as a topic heading
        _skip, _pref, level, value = min(options)
        heading.level, heading.value = level, value
        if level == "section":
            section, letter = value, 0
        else:
            letter = value


def fill_gaps(raw: list[RawHeading]) -> None:
    """Unnumbered headings take the numerals missing between their neighbours."""
    section, letter = 0, 0
    pending: list[RawHeading] = []
    for heading in raw + [None]:  # type: ignore[list-item]
        if heading is not None and heading.numeric:
            continue  # numbered headings are placed by their own number
        if heading is not None and heading.level == "topic":
            if heading.mark is None:
                pending.append(heading)
            continue
        if heading is not None and pending:
            if heading.level == "section":
                missing = [("section", v) for v in range(section + 1, heading.value)]
            else:
                missing = [("subsection", v) for v in range(letter + 1, heading.value)]
            if len(missing) == len(pending):
                for gap, (level, value) in zip(pending, missing):
                    gap.level, gap.value, gap.inferred = level, value, True
                    if level == "section":
                        section, letter = value, 0
        pending = []
        if heading is None:
            break
        if heading.level == "section":
            section, letter = heading.value, 0
        else:
            letter = heading.value


def roman(value: int) -> str:
    return next(r for r, v in ROMAN_VALUES.items() if v == value)


def ends_clause(text: str) -> bool:
    return TRAILING_FOOTNOTE_RE.sub("", text).rstrip().endswith((".", ";", ",", ":"))


def clean_title(title: str) -> str:
    title = TRAILING_FOOTNOTE_RE.sub("", title.strip())
    title = re.sub(r"\s*-\s+(?=[a-z])", "", title) if re.search(r"[a-z]-\s+[a-z]", title) else title
    return re.sub(r"\s+", " ", title).strip()
