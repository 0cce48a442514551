"""Held-out OCR figures: the damage generator, the site scoring, and a floor on the corpus."""

from __future__ import annotations

import random

import pytest

from evaluation import ocr_eval
from evaluation import ocr_heldout
from evaluation.evaluate import processed
from evaluation.ocr_heldout import Site
from tests.conftest import corpus_file

WORDS = ("The Government of the Republic has adopted a national programme on the protection of "
         "human rights and fundamental freedoms , 2010-2012 .").split() * 20


def test_ocr_heldout_damage_is_seeded_and_sites_point_at_the_original_words():
    damaged, sites = ocr_heldout.damage(WORDS, random.Random(1))
    assert (damaged, sites) == ocr_heldout.damage(WORDS, random.Random(1))
    assert sites and {site.kind for site in sites} <= set(ocr_heldout.KINDS)
    for site in sites:
        original = WORDS[site.first:site.last + 1]
        assert all(ocr_heldout.WORD_RE.fullmatch(word) for word in original)
        if site.kind == "glued":
            assert site.damaged == "".join(original)
        elif site.kind == "split":
            assert site.damaged.replace(" ", "") == original[0] and " " in site.damaged
        else:
            assert len(site.damaged) == len(original[0]) - 1
    assert " ".join(damaged).split() != WORDS


def test_ocr_heldout_scores_fixed_missed_and_false_corrections():
    original = "the special rapporteur visited the country".split()
    sites = [Site("dropped_letter", 1, 1, "specia"), Site("glued", 4, 5, "thecountry")]
    score = ocr_heldout.score_paragraph(original, sites, "the special reporter visited thecountry")
    assert (score.fixed["dropped_letter"], score.fixed["glued"], sum(score.total.values())) == (1, 0, 2)
    assert score.unfixed == ["glued: 'the country' read 'thecountry', cleaned 'thecountry'"]
    assert score.false_corrections == ["'rapporteur' -> 'reporter'"]


@pytest.mark.parametrize("name", ocr_eval.BORN_DIGITAL)
def test_ocr_heldout_repair_stays_above_its_floor_without_false_corrections(name):
    score = ocr_heldout.evaluate_document(processed(corpus_file(name)))
    assert sum(score.fixed.values()) / sum(score.total.values()) >= 0.72
    assert score.false_corrections == []
