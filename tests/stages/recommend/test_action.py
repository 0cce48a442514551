"""The action category rule: the leading verb, after an old-style opening."""

import pytest

from pipeline.stages.recommend.action import action_category
from pipeline.stages.recommend.classify import classify_recommendations


@pytest.mark.parametrize("text, category", [
    ("Seek technical assistance from OHCHR to draft its report", 1),
    ("That Algeria share its experience in the fight against terrorism", 1),
    ("Continue its efforts to combat poverty", 2),
    ("Consider ratifying the Rome Statute", 3),
    ("Take measures to protect women", 4),
    ("That the State strengthen its efforts", 4),
    ("Fully implement the plan of action", 5),
    ("Ratify OP-CAT", 5),
])
def test_action_category_by_leading_verb(text, category):
    assert action_category(text) == category


def test_action_classification_gives_one_per_text_and_no_themes_yet():
    assert classify_recommendations(["Ratify CED", "Continue"]) == [(5, []), (2, [])]
