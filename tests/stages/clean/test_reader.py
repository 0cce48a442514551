"""The per-document reader (reader.py): readings from the document's own words."""

import string

import pytest

from pipeline.stages.clean.channel import GENERIC_EDIT_COST, confusions, readings
from pipeline.stages.clean.document_lexicon import DocumentLexicon
from pipeline.stages.clean.known_words import KNOWN_ZIPF, TOKEN_RE, candidate_words, zipf
from pipeline.stages.clean.reader import (
    DOCUMENT_EDIT_COST,
    DOCUMENT_READING_MIN,
    REAL_WORD_MAX_COST,
    REAL_WORD_MIN_RATIO,
    DocumentReader,
)


DOCUMENT = "The government and the Government of all human rights; all human rights, all government. " * 3


def document_readings_by_brute_force(observed: str, lexicon: DocumentLexicon) -> list[str]:
    """The words the document writes often that any letter put back anywhere makes."""
    places = range(len(observed) + 1)
    forms = [observed[:i] + letter + observed[i:] for i in places for letter in string.ascii_lowercase]
    return list(dict.fromkeys(f for f in forms if lexicon.words[f] >= DOCUMENT_READING_MIN and f in candidate_words()))


@pytest.mark.parametrize("observed", ["govenment", "goverment", "hman", "al", "rigts", "humanrights", "the"])
def test_reader_document_readings_find_what_putting_back_any_letter_finds(observed):
    lexicon = DocumentLexicon([DOCUMENT])
    if zipf(observed) < KNOWN_ZIPF:
        assert list(DocumentReader(lexicon).document_readings(observed)) == document_readings_by_brute_force(
            observed, lexicon
        )
    else:
        assert DocumentReader(lexicon).document_readings(observed) == {}  # a word English knows is taken as written


def test_reader_document_readings_restore_one_letter_of_a_word_the_document_writes_often():
    assert DocumentReader.of([DOCUMENT]).document_readings("govenment") == {"government": DOCUMENT_EDIT_COST}
    assert DocumentReader.of(["The government."]).document_readings("govenment") == {}  # written once: no evidence


def test_reader_two_confusions_cost_more_than_a_real_word_reading_may():
    """What lets `likely_misreadings` list one confusion only."""
    assert 2 * min(c.cost for c in confusions()) > REAL_WORD_MAX_COST
    assert GENERIC_EDIT_COST > REAL_WORD_MAX_COST


def test_reader_likely_misreadings_hold_every_word_with_a_cheap_reading_the_document_writes_often():
    text = DOCUMENT + " the hill and the bill, the bill, the bill; wornen and women, women, women, women. " * 2
    lexicon = DocumentLexicon([text])
    words = {w.lower() for w in TOKEN_RE.findall(text)} | {"hill", "bil", "biil", "wornen", "rnen", "govemment"}
    cheap = {
        word
        for word in words
        for reading, cost in readings(word).items()
        if cost <= REAL_WORD_MAX_COST and lexicon.words[reading] >= REAL_WORD_MIN_RATIO
    }
    assert {"hill", "wornen", "bil"} <= cheap
    assert cheap <= DocumentReader(lexicon).likely_misreadings
