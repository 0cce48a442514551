"""Commitment evaluation: pairing by paragraph and sentence, totals for held-out gold apart."""

import json

import pytest

from evaluation import evaluate_commitments
from evaluation.evaluate_commitments import Pair, match
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
    everything = out[out.index("all documents"):out.index(HELD_OUT_TITLE)]
    held_out = out[out.index(HELD_OUT_TITLE):]
    assert "(tp 1, fp 0, fn 1)" in everything.splitlines()[1]
    assert "(tp 0, fp 0, fn 1)" in held_out.splitlines()[1]
