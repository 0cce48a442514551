"""OCR repair: the word-level fixers of the clean stage.

A noisy-channel view. A token is replaced only when some intended reading
explains it far better than the token itself: a reading scores its English
frequency (wordfreq zipf, log10 per billion words), plus a bonus when the
document writes it intact elsewhere, minus the cost of the OCR confusions that
would turn it into what was read (data/ocr_confusions.tsv). A change needs a
clear margin over keeping the token and over the runner-up reading; domain
words (data/domain/*.txt), acronyms and names without evidence are never
changed. Each fixer is `(text, lexicon) -> list[Edit]`, like those of clean.py.
"""

from __future__ import annotations

import json
import math
import os
import re
import string
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import chain
from typing import Iterable, Iterator, NamedTuple

from wordfreq import get_frequency_dict, top_n_list, zipf_frequency

from pipeline.stages.clean.edits import Edit
from pipeline.stages.clean.document_lexicon import LETTERS, DocumentLexicon
from pipeline.patterns import MONTHS, SENTENCE_END_RE
from pipeline.resources import loaded_once

# Scores are in zipf units (log10). The margins are the "do no harm" gate.
CHANGE_MARGIN = 1.0  # a correction must beat the token as read by this much
AMBIGUITY_MARGIN = 1.0  # ... and the second-best correction by this much
GLUE_MARGIN = 1.0  # splitting a glued token must beat reading it whole
JOIN_MARGIN = 3.0  # joining split fragments must beat reading them apart
DOCUMENT_JOIN_MIN = 3  # two words join when the document writes them as one this often
GENERIC_EDIT_COST = 4.0  # an edit the confusion table does not list
GENERIC_EDIT_MIN_LENGTH = 5  # ... and only between words at least this long
DOCUMENT_EDIT_COST = 2.0  # any dropped letter, when the document writes the word with it often ...
DOCUMENT_READING_MIN = 3  # ... at least this often
MAX_READING_COST = 4.0  # readings costlier than this are not considered
KNOWN_ZIPF = 2.0  # an English word for candidate purposes
WORD_ZIPF = 3.0  # a word that stands on its own as a piece or a join
SUSPECT_ZIPF = 4.0  # tokens this frequent are never spell-corrected
GLUED_MAX_ZIPF = 2.5  # tokens this frequent are words, unless they split into "is a"
GLUED_WORD_MARGIN = 2.75  # ... or the document writes the split often and it is far likelier ("ofthe", not "fora")
DROPPED_SPACE_COST = 0.5  # the confusion cost of a space the OCR lost
DOMAIN_PRIOR = 4.0  # domain words count as at least this frequent
BORROWED_MARGIN = 1.0  # "al", "loca": far more frequent in another language
FOREIGN_LANGUAGES = ("es", "it")  # where English "-al" words lose their "l"; whose words a text quotes
FOREIGN_WORD_MARGIN = 2.0  # "todo", "sono": far more frequent in one of those, written on purpose
REAL_WORD_MIN_RATIO = 4  # the reading occurs this many times more often in the document
REAL_WORD_MAX_SEEN = 2  # ... and the word itself at most this often
REAL_WORD_MAX_COST = 1.3  # only the likeliest confusions (h/b, rn/m) turn a word into another
UNKNOWN_LOG_PROB = -10.0  # log10 probability of a token wordfreq has never seen (below its floor)

TOKEN_RE = re.compile(rf"{LETTERS}+")


class Prefiltered(NamedTuple):
    """A pattern and what each of its matches contains. A pattern that opens with a
    look-behind is tried at every place of a text, and most texts have nothing it
    could match: `needed`, without look-arounds, finds that out by a fast scan (its
    repeats bounded, so that a long run of digits or letters is not rescanned)."""

    pattern: re.Pattern
    needed: re.Pattern

    def finditer(self, text: str) -> Iterator[re.Match]:
        return self.pattern.finditer(text) if self.needed.search(text) else iter(())


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class Confusion:
    intended: str
    observed: str
    cost: float


def _data_lines(name: str) -> Iterator[str]:
    text = resources.files("pipeline.data").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line


