"""Segmenter behaviour, one small hand-written text per kind of damage."""

from conftest import segment_text


def numbers(seg):
    return [p.para for p in seg.paragraphs]


def test_segment_reads_damaged_paragraph_numbers():
    seg = segment_text("""
        1 This report was prepared by a working group.

        2. A series of workshops were held.

        3, The proposals improved the report.

        4l. Several NGOs took part.

        [5. The discussions included experts.
        """)
    assert numbers(seg) == [1, 2, 3, 4, 5]
    assert seg.paragraphs[3].body.startswith("Several NGOs")


def test_segment_keeps_number_led_continuation_lines_in_their_paragraph():
    seg = segment_text("""
        1. New passports were introduced in
        2009, and electronic identity cards are planned.

        2. The second paragraph.
        """)
    assert numbers(seg) == [1, 2]
    assert "2009, and electronic" in seg.paragraphs[0].body


def test_segment_takes_the_numbering_sequence_over_an_abbreviation_list():
    seg = segment_text("""
        Abbreviations
        1. CIS Commonwealth of Independent States
        2. OSCE Organization for Security and Co-operation in Europe

        I. Introduction

        1. The report was prepared.

        2. It was adopted.

        3. It was published.
        """)
    assert numbers(seg) == [1, 2, 3]
    assert seg.paragraphs[0].body.startswith("The report")
    assert seg.paragraphs[0].section.id == "I"


def test_segment_reads_ocr_damaged_roman_numerals_and_infers_missing_ones():
    seg = segment_text("""
        M ethodology

        1. Text one.

        Country background

        2. Text two.

        [11. Normative framework for the promotion
        and protection of human rights

        3. Text three.
        """)
    sections = [(p.para, p.section.id, p.section.title) for p in seg.paragraphs]
    assert sections == [
        (1, "I", "M ethodology"),
        (2, "II", "Country background"),
        (3, "III", "Normative framework for the promotion and protection of human rights"),
    ]
    assert [h.inferred for h in seg.outline] == [True, True, False]


def test_segment_infers_a_subsection_letter_between_its_neighbours():
    seg = segment_text("""
        V. Promotion and protection

        A. Right to life

        1. Text.

        B.

        Right to privacy

        2. Text.

        Equality and non-discrimination

        3. Text.

        D. Protection against torture

        4. Text.
        """)
    subsections = [(p.para, p.subsection.numeral, p.subsection.title) for p in seg.paragraphs]
    assert subsections == [
        (1, "A", "Right to life"),
        (2, "B", "Right to privacy"),
        (3, "C", "Equality and non-discrimination"),
        (4, "D", "Protection against torture"),
    ]


def test_segment_attaches_a_floating_numeral_to_the_next_unnumbered_heading():
    seg = segment_text("""
        V. Health

        1. Patients are sent abroad under a
         VI.

        programme that covers some of them.

        Challenges and achievements

        2. Text.
        """)
    assert seg.paragraphs[0].body.endswith("programme that covers some of them.")
    assert "VI" not in seg.paragraphs[0].body
    assert (seg.paragraphs[1].section.id, seg.paragraphs[1].section.title) == ("VI", "Challenges and achievements")


def test_segment_letter_v_after_u_is_a_subsection_not_a_section():
    text = "V. Promotion\n\n" + "".join(
        f"{chr(ord('A') + k)}. Topic {k}\n\n{k + 1}. Text {k}.\n\n" for k in range(22)
    )
    seg = segment_text(text)
    last = seg.paragraphs[-1]
    assert (last.section.id, last.subsection.numeral) == ("V", "V")


def test_segment_keeps_bullets_in_their_paragraph_and_lists_them_as_items():
    seg = segment_text("""
        1. The State seeks the development of:

        » Simplifying procedures, including
        simplifying pretrial procedures

        * Regulating preliminary inquiries
         Improving legal assistance

        2. Next.
        """)
    items = seg.paragraphs[0].items
    assert [i.marker for i in items] == ["»", "*", ""]
    assert items[0].text == "Simplifying procedures, including\nsimplifying pretrial procedures"
    assert numbers(seg) == [1, 2]
    assert not seg.outline


def test_segment_removes_page_furniture_and_numbers_pages_from_the_footer():
    seg = segment_text("""
        1. First paragraph that runs
        across the page break.

        GE.09-17130 5



        A/HRC/WG.6/7/KAZ/1

        2. Second paragraph.
        """)
    first, second = seg.paragraphs
    assert "GE.09" not in first.body and "A/HRC" not in first.body
    assert first.pages == [5] and second.pages == [6]


def test_segment_treats_numbered_subheadings_and_endnotes_apart_from_paragraphs():
    seg = segment_text("""
        I. Groups
        1. Children
        1. The Act was enacted in 2009.
        2. Women
        2. A council was created.
        3. It meets monthly.
        1 Recommendation 3, 5 and 26.
        2 Recommendation 43.
        """)
    assert numbers(seg) == [1, 2, 3]
    assert [h.title for h in seg.outline if h.level == "topic"] == ["Children", "Women"]
    assert seg.paragraphs[-1].body == "It meets monthly."
    assert len(seg.notes) == 2


