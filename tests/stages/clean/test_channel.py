"""The confusion channel and candidate generation (channel.py)."""

import string

import pytest

from pipeline.stages.clean.channel import GENERIC_EDIT_COST, MAX_READING_COST, _generic_edits, confusions, readings
from pipeline.stages.clean.known_words import KNOWN_ZIPF, candidate_words, zipf


def test_channel_readings_are_weighted_by_the_confusion_table():
    costs = readings("specia")
    assert costs["special"] < costs.get("species", float("inf"))


def inverse_confusions(form: str) -> dict[str, float]:
    """Every form one listed confusion could have turned into `form`, tried at every place."""
    found: dict[str, float] = {}
    for confusion in confusions():
        observed, intended = confusion.observed, confusion.intended
        places = range(len(form) + 1) if not observed else [i for i in range(len(form)) if form.startswith(observed, i)]
        for i in places:
            reading = form[:i] + intended + form[i + len(observed) :]
            found[reading] = min(found.get(reading, float("inf")), confusion.cost)
    return found


def readings_by_brute_force(observed: str) -> dict[str, float]:
    """`readings` without the generic edits, by trying every confusion at every place
    (twice for a word wordfreq does not know)."""
    candidates = candidate_words()
    first = inverse_confusions(observed)
    found = {form: cost for form, cost in first.items() if form in candidates}
    for form, cost in first.items() if zipf(observed) < KNOWN_ZIPF else ():
        for reading, step in inverse_confusions(form).items():
            if reading in candidates and cost + step <= MAX_READING_COST:
                found[reading] = min(found.get(reading, float("inf")), cost + step)
    found.pop(observed, None)
    return found


DAMAGED_WORDS = ["specia", "congtitution", "legidation", "hedth", "mgjor", "govemment", "rnany", "tbe",
                 "benefitsincreased", "organizationsin", "lnstitutions", "wornen", "dcvclopment", "ofthe",
                 "humn", "clarly", "forning", "tiat", "governnent"]  # ... and two confusions that overlap


@pytest.mark.parametrize("observed", DAMAGED_WORDS)
def test_channel_readings_agree_with_trying_every_confusion_at_every_place(observed):
    """`readings` tries a second confusion after an inserted string only as a compound
    confusion of the token (where the two overlap): elsewhere they commute."""
    listed = {reading: cost for reading, cost in readings(observed).items() if cost < GENERIC_EDIT_COST}
    assert listed == readings_by_brute_force(observed)


def one_letter_edits(form: str) -> set[str]:
    letters = string.ascii_lowercase
    deleted = {form[:i] + form[i + 1 :] for i in range(len(form))}
    replaced = {form[:i] + c + form[i + 1 :] for i in range(len(form)) for c in letters}
    return deleted | replaced | {form[:i] + c + form[i:] for i in range(len(form) + 1) for c in letters}


@pytest.mark.parametrize("form", [*DAMAGED_WORDS, "xspecial", "specialx", "spxecial", "qqqqqq", "a"])
def test_channel_generic_edits_skip_only_places_where_no_candidate_word_is_left(form):
    candidates = candidate_words()
    assert {f for f in _generic_edits(form) if f in candidates} == one_letter_edits(form) & candidates
