"""What follows the body: endnote blocks, annexes and the delegation list (small excerpts
written after real text extractions)."""

from conftest import segment_text

ENDNOTES = """
    1. UNHCR recommended that the State maintain access to the territory.
    7. Stateless persons
    2. UNHCR indicated that, in 2021, an online platform was launched.
    Notes
    1 A/HRC/36/11, A/HRC/36/11/Add.1 and A/HRC/36/2.
    2 United Nations country team submission, paras. 64–65.
    3 See https://www.ohchr.org/en/press-releases/2022/03/brazil-un-expert-visit-assess-peaceful-
    assembly-and-association-rights.
    4 CED/C/BRA/CO/1, para. 7.
    """

# Note 1 lists the stakeholders over many lines; a line of that list starts with a number.
STAKEHOLDER_NOTES = """
    1. JS2 denounced border push-backs.
    2. JS3 noted barriers.
    Notes
    1 The stakeholders listed below have contributed information for this summary.
    Civil society
    ADF ADF International (Switzerland);
    12 Step Foundation (Costa Rica);
    2 A/HRC/42/12, para. 3.
    3 Ibid., para. 4.
    """

ANNEX = """
    1. The recommendations will be examined by the State.

    2. All conclusions and/or recommendations set out in the present report reflect
    the positions of the submitting State(s).

    Annex

    Composition of the delegation

    The delegation was headed by the Deputy Prime Minister, and was composed of 23 members:

    1. Madina Jarbussynova, Ambassador-at-Large

    2. Mukhtar Tileuberdi, Ambassador
    """


def test_end_matter_endnotes_become_footnotes_not_paragraphs():
    seg = segment_text(ENDNOTES)
    assert [p.para for p in seg.paragraphs] == [1, 2]
    assert seg.paragraphs[-1].body == "UNHCR indicated that, in 2021, an online platform was launched."
    assert [f.number for f in seg.footnotes] == [1, 2, 3, 4]
    assert seg.footnotes[2].text.endswith("assess-peaceful-assembly-and-association-rights.")
    assert [line.text for line in seg.notes][:2] == ["Notes", "1 A/HRC/36/11, A/HRC/36/11/Add.1 and A/HRC/36/2."]


def test_end_matter_a_note_running_over_a_numbered_line_stays_one_note():
    seg = segment_text(STAKEHOLDER_NOTES)
    assert [p.para for p in seg.paragraphs] == [1, 2]
    assert [f.number for f in seg.footnotes] == [1, 2, 3]
    assert "12 Step Foundation" in seg.footnotes[0].text


def test_end_matter_an_annex_is_not_part_of_the_last_paragraph():
    seg = segment_text(ANNEX)
    assert [p.para for p in seg.paragraphs] == [1, 2]
    assert seg.paragraphs[-1].body.endswith("the positions of the submitting State(s).")
    assert seg.annex[0].text == "Annex"
    assert seg.annex[-1].text == "2. Mukhtar Tileuberdi, Ambassador"


def test_end_matter_a_flattened_annex_heading_still_opens_the_annex():
    seg = segment_text("""
        1. The review took place.
        2. All conclusions reflect the positions of the States.
        Annex Composition of the delegation
        The delegation of Kazakhstan was headed by the Deputy Prime Minister.
        """)
    assert seg.paragraphs[-1].body == "All conclusions reflect the positions of the States."
    assert len(seg.annex) == 2


def test_end_matter_a_contents_line_naming_the_annex_opens_nothing():
    seg = segment_text("""
        Annex
        1. The review took place.
        2. The delegation answered in the annex.
        """)
    assert seg.annex == []
    assert [p.para for p in seg.paragraphs] == [1, 2]
