"""Clean stage: turn a paragraph's raw body into readable text, logging every change.

Entry point: `clean_segmentation(segmentation) -> None` fills each paragraph's
`text` and `corrections`, maps `items` into the cleaned text and repairs heading
titles. Layout fixers live here, the OCR repair fixers in fixers/. Each fixer is a function
`(text, reader) -> list[Edit]`, the reader being the document's (reader.py, made once per
document); LAYOUT_FIXERS and OCR_FIXERS fix the order they run in. An edit
with a rule is logged in `corrections` with its original; layout edits (line
breaks, runs of spaces) are not OCR changes and carry no rule.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Callable

from pipeline.isolation import Isolation
from pipeline.model import Correction, Heading, Paragraph, Segmentation
from pipeline.resources import data_lines, loaded_once
from pipeline.stages.clean.document_lexicon import DocumentLexicon
from pipeline.stages.clean.edits import Edit, OffsetMap, apply_edits
from pipeline.stages.clean.fixers.glued_words import fix_camel_glued, fix_glued_words
from pipeline.stages.clean.fixers.in_context import fix_in_context
from pipeline.stages.clean.fixers.misreadings import fix_dropped_letters, fix_names, fix_real_words
from pipeline.stages.clean.fixers.numbers import fix_numbers
from pipeline.stages.clean.fixers.punctuation import fix_punctuation
from pipeline.stages.clean.fixers.split_words import fix_split_words
from pipeline.stages.clean.foreign_phrases import sparing_foreign_phrases
from pipeline.stages.clean.known_words import WORD_ZIPF, is_word, zipf
from pipeline.stages.clean.reader import DocumentReader

STAGE, CLEAN_TEXT = "clean", "clean_text"  # as a paragraph's warnings name them

@loaded_once
def hyphen_prefixes() -> frozenset[str]:
    return frozenset(line.lower() for line in data_lines("hyphen_prefixes.txt"))


# ---------------------------------------------------------------- fixers

# The lookbehind makes matches start at a word's beginning only: without it a long
# run of letters is rescanned from every position (quadratic time).
LINE_BREAK_HYPHEN_RE = re.compile(r"(?<![A-Za-z])(?P<left>[A-Za-z]+)-\n(?P<right>[a-z][A-Za-z]*)")
SUSPENDED_HYPHEN_FOLLOWERS = frozenset({"and", "or", "nor"})
LINE_BREAK_RANGE_RE = re.compile(r"(?<=\d)([-–—])[ \t]*\n[ \t]*(?=\d)")


def fix_line_break_hyphens(text: str, reader: DocumentReader) -> list[Edit]:
    """Join "pre-\\nplanning" only where the joined form is a word; keep real hyphens."""
    edits = []
    for m in LINE_BREAK_HYPHEN_RE.finditer(text):
        left, right = m["left"], m["right"]
        hyphen_at = m.start() + len(left)
        if right in SUSPENDED_HYPHEN_FOLLOWERS:  # "pre-\nand post-Soviet": the break was a space
            edits.append(Edit(hyphen_at + 1, hyphen_at + 2, " ", None))
        elif should_join(left, right, reader.lexicon):
            edits.append(Edit(hyphen_at, hyphen_at + 2, "", "hyphenation"))
        else:
            edits.append(Edit(hyphen_at + 1, hyphen_at + 2, "", None))
    # A range broken after its dash ("2015-\n2016") keeps the dash, loses the break.
    edits += [Edit(m.end(1), m.end(), "", None) for m in LINE_BREAK_RANGE_RE.finditer(text)]
    return edits


def should_join(left: str, right: str, lexicon: DocumentLexicon) -> bool:
    joined = left + right
    if lexicon.hyphenated[f"{left}-{right}".lower()]:
        return False
    if lexicon.count(joined) and lexicon.count(joined) >= lexicon.hyphenated[f"{left}-{right}".lower()]:
        return True
    if left.lower() in hyphen_prefixes():
        return False
    if is_word(left) and is_word(right) and zipf(joined.lower()) < WORD_ZIPF:
        return False  # "so-\ncalled": two words make a compound, not one rare word
    return zipf(joined.lower()) >= 1.5


# "well.being": some text extractions turn a hyphen into a full stop. Not inside
# addresses ("www.ohchr.org"), hence no dot, slash or "@" next to the word pair.
DOTTED_HYPHEN_RE = re.compile(r"(?<![\w./@])(?P<left>[a-z]+)\.(?P<right>[a-z]{2,})(?![\w/@]|\.\w)")


def fix_dotted_hyphens(text: str, reader: DocumentReader) -> list[Edit]:
    """Restore "well-being" from "well.being" where the left part is a hyphen prefix."""
    return [
        Edit(m.start() + len(m["left"]), m.start() + len(m["left"]) + 1, "-", "dotted_hyphen")
        for m in DOTTED_HYPHEN_RE.finditer(text)
        if m["left"] in hyphen_prefixes() and zipf(m["right"]) >= 2.5
    ]


def fix_layout_whitespace(text: str, reader: DocumentReader) -> list[Edit]:
    """Line breaks become spaces; runs of spaces collapse; no space at either end."""
    runs = re.finditer(r"[ \t]*(?:\n[ \t]*)+|[ \t]{2,}", text)  # "\n \n" is one run, not two
    edits = [Edit(m.start(), m.end(), " ", None) for m in runs if m.group() != " "]
    lead = re.match(r"\s+", text)
    if lead:
        edits = [e for e in edits if e.start >= lead.end()] + [Edit(0, lead.end(), "", None)]
    trail_start = len(text.rstrip())  # not re.search(r"\s+$"): quadratic on long inner runs of spaces
    if 0 < trail_start < len(text):
        edits = [e for e in edits if e.end <= trail_start] + [Edit(trail_start, len(text), "", None)]
    return edits


Fixer = Callable[[str, DocumentReader], list[Edit]]
# Layout first, once, so OCR fixers see one line of text (they never make
# layout work: their replacements are words and single spaces).
LAYOUT_FIXERS: dict[str, Fixer] = {
    "line_break_hyphens": fix_line_break_hyphens,
    "dotted_hyphens": fix_dotted_hyphens,
    "layout_whitespace": fix_layout_whitespace,
}
# Punctuation before words; glued tokens are cut before split fragments are
# joined (the join sees the cut's result, so a second cleaning changes nothing),
# and both come before numbers read in context ("subjectsin 20009") and
# single-word corrections; rules that read a word's neighbours come last, when
# the neighbours are repaired.
OCR_FIXERS: dict[str, Fixer] = {
    "punctuation": fix_punctuation,
    "glued_words": fix_glued_words,
    "camel_glued": fix_camel_glued,
    "split_words": fix_split_words,
    "numbers": fix_numbers,
    "dropped_letters": fix_dropped_letters,
    "names": fix_names,
    "real_words": fix_real_words,
    "in_context": fix_in_context,
}


# ---------------------------------------------------------------- applying edits


FOOTNOTE_REFERENCE_RULE = "footnote_reference"
MAX_PASSES = 3  # OCR fixers interact ("aresult s" -> "a result s" -> "a results"): run them to a fixpoint


def clean_text(body: str, reader: DocumentReader, removals: list[Edit] | None = None):
    """Take out `removals` (spans of the body the segmenter found: glued footnote numbers),
    run the layout fixers, then the OCR fixers in order, again while a pass
    still changes something (so that cleaning clean text changes nothing); returns
    (text, corrections, offset function from body to text). A change to an
    earlier change is logged as one; no repair touches a foreign phrase ("sui generis")."""
    text = body
    corrections: list[Correction] = []
    maps: list[OffsetMap] = []
    unchanged_by: dict[str, str] = {}  # fixer -> the text it last ran on and left as it was

    def run(fixers: dict[str, Fixer]) -> bool:
        nonlocal text, corrections
        changed = False
        for name, fixer in fixers.items():
            if unchanged_by.get(name) == text:
                continue  # a fixer is a function of the text: on the same text it finds nothing again
            edits = sparing_foreign_phrases(text, fixer(text, reader))
            if not edits:
                unchanged_by[name] = text
                continue
            new_text, logged, offset_map = apply_edits(text, edits)
            corrections = merged_corrections(text, new_text, corrections, logged, offset_map)
            changed = changed or new_text != text
            text = new_text
            maps.append(offset_map)
        return changed

    if removals:
        run({"removals": lambda _text, _reader: removals})
    run(LAYOUT_FIXERS)
    for _ in range(MAX_PASSES):
        if not run(OCR_FIXERS):
            break

    def to_text(offset: int) -> int:
        for offset_map in maps:
            offset = offset_map(offset)
        return offset

    corrections.sort(key=lambda c: (c.start_char, c.end_char))
    return text, corrections, to_text


def merged_corrections(
    before: str, after: str, corrections: list[Correction], logged: list, offset_map: OffsetMap
) -> list[Correction]:
    """Carry the corrections over an edit of `before` into `after`; a logged edit
    touching an earlier correction merges with it, keeping the original as read."""
    spans = [(c.start_char, c.end_char, c.original, c.rule) for c in corrections]  # in `before`
    for _start, _end, edit, original in logged:
        touching = sorted(s for s in spans if s[0] <= edit.end and edit.start <= s[1])
        spans = [s for s in spans if s not in touching]
        if not touching:
            spans.append((edit.start, edit.end, original, edit.rule or ""))
            continue
        start, end = min(edit.start, touching[0][0]), max(edit.end, max(s[1] for s in touching))
        pieces, cursor = [], start
        for s_start, s_end, s_original, _rule in touching:
            pieces += [before[cursor:s_start], s_original]
            cursor = s_end
        pieces.append(before[cursor:end])
        rules = dict.fromkeys([s[3] for s in touching] + [edit.rule or ""])
        spans.append((start, end, "".join(pieces), "+".join(rules)))
    merged = []
    for start, end, original, rule in spans:
        new_start, new_end = offset_map(start), offset_map(end)
        merged.append(Correction(new_start, new_end, original, after[new_start:new_end], rule))
    return merged


def clean_segmentation(segmentation: Segmentation, isolation: Isolation | None = None) -> None:
    """The stage's entry point: clean every paragraph and every heading title. `isolation`:
    what an error on one paragraph costs (default: it raises; else the paragraph keeps its
    text as read)."""
    reader = document_reader(segmentation)
    clean_paragraphs(segmentation.paragraphs, reader, isolation)
    clean_headings(segmentation, reader)


def document_reader(segmentation: Segmentation) -> DocumentReader:
    """The document's reader, for its paragraphs and headings: its judgements end with it."""
    return DocumentReader.of([p.body for p in segmentation.paragraphs] + [h.title for h in segmentation.outline])


