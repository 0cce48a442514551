"""Metadata stage: what the document's cover page says about it.

Entry point: `document_metadata(source) -> dict` with the symbol, distribution
date (ISO), original language, session, country and document type. Taken from
the text, never from the file name; a value the cover does not state is None.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime

from pipeline.model import Line, SourceDocument
from pipeline.patterns import MONTHS, SYMBOL_LINE_RE, SYMBOL_RE
from pipeline.resources import data_rows, loaded_once
from pipeline.states import state_names

# A text input has no pages: its cover is its first lines (the cover of a UN document holds ~20).
COVER_LINES = 40
DATE_RE = re.compile(rf"\b(\d{{1,2}})\s+({MONTHS})\s+(\d{{4}})\b")
DISTRIBUTION_RE = re.compile(r"^\s*Distr\.", re.I)
# The date follows the "Distr.: General" line within a few lines ("Distr." / "GENERAL" / symbol / date).
DATE_AFTER_DISTRIBUTION = 4
ORIGINAL_RE = re.compile(r"\bOriginal:\s*(?P<language>[A-Za-z]+)")
SESSION_RE = re.compile(r"\b(?P<ordinal>[A-Z][a-z]+(?:-[a-z]+)?(?:th|st|nd|rd))\s+session\b")
# Marks after a State's name on the cover: footnote star or number.
COUNTRY_MARKS = "*0123456789 \t"


def document_metadata(source: SourceDocument) -> dict:
    cover = cover_lines(source)
    return {
        "symbol": find_symbol(source),
        "distribution_date": iso(distribution_date(cover)),
        "original_language": original_language(cover),
        "session": session(cover),
        "country": country(cover),
        "document_type": document_type(cover),
    }


def cover_lines(source: SourceDocument) -> list[str]:
    """The cover page's non-blank lines: page 1 of a PDF, the first lines of a text."""
    lines: list[Line] = [line for line in source.lines if line.text.strip()]
    if source.kind == "pdf":
        return [line.text.strip() for line in lines if line.page == 1]
    return [line.text.strip() for line in lines[:COVER_LINES]]


def find_symbol(source: SourceDocument) -> str | None:
    """The running header's symbol, or the first symbol on the cover page."""
    headers = Counter(line.text.strip() for line in source.lines if SYMBOL_LINE_RE.match(line.text))
    if headers:
        return headers.most_common(1)[0][0]
    # The cover may split the symbol over two lines: "United Nations A" / "/HRC/WG.6/32/AFG/1".
    cover = "\n".join(line.text.strip() for line in source.lines[:COVER_LINES])
    cover = re.sub(r"\b(A|E)\n(/[A-Z])", r"\1\2", cover)
    m = SYMBOL_RE.search(cover)
    return m.group().rstrip(".") if m else None


def iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def distribution_date(cover: list[str]) -> date | None:
    for k, line in enumerate(cover):
        if DISTRIBUTION_RE.match(line):
            for candidate in cover[k : k + 1 + DATE_AFTER_DISTRIBUTION]:
                m = DATE_RE.search(candidate)
                if m:
                    return datetime.strptime(" ".join(m.groups()), "%d %B %Y").date()
    return None


def original_language(cover: list[str]) -> str | None:
    m = ORIGINAL_RE.search("\n".join(cover))
    return m["language"].capitalize() if m else None


def session(cover: list[str]) -> str | None:
    m = SESSION_RE.search("\n".join(cover))
    return f"{m['ordinal']} session" if m else None


def country(cover: list[str]) -> str | None:
    """The State under review: a cover line that is a State's name alone ("Slovenia*")."""
    names = state_names()
    for line in cover:
        name = line.rstrip(COUNTRY_MARKS).strip().lower()  # rstrip: a regex here is quadratic on long lines
        if name in names:
            return names[name]
    return None


def document_type(cover: list[str]) -> str | None:
    text = " ".join(cover)
    for name, pattern in document_types():
        if pattern.search(text):
            return name
    return None


@loaded_once
def document_types() -> list[tuple[str, re.Pattern[str]]]:
    rows = [line.split("\t", 1) for line in data_rows("document_types.tsv")]
    return [(name, re.compile(pattern.strip(), re.I)) for name, pattern in rows]
