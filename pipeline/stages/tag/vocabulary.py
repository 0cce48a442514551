"""Data files under pipeline/data/ shared by the components, read once."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources


def data_text(name: str) -> str:
    return resources.files("pipeline.data").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def data_json(name: str) -> dict:
    return {k: v for k, v in json.loads(data_text(name)).items() if not k.startswith("_")}


@lru_cache(maxsize=None)
def data_lines(name: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in data_text(name).splitlines() if line.strip() and not line.startswith("#"))


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
