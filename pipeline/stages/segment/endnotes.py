"""Endnotes of a text extraction: the block of notes after the body, read as footnotes.

Entry points: `endnotes_start(lines, content) -> position | None`, where in the content the
block begins (its "Notes" line), and `read_endnotes(lines, indexes) -> list[Footnote]`, the
notes of a block numbered 1..N, each with the text of its continuation lines. PDFs find
their footnotes by font and position (stages/ingest/pdf.py); text extractions gather them
under a "Notes" line, where a numbering chain taken from the whole text would read them as
paragraphs.
"""

from __future__ import annotations

import re

from pipeline.model import Footnote, Line
from pipeline.patterns import NOTES_HEADING_RE, NOTE_LINE_HYPHEN_RE

# A note's first line: its number, then its text (or the text on the next line: "11" / "https://...").
NOTE_START_RE = re.compile(r"^\s*(?P<n>\d{1,3})(?:\s+(?P<text>\S.*))?\s*$")
MIN_NOTES = 3  # fewer notes in sequence after a "Notes" line make no endnote block
MAX_NOTE_SKIP = 2  # a note number the extraction lost: the next but one still opens a note


def endnotes_start(lines: list[Line], content: list[int]) -> int | None:
    """The position in `content` of the "Notes" line that opens the endnotes: a line
    "Notes" (or "Endnotes"), then notes numbered from 1."""
    for k, index in enumerate(content):
        if NOTES_HEADING_RE.match(lines[index].text.strip()) and opens_notes(lines, content[k + 1 :]):
            return k
    return None


def opens_notes(lines: list[Line], following: list[int]) -> bool:
    """Note 1 comes next, and notes 2 and 3 after it (note 1 may list every stakeholder
    over pages)."""
    if not following or note_number(lines[following[0]].text) != 1:
        return False
    return len(read_endnotes(lines, following)) >= MIN_NOTES


def note_number(text: str) -> int | None:
    m = NOTE_START_RE.match(text)
    return int(m["n"]) if m else None


def read_endnotes(lines: list[Line], indexes: list[int]) -> list[Footnote]:
    """The notes numbered in sequence from 1 in these lines; a line that does not open the
    next note continues the note before it (a heading line before note 1 is no note)."""
    notes: list[Footnote] = []
    for index in indexes:
        line = lines[index]
        number = note_number(line.text)
        expected = notes[-1].number + 1 if notes else 1
        if number is not None and expected <= number <= expected + MAX_NOTE_SKIP:
            notes.append(Footnote(number, (NOTE_START_RE.match(line.text)["text"] or ""), line.page, line.number))
        elif notes:
            notes[-1].text = f"{notes[-1].text} {line.text.strip()}".strip()
    for note in notes:
        note.text = NOTE_LINE_HYPHEN_RE.sub("-", note.text)
    return notes
