"""Held-out OCR figures: born-digital paragraphs damaged on purpose, then cleaned.

The seed's gold measures repair on errors we have read (and tuned on). This
measures it on errors nobody chose: words of the born-digital corpus texts,
damaged by a seeded generator with the commonest OCR error kinds (a letter
dropped, two words glued, a word split in two), then cleaned with the document's
other damaged paragraphs as its lexicon, as the clean stage would see them. A
damaged site counts as repaired when the cleaned words there equal the original
ones; a changed word away from every site is a false correction.

`damage(words, rng)` and `score_paragraph(original, sites, cleaned)`
are the two halves; `evaluate_document(document)` runs them over a document.
"""

from __future__ import annotations

import difflib
import random
import re
from collections import Counter
from dataclasses import dataclass, field

from pipeline.stages.clean.clean import clean_text
from pipeline.stages.clean.reader import DocumentReader
from pipeline.model import Document

KINDS = ("dropped_letter", "glued", "split")
DAMAGE_RATE = 0.025  # about the seed's OCR error rate: 2 to 3 words in 100
SEED = 20091106
WORD_RE = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Site:
    kind: str
    first: int  # index of the first original word damaged
    last: int  # index of the last (first + 1 for glued words)
    damaged: str


@dataclass
class HeldoutScore:
    words: int = 0
    fixed: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    false_corrections: list[str] = field(default_factory=list)
    unfixed: list[str] = field(default_factory=list)

    def add(self, other: "HeldoutScore") -> None:
        self.words += other.words
        for mine, theirs in ((self.fixed, other.fixed), (self.total, other.total)):
            mine.update(theirs)
        self.false_corrections += other.false_corrections
        self.unfixed += other.unfixed


def damage(words: list[str], rng: random.Random) -> tuple[list[str], list[Site]]:
    """Damage about DAMAGE_RATE of the purely alphabetic words; returns the damaged
    tokens (a glued pair becomes one token) and the sites, by original word index."""
    out: list[str] = []
    sites: list[Site] = []
    i = 0
    while i < len(words):
        word = words[i]
        kind = rng.choice(KINDS) if WORD_RE.fullmatch(word) and rng.random() < DAMAGE_RATE else None
        following = words[i + 1] if i + 1 < len(words) else ""
        if kind == "dropped_letter" and len(word) >= 5:
            at = rng.randrange(1, len(word))
            out.append(word[:at] + word[at + 1:])
        elif kind == "glued" and WORD_RE.fullmatch(following):
            out.append(word + following)
            sites.append(Site(kind, i, i + 1, out[-1]))
            i += 2
            continue
        elif kind == "split" and len(word) >= 7:
            at = rng.randrange(2, len(word) - 1)
            out.append(f"{word[:at]} {word[at:]}")
        else:
            out.append(word)
            i += 1
            continue
        sites.append(Site(kind, i, i, out[-1]))
        i += 1
    return out, sites


def score_paragraph(original: list[str], sites: list[Site], cleaned: str) -> HeldoutScore:
    """Compare the cleaned words with the original ones, site by site."""
    score = HeldoutScore(words=len(original))
    cleaned_words = cleaned.split()
    matcher = difflib.SequenceMatcher(a=original, b=cleaned_words, autojunk=False)
    unmatched = set(range(len(original)))
    for block in matcher.get_matching_blocks():
        unmatched -= set(range(block.a, block.a + block.size))
    opcodes = matcher.get_opcodes()
    at_sites = set()
    for site in sites:
        span = set(range(site.first, site.last + 1))
        at_sites |= span
        score.total[site.kind] += 1
        if not span & unmatched:
            score.fixed[site.kind] += 1
            continue
        became = " ".join(word for _, a0, a1, b0, b1 in opcodes if a0 <= site.last and site.first < a1
                           for word in cleaned_words[b0:b1])
        score.unfixed.append(f"{site.kind}: {' '.join(original[site.first:site.last + 1])!r} "
                             f"read {site.damaged!r}, cleaned {became!r}")
    for tag, a0, a1, b0, b1 in opcodes:
        changed = set(range(a0, a1))
        if tag == "equal" or changed <= at_sites and changed:
            continue
        if not changed & at_sites:
            score.false_corrections.append(f"{' '.join(original[a0:a1])!r} -> {' '.join(cleaned_words[b0:b1])!r}")
    return score


def evaluate_document(document: Document, seed: int = SEED) -> HeldoutScore:
    """Damage every paragraph of a (born-digital) document, clean it, score it."""
    rng = random.Random(f"{seed}:{document.source.doc_id}")
    damaged = []
    for paragraph in document.segmentation.paragraphs:
        words = paragraph.text.split()
        tokens, sites = damage(words, rng)
        damaged.append((words, " ".join(tokens), sites))
    reader = DocumentReader.of(text for _, text, _ in damaged)
    score = HeldoutScore()
    for words, text, sites in damaged:
        cleaned, _corrections, _ = clean_text(text, reader)
        score.add(score_paragraph(words, sites, cleaned))
    return score


def print_score(name: str, score: HeldoutScore, details: bool = False) -> None:
    print(f"  {name} ({score.words} words)")
    for kind in (*KINDS, "all"):
        fixed = sum(score.fixed.values()) if kind == "all" else score.fixed[kind]
        total = sum(score.total.values()) if kind == "all" else score.total[kind]
        print(f"    {kind:<16} fixed {fixed:>4}/{total:<4} {fixed / total if total else 1.0:6.1%}")
    false = len(score.false_corrections)
    rate = 10_000 * false / score.words if score.words else 0.0
    print(f"    false corrections {false} ({rate:.1f} per 10,000 words)")
    total = sum(score.total.values())
    before = total / score.words if score.words else 0.0
    after = (total - sum(score.fixed.values()) + false) / score.words if score.words else 0.0
    print(f"    word error rate   before {before:6.2%}  after {after:6.2%}")
    if details:
        for line in score.false_corrections:
            print(f"      false   {line}")
        for line in score.unfixed:
            print(f"      missed  {line}")
