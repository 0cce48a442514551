"""The lists of recommendations of a Working Group report, read from the paragraphs' text.

Entry point: `find_recommendations(paragraphs)` with `(para, text)` pairs in document order
-> `Found` records (para, number as printed, offsets into that paragraph's text, the text
without its recommending States, the States, the response the report states).

A list starts after a lead that speaks of recommendations, with "1." or "NN.1" (the
2011+ numbering "109.1", "109.2", ...), and goes on while the next number in sequence
follows (its period may be missing: "4 Encourage"); it may go on in the next paragraph
(a page break the segmentation split at). Item splitting of the segment stage is not
used: the numbers in the text are the only structure trusted. A numbered item holds one
recommendation, or several by different States ("Ratify CED (Spain); Consider accession
to CED (Paraguay);"): it is cut after each group of recommending States that a ";", "."
or "/" follows. The response is the last lead's before the item (pipeline/data/
recommendation_lists.json: "enjoy the support of", "will be examined by", "did not enjoy
the support of", ...), "pending" when no lead states one. A lead that refers to the
dialogue's paragraphs introduces the State's comments, not recommendations (references.py
reads those); a paragraph that is one item, its number taken for the paragraph's, is read
whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from pipeline.resources import data_json, loaded_once
from pipeline.stages.recommend.states import StateName, opening_state, split_states

DATA = "recommendation_lists.json"
# A printed number: "109.12." or "12." (the period may be missing), then the text's first word.
NUMBER = re.compile(r"(?<![\w.,/(-])(?:(?P<main>\d{1,3})\.(?P<sub>\d{1,3})|(?P<n>\d{1,3}))(?P<dot>\.)?"
                    r"(?=\s*[\"“‘'(]?[A-Z])")
ITEM_END = re.compile(r"[.;:)]\s*$")  # what the text before an item's number ends with
AFTER_STATES = re.compile(r"\s*(?:[;./]|$)")  # a group of States that ends a recommendation ("(Spain) / Ratify")
# "Sign (Australia)/Ratify (Argentina)/Accede to OP-CAT (France)": a verb alone before its group
# and a "/" shares the object that follows; at most this many words are such a verb.
SHARED_VERB_WORDS = 3
BETWEEN_GROUPS = re.compile(r"\s*(?:,|and|or)?\s*$")  # "(Spain) (France)", "(Spain), (France)"
DEFAULT_RESPONSE = "pending"


@dataclass(frozen=True)
class Found:
    para: int
    number: str  # as printed: "96.12", "12"; "26 (e)" for a paragraph of the dialogue
    start_char: int
    end_char: int
    text: str  # without the recommending States and footnote lines
    states: tuple[StateName, ...]
    response: str  # "supported", "noted" or "pending"
    response_para: int | None  # the paragraph whose lead sentence states it


@dataclass
class Patterns:
    responses: list[tuple[str, re.Pattern]]
    footnotes: re.Pattern
    ends: re.Pattern
    list_words: re.Pattern
    reference: re.Pattern


@loaded_once
def patterns() -> Patterns:
    data = data_json(DATA)
    return Patterns(
        responses=[(response, re.compile(pattern, re.I)) for response, pattern in data["responses"]],
        footnotes=re.compile("|".join(data["footnotes"]), re.I),
        ends=re.compile("|".join(data["ends"])),
        list_words=re.compile(data["list_words"], re.I),
        reference=re.compile(data["reference"], re.I),
    )


def lead_response(text: str) -> str | None:
    """The response a lead states, or None: the first of the data file's patterns that matches
    ("noted" before "pending" before "supported": "measures already implemented, which will
    be further considered" is pending)."""
    for response, pattern in patterns().responses:
        if pattern.search(text):
            return response
    return None


@dataclass
class Numbering:
    """Where a list stands: the next number expected."""

    main: int | None = None  # 109 in "109.3"; None for a plain "3."
    next: int = 1
    open: bool = False

    def accepts(self, match: re.Match, before: str, new_list: bool) -> bool:
        """The next number of the open list, or a "1."/"NN.1" that starts a list where the
        text before speaks of recommendations (`new_list`)."""
        sub = int(match["sub"] or match["n"])
        ends_item = not before.strip() or bool(ITEM_END.search(before))
        if match["n"] is not None and not (match["dot"] or ends_item):
            return False  # "articles 2 and 16 Convention": a bare number is an item only after an item's end
        if self.open and sub == self.next and (match["main"] is None) == (self.main is None):
            return match["main"] is None or ends_item or int(match["main"]) == self.main
        return sub == 1 and new_list and (ends_item or match["main"] is not None or match["dot"] is not None)

    def take(self, match: re.Match) -> None:
        self.main = int(match["main"]) if match["main"] else None
        self.next = int(match["sub"] or match["n"]) + 1
        self.open = True


@dataclass
class Reader:
    numbering: Numbering = field(default_factory=Numbering)
    response: str = DEFAULT_RESPONSE
    response_para: int | None = None
    comments: bool = False  # the open list answers recommendations given by reference: no recommendations

    def paragraph(self, para: int, text: str) -> Iterator[Found]:
        starts = self.item_starts(para, text)
        if not starts:
            self.numbering.open = self.numbering.open and not text.strip()
            if is_paragraph_item(text):
                yield from item_recommendations(para, str(para), 0, text, len(text), self.response, self.response_para)
            return
        for index, (match, response, response_para) in enumerate(starts):
            if self.comments:
                continue
            end = starts[index + 1][0].start() if index + 1 < len(starts) else len(text)
            end = min(end, self.list_end(text, match.end(), end))
            yield from item_recommendations(para, match.group(0).rstrip("."), match.end(), text, end, response,
                                            response_para)

    def item_starts(self, para: int, text: str) -> list[tuple[re.Match, str, int | None]]:
        """The accepted item numbers, each with the response in force there."""
        accepted: list[tuple[re.Match, str, int | None]] = []
        position = 0
        for match in NUMBER.finditer(text):
            before = text[position:match.start()]
            if not self.numbering.accepts(match, before, new_list=True):
                continue
            gap = before if not accepted else trailing_text(before)
            response = lead_response(gap)
            leading = response is not None or bool(patterns().list_words.search(gap))
            if not self.numbering.accepts(match, before, new_list=leading):
                continue
            if leading and int(match["sub"] or match["n"]) == 1:
                self.comments = patterns().reference.search(last_sentence(gap)) is not None
            if response is not None:
                self.response, self.response_para = response, para
            elif leading and int(match["sub"] or match["n"]) == 1:
                self.response, self.response_para = DEFAULT_RESPONSE, None  # a new list with no stated response
            self.numbering.take(match)
            accepted.append((match, self.response, self.response_para))
            position = match.end()
        return accepted

    @staticmethod
    def list_end(text: str, start: int, end: int) -> int:
        found = patterns().ends.search(text, start, end)
        return found.start() if found else end


def last_sentence(text: str) -> str:
    """The sentence that introduces a list: the text after the last full stop of its lead."""
    return re.split(r"\.\s+(?=[A-Z])", text)[-1]


def trailing_text(item: str) -> str:
    """The text after an item's last group of States: where the next list's lead stands."""
    groups = state_groups(item, 0, len(item))
    return item[groups[-1][1]:] if groups else ""


def is_paragraph_item(text: str) -> bool:
    """A paragraph that is one item of a list whose numbers the segmentation took for
    paragraph numbers: it ends with a group of States, and opens with no State's name
    (a paragraph of the dialogue does: "Mexico recommended ...")."""
    tail = text.rstrip(" ;.")
    if not tail.endswith(")") or not text[:1].isupper():
        return False
    groups = state_groups(tail, max(0, len(tail) - 300), len(tail))
    return bool(groups) and groups[-1][1] == len(tail) and opening_state(text) is None


def item_recommendations(para: int, number: str, start: int, text: str, end: int, response: str,
                         response_para: int | None) -> Iterator[Found]:
    """The recommendations of one numbered item (`number` as printed, its text from `start`):
    cut after each group of States a ";", "." or "/" follows, unless a verb alone stands before
    it (SHARED_VERB_WORDS); text after the last group (the next lead, a closing sentence) is
    not one."""
    groups = state_groups(text, start, end)
    cuts = []
    for index, group in enumerate(groups):
        after = AFTER_STATES.match(text, group[1], end)
        if after and not continues_with_group(groups, index, text):
            previous = groups[index - 1][1] if index else start
            if "/" not in after.group(0) or not verb_alone(text, previous, group[0]):
                cuts.append(group)
    if not cuts:
        cuts = [(end, end, ())]
    for cut_start, cut_end, _ in cuts:
        own = [group for group in groups if start <= group[0] and group[1] <= cut_end]
        states = tuple(dict.fromkeys(state for group in own for state in group[2]))
        left = skip_separators(text, start, cut_end)
        right = cut_end if own else trim_end(text, left, cut_end)
        clean = recommendation_text(text, left, right, own)
        if clean:
            yield Found(para, number, left, right, clean, states, response, response_para)
        start = cut_end


def verb_alone(text: str, start: int, end: int) -> bool:
    return len(text[start:end].split()) <= SHARED_VERB_WORDS


def continues_with_group(groups: list, index: int, text: str) -> bool:
    """"(Spain) (France);": the first group does not end the recommendation."""
    return index + 1 < len(groups) and BETWEEN_GROUPS.match(text[groups[index][1]:groups[index + 1][0]]) is not None


def skip_separators(text: str, start: int, end: int) -> int:
    while start < end and text[start] in " ;.,/\n\t":
        start += 1
    return start


def trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " ;.,\n\t":
        end -= 1
    return end


def recommendation_text(text: str, start: int, end: int, groups: list) -> str:
    pieces, position = [], start
    for group_start, group_end, _ in groups:
        pieces.append(text[position:group_start])
        position = group_end
    pieces.append(text[position:end])
    clean = patterns().footnotes.sub(" ", "".join(pieces))
    clean = re.sub(r"\s+([,;./])", r"\1", re.sub(r"\s+", " ", clean))
    return re.sub(r"[;,]\s*(?:and|or)$", "", clean.strip(" ;,.")).strip(" ;,.")  # "(b) ...; and (c) ..."


def state_groups(text: str, start: int, end: int) -> list[tuple[int, int, tuple[StateName, ...]]]:
    """The parenthesized groups that name recommenders, outermost only, in order:
    (start, end, States); nested "(Iran (Islamic Republic of))" is one group."""
    found: list[tuple[int, int, tuple[StateName, ...]]] = []
    opened: list[int] = []
    for index in range(start, end):
        if text[index] == "(":
            opened.append(index)
        elif text[index] == ")" and opened:
            left = opened.pop()
            states = split_states(text[left + 1:index])
            if states:
                found = [group for group in found if group[0] < left]  # an inner group is part of this one
                found.append((left, index + 1, tuple(states)))
    return found


def find_recommendations(paragraphs: Iterable[tuple[int, str]]) -> list[Found]:
    reader = Reader()
    return [found for para, text in paragraphs for found in reader.paragraph(para, text)]
