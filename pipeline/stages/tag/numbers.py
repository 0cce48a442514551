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
# Digits with thousands separators, written in any of the world's habits: "15,880,600",
# "1.234.567,89", "1 000 000" (a space, a no-break or a thin space), OCR's "1, 245,265"; or a
# decimal with a dot or a comma ("45,5", "250,00": a comma and one or two digits).
# At most 15 digits, not inside a longer run: a run of digits that long is no quantity.
_SPACE = "[ \u00a0\u202f]"
_DIGITS = (
    r"(?<!\d)(?:\d{1,3},\s\d{3}(?:,\d{3})+"  # OCR: "1, 245,265"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # "15,880,600.5"
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?"  # "1.234.567,89", "1.483"
    rf"|\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:[.,]\d{{1,2}}(?!\d))?"  # "1 000 000"
    r"|\d{1,15}(?:\.\d+|,\d{1,2}(?!\d))?)(?!\d)"
)
SCALE = rf"(?:{'|'.join(SCALES)})"
# Where a number can start: a digit, or the first letter of a number word. The lookahead fails
# fast at most positions, where the case-insensitive words are costly to try one by one.
_START = rf"(?=\d|(?i:[{''.join(sorted({word[0] for word in [*UNITS, *TENS]}))}]))"
# A number: digits or words, optionally scaled ("4.7 billion", "two million").
NUMBER = rf"{_START}(?:{_DIGITS}|(?i:{_WORD_NUMBER}))(?:\s+(?i:{SCALE})\b)?"
NUMBER_RE = re.compile(NUMBER)


def parse_number(text: str, decimal_comma: bool = False) -> float | int | None:
    """The value of a NUMBER match: "1,000" -> 1000, "4.7 billion" -> 4700000000, "seven" -> 7,
    "6,5 thousand" -> 6500. `decimal_comma`: the document's habit, which decides a number that
    could be read either way ("1,483" is 1.483 and "1.483" is 1483 where commas mark decimals)."""
    words = text.lower().replace("-", " ").split()
    scale = 1
    if len(words) > 1 and words[-1] in SCALES:
        scale = SCALES[words.pop()]
    if words and all(re.fullmatch(r"[\d.,]+", w) for w in words):
        words = ["".join(words)]  # "1 000 000", "1, 245,265"
    value = _digits_or_words(words, decimal_comma)
    if value is None:
        return None
    return _tidy(value * scale)


def read_digits(figures: str, decimal_comma: bool = False) -> float | None:
    """The value of figures with their separators: the last separator is a decimal mark when
    it is the only one of its kind and not followed by exactly three digits ("250,00", "600.00"),
    or, followed by three, when the document writes decimals that way."""
    if not re.fullmatch(r"\d[\d.,]*", figures) or figures[-1] in ".,":
        return None
    marks = re.findall(r"[.,]", figures)
    if not marks:
        return float(figures)
    last = marks[-1]
    digits_after = len(figures) - figures.rfind(last) - 1
    is_decimal = marks.count(last) == 1 and (
        digits_after != 3 or len(set(marks)) == 2 or (last == ",") == decimal_comma)
    whole, _, fraction = figures.rpartition(last) if is_decimal else (figures, "", "")
    whole = re.sub(r"[.,]", "", whole)
    return float(f"{whole}.{fraction}" if fraction else whole)


def decimal_comma_habit(texts: list[str]) -> bool:
    """Whether a document writes decimals with a comma: its numbers that can only be read one
    way ("45,5", "1.234.567", "1.234,5" against "53.4", "1,234,567", "1,234.5"), the majority."""
    joined = "\n".join(texts)
    comma = len(COMMA_EVIDENCE.findall(joined))
    dot = len(DOT_EVIDENCE.findall(joined))
    return comma > dot


COMMA_EVIDENCE = re.compile(r"(?<![\d.,])(?:\d{1,3},\d{1,2}|\d{1,3}(?:\.\d{3}){2,}|\d{1,3}(?:\.\d{3})+,\d+)(?!\d|[.,]\d)")
DOT_EVIDENCE = re.compile(r"(?<![\d.,])(?:\d+\.\d{1,2}|\d{1,3}(?:,\d{3}){2,}|\d{1,3}(?:,\d{3})+\.\d+)(?!\d|[.,]\d)")


def _digits_or_words(words: list[str], decimal_comma: bool = False) -> float | None:
    if len(words) == 1 and re.fullmatch(r"\d[\d.,\s]*", words[0]):
        return read_digits(re.sub(r"\s", "", words[0]), decimal_comma)
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
