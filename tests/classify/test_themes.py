"""Themes: the committed model on clear cases, texts with none, and stable output."""

from pipeline.classify.themes import themes_of

TEXTS = [
    "Abolish the death penalty and commute all death sentences",
    "Take measures to combat trafficking in persons, in particular women and children",
    "Ratify the Optional Protocol to the Convention against Torture",
    "Ensure that journalists can work freely and safely",
]


def labels(texts):
    return [[theme.label for theme in found] for found in themes_of(texts)]


def test_themes_of_finds_the_obvious_theme():
    found = labels(TEXTS)
    assert "Death penalty" in found[0]
    assert "Trafficking" in found[1]
    assert "Torture and other CID treatment" in found[2] and "International instruments" in found[2]
    assert "Freedom of the press" in found[3]


def test_themes_of_gives_no_theme_to_texts_about_nothing():
    assert labels(["", "Thank you, Mr. President."]) == [[], []]


def test_themes_of_leaves_unrelated_themes_out():
    assert "Death penalty" not in labels([TEXTS[1]])[0]
    assert "Right to education" not in labels([TEXTS[0]])[0]


def test_themes_of_is_the_same_alone_or_in_a_batch_surest_first():
    batch = themes_of(TEXTS)
    assert batch == [themes_of([text])[0] for text in TEXTS] == themes_of(TEXTS)
    assert all([t.score for t in found] == sorted((t.score for t in found), reverse=True) for found in batch)
    assert all(theme.score >= 0 for found in batch for theme in found)
