"""Metadata stage: what the document says about itself (symbol, for now).

Entry point: `document_metadata(source) -> dict`. Taken from the text, never
from the file name.
"""

from __future__ import annotations

import re
from collections import Counter

from .model import SourceDocument
from .patterns import SYMBOL_LINE_RE, SYMBOL_RE

COVER_LINES = 60


def document_metadata(source: SourceDocument) -> dict:
    return {"symbol": find_symbol(source)}


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
