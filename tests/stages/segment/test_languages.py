"""The language of each paragraph: a bilingual report's French paragraphs are flagged and
left out of the English tagging."""

from conftest import segment_text

BILINGUAL = """
    1. The Working Group held its sixth session from 2 to 13 February 2009. The review of
    the Comoros was held at the fifteenth meeting, and the delegation was headed by the Secretary.

    2. Toutefois, le Gouvernement comorien a adopté en juin 2008 une politique nationale sur
    l’égalité et l’équité de genre, et il a souligné la richesse du cadre juridique du pays.

    3. (a) Marta Santos Pais (Portugal);
    """


def test_languages_each_paragraph_records_its_language():
    seg = segment_text(BILINGUAL)
    assert [p.language for p in seg.paragraphs] == ["en", "fr", None]


def test_languages_paragraphs_in_another_language_are_not_tagged():
    seg = segment_text(BILINGUAL)
    assert [p.para for p in seg.tagged_paragraphs] == [1, 3]
    assert seg.warnings == ["1 paragraphs are not in English (fr: 1): they are not tagged"]
