"""OCR repair figures for `make eval`: gold errors fixed, false corrections, residual
word error rate per tier on the seed, and changes made to born-digital texts
(which have next to no OCR errors, so every change there is a likely false one).
"""

from __future__ import annotations

import difflib
import itertools
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.stages.clean.clean import FOOTNOTE_REFERENCE_RULE, document_reader
from pipeline.model import Document, Heading, Paragraph

TIERS = ("dropped_letter", "glued", "split", "real_word", "number", "punctuation")
# Line-break joins and glued footnote numbers taken out: reported apart, not an OCR tier.
LAYOUT_RULES = ("hyphenation", FOOTNOTE_REFERENCE_RULE)
BORN_DIGITAL = ("A-HRC-WG.6-32-AFG-1.txt", "A-HRC-WG.6-29-BHS-1.txt", "A-HRC-WG.6-43-FRA-1.txt")


@dataclass(frozen=True)
class Change:
    """One logged change, wherever it was made."""

    para: int | None  # None: a heading title
    line: int | None  # the heading's first line
    original: str
    replacement: str
    rule: str


@dataclass
class OcrScore:
    fixed: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    false: Counter = field(default_factory=Counter)
    words: int = 0
    misses: list[str] = field(default_factory=list)
    false_changes: list[Change] = field(default_factory=list)
    wrong_changes: list[Change] = field(default_factory=list)  # at a gold error, but not its correction


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# ---------------------------------------------------------------- what the cleaner changed


def document_changes(document: Document) -> list[Change]:
    changes = [
        Change(p.para, None, c.original, c.replacement, c.rule)
        for p in document.segmentation.paragraphs
        for c in p.corrections
    ]
    return changes + [change for h in document.segmentation.outline for change in heading_changes(h)]


def heading_changes(heading: Heading) -> list[Change]:
    """The word-level differences between a heading's title as read and as repaired."""
    if heading.raw_title is None:
        return []
    before, after = heading.raw_title.split(), heading.title.split()
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    return [
        Change(None, heading.line_start, " ".join(before[i1:i2]), " ".join(after[j1:j2]), "title")
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op != "equal"
    ]


# ---------------------------------------------------------------- scoring against gold


def score_seed(gold: dict, document: Document) -> OcrScore:
    first, last = gold["paragraphs_covered"]
    paragraphs = {p.para: p for p in document.segmentation.paragraphs}
    covered = [p for n, p in paragraphs.items() if first <= n <= last]
    score = OcrScore(words=sum(len(p.body.split()) for p in covered))
    missed = []
    for error in gold["errors"]:
        score.total[error["tier"]] += 1
        if is_fixed(error, gold["errors"], paragraphs, document.segmentation.outline):
            score.fixed[error["tier"]] += 1
        else:
            missed.append(error)
            score.misses.append(f"{error['tier']}: {error['original']!r} -> {error['correction']!r}")
    last_line = max((p.line_end for p in covered), default=0)
    for change in document_changes(document):
        if change.rule in LAYOUT_RULES or not in_scope(change, first, last, last_line):
            continue
        if not matches_gold(change, gold["errors"]):
            score.false[tier_of(change)] += 1
            score.false_changes.append(change)
        elif matches_gold(change, missed):
            score.wrong_changes.append(change)
    return score


def in_scope(change: Change, first: int, last: int, last_line: int) -> bool:
    if change.para is not None:
        return first <= change.para <= last
    return change.line is not None and change.line <= last_line  # headings among the covered paragraphs


def tier_of(change: Change) -> str:
    return change.rule if change.rule in TIERS else "split" if " " in change.original else "glued"


def matches_gold(change: Change, errors: list[dict]) -> bool:
    original = squash(change.original)
    for error in errors:
        if error["para"] != change.para:
            continue
        if change.para is None and not heading_line_matches(error, change):
            continue
        if original and (original in error["original"] or error["original"] in original):
            return True
    return False


def heading_line_matches(error: dict, change: Change) -> bool:
    return change.line is not None and abs(error["line"] - change.line) <= 2


def is_fixed(error: dict, errors: list[dict], paragraphs: dict[int, Paragraph], outline: list[Heading]) -> bool:
    if error["para"] is None:
        heading = heading_at(error["line"], outline)
        if heading is None:
            return False
        if error["tier"] == "number":  # a damaged heading numeral: segment reads it
            return heading.numeral == error["correction"].rstrip(".")
        variants = expected_variants(error, errors, heading_errors=True)
        return any(HEADING_MARK_RE.sub("", v) in squash(heading.title) for v in variants)
    paragraph = paragraphs.get(error["para"])
    return paragraph is not None and any(v in squash(paragraph.text) for v in expected_variants(error, errors))


