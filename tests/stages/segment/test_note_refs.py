"""Footnote numbers glued to the text of a text extraction: marked where the sequence of
references expects them, and nowhere else."""

from conftest import segment_text

NOTES = """
    Notes
    1 A/HRC/36/11.
    2 Ibid., para. 3.
    3 Ibid., para. 4.
    4 Ibid., para. 5.
    5 Ibid., para. 6.
    """


def marks(seg):
    return [[(m.number, p.body[m.start_char : m.end_char]) for m in p.footnote_marks] for p in seg.paragraphs]


def test_note_refs_glued_to_words_marks_and_years_are_marked():
    seg = segment_text("""
        1. The law is being drafted.1 It covers the strategy for 2021–20252 and the
        justice system3, adopted in 2023.4
        2. A council was created.
        """ + NOTES)
    assert marks(seg) == [[(1, "1"), (2, "2"), (3, "3"), (4, "4")], []]
    assert seg.paragraphs[0].footnotes[0].text == "A/HRC/36/11."


def test_note_refs_real_numbers_out_of_the_sequence_stay():
    seg = segment_text("""
        1. The Covid-19 response of G20 members was reviewed.1 The JS2 submission,
        A/HRC/36/11/Add.2 and the plan for 2023 followed in its report.2
        2. A council was created.
        """ + NOTES)
    assert marks(seg) == [[(1, "1"), (2, "2")], []]
    assert seg.paragraphs[0].body[seg.paragraphs[0].footnote_marks[1].start_char - 7 :].startswith("report.2")


def test_note_refs_a_heading_keeps_the_sequence_going():
    seg = segment_text("""
        A. Legal framework1

        1. The penal code was adopted.2

        B. Women3

        2. A council was created.4
        """ + NOTES)
    assert marks(seg) == [[(2, "2")], [(4, "4")]]


def test_note_refs_without_notes_nothing_is_marked():
    seg = segment_text("""
        1. The Covid-19 plan was adopted in 2023.1
        2. A council was created.2
        """)
    assert marks(seg) == [[], []]
