"""OCR repair fixer of words wrong where they stand, decided by their neighbours, in
the manner of LanguageTool's pattern rules (data/ocr_context_rules.jsonl, each rule
with its own examples): "Parliament is how considering" (now), "come along way" (a long)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from pipeline.prefilter import Prefiltered, needs
from pipeline.resources import data_jsonl, loaded_once
from pipeline.stages.clean.document_lexicon import LETTERS
from pipeline.stages.clean.edits import Edit
from pipeline.stages.clean.reader import DocumentReader


@dataclass(frozen=True)
class ContextRule:
    """A confusion decided by the words around it, in the manner of LanguageTool's
    pattern rules: token patterns before, the marked words, token patterns after.
    The marked words are looked for first (they are rare), their context only then."""

    id: str
    tier: str
    marker: Prefiltered
    before: re.Pattern | None  # matches the words just before the marker, ending there
    after: re.Pattern | None  # matches the words just after the marker, from there
    replacement: str

    def matches(self, text: str) -> Iterator[re.Match]:
        for m in self.marker.finditer(text):
            if self.before and not self.before.search(text, max(0, m.start() - CONTEXT_WINDOW), m.start()):
                continue
            if self.after and not self.after.match(text, m.end()):
                continue
            yield m


CONTEXT_WINDOW = 120  # characters before a marker that its "before" words must lie in


def _token_pattern(tokens: list[str], whole: bool = True) -> str:
    """Word patterns matched whole (or anywhere, as what such a match needs), one
    after another, with only spaces between."""
    if not whole:
        return r"\s+".join(f"(?:{token})" for token in tokens)
    return r"\s+".join(rf"(?<!{LETTERS})(?:{token})(?!{LETTERS})" for token in tokens)


@loaded_once
def context_rules() -> tuple[ContextRule, ...]:
    """The rules of data/ocr_context_rules.jsonl, compiled."""
    rules = []
    for rule in data_jsonl("ocr_context_rules.jsonl"):
        before = re.compile(_token_pattern(rule["before"]) + r"\s+\Z") if rule["before"] else None
        after = re.compile(r"\s+" + _token_pattern(rule["after"])) if rule["after"] else None
        marker_words = rule["marker"]
        marker = Prefiltered(re.compile(_token_pattern(marker_words)), needs(_token_pattern(marker_words, whole=False)))
        rules.append(ContextRule(rule["id"], rule["tier"], marker, before, after, rule["replacement"]))
    return tuple(rules)


def fix_in_context(text: str, reader: DocumentReader) -> list[Edit]:
    """Real words wrong where they stand, glued or split, decided by their neighbours:
    "Parliament is how considering" (now), "come along way" (a long way)."""
    return [
        Edit(m.start(), m.end(), rule.replacement, rule.tier) for rule in context_rules() for m in rule.matches(text)
    ]
