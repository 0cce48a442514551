"""The classifiers' figures: accuracy and macro-F1 of the action category, micro- and
macro-F1 of the themes, with per-label F1. Training records them, `make eval` recomputes
them from the committed models, and they must agree.

>>> theme_figures([["Labour"], ["Labour", "Migrants"]], [["Labour"], ["Labour"]])["micro_f1"]
0.8
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Sequence

from pipeline.classify.actions import action_categories, leading_verb
from pipeline.classify.linear_model import LinearTextModel
from pipeline.classify.themes import themes_of
from pipeline.classify.uprinfo import Recommendation


def f1(true_positive: int, found: int, expected: int) -> float:
    return 2 * true_positive / (found + expected) if found + expected else 0.0


def label_f1(gold: Sequence[Sequence[str]], found: Sequence[Sequence[str]]) -> dict[str, dict[str, Any]]:
    """Per label (each gold label): F1, support (gold count) and how often it was given."""
    counts = {kind: Counter() for kind in ("true_positive", "found", "expected")}
    for expected, given in zip(gold, found):
        counts["expected"].update(set(expected))
        counts["found"].update(set(given))
        counts["true_positive"].update(set(expected) & set(given))
    return {
        label: {
            "f1": round(f1(counts["true_positive"][label], counts["found"][label], support), 4),
            "support": support,
            "given": counts["found"][label],
        }
        for label, support in sorted(counts["expected"].items())
    }


def theme_figures(gold: Sequence[Sequence[str]], found: Sequence[Sequence[str]]) -> dict[str, Any]:
    """Micro-F1 over all (text, label) pairs; macro-F1 the mean of the gold labels' F1."""
    per_label = label_f1(gold, found)
    true_positive = sum(len(set(e) & set(g)) for e, g in zip(gold, found))
    micro = f1(true_positive, sum(len(set(g)) for g in found), sum(len(set(e)) for e in gold))
    return {
        "texts": len(gold),
        "micro_f1": round(micro, 4),
        "macro_f1": round(sum(v["f1"] for v in per_label.values()) / len(per_label), 4),
        "per_label": per_label,
    }


def action_figures(gold: Sequence[int], found: Sequence[int | None]) -> dict[str, Any]:
    per_class = label_f1([[str(g)] for g in gold], [[str(f)] if f is not None else [] for f in found])
    return {
        "texts": len(gold),
        "accuracy": round(sum(g == f for g, f in zip(gold, found)) / len(gold), 4),
        "macro_f1": round(sum(v["f1"] for v in per_class.values()) / len(per_class), 4),
        "per_class": per_class,
    }


def split_figures(test: list[Recommendation], themes: LinearTextModel | None = None,
                       actions: LinearTextModel | None = None) -> dict[str, Any]:
    """The models' figures on UPR Info's rows (the committed models unless others are
    given), with the leading-verb rule's beside them (a text no listed verb opens counts
    as wrong)."""
    texts, gold_actions = [row.text for row in test], [row.action for row in test]
    found_themes = [[theme.label for theme in found] for found in themes_of(texts, themes)]
    rule = [verb.category if verb else None for verb in map(leading_verb, texts)]
    return {
        "themes": theme_figures([row.themes for row in test], found_themes),
        "action_category": action_figures(gold_actions, [found.category for found in action_categories(texts, actions)]),
        "action_rule": action_figures(gold_actions, rule) | {"covered": sum(r is not None for r in rule)},
    }
