"""OCR repair fixer of numbers: glued year ranges, doubled digits in years, digits
read for letters in acronyms."""

from __future__ import annotations

import re

from pipeline.patterns import MONTHS
from pipeline.prefilter import Prefiltered, needs
from pipeline.stages.clean.edits import Edit
from pipeline.stages.clean.known_words import domain_forms
from pipeline.stages.clean.reader import DocumentReader


GLUED_YEARS_RE = Prefiltered(
    re.compile(r"(?<![\d,.])((?:19|20)\d\d)((?:19|20)\d\d)(?![\d,])"), needs(r"(?:19|20)\d\d(?:19|20)\d\d")
)
DOUBLED_DIGIT_YEAR_RE = Prefiltered(
    re.compile(
        rf"\b(?:in|of|since|until|by|from|to|and|{MONTHS}) ((?:19|20)\d{{3}})(?![\d,])"
    ),
    needs(r"(?:19|20)\d{3}"),
)
DIGIT_IN_ACRONYM_RE = Prefiltered(
    re.compile(r"\b(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*[01])[A-Z0-9]{2,6}\b"),
    needs(r"[A-Z][A-Z0-9]{0,4}[01]|[01][A-Z0-9]{0,4}[A-Z]"),  # a capital and a 0 or 1 in one run of 6
)
DIGIT_AS_LETTER = str.maketrans("10", "IO")


def fix_numbers(text: str, reader: DocumentReader) -> list[Edit]:
    """Glued year ranges ("20102020"), doubled digits in years ("in 20009"),
    digits read for letters in acronyms ("1SO")."""
    edits = []
    for m in GLUED_YEARS_RE.finditer(text):
        first, second = int(m[1]), int(m[2])
        if 0 < second - first <= 50:
            edits.append(Edit(m.start(), m.end(), f"{m[1]}-{m[2]}", "number"))
    for m in DOUBLED_DIGIT_YEAR_RE.finditer(text):
        years = {m[1][:i] + m[1][i + 1 :] for i in range(1, 5) if m[1][i] == m[1][i - 1]}
        if len(years) == 1:
            edits.append(Edit(m.start(1), m.end(1), years.pop(), "number"))
    for m in DIGIT_IN_ACRONYM_RE.finditer(text):
        letters = m.group().translate(DIGIT_AS_LETTER)
        if letters.isalpha() and (letters in domain_forms() or reader.lexicon.forms[letters]):
            edits.append(Edit(m.start(), m.end(), letters, "number"))
    return edits
