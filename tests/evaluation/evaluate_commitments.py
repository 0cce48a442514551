"""Commitment figures against tests/gold/commitments (part of `make eval`).

A found commitment matches a gold one in the same paragraph when its sentence contains the
gold `sentence_start` (or `text`, the first words, as GUIDELINES.md writes them; compared
without spaces, case or punctuation: OCR glues words). Prints precision/recall/F1 for
pledge+pending together and for each kind (need apart), then, over the matched commitments,
actor, deadline (end date) and speaker accuracy, and the deadline's relation where both have
a deadline and the gold gives one; for each document, for all together, for the tuned ones
and for the held-out ones (gold marked "held_out", annotated blind) apart. `python -m
evaluation.evaluate_commitments --misses` also lists what was missed or found in excess.
A gold deadline is {"text", "end"[, "relation"]} or null, or `deadline_end` as GUIDELINES.md writes it.

Sources are looked up by doc_id in raw/ and in the shared corpus (UPR_CORPUS, default
../shared/corpus); a document whose source is absent, or that yields no paragraphs, is
skipped with a note.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluation.evaluate import ROOT, Accuracy, Score, normalize_words, processed
from pipeline.errors import PipelineError
from evaluation.evaluate_tags import HELD_OUT_TITLE

TARGET_KINDS = ("pledge", "pending")
TUNED_TITLE = "tuned documents (not held out)"
KINDS = ("pledge", "pending", "need")


@dataclass
class Pair:
    gold: dict[str, Any] | None
    found: dict[str, Any] | None


def corpus_dirs() -> list[Path]:
    return [ROOT / "raw", Path(os.environ.get("UPR_CORPUS", ROOT.parent / "shared" / "corpus"))]


def gold_source(doc_id: str) -> Path | None:
    candidates = [folder / f"{doc_id}{suffix}" for folder in corpus_dirs() for suffix in (".txt", ".pdf")]
    return next((path for path in candidates if path.exists()), None)


def found_commitments(source: Path) -> list[dict[str, Any]]:
    document = processed(source)
    return [{"para": p.para, **c} for p in document.segmentation.paragraphs for c in p.commitments]


def match(gold: list[dict[str, Any]], found: list[dict[str, Any]]) -> list[Pair]:
    """Pair gold and found commitments by paragraph and sentence; the rest stay single."""
    unmatched = list(found)
    pairs = []
    for g in gold:
        start = normalize_words(sentence_start(g))
        same_para = [f for f in unmatched if f["para"] == g["para"]]
        hit = next((f for f in same_para if normalize_words(f["text"]).startswith(start)), None)
        hit = hit or next((f for f in same_para if start in normalize_words(f["text"])), None)
        if hit is not None:
            unmatched.remove(hit)
        pairs.append(Pair(g, hit))
    return pairs + [Pair(None, f) for f in unmatched]


def kind_score(pairs: list[Pair], kinds: tuple[str, ...]) -> Score:
    score = Score()
    for pair in pairs:
        gold_in = pair.gold is not None and pair.gold["kind"] in kinds
        found_in = pair.found is not None and pair.found["kind"] in kinds
        score.true_positive += gold_in and found_in
        score.false_negative += gold_in and not found_in
        score.false_positive += found_in and not gold_in
    return score


def sentence_start(commitment: dict[str, Any]) -> str:
    return commitment.get("sentence_start") or commitment["text"]


def deadline_end(commitment: dict[str, Any]) -> str | None:
    if commitment.get("deadline"):
        return commitment["deadline"]["end"]
    return commitment.get("deadline_end")


def deadline_relation(commitment: dict[str, Any]) -> str | None:
    return (commitment.get("deadline") or {}).get("relation")


def scores(pairs: list[Pair]) -> dict[str, Score | Accuracy]:
    result: dict[str, Score | Accuracy] = {"pledge+pending": kind_score(pairs, TARGET_KINDS)}
    result.update({kind: kind_score(pairs, (kind,)) for kind in KINDS})
    actor, deadline, relation, speaker = Accuracy(), Accuracy(), Accuracy(), Accuracy()
    for pair in pairs:
        if pair.gold is None or pair.found is None:
            continue
        actor.add(pair.gold["actor"].lower() == pair.found["actor"].lower())
        deadline.add(deadline_end(pair.gold) == deadline_end(pair.found))
        if deadline_relation(pair.gold) and deadline_end(pair.found):
            relation.add(deadline_relation(pair.gold) == deadline_relation(pair.found))
        if pair.gold.get("speaker"):
            speaker.add(pair.gold["speaker"].lower() == pair.found.get("speaker", "").lower())
    result["actor (matched)"] = actor
    result["deadline end (matched)"] = deadline
    result["deadline relation (both dated)"] = relation
    result["speaker (matched)"] = speaker
    return result


def merge(total: dict[str, Score | Accuracy], part: dict[str, Score | Accuracy]) -> None:
    for name, value in part.items():
        if isinstance(value, Score):
            total.setdefault(name, Score()).add(value)
        else:
            acc = total.setdefault(name, Accuracy())
            acc.right += value.right
            acc.total += value.total


def document_pairs(gold: dict[str, Any]) -> list[Pair] | None:
    source = gold_source(gold["doc_id"])
    if source is None:
        print(f"  skip {gold['doc_id']}: source not found in {', '.join(map(str, corpus_dirs()))}")
        return None
    try:
        found = found_commitments(source)
    except PipelineError as exc:
        print(f"  fail {gold['doc_id']}: {exc}")
        return None
    if not processed(source).segmentation.paragraphs:
        print(f"  skip {gold['doc_id']}: no paragraphs came out of {source.name}")
        return None
    return match(gold["commitments"], found)


def evaluate_commitments(gold_dir: Path, misses: bool = False) -> None:
    print("== commitments (tests/gold/commitments) ==")
    totals: dict[str, Score | Accuracy] = {}
    tuned_totals: dict[str, Score | Accuracy] = {}
    held_out_totals: dict[str, Score | Accuracy] = {}
    for path in sorted((gold_dir / "commitments").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        pairs = document_pairs(gold)
        if pairs is None:
            continue
        part = scores(pairs)
        print(f"  {gold['doc_id']}")
        for name, value in part.items():
            print("    " + value.line(name))
        merge(totals, part)
        merge(held_out_totals if gold.get("held_out") else tuned_totals, part)
        if misses:
            print_misses(pairs)
    print("  all documents")
    for name, value in totals.items():
        print("    " + value.line(name))
    for title, part in ((TUNED_TITLE, tuned_totals), (HELD_OUT_TITLE, held_out_totals)):
        if part:
            print(f"  {title}")
            for name, value in part.items():
                print("    " + value.line(name))


def print_misses(pairs: list[Pair]) -> None:
    for pair in pairs:
        g, f = pair.gold, pair.found
        if g is not None and f is None:
            print(f"      MISS  {g['para']:>3} {g['kind']:<7} {sentence_start(g)}")
        elif g is None and f is not None:
            print(f"      EXTRA {f['para']:>3} {f['kind']:<7} [{f['trigger']}] {f['text'][:110]}")
        elif g is not None and f is not None:
            notes = []
            if g["kind"] != f["kind"]:
                notes.append(f"kind {f['kind']} (gold {g['kind']}) [{f['trigger']}]")
            if g["actor"].lower() != f["actor"].lower():
                notes.append(f"actor {f['actor']!r} (gold {g['actor']!r})")
            if deadline_end(g) != deadline_end(f):
                notes.append(f"deadline {deadline_end(f)} (gold {deadline_end(g)})")
            if g.get("speaker") and g["speaker"].lower() != f.get("speaker", "").lower():
                notes.append(f"speaker {f.get('speaker')!r} (gold {g['speaker']!r})")
            if notes:
                print(f"      DIFF  {g['para']:>3} {sentence_start(g)[:40]:<40} " + "; ".join(notes))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.evaluate_commitments", description=__doc__)
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold")
    parser.add_argument("--misses", action="store_true", help="list misses, extras and wrong fields")
    args = parser.parse_args(argv)
    evaluate_commitments(args.gold, misses=args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
