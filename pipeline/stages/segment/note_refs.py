"""Footnote numbers a text extraction glued to the words they follow ("being drafted.17",
"in 2023.37", "2021–202548", "system12").

Entry point: `mark_note_references(paragraphs, notes) -> None` sets each paragraph's
`footnote_marks` (spans of its body); the clean stage takes them out of `text`. Only in a
document with notes, and only the numbers that make the sequence of references: they
increase through the text, from the first notes to the last, so a real number that happens
to end a word ("Covid-19", "G20", "JS2", "2023") is cut only where the sequence expects it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import Footnote, FootnoteMark, Line, Paragraph

# What may end the reference: a space, the end, or a mark then a space ("(Donbas)1. As").
_REF_END = r"(?=\s|$|[,;:.](?:\s|$))"
# A number glued after a closing mark ("drafted.17", "(f).3"), to a word ("system12"), to a
# year ("2021–202548", "in 2023.37") or to a capital ("JS2", "G20": likelier a name, so it
# counts for less in the sequence).
GLUED_REF_RES = (
    ("mark", re.compile(rf"(?<=[A-Za-z)\]”’\"'])[.,;:](?P<n>\d{{1,3}}){_REF_END}")),
    ("year", re.compile(rf"(?<![\d.,])(?:19|20)\d\d[.,;:]?(?P<n>\d{{1,3}}){_REF_END}")),
    ("word", re.compile(rf"(?<=[a-z)\]”’\"'])(?P<n>\d{{1,3}}){_REF_END}")),
    ("acronym", re.compile(rf"(?<=[A-Z])(?P<n>\d{{1,3}}){_REF_END}")),
)
GAIN = {"mark": 3, "year": 3, "word": 2, "acronym": 1}
MAX_SKIP = 4  # references the text lost (or set in headings) between two found ones
SKIP_COST = 1
MAX_FIRST = 3  # the sequence starts at one of the first notes
HEADING = -1  # the paragraph position of a candidate in a heading


@dataclass(frozen=True)
class _Candidate:
    paragraph: int  # position in the document's paragraphs, or HEADING
    start: int  # the number's span in the paragraph's body
    end: int
    number: int
    gain: int


def mark_note_references(paragraphs: list[Paragraph], headings: list[Line], notes: list[Footnote]) -> None:
    """Headings refer to notes too ("Legal framework2"): their numbers keep the sequence
    going, and their titles lose them when cleaned (outline.clean_title)."""
    numbers = {note.number for note in notes}
    if not numbers:
        return
    texts = sorted([(p.line_start, k, p.body) for k, p in enumerate(paragraphs)]
                   + [(line.number, HEADING, line.text) for line in headings])
    candidates = [c for _, k, text in texts for c in glued_numbers(k, text) if c.number in numbers]
    for cand in reference_sequence(candidates):
        if cand.paragraph != HEADING:
            paragraphs[cand.paragraph].footnote_marks.append(FootnoteMark(cand.number, cand.start, cand.end))


def glued_numbers(paragraph: int, body: str) -> list[_Candidate]:
    """Every number glued where a footnote reference could be, in text order; never inside
    a symbol, an address or a range ("A/HRC/36/11/Add.1", "CDL-AD(2013)025-e")."""
    found: dict[int, _Candidate] = {}
    for kind, pattern in GLUED_REF_RES:
        for m in pattern.finditer(body):
            if not in_address(body, m.start("n")) and m.start("n") not in found:
                found[m.start("n")] = _Candidate(paragraph, m.start("n"), m.end("n"), int(m["n"]), GAIN[kind])
    return [found[start] for start in sorted(found)]


def in_address(body: str, at: int) -> bool:
    token_start = max(body.rfind(" ", 0, at), body.rfind("\n", 0, at)) + 1
    return any(mark in body[token_start:at] for mark in "/@=#")


def reference_sequence(candidates: list[_Candidate]) -> list[_Candidate]:
    """The best increasing run of note numbers through the candidates (in text order):
    each step goes up by 1 to MAX_SKIP, a skip costing SKIP_COST per lost number."""
    best_ending: dict[int, tuple[int, int]] = {}  # number -> (score, node)
    nodes: list[tuple[int, int | None]] = []  # (score, previous node), one per candidate
    for cand in candidates:
        score, previous = (cand.gain, None) if cand.number <= MAX_FIRST else (-1, None)
        for skip in range(1, MAX_SKIP + 1):
            prior = best_ending.get(cand.number - skip)
            if prior is not None and prior[0] + cand.gain - SKIP_COST * (skip - 1) > score:
                score, previous = prior[0] + cand.gain - SKIP_COST * (skip - 1), prior[1]
        nodes.append((score, previous))
        if score > 0 and score >= best_ending.get(cand.number, (0, 0))[0]:  # ties go to the later one
            best_ending[cand.number] = (score, len(nodes) - 1)
    if not best_ending:
        return []
    node: int | None = max(best_ending.values())[1]
    sequence = []
    while node is not None:
        sequence.append(candidates[node])
        node = nodes[node][1]
    return sequence[::-1]
