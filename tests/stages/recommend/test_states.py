"""Recommending States normalized: pycountry, the UN's short forms, recommenders that are not States."""

import pytest

from pipeline.stages.recommend.states import normalize_state, split_states


@pytest.mark.parametrize("printed, name, iso3", [
    ("Venezuela (Bolivarian Republic of)", "Bolivarian Republic of Venezuela", "VEN"),
    ("United Kingdom", "United Kingdom of Great Britain and Northern Ireland", "GBR"),
    ("the former Yugoslav Republic of Macedonia", "The former Yugoslav Republic of Macedonia", "MKD"),
    ("Côte d’Ivoire", "Côte d'Ivoire", "CIV"),
    ("Republic of Korea", "Republic of Korea", "KOR"),
    ("The Holy See", "Holy See", "VAT"),
    ("European Union", "European Union", None),
    ("Slovakia", "Slovakia", "SVK"),
])
def test_states_normalized(printed, name, iso3):
    assert normalize_state(printed) == (name, iso3)


def test_states_groups_split_at_commas_and_and_but_not_inside_names():
    assert [s.iso3 for s in split_states("Trinidad and Tobago, Iran (Islamic Republic of) and Chile")] == [
        "TTO", "IRN", "CHL"]


def test_states_a_group_that_is_not_all_states_is_text():
    assert split_states("CRC") is None
    assert split_states("Spain, 2010") is None
