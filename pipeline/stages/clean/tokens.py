"""The tokens of a text, as OCR repair reads them, and what their context says:
part of something larger (a URL, "al-Qaida", "et al."), at a sentence's start,
after an honorific.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from pipeline.stages.clean.known_words import TOKEN_RE

class Token(NamedTuple):  # a tuple: cheaper to build than a frozen dataclass, per token of every pass
    start: int
    end: int
    text: str
    shape: str  # word_shape(text)


@lru_cache(maxsize=262_144)
def word_shape(word: str) -> str:
    """"lower", "title", "upper" or "mixed": decides how a reading is cased."""
    if word.islower():
        return "lower"
    if word.isupper():
        return "upper"
    if word[0].isupper() and word[1:].islower():
        return "title"
    return "mixed"


# No real word (or glued pair of words) is longer; a longer run of letters is junk,
# and the readings of a long token grow with its length.
MAX_TOKEN_CHARS = 40


@lru_cache(maxsize=64)  # the fixers of one pass tokenize the same text in turn
def tokens(text: str) -> tuple[Token, ...]:
    found = []
    end = 0
    for word in TOKEN_RE.findall(text):  # words and `find`: no match object per token
        start = text.find(word, end)  # only non-letters lie between two tokens
        end = start + len(word)
        if len(word) <= MAX_TOKEN_CHARS:
            found.append(Token(start, end, word, word_shape(word)))
    return tuple(found)


@lru_cache(maxsize=64)
def free_tokens(text: str) -> tuple[Token, ...]:
    """The tokens that are words on their own, not parts of something larger."""
    return tuple(token for token in tokens(text) if not embedded(text, token))


def embedded(text: str, token: Token) -> bool:
    """Part of something larger than a word: a URL, an e-mail, a form glued to
    digits, a short hyphenated particle ("al-Qaida", "co-"), a clitic ("don't")
    or the "al" of "et al."."""
    before = text[token.start - 1] if token.start else " "
    after = text[token.end] if token.end < len(text) else " "
    if before in PLAIN_SEPARATORS and after in PLAIN_SEPARATORS:  # most tokens: only "et al" to check
        return _et_al(text, token)
    if before in "@/\\_.'’" or before.isdigit() or after in "@/\\_" or after.isdigit():
        return True
    if "-" in (before, after) and len(token.text) <= 3:
        return True
    rest = text[token.end + 1 : token.end + 3]  # what the checks below read: not the whole rest
    if after == "." and rest[:1].isalnum():
        return True
    if after in "'’" and rest[:1].isalpha() and not re.match(r"s\b", rest):
        return True
    return _et_al(text, token)


PLAIN_SEPARATORS = frozenset(' ,;:()"“”')  # none of them makes a token part of something larger


def _et_al(text: str, token: Token) -> bool:
    return token.text.lower() == "al" and text[max(0, token.start - 3) : token.start].lower() == "et "


HONORIFIC_RE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Prof|Sir|Madam|H\.E)\.? (?:[A-Z][^\W\d_]*\.? ){0,2}$")


def after_honorific(text: str, token: Token) -> bool:
    """"Mr. Bob Ladt": a name follows, whatever English word it resembles."""
    return bool(HONORIFIC_RE.search(text[max(0, token.start - 40) : token.start]))


def sentence_initial(text: str, token: Token) -> bool:
    # A window, not the whole text before the token: per token, that would be quadratic.
    window_start = max(0, token.start - 40)
    before = text[window_start : token.start].rstrip(" \"“‘'(")
    if not before:
        return window_start == 0 or not text[: token.start].rstrip(" \"“‘'(")
    return before[-1] in ".!?:;»•" or bool(re.search(r"(^|\s)[A-Za-z0-9]{1,4}[.)]$", before))


def recase(reading: str, shape: str) -> str:
    if shape == "title":
        return reading[:1].upper() + reading[1:]
    if shape == "upper":
        return reading.upper()
    return reading

