"""An addendum's answers by number, and their link to the report's records."""

from pipeline.outputs.tables import addendum_answers as linked_answers
from pipeline.stages.recommend.addenda import addendum_answers, is_addendum

ANSWERS = ("Recommendations 94.1, 94.3 and 94.7 to 94.9 are accepted. 94.2 - Noted. "
           "Algeria does not accept recommendation 94.4.")


def test_addenda_answers_by_number_with_ranges():
    answers = {a["number"]: a["response"] for a in addendum_answers([(3, ANSWERS)])}
    assert answers == {"94.1": "supported", "94.3": "supported", "94.7": "supported", "94.8": "supported",
                       "94.9": "supported", "94.2": "noted", "94.4": "noted"}


def test_addenda_a_lead_without_numbers_carries_to_the_next_sentence():
    answers = addendum_answers([(4, "The following recommendations enjoy the support of Chad: 94.5, 94.6.")])
    assert [(a["number"], a["response"]) for a in answers] == [("94.5", "supported"), ("94.6", "supported")]


def test_addenda_are_known_by_their_symbol_and_linked_to_their_report():
    assert is_addendum("A/HRC/19/12/Add.1") and not is_addendum("A/HRC/19/12")
    documents = [{"symbol": "A/HRC/19/12/Add.1", "answers": [{"number": "94.2", "response": "noted", "para": 5}]},
                 {"symbol": "A/HRC/19/12", "answers": []}]
    assert linked_answers(documents) == {"A/HRC/19/12 94.2": {"symbol": "A/HRC/19/12/Add.1", "para": 5,
                                                              "response": "noted"}}
