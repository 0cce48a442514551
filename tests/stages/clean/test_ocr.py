"""OCR repair: cases as data (tests/data/clean_cases.json), negatives that must
come back unchanged, and properties every cleaning keeps."""

from __future__ import annotations

import json
import random
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wordfreq import get_frequency_dict, top_n_list, zipf_frequency

from pipeline.prefilter import Prefiltered
from pipeline.stages.clean.channel import GENERIC_EDIT_COST, MAX_READING_COST, _generic_edits, confusions, readings
from pipeline.stages.clean.clean import clean_segmentation, clean_text
from pipeline.stages.clean.document_lexicon import DocumentLexicon
from pipeline.stages.clean.fixers import glued_words, in_context, numbers, punctuation
from pipeline.stages.clean.fixers.glued_words import MAX_PIECE_CHARS, glued_verdict
from pipeline.stages.clean.known_words import (
    FOREIGN_LANGUAGES,
    KNOWN_ZIPF,
    PLAIN_WORD_RE,
    TOKEN_RE,
    candidate_words,
    domain_lower,
    function_word_pairs,
    function_words,
    is_word,
    standing_words,
    zipf,
    zipf_in,
)
from pipeline.stages.clean.reader import (
    DOCUMENT_EDIT_COST,
    DOCUMENT_READING_MIN,
    REAL_WORD_MAX_COST,
    REAL_WORD_MIN_RATIO,
    DocumentReader,
)
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


@pytest.mark.parametrize("word", ["toto", "awe", "ado", "anon", "todo", "nono"])
def test_ocr_glued_verdict_keeps_a_word_whose_function_word_split_is_no_english(word):
    assert glued_verdict(word, False) is None


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


def test_ocr_function_word_pairs_are_pairs_of_function_words_and_never_doubled():
    pairs = function_word_pairs()
    assert pairs and all(len(pair) == 2 and set(pair) <= function_words() and pair[0] != pair[1] for pair in pairs)


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


@pytest.mark.parametrize("language", ("en", *FOREIGN_LANGUAGES))
def test_ocr_zipf_read_from_the_table_agrees_with_wordfreq(language):
    random_letters = random.Random(7)
    junk = ["".join(random_letters.choices(string.ascii_lowercase, k=random_letters.randint(1, 12))) for _ in range(500)]
    words = [w for w in top_n_list(language, 3000) if w.isascii() and w.isalpha()] + junk + ["Rights", "défenseur"]
    assert [zipf_in(w, language) for w in words] == [zipf_frequency(w, language) for w in words]


def test_ocr_keeps_a_token_whose_reading_borrows_a_letter_from_across_the_space():
    moved_space, _, _ = clean("They met the Medial ife foundation.")
    dropped_letter, _, _ = clean("A process for al legal aid.")
    assert moved_space == "They met the Medial ife foundation."  # "Media life" as likely as "Medial life"
    assert dropped_letter == "A process for all legal aid."  # "egal" is no word: the l was dropped


def test_ocr_readings_are_weighted_by_the_confusion_table():
    costs = readings("specia")
    assert costs["special"] < costs.get("species", float("inf"))


def inverse_confusions(form: str) -> dict[str, float]:
    """Every form one listed confusion could have turned into `form`, tried at every place."""
    found: dict[str, float] = {}
    for confusion in confusions():
        observed, intended = confusion.observed, confusion.intended
        places = range(len(form) + 1) if not observed else [i for i in range(len(form)) if form.startswith(observed, i)]
        for i in places:
            reading = form[:i] + intended + form[i + len(observed) :]
            found[reading] = min(found.get(reading, float("inf")), confusion.cost)
    return found


def readings_by_brute_force(observed: str) -> dict[str, float]:
    """`readings` without the generic edits, by trying every confusion at every place
    (twice for a word wordfreq does not know)."""
    candidates = candidate_words()
    first = inverse_confusions(observed)
    found = {form: cost for form, cost in first.items() if form in candidates}
    for form, cost in first.items() if zipf(observed) < KNOWN_ZIPF else ():
        for reading, step in inverse_confusions(form).items():
            if reading in candidates and cost + step <= MAX_READING_COST:
                found[reading] = min(found.get(reading, float("inf")), cost + step)
    found.pop(observed, None)
    return found


