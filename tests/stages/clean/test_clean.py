"""Clean stage: layout and line-break hyphenation, with every change logged."""

from pipeline.stages.clean.clean import FOOTNOTE_REFERENCE_RULE, clean_text
from pipeline.stages.clean.edits import Edit
from pipeline.stages.clean.fixers.glued_words import fix_glued_words
from pipeline.stages.clean.fixers.split_words import fix_split_words
from pipeline.stages.clean.reader import DocumentReader


def clean(body, *others):
    return clean_text(body, DocumentReader.of([body, *others]))


def test_clean_joins_lines_and_collapses_spaces():
    text, corrections, _ = clean("The  Government\nwill act. ")
    assert text == "The Government will act."
    assert corrections == []


def test_clean_joins_a_hyphenated_word_that_the_document_writes_whole():
    text, corrections, _ = clean("the preplanning stage and pre-\nplanning again")
    assert text == "the preplanning stage and preplanning again"
    (c,) = corrections
    assert (c.original, c.replacement, c.rule) == ("-\n", "", "hyphenation")
    assert text[c.start_char : c.end_char] == ""


def test_clean_keeps_real_hyphens_at_line_breaks():
    text, corrections, _ = clean("non-\ngovernmental and re-\nregistration of anti-\ncorruption bodies")
    assert text == "non-governmental and re-registration of anti-corruption bodies"
    assert corrections == []


def test_clean_joins_common_words_split_at_line_end():
    text, _, _ = clean("the govern-\nment and the deve-\nlopment")
    assert text == "the government and the development"


def test_clean_offset_map_points_items_into_cleaned_text():
    body = "Intro:\n» first item\nsecond line"
    text, _, to_text = clean(body)
    start = body.index("first")
    assert text[to_text(start):to_text(len(body))] == "first item second line"


def test_clean_restores_a_hyphen_an_extraction_turned_into_a_dot():
    text, corrections, _ = clean("the well.being of all and non.discriminatory laws")
    assert text == "the well-being of all and non-discriminatory laws"
    assert [c.rule for c in corrections] == ["dotted_hyphen", "dotted_hyphen"]


def test_clean_leaves_dots_in_addresses_and_sentences_alone():
    body = "see www.ohchr.org and index.html or mail@co.uk. It ended.well"
    text, corrections, _ = clean(body)
    assert text == body
    assert corrections == []


def test_clean_glued_word_fixer_leaves_a_fragment_the_split_word_fixer_joins():
    # The glued fixer runs first: cutting "istry" into "is try" would leave nothing to join.
    body = "the Min istry of Justice and the prov ision of aid"
    reader = DocumentReader.of([body])
    assert fix_glued_words(body, reader) == []
    assert [body[e.start : e.end] for e in fix_split_words(body, reader)] == ["Min istry", "prov ision"]


def test_clean_takes_glued_footnote_numbers_out_of_the_text_and_logs_them():
    body = "The law is being drafted.17 It covers 2021–202548\nand the justice system12."
    edits = [Edit(25, 27, "", FOOTNOTE_REFERENCE_RULE), Edit(47, 49, "", FOOTNOTE_REFERENCE_RULE),
             Edit(72, 74, "", FOOTNOTE_REFERENCE_RULE)]
    text, corrections, to_text = clean_text(body, DocumentReader.of([body]), edits)
    assert text == "The law is being drafted. It covers 2021–2025 and the justice system."
    assert [(c.original, c.replacement, c.rule) for c in corrections] == [
        ("17", "", "footnote_reference"), ("48", "", "footnote_reference"), ("12", "", "footnote_reference")]
    assert [text[c.start_char - 6 : c.start_char] for c in corrections] == ["afted.", "1–2025", "system"]
    assert text[to_text(body.index("It")) :].startswith("It covers")
