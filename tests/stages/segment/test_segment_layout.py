"""Segmenter on PDF lines: font weight and size tell headings apart (lines built by hand)."""

from pipeline.model import Line, SourceDocument
from pipeline.stages.segment.segment import segment

BODY, HEADING = 10.0, 12.0


def pdf_source(rows):
    """rows: (text, size, bold); "" is vertical space."""
    lines = [Line(number=n, text=text, page=1, size=size, bold=bold)
             for n, (text, size, bold) in enumerate(rows, start=1)]
    return SourceDocument(doc_id="t", file="t.pdf", sha256="0" * 64, lines=lines, pages=1, encoding="pdf", kind="pdf")


def blank():
    return ("", None, False)


def test_segment_layout_bold_numeral_without_period_opens_a_section():
    seg = segment(pdf_source([
        ("I. Methodology", HEADING, True), blank(), ("1. The report was prepared.", BODY, False), blank(),
        ("II Implementation of adopted", HEADING, True), ("recommendations", HEADING, True), blank(),
        ("2. Text.", BODY, False),
    ]))
    assert [(h.id, h.title) for h in seg.outline] == [
        ("I", "Methodology"), ("II", "Implementation of adopted recommendations")]


def test_segment_layout_bold_numbered_headings_are_a_level_of_the_outline():
    seg = segment(pdf_source([
        ("I. Background", HEADING, True), blank(),
        ("1. Equality", HEADING, True), blank(), ("1. Text one.", BODY, False), blank(),
        ("2. Right to life", HEADING, True), blank(), ("2. Text two.", BODY, False), blank(),
        ("II. Implementation", HEADING, True), blank(), ("A. Rule of law", HEADING, True), blank(),
        ("1. Gender equality", HEADING, True), blank(), ("3. Text three.", BODY, False),
    ]))
    assert [(h.level, h.id) for h in seg.outline] == [
        ("section", "I"), ("subsection", "I.1"), ("subsection", "I.2"),
        ("section", "II"), ("subsection", "II.A"), ("subsubsection", "II.A.1"),
    ]
    assert [(p.para, p.subsection.id) for p in seg.paragraphs] == [(1, "I.1"), (2, "I.2"), (3, "II.A")]


def test_segment_layout_footnote_lines_stay_out_of_paragraphs():
    source = pdf_source([("1. Text that cites a note.", BODY, False), ("1 The note.", 8.0, False),
                         ("2. Next text.", BODY, False)])
    source.footnote_lines = [2]
    seg = segment(source)
    assert [p.body for p in seg.paragraphs] == ["Text that cites a note.", "Next text."]
    assert [line.number for line in seg.notes] == [2]


def test_segment_layout_a_table_of_figures_is_a_block_not_prose_or_headings():
    seg = segment(pdf_source([
        ("1. Backlogs have been reduced to the point where they are no systemic problem.", BODY, False), blank(),
        ("Percentage", BODY, False), ("decrease", BODY, False),
        ("Courts 30.12.2008 31.12.2009 (2008–2013)", BODY, False), blank(),
        ("District 10,748 14,452 +87.8%", BODY, False), blank(),
        ("Local 262,656 239,477 -38.8%", BODY, False), blank(),
        ("Table 1: Backlogs in courts as at 30", BODY, False), ("September 2013.", BODY, False), blank(),
        ("2. Kazakhstan considers that recommendations Nos. 7, 8, 9, 10, 11, 12, 13,", BODY, False),
        ("26, 27, 28, 29, 31, 32, 34, 35, 36, 37, 38, 39, 41, 42,", BODY, False),
        ("56, 57, 58, 59, 60, 61, 62, 63, 69, 70, 71 are accepted.", BODY, False),
    ]))
    first, second = seg.paragraphs
    assert first.body == "Backlogs have been reduced to the point where they are no systemic problem."
    assert [line.text for line in seg.tables][0] == "Percentage"
    assert seg.tables[-1].text == "September 2013."
    assert seg.outline == []
    assert len(second.lines) == 3
