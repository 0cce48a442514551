"""Prefilters: what a text must contain for a costly pattern to match there.

Most paragraphs contain nothing a given rule could match. A cheap search for what every
match must contain (a year's four digits, the word "ago") spares them the rule's costly
one. One type for every user: the OCR fixers, the date rules, the entity shapes and the
commitment patterns. Patterns over text need a regex (`Needs`); patterns over a parsed doc's
tokens (the commitment triggers) need words (`WordNeeds`), found in the doc's words
(`DocWords`); both answer `found_in`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping


@dataclass(frozen=True)
class Needs:
    """What every match contains, as a regex without look-arounds (its repeats bounded, so
    that a long run of letters is not rescanned). `any_case`: written in lower case and
    searched in the lowercased text, found when the caller has none."""

    regex: re.Pattern
    any_case: bool = False

    def found_in(self, text: str, lowered_text: str | None = None) -> bool:
        if not self.any_case:
            return self.regex.search(text) is not None
        return lowered_text is None or self.regex.search(lowered_text) is not None


NOTHING_NEEDED = Needs(re.compile(""))


def needs(pattern: str) -> Needs:
    return Needs(re.compile(pattern))


def needs_any_case(pattern: str) -> Needs:
    return Needs(re.compile(pattern), any_case=True)


@dataclass(frozen=True)
class Prefiltered:
    """A pattern tried only on texts that contain what its matches need."""

    pattern: re.Pattern
    needed: Needs

    def finditer(self, text: str, lowered_text: str | None = None) -> Iterator[re.Match]:
        return self.pattern.finditer(text) if self.needed.found_in(text, lowered_text) else iter(())


def all_found(required: tuple[Needs, ...], text: str, lowered_text: str | None, memo: dict[Needs, bool]) -> bool:
    """Does the text have all of a rule's needs? `memo` keeps each answer for this text: rules share needs."""
    for need in required:
        if need not in memo:
            memo[need] = need.found_in(text, lowered_text)
        if not memo[need]:
            return False
    return True


@dataclass(frozen=True)
class WordNeeds:
    """What every match of a token pattern contains, in words: for each of its tokens that
    must match and names its words, the words it accepts, as hashes of one token attribute
    (ORTH, LOWER or LEMMA). Nothing needed: found in every doc."""

    accepted: tuple[tuple[int, frozenset[int]], ...] = ()

    def found_in(self, words: DocWords) -> bool:
        return all(not accepted.isdisjoint(words[attr]) for attr, accepted in self.accepted)


class DocWords(dict):
    """A doc's words by token attribute, as sets of hashes, each made on first use from the
    doc's `columns` (attribute -> the attribute's hash for each token)."""

    def __init__(self, columns: Mapping[int, Iterable[int]]):
        super().__init__()
        self.columns = columns

    def __missing__(self, attr: int) -> set[int]:
        words = self[attr] = set(self.columns[attr])
        return words
