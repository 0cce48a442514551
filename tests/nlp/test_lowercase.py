"""Any-case search through the lowercased text finds what a case-insensitive search finds."""

import re

import pytest

from pipeline.nlp.lowercase import CASE_FOLDING_TRAPS_RE, AnyCasePattern, lowered

# Every character but the surrogates: the character classes of a lower-case pattern (\w, \d,
# \s, \b) must read each one as they read its lowercase.
EVERY_CHARACTER = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)


@pytest.mark.parametrize("cls", [r"\w", r"\d", r"\s", r"\b"])
def test_lowercase_keeps_every_character_class_where_it_is(cls):
    text = CASE_FOLDING_TRAPS_RE.sub("", EVERY_CHARACTER)  # a text with one has no lowered text
    assert len(lowered(text)) == len(text)
    assert [m.start() for m in re.finditer(cls, lowered(text))] == [m.start() for m in re.finditer(cls, text)]


def test_lowercase_finds_every_character_case_insensitive_letters_match():
    ascii_letters = re.compile("[a-z]", re.IGNORECASE)
    for char in EVERY_CHARACTER[128:]:
        if ascii_letters.match(char):
            assert lowered(f"x{char}x") is None, hex(ord(char))


@pytest.mark.parametrize("text", ["Article 5, ARTICLE 6 and article 7", "Sections 3 and 4", "ſection 5 (a long s)",
                                  "İtem 5", "no article here"])
def test_lowercase_any_case_pattern_finds_the_case_insensitive_matches(text):
    pattern = AnyCasePattern(r"\b(?:articles?|sections?|item)\s*\d")
    found = [m.span() for m in pattern.finditer(text, lowered(text))]
    assert found == [m.span() for m in re.finditer(r"\b(?:articles?|sections?|item)\s*\d", text, re.IGNORECASE)]


def test_lowercase_any_case_pattern_refuses_capitals():
    with pytest.raises(ValueError):
        AnyCasePattern(r"\S+")
