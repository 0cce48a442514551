"""A linear text classifier in a portable form: TF-IDF terms and coefficients in one NPZ.

The model is trained with scikit-learn (train.py) but stored as plain arrays (the terms,
their idf, a coefficient per term and label, an intercept and a threshold per label) and
scored here with numpy alone, so a run needs neither scikit-learn nor its version-bound
pickles, and the same text always gets the same scores. The weighting is scikit-learn's
`TfidfVectorizer(sublinear_tf=True)`: (1 + log count) * idf, then the vector scaled to unit
length; a label's score is the vector's dot product with its coefficients plus its
intercept, as `LinearSVC.decision_function` gives it.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from pipeline.classify.features import ANALYZERS
from pipeline.resources import data_path

FIXED_DATE = (2020, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class LinearTextModel:
    analyzer: str  # a name of features.ANALYZERS
    terms: tuple[str, ...]
    idf: np.ndarray  # (terms,)
    coef: np.ndarray  # (terms, labels)
    intercept: np.ndarray  # (labels,)
    labels: tuple[str, ...]
    thresholds: np.ndarray  # (labels,): a label is given when its score reaches its threshold
    index: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {term: i for i, term in enumerate(self.terms)})

    def weights(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The known terms of `text` (their indexes, ascending) and their unit-length TF-IDF
        weights."""
        counts = Counter(self.index[t] for t in ANALYZERS[self.analyzer](text) if t in self.index)
        indexes = np.array(sorted(counts), dtype=np.int64)
        values = (1.0 + np.log([counts[i] for i in indexes])) * self.idf[indexes]
        norm = np.sqrt(values @ values)
        return indexes, values / norm if norm else values

    def scores(self, texts: list[str]) -> np.ndarray:
        """One row per text, one column per label."""
        rows = np.empty((len(texts), len(self.labels)))
        for row, text in enumerate(texts):
            indexes, values = self.weights(text)
            rows[row] = values @ self.coef[indexes].astype(np.float64) + self.intercept
        return rows

    def save(self, path: Path) -> None:
        """Writes the arrays as an NPZ (compressed, no pickles), the same bytes for the same
        model: the archive's entries carry a fixed date."""
        arrays = {
            "analyzer": np.array(self.analyzer), "terms": np.array(self.terms), "idf": self.idf,
            "coef": self.coef, "intercept": self.intercept, "labels": np.array(self.labels),
            "thresholds": self.thresholds,
        }
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, array in arrays.items():
                entry = zipfile.ZipInfo(f"{name}.npy", date_time=FIXED_DATE)
                entry.compress_type = zipfile.ZIP_DEFLATED
                with archive.open(entry, "w") as member:
                    np.lib.format.write_array(member, array, allow_pickle=False)

    @classmethod
    def load(cls, name: str | Path) -> "LinearTextModel":
        """A model file of pipeline/data by its relative name, or an explicit path."""
        with data_path(name).open("rb") as handle:
            arrays = np.load(io.BytesIO(handle.read()), allow_pickle=False)
            return cls(
                analyzer=str(arrays["analyzer"].item()), terms=tuple(arrays["terms"].tolist()),
                idf=arrays["idf"], coef=arrays["coef"], intercept=arrays["intercept"],
                labels=tuple(arrays["labels"].tolist()), thresholds=arrays["thresholds"],
            )
