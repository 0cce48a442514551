"""Tokens by character offset, and a doc's text, without walking the whole doc (a component
that does that for every number or name it reads costs more than the rest of its work)."""

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


TEXT_KEY = "upr_text"  # where `doc_text` keeps a doc's text, in doc.user_data


def doc_text(doc: Doc) -> str:
    """doc.text, which spaCy rebuilds from every token on each read: built once per doc, kept
    in doc.user_data for the components after (tokens never change their text)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
