"""Clean stage: turn a paragraph's raw body into readable text, logging every change.

Entry point: `clean_paragraphs(paragraphs) -> None` fills `text`, `corrections`
and maps `items` into the cleaned text. Each fixer is a function
`(text, lexicon) -> list[Edit]`; FIXERS fixes the order they run in. An edit
with a rule is logged in `corrections` with its original; layout edits (line
breaks, runs of spaces) are not OCR changes and carry no rule.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from typing import Callable, Iterable

from wordfreq import zipf_frequency

from .model import Correction, Paragraph

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]*")


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str
    rule: str | None  # None: a layout change, not logged


class DocumentLexicon:
    """Words as they occur intact in one document: evidence for what a word should be."""

    def __init__(self, texts: Iterable[str]):
        self.words: Counter[str] = Counter()
        self.hyphenated: Counter[str] = Counter()
        for text in texts:
            for line in text.split("\n"):
                for token in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", line):
                    if "-" in token:
                        self.hyphenated[token.lower()] += 1
                    for word in token.split("-"):
                        self.words[word.lower()] += 1

    def count(self, word: str) -> int:
        return self.words[word.lower()]


@lru_cache(maxsize=1)
def hyphen_prefixes() -> frozenset[str]:
    data = resources.files("pipeline.data").joinpath("hyphen_prefixes.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in data.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    return zipf_frequency(word, "en")


# ---------------------------------------------------------------- fixers

# The lookbehind makes matches start at a word's beginning only: without it a long
# run of letters is rescanned from every position (quadratic time).
LINE_BREAK_HYPHEN_RE = re.compile(r"(?<![A-Za-z])(?P<left>[A-Za-z]+)-\n(?P<right>[a-z][A-Za-z]*)")


def fix_line_break_hyphens(text: str, lexicon: DocumentLexicon) -> list[Edit]:
    """Join "pre-\\nplanning" only where the joined form is a word; keep real hyphens."""
    edits = []
    for m in LINE_BREAK_HYPHEN_RE.finditer(text):
        left, right = m["left"], m["right"]
        hyphen_at = m.start() + len(left)
        if should_join(left, right, lexicon):
            edits.append(Edit(hyphen_at, hyphen_at + 2, "", "hyphenation"))
        else:
            edits.append(Edit(hyphen_at + 1, hyphen_at + 2, "", None))
    return edits


def should_join(left: str, right: str, lexicon: DocumentLexicon) -> bool:
    joined = left + right
    if lexicon.hyphenated[f"{left}-{right}".lower()]:
        return False
    if lexicon.count(joined) and lexicon.count(joined) >= lexicon.hyphenated[f"{left}-{right}".lower()]:
        return True
    if left.lower() in hyphen_prefixes():
        return False
    return zipf(joined.lower()) >= 1.5


def fix_layout_whitespace(text: str, lexicon: DocumentLexicon) -> list[Edit]:
    """Line breaks become spaces; runs of spaces collapse; no space at either end."""
    edits = [Edit(m.start(), m.end(), " ", None) for m in re.finditer(r"[ \t]*(?:\n[ \t]*)+|[ \t]{2,}", text) if m.group() != " "]
    lead = re.match(r"\s+", text)
    if lead:
        edits = [e for e in edits if e.start >= lead.end()] + [Edit(0, lead.end(), "", None)]
    trail_start = len(text.rstrip())  # not re.search(r"\s+$"): quadratic on long inner runs of spaces
    if 0 < trail_start < len(text):
        edits = [e for e in edits if e.end <= trail_start] + [Edit(trail_start, len(text), "", None)]
    return edits


Fixer = Callable[[str, DocumentLexicon], list[Edit]]
FIXERS: dict[str, Fixer] = {
    "line_break_hyphens": fix_line_break_hyphens,
    "layout_whitespace": fix_layout_whitespace,
}


# ---------------------------------------------------------------- applying edits


class OffsetMap:
    """Maps offsets in a text before some edits to offsets after them.

    Edits are sorted and do not overlap; a binary search keeps a lookup
    logarithmic, so mapping every offset of a huge paragraph stays fast.
    """

    def __init__(self, edits: list[Edit]):
        self.edits = edits
        self.ends = [edit.end for edit in edits]
        self.shifts = list(accumulate((len(e.replacement) - (e.end - e.start) for e in edits), initial=0))

    def __call__(self, offset: int) -> int:
        done = bisect_right(self.ends, offset)  # edits wholly before the offset
        shift = self.shifts[done]
        if done < len(self.edits) and self.edits[done].start < offset:  # inside an edited span: clamp to its end
            edit = self.edits[done]
            return edit.start + shift + len(edit.replacement)
        return offset + shift


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, list[tuple[int, int, Edit, str]], OffsetMap]:
    """Apply non-overlapping edits; returns the text, the logged edits with their
    new spans and originals, and the offset map."""
    edits = sorted(edits, key=lambda e: (e.start, e.end))
    kept: list[Edit] = []
    for edit in edits:
        if kept and edit.start < kept[-1].end:
            continue  # overlapping proposals: the first one wins
        kept.append(edit)
    pieces, logged, cursor, out_len = [], [], 0, 0
    for edit in kept:
        pieces.append(text[cursor : edit.start])
        out_len += edit.start - cursor
        if edit.rule:
            logged.append((out_len, out_len + len(edit.replacement), edit, text[edit.start : edit.end]))
        pieces.append(edit.replacement)
        out_len += len(edit.replacement)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces), logged, OffsetMap(kept)


def clean_text(body: str, lexicon: DocumentLexicon, fixers: dict[str, Fixer] | None = None):
    """Run the fixers in order; returns (text, corrections, offset function from body to text)."""
    text = body
    corrections: list[Correction] = []
    maps: list[OffsetMap] = []
    for fixer in (fixers or FIXERS).values():
        edits = fixer(text, lexicon)
        if not edits:
            continue
        text, logged, offset_map = apply_edits(text, edits)
        for c in corrections:
            c.start_char, c.end_char = offset_map(c.start_char), offset_map(c.end_char)
        for start, end, edit, original in logged:
            corrections.append(Correction(start, end, original, edit.replacement, edit.rule or ""))
        maps.append(offset_map)

    def to_text(offset: int) -> int:
        for offset_map in maps:
            offset = offset_map(offset)
        return offset

    corrections.sort(key=lambda c: (c.start_char, c.end_char))
    return text, corrections, to_text


def clean_paragraphs(paragraphs: list[Paragraph]) -> None:
    lexicon = DocumentLexicon(p.body for p in paragraphs)
    for paragraph in paragraphs:
        text, corrections, to_text = clean_text(paragraph.body, lexicon)
        paragraph.text = text
        paragraph.corrections = corrections
        for item in paragraph.items:
            start, end = to_text(item.start_char), to_text(item.end_char)
            while start < end and text[start] == " ":
                start += 1
            item.start_char, item.end_char, item.text = start, end, text[start:end]
