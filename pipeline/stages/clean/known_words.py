"""What English and the domain lexicon know about a word: its frequency, whether it
stands on its own, whether it is a domain term or a function word.

Frequencies are wordfreq's zipf figures (log10 per billion words); domain terms are
those of data/domain/*.txt, which OCR repair never changes. All of it is pure data,
loaded once per process; the word-keyed answers are cached for the process too.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from wordfreq import get_frequency_dict, top_n_list, zipf_frequency

from pipeline.resources import data_folder, data_lines, data_rows, loaded_once
from pipeline.stages.clean.document_lexicon import LETTERS

# Scores are in zipf units (log10).
KNOWN_ZIPF = 2.0  # an English word for candidate purposes
WORD_ZIPF = 3.0  # a word that stands on its own as a piece or a join
SUSPECT_ZIPF = 4.0  # tokens this frequent are never spell-corrected
BORROWED_MARGIN = 1.0  # "al", "loca": far more frequent in another language
FOREIGN_LANGUAGES = ("es", "it")  # where English "-al" words lose their "l"; whose words a text quotes
UNKNOWN_LOG_PROB = -10.0  # log10 probability of a token wordfreq has never seen (below its floor)

TOKEN_RE = re.compile(rf"{LETTERS}+")


@loaded_once
def domain_forms() -> frozenset[str]:
    """Domain terms as they are written ("OHCHR", "maslikhat", "Raquel")."""
    forms: set[str] = set()
    for name in data_folder("domain"):
        if name.endswith(".txt"):
            for line in data_rows(name):
                forms.update(TOKEN_RE.findall(line.strip()))
    return frozenset(forms)


@loaded_once
def domain_lower() -> frozenset[str]:
    return frozenset(form.lower() for form in domain_forms())


@loaded_once
def domain_spellings() -> dict[str, tuple[str, ...]]:
    """Lowercase domain term -> the ways the lexicon writes it."""
    spellings: dict[str, list[str]] = {}
    for form in sorted(domain_forms()):
        spellings.setdefault(form.lower(), []).append(form)
    return {lower: tuple(forms) for lower, forms in spellings.items()}


@loaded_once
def candidate_words() -> frozenset[str]:
    """What a misread token may have been: English words and domain terms, lowercase."""
    return english_words() | domain_lower()


@loaded_once
def function_words() -> frozenset[str]:
    return frozenset(data_lines("function_words.txt"))


@loaded_once
def function_word_pairs() -> frozenset[tuple[str, str]]:
    """Two function words that English writes in sequence ("is a", not "to to")."""
    return frozenset(tuple(line.split()) for line in data_rows("function_word_pairs.txt"))


@loaded_once
def english_words() -> frozenset[str]:
    """Lowercase English words at least KNOWN_ZIPF frequent."""
    return frozenset(word for word in _ranked_english(KNOWN_ZIPF) if TOKEN_RE.fullmatch(word))


def _ranked_english(min_zipf: float) -> list[str]:
    """Lowercase English words at least `min_zipf` frequent, most frequent first (wordfreq ranks them)."""
    ranked = top_n_list("en", 150_000)
    low, high = 0, len(ranked)
    while low < high:  # the ranking is by frequency: cut it where it drops below min_zipf
        middle = (low + high) // 2
        if zipf(ranked[middle]) >= min_zipf:
            low = middle + 1
        else:
            high = middle
    return ranked[:low]


PLAIN_WORD_RE = re.compile("[a-z]+")
ZIPF_FLOOR = 1e-9  # wordfreq's frequency for a word it does not list (zipf 0)


@lru_cache(maxsize=262_144)
def zipf(word: str) -> float:
    return zipf_in(word, "en")


def zipf_in(word: str, language: str) -> float:
    """wordfreq's zipf_frequency. A plain lowercase ASCII word is one token its
    tokenizer leaves as it is, so its figure is read straight from the table,
    rounded as wordfreq rounds (a test checks the two agree): ~10x cheaper."""
    if not PLAIN_WORD_RE.fullmatch(word):
        return zipf_frequency(word, language)
    listed = _frequencies(language).get(word)
    return 0.0 if listed is None else _zipf_by_frequency(language)[listed]


@loaded_once
def _frequencies(language: str) -> dict[str, float]:
    return get_frequency_dict(language)


@loaded_once
def _zipf_by_frequency(language: str) -> dict[float, float]:
    """wordfreq stores frequencies in buckets: a few hundred values, each rounded once."""
    return {listed: _rounded_zipf(listed) for listed in set(_frequencies(language).values())}


def _rounded_zipf(listed: float) -> float:
    frequency = max(1.0 / (1.0 / listed), ZIPF_FLOOR)
    frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    return round(math.log(frequency, 10) + 9, 2)


@lru_cache(maxsize=262_144)
def word_prior(word: str) -> float:
    """English zipf of a lowercase word, discounted when that count is borrowed
    from another language ("al", "loca" are common Spanish, rare English)."""
    english = zipf(word)
    if english == 0.0:
        return english
    excess = max(zipf_in(word, lang) for lang in FOREIGN_LANGUAGES) - english
    return english - excess if excess >= BORROWED_MARGIN else english


@lru_cache(maxsize=262_144)
def is_domain(word: str) -> bool:
    return word.lower() in domain_lower()


@lru_cache(maxsize=262_144)
def is_word(word: str) -> bool:
    """A word that stands on its own: frequent English, a domain term, or "a", "in"..."""
    lower = word.lower()
    return lower in function_words() or is_domain(word) or (len(word) >= 3 and zipf(lower) >= WORD_ZIPF)


@loaded_once
def standing_words() -> frozenset[str]:
    """The plain lowercase words `is_word` accepts, as a set (a test checks the two agree)."""
    frequent = (word for word in _ranked_english(WORD_ZIPF) if len(word) >= 3)
    return frozenset(word for word in [*function_words(), *domain_lower(), *frequent] if PLAIN_WORD_RE.fullmatch(word))


def log_prob(word: str) -> float:
    """log10 probability of a word in English; a word wordfreq has never seen gets UNKNOWN_LOG_PROB."""
    value = zipf(word.lower())
    return value - 9 if value else UNKNOWN_LOG_PROB


INFLECTIONS = ("s", "es", "ed", "d", "ing", "ly")


@lru_cache(maxsize=262_144)
def inflected_word(word: str) -> bool:
    return any(word.endswith(ending) and zipf(word[: -len(ending)]) >= WORD_ZIPF for ending in INFLECTIONS)
