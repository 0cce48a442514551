"""UPR Info's themes (its `Issue` labels) of a recommendation or a commitment, multi-label.

One linear SVM per label over TF-IDF words and word pairs (classify/themes.npz, trained by
`make train` on UPR Info's recommendations of sessions 1-16); a label is given when its
score reaches the threshold chosen for it on a validation part of those sessions. A text
may get no theme (nothing in it is close enough to any label). Figures:
classify/training_figures.json and docs/recommendations.md.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from pipeline.classify.linear_model import LinearTextModel
from pipeline.resources import loaded_once

MODEL = "classify/themes.npz"


class Theme(NamedTuple):
    label: str  # as UPR Info spells it: "Women's rights", "Death penalty"
    score: float  # the label's score minus its threshold: >= 0, higher is surer


@loaded_once
def theme_model() -> LinearTextModel:
    return LinearTextModel.load(MODEL)


def themes_of(texts: list[str], model: LinearTextModel | None = None) -> list[list[Theme]]:
    """The themes of each text, surest first (ties by label), in the texts' order; by the
    committed model unless another is given."""
    model = model or theme_model()
    margins = model.scores(texts) - model.thresholds
    return [themes_in(row, model.labels) for row in margins]


def themes_in(margins: np.ndarray, labels: tuple[str, ...]) -> list[Theme]:
    given = [Theme(label, round(float(margin), 3)) for label, margin in zip(labels, margins) if margin >= 0]
    return sorted(given, key=lambda theme: (-theme.score, theme.label))
