"""Commit stage: what the State says it will do, is doing, or needs to do (issue 6).

Entry point: `find_commitments(paragraphs, nlp, document_date, dates, docs=None, abbreviations=(),
country=None, document_type=None)` fills each Paragraph.commitments with one record per committing sentence:
    {kind, strength, speaker, actor, actor_mention, action, object, deadline, trigger, themes, text, start_char,
     end_char}
`actor_mention`, `action` and `object` are {text, start_char, end_char} (or null); `deadline`
is {text, start, end, relation, start_char, end_char} or null. All offsets point into Paragraph.text.
`speaker` is who reports the commitment, by the document's type (pipeline/data/commitment_speakers.tsv):
the State in its national report and the Working Group's report, OHCHR in a compilation,
stakeholders in a summary.
The sentences are found by the spaCy component `upr_commitments`
(pipeline/stages/commit/commitments.py); this stage resolves what needs the whole document:
the country's name, "it" across paragraphs, and deadlines from the paragraph's dates.

`document_commitments(document, nlp)` runs it inside the pipeline, on the docs the tag
stage parsed, with the document context's date and State (the State named most often
when neither the symbol nor the cover names one). The flat view of the commitments
across documents (output/commitments.jsonl and .csv) is written by pipeline/outputs/tables.py.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from datetime import date
from typing import Any, Callable, ContextManager, Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.classify.themes import themes_of
from pipeline.isolation import Isolation
from pipeline.model import Abbreviation, Document, Paragraph, State
from pipeline.resources import data_rows, loaded_once
from pipeline.stages.commit import commitments as component  # registers the "upr_commitments" factory
from pipeline.stages.commit.actors import ANTECEDENT, COUNTRY
from pipeline.stages.commit.deadlines import DateDict, link_deadline

COMPONENT = "upr_commitments"
STAGE = "commit"
STATE = "State"  # the actor when the country's name is unknown, and the speaker of the State's own documents
REPORTED = "reported"
SPEAKERS_FILE = "commitment_speakers.tsv"
MOST_NAMED = "most named place"
COUNTRY_PREFIX_RE = re.compile(r"^(?:the\s+)?(?:(?:Republic|Kingdom|State|Commonwealth)\s+of\s+(?:the\s+)?)?",
                               re.IGNORECASE)


def document_commitments(document: Document, nlp: Language, isolation: Isolation | None = None) -> None:
    """The stage as the pipeline runs it, on the tag stage's parsed docs. A State the
    context did not know is taken from the docs and written into the context. `isolation`:
    what a component error on one paragraph costs (default: it raises)."""
    if COMPONENT not in nlp.pipe_names:
        document.warnings.append("commitments not extracted: they need a spaCy model with a parser")
        return
    paragraphs, context = document.segmentation.tagged_paragraphs, document.context
    state = context.state or most_named_state(document.docs)
    if state != context.state:
        document.context = dataclasses.replace(context, state=state)
    find_commitments(paragraphs, nlp, context.document_date, dates=[p.dates for p in paragraphs], docs=document.docs,
                     abbreviations=context.abbreviations, country=country_name(state.name) if state else None,
                     isolation=isolation, document_type=context.document_type)


@loaded_once
def speakers() -> dict[str, tuple[str, str]]:
    """document type -> (speaker, register), from commitment_speakers.tsv."""
    rows = (line.rstrip("\n").split("\t") for line in data_rows(SPEAKERS_FILE))
    return {kind: (speaker, register) for kind, speaker, register in rows}


def speaker_of(document_type: str | None) -> tuple[str, str]:
    """Who reports a document's commitments, and in which register ("own" or "reported")."""
    return speakers().get(document_type or "", (STATE, "own"))


def find_commitments(
    paragraphs: list[Paragraph],
    nlp: Language,
    document_date: date | None,
    dates: list[list[DateDict]],
    docs: list[Doc] | None = None,
    batch_size: int = 64,
    abbreviations: Sequence[Abbreviation] = (),
    country: str | None = None,
    isolation: Isolation | None = None,
    document_type: str | None = None,
) -> None:
    """Fill Paragraph.commitments. `dates`: the date dicts of each paragraph (the tagging
    stage's Paragraph.dates), where deadlines are taken from; `docs`: the paragraphs
    already parsed by `nlp` without the commitment finder (parsed here when None);
    `abbreviations`: the document's list of them (Segmentation.abbreviations); `country`:
    the State's name as actors are written (None: the place the docs name most often);
    `isolation`: what an error on one paragraph costs (default: it raises);
    `document_type`: the context's, which says who speaks (speaker_of)."""
    if len(dates) != len(paragraphs):
        raise ValueError(f"dates given for {len(dates)} paragraphs, expected {len(paragraphs)}")
    if docs is None:
        with nlp.select_pipes(disable=[COMPONENT]):
            docs = list(nlp.pipe([p.text for p in paragraphs], batch_size=batch_size))
    finder, guard = nlp.get_pipe(COMPONENT), (isolation or Isolation(STAGE)).guard
    country = country or document_country(docs)
    speaker, register = speaker_of(document_type)
    for doc in docs:
        doc._.reported = register == REPORTED
    find_with_country(finder, list(zip(paragraphs, docs)), country, listed_abbreviation_actors(finder, nlp, abbreviations),
                      guard)
    previous_actor: str | None = None
    for index, (paragraph, doc) in enumerate(zip(paragraphs, docs)):
        paragraph_dates = dates[index]
        fallback = previous_actor or country or STATE
        paragraph.commitments = []
        with guard(paragraph, COMPONENT):
            paragraph.commitments = [
                commitment_record(span, paragraph.text, paragraph_dates, document_date, country, fallback, speaker)
                for span in component.commitment_spans(doc)
            ]
        if doc._.last_state_actor:
            previous_actor = final_actor(doc._.last_state_actor, None, country, fallback)
    add_themes([commitment for paragraph in paragraphs for commitment in paragraph.commitments])


