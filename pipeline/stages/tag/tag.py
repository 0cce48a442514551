"""Tag stage: entities, dates and amounts of every paragraph, through one spaCy pipeline.

Entry points: `load_nlp(model)` (once per process: the document pipeline every
NLP stage shares, the commitment finder included when the model can parse) and
`tag_paragraphs(paragraphs, nlp, document_date, batch_size, abbreviations)` (the date
and the abbreviations are the document context's), which runs `nlp.pipe` once over the paragraphs, fills
`Paragraph.entities`, `.dates` and `.amounts` with spans into the cleaned `text`,
and returns the parsed docs for the commit stage.
The components are in this folder (registered by pipeline/components.py); any installed English spaCy pipeline
can carry them, and without one a blank English pipeline runs the rules alone.
"""

from __future__ import annotations

import gc
import re
import warnings
from collections import Counter, defaultdict
from datetime import date
from functools import lru_cache
from typing import Any, Callable, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import components  # noqa: F401  (registers the factories)
from pipeline.stages.tag.entities import RULER_ID, add_entity_ruler
from pipeline.stages.tag.numbers import decimal_comma_habit
from pipeline.errors import ModelNotInstalled, PipelineError, UnsupportedModel
from pipeline.isolation import Isolation
from pipeline.model import Abbreviation, Paragraph
from pipeline.nlp.overlaps import non_overlapping
from pipeline.patterns import ABBREVIATION_IN_BRACKETS
from pipeline.run.fingerprint import NO_MODEL, model_not_installed

# Parts of a trained pipeline no component uses (the parser gives the sentences).
UNUSED_PIPES = ["senter"]
COMMITMENTS = "upr_commitments"
STAGE = "tag"
TOKENIZER = "tokenizer"


class RuleOnlyTagging(UserWarning):
    """No spaCy model: entities come from the domain patterns alone."""


@lru_cache(maxsize=None)
def load_nlp(model: str) -> Language:
    """The tagging pipeline for a model name, built once per process."""
    nlp = _trained_pipeline(model)
    if nlp is None:
        nlp = spacy.blank("en")
    split_glued_footnote_marks(nlp)
    if "ner" in nlp.pipe_names:
        add_entity_ruler(nlp, before="ner")
        nlp.add_pipe("upr_entity_cleaner", after="ner")
    else:
        add_entity_ruler(nlp)
        nlp.add_pipe("upr_entity_cleaner")
    nlp.add_pipe("upr_dates")
    nlp.add_pipe("upr_amounts")
    if "parser" in nlp.pipe_names:  # commitments need the dependency parse
        nlp.add_pipe(COMMITMENTS)
    freeze_loaded_objects()
    return nlp


def freeze_loaded_objects() -> None:
    """What a process loads once (this pipeline, the lexicons of the stages before) lives as
    long as the process: keep it out of the cyclic garbage collector, whose full passes would
    otherwise walk all of it every few documents (~100 ms a pass)."""
    gc.collect()
    gc.freeze()


# Footnote numbers the extraction glued to a word ("Principles),4", "Content,12", "Republic13",
# "Principles.11"): tokens of their own, so a name ends where it ends.
GLUED_FOOTNOTE_INFIXES = [r"(?<=[A-Za-z)\]]),(?=\d)", r"(?<=[A-Za-z])\)(?=,\d)", r"(?<=[a-z]{3})(?=\d{1,3}\b)",
                          r"(?<=[a-z]{3})\.(?=\d{1,3}\b)"]


def split_glued_footnote_marks(nlp: Language) -> None:
    infixes = list(nlp.Defaults.infixes) + GLUED_FOOTNOTE_INFIXES
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


def _trained_pipeline(model: str) -> Language | None:
    if model.lower() == NO_MODEL:
        warnings.warn("tagging without a spaCy model (--model none): rules only, fewer entities", RuleOnlyTagging)
        return None
    try:
        nlp = spacy.load(model, exclude=UNUSED_PIPES)
    except OSError as exc:
        raise ModelNotInstalled(model_not_installed(model)) from exc
    if nlp.lang != "en":
        raise UnsupportedModel(f"spaCy model {model!r} is for language {nlp.lang!r}; tagging needs an English model")
    return nlp


