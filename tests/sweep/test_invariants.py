"""The sweep's invariants on small documents built by hand: they catch what they claim to."""

from sweep.invariants import end_matter, glued_footnotes, last_paragraph_number, numbering

OK_RECORD = {"status": "ok", "error": None}


def paragraph(para: int, text: str, raw: str | None = None) -> dict:
    return {"para": para, "text": text, "raw": raw if raw is not None else f"{para}. {text}"}


def test_invariants_last_paragraph_skips_the_contents_lists_and_end_matter():
    lines = ["Contents", "Annex", "1. First.", "2.", "Second, its number alone.", "3 Third, OCR lost the dot.",
             "1. A list inside paragraph 3.", "2. Its second item.", "4. Fourth.", "6. Sixth: 5 unreadable.",
             "Annex", "7. The annex's own numbering."]
    assert last_paragraph_number(lines) == 6


def test_invariants_page_numbers_and_footnotes_are_not_paragraphs():
    assert last_paragraph_number(["1. First.", "2", "1 See the report.", "2. Second."]) == 2


def test_invariants_numbering_needs_one_to_n_ending_where_the_input_does():
    lines = ["1. One.", "2. Two.", "3. Three."]
    assert numbering(OK_RECORD, [paragraph(1, "One."), paragraph(2, "Two."), paragraph(3, "Three.")], lines) == []
    assert numbering(OK_RECORD, [paragraph(1, "One."), paragraph(3, "Three.")], lines) == [
        "numbers not 1..2: first off at position 2: 3"]
    assert numbering(OK_RECORD, [paragraph(1, "One."), paragraph(2, "Two.")], lines) == [
        "last paragraph 2, the input's sequence ends at 3"]


def test_invariants_end_matter_inside_a_paragraph():
    swallowed = paragraph(98, "Last. Annex Composition of the delegation ...",
                          raw="98. Last.\nAnnex\nComposition of the delegation\nMr. X")
    assert end_matter(OK_RECORD, [swallowed], []) == [
        "paragraph 98 holds end matter: 'Annex'", "paragraph 98 holds end matter: 'Composition of the delegation'"]
    assert end_matter(OK_RECORD, [paragraph(3, "The annex to resolution 5/1 and the notes.")], []) == []


def test_invariants_glued_footnote_numbers():
    glued = paragraph(4, "It is being drafted.17 It was adopted in 2023.37 for 2021–202548 in the Republic13.")
    assert [f.split(": ")[1] for f in glued_footnotes(OK_RECORD, [glued], [])] == [
        "'drafted.17'", "'2023.37'", "'2021–202548'", "'Republic13'"]
    clean = paragraph(5, "COVID-19, resolution 5/1, 1,000 persons, 3.5 per cent, A/HRC/WG.6/7 and 2021–2025.")
    assert glued_footnotes(OK_RECORD, [clean], []) == []
