"""The list of abbreviations a document gives before its first paragraph.

Entry point: `listed_abbreviations(lines) -> list[Abbreviation]`, over the front-matter
lines the segment stage keeps (`Segmentation.front_matter`). The list starts after a
heading line ("Abbreviations", "Acronyms", "List of abbreviations and acronyms"); each of
its lines gives a short form then its long form, with a space, a tab, several spaces or a
dash between:

    AIHRC   Afghanistan Independent Human Rights Commission
    MoJ\tMinistry of Justice
    CEDAW – Convention on the Elimination of All Forms of Discrimination against Women

A line that is not such a definition (a page number, a heading, a sentence) is passed
over, so nothing else is read as one. The tag and commit stages use the definitions as they
use an abbreviation defined in brackets inside a paragraph.
"""

from __future__ import annotations

import re

from pipeline.model import Abbreviation, Line
from pipeline.patterns import CLAUSE_STOPS

# The heading that opens the list; a contents line ("Abbreviations ....... 3") is not one.
LIST_HEADING_RE = re.compile(
    r"^\s*(?:list\s+of\s+)?(?:abbreviations|acronyms)(?:\s+and\s+(?:abbreviations|acronyms))?\s*:?\s*$",
    re.IGNORECASE,
)
# Short form: one word with two capitals or more ("MoJ", "A-SDGs", "DiREC"), as in
# ABBREVIATION_IN_BRACKETS; long form: the rest of the line, from a letter on.
DEFINITION_RE = re.compile(
    r"^\s*(?P<short>[A-Z][A-Za-z0-9.&/\-]*[A-Z][A-Za-z0-9.&/\-]*)"
    r"(?:\t+\s*|\s*[\u2013\u2014:=-]\s+|\s+)"
    r"(?P<long>[^\W\d_].*?)\s*$"
)
ROMAN_MARK_RE = re.compile(r"^[IVXLC]+\.$")  # "II. Protection of human rights" is a heading
MAX_LONG_FORM_WORDS = 16


def listed_abbreviations(lines: list[Line]) -> list[Abbreviation]:
    """The definitions of the document's list of abbreviations, in the list's order; the
    first definition of a short form stands."""
    start = next((k for k, line in enumerate(lines) if LIST_HEADING_RE.match(line.text)), None)
    if start is None:
        return []
    found: dict[str, Abbreviation] = {}
    for line in lines[start + 1:]:
        definition = read_definition(line)
        if definition is not None:
            found.setdefault(definition.short, definition)
    return list(found.values())


def read_definition(line: Line) -> Abbreviation | None:
    """The line as "short form, long form", or None when it is not a definition."""
    m = DEFINITION_RE.match(line.text)
    if m is None:
        return None
    short, long = m["short"].rstrip("-"), m["long"]  # "CEDAW- Convention ...": the dash separates
    if ROMAN_MARK_RE.match(short) or not is_long_form(short, long):
        return None
    return Abbreviation(short=short, long=long, line=line.number)


def is_long_form(short: str, long: str) -> bool:
    """A name for the short form, not a sentence: it starts with the short form's first
    letter ("AGO Attorney General Office"), does not end like a sentence and is short."""
    return (
        long[0].lower() == short[0].lower()
        and not long.endswith(tuple(CLAUSE_STOPS))
        and len(long.split()) <= MAX_LONG_FORM_WORDS
    )
