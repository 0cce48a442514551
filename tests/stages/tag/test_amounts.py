"""Amount grammar: tests as data (cases/amounts.json) through a blank pipeline, plus links and tagger use."""

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.stages.tag.amounts import counted_noun
from pipeline.stages.tag.vocabulary import singular
from pipeline.stages.tag.currencies import CurrencyReader, currency_table
from pipeline.stages.tag.numbers import decimal_comma_habit, parse_number

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


@pytest.mark.parametrize("text, value", [("1,000", 1000), ("4.7 billion", 4700000000), ("Twenty-five", 25), ("0.15", 0.15),
                                         ("250,00", 250), ("6,5 thousand", 6500), ("1 000 000", 1000000),
                                         ("1, 245,265", 1245265), ("1.234.567,89", 1234567.89), ("600.00", 600)])
def test_amounts_parse_number(text, value):
    assert parse_number(text) == value


def test_amounts_counted_noun_is_none_when_the_noun_slot_holds_a_figure():
    # A statistics table can put "-89,3" where the tagger expects a plural noun.
    doc = Doc(spacy.blank("en").vocab, words=["12", "-89,3"], spaces=[True, False], tags=["CD", "NNS"], pos=["NUM", "NOUN"])
    assert counted_noun(doc, 2, 12.0) is None


def _with_habits(nlp, text, state=None, decimal_comma=False):
    doc = nlp.make_doc(text)
    doc._.state, doc._.decimal_comma = state, decimal_comma
    doc = nlp(doc)
    return [s._.amount for s in doc.spans["amounts"]]


@pytest.mark.parametrize("state, unit, ambiguous", [("BRB", "BBD", True), ("BHS", "BSD", True), ("UKR", "USD", False),
                                                    (None, "USD", False)])
def test_amounts_a_dollar_sign_is_the_states_own_dollar_flagged_ambiguous(rules_nlp, state, unit, ambiguous):
    (found,) = _with_habits(rules_nlp, "a grant of $ 1.2 million", state)
    assert (found["unit"], found.get("ambiguous", False)) == (unit, ambiguous)


def test_amounts_a_prefixed_dollar_sign_is_never_ambiguous(rules_nlp):
    (found,) = _with_habits(rules_nlp, "a grant of US$ 5 million", "BRB")
    assert found["unit"] == "USD" and "ambiguous" not in found


@pytest.mark.parametrize("text, value", [("1,483 people", 1483), ("7,25 per cent", 7.25), ("1.500 persons", 1500)])
def test_amounts_read_ambiguous_numbers_with_the_documents_decimal_comma(rules_nlp, text, value):
    (found,) = _with_habits(rules_nlp, text, decimal_comma=True)
    assert found["value"] == value


@pytest.mark.parametrize("texts, comma", [(["R$ 250,00 and 45,5 per cent", "1.234.567 people"], True),
                                          (["53.4 per cent and 1,234,567 people"], False), (["no numbers"], False)])
def test_amounts_decimal_comma_habit_counts_unambiguous_numbers(texts, comma):
    assert decimal_comma_habit(texts) is comma


@pytest.mark.parametrize("form, side, state, code", [("R$", "before", None, "BRL"), ("₸", "before", None, "KZT"),
                                                     ("colones", "after", None, "CRC"), ("reais", "after", "BRA", "BRL"),
                                                     ("dollars", "after", "JAM", "JMD"), ("CUP", "after", None, "CUP")])
def test_amounts_currency_forms_come_from_cldr(form, side, state, code):
    assert CurrencyReader(currency_table()).read(form, side, state).code == code


@pytest.mark.parametrize("form", ["cup", "all", "top", "real", "won"])
def test_amounts_currency_codes_and_common_words_after_a_number_are_no_currency(form):
    assert CurrencyReader(currency_table()).read(form, "after", None) is None
