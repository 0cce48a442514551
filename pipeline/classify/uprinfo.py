"""UPR Info's recommendations (../shared/uprinfo) as training and test rows for the classifiers.

UPR Info's export has one row per recommendation and recommending State; a recommendation
made by several States is one row each, and session 17 sits in two files. Here it is one
row per recommendation (session, State under review, text), the first row's action and
issues kept. Sessions 1-16 train, 17-20 test (6-9 are withheld altogether).
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

FOLDER_VARIABLE = "UPR_INFO"  # where the export is, when not ../shared/uprinfo
TRAIN_SESSIONS = range(1, 17)
TEST_SESSIONS = range(17, 21)
VALIDATION_SHARE = 0.15  # of the training rows, for choosing each theme's threshold
SEED = 0


@dataclass(frozen=True)
class Recommendation:
    session: int
    state: str  # under review, as UPR Info names it
    text: str  # spaces collapsed
    action: int  # 1-5
    themes: tuple[str, ...]  # UPR Info's Issue labels


def default_folder() -> Path:
    repository = Path(__file__).resolve().parents[2]
    return Path(os.environ.get(FOLDER_VARIABLE, repository.parent / "shared" / "uprinfo"))


def read_recommendations(folder: Path) -> list[Recommendation]:
    """One row per recommendation, in the files' order (files sorted by name)."""
    found: dict[tuple[int, str, str], Recommendation] = {}
    for path in sorted(folder.glob("recommendations_*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                recommendation = recommendation_of(row)
                key = (recommendation.session, recommendation.state, recommendation.text)
                found.setdefault(key, recommendation)
    return list(found.values())


def recommendation_of(row: dict[str, str]) -> Recommendation:
    return Recommendation(
        session=int(row["Session"]),
        state=row["To"].strip(),
        text=re.sub(r"\s+", " ", row["Text"]).strip(),
        action=int(row["Action"]),
        themes=tuple(sorted({label.strip() for label in row["Issue"].split(",") if label.strip()})),
    )


def train_test(rows: list[Recommendation]) -> tuple[list[Recommendation], list[Recommendation]]:
    return ([r for r in rows if r.session in TRAIN_SESSIONS], [r for r in rows if r.session in TEST_SESSIONS])


def validation_mask(count: int) -> np.ndarray:
    """Which of `count` training rows make the validation part (fixed seed)."""
    return np.random.default_rng(SEED).random(count) < VALIDATION_SHARE
