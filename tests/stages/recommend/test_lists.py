"""The lists of recommendations, read from paragraph text: one small named case per list style."""

from __future__ import annotations

from pipeline.stages.recommend.lists import find_recommendations

GROUPED_2008 = (
    "The recommendations formulated during the interactive dialogue have been examined by Algeria and the "
    "recommendations listed below enjoy the support of Algeria: 1. That Algeria continue a dialogue with minority "
    "religions (The Holy See). 2. That Algeria take appropriate measures to address violence against children "
    "(Italy). 3 Encourage the State to pursue the peace process (Democratic Republic of Congo)."
)
EXAMINED_2008 = ("The following recommendations will be examined by Algeria, which will provide responses in due "
                 "time: 4. Abolish the death penalty (Sweden).")
NOT_SUPPORTED_2008 = "The recommendations below did not enjoy the support of Algeria: 1. Lift the state of emergency (Canada)."
NUMBERED_2012 = (
    "The following recommendations will be examined by Algeria: 129.1 Ratify (Slovakia, Spain), or consider ratifying "
    "(Costa Rica) the Rome Statute (Slovakia) including incorporating crimes and ** Conclusions and recommendations "
    "have not been edited: general principles (Latvia); 129.2 Ratify CED (Spain) (France); Consider the possibility "
    "of accession to CED (Venezuela (Bolivarian Republic of)); 128.3 Ratify the 1961 Convention (Slovakia)."
)
SUPPORTED_NUMBERED = "The recommendations below enjoy the support of Ghana. 96.1. Adopt a plan (European Union)."
DIALOGUE = ("Italy recommended that Algeria withdraw its reservations to articles 2 and 16 of CEDAW, and 1 Special "
            "Rapporteur visited in 2008 (Italy).")


def recommendations(*texts):
    return find_recommendations(enumerate(texts, start=90))


def test_lists_grouping_by_response_2008():
    found = recommendations(GROUPED_2008, EXAMINED_2008, NOT_SUPPORTED_2008)
    assert [(f.para, f.number, f.response) for f in found] == [
        (90, "1", "supported"), (90, "2", "supported"), (90, "3", "supported"),
        (91, "4", "pending"), (92, "1", "noted")]
    assert [f.response_para for f in found] == [90, 90, 90, 91, 92]
    assert found[0].text == "That Algeria continue a dialogue with minority religions"
    assert [s.iso3 for f in found for s in f.states] == ["VAT", "ITA", "COD", "SWE", "CAN"]


def test_lists_number_without_its_period_still_starts_an_item():
    found = recommendations(GROUPED_2008)
    assert found[2].number == "3"
    assert found[1].text.endswith("violence against children")


def test_lists_numbered_items_shared_and_split_recommendations():
    found = recommendations(NUMBERED_2012)
    assert [f.number for f in found] == ["129.1", "129.2", "129.2", "128.3"]  # a misprinted number is kept as printed
    first = found[0]
    assert [s.name for s in first.states] == ["Slovakia", "Spain", "Costa Rica", "Latvia"]
    assert first.text == ("Ratify, or consider ratifying the Rome Statute including incorporating crimes and "
                          "general principles")
    assert [s.name for s in found[1].states] == ["Spain", "France"]
    assert [s.name for s in found[2].states] == ["Bolivarian Republic of Venezuela"]
    assert found[2].text == "Consider the possibility of accession to CED"
    assert {f.response for f in found} == {"pending"}


def test_lists_offsets_point_into_the_paragraph_text():
    for found in recommendations(NUMBERED_2012, GROUPED_2008):
        text = (NUMBERED_2012 if found.para == 90 else GROUPED_2008)[found.start_char:found.end_char]
        assert text.endswith(")") and text[:6] in found.text


def test_lists_introduced_by_a_full_stop_and_non_state_recommenders():
    (found,) = recommendations(SUPPORTED_NUMBERED)
    assert (found.number, found.response, found.states[0].name, found.states[0].iso3) == (
        "96.1", "supported", "European Union", None)


def test_lists_a_list_goes_on_in_the_next_paragraph():
    found = recommendations("The recommendations below enjoy the support of Chad: 88.1. Adopt a plan (France);",
                            "88.2. Ratify CED (Spain).")
    assert [(f.para, f.number, f.response) for f in found] == [(90, "88.1", "supported"), (91, "88.2", "supported")]


def test_lists_numbers_in_running_text_start_no_list():
    assert recommendations(DIALOGUE) == []


def test_lists_verbs_alone_before_their_states_share_the_object():
    found = recommendations("The recommendations below enjoy the support of Canada: 128.1. Sign (Australia)/Ratify "
                            "(Argentina, France)/Accede to the Optional Protocol to CAT (Chile)/Establish a preventive mechanism (Peru);")
    assert [(f.text, [s.iso3 for s in f.states]) for f in found] == [
        ("Sign/Ratify/Accede to the Optional Protocol to CAT", ["AUS", "ARG", "FRA", "CHL"]), ("Establish a preventive mechanism", ["PER"])]