@loaded_once
def confusions() -> tuple[Confusion, ...]:
    rows = (line.split("\t") for line in _data_lines("ocr_confusions.tsv"))
    return tuple(Confusion(intended.lower(), observed.lower(), float(cost)) for intended, observed, cost in rows)


@loaded_once
def domain_forms() -> frozenset[str]:
    """Domain terms as they are written ("OHCHR", "maslikhat", "Raquel")."""
    folder = resources.files("pipeline.data").joinpath("domain")
    forms: set[str] = set()
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            for line in _data_lines(f"domain/{entry.name}"):
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
    return frozenset(line.strip() for line in _data_lines("function_words.txt"))


@loaded_once
def function_word_pairs() -> frozenset[tuple[str, str]]:
    """Two function words that English writes in sequence ("is a", not "to to")."""
    return frozenset(tuple(line.split()) for line in _data_lines("function_word_pairs.txt"))


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


# ---------------------------------------------------------------- tokens and context


class Token(NamedTuple):  # a tuple: cheaper to build than a frozen dataclass, per token of every pass
    start: int
    end: int
    text: str
    shape: str  # word_shape(text)


@lru_cache(maxsize=262_144)
def word_shape(word: str) -> str:
    """"lower", "title", "upper" or "mixed": decides how a reading is cased."""
    if word.islower():
        return "lower"
    if word.isupper():
        return "upper"
    if word[0].isupper() and word[1:].islower():
        return "title"
    return "mixed"


# No real word (or glued pair of words) is longer; a longer run of letters is junk,
# and the readings of a long token grow with its length.
MAX_TOKEN_CHARS = 40


@lru_cache(maxsize=64)  # the fixers of one pass tokenize the same text in turn
def tokens(text: str) -> tuple[Token, ...]:
    found = []
    end = 0
    for word in TOKEN_RE.findall(text):  # words and `find`: no match object per token
        start = text.find(word, end)  # only non-letters lie between two tokens
        end = start + len(word)
        if len(word) <= MAX_TOKEN_CHARS:
            found.append(Token(start, end, word, word_shape(word)))
    return tuple(found)


@lru_cache(maxsize=64)
def free_tokens(text: str) -> tuple[Token, ...]:
    """The tokens that are words on their own, not parts of something larger."""
    return tuple(token for token in tokens(text) if not embedded(text, token))


def embedded(text: str, token: Token) -> bool:
    """Part of something larger than a word: a URL, an e-mail, a form glued to
    digits, a short hyphenated particle ("al-Qaida", "co-"), a clitic ("don't")
    or the "al" of "et al."."""
    before = text[token.start - 1] if token.start else " "
    after = text[token.end] if token.end < len(text) else " "
    if before in PLAIN_SEPARATORS and after in PLAIN_SEPARATORS:  # most tokens: only "et al" to check
        return _et_al(text, token)
    if before in "@/\\_.'’" or before.isdigit() or after in "@/\\_" or after.isdigit():
        return True
    if "-" in (before, after) and len(token.text) <= 3:
        return True
    rest = text[token.end + 1 : token.end + 3]  # what the checks below read: not the whole rest
    if after == "." and rest[:1].isalnum():
        return True
    if after in "'’" and rest[:1].isalpha() and not re.match(r"s\b", rest):
        return True
    return _et_al(text, token)


PLAIN_SEPARATORS = frozenset(' ,;:()"“”')  # none of them makes a token part of something larger


def _et_al(text: str, token: Token) -> bool:
    return token.text.lower() == "al" and text[max(0, token.start - 3) : token.start].lower() == "et "


HONORIFIC_RE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Prof|Sir|Madam|H\.E)\.? (?:[A-Z][^\W\d_]*\.? ){0,2}$")


def after_honorific(text: str, token: Token) -> bool:
    """"Mr. Bob Ladt": a name follows, whatever English word it resembles."""
    return bool(HONORIFIC_RE.search(text[max(0, token.start - 40) : token.start]))


def sentence_initial(text: str, token: Token) -> bool:
    # A window, not the whole text before the token: per token, that would be quadratic.
    window_start = max(0, token.start - 40)
    before = text[window_start : token.start].rstrip(" \"“‘'(")
    if not before:
        return window_start == 0 or not text[: token.start].rstrip(" \"“‘'(")
    return before[-1] in ".!?:;»•" or bool(re.search(r"(^|\s)[A-Za-z0-9]{1,4}[.)]$", before))


