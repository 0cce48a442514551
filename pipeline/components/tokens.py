"""Tokens by character offset, without walking the whole doc (a component that does
that for every number or name it reads costs more than the rest of its work)."""

from __future__ import annotations

import numpy
from spacy.attrs import IDX
from spacy.tokens import Doc, Token


def first_token_from(doc: Doc, char: int) -> int:
    """The index of the first token starting at or after a character offset (len(doc) if none)."""
    return int(numpy.searchsorted(doc.to_array(IDX), char))  # token offsets increase along a doc


def tokens_between(doc: Doc, start_char: int, end_char: int) -> list[Token]:
    """The tokens starting in [start_char, end_char)."""
    return list(doc[first_token_from(doc, start_char):first_token_from(doc, end_char)])
