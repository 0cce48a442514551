"""OCR repair figures: the gold matching, and the quality floors `make eval` reports."""

from __future__ import annotations

import json

import pytest

from evaluation import ocr_eval
from evaluation.evaluate import processed
from pipeline.model import Heading
from tests.conftest import ROOT, SEED, corpus_file

GOLD = json.loads((ROOT / "tests" / "gold" / "ocr" / "A-HRC-WG.6-7-KAZ-1.json").read_text(encoding="utf-8"))


def test_ocr_eval_corrects_whole_words_only_in_the_expected_context():
    error = {"para": 1, "original": "al", "correction": "all", "context": "health of al women"}
    assert ocr_eval.expected_variants(error, [error]) == ["health of all women"]


def test_ocr_eval_lets_a_neighbouring_error_be_fixed_or_not():
    first = {"para": 1, "original": "politica", "correction": "political", "context": "politica officias"}
    second = {"para": 1, "original": "officias", "correction": "officials", "context": "politica officias"}
    assert ocr_eval.expected_variants(first, [first, second]) == ["political officias", "political officials"]


def test_ocr_eval_reads_heading_changes_from_the_raw_title():
    heading = Heading("J", "subsection", "J", "Rights of migrants and refugees", 504, 504,
                      raw_title="Rightsof migrantsand refugees")
    changes = [(c.original, c.replacement) for c in ocr_eval.heading_changes(heading)]
    assert changes == [("Rightsof migrantsand", "Rights of migrants and")]


def test_ocr_eval_seed_repair_stays_above_its_floor():
    score = ocr_eval.score_seed(GOLD, processed(SEED))
    fixed, total = sum(score.fixed.values()), sum(score.total.values())
    assert fixed / total >= 0.95  # the target
    assert sum(score.false.values()) == 0
    assert ocr_eval.damaged_rare_words(GOLD, processed(SEED)) == []


@pytest.mark.parametrize("name", ocr_eval.BORN_DIGITAL)
def test_ocr_eval_born_digital_text_is_left_alone(name):
    changes, words = ocr_eval.born_digital_changes(processed(corpus_file(name)))
    assert len(changes) <= words / 5000  # the budget: one false correction per 5,000 words
