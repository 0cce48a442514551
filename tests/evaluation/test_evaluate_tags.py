"""Tag evaluation: gold located in the text by normalized words, matched by overlap."""

import copy
from pathlib import Path

import pytest

from evaluation import evaluate_tags
from evaluation.evaluate import Score
from evaluation.evaluate_tags import BLIND_TUNED_TITLE, HELD_OUT_TITLE, TagScores, locate, match_spans, same_amount, tag_scores_of_all


def test_evaluate_tags_locates_gold_despite_spacing_and_repeats():
    text = "rights in Kazakhstan; 5 to 500 and 5 more"
    assert locate(text, ["rightsin Kazakhstan", "5", "5"]) == [(0, 20), (22, 23), (35, 36)]


def test_evaluate_tags_locates_a_repeated_word_outside_an_earlier_gold_span():
    text = "seven people were sentenced, seven of them to prison"
    assert locate(text, ["seven people", "seven"]) == [(0, 12), (29, 34)]


def test_evaluate_tags_matches_by_overlap_within_a_kind_group():
    text = "up to 15 days and 30 per cent"
    gold = [{"text": "15 days", "kind": "measure"}, {"text": "30 per cent", "kind": "percent"}]
    found = [{"text": "up to 15 days", "kind": "count", "start_char": 0, "end_char": 13},
             {"text": "30", "kind": "count", "start_char": 18, "end_char": 20}]
    group = {"measure": "cm", "count": "cm", "percent": "percent"}
    pairs, missed, extra = match_spans(text, gold, found, lambda a: group[a["kind"]])
    assert (len(pairs), [m["text"] for m in missed], [e["text"] for e in extra]) == (1, ["30 per cent"], ["30"])


def test_evaluate_tags_compares_counts_by_their_head_noun():
    gold = {"kind": "count", "value": 22, "unit": "ethnic minority language"}
    assert same_amount(gold, {"value": 22, "unit": "language"})
    assert not same_amount(gold, {"value": 22, "unit": None})


@pytest.fixture
def two_scored_documents(monkeypatch):
    """A tuned document with 3 dates found and a held-out one with 1 found and 1 missed."""
    golds = [{"doc_id": "tuned"}, {"doc_id": "blind", "held_out": True}]
    scores = {"tuned": Score(true_positive=3), "blind": Score(true_positive=1, false_negative=1)}
    monkeypatch.setattr(evaluate_tags, "_load", lambda gold_dir: golds)
    monkeypatch.setattr(evaluate_tags, "tag_scores",
                        lambda gold: TagScores(totals={"dates": copy.copy(scores[gold["doc_id"]])}))


def test_evaluate_tags_totals_held_out_documents_apart(two_scored_documents):
    everything = tag_scores_of_all(Path("gold"))
    held_out = tag_scores_of_all(Path("gold"), held_out_only=True)
    assert (everything.totals["dates"].true_positive, everything.totals["dates"].false_negative) == (4, 1)
    assert (held_out.totals["dates"].true_positive, held_out.totals["dates"].false_negative) == (1, 1)


def test_evaluate_tags_prints_the_held_out_block_after_all_documents(two_scored_documents, capsys):
    evaluate_tags.evaluate_tags(Path("gold"))
    out = capsys.readouterr().out
    held_out_block = out[out.index(HELD_OUT_TITLE):]
    assert out.index("all documents") < out.index(HELD_OUT_TITLE)
    assert "P 100.0%  R  50.0%" in held_out_block and "(tp 1, fp 0, fn 1)" in held_out_block


@pytest.fixture
def three_scored_documents(monkeypatch):
    """The project's own gold, a blind one tuned on, and a held-out one."""
    golds = [{"doc_id": "own"}, {"doc_id": "tuned", "annotated_blind": True, "held_out": False},
             {"doc_id": "blind", "annotated_blind": True, "held_out": True}]
    scores = {"own": Score(true_positive=3), "tuned": Score(true_positive=2, false_positive=2),
              "blind": Score(true_positive=1, false_negative=1)}
    monkeypatch.setattr(evaluate_tags, "_load", lambda gold_dir: golds)
    monkeypatch.setattr(evaluate_tags, "tag_scores",
                        lambda gold: TagScores(totals={"dates": copy.copy(scores[gold["doc_id"]]),
                                                       "entity PERSON": Score()}))


def test_evaluate_tags_totals_blind_documents_tuned_on_apart(three_scored_documents, capsys):
    tuned = tag_scores_of_all(Path("gold"), group="blind tuned")
    assert (tuned.totals["dates"].true_positive, tuned.totals["dates"].false_positive) == (2, 2)
    evaluate_tags.evaluate_tags(Path("gold"))
    out = capsys.readouterr().out
    assert out.index("all documents") < out.index(BLIND_TUNED_TITLE) < out.index(HELD_OUT_TITLE)
    assert "(tp 2, fp 2, fn 0)" in out[out.index(BLIND_TUNED_TITLE):out.index(HELD_OUT_TITLE)]


def test_evaluate_tags_prints_an_empty_class_as_not_applicable(three_scored_documents, capsys):
    evaluate_tags.evaluate_tags(Path("gold"))
    lines = [line for line in capsys.readouterr().out.splitlines() if "entity PERSON" in line]
    assert lines and all("P    n/a  R    n/a  F1    n/a" in line for line in lines)


def test_evaluate_tags_strict_scores_count_a_wrong_value_as_missed_and_extra():
    from collections import Counter, defaultdict

    from evaluation.evaluate import Accuracy
    from evaluation.evaluate_tags import score_amounts

    totals, exact = defaultdict(Score), defaultdict(Accuracy)
    gold = [{"text": "5 cars", "kind": "count", "value": 5, "unit": "car"},
            {"text": "7 boats", "kind": "count", "value": 7, "unit": "boat"}]
    found = [{"text": "5 cars", "start_char": 0, "end_char": 6, "kind": "count", "value": 5, "unit": "car"},
             {"text": "7 boats", "start_char": 11, "end_char": 18, "kind": "count", "value": 7, "unit": None}]
    score_amounts("5 cars and 7 boats", gold, found, totals, exact, Counter())
    strict = totals["amounts count/measure strict"]
    assert (strict.true_positive, strict.false_positive, strict.false_negative) == (1, 1, 1)
    assert totals["amounts count/measure"].true_positive == 2