def tag_paragraphs(paragraphs: list[Paragraph], nlp: Language, document_date: date | None,
                   batch_size: int = 64, abbreviations: Sequence[Abbreviation] = (),
                   isolation: Isolation | None = None, state: str | None = None) -> list[Doc]:
    """Tag every paragraph; returns the parsed docs (the commit stage reads them next).
    `document_date`: relative dates ("last year") count from it; `abbreviations`: the
    document's list of them; `isolation`: what a component error on one paragraph costs
    (default: it raises); `state`: the ISO 3166 alpha-3 code of the State under review (a "$"
    in a report on a State that uses a dollar may be its own, its provinces are places).
    Whether the document writes decimals with a comma is read from all its paragraphs.

    The commitment finder waits: it needs the document's country, known only
    once every paragraph is parsed.
    """
    waiting = [COMMITMENTS] if COMMITMENTS in nlp.pipe_names else []
    facts = {"document_date": document_date, "state": state,
             "decimal_comma": decimal_comma_habit([p.text for p in paragraphs])}
    parsed = parse_isolated(nlp, paragraphs, facts, batch_size, waiting, isolation or Isolation(STAGE))
    for paragraph, doc in zip(paragraphs, parsed, strict=True):
        paragraph.entities = [
            {"text": e.text, "start_char": e.start_char, "end_char": e.end_char, "label": e.label_} for e in doc.ents
        ]
        paragraph.dates = [span._.date for span in doc.spans.get("dates", [])]
        paragraph.amounts = [span._.amount for span in doc.spans.get("amounts", [])]
    make_entities_consistent(paragraphs, abbreviations, nlp.get_pipe(RULER_ID).patterns.head_of)
    return parsed


def parse_isolated(nlp: Language, paragraphs: list[Paragraph], facts: dict[str, Any], batch_size: int,
                   disable: list[str], isolation: Isolation) -> list[Doc]:
    """The paragraphs through `nlp.pipe` in batches; when a batch raises, each paragraph
    again on its own, so only the paragraph that fails loses the component that failed."""
    try:
        with nlp.select_pipes(disable=disable):
            return list(nlp.pipe((new_doc(nlp, p.text, facts) for p in paragraphs), batch_size=batch_size))
    except PipelineError:
        raise  # the time limit, struck inside a component
    except Exception:  # a component bug: find the paragraph and the component
        return [parse_without_failing(nlp, p, facts, disable, isolation) for p in paragraphs]


def parse_without_failing(nlp: Language, paragraph: Paragraph, facts: dict[str, Any], disable: list[str],
                          isolation: Isolation) -> Doc:
    """One paragraph through the pipeline, rerun from its text without each component that
    raised (recorded on the paragraph by `isolation`)."""
    left_out = set(disable)
    while True:
        component = TOKENIZER
        try:
            doc = new_doc(nlp, paragraph.text, facts)
            for component, process in nlp.pipeline:
                if component not in left_out:
                    doc = process(doc)
            return doc
        except PipelineError:
            raise
        except Exception as exc:
            isolation.failed(paragraph, component, exc)
            if component == TOKENIZER:
                return new_doc(nlp, "", facts)
            left_out.add(component)


def new_doc(nlp: Language, text: str, facts: dict[str, Any]) -> Doc:
    """A paragraph's doc with the document's facts as extensions: `document_date` (relative dates
    count from it), `state` (ISO 3166 alpha-3) and `decimal_comma` (the document's habit)."""
    doc = nlp.make_doc(text)
    for name, value in facts.items():
        setattr(doc._, name, value)
    return doc


# ------------------------------------------------------------------ document consistency

