"""Quality figures against hand-checked gold: `python -m pipeline.evaluate` (`make eval`).

Each evaluator reads one kind of gold under tests/gold/ and prints precision,
recall and F1 (or accuracy) per field. Documents whose source is absent (the
shared corpus on another machine) are skipped with a note.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import PipelineError
from .model import Document
from .pipeline import process_document
from .settings import Settings

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positive + self.false_negative
        return self.true_positive / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.true_positive += other.true_positive
        self.false_positive += other.false_positive
        self.false_negative += other.false_negative

    def line(self, name: str) -> str:
        return (
            f"{name:<34} P {self.precision:6.1%}  R {self.recall:6.1%}  F1 {self.f1:6.1%}"
            f"  (tp {self.true_positive}, fp {self.false_positive}, fn {self.false_negative})"
        )


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    def line(self, name: str) -> str:
        return f"{name:<34} {self.value:6.1%}  ({self.right}/{self.total})"


def normalize_words(text: str) -> str:
    """Compare texts regardless of spacing, case and punctuation (OCR splits words)."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def resolve_source(gold_source: str) -> Path:
    path = (ROOT / gold_source).resolve()
    return path


@lru_cache(maxsize=None)
def processed(source: Path) -> Document:
    return process_document(source, Settings())


def load_gold(kind: str, gold_dir: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((gold_dir / kind).glob("*.json"))]


def gold_document(gold: dict) -> Document | None:
    source = resolve_source(gold["source"])
    if not source.exists():
        print(f"  skip {gold['doc_id']}: {gold['source']} not found")
        return None
    try:
        return processed(source)
    except PipelineError as exc:
        print(f"  fail {gold['doc_id']}: {exc}")
        return None


def evaluate_segments(gold_dir: Path) -> None:
    print("== segmentation (tests/gold/segments) ==")
    totals = {"paragraphs": Score(), "section": Accuracy(), "subsection": Accuracy(), "outline": Score()}
    for gold in load_gold("segments", gold_dir):
        document = gold_document(gold)
        if document is None:
            continue
        scores = segment_scores(gold, document)
        print(f"  {gold['doc_id']}")
        for name, score in scores.items():
            print("    " + score.line(name))
            totals[name].add(score) if isinstance(score, Score) else _merge_accuracy(totals[name], score)
    print("  all documents")
    for name, score in totals.items():
        print("    " + score.line(name))


def _merge_accuracy(total: Accuracy, part: Accuracy) -> None:
    total.right += part.right
    total.total += part.total


def segment_scores(gold: dict, document: Document) -> dict:
    found = {p.para: p for p in document.segmentation.paragraphs}
    paragraphs, section, subsection = Score(), Accuracy(), Accuracy()
    for g in gold["paragraphs"]:
        p = found.get(g["para"])
        words = normalize_words(g["first_words"])
        if p is None or not normalize_words(p.body).startswith(words):
            paragraphs.false_negative += 1
            continue
        paragraphs.true_positive += 1
        section.add((p.section.numeral if p.section else None) == g["section"])
        subsection.add((p.subsection.numeral if p.subsection else None) == g["subsection"])
    paragraphs.false_positive = len(found) - paragraphs.true_positive
    gold_outline = {(h["id"], normalize_words(h["title"])) for h in gold["outline"] if h["level"] != "topic"}
    found_outline = {
        (h.id, normalize_words(h.title)) for h in document.segmentation.outline if h.level != "topic"
    }
    outline = Score(
        len(gold_outline & found_outline), len(found_outline - gold_outline), len(gold_outline - found_outline)
    )
    return {"paragraphs": paragraphs, "section": section, "subsection": subsection, "outline": outline}


def evaluate_commitments(gold_dir: Path) -> None:
    from .evaluate_commitments import evaluate_commitments as evaluate  # it builds on this module

    evaluate(gold_dir)


EVALUATORS = {"segments": evaluate_segments, "commitments": evaluate_commitments}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.evaluate", description=__doc__)
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold")
    parser.add_argument("--only", choices=sorted(EVALUATORS), action="append")
    args = parser.parse_args(argv)
    for name in args.only or EVALUATORS:
        EVALUATORS[name](args.gold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
