"""Property tests (hypothesis) over clean and segment with arbitrary and adversarial text.

Whatever the text: no exception; every offset lies inside the text and points
at what it claims; cleaning is idempotent; every non-blank line is accounted
for exactly once. Example counts are fixed here (EXAMPLES) so the run time is
known: about 10 s for the lot.
"""

from __future__ import annotations

from collections import Counter

from conftest import segment_text
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from pipeline.stages.clean.clean import clean_paragraphs, clean_text
from pipeline.stages.clean.reader import DocumentReader
from pipeline.outputs.emit import line_claims
from pipeline.stages.furniture.furniture import mark_furniture
from pipeline.stages.ingest.ingest import split_lines
from pipeline.model import Document, SourceDocument
from pipeline.stages.segment.segment import segment

EXAMPLES = 300
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces OCR'd UN reports are made of, and the ways OCR damages them.
FRAGMENTS = [
    "1.", "2.", "3.", "12.", "31l.", "4,", "[11.", "(a)", "b)", "I.", "IV.", "V", "VI.", "B.", "A.", "iv.",
    "•", "»", "-", "–", "*", "The", "Government", "will", "continue", "to", "and", "of", "the", "Kazakhstan",
    "pre-", "planning", "non-", "governmental", "well-being", "2009", "2009-2009-2009", "1" * 40, "15,880,600",
    "per cent", "US$ 1,000", "GE.09-17130", "A/HRC/WG.6/7/KAZ/1", "Page 3", "........ 5", "……", "|", "l", "!",
    "’", "“", "”", "\t", "  ", "\f", "é", "Ð", "\u00ad", "\ufffd", "etc.", ".", ",", ";", ":", "(", ")",
]
adversarial_line = st.lists(st.sampled_from(FRAGMENTS), max_size=12).map(" ".join)
adversarial_text = st.lists(st.one_of(adversarial_line, st.just(""), st.text(max_size=30)), max_size=60).map("\n".join)
long_line_text = st.tuples(st.sampled_from(FRAGMENTS), st.integers(1, 5000)).map(lambda t: "1. " + t[0] * t[1] + "\n\n2. End.")


@st.composite
def numbered_report(draw) -> str:
    """Numbered paragraphs with damaged bodies and headings between: segmentation has work to do."""
    parts = []
    for number in range(1, draw(st.integers(2, 8)) + 1):
        if draw(st.booleans()):
            parts.append(draw(st.sampled_from(["I. Methodology", "II.", "B. Right to privacy", "Country background"])))
        body = draw(st.lists(adversarial_line, min_size=1, max_size=4))
        parts.append(f"{number}. " + "\n".join(body))
    return "\n\n".join(parts)


any_text = st.one_of(st.text(max_size=400), adversarial_text, long_line_text, numbered_report())
# Words broken across lines, real hyphens and layout whitespace: what the clean stage fixes.
WORD_HALVES = [("co", "operation"), ("imple", "mentation"), ("pre", "planning"), ("non", "governmental"),
               ("well", "being"), ("Kazakh", "stan"), ("a", "Ð")]
BREAKS = ["-\n", "-\n", "-", "\n", " -\n", "-\n\n"]
SEPARATORS = [" ", "\n", "  ", "\t", " \n ", "\n\n"]
hyphenated_body = st.lists(
    st.tuples(st.sampled_from(WORD_HALVES), st.sampled_from(BREAKS), st.sampled_from(SEPARATORS)), max_size=20
).map(lambda parts: "".join(left + brk + right + sep for (left, right), brk, sep in parts))
any_body = st.one_of(hyphenated_body, st.text(max_size=400), adversarial_text, long_line_text)


def whole_document(text: str) -> Document:
    lines, pages = split_lines(text)
    source = mark_furniture(SourceDocument(doc_id="x", file="x.txt", sha256="0" * 64, lines=lines,
                                           pages=pages, encoding="utf-8", kind="text"))
    segmentation = segment(source)
    clean_paragraphs(segmentation.paragraphs)
    return Document(source=source, segmentation=segmentation)


def assert_clean_offsets_are_valid(body: str) -> None:
    text, corrections, to_text = clean_text(body, DocumentReader.of([body]))
    event("with corrections" if corrections else "without corrections")
    for c in corrections:
        assert 0 <= c.start_char <= c.end_char <= len(text)
        assert text[c.start_char : c.end_char] == c.replacement
    mapped = [to_text(offset) for offset in range(len(body) + 1)]
    assert mapped == sorted(mapped) and all(0 <= m <= len(text) for m in mapped)


@PROPERTY
@given(any_body)
def test_clean_corrections_point_at_their_replacement(body):
    assert_clean_offsets_are_valid(body)


@PROPERTY
@given(hyphenated_body)
def test_clean_rejoined_words_are_logged_where_they_are(body):
    assert_clean_offsets_are_valid(body)


@PROPERTY
@given(any_body)
def test_clean_is_idempotent(body):
    reader = DocumentReader.of([body])
    once, _, _ = clean_text(body, reader)
    twice, corrections, _ = clean_text(once, reader)
    assert twice == once and corrections == []


@PROPERTY
@given(any_text)
def test_segment_never_fails_and_numbers_paragraphs_in_order(text):
    segmentation = segment_text(text)
    numbers = [p.para for p in segmentation.paragraphs]
    assert numbers == sorted(set(numbers))
    for p in segmentation.paragraphs:
        assert p.lines and p.line_start <= p.line_end


@PROPERTY
@given(any_text)
def test_segment_items_and_corrections_point_into_paragraph_text(text):
    paragraphs = whole_document(text).segmentation.paragraphs
    event("with paragraphs" if paragraphs else "without paragraphs")
    event("with items" if any(p.items for p in paragraphs) else "without items")
    event("with corrections" if any(p.corrections for p in paragraphs) else "without corrections")
    for p in paragraphs:
        for item in p.items:
            assert 0 <= item.start_char <= item.end_char <= len(p.text)
            assert p.text[item.start_char : item.end_char] == item.text
        for c in p.corrections:
            assert p.text[c.start_char : c.end_char] == c.replacement


@PROPERTY
@given(any_text)
def test_segment_accounts_for_every_nonblank_line_once(text):
    document = whole_document(text)
    claims = Counter(line for line, _role in line_claims(document))
    content = [line for line in document.source.lines if line.text.strip()]
    assert all(claims[line] == 1 for line in content)
    assert set(claims) == set(content)
