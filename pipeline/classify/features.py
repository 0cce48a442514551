"""The terms a classifier reads in a text: the one analyzer training and scoring share.

Training hands these functions to scikit-learn's `TfidfVectorizer(analyzer=...)`, and the
run-time scorer (linear_model.py) calls the same functions, so the two agree by
construction, not by imitating scikit-learn's tokenizer.

>>> word_terms("Ratify the OP-CAT")
['ratify', 'the', 'op', 'cat', 'ratify the', 'the op', 'op cat']
>>> lead_terms("Continue to promote", 2)
['@0=continue', '@1=to', '@0=continue @1=to']
"""

from __future__ import annotations

import re

WORD = re.compile(r"\w+")
LEAD_WORDS = 4  # the opening words that say what kind of action is asked for


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def with_bigrams(tokens: list[str]) -> list[str]:
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]


def word_terms(text: str) -> list[str]:
    """Words (lowercased, letters and digits) and pairs of adjacent words."""
    return with_bigrams(words(text))


def lead_terms(text: str, count: int = LEAD_WORDS) -> list[str]:
    """The first words tagged with their position, and adjacent pairs of them: "continue"
    as the first word asks for something else than "continue" further on."""
    return with_bigrams([f"@{i}={word}" for i, word in enumerate(words(text)[:count])])


def action_terms(text: str) -> list[str]:
    return word_terms(text) + lead_terms(text)


ANALYZERS = {"word_terms": word_terms, "action_terms": action_terms}
