"""UPR Info's action category of a recommendation (1-5), from its own wording.

1 addressed to other States or calling for assistance, 2 continuing action, 3 considering
action, 4 general action, 5 specific action. The category given is the trained model's
(classify/actions.npz: TF-IDF words, word pairs and the first words by position, a linear
SVM); the leading-verb rule (classify/action_verbs.tsv) is kept beside it as evidence and
as the documented baseline: it reads the opening verb ("Continue", "Consider ratifying",
"Take measures"), the model also weighs what follows ("Adopt a law" is specific, "Adopt
measures" general). Figures: classify/training_figures.json and docs/recommendations.md.

>>> leading_verb("Further strengthen the NHRI")
LeadingVerb(phrase='strengthen', category=4)
>>> leading_verb("Consider ratifying OP-CAT")
LeadingVerb(phrase='consider', category=3)
>>> leading_verb("The Government is commended") is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from pipeline.classify.features import words
from pipeline.classify.linear_model import LinearTextModel
from pipeline.resources import data_lines, loaded_once

MODEL = "classify/actions.npz"
VERBS = "classify/action_verbs.tsv"
OPENERS = "classify/action_openers.txt"


class LeadingVerb(NamedTuple):
    phrase: str  # as listed in action_verbs.tsv
    category: int


@dataclass(frozen=True)
class ActionCategory:
    category: int  # the model's
    score: float  # its decision score (higher: surer)
    rule: LeadingVerb | None  # what the leading-verb rule reads, None when no listed verb opens the text


@loaded_once
def action_model() -> LinearTextModel:
    return LinearTextModel.load(MODEL)


@loaded_once
def verb_lexicon() -> dict[tuple[str, ...], int]:
    """Phrase (as words) -> category."""
    phrases = (line.split("\t") for line in data_lines(VERBS))
    return {tuple(phrase.split()): int(category) for phrase, category in phrases}


@loaded_once
def openers() -> frozenset[str]:
    return frozenset(data_lines(OPENERS))


@loaded_once
def longest_verb() -> int:
    return max(len(phrase) for phrase in verb_lexicon())


def leading_verb(text: str) -> LeadingVerb | None:
    """The longest listed phrase the text opens with, once the openers are skipped."""
    tokens = words(text)
    start = next((i for i, word in enumerate(tokens) if word not in openers()), len(tokens))
    lexicon = verb_lexicon()
    for length in range(min(longest_verb(), len(tokens) - start), 0, -1):
        phrase = tuple(tokens[start:start + length])
        if phrase in lexicon:
            return LeadingVerb(" ".join(phrase), lexicon[phrase])
    return None


def action_categories(texts: list[str], model: LinearTextModel | None = None) -> list[ActionCategory]:
    """One category per text, in order; by the committed model unless another is given."""
    model = model or action_model()
    return [
        ActionCategory(int(model.labels[best]), round(float(row[best]), 3), leading_verb(text))
        for text, row in zip(texts, model.scores(texts))
        for best in [int(row.argmax())]
    ]
