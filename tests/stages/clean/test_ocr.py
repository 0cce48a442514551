"""OCR repair through the clean stage: cases as data (tests/data/clean_cases.json),
negatives that must come back unchanged, and properties every cleaning keeps. The
parts have their own tests: test_known_words, test_channel, test_reader, fixers/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.prefilter import Prefiltered
from pipeline.stages.clean.clean import clean_segmentation, clean_text
from pipeline.stages.clean.fixers import glued_words, in_context, numbers, punctuation
from pipeline.stages.clean.reader import DocumentReader
from tests.conftest import segment_text

DATA = Path(__file__).parents[2] / "data"
ROOT_DATA = Path(__file__).parents[3] / "pipeline" / "data"
CASES = json.loads((DATA / "clean_cases.json").read_text(encoding="utf-8"))
NEGATIVES = json.loads((DATA / "clean_negatives.json").read_text(encoding="utf-8"))["cases"]


def clean(text: str, *document: str):
    return clean_text(text, DocumentReader.of([text, *document]))


def case_params():
    for kind, cases in CASES.items():
        if kind.startswith("_"):
            continue
        for case in cases:
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
            yield pytest.param(case, id=f"{kind}:{case['original'][:40]}", marks=marks)


@pytest.mark.parametrize("case", list(case_params()))
def test_ocr_repairs_case(case):
    text, _, _ = clean(case["original"], *case.get("document", []))
    assert text == case["expected"]


@pytest.mark.parametrize("text", NEGATIVES, ids=[t[:40] for t in NEGATIVES])
def test_ocr_leaves_right_text_unchanged(text):
    cleaned, corrections, _ = clean(text)
    assert cleaned == text
    assert corrections == []


CONTEXT_RULES = [json.loads(line) for line in (ROOT_DATA / "ocr_context_rules.jsonl").read_text().splitlines()]


def context_rule_examples():
    for rule in CONTEXT_RULES:
        for example in rule["incorrect"]:
            yield pytest.param(rule, example, True, id=f"{rule['id']}:fires:{example[:30]}")
        for example in rule["correct"]:
            yield pytest.param(rule, example, False, id=f"{rule['id']}:holds:{example[:30]}")


@pytest.mark.parametrize("rule, example, fires", list(context_rule_examples()))
def test_ocr_context_rule_fires_on_its_incorrect_examples_only(rule, example, fires):
    """Each rule of data/ocr_context_rules.jsonl carries its own examples, as
    LanguageTool's rules do: it must repair the incorrect ones and leave the correct ones."""
    text, corrections, _ = clean(example)
    rules = {c.rule for c in corrections}
    if fires:
        assert rule["tier"] in rules
        assert rule["replacement"] in text
    else:
        assert text == example


def test_ocr_logs_each_change_with_its_rule_and_original():
    text, corrections, _ = clean("The specia rapporteur met abill sponsors in 20102020.")
    assert text == "The special rapporteur met a bill sponsors in 2010-2020."
    logged = [(c.original, c.replacement, c.rule) for c in corrections]
    assert logged == [
        ("specia", "special", "dropped_letter"),
        ("abill", "a bill", "glued"),
        ("20102020", "2010-2020", "number"),
    ]


def test_ocr_logs_a_change_to_an_earlier_change_once_with_the_original_as_read():
    text, corrections, _ = clean("aresult s")  # cut, then the cut's "result" joins "s"
    assert text == "a results"
    assert [(c.original, c.replacement, c.rule) for c in corrections] == [("aresult s", "a results", "glued+split")]


def test_ocr_prefers_a_reading_the_document_writes_intact():
    alone, _, _ = clean("The Ingtitutions met.")
    with_evidence, _, _ = clean("The Ingtitutions met.", "National Institutions and Institutions abroad.")
    assert alone == "The Ingtitutions met."  # a capitalized reading needs evidence
    assert with_evidence == "The Institutions met."


@pytest.mark.parametrize(
    "text",
    [
        "The law was repealed in toto by the Parliament.",  # not "to to": a doubled word is no English
        "The delegation stood in awe of the reforms.",  # not "a we"
        "The reforms went ahead without further ado.",  # not "a do"
        "The motto todo el mundo was quoted.",  # a common Spanish word, not "to do"
    ],
)
def test_ocr_keeps_a_word_that_only_reads_as_function_words_english_does_not_write(text):
    cleaned, corrections, _ = clean(text)
    assert (cleaned, corrections) == (text, [])


