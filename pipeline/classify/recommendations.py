"""What a recommendation asks for and what it is about: the API the recommend stage calls.

>>> found = classify_recommendations(["Ratify the Convention against Torture"])[0]
>>> found.action_category, found.action_rule, [theme.label for theme in found.themes]
(5, LeadingVerb(phrase='ratify', category=5), ['International instruments', 'Torture and other CID treatment'])
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.classify.actions import LeadingVerb, action_categories
from pipeline.classify.themes import Theme, themes_of


@dataclass(frozen=True)
class Classification:
    action_category: int | None  # UPR Info's 1-5; None for an empty text
    action_score: float  # the model's decision score for it
    action_rule: LeadingVerb | None  # the leading verb and the category the rule gives it
    themes: list[Theme]  # UPR Info's issue labels, surest first


def classify_recommendations(texts: list[str]) -> list[Classification]:
    """One classification per text, in order (the recommendation without its recommending
    States). Deterministic; the models load once per process."""
    actions = action_categories(texts)
    return [
        Classification(action.category if text.strip() else None, action.score, action.rule, themes)
        for text, action, themes in zip(texts, actions, themes_of(texts))
    ]