def add_themes(commitments: list[dict[str, Any]]) -> None:
    """Each commitment's themes, its sentence classified with the document's others in one batch."""
    if commitments:
        for commitment, themes in zip(commitments, themes_of([c["text"] for c in commitments])):
            commitment["themes"] = [theme.label for theme in themes]


def find_with_country(finder, parsed: list[tuple[Paragraph, Doc]], country: str | None, listed: dict[str, str],
                      guard: Callable[[Paragraph, str], ContextManager[None]]) -> None:
    """Give the docs the country and the abbreviations the document defines ("Ministry of
    Justice (MoJ)"), then find the commitments: the component needs them to know that
    "Slovenia" or "the MoJ" is the State. `listed`: the actors of the document's list of
    abbreviations (short form -> actor), used where no paragraph defines the short form;
    `guard(paragraph, component)`: where an error on one paragraph goes."""
    acronyms: dict[str, str] = {}
    for paragraph, doc in parsed:
        with guard(paragraph, COMPONENT):
            for abbr, actor in finder.acronym_actors(doc).items():
                acronyms.setdefault(abbr, actor)  # the first definition stands
    for abbr, actor in listed.items():
        acronyms.setdefault(abbr, actor)
    for paragraph, doc in parsed:
        doc._.country = country
        doc._.acronyms = acronyms
        with guard(paragraph, COMPONENT):
            finder(doc)


def listed_abbreviation_actors(finder, nlp: Language, abbreviations: Sequence[Abbreviation]) -> dict[str, str]:
    """Short form -> actor for the document's list of abbreviations, each long form parsed
    on its own (a document without a list parses nothing)."""
    if not abbreviations:
        return {}
    with nlp.select_pipes(disable=[COMPONENT]):
        long_forms = dict(zip((a.short for a in abbreviations), nlp.pipe(a.long for a in abbreviations)))
    return finder.listed_actors(long_forms)


def commitment_record(span: Span, text: str, dates: list[DateDict], document_date: date | None,
                      country: str | None, fallback: str, speaker: str = STATE) -> dict[str, Any]:
    found = span._.commitment
    return {
        "kind": found["kind"],
        "strength": found["strength"],
        "speaker": speaker,
        "actor": final_actor(found["actor"], found["actor_mention"], country, fallback),
        "actor_mention": span_record(found["actor_mention"]),
        "action": span_record(found["action"]),
        "object": span_record(found["object"]),
        "deadline": deadline(found, text, dates, document_date),
        "trigger": found["trigger"],
        "themes": [],  # filled for the whole document at once (add_themes)
        "text": span.text,
        "start_char": span.start_char,
        "end_char": span.end_char,
    }


def deadline(found: dict[str, Any], text: str, dates: list[DateDict], document_date: date | None) -> DateDict | None:
    """The date in the trigger's clause; a stated need has none."""
    if found["kind"] == "need":
        return None
    scope = found["scope"]
    preferred = [(a.start_char, a.end_char) for a in found["adjuncts"]]
    acted_on = (found["object"].start_char, found["object"].end_char) if found["object"] is not None else None
    return link_deadline(text, scope.start_char, scope.end_char, dates, document_date, preferred, acted_on)


def final_actor(label: str, mention: Span | None, country: str | None, fallback: str) -> str:
    """Replace the component's placeholders with what the document says."""
    if label == ANTECEDENT:
        return fallback
    if label != COUNTRY:
        return label
    named = country_name(mention.text) if mention is not None and mention.label_ == "GPE" else None
    return named or country or STATE


def span_record(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": span.text, "start_char": span.start_char, "end_char": span.end_char}


def country_name(text: str) -> str:
    return COUNTRY_PREFIX_RE.sub("", text.strip()).strip()


def most_named_state(docs: list[Doc]) -> State | None:
    name = document_country(docs)
    return State(name, None, MOST_NAMED) if name is not None else None


def document_country(docs: Iterable[Doc]) -> str | None:
    """The country a report is about: the place it names most often."""
    counts = Counter(country_name(e.text) for doc in docs for e in doc.ents if e.label_ == "GPE")
    if not counts:
        return None
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]