FOREIGN_PHRASES = [line.strip() for line in (ROOT_DATA / "foreign_phrases.txt").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("phrase", [p for p in FOREIGN_PHRASES if p and not p.startswith("#")])
def test_ocr_keeps_every_word_of_a_foreign_phrase_written_on_purpose(phrase):
    text = f"The Committee held, {phrase}, that the law applies."
    assert clean(text)[:2] == (text, [])


def test_ocr_repairs_a_word_outside_a_foreign_phrase_it_spares():
    cleaned, corrections, _ = clean("Persona non grata, sui generis, lex specialis: the persona data of all.")
    assert cleaned == "Persona non grata, sui generis, lex specialis: the personal data of all."
    assert [(c.original, c.replacement) for c in corrections] == [("persona", "personal")]


@pytest.mark.parametrize(
    "glued, expected",
    [("The designation isa clear example.", "The designation is a clear example."), ("upto date", "up to date")],
)
def test_ocr_still_splits_function_words_run_together(glued, expected):
    assert clean(glued)[0] == expected


@pytest.mark.parametrize(
    "split, expected",
    [
        ("the Min istry of Justice", "the Ministry of Justice"),  # not "Min is try"
        ("the prov ision of aid", "the provision of aid"),  # not "prov is i on"
        ("the Consultat ive Commission", "the Consultative Commission"),  # not "Consult at ive"
        ("the law incorpor ates the rules", "the law incorporates the rules"),  # not "in corporates"
    ],
)
def test_ocr_joins_a_fragment_with_its_neighbour_instead_of_cutting_it_into_words(split, expected):
    cleaned, corrections, _ = clean(split)
    assert cleaned == expected
    assert [c.rule for c in corrections] == ["split"]


def test_ocr_keeps_a_token_whose_reading_borrows_a_letter_from_across_the_space():
    moved_space, _, _ = clean("They met the Medial ife foundation.")
    dropped_letter, _, _ = clean("A process for al legal aid.")
    assert moved_space == "They met the Medial ife foundation."  # "Media life" as likely as "Medial life"
    assert dropped_letter == "A process for all legal aid."  # "egal" is no word: the l was dropped


def test_clean_repairs_heading_titles_and_keeps_the_raw_title():
    segmentation = segment_text(
        """
        I. Introduction

        1. The report was prepared.

        II. Rightsof migrantsand refugees

        2. The State protects migrants and refugees in law.

        3. It was published.
        """
    )
    clean_segmentation(segmentation)
    heading = segmentation.outline[-1]
    assert heading.title == "Rights of migrants and refugees"
    assert heading.raw_title == "Rightsof migrantsand refugees"
    assert segmentation.paragraphs[1].section is heading
    assert segmentation.outline[0].raw_title is None  # nothing to repair


# ---------------------------------------------------------------- properties

OCR_WORDS = [
    "the", "specia", "socia", "Congtitution", "Constitution", "abill", "bill", "hill’s", "aresult",
    "I", "nter", "national", "cooper", "ation", "20102020", "1SO", "Women’'s", "publisher’", "s",
    "Majilis", "OHCHR", "al", "et", "non-", "gover", "nmental", "“quoted’", "2009—-2012", "-\n",
    "\n", "  ", ",", ".", "Mr.", "Ladt", "in", "20009", "rights", "subjectsin",
]
ocr_texts = st.lists(st.sampled_from(OCR_WORDS), max_size=30).map(" ".join)
any_texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(max_examples=150, deadline=None)
@given(st.one_of(ocr_texts, any_texts))
def test_ocr_cleaning_never_crashes_and_offsets_point_at_replacements(body):
    text, corrections, to_text = clean(body)
    for c in corrections:
        assert 0 <= c.start_char <= c.end_char <= len(text)
        assert text[c.start_char : c.end_char] == c.replacement
    assert 0 <= to_text(len(body)) <= len(text)


@settings(max_examples=300, deadline=None)
@given(ocr_texts)
def test_ocr_cleaning_is_idempotent(body):
    reader = DocumentReader.of([body])
    once, _, _ = clean_text(body, reader)
    twice, corrections, _ = clean_text(once, reader)
    assert twice == once
    assert corrections == []


PREFILTERED = {
    name: value
    for module in (punctuation, numbers, glued_words)
    for name, value in vars(module).items()
    if isinstance(value, Prefiltered)
} | {rule.id: rule.marker for rule in in_context.context_rules()}
# Hits of the prefiltered patterns and pieces of them, glued or spaced at random: near misses and hits.
PATTERN_PIECES = [
    "20102020", "in 20009", "May 19990", "1SO", "O1", "A22221", "Women’'s", "State’ s", "Stat€’s", "2009—-2012",
    "1--2",
    "Women'srights", "theUN", "PenalCode", "communications. the", "is how considering", "along way",
    "under stand", "there fore", "due to arise in", "2010", "20", "in", "A", "'", "’", "s", " ", ".", "-", ",",
    "how", "x", "1", "\n",
]
pattern_texts = st.lists(st.sampled_from(PATTERN_PIECES), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(pattern_texts)
def test_ocr_prefiltered_patterns_find_what_their_patterns_find(text):
    for name, prefiltered in PREFILTERED.items():
        found = [m.span() for m in prefiltered.finditer(text)]
        assert found == [m.span() for m in prefiltered.pattern.finditer(text)], name
