"""`make train`: the theme and action-category models from UPR Info's recommendations.

    python -m pipeline.classify.train [--uprinfo ../shared/uprinfo] [--out pipeline/data/classify]

Trains on sessions 1-16 (uprinfo.py), scores sessions 17-20 with the portable models as a
run will load them, and writes themes.npz, actions.npz and training_figures.json. Themes:
one LinearSVC per label; each label's threshold is chosen on a validation part of the
training rows (a model trained without them scores them), then the model is trained again
on all training rows. Fixed seeds; under a minute on 2 cores. Needs scikit-learn (a dev
dependency); nothing else in the package does.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

from pipeline.classify import uprinfo
from pipeline.classify.features import ANALYZERS
from pipeline.classify.figures import split_figures
from pipeline.classify.linear_model import LinearTextModel

THEMES = {"analyzer": "word_terms", "min_df": 3, "C": 0.5}
ACTIONS = {"analyzer": "action_terms", "min_df": 3, "C": 0.5}
MIN_VALIDATION_POSITIVES = 5  # fewer: the label keeps the SVM's own threshold, 0
COEFFICIENT_TYPE = np.float16  # keeps the committed files small; scores are summed in float64
OUT = Path(__file__).resolve().parents[1] / "data" / "classify"


def fitted_vectorizer(settings: dict[str, Any], texts: list[str]) -> TfidfVectorizer:
    vectorizer = TfidfVectorizer(analyzer=ANALYZERS[settings["analyzer"]], min_df=settings["min_df"], sublinear_tf=True)
    return vectorizer.fit(texts)


def svm(settings: dict[str, Any]) -> LinearSVC:
    return LinearSVC(C=settings["C"], random_state=uprinfo.SEED)


def portable(vectorizer: TfidfVectorizer, settings: dict[str, Any], classifiers: list[LinearSVC],
             labels: list[str], thresholds: np.ndarray) -> LinearTextModel:
    """One binary classifier per label, or one multi-class classifier with a row per label."""
    coef = np.vstack([c.coef_ for c in classifiers])
    intercept = np.concatenate([c.intercept_ for c in classifiers])
    return LinearTextModel(
        analyzer=settings["analyzer"], terms=tuple(vectorizer.get_feature_names_out().tolist()),
        idf=vectorizer.idf_.astype(np.float64), coef=coef.T.astype(COEFFICIENT_TYPE),
        intercept=intercept.astype(np.float64), labels=tuple(labels), thresholds=thresholds,
    )


def theme_matrix(rows: list[uprinfo.Recommendation], labels: list[str]) -> np.ndarray:
    return np.array([[label in row.themes for label in labels] for row in rows], dtype=np.int8)


def best_threshold(scores: np.ndarray, positive: np.ndarray) -> float:
    """The cut between two validation scores that gives the label its best F1 there."""
    if positive.sum() < MIN_VALIDATION_POSITIVES:
        return 0.0
    order = np.argsort(-scores, kind="stable")
    ranked, hits = scores[order], np.cumsum(positive[order])
    f1 = 2 * hits / (np.arange(1, len(scores) + 1) + positive.sum())
    best = int(f1.argmax())
    below = ranked[best + 1] if best + 1 < len(ranked) else ranked[best] - 1.0
    return float((ranked[best] + below) / 2)


def train_themes(rows: list[uprinfo.Recommendation]) -> LinearTextModel:
    texts = [row.text for row in rows]
    labels = sorted({label for row in rows for label in row.themes})
    gold = theme_matrix(rows, labels)
    vectorizer = fitted_vectorizer(THEMES, texts)
    matrix = vectorizer.transform(texts)
    validation = uprinfo.validation_mask(len(rows))

    def per_label(keep: np.ndarray) -> list[LinearSVC]:
        return [svm(THEMES).fit(matrix[keep], gold[keep, j]) for j in range(len(labels))]

    untuned = portable(vectorizer, THEMES, per_label(~validation), labels, np.zeros(len(labels)))
    scores = untuned.scores([t for t, v in zip(texts, validation) if v])
    thresholds = np.array([best_threshold(scores[:, j], gold[validation, j]) for j in range(len(labels))])
    return portable(vectorizer, THEMES, per_label(np.ones(len(rows), dtype=bool)), labels, thresholds)


def train_actions(rows: list[uprinfo.Recommendation]) -> LinearTextModel:
    texts = [row.text for row in rows]
    vectorizer = fitted_vectorizer(ACTIONS, texts)
    classifier = svm(ACTIONS).fit(vectorizer.transform(texts), [row.action for row in rows])
    labels = [str(category) for category in classifier.classes_]
    return portable(vectorizer, ACTIONS, [classifier], labels, np.zeros(len(labels)))


def training_record(train: list, test: list, themes: LinearTextModel, actions: LinearTextModel) -> dict[str, Any]:
    return {
        "_": "written by `make train` (pipeline/classify/train.py); the figures are on the test split",
        "data": "UPR Info recommendations, one row per (session, State under review, text)",
        "train_sessions": [min(uprinfo.TRAIN_SESSIONS), max(uprinfo.TRAIN_SESSIONS)],
        "test_sessions": [min(uprinfo.TEST_SESSIONS), max(uprinfo.TEST_SESSIONS)],
        "train_rows": len(train),
        "validation_share": uprinfo.VALIDATION_SHARE,
        "seed": uprinfo.SEED,
        "scikit_learn": sklearn.__version__,
        "themes_settings": THEMES | {"terms": len(themes.terms), "labels": len(themes.labels)},
        "actions_settings": ACTIONS | {"terms": len(actions.terms)},
        "test": split_figures(test, themes, actions),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.classify.train", description=__doc__)
    parser.add_argument("--uprinfo", type=Path, default=uprinfo.default_folder())
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    train, test = uprinfo.train_test(uprinfo.read_recommendations(args.uprinfo))
    if not train:
        print(f"no UPR Info recommendations in {args.uprinfo}", file=sys.stderr)
        return 1
    themes, actions = train_themes(train), train_actions(train)
    themes.save(args.out / "themes.npz")
    actions.save(args.out / "actions.npz")
    record = training_record(train, test, themes, actions)
    (args.out / "training_figures.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    figures = record["test"]
    print(f"themes micro-F1 {figures['themes']['micro_f1']}, macro-F1 {figures['themes']['macro_f1']}; "
          f"action accuracy {figures['action_category']['accuracy']}, macro-F1 {figures['action_category']['macro_f1']} "
          f"({len(test)} test rows; {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
