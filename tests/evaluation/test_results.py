"""make eval's figures as JSON, and "n/a" for what is undefined."""

import io
import json

from evaluation.evaluate import Accuracy, Score
from evaluation.results import JsonReport


def test_results_empty_class_prints_n_a_not_a_perfect_score():
    line = Score().line("amounts money")
    assert "n/a" in line and "100.0%" not in line
    assert Score(0, 0, 3).figures() == {"precision": None, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 3}
    assert Score(0, 2, 0).figures()["recall"] is None and Score(0, 2, 0).figures()["precision"] == 0.0
    assert "n/a  (0/0)" in Accuracy().line("actor (matched)")


def test_results_json_files_each_figure_under_its_section_and_group(tmp_path):
    shown = io.StringIO()
    report = JsonReport(shown)
    print("== tagging (tests/gold/tags) ==", file=report)
    print("  A-HRC-TEST-1", file=report)
    print("    " + Score(3, 1, 0).line("dates"), file=report)
    print("  held-out documents (gold annotated blind):", file=report)
    print("    " + Accuracy(1, 2).line("actor (matched)"), file=report)
    print("    not a figure", file=report)
    report.save(tmp_path / "eval.json")
    saved = json.loads((tmp_path / "eval.json").read_text())
    assert saved["tagging (tests/gold/tags)"]["A-HRC-TEST-1"]["dates"]["precision"] == 0.75
    assert saved["tagging (tests/gold/tags)"]["held-out documents (gold annotated blind)"] == {
        "actor (matched)": {"accuracy": 0.5, "right": 1, "total": 2}}
    assert "A-HRC-TEST-1" in shown.getvalue()  # the text goes on to standard output