DAMAGED_WORDS = ["specia", "congtitution", "legidation", "hedth", "mgjor", "govemment", "rnany", "tbe",
                 "benefitsincreased", "organizationsin", "lnstitutions", "wornen", "dcvclopment", "ofthe",
                 "humn", "clarly", "forning", "tiat", "governnent"]  # ... and two confusions that overlap


@pytest.mark.parametrize("observed", DAMAGED_WORDS)
def test_ocr_readings_agree_with_trying_every_confusion_at_every_place(observed):
    """`readings` tries a second confusion after an inserted string only as a compound
    confusion of the token (where the two overlap): elsewhere they commute."""
    listed = {reading: cost for reading, cost in readings(observed).items() if cost < GENERIC_EDIT_COST}
    assert listed == readings_by_brute_force(observed)


def one_letter_edits(form: str) -> set[str]:
    letters = string.ascii_lowercase
    deleted = {form[:i] + form[i + 1 :] for i in range(len(form))}
    replaced = {form[:i] + c + form[i + 1 :] for i in range(len(form)) for c in letters}
    return deleted | replaced | {form[:i] + c + form[i:] for i in range(len(form) + 1) for c in letters}


@pytest.mark.parametrize("form", [*DAMAGED_WORDS, "xspecial", "specialx", "spxecial", "qqqqqq", "a"])
def test_ocr_generic_edits_skip_only_places_where_no_candidate_word_is_left(form):
    candidates = candidate_words()
    assert {f for f in _generic_edits(form) if f in candidates} == one_letter_edits(form) & candidates


DOCUMENT = "The government and the Government of all human rights; all human rights, all government. " * 3


def document_readings_by_brute_force(observed: str, lexicon: DocumentLexicon) -> list[str]:
    """The words the document writes often that any letter put back anywhere makes."""
    places = range(len(observed) + 1)
    forms = [observed[:i] + letter + observed[i:] for i in places for letter in string.ascii_lowercase]
    return list(dict.fromkeys(f for f in forms if lexicon.words[f] >= DOCUMENT_READING_MIN and f in candidate_words()))


@pytest.mark.parametrize("observed", ["govenment", "goverment", "hman", "al", "rigts", "humanrights", "the"])
def test_ocr_document_readings_find_what_putting_back_any_letter_finds(observed):
    lexicon = DocumentLexicon([DOCUMENT])
    if zipf(observed) < KNOWN_ZIPF:
        assert list(DocumentReader(lexicon).document_readings(observed)) == document_readings_by_brute_force(
            observed, lexicon
        )
    else:
        assert DocumentReader(lexicon).document_readings(observed) == {}  # a word English knows is taken as written


def test_ocr_document_readings_restore_one_letter_of_a_word_the_document_writes_often():
    assert DocumentReader.of([DOCUMENT]).document_readings("govenment") == {"government": DOCUMENT_EDIT_COST}
    assert DocumentReader.of(["The government."]).document_readings("govenment") == {}  # written once: no evidence


def test_ocr_two_confusions_cost_more_than_a_real_word_reading_may():
    """What lets `likely_misreadings` list one confusion only."""
    assert 2 * min(c.cost for c in confusions()) > REAL_WORD_MAX_COST
    assert GENERIC_EDIT_COST > REAL_WORD_MAX_COST


def test_ocr_likely_misreadings_hold_every_word_with_a_cheap_reading_the_document_writes_often():
    text = DOCUMENT + " the hill and the bill, the bill, the bill; wornen and women, women, women, women. " * 2
    lexicon = DocumentLexicon([text])
    words = {w.lower() for w in TOKEN_RE.findall(text)} | {"hill", "bil", "biil", "wornen", "rnen", "govemment"}
    cheap = {
        word
        for word in words
        for reading, cost in readings(word).items()
        if cost <= REAL_WORD_MAX_COST and lexicon.words[reading] >= REAL_WORD_MIN_RATIO
    }
    assert {"hill", "wornen", "bil"} <= cheap
    assert cheap <= DocumentReader(lexicon).likely_misreadings


def test_ocr_standing_words_are_the_plain_words_is_word_accepts():
    words = [*get_frequency_dict("en"), *domain_lower(), *function_words()]
    plain = [word for word in words if PLAIN_WORD_RE.fullmatch(word) and len(word) <= MAX_PIECE_CHARS]
    assert [word for word in plain if is_word(word) != (word in standing_words())] == []


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