def make_entities_consistent(paragraphs: list[Paragraph], abbreviations: Sequence[Abbreviation] = (),
                             head_of: Callable[[str], str | None] | None = None) -> None:
    """The same name gets the same label everywhere in a document, and is found everywhere.

    The label is the one the name has most often, or the one of the name an abbreviation
    is defined after ("Convention on the Rights of Persons with Disabilities (CRPD)": CRPD
    is a treaty wherever it stands), or the one of its long form in the document's list of
    abbreviations (see `listed_labels`); a name tagged somewhere is also tagged where the
    model missed it (whole words, same spelling).
    """
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    defined: dict[str, str] = {}
    for p in paragraphs:
        for e in p.entities:
            labels[e["text"]][e["label"]] += 1
            if m := ABBREVIATION_AFTER_RE.match(p.text, e["end_char"]):
                defined.setdefault(m.group(1), e["label"])
    chosen = {name: defined.get(name) or counts.most_common(1)[0][0] for name, counts in labels.items()}
    for abbr, label in listed_labels(abbreviations, chosen, head_of).items():
        chosen[abbr] = defined.get(abbr, label)  # a definition inside a paragraph stands first
    for abbr in common_noun_abbreviations(paragraphs) - set(defined):
        chosen.pop(abbr, None)  # "maternal mortality ratio (MMR)": MMR names no entity
    finder = _name_finder(chosen)
    for p in paragraphs:
        p.entities = [e for e in p.entities if e["text"] in chosen]
        for e in p.entities:
            e["label"] = chosen[e["text"]]
        if finder is not None:
            p.entities = _with_missed_mentions(p.text, p.entities, finder, chosen)


def listed_labels(abbreviations: Sequence[Abbreviation], chosen: dict[str, str],
                  head_of: Callable[[str], str | None] | None) -> dict[str, str]:
    """Short form -> label for the list's definitions: the label its long form has in the
    document, else the label of the long form's head word ("Ministry of Justice": ORG)."""
    found: dict[str, str] = {}
    for a in abbreviations:
        label = chosen.get(a.long) or (head_of(a.long) if head_of is not None else None)
        if label is not None:
            found[a.short] = label
    return found


# "(CRPD)" right after a name: the abbreviation the document gives it.
ABBREVIATION_AFTER_RE = re.compile(rf"\s*{ABBREVIATION_IN_BRACKETS}")
# "maternal mortality ratio (MMR)": an abbreviation of lowercase words.
LOWERCASE_LONG_FORM_RE = re.compile(r"((?:\b[a-z][a-z\-]*\s+){1,6})\(([A-Z]{2,6})\)")


def common_noun_abbreviations(paragraphs: list[Paragraph]) -> set[str]:
    """Abbreviations a document defines after lowercase words whose initials they are."""
    found = set()
    for p in paragraphs:
        for m in LOWERCASE_LONG_FORM_RE.finditer(p.text):
            initials = "".join(w[0] for w in m[1].split()).upper()
            if initials.endswith(m[2]):
                found.add(m[2])
    return found


def _name_finder(names: dict[str, str]) -> re.Pattern | None:
    usable = sorted((n for n in names if len(n) > 2), key=len, reverse=True)
    if not usable:
        return None
    # The lookahead on the names' first characters fails fast at most words, where trying each name costs.
    first_characters = "".join(sorted({re.escape(n[0]) for n in usable}))
    names_pattern = "|".join(re.escape(n) for n in usable)
    return re.compile(rf"(?<![\w/])(?=[{first_characters}])(?:{names_pattern})(?![\w/])")


def _with_missed_mentions(text: str, entities: list[dict[str, Any]], finder: re.Pattern,
                          labels: dict[str, str]) -> list[dict[str, Any]]:
    """The entities, and the mentions of the document's names where none of them stands."""
    mentions = [{"text": m.group(), "start_char": m.start(), "end_char": m.end(), "label": labels[m.group()]}
                for m in finder.finditer(text)]
    ranked = [(0, e) for e in entities] + [(1, mention) for mention in mentions]  # the entities found first
    kept = non_overlapping(ranked, bounds=lambda r: (r[1]["start_char"], r[1]["end_char"]), preference=lambda r: r[0])
    return [entity for _, entity in kept]
