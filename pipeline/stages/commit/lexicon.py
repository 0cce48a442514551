"""The word lists the commitment finder judges a trigger's subject and clause by
(pipeline/data/commitment_lexicon.json), as one frozen dataclass of lower-case lemmas."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.resources import data_json


@dataclass(frozen=True)
class Lexicon:
    """Word lists from commitment_lexicon.json (lemmas, lower case)."""

    activity_nouns: frozenset[str]
    draft_nouns: frozenset[str]
    draft_markers: frozenset[str]  # "the draft legislation", "the proposed amendments": not yet law
    private_actors: frozenset[str]
    non_agentive_verbs: frozenset[str]
    agentive_when_transitive: frozenset[str]  # "agencies will increase the number", "will become a party"
    completion_verbs: frozenset[str]
    law_reporting_verbs: frozenset[str]
    law_nouns: frozenset[str]
    permissive_modals: frozenset[str]  # "the court may decide": what the law allows, not a commitment
    recommending_verbs: frozenset[str]  # "Jordan recommended that Comoros continue": someone else's wish
    saying_verbs: frozenset[str]  # "the delegation stated that ...": what the State says, in reported speech
    non_state_words: frozenset[str]  # "International Criminal Court", "UNICEF": not the State
    framing_verbs: frozenset[str]  # "It is expected that the Committee will ...": the clause commits
    habitual_adverbs: frozenset[str]  # "has always drafted legislation with ...": a habit


def load_lexicon(name: str | Path) -> Lexicon:
    return lexicon_of(data_json(name))


def lexicon_of(data: dict[str, list[str]]) -> Lexicon:
    return Lexicon(**{f: frozenset(data[f]) for f in Lexicon.__dataclass_fields__})
