"""What English and the domain lexicon know about a word (known_words.py)."""

import random
import string

import pytest
from wordfreq import get_frequency_dict, top_n_list, zipf_frequency

from pipeline.stages.clean.fixers.glued_words import MAX_PIECE_CHARS
from pipeline.stages.clean.known_words import (
    FOREIGN_LANGUAGES,
    PLAIN_WORD_RE,
    domain_lower,
    function_word_pairs,
    function_words,
    is_word,
    standing_words,
    zipf_in,
)


def test_known_words_function_word_pairs_are_pairs_of_function_words_and_never_doubled():
    pairs = function_word_pairs()
    assert pairs and all(len(pair) == 2 and set(pair) <= function_words() and pair[0] != pair[1] for pair in pairs)


@pytest.mark.parametrize("language", ("en", *FOREIGN_LANGUAGES))
def test_known_words_zipf_read_from_the_table_agrees_with_wordfreq(language):
    random_letters = random.Random(7)
    junk = ["".join(random_letters.choices(string.ascii_lowercase, k=random_letters.randint(1, 12))) for _ in range(500)]
    words = [w for w in top_n_list(language, 3000) if w.isascii() and w.isalpha()] + junk + ["Rights", "défenseur"]
    assert [zipf_in(w, language) for w in words] == [zipf_frequency(w, language) for w in words]


def test_known_words_standing_words_are_the_plain_words_is_word_accepts():
    words = [*get_frequency_dict("en"), *domain_lower(), *function_words()]
    plain = [word for word in words if PLAIN_WORD_RE.fullmatch(word) and len(word) <= MAX_PIECE_CHARS]
    assert [word for word in plain if is_word(word) != (word in standing_words())] == []