def clean_paragraphs(paragraphs: list[Paragraph], reader: DocumentReader | None = None,
                     isolation: Isolation | None = None) -> None:
    reader = reader or DocumentReader.of(p.body for p in paragraphs)
    guard = (isolation or Isolation(STAGE)).guard
    for paragraph in paragraphs:
        paragraph.text = paragraph.body  # what a paragraph the fixers fail on keeps
        with guard(paragraph, CLEAN_TEXT):
            clean_paragraph(paragraph, reader)  # the fixers, the corrections and the items' offsets


def clean_paragraph(paragraph: Paragraph, reader: DocumentReader) -> None:
    text, corrections, to_text = clean_text(paragraph.body, reader, footnote_removals(paragraph))
    paragraph.text = text
    paragraph.corrections = corrections
    for item in paragraph.items:
        start, end = to_text(item.start_char), to_text(item.end_char)
        while start < end and text[start] == " ":
            start += 1
        item.start_char, item.end_char, item.text = start, end, text[start:end]


def footnote_removals(paragraph: Paragraph) -> list[Edit]:
    """The footnote numbers glued to the paragraph's words: out of `text`, logged with their
    number as the original (the paragraph's `footnotes` hold the notes)."""
    return [Edit(mark.start_char, mark.end_char, "", FOOTNOTE_REFERENCE_RULE) for mark in paragraph.footnote_marks]


def clean_headings(segmentation: Segmentation, reader: DocumentReader) -> None:
    """Repair titles with the same fixers ("Rightsof migrantsand" -> "Rights of migrants
    and"), keeping the original in `raw_title`; paragraphs point to the repaired headings."""
    repaired: dict[int, Heading] = {}
    for heading in segmentation.outline:
        title, corrections, _ = clean_text(heading.title, reader)
        if corrections:
            repaired[id(heading)] = dataclasses.replace(heading, title=title, raw_title=heading.title)
    if not repaired:
        return
    segmentation.outline = [repaired.get(id(h), h) for h in segmentation.outline]
    for paragraph in segmentation.paragraphs:
        paragraph.section = repaired.get(id(paragraph.section), paragraph.section)
        paragraph.subsection = repaired.get(id(paragraph.subsection), paragraph.subsection)
