"""The figures, and the committed models against the figures recorded when they were trained."""

import pytest

from pipeline.classify import uprinfo
from pipeline.classify.figures import action_figures, split_figures, theme_figures
from pipeline.resources import data_json


def test_theme_figures_micro_and_macro():
    figures = theme_figures([["Labour"], ["Labour", "Migrants"]], [["Labour"], ["Labour", "Poverty"]])
    assert figures["micro_f1"] == pytest.approx(2 * 2 / (3 + 3), abs=1e-4)
    assert figures["macro_f1"] == pytest.approx((1.0 + 0.0) / 2)  # the gold labels only
    assert figures["per_label"]["Labour"] == {"f1": 1.0, "support": 2, "given": 2}


def test_action_figures_count_no_category_as_wrong():
    figures = action_figures([5, 2, 2, 3], [5, 2, None, 3])
    assert figures["accuracy"] == 0.75 and figures["per_class"]["2"]["f1"] == pytest.approx(2 / 3, abs=1e-4)


@pytest.mark.slow
def test_committed_models_reproduce_their_recorded_test_figures():
    folder = uprinfo.default_folder()
    if not folder.is_dir():
        pytest.skip(f"no UPR Info export in {folder}")
    recorded = data_json("classify/training_figures.json")["test"]
    found = split_figures(uprinfo.train_test(uprinfo.read_recommendations(folder))[1])
    for part, figure in [("themes", "micro_f1"), ("themes", "macro_f1"), ("action_category", "accuracy"),
                         ("action_category", "macro_f1"), ("action_rule", "accuracy")]:
        assert found[part][figure] == pytest.approx(recorded[part][figure], abs=0.002), (part, figure)
