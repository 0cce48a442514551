"""Annotations as spans: normalized descriptions, and nesting that never crosses."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.outputs.annotations import FIELDS, KINDS, Mark, Span, nest, paragraph_spans
from report_fixtures import crossing_paragraph, invalid_offsets_paragraph, markup_paragraph, pledge_paragraph


def flatten(nodes) -> str:
    return "".join(node if isinstance(node, str) else flatten(node.children) for node in nodes)


def marks(nodes, depth=0):
    """(span, depth) for every mark in the tree, in document order."""
    for node in nodes:
        if isinstance(node, Mark):
            yield node.span, depth
            yield from marks(node.children, depth + 1)


def check_nesting(nodes, start, end):
    """Every mark lies inside its parent, and siblings follow each other."""
    position = start
    for node in nodes:
        if isinstance(node, str):
            position += len(node)
            continue
        assert start <= node.span.start and node.span.end <= end
        assert node.span.start >= position
        check_nesting(node.children, node.span.start, node.span.end)
        position = node.span.end


def test_annotations_commitment_encloses_entities_dates_and_amounts():
    record = pledge_paragraph()
    tree = nest(record["text"], paragraph_spans(record).spans)
    found = [(s.kind, record["text"][s.start:s.end], depth) for s, depth in marks(tree)]
    assert found[0] == ("commitment", record["text"][:-1], 0)
    assert ("date", "2011", 1) in found and ("entity", "Government", 1) in found
    assert ("amount", "US$ 50,000", 1) in found


def test_annotations_crossing_span_is_split_in_two_fragments():
    record = crossing_paragraph()
    tree = nest(record["text"], paragraph_spans(record).spans)
    dates = [s for s, _ in marks(tree) if s.kind == "date" and s.label == "range"]
    assert [(s.first, s.last) for s in dates] == [(True, False), (False, True)]
    assert "".join(record["text"][s.start:s.end] for s in dates) == "2012-2014"
    assert flatten(tree) == record["text"]
    check_nesting(tree, 0, len(record["text"]))


def test_annotations_zero_width_correction_keeps_its_original():
    record = markup_paragraph()
    spans = paragraph_spans(record).spans
    removed = next(s for s in spans if s.label == "hyphenation")
    assert (removed.end - removed.start, removed.original) == (0, "-\n")
    assert flatten(nest(record["text"], spans)) == record["text"]


def test_annotations_offsets_outside_the_text_are_counted_not_kept():
    found = paragraph_spans(invalid_offsets_paragraph())
    assert found.invalid == 1
    assert [s.kind for s in found.spans] == ["amount"]


@pytest.mark.parametrize("kind, annotation, tip", [
    ("date", {"start": "2009-07-01", "end": "2009-07-31", "granularity": "month"}, "2009-07-01/2009-07-31 (month)"),
    ("date", {"start": "2009-11-06", "end": "2009-11-06", "granularity": "day"}, "2009-11-06 (day)"),
    ("date", {"start": None, "end": "2014-12-31", "granularity": "relative"}, "../2014-12-31 (relative)"),
    ("date", {"start": None, "end": None, "granularity": "relative"}, "unresolved (relative)"),
    ("amount", {"kind": "money", "value": 50000, "unit": "USD"}, "money: 50,000 USD"),
    ("amount", {"kind": "percent", "value": 53.4, "unit": "%"}, "percent: 53.4 %"),
    ("amount", {"kind": "count", "value": 14.0, "unit": "province"}, "count: 14 province"),
    ("entity", {"label": "ORG"}, "ORG"),
    ("commitment", {"kind": "pledge", "actor": "Government", "action": "will amend", "deadline": None},
     "pledge; actor: Government; action: will amend; deadline: none"),
    ("commitment", {"kind": "pledge", "deadline": {"text": "In 2011", "start": "2011-01-01", "end": "2011-12-31"}},
     "pledge; deadline: In 2011 (2011-01-01/2011-12-31)"),
    ("correction", {"original": "apolicy", "replacement": "a policy", "rule": "split"},
     "OCR split: “apolicy” → “a policy”"),
])
def test_annotations_tip_shows_the_normalized_value(kind, annotation, tip):
    record = {"text": "x", FIELDS[kind]: [{"start_char": 0, "end_char": 1, **annotation}]}
    assert paragraph_spans(record).spans[0].tip == tip


span_bounds = st.tuples(st.integers(0, 40), st.integers(0, 40)).map(sorted)


@given(st.lists(st.tuples(span_bounds, st.sampled_from(KINDS)), max_size=12))
def test_annotations_any_spans_nest_without_crossing(spans):
    text = "abcdefghij" * 4
    tree = nest(text, [Span(a, b, kind, kind, kind) for (a, b), kind in spans])
    assert flatten(tree) == text
    check_nesting(tree, 0, len(text))
    # Splitting loses nothing: per kind, the fragments cover as many characters as the spans.
    for kind in KINDS:
        drawn = sum(s.end - s.start for s, _ in marks(tree) if s.kind == kind)
        assert drawn == sum(b - a for (a, b), k in spans if k == kind)
