"""Items of a paragraph: the bullets and numbered lists it holds, as spans of its body."""

from __future__ import annotations

import re

from pipeline.model import Item
from pipeline.patterns import BULLET_RE

NUMBERED_ITEM_RE = re.compile(r"^\s*(?P<mark>\d{1,3}\.|\([a-z0-9]{1,3}\)|[a-z]\))(?:\s+\S|\s*$)")
# A reply of an addendum, by the recommendations it answers: "Rec. 18 We consider ...",
# "Recs. 6–13 The Government ...", or their numbers alone on a line ("140.22-25", "140.1, 140.5").
_RANGE = r"\d{1,3}(?:\s*[–-]\s*\d{1,3})?"
REPLY_RE = re.compile(
    rf"^\s*(?P<mark>Recs?\.\s*{_RANGE}(?:,\s*{_RANGE})*)(?=\s+\S|\s*$)"
    rf"|^\s*(?P<alone>\d{{1,3}}\.{_RANGE}(?:,\s*\d{{1,3}}\.{_RANGE})*)\s*$"
)


def paragraph_items(body_lines: list[str]) -> list[Item]:
    """Bullet, numbered or reply items, as spans of the body (offsets into the joined lines)."""
    items: list[Item] = []
    offset = 0
    in_list = False
    for k, text in enumerate(body_lines):
        bullet = BULLET_RE.match(text)
        numbered = (NUMBERED_ITEM_RE.match(text) or reply(body_lines, k)) if k > 0 else None
        # A bullet list whose glyph the OCR lost; numbered items and replies carry their numbers.
        lost_glyph = in_list and text[:1].isupper() and k > 0 and is_bullet(items[-1].marker)
        if bullet or numbered or lost_glyph:
            marker = (bullet.group().strip() if bullet else item_mark(numbered) if numbered else "")
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


def reply(body_lines: list[str], k: int) -> re.Match | None:
    """A reply opens line k, unless the line before runs on into it (a list of numbers)."""
    return REPLY_RE.match(body_lines[k]) if not body_lines[k - 1].rstrip().endswith(",") else None


def item_mark(match: re.Match) -> str:
    return next(mark for mark in match.groups() if mark)


def is_bullet(marker: str) -> bool:
    """A bullet's glyph, or none (a glyph the OCR lost)."""
    return not marker or bool(BULLET_RE.match(marker))
