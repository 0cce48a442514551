"""Phrases a text writes on purpose in another language ("sui generis", "in toto"):
OCR repair leaves them alone, as each of their words would be judged as English.
"""

from __future__ import annotations

import re

from pipeline.resources import data_lines, loaded_once
from pipeline.stages.clean.document_lexicon import LETTERS
from pipeline.stages.clean.edits import Edit


@loaded_once
def foreign_phrases() -> tuple[re.Pattern, int]:
    """The phrases of data/foreign_phrases.txt, longest first ("ex post facto" before
    "ex post"), as whole words in any case (an apostrophe may be ' or ’), and the
    length of the longest."""
    phrases = sorted(data_lines("foreign_phrases.txt"), key=len, reverse=True)
    alternatives = "|".join(re.escape(phrase).replace("'", "['’]") for phrase in phrases)
    return re.compile(rf"(?<!{LETTERS})(?:{alternatives})(?!{LETTERS})", re.IGNORECASE), len(phrases[0])


def sparing_foreign_phrases(text: str, edits: list[Edit]) -> list[Edit]:
    """Leave out the repairs that touch a phrase the text writes on purpose: each of
    its words is judged as English, where "sui" reads as "suit", "toto" as "to to"."""
    return [edit for edit in edits if not edit.rule or not in_foreign_phrase(text, edit)]


def in_foreign_phrase(text: str, edit: Edit) -> bool:
    """Only a phrase's length around the edit is searched (a case-insensitive
    alternation over a whole paragraph costs more than the repairs); the search
    sees one character more on each side for its word boundaries."""
    pattern, longest = foreign_phrases()
    start, end = max(0, edit.start - longest), min(len(text), edit.end + longest + 1)
    return any(m.start() < edit.end and edit.start < m.end() for m in pattern.finditer(text, start, end))

