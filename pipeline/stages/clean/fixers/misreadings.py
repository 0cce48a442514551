"""OCR repair fixers of misread words: a token read for another word ("specia",
"Congtitution"), a rare word read for one the document uses often ("the hill"
where "the bill" recurs), a name read for one the document writes intact."""

from __future__ import annotations

import re

from pipeline.stages.clean.channel import readings
from pipeline.stages.clean.document_lexicon import LETTERS, DocumentLexicon
from pipeline.stages.clean.edits import Edit
from pipeline.stages.clean.known_words import WORD_ZIPF, domain_forms, is_domain, is_word, word_prior
from pipeline.stages.clean.reader import (
    REAL_WORD_MAX_COST,
    REAL_WORD_MAX_SEEN,
    REAL_WORD_MIN_RATIO,
    DocumentReader,
    cased_reading,
)
from pipeline.stages.clean.tokens import MAX_TOKEN_CHARS, Token, free_tokens, tokens, word_shape


def fix_dropped_letters(text: str, reader: DocumentReader) -> list[Edit]:
    """Misread words: "specia", "Congtitution", "legidation", "hedth", "mgjor"."""
    edits = []
    for token in free_tokens(text):
        verdict = reader.verdict_in_context(text, token)
        if verdict.replacement and not space_moved(text, token, verdict.replacement):
            edits.append(Edit(token.start, token.end, verdict.replacement, "dropped_letter"))
    return edits


def space_moved(text: str, token: Token, reading: str) -> bool:
    """The letters a reading adds at the token's edge stand just across the space,
    and the neighbour is a word without them: "Medial ife" is as likely "Media"
    and "life" with the space read one letter late as a dropped "l", so "life"
    would be a guess. Do no harm: keep the token. ("al legal" is "all legal":
    "egal" is no word.)"""
    word = token.text.lower()
    reading = reading.lower()
    if reading.endswith(word) and len(reading) > len(word):
        added = reading[: -len(word)]
        previous = WORD_BEFORE_SPACE_RE.search(text, max(0, token.start - MAX_TOKEN_CHARS), token.start)
        return bool(previous) and previous[1].lower().endswith(added) and is_word(previous[1][: -len(added)])
    if reading.startswith(word) and len(reading) > len(word):
        added = reading[len(word) :]
        following = WORD_AFTER_SPACE_RE.match(text, token.end)
        return bool(following) and following[1].lower().startswith(added) and is_word(following[1][len(added) :])
    return False


WORD_BEFORE_SPACE_RE = re.compile(rf"({LETTERS}+) $")
WORD_AFTER_SPACE_RE = re.compile(rf" ({LETTERS}+)")


def fix_real_words(text: str, reader: DocumentReader) -> list[Edit]:
    """A rare word one confusion away from a word the document uses often, in a
    pairing the document uses: "the hill’s innovations" where "the bill" recurs."""
    edits = []
    found = tokens(text)
    free = {token.start for token in free_tokens(text)}
    for index, token in enumerate(found):
        if token.shape != "lower" or len(token.text) < 4 or is_domain(token.text) or token.start not in free:
            continue
        previous = found[index - 1].text.lower() if index else ""
        following = found[index + 1].text.lower() if index + 1 < len(found) else ""
        reading = _real_word_reading(token.text, (previous, following), reader)
        if reading:
            edits.append(Edit(token.start, token.end, reading, "real_word"))
    return edits


def _real_word_reading(word: str, neighbours: tuple[str, str], reader: DocumentReader) -> str | None:
    lexicon = reader.lexicon
    seen = lexicon.words[word]
    if seen > REAL_WORD_MAX_SEEN or word not in reader.likely_misreadings:
        return None
    choices = []
    for reading, cost in readings(word).items():
        if cost > REAL_WORD_MAX_COST or word_prior(reading) < WORD_ZIPF:
            continue
        if lexicon.words[reading] < REAL_WORD_MIN_RATIO * max(seen, 1):
            continue
        previous, following = neighbours
        if lexicon.pairs[(previous, reading)] or lexicon.pairs[(reading, following)]:
            choices.append(reading)
    return choices[0] if len(choices) == 1 else None

def fix_names(text: str, reader: DocumentReader) -> list[Edit]:
    """A name one likely confusion away from a name the document writes intact
    after the same word: "Gay McDougal" where "Gay McDougall" occurs, and the
    domain lexicon knows McDougall. Without that evidence a name stays."""
    edits = []
    found = tokens(text)
    for previous, token in zip(found, found[1:]):
        if token.shape not in ("title", "mixed") or previous.shape != "title" or text[previous.end : token.start] != " ":
            continue
        reading = _name_reading(previous.text.lower(), token.text, reader.lexicon)
        if reading:
            edits.append(Edit(token.start, token.end, reading, "dropped_letter"))
    return edits


def _name_reading(previous: str, word: str, lexicon: DocumentLexicon) -> str | None:
    if is_domain(word) or lexicon.pairs[(previous, word.lower())] > 1:
        return None
    choices = [
        cased
        for reading, cost in readings(word.lower()).items()
        if cost <= REAL_WORD_MAX_COST
        and (cased := cased_reading(reading, word, word_shape(word))) in domain_forms()
        and lexicon.forms[cased] and lexicon.pairs[(previous, reading)]
    ]
    return choices[0] if len(choices) == 1 else None
