"""Token patterns matched on a doc's attribute arrays, with spaCy's Matcher semantics.

spaCy's Matcher makes a Token object for every token of a doc and calls a Python predicate
for every token and every "IN" list of every pattern: run once per commitment trigger on
every paragraph, that was most of the commitment finder's time. Its two simple kinds of
pattern are matched here on the doc's attribute columns, read once per doc as one array:

- `TreePattern`: a DependencyMatcher pattern whose nodes hang from their LEFT_ID by ">"
  (a child) or ">>" (a descendant): the tokens it matches as its first node, found by walking
  the parse down from each token that can be that node;
- `SequencePattern`: a token pattern without operators ("head of state"): where it matches.

A token's attribute equals a string, or is IN / NOT_IN a list, compared as string-store ids
as the Matcher compares them. Anything else in a pattern is refused when it is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, NORM, ORTH, POS, SHAPE, TAG
from spacy.tokens import Doc
from spacy.vocab import Vocab

ATTRIBUTES = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "LEMMA": LEMMA, "POS": POS, "TAG": TAG,
              "DEP": DEP, "SHAPE": SHAPE}
COLUMNS = (ORTH, LOWER, NORM, LEMMA, POS, TAG, DEP, SHAPE)
RELATIONS = (">", ">>")


class Columns(dict):
    """attribute -> its column as a list of ids, each made on first use: most docs need few of them,
    and a column of 64-bit ids costs more to make into Python ints than to read from the doc."""

    def __init__(self, array: numpy.ndarray):
        super().__init__()
        self.array = array

    def __missing__(self, attr: int) -> list[int]:
        column = self[attr] = self.array[:, COLUMNS.index(attr)].tolist()
        return column


class DocColumns:
    """A doc's token attributes as lists of ids (attribute -> column), and its parse as child lists."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.length = len(doc)
        array = doc.to_array([*COLUMNS, HEAD]) if len(doc) else numpy.zeros((0, len(COLUMNS) + 1), "uint64")
        self.values = Columns(array)
        # A head is stored as its offset from the token, negative ones wrapped around as unsigned.
        heads = array[:, -1].astype("int64") + numpy.arange(self.length)
        self.children: list[list[int]] = [[] for _ in range(self.length)]
        for i, head in enumerate(heads.tolist()):
            if head != i:
                self.children[head].append(i)
        self._descendants: dict[int, list[int]] = {}
        self._positions: dict[int, dict[int, list[int]]] = {}

    def positions(self, attr: int) -> dict[int, list[int]]:
        """Where each value of an attribute stands (value -> token indices): built once per attribute."""
        if attr not in self._positions:
            index: dict[int, list[int]] = {}
            for i, value in enumerate(self.values[attr]):
                index.setdefault(value, []).append(i)
            self._positions[attr] = index
        return self._positions[attr]

    def descendants(self, i: int) -> list[int]:
        if i not in self._descendants:
            self._descendants[i] = [d for child in self.children[i] for d in (child, *self.descendants(child))]
        return self._descendants[i]


@dataclass(frozen=True)
class TokenSpec:
    """One token's attributes in a pattern: (attribute, accepted ids, negated) tests, all of which must hold."""

    tests: tuple[tuple[int, frozenset[int], bool], ...]

    @classmethod
    def from_attrs(cls, attrs: dict[str, Any], vocab: Vocab) -> "TokenSpec":
        tests = []
        for name, value in attrs.items():
            attr = ATTRIBUTES.get(name.upper())
            if attr is None:
                raise ValueError(f"token attribute {name!r} is not matched here; use one of {', '.join(ATTRIBUTES)}")
            if isinstance(value, str):
                tests.append((attr, frozenset({vocab.strings.add(value)}), False))
                continue
            if not isinstance(value, dict) or not value or not set(value) <= {"IN", "NOT_IN"}:
                raise ValueError(f"token attribute {name!r}: a string or {{'IN' / 'NOT_IN': [...]}}, not {value!r}")
            for operator, words in value.items():
                tests.append((attr, frozenset(vocab.strings.add(w) for w in words), operator == "NOT_IN"))
        return cls(tuple(tests))

    def holds(self, columns: DocColumns, i: int) -> bool:
        return all((columns.values[attr][i] in accepted) != negated for attr, accepted, negated in self.tests)

    def candidates(self, columns: DocColumns) -> list[int]:
        """The tokens this spec holds for, in order; where a test names values, only where they stand."""
        anchor = next(((attr, accepted) for attr, accepted, negated in self.tests if not negated), None)
        if anchor is None:
            return [i for i in range(columns.length) if self.holds(columns, i)]
        attr, accepted = anchor
        positions = columns.positions(attr)
        found = [i for value in accepted.intersection(positions) for i in positions[value]]
        if len(self.tests) > 1:
            found = [i for i in found if self.holds(columns, i)]
        return sorted(found)


class TreePattern:
    """A DependencyMatcher pattern of ">" and ">>" relations."""

    def __init__(self, nodes: list[dict[str, Any]], vocab: Vocab):
        index: dict[str, int] = {}
        self.specs: list[TokenSpec] = []
        self.below: list[list[tuple[str, int]]] = []  # per node: (relation, node) of the nodes hanging from it
        for number, node in enumerate(nodes):
            if number and (node.get("REL_OP") not in RELATIONS or node.get("LEFT_ID") not in index):
                raise ValueError(f"node {node.get('RIGHT_ID')!r}: a node hangs from an earlier one by one of {RELATIONS}")
            index[node["RIGHT_ID"]] = number
            self.specs.append(TokenSpec.from_attrs(node["RIGHT_ATTRS"], vocab))
            self.below.append([])
            if number:
                self.below[index[node["LEFT_ID"]]].append((node["REL_OP"], number))

    def first_nodes(self, columns: DocColumns) -> list[int]:
        """The tokens the pattern matches as its first node, in order."""
        return [i for i in self.specs[0].candidates(columns) if self.matches_below(0, i, columns)]

    def matches_below(self, node: int, i: int, columns: DocColumns) -> bool:
        """Does each node hanging from `node` match a token in its relation to token i (and so on down)?"""
        for relation, lower in self.below[node]:
            related = columns.children[i] if relation == ">" else columns.descendants(i)
            if not any(self.specs[lower].holds(columns, j) and self.matches_below(lower, j, columns) for j in related):
                return False
        return True


class SequencePattern:
    """A token pattern without operators: one spec per token."""

    def __init__(self, tokens: list[dict[str, Any]], vocab: Vocab):
        if not tokens or any("OP" in attrs for attrs in tokens):
            raise ValueError(f"a sequence pattern is one or more tokens without operators: {tokens!r}")
        self.specs = [TokenSpec.from_attrs(attrs, vocab) for attrs in tokens]

    def starts(self, columns: DocColumns) -> list[int]:
        """Where the pattern matches, by its first token."""
        last_start = columns.length - len(self.specs)
        return [start for start in self.specs[0].candidates(columns) if start <= last_start
                and all(spec.holds(columns, start + k) for k, spec in enumerate(self.specs[1:], start=1))]


def sequence_matches(patterns: list[SequencePattern], columns: DocColumns) -> list[tuple[int, int, int]]:
    """(pattern number, start, end) of every match, in the Matcher's order: by end, then start, then pattern."""
    found = [(start + len(p.specs), start, number) for number, p in enumerate(patterns) for start in p.starts(columns)]
    return [(number, start, end) for end, start, number in sorted(found)]
