"""Tagging figures against tests/gold/tags: entities, dates and amounts.

Entities match by normalized text and label within a paragraph (gold names are
written as they should read, the cleaned text may still differ in spacing).
Dates and amounts match by overlap: each gold text is located in the cleaned
paragraph text, and a prediction overlapping it (of the same kind group) is a
hit. "exact" is the share of hits whose normalized value is right: the interval
for dates; value and unit for money, percent and measures; value and the head
noun of the unit for counts (modifiers like "ethnic" in "ethnic groups" are a
matter of taste). Gold files marked "held_out" (annotated blind, on documents the rules
were not written against) are also totalled apart.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# evaluation.evaluate imports this module for its EVALUATORS, so its helpers are imported
# inside the functions that use them.
AMOUNT_GROUPS = {"money": "money", "percent": "percent", "count": "count/measure", "measure": "count/measure"}
# Gold files marked "held_out" were annotated blind, on documents the rules were not written against.
HELD_OUT_TITLE = "held-out documents (gold annotated blind, rules not tuned on them)"


@dataclass
class TagScores:
    totals: dict[str, Any] = field(default_factory=dict)  # name -> Score
    exact: dict[str, Any] = field(default_factory=dict)  # name -> Accuracy
    confusions: Counter[str] = field(default_factory=Counter)


def evaluate_tags(gold_dir: Path) -> None:
    print("== tagging (tests/gold/tags) ==")
    for gold in _load(gold_dir):
        scores = tag_scores(gold)
        if scores is not None:
            print(f"  {gold['doc_id']}")
            _print(scores, indent="    ", confusions=0)
    print("  all documents")
    _print(tag_scores_of_all(gold_dir), indent="    ", confusions=25)
    if any(gold.get("held_out") for gold in _load(gold_dir)):
        print(f"  {HELD_OUT_TITLE}")
        _print(tag_scores_of_all(gold_dir, held_out_only=True), indent="    ", confusions=25)


def _load(gold_dir: Path) -> list[dict]:
    from evaluation.evaluate import load_gold

    return load_gold("tags", gold_dir)


def tag_scores_of_all(gold_dir: Path, held_out_only: bool = False) -> TagScores:
    """Scores of all gold documents together, or of those marked "held_out" (annotated blind)."""
    total = TagScores()
    for gold in _load(gold_dir):
        scores = tag_scores(gold) if gold.get("held_out") or not held_out_only else None
        if scores is None:
            continue
        for name, score in scores.totals.items():
            total.totals.setdefault(name, type(score)()).add(score)
        for name, accuracy in scores.exact.items():
            merged = total.exact.setdefault(name, type(accuracy)())
            merged.right, merged.total = merged.right + accuracy.right, merged.total + accuracy.total
        total.confusions.update(scores.confusions)
    return total


def tag_scores(gold: dict) -> TagScores | None:
    """Scores of one gold document, or None when its source is absent."""
    from evaluation.evaluate import ROOT, Accuracy, Score, gold_document

    source = _source_of(gold["doc_id"], ROOT)
    document = gold_document({**gold, "source": source}) if source else None
    if document is None:
        return None
    scores = TagScores(defaultdict(Score), defaultdict(Accuracy))
    found = {p.para: p for p in document.segmentation.paragraphs}
    for para, expected in gold["paragraphs"].items():
        paragraph = found.get(int(para))
        text = paragraph.text if paragraph else ""
        score_entities(expected["entities"], paragraph.entities if paragraph else [], scores.totals, scores.confusions)
        score_dates(text, expected["dates"], paragraph.dates if paragraph else [], scores.totals, scores.exact,
                    scores.confusions)
        score_amounts(text, expected["amounts"], paragraph.amounts if paragraph else [], scores.totals,
                      scores.exact, scores.confusions)
    return scores


def entity_score(scores: TagScores):
    """All entity labels together."""
    from evaluation.evaluate import Score

    total = Score()
    for name, score in scores.totals.items():
        if name.startswith("entity "):
            total.add(score)
    return total


def _source_of(doc_id: str, root: Path) -> str | None:
    for folder in ("raw", "../shared/corpus"):
        for suffix in (".txt", ".pdf"):
            if (root / folder / f"{doc_id}{suffix}").exists():
                return f"{folder}/{doc_id}{suffix}"
    return None


def _print(scores: TagScores, indent: str, confusions: int) -> None:
    print(indent + entity_score(scores).line("entities (all domain labels)"))
    for name in sorted(scores.totals):
        print(indent + scores.totals[name].line(name))
    for name in sorted(scores.exact):
        print(indent + scores.exact[name].line(f"{name} exact value"))
    if confusions:
        print(f"{indent[:-2]}worst confusions (gold -> found):")
        for text, count in scores.confusions.most_common(confusions):
            print(f"{indent}{count:3d}  {text}")


# ------------------------------------------------------------------ entities

def score_entities(expected: list[dict], predicted: list[dict], totals: dict, confusions: Counter) -> None:
    """Entities count once per paragraph for each distinct (text, label): annotators list a
    name once per paragraph, however often it recurs there."""
    gold = Counter({(_norm(e["text"]), e["label"]) for e in expected})
    found = Counter({(_norm(e["text"]), e["label"]) for e in predicted})
    for label in {lab for _, lab in gold} | {lab for _, lab in found}:
        g = Counter({k: v for k, v in gold.items() if k[1] == label})
        f = Counter({k: v for k, v in found.items() if k[1] == label})
        hit = sum((g & f).values())
        totals[f"entity {label}"].true_positive += hit
        totals[f"entity {label}"].false_positive += sum(f.values()) - hit
        totals[f"entity {label}"].false_negative += sum(g.values()) - hit
    found_labels = {name: label for name, label in found}
    for (name, label), count in (gold - found).items():
        other = found_labels.get(name)
        confusions[f"entity {label} -> {other or 'missed'}: {name}"] += count
    gold_names = {name for name, _ in gold}
    for (name, label), count in (found - gold).items():
        if name not in gold_names:
            confusions[f"entity none -> {label}: {name}"] += count


# ------------------------------------------------------------------ dates and amounts

def score_dates(text: str, expected: list[dict], predicted: list[dict], totals: dict, exact: dict,
                confusions: Counter) -> None:
    pairs, missed, extra = match_spans(text, expected, predicted, lambda d: "date")
    _count(totals["dates"], pairs, missed, extra)
    for g, p in pairs:
        ok = (g["start"], g["end"]) == (p["start"], p["end"])
        exact["dates"].add(ok)
        if not ok:
            confusions[f"date {g['text']!r} {g['start']}..{g['end']} -> {p['start']}..{p['end']}"] += 1
    note_unmatched(confusions, "date", [repr(g["text"]) for g in missed], [repr(p["text"]) for p in extra])


def score_amounts(text: str, expected: list[dict], predicted: list[dict], totals: dict, exact: dict,
                  confusions: Counter) -> None:
    group = lambda a: AMOUNT_GROUPS[a["kind"]]  # noqa: E731
    pairs, missed, extra = match_spans(text, expected, predicted, group)
    for name in set(AMOUNT_GROUPS.values()):
        _count(totals[f"amounts {name}"], [x for x in pairs if group(x[0]) == name],
               [g for g in missed if group(g) == name], [p for p in extra if group(p) == name])
    for g, p in pairs:
        ok = same_amount(g, p)
        exact[f"amounts {group(g)}"].add(ok)
        if not ok:
            confusions[f"amount {g['text']!r} {g['value']} {g['unit']} -> {p['value']} {p['unit']}"] += 1
    note_unmatched(confusions, "amount", [f"{g['text']!r} ({g['kind']})" for g in missed],
                   [f"{p['text']!r} ({p['kind']} {p['unit']})" for p in extra])


def note_unmatched(confusions: Counter, kind: str, missed: list[str], extra: list[str]) -> None:
    confusions.update(f"{kind} missed: {m}" for m in missed)
    confusions.update(f"{kind} extra: {e}" for e in extra)


def same_amount(gold: dict, found: dict) -> bool:
    if found["value"] is None or abs(float(gold["value"]) - float(found["value"])) > 1e-6:
        return False
    if gold["kind"] == "count":
        return _head(gold["unit"]) == _head(found["unit"])
    return gold["unit"] == found["unit"]


def _head(unit: str | None) -> str | None:
    return unit.split()[-1].lower() if unit else None


def _count(score, pairs: list, missed: list, extra: list) -> None:
    score.true_positive += len(pairs)
    score.false_negative += len(missed)
    score.false_positive += len(extra)


def match_spans(text: str, expected: list[dict], predicted: list[dict], group) -> tuple[list, list, list]:
    """Pair gold items (located in text by normalized words) with overlapping predictions of their group."""
    located = locate(text, [g["text"] for g in expected])
    pairs, missed = [], []
    free = list(predicted)
    for g, span in zip(expected, located):
        match = next((p for p in free if group(p) == group(g) and _overlaps(g, span, p)), None)
        if match is None:
            missed.append(g)
        else:
            free.remove(match)
            pairs.append((g, match))
    return pairs, missed, free


def _overlaps(gold: dict, span: tuple[int, int] | None, found: dict) -> bool:
    if span is not None:
        return found["start_char"] < span[1] and span[0] < found["end_char"]
    a, b = _norm(gold["text"]), _norm(found["text"])
    return bool(a) and bool(b) and (a in b or b in a)


def locate(text: str, needles: list[str]) -> list[tuple[int, int] | None]:
    """Character spans of each needle in text, comparing normalized words; each takes the
    first occurrence at word edges that no earlier needle took ("seven people ... seven")."""
    positions = [i for i, ch in enumerate(text) if _norm(ch)]
    haystack = "".join(_norm(text[i]) for i in positions)
    spans: list[tuple[int, int] | None] = []
    for needle in needles:
        norm = _norm(needle)
        candidates = [(positions[i], positions[i + len(norm) - 1] + 1) for i in _occurrences(haystack, norm)
                      if _at_word_edges(text, positions, i, len(norm))]
        free = [c for c in candidates if not any(s and c[0] < s[1] and s[0] < c[1] for s in spans)]
        spans.append(free[0] if free else None)
    return spans


def _occurrences(haystack: str, needle: str) -> list[int]:
    return [m.start() for m in re.finditer(f"(?={re.escape(needle)})", haystack)] if needle else []


def _at_word_edges(text: str, positions: list[int], first: int, length: int) -> bool:
    """"5" in "5 to 10 years" but not inside "500"."""
    start, end = positions[first], positions[first + length - 1] + 1
    return not (start > 0 and text[start - 1].isalnum()) and not (end < len(text) and text[end].isalnum())


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())
