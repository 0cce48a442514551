"""Edits to a text and the offset bookkeeping they need.

Fixers propose `Edit`s; `apply_edits` applies the non-overlapping ones and
returns an `OffsetMap` so spans found before the edits can be carried into the
edited text.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str
    rule: str | None  # None: a layout change, not logged


class OffsetMap:
    """Maps offsets in a text before some edits to offsets after them.

    Edits are sorted and do not overlap; a binary search keeps a lookup
    logarithmic, so mapping every offset of a huge paragraph stays fast.
    """

    def __init__(self, edits: list[Edit]):
        self.edits = edits
        self.ends = [edit.end for edit in edits]
        self.shifts = list(accumulate((len(e.replacement) - (e.end - e.start) for e in edits), initial=0))

    def __call__(self, offset: int) -> int:
        done = bisect_right(self.ends, offset)  # edits wholly before the offset
        shift = self.shifts[done]
        if done < len(self.edits) and self.edits[done].start < offset:  # inside an edited span: clamp to its end
            edit = self.edits[done]
            return edit.start + shift + len(edit.replacement)
        return offset + shift


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, list[tuple[int, int, Edit, str]], OffsetMap]:
    """Apply non-overlapping edits; returns the text, the logged edits with their
    new spans and originals, and the offset map."""
    edits = sorted(edits, key=lambda e: (e.start, e.end))
    kept: list[Edit] = []
    for edit in edits:
        if kept and edit.start < kept[-1].end:
            continue  # overlapping proposals: the first one wins
        kept.append(edit)
    pieces, logged, cursor, out_len = [], [], 0, 0
    for edit in kept:
        pieces.append(text[cursor : edit.start])
        out_len += edit.start - cursor
        if edit.rule:
            logged.append((out_len, out_len + len(edit.replacement), edit, text[edit.start : edit.end]))
        pieces.append(edit.replacement)
        out_len += len(edit.replacement)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces), logged, OffsetMap(kept)