def recase(reading: str, shape: str) -> str:
    if shape == "title":
        return reading[:1].upper() + reading[1:]
    if shape == "upper":
        return reading.upper()
    return reading


# ---------------------------------------------------------------- readings: what a token may have been


@lru_cache(maxsize=65_536)
def readings(observed: str) -> dict[str, float]:
    """Known words the OCR could have turned into `observed` (a lowercase token),
    each with the cheapest cost: listed confusions (two for a token wordfreq does
    not know), or one generic edit. Callers do not depend on the order."""
    if zipf(observed) < KNOWN_ZIPF:
        found = _two_confusion_readings(observed)
    else:
        found = _cheapest(_known_inverse_confusions(observed))
    found.pop(observed, None)
    # Any edit at all only for long tokens wordfreq has never seen: a rare word it
    # knows is likelier right, and short words have too many neighbours.
    if len(observed) >= GENERIC_EDIT_MIN_LENGTH and zipf(observed) == 0.0:
        candidates = candidate_words()
        for form in _generic_edits(observed):
            if len(form) >= GENERIC_EDIT_MIN_LENGTH and form in candidates and form != observed:
                found.setdefault(form, GENERIC_EDIT_COST)
    return found


def _two_confusion_readings(observed: str) -> dict[str, float]:
    """The candidate words one or two listed confusions away. Only the second
    edit must leave a known word: the first may pass through non-words.

    After a first edit that inserts a dropped string, a substitution need not be
    tried in the whole form: one elsewhere commutes with the insertion (substitute,
    then insert: the same word at the same cost, found from the substituted form
    through the dropped-string index), and one over the inserted string is a
    compound confusion of the token itself."""
    substitutions = _inverse_substitutions(observed)
    first = _cheapest(_inverse_insertions(observed, _confusion_kinds()[0]) + substitutions)
    substituted = dict.fromkeys(form for form, _cost in substitutions)
    candidates, index = candidate_words(), dropped_string_index()
    found = {form: cost for form, cost in first.items() if form in candidates}
    after_first = (
        (word, cost + step)
        for form, cost in first.items()
        for word, step in (_known_inverse_confusions(form) if form in substituted else index.get(form, ()))
    )
    compounds = _inverse_confusions(observed, _compound_confusions())
    compound = ((word, cost) for word, cost in compounds if word in candidates)
    for form, cost in _cheapest(chain(after_first, compound)).items():
        if cost < found.get(form, math.inf):
            found[form] = cost
    return found


def _cheapest(readings: Iterable[tuple[str, float]]) -> dict[str, float]:
    """Each form once, with its cheapest cost, if that is affordable."""
    cheapest: dict[str, float] = {}
    for form, cost in readings:
        if cost <= MAX_READING_COST and cost < cheapest.get(form, math.inf):
            cheapest[form] = cost
    return cheapest


ConfusionKinds = tuple[tuple[tuple[str, float], ...], tuple[Confusion, ...]]


@loaded_once
def _confusion_kinds() -> ConfusionKinds:
    """(dropped strings with their costs, substitutions): the table split once."""
    dropped = tuple((c.intended, c.cost) for c in confusions() if not c.observed)
    return dropped, tuple(c for c in confusions() if c.observed)


@loaded_once
def _compound_confusions() -> ConfusionKinds:
    """A dropped string, then a substitution that overlaps it, as one confusion: "h"
    read as "li" where the "l" was dropped is "h" read as "i", at the two costs."""
    dropped, substitutions = _confusion_kinds()
    compounds: list[Confusion] = []
    for inserted, inserted_cost in dropped:
        for substitution in substitutions:
            read = substitution.observed
            for offset in range(1 - len(inserted), len(read)):  # where the inserted string starts in `read`
                overlap = range(max(0, offset), min(len(read), offset + len(inserted)))
                if any(read[i] != inserted[i - offset] for i in overlap):
                    continue
                observed = read[: max(0, offset)] + read[offset + len(inserted) :]
                intended = inserted[: max(0, -offset)] + substitution.intended + inserted[len(read) - offset :]
                compounds.append(Confusion(intended, observed, inserted_cost + substitution.cost))
    return (
        tuple((c.intended, c.cost) for c in compounds if not c.observed),
        tuple(c for c in compounds if c.observed),
    )


