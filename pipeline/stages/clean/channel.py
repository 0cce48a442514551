"""The OCR confusion channel and candidate generation: what a token may have been.

A confusion (data/ocr_confusions.tsv) is a string the OCR reads for another ("rn"
for "m") or drops ("l"), with its cost in zipf units. `readings(observed)` are the
known words (English or domain terms) a listed confusion or two, or one generic
edit of a long unknown token, could have turned into what was read, each with its
cheapest cost. Pure functions of a word: cached for the process.
"""

from __future__ import annotations

import math
import os
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Iterable, Iterator

from pipeline.resources import data_rows, loaded_once
from pipeline.stages.clean.known_words import KNOWN_ZIPF, candidate_words, zipf

GENERIC_EDIT_COST = 4.0  # an edit the confusion table does not list
GENERIC_EDIT_MIN_LENGTH = 5  # ... and only between words at least this long
MAX_READING_COST = 4.0  # readings costlier than this are not considered


@dataclass(frozen=True)
class Confusion:
    intended: str
    observed: str
    cost: float


@loaded_once
def confusions() -> tuple[Confusion, ...]:
    rows = (line.split("\t") for line in data_rows("ocr_confusions.tsv"))
    return tuple(Confusion(intended.lower(), observed.lower(), float(cost)) for intended, observed, cost in rows)


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
    first = _cheapest(_inverse_insertions(observed, confusion_kinds()[0]) + substitutions)
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
def confusion_kinds() -> ConfusionKinds:
    """(dropped strings with their costs, substitutions): the table split once."""
    dropped = tuple((c.intended, c.cost) for c in confusions() if not c.observed)
    return dropped, tuple(c for c in confusions() if c.observed)


@loaded_once
def _compound_confusions() -> ConfusionKinds:
    """A dropped string, then a substitution that overlaps it, as one confusion: "h"
    read as "li" where the "l" was dropped is "h" read as "i", at the two costs."""
    dropped, substitutions = confusion_kinds()
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
    dropped, substitutions = kinds or confusion_kinds()
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
        for confusion in (confusion_kinds()[1] if substitutions is None else substitutions)
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
    dropped, _ = confusion_kinds()
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