def test_segment_warns_when_there_are_no_numbered_paragraphs():
    seg = segment_text("Just some text.\nWith two lines.\n")
    assert seg.paragraphs == []
    assert seg.warnings


def test_segment_a_list_numbered_again_after_a_colon_is_items_of_its_paragraph():
    seg = segment_text("""
        1. The review took place.

        2. The recommendations below enjoy support:
        1. To ratify the Convention (Brazil);
        2. To adopt a law (Spain);
        3. To consider a plan (Chile).

        3. The following recommendations will be examined:
        1. To join the declaration (France).

        4. All conclusions reflect the positions of the States.
        """)
    assert numbers(seg) == [1, 2, 3, 4]
    assert [i.marker for i in seg.paragraphs[1].items] == ["1.", "2.", "3."]
    assert [i.marker for i in seg.paragraphs[2].items] == ["1."]


def test_segment_reads_a_paragraph_number_standing_alone_on_its_line():
    seg = segment_text("""
        1.
        The Working Group held its session.

        2.
        On 7 September the Council selected rapporteurs.
        """)
    assert numbers(seg) == [1, 2]
    assert seg.paragraphs[1].body == "On 7 September the Council selected rapporteurs."


def test_segment_takes_a_footnote_out_of_the_sentence_it_interrupts():
    seg = segment_text("""
        1. It stressed regular engagement with the treaty
        1 Chile, Slovakia, Iraq and Italy
        bodies and the Council.

        2. The Sudan made recommendations.
        """)
    assert seg.paragraphs[0].body == "It stressed regular engagement with the treaty\nbodies and the Council."
    assert [(f.number, f.text) for f in seg.footnotes] == [(1, "Chile, Slovakia, Iraq and Italy")]


def test_segment_keeps_number_led_lines_that_are_not_the_next_footnote():
    seg = segment_text("""
        1. The budget reached
        15 Million tenge in total
        and was spent.

        2. Next.
        """)
    assert "15 Million tenge" in seg.paragraphs[0].body
    assert seg.footnotes == []


def test_segment_replies_of_an_addendum_by_recommendation_are_items():
    seg = segment_text("""
        1. The Government accepts the recommendations.

        2. The Government takes note of recommendations 140.1, 140.2,
        140.22, 140.23
        and wishes to provide the following information:
        Recs. 6–13 The Government is currently not planning to ratify the Convention.
        Rec. 17 All the essential elements of the Convention are in the Act.
        140.22-25
        The fight against discrimination is regulated by strategic documents.
        """)
    assert [i.marker for i in seg.paragraphs[1].items] == ["Recs. 6–13", "Rec. 17", "140.22-25"]
    assert seg.paragraphs[1].items[-1].text.endswith("regulated by strategic documents.")


def test_segment_a_list_after_a_sentence_is_items_when_the_numbering_resumes_after_it():
    seg = segment_text("""
        1. The review took place.

        2. The recommendations below enjoy the support of the State.
        1. To ratify the Convention (Brazil);
        2. To adopt a law (Spain);
        3. To consider a plan (Chile).

        3. All conclusions reflect the positions of the States.
        """)
    assert numbers(seg) == [1, 2, 3]
    assert [i.marker for i in seg.paragraphs[1].items] == ["1.", "2.", "3."]


def test_segment_a_numbering_that_starts_again_after_a_sentence_stays_the_numbering():
    seg = segment_text("""
        Abbreviations used in the report.
        1. CIS Commonwealth of Independent States.
        2. OSCE Organization for Security and Co-operation in Europe.
        The report was prepared by the Government.
        1. The report was prepared.
        2. It was adopted.
        3. It was published.
        """)
    assert numbers(seg) == [1, 2, 3]
    assert seg.paragraphs[0].body == "The report was prepared."


def test_segment_a_body_line_after_a_sentence_is_no_heading_without_evidence():
    seg = segment_text("""
        Women
        1. JS4 reported that the Code discriminated against women.111
        However, the legislative package was returned to the Working Group because it contained
        references to gender.112 JS4 added that the conflict in the east
        had exacerbated the problem.113
        Accountability for such violations was also of concern to JS6 and the Information Group on
        Crimes against the Person (IGCP).51
        2. The Committee was concerned.
        """)
    assert [h.title for h in seg.outline] == ["Women"]
    assert seg.paragraphs[0].body.endswith("Crimes against the Person (IGCP).51")
    assert seg.unassigned == []


def test_segment_a_reply_to_several_recommendations_keeps_the_numbering_going():
    seg = segment_text("""
        1. Slovenia accepts the recommendation.
        2. Slovenia accepts the recommendation.
        3. Slovenia notes the recommendation.
        4. Slovenia accepts the recommendation.
        5., 6., 7. Slovenia accepts these recommendations; the law was amended in 2014.
        8. Slovenia notes the recommendation.
        9. Slovenia accepts the recommendation.
        """)
    assert numbers(seg) == [1, 2, 3, 4, 5, 8, 9]
    assert seg.paragraphs[4].body.startswith("6., 7. Slovenia accepts these")