def _inverse_confusions(form: str, kinds: ConfusionKinds | None = None) -> list[tuple[str, float]]:
    """Every form one listed confusion (or one of `kinds`) could have turned into `form`."""
    dropped, substitutions = kinds or _confusion_kinds()
    return _inverse_insertions(form, dropped) + _inverse_substitutions(form, substitutions)


def _inverse_insertions(form: str, dropped: tuple[tuple[str, float], ...]) -> list[tuple[str, float]]:
    """A dropped string may have stood anywhere."""
    return [(form[:i] + intended + form[i:], cost) for i in range(len(form) + 1) for intended, cost in dropped]


def _known_inverse_confusions(form: str) -> list[tuple[str, float]]:
    """The candidate words among `_inverse_confusions(form)`, found without trying
    every place a string may have dropped out: the index lists them."""
    candidates = candidate_words()
    known = [(word, cost) for word, cost in _inverse_substitutions(form) if word in candidates]
    return list(dropped_string_index().get(form, ())) + known


def _inverse_substitutions(form: str, substitutions: tuple[Confusion, ...] | None = None) -> list[tuple[str, float]]:
    return [
        (intended_form, confusion.cost)
        for confusion in (_confusion_kinds()[1] if substitutions is None else substitutions)
        for intended_form in replacements(form, confusion.observed, confusion.intended)
    ]


def replacements(word: str, old: str, new: str) -> Iterator[str]:
    """`word` with one occurrence of `old` read as `new`, for each place `old` stands (overlaps included)."""
    start = word.find(old)
    while start != -1:
        yield word[:start] + new + word[start + len(old) :]
        start = word.find(old, start + 1)


def candidate_window(form: str) -> tuple[int, int]:
    """(low, high): an edit of form[start:end] can leave a candidate word only if
    start <= high and end >= low, where form[:high] is the longest start of `form`
    some candidate word shares and form[low:] the longest such ending (in sorted
    lists the longest shared start is with a neighbour of the form's place)."""
    ordered, ordered_backwards = _ordered_candidates()
    high = _longest_shared_start(form, ordered)
    low = len(form) - _longest_shared_start(form[::-1], ordered_backwards)
    return low, high


def _longest_shared_start(form: str, ordered: list[str]) -> int:
    at = bisect_left(ordered, form)
    return max((len(os.path.commonprefix([form, ordered[i]])) for i in (at - 1, at) if 0 <= i < len(ordered)),
               default=0)


@loaded_once
def _ordered_candidates() -> tuple[list[str], list[str]]:
    """The candidate words sorted, and their reversals sorted."""
    words = candidate_words()
    return sorted(words), sorted(word[::-1] for word in words)


@loaded_once
def dropped_string_index() -> dict[str, tuple[tuple[str, float], ...]]:
    """Candidate words by how they read with one droppable string left out
    ("specia" -> "special", cost 1.0). Built once, like the lexicon."""
    dropped, _ = _confusion_kinds()
    index: dict[str, list[tuple[str, float]]] = {}
    for word in sorted(candidate_words()):
        for intended, cost in dropped:
            for form in replacements(word, intended, ""):
                index.setdefault(form, []).append((word, cost))
    return {form: tuple(entries) for form, entries in index.items()}