HEADING_MARK_RE = re.compile(r"^(?:[IVX\[|l1!]{1,6}|[A-Z])[.,]\s*")  # "A. ", "[11. ": the numeral, not the title


def heading_at(line: int, outline: list[Heading]) -> Heading | None:
    for heading in outline:
        if heading.line_start <= line <= heading.line_end:
            return heading
    return None


def expected_variants(error: dict, errors: list[dict], heading_errors: bool = False) -> list[str]:
    """The error's context with it corrected, and every other error in that context
    either corrected or not (a neighbour's miss is not this error's miss)."""
    context = squash(error["context"])
    others = [
        e for e in errors
        if e is not error and e["para"] == error["para"] and e["original"] in context
        and (not heading_errors or e["line"] == error["line"])
    ]
    variants = []
    for mask in itertools.product((False, True), repeat=len(others)):
        text = replace_word(context, error["original"], error["correction"])
        for other, apply in zip(others, mask):
            if apply:
                text = replace_word(text, other["original"], other["correction"])
        variants.append(squash(text))
    return variants


def replace_word(text: str, original: str, correction: str) -> str:
    """Replace the first whole-word occurrence ("al" in "health of al women" is the second)."""
    return re.sub(rf"(?<!\w){re.escape(original)}(?!\w)", lambda _: correction, text, count=1)


def kept_suspicious(document: Document) -> list[str]:
    """Words the gate kept although a reading came close: for a reviewer, not changed."""
    reader = document_reader(document.segmentation)
    return [t.text for p in document.segmentation.paragraphs for t in reader.suspicious_words(p.text)]


def damaged_rare_words(gold: dict, document: Document) -> list[Change]:
    rare = set(gold["correct_rare_words"])
    return [c for c in document_changes(document) if rare & set(re.findall(r"[^\W\d_]+", c.original))]


# ---------------------------------------------------------------- born-digital texts


def born_digital_changes(document: Document) -> tuple[list[Change], int]:
    words = sum(len(p.text.split()) for p in document.segmentation.paragraphs)
    changes = [c for c in document_changes(document) if c.rule not in LAYOUT_RULES]
    return changes, words


# ---------------------------------------------------------------- printing


def print_seed_score(doc_id: str, gold: dict, score: OcrScore, damaged: list[Change], suspicious: list[str]) -> None:
    first, last = gold["paragraphs_covered"]
    print(f"  {doc_id} (paragraphs {first}-{last} and their headings, {score.words} words)")
    print(f"    {'tier':<16} {'fixed':>9} {'false':>6}    P       R       F1")
    for tier in (*TIERS, "all"):
        fixed, total, false = _counts(score, tier)
        precision = fixed / (fixed + false) if fixed + false else 1.0
        recall = fixed / total if total else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"    {tier:<16} {fixed:>3}/{total:<5} {false:>5}  {precision:6.1%}  {recall:6.1%}  {f1:6.1%}")
    fixed, total, false = _counts(score, "all")
    print(f"    gold errors fixed                 {fixed / total if total else 1.0:6.1%}")
    before = total / score.words if score.words else 0.0
    after = (total - fixed + false) / score.words if score.words else 0.0
    print(f"    residual word error rate          before {before:6.2%}  after {after:6.2%}")
    print(f"    damaged rare-but-correct words    {len(damaged)}")
    print(f"    kept but reported as suspicious   {len(suspicious)}: {', '.join(sorted(set(suspicious)))}")
    for miss in score.misses:
        print(f"      missed  {miss}")
    for change in score.false_changes:
        print(f"      false   {change.rule}: {change.original!r} -> {change.replacement!r} (para {change.para})")
    print(f"    changed, but not to the gold correction  {len(score.wrong_changes)}")
    for change in score.wrong_changes:
        print(f"      wrong   {change.rule}: {change.original!r} -> {change.replacement!r} (para {change.para})")


def _counts(score: OcrScore, tier: str) -> tuple[int, int, int]:
    if tier == "all":
        return sum(score.fixed.values()), sum(score.total.values()), sum(score.false.values())
    return score.fixed[tier], score.total[tier], score.false[tier]


def print_born_digital(name: str, changes: list[Change], words: int) -> None:
    rate = 10_000 * len(changes) / words if words else 0.0
    print(f"  {name}: {len(changes)} changes in {words} words ({rate:.1f} per 10,000 words)")
    for change in changes:
        print(f"      change  {change.rule}: {change.original!r} -> {change.replacement!r} (para {change.para})")


def load_ocr_gold(gold_dir: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((gold_dir / "ocr").glob("*.json"))]
