"""The per-document reader of OCR repair: the noisy-channel choice for one token.

A token is replaced only when some intended reading explains it far better than
the token itself: a reading scores its English frequency, plus a bonus when the
document writes it intact elsewhere, minus the cost of the confusions that would
turn it into what was read (channel.py). A change needs a clear margin over
keeping the token and over the runner-up reading; domain words, acronyms and
names without evidence are never changed.

A `DocumentReader` is made per document (clean.py) and handed to every fixer:
what it works out from the document's lexicon (verdicts, the words its letters
could restore) lives and dies with it.
"""

from __future__ import annotations

import math
import string
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterable

from pipeline.stages.clean.channel import GENERIC_EDIT_COST, confusion_kinds, readings, replacements
from pipeline.stages.clean.document_lexicon import DocumentLexicon
from pipeline.stages.clean.known_words import (
    KNOWN_ZIPF,
    SUSPECT_ZIPF,
    candidate_words,
    domain_forms,
    domain_spellings,
    inflected_word,
    is_domain,
    word_prior,
    zipf,
)
from pipeline.stages.clean.tokens import Token, after_honorific, free_tokens, recase, sentence_initial, word_shape

# Scores are in zipf units (log10). The margins are the "do no harm" gate.
CHANGE_MARGIN = 1.0  # a correction must beat the token as read by this much
AMBIGUITY_MARGIN = 1.0  # ... and the second-best correction by this much
DOCUMENT_EDIT_COST = 2.0  # any dropped letter, when the document writes the word with it often ...
DOCUMENT_READING_MIN = 3  # ... at least this often
DOMAIN_PRIOR = 4.0  # domain words count as at least this frequent
REAL_WORD_MIN_RATIO = 4  # the reading occurs this many times more often in the document
REAL_WORD_MAX_SEEN = 2  # ... and the word itself at most this often
REAL_WORD_MAX_COST = 1.3  # only the likeliest confusions (h/b, rn/m) turn a word into another


@dataclass(frozen=True)
class Verdict:
    replacement: str | None  # None: keep the token
    suspicious: bool = False  # kept, but some reading came close
    score: float = -math.inf  # the replacement's score, in zipf units


KEEP = Verdict(None)