def _generic_edits(form: str) -> Iterator[str]:
    """Any letter deleted, replaced or inserted, at the places where that can leave a
    candidate word (see `candidate_window`)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    low, high = candidate_window(form)
    for i in range(max(0, low - 1), min(high, len(form)) + 1):
        if i < len(form):
            yield form[:i] + form[i + 1 :]
            for c in letters:
                yield form[:i] + c + form[i + 1 :]
        for c in letters:
            yield form[:i] + c + form[i:]


# ---------------------------------------------------------------- deciding


@dataclass(frozen=True)
class Verdict:
    replacement: str | None  # None: keep the token
    suspicious: bool = False  # kept, but some reading came close
    score: float = -math.inf  # the replacement's score, in zipf units


# A document's lexicon hashes by identity and does not change once built, so a
# verdict is a pure function of its arguments: each word is judged once per document.
# The cache holds the lexicons of its entries: small, so that a batch run keeps only
# the last few documents' lexicons alive (a document judges some hundreds of words).
@lru_cache(maxsize=4096)
def spelling_verdict(word: str, lexicon: DocumentLexicon, at_sentence_start: bool, names_only: bool) -> Verdict:
    """Noisy-channel choice between a token that may be misread and its readings,
    behind the gate; `names_only` admits only readings the domain lexicon writes
    with a capital."""
    shape = word_shape(word)
    lower = word.lower()
    name_like = shape in ("title", "mixed") and not at_sentence_start
    if name_like and word_prior(lower) >= KNOWN_ZIPF:
        return Verdict(None)  # "Al", "McDougal": a name is as likely as a misreading
    keep = word_prior(lower) + lexicon.bonus(word, discount=1)
    scored = []
    for reading, cost in {**readings(lower), **document_readings(lower, lexicon)}.items():
        cased = _cased_reading(reading, word, shape)
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


def document_readings(observed: str, lexicon: DocumentLexicon) -> dict[str, float]:
    """Any letter dropped, where the word with it is one the document writes often
    and the token is rare in English and in the document: "govenment" where
    "government" recurs, "hman" where "human" does. Listed confusions cost less or
    the same, so they keep their place."""
    if zipf(observed) >= KNOWN_ZIPF or lexicon.count(observed) > REAL_WORD_MAX_SEEN:
        return {}
    restored = _document_words_by_dropped_letter(lexicon).get(observed)
    forms = sorted(restored.split(" "), key=lambda form: _restoring_place(observed, form)) if restored else []
    return {form: min(readings(observed).get(form, DOCUMENT_EDIT_COST), DOCUMENT_EDIT_COST) for form in forms}


def _restoring_place(observed: str, form: str) -> tuple[int, str]:
    """The first place, and the letter, that put back into `observed` make `form`."""
    return min((i, form[i]) for i in range(len(form)) if form[:i] + form[i + 1 :] == observed)


# Like the verdicts, built once per document; the cache keeps only the last few lexicons alive.
@lru_cache(maxsize=4)
def _document_words_by_dropped_letter(lexicon: DocumentLexicon) -> dict[str, str]:
    """The candidate words the document writes often, by how they read with one
    letter (a-z) left out: "govenment" -> "government". Several words are joined by
    spaces: strings, not a container per entry for the garbage collector to track."""
    restorations: dict[str, str] = {}
    candidates = candidate_words()
    for word, count in lexicon.words.items():
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


def _gated_choice(scored: list[tuple[float, str, float]], keep: float) -> Verdict:
    """The best (score, reading, cost), if it beats keeping the token and the runner-up by the margins."""
    scored = sorted(scored, key=lambda s: (-s[0], s[1]))
    best_score, best, _cost = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else -math.inf
    if best_score - keep >= CHANGE_MARGIN and best_score - runner_up >= AMBIGUITY_MARGIN:
        return Verdict(best, score=best_score)
    return Verdict(None, suspicious=best_score > keep)


KEEP = Verdict(None)


@lru_cache(maxsize=262_144)
def may_be_misread(word: str) -> bool:
    """The cheap part of the gate: acronyms, domain terms, common words and
    inflections of common words never are."""
    lower = word.lower()
    if len(word) < 2 or word_shape(word) == "upper" or is_domain(word) or inflected_word(lower):
        return False  # "resourced" is resource + d, however rare
    return word_prior(lower) < SUSPECT_ZIPF


def verdict_in_context(text: str, token: Token, lexicon: DocumentLexicon) -> Verdict:
    """What to do with one token of `text`."""
    if not may_be_misread(token.text):
        return KEEP
    return spelling_verdict(token.text, lexicon, sentence_initial(text, token), after_honorific(text, token))


def _cased_reading(reading: str, word: str, shape: str) -> str | None:
    if shape != "mixed":
        return recase(reading, shape)
    # Inner capitals ("McDougal"): only a domain term written that way will do.
    matches = domain_spellings().get(reading, ())
    return matches[0] if len(matches) == 1 else None


def _written_so(cased: str, lexicon: DocumentLexicon) -> bool:
    """A capitalized reading needs evidence: the document or the domain writes it."""
    return lexicon.forms[cased] > 0 or cased in domain_forms() or lexicon.count(cased) >= 2


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


INFLECTIONS = ("s", "es", "ed", "d", "ing", "ly")


@lru_cache(maxsize=262_144)
def inflected_word(word: str) -> bool:
    return any(word.endswith(ending) and zipf(word[: -len(ending)]) >= WORD_ZIPF for ending in INFLECTIONS)


@loaded_once
def foreign_phrases() -> tuple[re.Pattern, int]:
    """The phrases of data/foreign_phrases.txt, longest first ("ex post facto" before
    "ex post"), as whole words in any case (an apostrophe may be ' or ’), and the
    length of the longest."""
    phrases = sorted((line.strip() for line in _data_lines("foreign_phrases.txt")), key=len, reverse=True)
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


# ---------------------------------------------------------------- fixers


def fix_punctuation(text: str, lexicon: DocumentLexicon) -> list[Edit]:
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
    re.compile(rf"(?<={LETTERS})(['’])(?:['’]+(?={LETTERS})|['’]* (?=s\b))"), re.compile(r"['’](?:['’]| s)")
)
DASH_RUN_RE = Prefiltered(re.compile(r"(?<=\d)[-‐–—]{2,}(?=\d)"), re.compile(r"[-‐–—]{2}"))
SYMBOLS_READ_FOR_LETTERS = {"€": "e", "©": "o", "¢": "c"}
SYMBOL_IN_WORD_RE = Prefiltered(re.compile(rf"(?<={LETTERS})[€©¢](?={LETTERS}|['’]s\b)"), re.compile("[€©¢]"))
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
STOP_BEFORE_LOWERCASE_RE = Prefiltered(re.compile(rf"(?<![\w.])({LETTERS}{{3,}})\.(?= [a-z])"), re.compile(r"\. [a-z]"))


@loaded_once
def abbreviations() -> frozenset[str]:
    return frozenset(line.strip() for line in _data_lines("abbreviations.txt"))


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


GLUED_YEARS_RE = Prefiltered(
    re.compile(r"(?<![\d,.])((?:19|20)\d\d)((?:19|20)\d\d)(?![\d,])"), re.compile(r"(?:19|20)\d\d(?:19|20)\d\d")
)
DOUBLED_DIGIT_YEAR_RE = Prefiltered(
    re.compile(
        rf"\b(?:in|of|since|until|by|from|to|and|{MONTHS}) ((?:19|20)\d{{3}})(?![\d,])"
    ),
    re.compile(r"(?:19|20)\d{3}"),
)
DIGIT_IN_ACRONYM_RE = Prefiltered(
    re.compile(r"\b(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*[01])[A-Z0-9]{2,6}\b"),
    re.compile(r"[A-Z][A-Z0-9]{0,4}[01]|[01][A-Z0-9]{0,4}[A-Z]"),  # a capital and a 0 or 1 in one run of 6
)
DIGIT_AS_LETTER = str.maketrans("10", "IO")


def fix_numbers(text: str, lexicon: DocumentLexicon) -> list[Edit]:
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
        if letters.isalpha() and (letters in domain_forms() or lexicon.forms[letters]):
            edits.append(Edit(m.start(), m.end(), letters, "number"))
    return edits


def fix_split_words(text: str, lexicon: DocumentLexicon) -> list[Edit]:
    """Join fragments that only make a word together: "cooper ation", "mai ntai ned"."""
    found = tokens(text)
    fragments = [_fragment(token.text) for token in found]
    edits, i = [], 0
    while i < len(found):
        join = _best_join(text, found, fragments, i, lexicon)
        if join is None:
            i += 1
            continue
        count, joined = join
        edits.append(Edit(found[i].start, found[i + count - 1].end, joined, "split"))
        i += count
    return edits


def _best_join(
    text: str, found: tuple[Token, ...], fragments: list[bool], i: int, lexicon: DocumentLexicon
) -> tuple[int, str] | None:
    """`fragments` says of each token whether it is a `_fragment`."""
    best: tuple[float, int, str] | None = None
    if i + 1 < len(found) and not any(fragments[i : i + 3]):
        # The common case, decided cheaply: only the document can join two words.
        if not _document_joins(found[i : i + 2], found[i].text + found[i + 1].text.lower(), lexicon):
            return None
    for count in (2, 3):
        group = found[i : i + count]
        if len(group) < count or any(text[a.end : b.start] != " " for a, b in zip(group, group[1:])):
            break
        if group[0].start and text[group[0].start - 1] in "'’":
            break  # the "s" of "world's": a clitic, not a fragment
        if any(t.shape in ("upper", "mixed") for t in group[1:]):
            continue
        joined = group[0].text + "".join(t.text.lower() for t in group[1:])
        if not any(fragments[i : i + count]) and not _document_joins(group, joined, lexicon):
            continue
        if not (zipf(joined.lower()) >= KNOWN_ZIPF or is_domain(joined)):
            continue
        gain = (zipf(joined.lower()) - 9) - sum(_log_prob(t.text) for t in group)
        if gain >= JOIN_MARGIN and (best is None or gain > best[0]):
            best = (gain, count, joined)
    return None if best is None else (best[1], best[2])


def _document_joins(group: list[Token], joined: str, lexicon: DocumentLexicon) -> bool:
    """Two words the document itself writes as one, often, and apart only here:
    "inter national" where "international" recurs."""
    if len(group) != 2 or lexicon.count(joined) < DOCUMENT_JOIN_MIN:
        return False
    return lexicon.pairs[(group[0].text.lower(), group[1].text.lower())] <= 1


@lru_cache(maxsize=262_144)
def _fragment(word: str) -> bool:
    """Not a word on its own: "ation", "ntai", or a stray capital like the "M" of "M ethodology"."""
    if len(word) == 1:
        return word not in ("a", "A", "I")
    return not is_domain(word) and zipf(word.lower()) < GLUED_MAX_ZIPF


def _log_prob(word: str) -> float:
    value = zipf(word.lower())
    return value - 9 if value else UNKNOWN_LOG_PROB


def fix_glued_words(text: str, lexicon: DocumentLexicon) -> list[Edit]:
    """Split tokens that are two or three words run together: "subjectsin", "Asaresult"."""
    edits = []
    for token in free_tokens(text):
        if zipf(token.text.lower()) >= SUSPECT_ZIPF:
            continue  # a common word is never read as glued ones (both verdicts below agree)
        at_start = token.shape == "title" and sentence_initial(text, token)
        split = glued_verdict(token.text, at_start) or document_split(token.text, at_start, lexicon)
        # "alocated" is "allocated" misread, not "a located": the likelier reading wins.
        if not split or split.score < verdict_in_context(text, token, lexicon).score:
            continue
        if not joins_a_neighbour(text, token, lexicon):  # "Min istry": joined, not cut into "is try"
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
    fragments = [_fragment(t.text) for t in window]
    for i in range(at + 1):
        join = _best_join(text, window, fragments, i, lexicon)
        if join is not None and i + join[0] > at:
            return True
    return False


POSSESSIVE_GLUED_RE = Prefiltered(  # "Women'srights"
    re.compile(rf"(?<={LETTERS}['’])s({LETTERS}{{3,}})"), re.compile("['’]s")
)
# "theAfghan", "againstTorture", "PenalCode", "theUN": a word glued to a capitalized one.
CAMEL_GLUED_RE = Prefiltered(
    re.compile(r"(?<![^\W\d_])([A-Z]?[a-z]+)([A-Z][a-z]+|[A-Z]{2,})(?![^\W\d_])"), re.compile("[a-z][A-Z]")
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


def fix_camel_glued(text: str, lexicon: DocumentLexicon) -> list[Edit]:
    """A word glued to a capitalized one, the two written apart elsewhere in the
    document: "theAfghan", "PenalCode", "theUN" (not "MediaNet", "iPhone")."""
    return [
        Edit(m.start(), m.end(), f"{m[1]} {m[2]}", "glued")
        for m in CAMEL_GLUED_RE.finditer(text)
        if not is_domain(m.group()) and written_apart(m[1], m[2], m.group(), lexicon)
    ]


def fix_dropped_letters(text: str, lexicon: DocumentLexicon) -> list[Edit]:
    """Misread words: "specia", "Congtitution", "legidation", "hedth", "mgjor"."""
    edits = []
    for token in free_tokens(text):
        verdict = verdict_in_context(text, token, lexicon)
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


def fix_real_words(text: str, lexicon: DocumentLexicon) -> list[Edit]:
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
        reading = _real_word_reading(token.text, (previous, following), lexicon)
        if reading:
            edits.append(Edit(token.start, token.end, reading, "real_word"))
    return edits


def _real_word_reading(word: str, neighbours: tuple[str, str], lexicon: DocumentLexicon) -> str | None:
    seen = lexicon.words[word]
    if seen > REAL_WORD_MAX_SEEN or word not in _likely_misreadings(lexicon):
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


# Like the verdicts, built once per document; the cache keeps only the last few lexicons alive.
@lru_cache(maxsize=4)
def _likely_misreadings(lexicon: DocumentLexicon) -> frozenset[str]:
    """What the words a real-word reading may restore (written at least
    REAL_WORD_MIN_RATIO times) read as after one confusion of at most
    REAL_WORD_MAX_COST: a word that is none of these has no such reading, and its
    readings need not be worked out. (Two confusions always cost more, a test checks.)"""
    dropped, substitutions = _confusion_kinds()
    likely = [(intended, "") for intended, cost in dropped if cost <= REAL_WORD_MAX_COST]
    likely += [(c.intended, c.observed) for c in substitutions if c.cost <= REAL_WORD_MAX_COST]
    misread = set()
    for word, count in lexicon.words.items():
        if count >= REAL_WORD_MIN_RATIO:
            for intended, observed in likely:
                misread.update(replacements(word, intended, observed))
    return frozenset(misread)


def fix_names(text: str, lexicon: DocumentLexicon) -> list[Edit]:
    """A name one likely confusion away from a name the document writes intact
    after the same word: "Gay McDougal" where "Gay McDougall" occurs, and the
    domain lexicon knows McDougall. Without that evidence a name stays."""
    edits = []
    found = tokens(text)
    for previous, token in zip(found, found[1:]):
        if token.shape not in ("title", "mixed") or previous.shape != "title" or text[previous.end : token.start] != " ":
            continue
        reading = _name_reading(previous.text.lower(), token.text, lexicon)
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
        and (cased := _cased_reading(reading, word, word_shape(word))) in domain_forms()
        and lexicon.forms[cased] and lexicon.pairs[(previous, reading)]
    ]
    return choices[0] if len(choices) == 1 else None


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
    for line in _data_lines("ocr_context_rules.jsonl"):
        rule = json.loads(line)
        before = re.compile(_token_pattern(rule["before"]) + r"\s+\Z") if rule["before"] else None
        after = re.compile(r"\s+" + _token_pattern(rule["after"])) if rule["after"] else None
        marker = Prefiltered(
            re.compile(_token_pattern(rule["marker"])), re.compile(_token_pattern(rule["marker"], whole=False))
        )
        rules.append(ContextRule(rule["id"], rule["tier"], marker, before, after, rule["replacement"]))
    return tuple(rules)


def fix_in_context(text: str, lexicon: DocumentLexicon) -> list[Edit]:
    """Real words wrong where they stand, glued or split, decided by their neighbours:
    "Parliament is how considering" (now), "come along way" (a long way)."""
    return [
        Edit(m.start(), m.end(), rule.replacement, rule.tier) for rule in context_rules() for m in rule.matches(text)
    ]


def suspicious_words(text: str, lexicon: DocumentLexicon) -> list[Token]:
    """Tokens the gate kept although a reading came close: for review, not for change."""
    return [t for t in free_tokens(text) if verdict_in_context(text, t, lexicon).suspicious]


