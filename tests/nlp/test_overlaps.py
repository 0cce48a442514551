"""The one overlap policy: spaCy's filter_spans by default, a preference of one's own otherwise."""

import random

import spacy
from spacy.util import filter_spans

from pipeline.nlp.overlaps import non_overlapping


def token_bounds(span):
    return span.start, span.end


def test_overlaps_default_is_filter_spans():
    doc = spacy.blank("en")(" ".join(f"w{i}" for i in range(30)))
    rng = random.Random(14)
    for _ in range(200):
        spans = [doc[start:start + rng.randint(1, 6)] for start in (rng.randrange(25) for _ in range(8))]
        assert non_overlapping(spans, token_bounds) == filter_spans(spans)


def test_overlaps_keep_the_preferred_and_return_text_order():
    candidates = [(0, 10, "long"), (2, 4, "inside"), (12, 15, "after"), (9, 13, "across")]
    assert non_overlapping(candidates, lambda c: c[:2]) == [(0, 10, "long"), (12, 15, "after")]
    first_given = non_overlapping(candidates[::-1], lambda c: c[:2], preference=lambda c: 0)
    assert first_given == [(2, 4, "inside"), (9, 13, "across")]


def test_overlaps_touching_candidates_do_not_overlap():
    assert non_overlapping([(0, 3), (3, 5), (5, 5)], lambda c: c) == [(0, 3), (3, 5), (5, 5)]
