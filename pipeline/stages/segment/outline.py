"""Headings in the outline: their level and numeral, printed, floated or inferred.

Entry point: `place_headings(raw, floating, lines) -> list[Heading]`. The line walker in
segment.py finds the headings (`RawHeading`); here each gets its place: a numeral the OCR
floated away is attached to the next heading printed without one, printed marks are read as
section (I, II, ...) or subsection (A, B, ...) numerals in sequence, and headings printed
without a numeral take the ones missing between their neighbours (the heading between B and
D is C; `[11.` is III). Also the heading-title helpers the walker uses (`clean_title`,
`ends_clause`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import Heading, Line

OCR_ROMAN = str.maketrans({"[": "I", "|": "I", "l": "I", "1": "I", "!": "I", "i": "I", "v": "V", "x": "X"})
ROMAN_VALUES = {roman: value for value, roman in enumerate(
    "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split(), start=1)}
# A footnote number printed after a word at the end of a line ("Introduction2"), or after
# the mark that ends it ("(IGCP).51"; not "Goal 16.2").
TRAILING_FOOTNOTE_RE = re.compile(r"(?:(?<=[A-Za-z)])|(?<=[A-Za-z)][.,;:]))\d{1,3}\s*$")


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
