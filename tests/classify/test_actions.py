"""The action category: the leading-verb rule and the committed model on clear cases."""

import pytest

from pipeline.classify.actions import LeadingVerb, action_categories, leading_verb


@pytest.mark.parametrize("text, verb", [
    ("Continue its efforts to combat poverty", LeadingVerb("continue", 2)),
    ("Continue and strengthen its efforts", LeadingVerb("continue and", 4)),
    ("Further strengthen the national human rights institution", LeadingVerb("strengthen", 4)),
    ("Consider ratifying the Optional Protocol", LeadingVerb("consider", 3)),
    ("Step up measures against trafficking", LeadingVerb("step up", 4)),
    ("Urgently abolish the death penalty", LeadingVerb("abolish", 5)),
    ("Seek technical assistance from OHCHR", LeadingVerb("seek", 1)),
])
def test_leading_verb_reads_the_opening_verb_after_adverbs(text, verb):
    assert leading_verb(text) == verb


@pytest.mark.parametrize("text", ["", "The Government is commended for its report", "Its efforts to continue"])
def test_leading_verb_is_none_when_no_listed_verb_opens_the_text(text):
    assert leading_verb(text) is None


@pytest.mark.parametrize("text, category", [
    ("Seek technical assistance from the international community to build capacity", 1),
    ("Continue its efforts to promote the rights of women", 2),
    ("Consider ratifying the Convention on the Rights of Persons with Disabilities", 3),
    ("Take measures to improve conditions in prisons", 4),
    ("Ratify the International Convention for the Protection of All Persons from Enforced Disappearance", 5),
    ("Adopt a law criminalizing domestic violence", 5),
])
def test_action_categories_gives_the_clear_cases_their_category(text, category):
    [found] = action_categories([text])
    assert found.category == category
