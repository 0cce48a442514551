"""Word helpers shared by the tag components: plurals, literal alternations, reference words."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.resources import data_json, data_lines


def alternation(forms: list[str]) -> str:
    """A regex alternation of literal forms, longest first so "US$" wins over "$"."""
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


@lru_cache(maxsize=None)
def reference_words() -> str:
    """A regex alternation of the words after which a number is a reference ("article", "No.")."""
    forms = sorted(data_lines("reference_words.txt"), key=len, reverse=True)
    return "|".join(re.escape(f[:-1]) + r"\.?" if f.endswith(".") else re.escape(f) for f in forms)


def singular(word: str) -> str:
    """The singular of an English plural noun: "organizations" -> "organization", "people" -> "person"."""
    lowered = word.lower()
    irregular = data_json("plurals.json")
    if lowered in irregular:
        return irregular[lowered]
    if lowered.endswith("ies") and len(lowered) > 4:
        return lowered[:-3] + "y"
    if re.search(r"(?:ch|sh|ss|x|z)es$", lowered):
        return lowered[:-2]
    if lowered.endswith("s") and not re.search(r"(?:ss|us|is)$", lowered):
        return lowered[:-1]
    return lowered


def looks_plural(word: str) -> bool:
    lowered = word.lower()
    return singular(lowered) != lowered or lowered in data_json("plurals.json")
