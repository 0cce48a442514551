"""Commitment evaluation: pairing by paragraph and sentence, totals for held-out gold apart."""

import json

import pytest

from evaluation import evaluate_commitments
from evaluation.evaluate_commitments import TUNED_TITLE, Pair, match
from evaluation.evaluate_tags import HELD_OUT_TITLE


def commitment(para: int, kind: str, text: str) -> dict:
    return {"para": para, "kind": kind, "sentence_start": text, "text": text, "actor": "Government",
            "deadline": None, "trigger": "t"}


def test_evaluate_commitments_matches_within_the_paragraph_by_sentence_start():
    gold = [commitment(3, "pledge", "The Government will draft"), commitment(4, "pending", "A bill is")]
    found = [commitment(3, "pledge", "Also, the Government will draft a law."), commitment(5, "pending", "A bill is")]
    pairs = match(gold, found)
    assert [(p.gold is not None, p.found is not None) for p in pairs] == [(True, True), (True, False), (False, True)]


@pytest.fixture
def gold_dir_with_a_held_out_document(tmp_path, monkeypatch):
    """A tuned document whose one pledge is found and a held-out one whose pledge is missed."""
    (tmp_path / "commitments").mkdir()
    pledge = commitment(1, "pledge", "It will")
    for doc_id, held_out in (("tuned", False), ("blind", True)):
        gold = {"doc_id": doc_id, "commitments": [pledge], **({"held_out": True} if held_out else {})}
        (tmp_path / "commitments" / f"{doc_id}.json").write_text(json.dumps(gold), encoding="utf-8")
    pairs = {"tuned": [Pair(pledge, pledge)], "blind": [Pair(pledge, None)]}
    monkeypatch.setattr(evaluate_commitments, "document_pairs", lambda gold: pairs[gold["doc_id"]])
    return tmp_path


def test_evaluate_commitments_totals_held_out_documents_apart(gold_dir_with_a_held_out_document, capsys):
    evaluate_commitments.evaluate_commitments(gold_dir_with_a_held_out_document)
    out = capsys.readouterr().out
    everything = out[out.index("all documents"):out.index(TUNED_TITLE)]
    tuned = out[out.index(TUNED_TITLE):out.index(HELD_OUT_TITLE)]
    held_out = out[out.index(HELD_OUT_TITLE):]
    assert "(tp 1, fp 0, fn 1)" in everything.splitlines()[1]
    assert "(tp 1, fp 0, fn 0)" in tuned.splitlines()[1]
    assert "(tp 0, fp 0, fn 1)" in held_out.splitlines()[1]


def test_evaluate_commitments_scores_speaker_and_relation_of_the_matched():
    gold = {**commitment(1, "pledge", "It will"), "speaker": "State",
            "deadline": {"text": "by 2020", "end": "2020-12-31", "relation": "by"}}
    right = {**commitment(1, "pledge", "It will"), "speaker": "State",
             "deadline": {"text": "by 2020", "end": "2020-12-31", "relation": "by"}}
    wrong = {**right, "speaker": "OHCHR", "deadline": {**right["deadline"], "relation": "in"}}
    assert evaluate_commitments.scores([Pair(gold, right)])["speaker (matched)"].value == 1.0
    scored = evaluate_commitments.scores([Pair(gold, wrong)])
    assert scored["speaker (matched)"].value == 0.0 and scored["deadline relation (both dated)"].value == 0.0
    assert scored["deadline end (matched)"].value == 1.0


def test_evaluate_commitments_reads_the_guidelines_fields():
    """GUIDELINES.md writes the first words as `text` and the deadline as `deadline_end`."""
    gold = {"para": 2, "kind": "pledge", "text": "The Government will", "actor": "Government", "deadline_end": "2010-12-31"}
    found = {**commitment(2, "pledge", "The Government will build."), "deadline": {"text": "in 2010", "end": "2010-12-31"}}
    (pair,) = match([gold], [found])
    assert pair.found is found
    assert evaluate_commitments.scores([pair])["deadline end (matched)"].value == 1.0
