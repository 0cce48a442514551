"""The language of each paragraph, so that components made for English pass over the others.

Entry point: `detect_languages(paragraphs) -> list[str]` sets `Paragraph.language` (an ISO
639-1 code, or None when the paragraph is too short to tell) and returns the warnings. The
detector is py3langid (a naive Bayes model over byte n-grams: deterministic, ~0.3 ms a
paragraph), limited to the six official languages of the United Nations; a document's
front matter and names ("(a) Marta Santos Pais (Portugal);") are too short to be judged. A
document with paragraphs in English and in another language gets a warning.
"""

from __future__ import annotations

from collections import Counter

from pipeline.model import TAGGED_LANGUAGE, Paragraph
from pipeline.resources import loaded_once

UN_LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh"]
MIN_LETTERS = 120  # fewer letters say nothing reliable
MIN_CONFIDENCE = 0.95  # the detector's probability below which the language is left unknown


@loaded_once
def identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # loads a 2 MB model: only when a document comes

    found = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    found.set_languages(UN_LANGUAGES)
    return found


def paragraph_language(text: str) -> str | None:
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return None
    code, confidence = identifier().classify(text)
    return code if confidence >= MIN_CONFIDENCE else None


def detect_languages(paragraphs: list[Paragraph]) -> list[str]:
    for paragraph in paragraphs:
        paragraph.language = paragraph_language(paragraph.body)
    others = Counter(p.language for p in paragraphs if p.language not in (None, TAGGED_LANGUAGE))
    if not others or not any(p.language == TAGGED_LANGUAGE for p in paragraphs):
        return []  # none, or a document in another language: the ingest stage says so
    named = ", ".join(f"{code}: {count}" for code, count in others.most_common())
    return [f"{sum(others.values())} paragraphs are not in English ({named}): they are not tagged"]
