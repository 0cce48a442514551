"""Tables inside a paragraph's lines: rows of figures, their header lines and caption.

Entry point: `table_lines(lines, indexes) -> set[int]`, the line indexes of a paragraph
(`indexes`, its first line excluded) that are a table: they become a `table` block, not
prose of the paragraph and not headings. A row is mostly figures ("District 10,748 14,452
+87.8%"); the short lines among and above the rows are its headers ("Percentage",
"decrease"); a "Table 1: ..." line after them is its caption. A list of numbers running
on in a sentence ("Nos. 7, 8, 9, 10,") is no table.
"""

from __future__ import annotations

import re

from pipeline.model import Line
from pipeline.stages.segment.numbering import LINE_ENDS_A_SENTENCE_RE

FIGURE_RE = re.compile(r"^[-+–]?[\d.,%()–\-+/]*\d[\d.,%()–\-+/]*$")
CAPTION_RE = re.compile(r"^\s*(?:Table|Figure|Chart|Graph)\s+\d+")
MIN_ROWS = 2
MIN_CELLS = 3
MIN_FIGURE_SHARE = 0.5
MAX_HEADER_CHARS = 60
MAX_CAPTION_LINES = 3


def is_row(text: str) -> bool:
    cells = text.split()
    figures = [cell for cell in cells if FIGURE_RE.match(cell)]
    running_on = sum(cell.endswith(",") for cell in cells)
    return len(cells) >= MIN_CELLS and len(figures) >= MIN_FIGURE_SHARE * len(cells) and running_on <= 1


def is_header(text: str) -> bool:
    return len(text.strip()) <= MAX_HEADER_CHARS and not LINE_ENDS_A_SENTENCE_RE.search(text)


def table_lines(lines: list[Line], indexes: list[int]) -> set[int]:
    body = indexes[1:]
    rows = [k for k, index in enumerate(body) if is_row(lines[index].text)]
    if len(rows) < MIN_ROWS:
        return set()
    first, last = rows[0], rows[-1]
    while first > 0 and is_header(lines[body[first - 1]].text):
        first -= 1
    while last + 1 < len(body) and not CAPTION_RE.match(lines[body[last + 1]].text) and (
        is_row(lines[body[last + 1]].text) or is_header(lines[body[last + 1]].text)
    ):
        last += 1
    if last + 1 < len(body) and CAPTION_RE.match(lines[body[last + 1]].text):
        for _ in range(MAX_CAPTION_LINES):
            last += 1
            if last + 1 >= len(body) or LINE_ENDS_A_SENTENCE_RE.search(lines[body[last]].text):
                break
    return set(body[first : last + 1])
