"""Items of a paragraph: the bullets and numbered lists it holds, as spans of its body."""

from __future__ import annotations

import re

from pipeline.model import Item
from pipeline.patterns import BULLET_RE

NUMBERED_ITEM_RE = re.compile(r"^\s*(?P<mark>\d{1,3}\.|\([a-z0-9]{1,3}\)|[a-z]\))(?:\s+\S|\s*$)")


def paragraph_items(body_lines: list[str]) -> list[Item]:
    """Bullet or numbered items, as spans of the body (offsets into the joined lines)."""
    items: list[Item] = []
    offset = 0
    in_list = False
    for k, text in enumerate(body_lines):
        bullet = BULLET_RE.match(text)
        numbered = NUMBERED_ITEM_RE.match(text) if k > 0 else None
        # A bullet list whose glyph the OCR lost; items of a numbered list carry their numbers.
        lost_glyph = in_list and text[:1].isupper() and k > 0 and not NUMBERED_ITEM_RE.match(items[-1].marker)
        if bullet or numbered or lost_glyph:
            marker = (bullet.group().strip() if bullet else numbered["mark"] if numbered else "")
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
