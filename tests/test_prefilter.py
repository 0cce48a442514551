"""The one prefilter type: what a text or a doc must contain for a pattern to match there."""

import re

from pipeline.prefilter import NOTHING_NEEDED, DocWords, Prefiltered, WordNeeds, all_found, needs, needs_any_case


def test_prefilter_needs_are_searched_in_the_text_or_its_lowered_form():
    assert needs(r"\d{4}").found_in("in 2009")
    assert not needs(r"\d{4}").found_in("in May")
    assert needs_any_case("since").found_in("SINCE 2005", "since 2005")
    assert not needs_any_case("since").found_in("Since 2005", "from 2005")
    assert needs_any_case("since").found_in("whatever")  # no lowered text: it cannot say no
    assert NOTHING_NEEDED.found_in("")


def test_prefilter_a_prefiltered_pattern_runs_only_where_its_needs_are():
    year_range = Prefiltered(re.compile(r"(?<=\s)\d{4}-\d{4}"), needs(r"\d-\d"))
    assert [m.group() for m in year_range.finditer("from 2001-2003")] == ["2001-2003"]
    assert list(year_range.finditer("from 2001 to 2003")) == []


def test_prefilter_all_found_keeps_each_answer_for_the_rules_sharing_a_need():
    year, ago = needs(r"\d{4}"), needs("ago")
    memo: dict = {}
    assert not all_found((year, ago), "in 2009", None, memo)
    assert memo == {year: True, ago: False}
    assert all_found((year,), "in 2009", None, memo)


def test_prefilter_word_needs_are_one_accepted_word_per_needed_token():
    lower = 1
    columns = {lower: [10, 11, 12]}  # the doc's hashes under one attribute
    assert WordNeeds(((lower, frozenset({11, 99})), (lower, frozenset({12})))).found_in(DocWords(columns))
    assert not WordNeeds(((lower, frozenset({11})), (lower, frozenset({98})))).found_in(DocWords(columns))
    assert WordNeeds().found_in(DocWords({}))  # nothing needed: always runs
