"""Amount grammar: tests as data (cases/amounts.json) through a blank pipeline, plus links and tagger use."""

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.stages.tag.amounts import counted_noun
from pipeline.stages.tag.vocabulary import singular
from pipeline.stages.tag.numbers import parse_number

CASES = json.loads((Path(__file__).parent / "cases" / "amounts.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rules_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("upr_dates")
    nlp.add_pipe("upr_amounts")
    return nlp


def amounts(nlp, text):
    doc = nlp(text)  # kept alive: a span group needs its doc
    return [s._.amount for s in doc.spans["amounts"]]


@pytest.mark.parametrize("case", CASES["cases"], ids=lambda c: c["text"][:40])
def test_amounts_find_every_amount_with_its_value(rules_nlp, case):
    found = amounts(rules_nlp, case["text"])
    assert [[a["text"], a["kind"], a["value"], a["unit"]] for a in found] == case["amounts"]
    for a in found:
        assert case["text"][a["start_char"]:a["end_char"]] == a["text"]


def test_amounts_link_a_sum_to_its_restatement_in_another_currency(rules_nlp):
    first, second = amounts(rules_nlp, "US$ 6 million (1 billion tenge)")
    assert first["equivalent_of"] == {"start_char": second["start_char"], "end_char": second["end_char"]}
    assert second["equivalent_of"] == {"start_char": first["start_char"], "end_char": first["end_char"]}


def test_amounts_skip_numbers_inside_blocking_entities():
    nlp = spacy.blank("en")
    nlp.add_pipe("upr_amounts")
    doc = nlp.make_doc("the Group of 77 met")
    doc.ents = [doc.char_span(4, 15, label="ORG")]
    assert list(nlp(doc).spans["amounts"]) == []


def test_amounts_counted_noun_uses_tags_when_present():
    words = ["102", "State", "medical", "and", "social", "institutions", "opened"]
    doc = Doc(spacy.blank("en").vocab, words=words,
              tags=["CD", "NNP", "JJ", "CC", "JJ", "NNS", "VBD"], pos=["NUM", "PROPN", "ADJ", "CCONJ", "ADJ", "NOUN", "VERB"])
    end, unit = counted_noun(doc, 3, 102)
    assert (doc.text[4:end], unit) == ("State medical and social institutions", "institution")


@pytest.mark.parametrize("plural, single", [("organizations", "organization"), ("people", "person"), ("countries", "country"),
                                             ("churches", "church"), ("cases", "case"), ("status", "status")])
def test_amounts_singular_of_counted_nouns(plural, single):
    assert singular(plural) == single


@pytest.mark.parametrize("text, value", [("1,000", 1000), ("4.7 billion", 4700000000), ("Twenty-five", 25), ("0.15", 0.15)])
def test_amounts_parse_number(text, value):
    assert parse_number(text) == value


def test_amounts_counted_noun_is_none_when_the_noun_slot_holds_a_figure():
    # A statistics table can put "-89,3" where the tagger expects a plural noun.
    doc = Doc(spacy.blank("en").vocab, words=["12", "-89,3"], spaces=[True, False], tags=["CD", "NNS"], pos=["NUM", "NOUN"])
    assert counted_noun(doc, 2, 12.0) is None
