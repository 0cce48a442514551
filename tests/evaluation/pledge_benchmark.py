"""The States' own words: UPR Info's voluntary pledges as a benchmark of the commitment finder
(part of `make eval`; `python -m evaluation.pledge_benchmark --misses` lists every miss).

Source: ../shared/uprinfo/voluntary_pledges_dev.csv (UPRINFO_PLEDGES to point elsewhere); the
benchmark is skipped with a note when it is absent. Which pledges count (docs/commitments.md):
those that state an action of the State, i.e. whose UPR Info action category is not 1 (a call
on other States or for assistance) and whose first sentence is a clause with a subject of its
own ("The Government will ...", "Albania was considering ..."), not a heading or a bare
infinitive or imperative line of a list ("Undertake a periodic review", "To carry out ...").
Each pledge is one paragraph of a Working Group report on its State (UPR Info typed them from
those reports, in their reported speech), and counts as detected when the commit stage finds a
pledge or a pending action in it. Misses are listed by category (miss_category).
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from evaluation.evaluate import ROOT, Accuracy
from pipeline.model import Line, Paragraph
from pipeline.run.settings import Settings
from pipeline.stages.commit.commit import COMPONENT, find_commitments
from pipeline.stages.tag.dates import find_dates
from pipeline.stages.tag.tag import load_nlp

PLEDGES = Path(os.environ.get("UPRINFO_PLEDGES", ROOT.parent / "shared" / "uprinfo" / "voluntary_pledges_dev.csv"))
NOT_AN_ACTION = "1"  # UPR Info's action category 1: addressed to other States, or a call for assistance
DOCUMENT_TYPE = "working_group_report"
DETECTED_KINDS = ("pledge", "pending")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj")
# What a missed pledge's wording has, tried in this order: the first that matches names its category.
MISS_CATEGORIES = (
    ("only a stated need", None),
    ("commitment as a noun (its commitment to, a pledge)", re.compile(r"\b(commitment|pledge|undertaking|priority)\b", re.I)),
    ("a passive or present state (is guaranteed, has been established)", re.compile(r"\b(is|are|has been|have been)\s+\w+ed\b", re.I)),
    ("purpose or goal (aims at, with a view to, in order to)", re.compile(r"\b(aim|aims|view to|in order to|goal|objective)\b", re.I)),
)


@dataclass
class Pledge:
    state: str
    text: str
    action: str


def load_pledges(path: Path = PLEDGES) -> list[Pledge]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [Pledge(row["To"], " ".join(row["Text"].split()), row["Action"]) for row in csv.DictReader(handle)]


def states_an_action(pledge: Pledge, nlp) -> bool:
    """The benchmark's rule (module docstring): an action category other than 1, and a first
    sentence whose main verb has a subject of its own."""
    if pledge.action == NOT_AN_ACTION or not pledge.text:
        return False
    with nlp.select_pipes(disable=[COMPONENT]):
        first = next(iter(nlp(pledge.text).sents))
    return any(child.dep_ in SUBJECT_DEPS for child in first.root.children)


def found_kinds(pledge: Pledge, nlp) -> list[str]:
    """The kinds the commit stage finds in the pledge, read as a paragraph of its State's Working Group report."""
    paragraph = Paragraph(para=1, section=None, subsection=None, raw=pledge.text, body=pledge.text,
                          lines=[Line(1, pledge.text)], text=pledge.text)
    dates = [[m.record() for m in find_dates(pledge.text)]]
    find_commitments([paragraph], nlp, None, dates=dates, country=pledge.state, document_type=DOCUMENT_TYPE)
    return [c["kind"] for c in paragraph.commitments]


def miss_category(pledge: Pledge, kinds: list[str]) -> str:
    for name, pattern in MISS_CATEGORIES:
        if (pattern is None and "need" in kinds) or (pattern is not None and pattern.search(pledge.text)):
            return name
    return "other wording"


def evaluate_pledges(misses: bool = False, path: Path = PLEDGES) -> None:
    print(f"== voluntary pledges (UPR Info, {path.name}) ==")
    if not path.exists():
        print(f"  skip: {path} not found")
        return
    nlp = load_nlp(Settings().model)
    pledges = load_pledges(path)
    kept = [p for p in pledges if states_an_action(p, nlp)]
    missed: list[tuple[str, Pledge]] = []
    for pledge in kept:
        kinds = found_kinds(pledge, nlp)
        if not any(kind in DETECTED_KINDS for kind in kinds):
            missed.append((miss_category(pledge, kinds), pledge))
    print(f"  pledges ({len(pledges)}; {len(kept)} state an action)")
    print("    " + Accuracy(len(kept) - len(missed), len(kept)).line("detected as pledge or pending"))
    for category, count in Counter(category for category, _ in missed).most_common():
        print("    " + Accuracy(count, len(kept)).line(f"missed: {category}"))
    if misses:
        for category, pledge in sorted(missed, key=lambda m: m[0]):
            print(f"      MISS [{category}] {pledge.state}: {pledge.text[:150]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.pledge_benchmark", description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list every missed pledge")
    parser.add_argument("--pledges", type=Path, default=PLEDGES)
    args = parser.parse_args(argv)
    evaluate_pledges(args.misses, args.pledges)
    return 0


if __name__ == "__main__":
    sys.exit(main())
