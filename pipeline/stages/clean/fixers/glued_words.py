"""OCR repair fixers of glued words: tokens that are two or three words run together
("subjectsin", "Asaresult", "Women'srights"), or a word glued to a capitalized one
("theAfghan"). A split pays for its dropped spaces as a reading pays for its confusions,
so that it competes with the token's spelling verdict."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.prefilter import Prefiltered, needs
from pipeline.stages.clean.document_lexicon import LETTERS, DocumentLexicon
from pipeline.stages.clean.edits import Edit
from pipeline.stages.clean.fixers.split_words import DOCUMENT_JOIN_MIN, GLUED_MAX_ZIPF, best_join, is_fragment
from pipeline.stages.clean.known_words import (
    FOREIGN_LANGUAGES,
    KNOWN_ZIPF,
    PLAIN_WORD_RE,
    SUSPECT_ZIPF,
    UNKNOWN_LOG_PROB,
    function_word_pairs,
    function_words,
    inflected_word,
    is_domain,
    is_word,
    standing_words,
    zipf,
    zipf_in,
)
from pipeline.stages.clean.reader import DocumentReader
from pipeline.stages.clean.tokens import Token, free_tokens, sentence_initial, tokens, word_shape

GLUE_MARGIN = 1.0  # splitting a glued token must beat reading it whole
GLUED_WORD_MARGIN = 2.75  # ... or the document writes the split often and it is far likelier ("ofthe", not "fora")
DROPPED_SPACE_COST = 0.5  # the confusion cost of a space the OCR lost
FOREIGN_WORD_MARGIN = 2.0  # "todo", "sono": far more frequent in one of those, written on purpose
MAX_PIECE_CHARS = 20  # no word of a glued token is longer


@lru_cache(maxsize=65_536)
def best_segmentation(word: str) -> tuple[tuple[str, ...], float]:
    """The most probable split of a glued token into words, with its log10 probability."""
    lower = word.lower()
    # For a plain lowercase word a set says what is_word says, without a zipf look-up per piece.
    is_piece = standing_words().__contains__ if PLAIN_WORD_RE.fullmatch(lower) else is_word
    best: list[tuple[float, tuple[int, ...]]] = [(0.0, ())] + [(-math.inf, ())] * len(lower)
    for start in range(len(lower)):  # from each reachable cut forward: unreachable ones cost nothing
        if best[start][0] == -math.inf:
            continue
        for end in range(start + 1, min(len(lower), start + MAX_PIECE_CHARS) + 1):
            piece = lower[start:end]
            if not is_piece(piece):
                continue
            score = best[start][0] + zipf(piece) - 9
            if score > best[end][0]:
                best[end] = (score, best[start][1] + (end,))
    score, cuts = best[len(lower)]
    pieces, previous = [], 0
    for cut in cuts:
        pieces.append(word[previous:cut])
        previous = cut
    return tuple(pieces), score


@dataclass(frozen=True)
class Split:
    words: str  # "a result"
    score: float  # in zipf units, comparable with a spelling verdict's


@lru_cache(maxsize=262_144)
def glued_verdict(word: str, at_sentence_start: bool) -> Split | None:
    """`at_sentence_start` matters for a capitalized word only."""
    shape = word_shape(word)
    whole_zipf = zipf(word.lower())
    if shape not in ("lower", "title") or is_domain(word) or whole_zipf >= SUSPECT_ZIPF:
        return None
    if inflected_word(word.lower()):
        return None  # "inactions" is the plural of a word, not "in actions"
    pieces, score = best_segmentation(word)
    if len(pieces) < 2:
        return None
    if whole_zipf >= GLUED_MAX_ZIPF and not glued_function_words(word.lower(), pieces):
        return None  # a word in its own right ("thereto", "fora", "toto"), unless it is "isa", "ofthe"
    if shape == "title" and not at_sentence_start and pieces[0].lower() in function_words():
        return None  # mid-sentence capitals start names ("Belonger"), not "Be longer"
    whole = whole_zipf - 9 if whole_zipf else UNKNOWN_LOG_PROB
    if score - whole < GLUE_MARGIN:
        return None
    # The split pays for its dropped spaces like a reading pays for its confusions.
    words = " ".join([pieces[0]] + [p.lower() for p in pieces[1:]])
    return Split(words, score + 9 - DROPPED_SPACE_COST * (len(pieces) - 1))


def glued_function_words(word: str, pieces: tuple[str, ...]) -> bool:
    """Function words run together ("isa", "upto"), not a word that reads as some:
    the pieces must make English in sequence ("awe" is not "a we", "toto" not
    "to to"), and the token must not be a common word of another language ("todo",
    "sono"; only languages whose frequencies are loaded anyway)."""
    lowered = [piece.lower() for piece in pieces]
    if not all(piece in function_words() for piece in lowered):
        return False
    if not all(pair in function_word_pairs() for pair in zip(lowered, lowered[1:])):
        return False
    return all(zipf_in(word, language) - zipf(word) < FOREIGN_WORD_MARGIN for language in FOREIGN_LANGUAGES)

def fix_glued_words(text: str, reader: DocumentReader) -> list[Edit]:
    """Split tokens that are two or three words run together: "subjectsin", "Asaresult"."""
    edits = []
    for token in free_tokens(text):
        if zipf(token.text.lower()) >= SUSPECT_ZIPF:
            continue  # a common word is never read as glued ones (both verdicts below agree)
        at_start = token.shape == "title" and sentence_initial(text, token)
        split = glued_verdict(token.text, at_start) or document_split(token.text, at_start, reader.lexicon)
        # "alocated" is "allocated" misread, not "a located": the likelier reading wins.
        if not split or split.score < reader.verdict_in_context(text, token).score:
            continue
        if not joins_a_neighbour(text, token, reader.lexicon):  # "Min istry": joined, not cut into "is try"
            edits.append(Edit(token.start, token.end, split.words, "glued"))
    for m in POSSESSIVE_GLUED_RE.finditer(text):
        if zipf(m.group().lower()) == 0.0 and is_word(m[1]):
            edits.append(Edit(m.start(), m.end(), f"s {m[1]}", "glued"))
    return edits


def joins_a_neighbour(text: str, token: Token, lexicon: DocumentLexicon) -> bool:
    """The split-word fixer joins the token with its neighbours into a word: "istry"
    of "Min istry" is a fragment of "Ministry", "incorpor" of "incorpor ates" one
    of "incorporates". Cutting it into words ("is try") would undo that join."""
    found = tokens(text)
    first = max(0, found.index(token) - 2)  # a join spans at most three tokens
    window = found[first : first + 5]
    at = window.index(token)
    fragments = [is_fragment(t.text) for t in window]
    for i in range(at + 1):
        join = best_join(text, window, fragments, i, lexicon)
        if join is not None and i + join[0] > at:
            return True
    return False


POSSESSIVE_GLUED_RE = Prefiltered(  # "Women'srights"
    re.compile(rf"(?<={LETTERS}['’])s({LETTERS}{{3,}})"), needs("['’]s")
)
# "theAfghan", "againstTorture", "PenalCode", "theUN": a word glued to a capitalized one.
CAMEL_GLUED_RE = Prefiltered(
    re.compile(r"(?<![^\W\d_])([A-Z]?[a-z]+)([A-Z][a-z]+|[A-Z]{2,})(?![^\W\d_])"), needs("[a-z][A-Z]")
)


def document_split(word: str, at_sentence_start: bool, lexicon: DocumentLexicon) -> Split | None:
    """Two words the document writes apart, often, and glued only here: "humanrights"
    where "human rights" recurs, "ofthe" where "of the" does. A token that is a
    word in its own right still needs the split to be far likelier ("fora" stays)."""
    shape, lower = word_shape(word), word.lower()
    if shape not in ("lower", "title") or is_domain(word) or inflected_word(lower):
        return None
    whole_zipf = zipf(lower)
    if whole_zipf >= SUSPECT_ZIPF:
        return None
    pieces, score = best_segmentation(word)
    if len(pieces) != 2 or not written_apart(pieces[0], pieces[1], word, lexicon):
        return None
    if shape == "title" and not at_sentence_start and pieces[0].lower() in function_words():
        return None  # mid-sentence capitals start names
    whole = whole_zipf - 9 if whole_zipf else UNKNOWN_LOG_PROB
    if score - whole < (GLUED_WORD_MARGIN if whole_zipf >= KNOWN_ZIPF else 0.0):
        return None
    return Split(f"{pieces[0]} {pieces[1].lower()}", score + 9 - DROPPED_SPACE_COST)


def written_apart(first: str, second: str, glued: str, lexicon: DocumentLexicon) -> bool:
    """The document writes the two words as a pair often, and far more often than glued."""
    pair = lexicon.pairs[(first.lower(), second.lower())]
    return pair >= DOCUMENT_JOIN_MIN * max(1, lexicon.count(glued))


def fix_camel_glued(text: str, reader: DocumentReader) -> list[Edit]:
    """A word glued to a capitalized one, the two written apart elsewhere in the
    document: "theAfghan", "PenalCode", "theUN" (not "MediaNet", "iPhone")."""
    return [
        Edit(m.start(), m.end(), f"{m[1]} {m[2]}", "glued")
        for m in CAMEL_GLUED_RE.finditer(text)
        if not is_domain(m.group()) and written_apart(m[1], m[2], m.group(), reader.lexicon)
    ]
