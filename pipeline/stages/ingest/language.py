"""Tell a document's language cheaply, to warn when it is not English.

Entry point: `language_warning(text) -> str | None`. The share of running words
that are a language's most frequent words (pipeline/data/function_words.tsv)
separates the UN languages well on a few thousand words; Chinese, written
without spaces, is told by its script. No model, no download.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.resources import data_rows, loaded_once

EXTRACTION_LANGUAGE = "en"
SAMPLE_CHARS = 50_000  # the first pages are enough, and keep a huge file cheap
MIN_WORDS = 30  # fewer words say nothing reliable
MIN_SHARE = 0.10  # UN prose scores 0.18 (Russian) to 0.40 (English); junk and number tables near 0
WORD_RE = re.compile(r"[^\W\d_]+")
CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    words: frozenset[str]


@loaded_once
def languages() -> tuple[Language, ...]:
    found = []
    for line in data_rows("function_words.tsv"):
        code, name, *words = line.split("\t")
        found.append(Language(code, name, frozenset(words)))
    return tuple(found)


def detect_language(text: str) -> str | None:
    """The language's name ("French"), or None when the text is too short or matches none."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(len(w) for w in WORD_RE.findall(sample))
    if letters and len(CJK_RE.findall(sample)) / letters > 0.3:
        return "Chinese"
    words = [w.lower() for w in WORD_RE.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    shares = {lang.name: sum(w in lang.words for w in words) / len(words) for lang in languages()}
    best = max(shares, key=lambda name: (shares[name], name))
    return best if shares[best] >= MIN_SHARE else None


def language_warning(text: str) -> str | None:
    name = detect_language(text)
    english = next(lang.name for lang in languages() if lang.code == EXTRACTION_LANGUAGE)
    if name is None or name == english:
        return None
    return f"document language looks like {name}; extraction rules are for English"
