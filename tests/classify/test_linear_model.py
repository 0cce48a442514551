"""The portable scorer: the same scores as scikit-learn's, and the same bytes when saved."""

import numpy as np
import pytest

from pipeline.classify.linear_model import LinearTextModel
from pipeline.classify.themes import theme_model

TEXTS = ["Ratify the convention", "Continue efforts on education", "Adopt a law on education",
         "Consider ratifying the protocol", "Continue to ratify", "Education for all children"]


def test_portable_scores_equal_scikit_learn_decision_function():
    pytest.importorskip("sklearn")
    from pipeline.classify import train  # imports scikit-learn
    settings = {"analyzer": "action_terms", "min_df": 1, "C": 1.0}
    vectorizer = train.fitted_vectorizer(settings, TEXTS)
    classifier = train.svm(settings).fit(vectorizer.transform(TEXTS), [5, 2, 5, 3, 2, 4])
    model = train.portable(vectorizer, settings, [classifier], ["2", "3", "4", "5"], np.zeros(4))
    unseen = TEXTS + ["A text with unknown words only", ""]
    expected = classifier.decision_function(vectorizer.transform(unseen))
    assert np.allclose(model.scores(unseen), expected, atol=2e-3)  # coefficients kept as float16


def test_a_saved_model_loads_back_equal_and_saves_the_same_bytes(tmp_path):
    model = theme_model()
    model.save(tmp_path / "a.npz")
    again = LinearTextModel.load(tmp_path / "a.npz")
    again.save(tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    assert again.labels == model.labels and again.terms == model.terms and again.analyzer == model.analyzer
    assert np.array_equal(again.scores(["Abolish the death penalty"]), model.scores(["Abolish the death penalty"]))
