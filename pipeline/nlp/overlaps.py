"""The one overlap policy: of candidates that overlap, keep the preferred one.

Candidates are taken in order of preference and each is kept unless it overlaps one kept
before; what is kept comes back in text order. The default preference is spaCy's
`filter_spans`: the longest first, the earliest of equals (ties beyond that in the order
given). Components with a finer preference pass their own key: the entity ruler ranks its
kinds of candidate between equals, the document's missed mentions give way to the
entities found. Registered as "upr.non_overlapping.v1" for configs that name a filter.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, TypeVar

from spacy.util import registry

Candidate = TypeVar("Candidate")
Bounds = Callable[[Any], tuple[int, int]]


def longest_first(start: int, end: int) -> tuple[int, int]:
    """spaCy's filter_spans preference: the longest, then the earliest."""
    return -(end - start), start


def non_overlapping(candidates: Iterable[Candidate], bounds: Bounds,
                    preference: Callable[[Candidate], Any] | None = None) -> list[Candidate]:
    """The candidates none of which overlaps another, chosen by preference (`longest_first` of
    their bounds by default), in text order. `bounds`: a candidate's (start, end) offsets."""
    key = preference or (lambda candidate: longest_first(*bounds(candidate)))
    chosen: list[tuple[int, int, Candidate]] = []
    for candidate in sorted(candidates, key=key):
        start, end = bounds(candidate)
        if all(end <= kept_start or start >= kept_end for kept_start, kept_end, _ in chosen):
            chosen.append((start, end, candidate))
    return [candidate for _, _, candidate in sorted(chosen, key=lambda kept: kept[0])]


@registry.misc("upr.non_overlapping.v1")
def make_non_overlapping() -> Callable[..., list]:
    return non_overlapping
