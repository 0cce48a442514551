"""Tree and sequence patterns on a doc's arrays match what spaCy's matchers match."""

import pytest
import spacy
from spacy.matcher import DependencyMatcher, Matcher

from pipeline.stages.commit.commitments import load_actor_patterns, load_triggers
from pipeline.stages.commit.token_patterns import DocColumns, SequencePattern, TreePattern, sequence_matches
from pipeline.run.settings import Settings

SENTENCES = [
    "The Government will adopt a new strategy and it shall report to Parliament by 2012.",
    "Kazakhstan intends to ratify the Convention, and the Ministry of Justice is drafting a bill.",
    "The Head of State decided to establish a national preventive mechanism before 2010.",
    "The Council of Ministers is committed to continuing the reform; we are ready to cooperate.",
    "A draft law on the police was submitted to the National Assembly, which should adopt it by 2011.",
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(Settings().model)


@pytest.fixture(scope="module")
def docs(nlp):
    return list(nlp.pipe(SENTENCES))


def test_token_patterns_tree_finds_the_first_nodes_the_dependency_matcher_finds(nlp, docs):
    triggers = [t for t in load_triggers("commitment_triggers.jsonl") if t.matcher == "dependency"]
    found_any = False
    for trigger in triggers:
        matcher = DependencyMatcher(nlp.vocab)
        matcher.add(trigger.id, [trigger.pattern])
        tree = TreePattern(trigger.pattern, nlp.vocab)
        for doc in docs:
            expected = sorted({token_ids[0] for _, token_ids in matcher(doc)})
            assert tree.first_nodes(DocColumns(doc)) == expected, (trigger.id, doc.text)
            found_any = found_any or bool(expected)
    assert found_any


def test_token_patterns_sequences_match_as_the_matcher_does_in_its_order(nlp, docs):
    patterns = [entry["pattern"] for entry in load_actor_patterns("commitment_actors.jsonl")]
    patterns += [[{"LOWER": "of"}, {"LOWER": {"IN": ["justice", "state"]}}], [{"POS": {"NOT_IN": ["NOUN", "PROPN"]}}]]
    matcher = Matcher(nlp.vocab)
    for number, pattern in enumerate(patterns):
        matcher.add(str(number), [pattern])
    sequences = [SequencePattern(pattern, nlp.vocab) for pattern in patterns]
    for doc in docs:
        expected = [(int(nlp.vocab.strings[key]), start, end) for key, start, end in matcher(doc)]
        assert sequence_matches(sequences, DocColumns(doc)) == expected, doc.text


@pytest.mark.parametrize("make", [
    lambda vocab: SequencePattern([{"LOWER": "a", "OP": "?"}], vocab),
    lambda vocab: SequencePattern([{"TEXT": {"REGEX": "^a"}}], vocab),
    lambda vocab: SequencePattern([{"IS_PUNCT": True}], vocab),
    lambda vocab: TreePattern([{"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": "VERB"}},
                               {"LEFT_ID": "v", "REL_OP": "<", "RIGHT_ID": "h", "RIGHT_ATTRS": {}}], vocab),
])
def test_token_patterns_refuse_what_they_do_not_match(nlp, make):
    with pytest.raises(ValueError):
        make(nlp.vocab)


def test_token_patterns_columns_give_children_and_descendants(docs):
    doc = docs[0]
    columns = DocColumns(doc)
    root = doc[:].root.i if len(list(doc.sents)) == 1 else next(doc.sents).root.i
    assert columns.children[root] == [t.i for t in doc[root].children]
    assert sorted(columns.descendants(root)) == sorted(t.i for t in doc[root].subtree if t.i != root)
