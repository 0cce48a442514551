"""Action category and theme figures of the committed classify models on UPR Info's test
sessions (17-20), beside those `make train` recorded (part of `make eval`).

    PYTHONPATH=tests python -m evaluation.evaluate_classify [--per-label]

Reads ../shared/uprinfo (or UPR_INFO); skipped with a note when it is absent.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from evaluation.results import register
from pipeline.classify import uprinfo
from pipeline.classify.figures import split_figures
from pipeline.resources import data_json

RECORDED = "classify/training_figures.json"


def uprinfo_test_split(folder: Path) -> list[uprinfo.Recommendation]:
    """Sessions 17-20 of the export; none without it."""
    return uprinfo.train_test(uprinfo.read_recommendations(folder))[1] if folder.is_dir() else []


def figure_line(name: str, values: dict[str, Any], recorded: dict[str, Any], note: str = "") -> str:
    """One figure's line, registered for `make eval --json` (the values and those recorded
    at training)."""
    shown = "  ".join(f"{key} {value:.4f}" for key, value in values.items())
    kept = "/".join(f"{recorded[key]:.4f}" for key in values)
    line = f"{name:<36} {shown}  ({note or f'recorded at training {kept}'})"
    return register(line, name, values | {f"recorded_{key}": recorded[key] for key in values})


def print_figures(figures: dict[str, Any], recorded: dict[str, Any], per_label: bool) -> None:
    themes, action, rule = figures["themes"], figures["action_category"], figures["action_rule"]
    print("  test split: sessions 17-20")
    print(f"    {themes['texts']} recommendations (one per session, State under review and text)")
    print("    " + figure_line("themes", {"micro_f1": themes["micro_f1"], "macro_f1": themes["macro_f1"]},
                               recorded["themes"]))
    print("    " + figure_line("action category (model)", {"accuracy": action["accuracy"], "macro_f1": action["macro_f1"]},
                               recorded["action_category"]))
    print("    " + figure_line("action category (leading-verb rule)", {"accuracy": rule["accuracy"], "macro_f1": rule["macro_f1"]},
                               recorded["action_rule"], f"a listed verb opens {rule['covered']} of {rule['texts']}"))
    if per_label:
        for label, score in themes["per_label"].items():
            print(f"      {label:<46} F1 {score['f1']:.3f}  (support {score['support']}, given {score['given']})")


def evaluate_classify(_gold_dir: Path | None = None, per_label: bool = False) -> None:
    print("== recommendations vs UPR Info: action category and themes (classify models) ==")
    folder = uprinfo.default_folder()
    test = uprinfo_test_split(folder)
    if not test:
        print(f"  skipped: no UPR Info export in {folder} (set {uprinfo.FOLDER_VARIABLE})")
        return
    print_figures(split_figures(test), data_json(RECORDED)["test"], per_label)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.evaluate_classify", description=__doc__)
    parser.add_argument("--per-label", action="store_true", help="F1 of each theme")
    evaluate_classify(per_label=parser.parse_args(argv).per_label)
    return 0


if __name__ == "__main__":
    sys.exit(main())
