"""What a recommendation asks for and what it is about: the one place a classifier plugs in.

`classify_recommendations(texts) -> list[Classification]`, one per text, in order: the
action category on UPR Info's 1-5 scale (now the leading-verb rule of action.py) and the
themes (UPR Info's `Issue` labels; none yet: a theme classifier replaces the empty list
here). It takes the texts of a whole document at once, so a model can batch them.
"""

from __future__ import annotations

from typing import NamedTuple

from pipeline.stages.recommend.action import action_category


class Classification(NamedTuple):
    action_category: int | None  # 1-5, None when the text gives no verb
    themes: list[str]  # UPR Info issue labels


def classify_recommendations(texts: list[str]) -> list[Classification]:
    return [Classification(action_category(text), []) for text in texts]
