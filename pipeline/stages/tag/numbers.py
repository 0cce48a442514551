"""Numbers as written in UN reports: digits with separators, decimals and number words.

Shared by the date and amount components ("the past 10 years", "seven people",
"US$ 4.7 billion"). `NUMBER` is a regex fragment; `parse_number` turns its match into
a value.
"""

from __future__ import annotations

import re

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}

_WORD_NUMBER = (
    rf"(?:(?:{'|'.join(TENS)})(?:[-\s](?:{'|'.join(k for k in UNITS if UNITS[k] < 10)}))?"
    rf"|{'|'.join(sorted(UNITS, key=len, reverse=True))})"
)
# Digits with thousands separators ("15,880,600", OCR also writes "15 880 600"), or a decimal.
# At most 15 digits, not inside a longer run: a run of digits that long is no quantity.
_DIGITS = r"(?<!\d)(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,15}(?:\.\d+)?)(?!\d)"
SCALE = rf"(?:{'|'.join(SCALES)})"
# Where a number can start: a digit, or the first letter of a number word. The lookahead fails
# fast at most positions, where the case-insensitive words are costly to try one by one.
_START = rf"(?=\d|(?i:[{''.join(sorted({word[0] for word in [*UNITS, *TENS]}))}]))"
# A number: digits or words, optionally scaled ("4.7 billion", "two million").
NUMBER = rf"{_START}(?:{_DIGITS}|(?i:{_WORD_NUMBER}))(?:\s+(?i:{SCALE})\b)?"
NUMBER_RE = re.compile(NUMBER)


def parse_number(text: str) -> float | int | None:
    """The value of a NUMBER match: "1,000" -> 1000, "4.7 billion" -> 4700000000, "seven" -> 7."""
    words = text.lower().replace("-", " ").split()
    scale = 1
    if len(words) > 1 and words[-1] in SCALES:
        scale = SCALES[words.pop()]
    value = _digits_or_words(words)
    if value is None:
        return None
    return _tidy(value * scale)


def _digits_or_words(words: list[str]) -> float | None:
    if len(words) == 1 and re.fullmatch(_DIGITS, words[0]):
        return float(words[0].replace(",", ""))
    total = 0
    for word in words:
        if word in TENS:
            total += TENS[word]
        elif word in UNITS:
            total += UNITS[word]
        else:
            return None
    return float(total)


def _tidy(value: float) -> float | int:
    """Integers stay integers (1000, not 1000.0); decimals keep only real precision."""
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


def is_word_number(text: str) -> bool:
    return not any(ch.isdigit() for ch in text)
