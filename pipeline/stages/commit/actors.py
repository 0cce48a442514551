"""Actors of commitments: the placeholders the component leaves for the caller, and the
abbreviations a document defines for its State actors ("Ministry of Justice (MoJ)" -> the
MoJ is the Ministry of Justice). Pure functions of spaCy tokens and the actor labels the
component's actor patterns give them (pipeline/data/commitment_actors.jsonl)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.tokens import doc_text
from pipeline.patterns import ABBREVIATION_IN_BRACKETS

COUNTRY = "{country}"
ANTECEDENT = "$antecedent"
PHRASE = "$phrase"  # the actor is the subject phrase itself ("Ministry of Justice")
UNSPECIFIED = "unspecified"

# "Ministry of Justice (MoJ)": an abbreviation the document defines, two capitals or more.
ACRONYM_RE = re.compile(ABBREVIATION_IN_BRACKETS)
ACRONYM_LINKS = ("of", "the", "and", "for", "on", "'s", "\u2019s", "-")  # words a long form skips


def defined_acronyms(doc: Doc, labels: dict[int, str]) -> dict[str, str]:
    """The State actors the doc defines abbreviations for: "Ministry of Justice (MoJ)" ->
    {"MoJ": "Ministry of Justice"}, "Government of ... (GoIRA)" -> {"GoIRA": "Government"}.
    `labels`: token index -> actor label."""
    definitions = [(m.group(1), doc.char_span(*m.span(1))) for m in ACRONYM_RE.finditer(doc_text(doc))]
    found: dict[str, str] = {}
    for abbr, span in definitions:
        if span is None or span.start == 0:
            continue
        long_form = acronym_long_form(abbr, doc[span.start - 1])
        label = long_form_actor(long_form, labels) if long_form is not None else None
        if label is not None:
            found.setdefault(abbr, label)
    return found


def long_form_actor(long_form: Span, labels: dict[int, str]) -> str | None:
    """The actor a long form names, by its head word's actor label; the phrase itself for a
    ministry or a court."""
    label = labels.get(long_form.root.i)
    if label == PHRASE:
        return long_form.text
    return label if label != ANTECEDENT else None


def acronym_long_form(abbr: str, paren: Token) -> Span | None:
    """The capitalised words before "(" whose initials spell the abbreviation's capitals; when
    they do not (an abbreviation of the State's own language: "National Institute of
    Statistics (INE)"), the run of capitalised words before the bracket, two or more."""
    initials = [c for c in abbr if c.isupper()]
    i = paren.i - 1
    start = None
    while initials and i >= paren.sent.start:
        word = paren.doc[i]
        if word.text[:1].isupper() and word.text[0] == initials[-1]:
            initials.pop()
            start = i
        elif word.lower_ not in ACRONYM_LINKS:
            return capitalised_run(paren)
        i -= 1
    return paren.doc[start : paren.i] if not initials and start is not None else capitalised_run(paren)


def capitalised_run(paren: Token) -> Span | None:
    """"the National Institute of Statistics (": its capitalised words and their links."""
    i, start = paren.i - 1, None
    while i >= paren.sent.start and (paren.doc[i].text[:1].isupper() or paren.doc[i].lower_ in ACRONYM_LINKS):
        if paren.doc[i].text[:1].isupper() and paren.doc[i].lower_ not in ACRONYM_LINKS:
            start = i
        i -= 1
    if start is None or paren.i - start < 2:
        return None
    return paren.doc[start : paren.i]


def without_open_bracket(mention: Span) -> Span:
    """"Ministry of Public Health (MoPH" -> "Ministry of Public Health": a bracket the phrase does not close."""
    opened = [t.i for t in mention if t.text == "("]
    if opened and not any(t.text == ")" for t in mention if t.i > opened[-1]) and opened[-1] > mention.start:
        return mention.doc[mention.start : opened[-1]]
    return mention
