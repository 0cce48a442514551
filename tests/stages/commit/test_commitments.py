"""The `upr_commitments` spaCy component: registered factory, configurable data files."""

from __future__ import annotations

import json

import pytest
import spacy

from spacy.attrs import LEMMA, LOWER

from pipeline.prefilter import DocWords, WordNeeds
from pipeline.stages.commit.commitments import Trigger, commitment_spans, load_triggers
from pipeline.stages.commit.pattern_engines import words_needed
from pipeline.stages.commit.token_patterns import DocColumns
from pipeline.run.settings import Settings


def test_components_commitments_default_triggers_load_and_validate():
    triggers = load_triggers("commitment_triggers.jsonl")
    assert {t.kind for t in triggers} == {"pledge", "pending", "need"}
    assert len({t.id for t in triggers}) == len(triggers)


def test_components_commitments_unknown_kind_is_rejected():
    with pytest.raises(ValueError, match="unknown kind 'promise'"):
        Trigger(id="x", kind="promise", pattern=[])


def test_components_commitments_triggers_come_from_the_configured_file(tmp_path):
    """Only the configured trigger fires: "will" makes no pledge when it is not in the file."""
    only_need = tmp_path / "triggers.jsonl"
    only_need.write_text(json.dumps({
        "id": "need_there_is", "kind": "need", "strength": "need", "matcher": "token", "anchor": 1,
        "pattern": [{"LOWER": "there"}, {"LEMMA": "be"}, {"LOWER": "a"}, {"LEMMA": "need"}, {"LOWER": "to"}],
    }) + "\n", encoding="utf-8")
    nlp = spacy.load(Settings().model)
    nlp.add_pipe("upr_commitments", config={"triggers": str(only_need)})
    doc = nlp("The Government will build schools. There is a need to train teachers.")
    assert [(span.text, span.label_) for span in commitment_spans(doc)] == [
        ("There is a need to train teachers.", "need")]
    assert commitment_spans(doc)[0]._.commitment["trigger"] == "need_there_is"


def test_components_commitments_words_needed_are_the_required_tokens_words():
    """Optional tokens and tokens named by tags alone need nothing; the others need one of their words."""
    vocab = spacy.blank("en").vocab
    needs = words_needed([{"LEMMA": {"IN": ["plan", "intend"]}}, {"LOWER": "to", "OP": "?"}, {"POS": "VERB"},
                          {"LOWER": "now", "OP": "+"}], vocab)
    assert needs == WordNeeds(((LEMMA, frozenset({vocab.strings["plan"], vocab.strings["intend"]})),
                               (LOWER, frozenset({vocab.strings["now"]}))))


def test_components_commitments_a_trigger_runs_only_on_a_doc_with_its_words():
    nlp = spacy.load(Settings().model)
    needs = words_needed([{"LEMMA": "plan"}, {"LOWER": "to"}], nlp.vocab)
    assert needs.found_in(DocWords(DocColumns(nlp("The Ministry plans to open schools.")).values))
    assert not needs.found_in(DocWords(DocColumns(nlp("The Ministry planned nothing.")).values))  # "to" is missing
    assert WordNeeds().found_in(DocWords(DocColumns(nlp("")).values))  # nothing needed: always runs


def test_components_commitments_token_triggers_match_as_one_matcher_of_them_all():
    """Each doc runs a matcher of only the token triggers whose words it has: same matches, same order."""
    from spacy.matcher import Matcher

    nlp = spacy.load(Settings().model)
    nlp.add_pipe("upr_commitments")
    finder = nlp.get_pipe("upr_commitments")
    every_trigger = Matcher(nlp.vocab)
    for trigger, _ in finder.token_triggers:
        every_trigger.add(trigger.id, [trigger.pattern])
    texts = ["There are plans to build schools, and the bill is under consideration.",
             "It is necessary to train judges; there is a need for shelters, which are needed.",
             "The reform is in the process of adoption and remains pending."]
    matched = 0
    for doc in nlp.pipe(texts):
        columns = DocColumns(doc)
        found = finder.token_matches(columns, DocWords(columns.values))
        assert found == [(nlp.vocab.strings[key], start, end) for key, start, end in every_trigger(doc)]
        matched += len(found)
    assert matched >= 3


def test_components_commitments_every_trigger_names_a_known_strength():
    assert {t.strength for t in load_triggers("commitment_triggers.jsonl")} == {
        "firm", "plan", "considering", "ongoing", "need"}
    with pytest.raises(ValueError, match="unknown strength 'strong'"):
        Trigger(id="x", kind="pledge", strength="strong", pattern=[])
