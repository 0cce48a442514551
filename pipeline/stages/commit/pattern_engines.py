"""Two engines for the commitment finder's patterns, behind one interface.

A pattern is in spaCy's format: a DependencyMatcher pattern (a tree: nodes with RIGHT_ID) or
a Matcher token pattern (a sequence). An engine gives, for the patterns asked for, every match
as (key, start, end):

- a tree's match is its first node, once, as (key, i, i + 1): the trees in the order their keys
  were added, each one's nodes in text order;
- a sequence's matches follow, in the order spaCy's Matcher gives them (by end, then start,
  then pattern).

`SpacyEngine` runs spaCy's DependencyMatcher and Matcher: the reference, and the engine for
patterns with operators. `FastEngine` matches the trees and the operator-free sequences on
the doc's attribute arrays (token_patterns.py), several times faster; it refuses, when they
are added, the patterns it does not match. Tests run the commitment finder with each and
compare (tests/stages/commit/test_pattern_engines.py).
"""

from __future__ import annotations

from typing import Any, Collection, Iterable, Protocol

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.matcher import DependencyMatcher, Matcher
from spacy.vocab import Vocab

from pipeline.prefilter import WordNeeds
from pipeline.stages.commit.token_patterns import DocColumns, SequencePattern, TreePattern, sequence_matches

Pattern = list[dict[str, Any]]
Match = tuple[str, int, int]  # (key, start, end)


class PatternEngine(Protocol):
    def add(self, key: str, pattern: Pattern) -> None:
        """A pattern under its own key (one pattern a key)."""

    def __call__(self, columns: DocColumns, keys: Collection[str] | None = None) -> list[Match]:
        """The matches in a doc (read through its columns) of the patterns `keys` (None: all)."""


def is_tree(pattern: Pattern) -> bool:
    return bool(pattern) and "RIGHT_ID" in pattern[0]


class Keys:
    """The keys of an engine's patterns, in the order they were added."""

    def __init__(self) -> None:
        self.order: dict[str, int] = {}

    def add(self, key: str) -> None:
        if key in self.order:
            raise ValueError(f"a pattern is already added under {key!r}")
        self.order[key] = len(self.order)

    def chosen(self, keys: Collection[str] | None) -> list[str]:
        """The keys asked for, in the order they were added."""
        if keys is None:
            return list(self.order)
        wanted = set(keys)
        return [key for key in self.order if key in wanted]


class FastEngine:
    """Trees and operator-free sequences matched on a doc's attribute arrays."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.keys = Keys()
        self.trees: dict[str, TreePattern] = {}
        self.sequences: dict[str, SequencePattern] = {}

    def add(self, key: str, pattern: Pattern) -> None:
        compiled = TreePattern(pattern, self.vocab) if is_tree(pattern) else SequencePattern(pattern, self.vocab)
        self.keys.add(key)
        if isinstance(compiled, TreePattern):
            self.trees[key] = compiled
        else:
            self.sequences[key] = compiled

    def __call__(self, columns: DocColumns, keys: Collection[str] | None = None) -> list[Match]:
        chosen = self.keys.chosen(keys)
        found = [(key, i, i + 1) for key in chosen if key in self.trees for i in self.trees[key].first_nodes(columns)]
        sequences = [key for key in chosen if key in self.sequences]
        matches = sequence_matches([self.sequences[key] for key in sequences], columns)
        return found + [(sequences[number], start, end) for number, start, end in matches]


class SpacyEngine:
    """spaCy's DependencyMatcher and Matcher, each holding only the patterns asked for: a
    matcher's cost grows with every pattern it holds, and few combinations occur (a prefilter
    asks for the patterns whose words a doc has)."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.keys = Keys()
        self.patterns: dict[str, Pattern] = {}
        self.matchers: dict[tuple[str, ...], tuple[DependencyMatcher, Matcher]] = {}

    def add(self, key: str, pattern: Pattern) -> None:
        self.keys.add(key)
        self.patterns[key] = pattern
        self.matchers.clear()

    def __call__(self, columns: DocColumns, keys: Collection[str] | None = None) -> list[Match]:
        chosen = tuple(self.keys.chosen(keys))
        if not chosen:
            return []
        trees, sequences = self.matchers_of(chosen)
        doc, strings = columns.doc, columns.doc.vocab.strings
        nodes = {(strings[key], token_ids[0]) for key, token_ids in trees(doc)} if len(trees) else set()
        order = self.keys.order
        found = [(key, i, i + 1) for key, i in sorted(nodes, key=lambda node: (order[node[0]], node[1]))]
        return found + [(strings[key], start, end) for key, start, end in (sequences(doc) if len(sequences) else [])]

    def matchers_of(self, chosen: tuple[str, ...]) -> tuple[DependencyMatcher, Matcher]:
        if chosen not in self.matchers:
            trees, sequences = DependencyMatcher(self.vocab, validate=True), Matcher(self.vocab, validate=True)
            for key in chosen:
                (trees if is_tree(self.patterns[key]) else sequences).add(key, [self.patterns[key]])
            self.matchers[chosen] = trees, sequences
        return self.matchers[chosen]


ENGINES: dict[str, type[FastEngine] | type[SpacyEngine]] = {"fast": FastEngine, "spacy": SpacyEngine}


def make_engine(name: str, vocab: Vocab) -> PatternEngine:
    if name not in ENGINES:
        raise ValueError(f"unknown pattern engine {name!r}: one of {', '.join(ENGINES)}")
    return ENGINES[name](vocab)


# ------------------------------------------------------------------ word prefilter

# The token attributes a pattern names words by, as DocWords and DocColumns key them.
WORD_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "LEMMA": LEMMA}


def words_needed(token_patterns: Iterable[dict[str, Any]], vocab: Vocab) -> WordNeeds:
    """What a doc must contain for the patterns to match: for each token pattern that must
    match (not optional) and names its words, the words it accepts."""
    needs = []
    for attrs in token_patterns:
        if attrs.get("OP", "+") != "+":
            continue
        for name, value in attrs.items():
            accepted = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
            if name.upper() in WORD_ATTRS and accepted:
                needs.append((WORD_ATTRS[name.upper()], frozenset(vocab.strings.add(w) for w in accepted)))
    return WordNeeds(tuple(needs))
