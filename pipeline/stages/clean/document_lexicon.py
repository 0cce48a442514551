"""What one document says about its own words: evidence for OCR repair.

A word written intact elsewhere in the document ("Constitution") is the
likeliest reading of a damaged one ("Congtitution"); a pair of words the
document uses ("the bill") is evidence for a reading in context.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable

LETTERS = r"[^\W\d_]"
WORD_RE = re.compile(rf"{LETTERS}+")
# Anchored at a word's start: otherwise a long run of letters is rescanned from
# every position (quadratic time).
HYPHENATED_RE = re.compile(rf"(?<!{LETTERS}){LETTERS}+(?:-{LETTERS}+)+")
MAX_DOCUMENT_BONUS = 1.5  # zipf units: the most a document's own usage can add


class DocumentLexicon:
    """Words, their written forms, word pairs and hyphenated compounds of one document."""

    def __init__(self, texts: Iterable[str]):
        self.words: Counter[str] = Counter()  # lowercase
        self.forms: Counter[str] = Counter()  # as written: "Constitution", "OHCHR"
        self.pairs: Counter[tuple[str, str]] = Counter()  # adjacent lowercase words
        self.hyphenated: Counter[str] = Counter()  # lowercase "non-governmental"
        for text in texts:
            forms = WORD_RE.findall(text)
            lowered = [form.lower() for form in forms]
            self.forms.update(forms)
            self.words.update(lowered)
            self.pairs.update(zip(lowered, lowered[1:]))
            for line in text.split("\n"):
                self.hyphenated.update(h.lower() for h in HYPHENATED_RE.findall(line))

    def count(self, word: str) -> int:
        return self.words[word.lower()]

    def bonus(self, word: str, discount: int = 0) -> float:
        """More occurrences are more evidence, with diminishing returns; `discount`
        leaves out the occurrence being judged."""
        count = max(0, self.count(word) - discount)
        return min(MAX_DOCUMENT_BONUS, 0.5 * math.log2(1 + count))
