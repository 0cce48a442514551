"""A paragraph record's annotations as highlightable spans, for people to read.

Entry points: `paragraph_spans(record) -> SpanSet` turns the corrections,
entities, dates, amounts and commitments of one emitted paragraph into `Span`s
with a short normalized description each; `nest(text, spans)` arranges them
into a tree that can be written as properly nested markup (a span that crosses
the end of an enclosing one is split in two fragments, so overlapping
annotations never break the HTML). Shared by the HTML report and `show`.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field, replace
from typing import Any, Union

# Annotation kinds as the record fields that hold them, outermost first: on equal spans
# a commitment encloses an entity, which encloses an amount, a date, then a correction.
KINDS = ("commitment", "entity", "amount", "date", "correction")
FIELDS = {"commitment": "commitments", "entity": "entities", "amount": "amounts", "date": "dates",
          "correction": "corrections"}
NESTING_RANK = {kind: rank for rank, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # one of KINDS
    label: str  # the short class: "ORG", "day", "money", "pledge", the correction rule
    tip: str  # the normalized value, as a person reads it
    original: str | None = None  # for corrections: the text before the correction
    first: bool = True  # False for the continuation of a span split by nesting
    last: bool = True  # False for a span cut short by nesting (more follows)


@dataclass
class SpanSet:
    spans: list[Span] = field(default_factory=list)
    invalid: int = 0  # annotations whose offsets do not fit the text (not shown)


@dataclass
class Mark:
    span: Span
    children: list["Node"] = field(default_factory=list)


Node = Union[str, Mark]


def paragraph_spans(record: dict[str, Any]) -> SpanSet:
    text = record.get("text") or ""
    found = SpanSet()
    for kind in KINDS:
        for annotation in record.get(FIELDS[kind]) or []:
            if has_valid_offsets(annotation, len(text)):
                found.spans.append(to_span(kind, annotation))
            else:
                found.invalid += 1
    return found


def has_valid_offsets(annotation: Any, length: int) -> bool:
    if not isinstance(annotation, dict):
        return False
    start, end = annotation.get("start_char"), annotation.get("end_char")
    offsets_are_ints = all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end))
    return offsets_are_ints and 0 <= start <= end <= length


def to_span(kind: str, annotation: dict[str, Any]) -> Span:
    label, tip = DESCRIBERS[kind](annotation)
    original = annotation.get("original") if kind == "correction" else None
    return Span(annotation["start_char"], annotation["end_char"], kind, label, tip, original)


# ---------------------------------------------------------------- normalized values

def describe_entity(entity: dict[str, Any]) -> tuple[str, str]:
    label = str(entity.get("label") or "entity")
    return label, label


def describe_date(date: dict[str, Any]) -> tuple[str, str]:
    granularity = str(date.get("granularity") or "date")
    return granularity, f"{iso_interval(date.get('start'), date.get('end'))} ({granularity})"


def iso_interval(start: Any, end: Any) -> str:
    """ISO 8601: one date when start and end agree, `start/end` otherwise."""
    if not start and not end:
        return "unresolved"
    if start == end:
        return str(start)
    return f"{start or '..'}/{end or '..'}"


def describe_amount(amount: dict[str, Any]) -> tuple[str, str]:
    kind = str(amount.get("kind") or "amount")
    value, unit = amount.get("value"), amount.get("unit")
    shown = " ".join(part for part in (format_number(value), str(unit or "")) if part)
    return kind, f"{kind}: {shown or 'no value'}"


def format_number(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, (int, float)) else str(value)


def describe_commitment(commitment: dict[str, Any]) -> tuple[str, str]:
    kind = str(commitment.get("kind") or "commitment")
    parts = [kind]
    for name in ("actor", "action", "object"):
        if commitment.get(name):
            parts.append(f"{name}: {span_text(commitment[name])}")
    parts.append(f"deadline: {describe_deadline(commitment.get('deadline'))}")
    return kind, "; ".join(parts)


def span_text(value: Any) -> str:
    """The words of a span record ({text, start_char, end_char}), or of a plain value."""
    return str(value.get("text") or "") if isinstance(value, dict) else str(value or "")


def describe_deadline(deadline: Any) -> str:
    if not isinstance(deadline, dict):
        return "none"
    interval = iso_interval(deadline.get("start"), deadline.get("end"))
    return f"{deadline.get('text') or ''} ({interval})".strip()


def describe_correction(correction: dict[str, Any]) -> tuple[str, str]:
    rule = str(correction.get("rule") or "correction")
    original = visible(str(correction.get("original") or ""))
    replacement = visible(str(correction.get("replacement") or ""))
    return rule, f"OCR {rule}: “{original}” → “{replacement}”"


def visible(text: str) -> str:
    """Line breaks and removed text made visible in a one-line description."""
    return text.replace("\n", "⏎") if text else "∅"


DESCRIBERS = {
    "entity": describe_entity,
    "date": describe_date,
    "amount": describe_amount,
    "commitment": describe_commitment,
    "correction": describe_correction,
}


# ---------------------------------------------------------------- nesting

def nest(text: str, spans: list[Span]) -> list[Node]:
    """The text as a tree of strings and marks, every mark inside its parent.

    Spans are opened in order of start (longer and outer kinds first); one that
    would end after its parent is split at the parent's end and the rest taken
    up again from there, so no markup ever crosses.
    """
    root: list[Node] = []
    stack: list[tuple[int, list[Node]]] = [(len(text), root)]
    queue = [(s.start, -s.end, NESTING_RANK[s.kind], order, s) for order, s in enumerate(spans)]
    heapq.heapify(queue)
    position = 0

    def add_text(children: list[Node], upto: int) -> None:
        nonlocal position
        if upto > position:
            children.append(text[position:upto])
            position = upto

    def close_until(offset: int) -> None:
        while len(stack) > 1 and stack[-1][0] <= offset:
            end, children = stack.pop()
            add_text(children, end)

    while queue:
        _, _, rank, order, span = heapq.heappop(queue)
        close_until(span.start)
        parent_end, parent_children = stack[-1]
        if span.end > parent_end:
            rest = replace(span, start=parent_end, first=False)
            heapq.heappush(queue, (rest.start, -rest.end, rank, order, rest))
            span = replace(span, end=parent_end, last=False)
        add_text(parent_children, span.start)
        mark = Mark(span)
        parent_children.append(mark)
        stack.append((span.end, mark.children))
    close_until(len(text))
    add_text(root, len(text))
    return root
