"""The fast pattern engine finds what spaCy's matchers (the reference engine) find, and the
commitment finder gives the same commitments with either."""

import json

import pytest
import spacy

from conftest import ROOT
from pipeline.run.settings import Settings
from pipeline.stages.commit.commitments import (
    CommitmentFinder,
    commitment_spans,
    load_actor_patterns,
    load_lexicon,
    load_triggers,
)
from pipeline.stages.commit.pattern_engines import FastEngine, SpacyEngine, make_engine
from pipeline.stages.commit.token_patterns import DocColumns

CASES = json.loads((ROOT / "tests" / "data" / "commitment_cases.json").read_text(encoding="utf-8"))["cases"]
SEED_PARAGRAPHS = 120  # of the seed's paragraphs, read too: sentences no case was written for


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(Settings().model)


@pytest.fixture(scope="module")
def docs(nlp):
    seed = (ROOT / "raw" / "A-HRC-WG.6-7-KAZ-1.txt").read_text(encoding="utf-8").split("\n\n")
    texts = [case["text"] for case in CASES] + [" ".join(p.split()) for p in seed if p.strip()][:SEED_PARAGRAPHS]
    return list(nlp.pipe(texts))


def make_finder(nlp, engine):
    return CommitmentFinder(nlp.vocab, load_triggers("commitment_triggers.jsonl"),
                            load_actor_patterns("commitment_actors.jsonl"), load_lexicon("commitment_lexicon.json"),
                            engine)


def commitments(finder, doc):
    """What the finder says about a doc, its spans as token offsets."""
    doc = finder(doc)
    found = []
    for span in commitment_spans(doc):
        record = {key: (value.start, value.end) if hasattr(value, "start") else
                  [(s.start, s.end) for s in value] if isinstance(value, list) else value
                  for key, value in span._.commitment.items()}
        found.append((span.start, span.end, span.label_, record))
    return found, doc._.last_state_actor


def test_pattern_engines_give_the_same_commitments(nlp, docs):
    fast, reference = make_finder(nlp, "fast"), make_finder(nlp, "spacy")
    found = 0
    for doc in docs:
        expected = commitments(reference, doc)
        assert commitments(fast, doc) == expected, doc.text
        found += len(expected[0])
    assert found >= len([case for case in CASES if case["expect"]])


def test_pattern_engines_match_the_triggers_and_actors_alike(nlp, docs):
    triggers = [t for t in load_triggers("commitment_triggers.jsonl") if t.matcher == "dependency"]
    actors = [entry["pattern"] for entry in load_actor_patterns("commitment_actors.jsonl")]
    engines = {name: make_engine(name, nlp.vocab) for name in ("fast", "spacy")}
    for engine in engines.values():
        for trigger in triggers:
            engine.add(trigger.id, trigger.pattern)
        for number, pattern in enumerate(actors):
            engine.add(f"actor {number}", pattern)
    some_keys = {trigger.id for trigger in triggers[::3]} | {"actor 0", "actor 5"}
    matched = 0
    for doc in docs:
        columns = DocColumns(doc)
        for keys in (None, some_keys):
            expected = engines["spacy"](columns, keys)
            assert engines["fast"](columns, keys) == expected, doc.text
            matched += len(expected)
    assert matched


def test_pattern_engines_fast_refuses_what_it_does_not_match_and_spacy_takes_it(nlp):
    with_operator = [{"LOWER": "plans"}, {"LOWER": "to", "OP": "?"}]
    with pytest.raises(ValueError):
        FastEngine(nlp.vocab).add("plans", with_operator)
    reference = SpacyEngine(nlp.vocab)
    reference.add("plans", with_operator)
    assert reference(DocColumns(nlp("It plans to act."))) == [("plans", 1, 2), ("plans", 1, 3)]


def test_pattern_engines_refuse_an_unknown_engine_and_a_key_twice(nlp):
    with pytest.raises(ValueError):
        make_engine("regex", nlp.vocab)
    engine = make_engine("fast", nlp.vocab)
    engine.add("of", [{"LOWER": "of"}])
    with pytest.raises(ValueError):
        engine.add("of", [{"LOWER": "of"}])
