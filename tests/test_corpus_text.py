"""The plain-text national reports of the shared corpus segment with no gaps."""

import json

import pytest
from conftest import ROOT, corpus_file

from pipeline.pipeline import process_document
from pipeline.run.settings import Settings

GOLD = ROOT / "tests" / "gold" / "segments"
EXPECTED = {
    "A-HRC-WG.6-32-AFG-1.txt": 160,
    "A-HRC-WG.6-29-BHS-1.txt": 150,
    "A-HRC-WG.6-43-FRA-1.txt": 138,
}


def gold_first_words(name):
    gold = json.loads((GOLD / name.replace(".txt", ".json")).read_text(encoding="utf-8"))
    return {g["para"]: g["first_words"] for g in gold["paragraphs"][::15]}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_text_paragraphs_are_complete_and_in_order(name):
    count, first_words = EXPECTED[name], gold_first_words(name)
    document = process_document(corpus_file(name), Settings())
    paragraphs = document.segmentation.paragraphs
    assert [p.para for p in paragraphs] == list(range(1, count + 1))
    by_number = {p.para: p for p in paragraphs}
    for number, words in first_words.items():
        assert " ".join(by_number[number].body.split()).startswith(words), number


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_text_furniture_stays_out_of_paragraph_text(name):
    document = process_document(corpus_file(name), Settings())
    for p in document.segmentation.paragraphs:
        assert "GE." not in p.text and document.symbol not in p.text, p.para
