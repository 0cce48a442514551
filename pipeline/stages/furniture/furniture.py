"""Page-furniture stage: find running headers, footers and page numbers in text
inputs, and recover page numbers from them.

Entry point: `mark_furniture(source) -> SourceDocument` returns a new document
whose lines carry page numbers and whose `furniture` lists the removed lines.
PDF inputs arrive with furniture already found by position; they pass through.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from pipeline.model import Line, SourceDocument
from pipeline.patterns import JOB_NUMBER, PAGE_LABEL_RE, PRINT_MARKS, SYMBOL_LINE_RE

# "GE.09-17130 5", "GE.17-22701(E)", "2 GE.23-04198", "GE.23-04198 (E) 080124 090124"
JOB_NUMBER_LINE_RE = re.compile(
    rf"^\s*(?:(?P<before>\d{{1,3}})\s+)?{JOB_NUMBER}{PRINT_MARKS}(?:\s+(?P<after>\d{{1,3}}))?\s*$"
)
# The distribution line of a cover page ("Distr.: General", "Distr. GENERAL").
COVER_DISTRIBUTION_RE = re.compile(r"^\s*Distr\.?\s*:?\s*(?:General|GENERAL|Restricted|RESTRICTED|Limited|LIMITED)?\s*$|^\s*Distr\.:")
# A page of a UN document holds 40-60 lines; a break signal closer than this to
# the previous one is the same break.
MIN_LINES_PER_PAGE = 25
MAX_LINES_PER_PAGE = 80


def mark_furniture(source: SourceDocument) -> SourceDocument:
    warning = concatenation_warning(source.lines)
    if warning:
        source = dataclasses.replace(source, warnings=[*source.warnings, warning])
    if source.kind == "pdf":
        return source
    lines = source.lines
    symbol_lines = running_header_lines(lines)
    furniture: dict[int, int | None] = {}  # index -> page number the line states, if any
    for i, line in enumerate(lines):
        if i in symbol_lines:
            furniture[i] = None
        elif m := JOB_NUMBER_LINE_RE.match(line.text):
            furniture[i] = int(m["after"] or m["before"]) if (m["after"] or m["before"]) else None
        elif (m := PAGE_LABEL_RE.match(line.text)) and (m["word"] or is_page_number(lines, i, symbol_lines)):
            furniture[i] = int(m["n"])
    if source.pages is None:
        lines = number_pages(lines, furniture)
    pages = max((line.page for line in lines if line.page is not None), default=None)
    return dataclasses.replace(
        source,
        lines=lines,
        pages=pages,
        furniture=sorted(lines[i].number for i in furniture),
    )


def concatenation_warning(lines: list[Line]) -> str | None:
    """Two documents in one file: a second cover ("Distr.: General") or a second symbol
    running over pages. They are segmented as one, so the reader is told."""
    headers = Counter(line.text.strip() for line in lines if SYMBOL_LINE_RE.match(line.text))
    symbols = [symbol for symbol, count in headers.most_common() if count >= 2]
    covers = sum(1 for line in lines if COVER_DISTRIBUTION_RE.match(line.text))
    if len(symbols) < 2 and covers < 2:
        return None
    named = f" ({', '.join(symbols)})" if len(symbols) >= 2 else ""
    return (f"the file looks like two documents in one{named}: {max(covers, 1)} cover pages, "
            f"{max(len(symbols), 1)} running symbols; split it, its paragraphs are numbered as one")


def running_header_lines(lines: list[Line]) -> set[int]:
    """Indexes of lines that are a document symbol standing alone (the running header)."""
    return {i for i, line in enumerate(lines) if SYMBOL_LINE_RE.match(line.text)}


def is_page_number(lines: list[Line], i: int, symbol_lines: set[int]) -> bool:
    """A bare number is a page number when a running header or the end of the text follows it."""
    following = [j for j in range(i + 1, min(i + 5, len(lines))) if lines[j].text.strip()]
    if not following:
        return i > len(lines) // 2 or all(not line.text.strip() for line in lines[i + 1 :])
    if following[0] in symbol_lines:
        return True
    # A number that follows a running header opens a page whose header is printed first.
    preceding = [j for j in range(max(0, i - 4), i) if lines[j].text.strip()]
    return bool(preceding) and preceding[-1] in symbol_lines


def number_pages(lines: list[Line], furniture: dict[int, int | None]) -> list[Line]:
    """Give every line a page number from page-break signals, calibrated by stated numbers."""
    breaks = page_breaks(lines, furniture)
    page_of = []
    page = 1
    next_break = iter(breaks + [len(lines)])
    upcoming = next(next_break)
    for i in range(len(lines)):
        while i >= upcoming and upcoming < len(lines):
            page += 1
            upcoming = next(next_break)
        page_of.append(page)
    offsets = Counter(
        stated - page_of[i] for i, stated in furniture.items() if stated is not None and stated - page_of[i] > -2
    )
    offset = offsets.most_common(1)[0][0] if offsets else 0
    return [dataclasses.replace(line, page=max(1, page_of[i] + offset)) for i, line in enumerate(lines)]


def page_breaks(lines: list[Line], furniture: dict[int, int | None]) -> list[int]:
    """Indexes of the first line of each page after the first."""
    candidates: list[int] = []
    for i in sorted(furniture):
        if lines[i].text.strip() and not SYMBOL_LINE_RE.match(lines[i].text):
            candidates.append(i + 1)  # a footer or page number closes its page
        elif SYMBOL_LINE_RE.match(lines[i].text) and not any(
            j in furniture and not SYMBOL_LINE_RE.match(lines[j].text) for j in range(max(0, i - 6), i)
        ):
            candidates.append(i)  # a header with no footer before it opens a page
    candidates += ocr_page_starts(lines)
    breaks: list[int] = []
    for i in sorted(candidates):
        if 0 < i < len(lines) and (not breaks or i - breaks[-1] >= MIN_LINES_PER_PAGE):
            breaks.append(i)
    return breaks


def ocr_page_starts(lines: list[Line]) -> list[int]:
    """OCR text marks the first line of a page with a leading space.

    Only trusted when rare; a lost bullet glyph leaves the same space, and
    `page_breaks` drops such a line because it comes too soon after a break.
    """
    starts = [i for i, line in enumerate(lines) if line.text.startswith(" ") and line.text.strip()]
    if len(starts) > len(lines) / MIN_LINES_PER_PAGE * 1.5:
        return []  # indentation, not page starts
    if len(starts) < len(lines) / MAX_LINES_PER_PAGE:
        return []  # too few to mark every page: stray spaces of a flattened extraction
    return starts