class DocumentReader:
    """One document's lexicon and what is judged with it. The lexicon does not change
    once built, so a verdict is a pure function of a word and its place: each word is
    judged once per document."""

    def __init__(self, lexicon: DocumentLexicon):
        self.lexicon = lexicon
        self._verdicts: dict[tuple[str, bool, bool], Verdict] = {}

    @classmethod
    def of(cls, texts: Iterable[str]) -> DocumentReader:
        return cls(DocumentLexicon(texts))

    def verdict_in_context(self, text: str, token: Token) -> Verdict:
        """What to do with one token of `text`."""
        if not may_be_misread(token.text):
            return KEEP
        return self.spelling_verdict(token.text, sentence_initial(text, token), after_honorific(text, token))

    def spelling_verdict(self, word: str, at_sentence_start: bool, names_only: bool) -> Verdict:
        key = (word, at_sentence_start, names_only)
        if key not in self._verdicts:
            self._verdicts[key] = self._judged(word, at_sentence_start, names_only)
        return self._verdicts[key]

    def _judged(self, word: str, at_sentence_start: bool, names_only: bool) -> Verdict:
        """Noisy-channel choice between a token that may be misread and its readings,
        behind the gate; `names_only` admits only readings the domain lexicon writes
        with a capital."""
        lexicon = self.lexicon
        shape = word_shape(word)
        lower = word.lower()
        name_like = shape in ("title", "mixed") and not at_sentence_start
        if name_like and word_prior(lower) >= KNOWN_ZIPF:
            return Verdict(None)  # "Al", "McDougal": a name is as likely as a misreading
        keep = word_prior(lower) + lexicon.bonus(word, discount=1)
        scored = []
        for reading, cost in {**readings(lower), **self.document_readings(lower)}.items():
            cased = cased_reading(reading, word, shape)
            if cased is None or (name_like and (cost >= GENERIC_EDIT_COST or not _written_so(cased, lexicon))):
                continue
            if names_only and not (cased in domain_forms() and cased[0].isupper()):
                continue
            prior = max(word_prior(reading), DOMAIN_PRIOR if is_domain(reading) else 0.0)
            scored.append((prior + lexicon.bonus(reading) - cost, cased, cost))
        if not scored:
            return Verdict(None)
        # Listed confusions first: an unlisted edit is far less likely than a listed
        # one, so it is a fallback and no rival ("criminaly" is "criminally" with an l
        # dropped, not the document's frequent "criminal" with a y added).
        listed = [s for s in scored if s[2] < GENERIC_EDIT_COST]
        verdict = _gated_choice(listed, keep) if listed else Verdict(None)
        return verdict if verdict.replacement else _gated_choice(scored, keep)

    def document_readings(self, observed: str) -> dict[str, float]:
        """Any letter dropped, where the word with it is one the document writes often
        and the token is rare in English and in the document: "govenment" where
        "government" recurs, "hman" where "human" does. Listed confusions cost less or
        the same, so they keep their place."""
        if zipf(observed) >= KNOWN_ZIPF or self.lexicon.count(observed) > REAL_WORD_MAX_SEEN:
            return {}
        restored = self.words_by_dropped_letter.get(observed)
        forms = sorted(restored.split(" "), key=lambda form: _restoring_place(observed, form)) if restored else []
        return {form: min(readings(observed).get(form, DOCUMENT_EDIT_COST), DOCUMENT_EDIT_COST) for form in forms}

    @cached_property
    def words_by_dropped_letter(self) -> dict[str, str]:
        """The candidate words the document writes often, by how they read with one
        letter (a-z) left out: "govenment" -> "government". Several words are joined by
        spaces: strings, not a container per entry for the garbage collector to track."""
        restorations: dict[str, str] = {}
        candidates = candidate_words()
        for word, count in self.lexicon.words.items():
            if count >= DOCUMENT_READING_MIN and word in candidates:
                for i, letter in enumerate(word):
                    if letter in string.ascii_lowercase:
                        form = word[:i] + word[i + 1 :]
                        known = restorations.get(form)
                        if known is None:
                            restorations[form] = word
                        elif word not in known.split(" "):
                            restorations[form] = f"{known} {word}"
        return restorations

    @cached_property
    def likely_misreadings(self) -> frozenset[str]:
        """What the words a real-word reading may restore (written at least
        REAL_WORD_MIN_RATIO times) read as after one confusion of at most
        REAL_WORD_MAX_COST: a word that is none of these has no such reading, and its
        readings need not be worked out. (Two confusions always cost more, a test checks.)"""
        dropped, substitutions = confusion_kinds()
        likely = [(intended, "") for intended, cost in dropped if cost <= REAL_WORD_MAX_COST]
        likely += [(c.intended, c.observed) for c in substitutions if c.cost <= REAL_WORD_MAX_COST]
        misread = set()
        for word, count in self.lexicon.words.items():
            if count >= REAL_WORD_MIN_RATIO:
                for intended, observed in likely:
                    misread.update(replacements(word, intended, observed))
        return frozenset(misread)

    def suspicious_words(self, text: str) -> list[Token]:
        """Tokens the gate kept although a reading came close: for review, not for change."""
        return [t for t in free_tokens(text) if self.verdict_in_context(text, t).suspicious]


def _restoring_place(observed: str, form: str) -> tuple[int, str]:
    """The first place, and the letter, that put back into `observed` make `form`."""
    return min((i, form[i]) for i in range(len(form)) if form[:i] + form[i + 1 :] == observed)


def _gated_choice(scored: list[tuple[float, str, float]], keep: float) -> Verdict:
    """The best (score, reading, cost), if it beats keeping the token and the runner-up by the margins."""
    scored = sorted(scored, key=lambda s: (-s[0], s[1]))
    best_score, best, _cost = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else -math.inf
    if best_score - keep >= CHANGE_MARGIN and best_score - runner_up >= AMBIGUITY_MARGIN:
        return Verdict(best, score=best_score)
    return Verdict(None, suspicious=best_score > keep)


@lru_cache(maxsize=262_144)
def may_be_misread(word: str) -> bool:
    """The cheap part of the gate: acronyms, domain terms, common words and
    inflections of common words never are."""
    lower = word.lower()
    if len(word) < 2 or word_shape(word) == "upper" or is_domain(word) or inflected_word(lower):
        return False  # "resourced" is resource + d, however rare
    return word_prior(lower) < SUSPECT_ZIPF


def cased_reading(reading: str, word: str, shape: str) -> str | None:
    if shape != "mixed":
        return recase(reading, shape)
    # Inner capitals ("McDougal"): only a domain term written that way will do.
    matches = domain_spellings().get(reading, ())
    return matches[0] if len(matches) == 1 else None


def _written_so(cased: str, lexicon: DocumentLexicon) -> bool:
    """A capitalized reading needs evidence: the document or the domain writes it."""
    return lexicon.forms[cased] > 0 or cased in domain_forms() or lexicon.count(cased) >= 2
