"""The glued-word fixers (fixers/glued_words.py)."""

import pytest

from pipeline.stages.clean.fixers.glued_words import glued_verdict


@pytest.mark.parametrize("word", ["toto", "awe", "ado", "anon", "todo", "nono"])
def test_glued_words_glued_verdict_keeps_a_word_whose_function_word_split_is_no_english(word):
    assert glued_verdict(word, False) is None
