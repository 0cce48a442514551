"""OCR repair fixers of punctuation: stray apostrophes, dash runs, symbols read
for letters, unclosed quotes, colons read as full stops."""

from __future__ import annotations

import re

from pipeline.patterns import SENTENCE_END_RE
from pipeline.prefilter import Prefiltered, needs
from pipeline.resources import data_lines, loaded_once
from pipeline.stages.clean.document_lexicon import LETTERS
from pipeline.stages.clean.edits import Edit
from pipeline.stages.clean.known_words import is_word
from pipeline.stages.clean.reader import DocumentReader


def fix_punctuation(text: str, reader: DocumentReader) -> list[Edit]:
    """Doubled apostrophes ("Women’'s"), "publisher’ s", dash runs in ranges
    ("2009—-2012"), symbols read inside words ("Stat€’s"), an unclosed “
    closed by ’ or ", and a colon read as a full stop before a list."""
    edits = [Edit(m.start(), m.end(), m[1], "punctuation") for m in STRAY_APOSTROPHE_RE.finditer(text)]
    edits += [Edit(m.start(), m.end(), "-", "punctuation") for m in DASH_RUN_RE.finditer(text)]
    edits += [
        Edit(m.start(), m.end(), SYMBOLS_READ_FOR_LETTERS[m.group()], "punctuation")
        for m in SYMBOL_IN_WORD_RE.finditer(text)
    ]
    edits += _close_unbalanced_quotes(text)
    edits += _colons_read_as_stops(text)
    return edits


# "Women’'s", "State’' s", "publisher’ s": one apostrophe, attached.
STRAY_APOSTROPHE_RE = Prefiltered(
    re.compile(rf"(?<={LETTERS})(['’])(?:['’]+(?={LETTERS})|['’]* (?=s\b))"), needs(r"['’](?:['’]| s)")
)
DASH_RUN_RE = Prefiltered(re.compile(r"(?<=\d)[-‐–—]{2,}(?=\d)"), needs(r"[-‐–—]{2}"))
SYMBOLS_READ_FOR_LETTERS = {"€": "e", "©": "o", "¢": "c"}
SYMBOL_IN_WORD_RE = Prefiltered(re.compile(rf"(?<={LETTERS})[€©¢](?={LETTERS}|['’]s\b)"), needs("[€©¢]"))
QUOTE_CLOSER_RE = re.compile(rf"(?<={LETTERS}|\d)(’|\")(?=[\s.,;:)]|$)")


def _close_unbalanced_quotes(text: str) -> list[Edit]:
    """A “ that no ” closes before the next “ is closed by the first ’ or " ending a
    word after it: “100 schools, 100 hospitals’ and “Living for 2016"."""
    edits = []
    for opening in re.finditer("“", text):
        end = _quote_end(text, opening.end())
        if "”" in text[opening.end() : end]:
            continue
        closer = QUOTE_CLOSER_RE.search(text, opening.end(), end)
        if closer:
            edits.append(Edit(closer.start(), closer.end(), "”", "punctuation"))
    return edits


# "communications. the Committee ...; the Committee ...": a stop after a word, a
# lowercase word after it, and the sentence goes on into a list of ";" items.
STOP_BEFORE_LOWERCASE_RE = Prefiltered(re.compile(rf"(?<![\w.])({LETTERS}{{3,}})\.(?= [a-z])"), needs(r"\. [a-z]"))


@loaded_once
def abbreviations() -> frozenset[str]:
    return frozenset(data_lines("abbreviations.txt"))


def _colons_read_as_stops(text: str) -> list[Edit]:
    edits = []
    for m in STOP_BEFORE_LOWERCASE_RE.finditer(text):
        if m[1].lower() in abbreviations() or not is_word(m[1]):
            continue
        end = SENTENCE_END_RE.search(text, m.end())
        if ";" in text[m.end() : end.start() if end else len(text)]:
            edits.append(Edit(m.end() - 1, m.end(), ":", "punctuation"))
    return edits


def _quote_end(text: str, start: int) -> int:
    following = text.find("“", start)
    return following if following != -1 else len(text)
