"""Entities: a domain ruler before the statistical NER and a cleaner after it.

Labels: ORG, GPE, LOC, PERSON, NORP, LAW, TREATY, PROGRAMME and SYMBOL (UN
document symbols). Patterns are data (pipeline/data/entity_patterns.jsonl), one
JSON object a line, of three kinds:

- `{"label": "ORG", "pattern": "Human Rights Council"}`: an exact phrase, or a token pattern
  (spaCy's SpanRuler format, which matches them);
- `{"label": "LAW", "head": "Code"}`: a capitalized name containing this head word
  ("Criminal Code", "Ministry of Justice") takes the label of the first head it holds;
- `{"label": "LAW", "regex": "...", "hint": "..."}`: a shape ("law on ..."; a group `(?P<name>...)`
  is the entity within the context the shape reads, "programme entitled “Nurly Kosh”"); `{PHRASE}`, `{CAPS}`,
  `{YEAR}`, `{YEARS}` and `{FULL_DATE}` expand to the fragments in MACROS. The optional `hint`
  is a regex that every match of the shape contains ("aw" in "law on ..."), searched first: a
  shape costs most where it cannot match, in every paragraph.

`add_entity_ruler` puts spaCy's SpanRuler first in the pipeline, for the phrases (with the
States' names as places), and `upr_entity_ruler` before `ner`: it adds the shapes, the UN
document symbols, the provinces and regions of the State under review (`doc._.state`) and the head-word names, chooses among all of them (the longest first, a
phrase before a shape before a name between equals) and sets them as entities, which `ner`
respects; `upr_entity_cleaner` afterwards keeps only the domain labels, drops a leading
article, relabels statistical entities that carry a head word ("the State Legal
Policy Concept" is a PROGRAMME, not an ORG) and drops the small model's known
misreadings (percentages as MONEY, lowercase "persons").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from spacy.attrs import IDX, TAG
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.pipeline.span_ruler import prioritize_new_ents_filter
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from wordfreq import zipf_frequency

from pipeline.states import state_names, subdivision_names
from pipeline.patterns import SYMBOL_RE
from pipeline.stages.tag.dates import FULL_DATE, YEAR
from pipeline.stages.tag.vocabulary import reference_words
from pipeline.nlp.overlaps import non_overlapping
from pipeline.nlp.state import JsonState
from pipeline.nlp.tokens import doc_text, tokens_between
from pipeline.prefilter import Needs, needs
from pipeline.resources import data_jsonl, data_lines

LABELS = ("ORG", "GPE", "LOC", "PERSON", "NORP", "LAW", "TREATY", "PROGRAMME", "SYMBOL")
# spaCy's OntoNotes labels that map onto ours; the others (DATE, MONEY, CARDINAL, ...) are left
# to the date and amount components.
LABEL_MAP = {"FAC": "ORG"}
RULER_ID = "upr_entity_ruler"
PHRASES_ID = "upr_entity_phrases"  # the SpanRuler of the phrases, and its spans key
ENTITY_PATTERNS = "entity_patterns.jsonl"
# Words that end a PHRASE: verbs and clause openers after a name ("law on X was adopted").
PHRASE_STOPS = (
    r"(?:was|were|is|are|be|been|being|has|have|had|will|would|shall|should|can|could|may|must|which|that|who|"
    r"whose|whereby|where|when|while|as|by|including|adopted|approved|passed|entered|came|provides|establishes|"
    r"sets|aims|introduced|amended|signed|ratified|contains|requires|stipulates|prohibits|guarantees|regulates|"
    r"defines|seeks|aimed|if|whereas|because|so\s+that|in\s+order|with\s+a\s+view|and\s+the|and\s+a|in\s+\d|"
    r"in\s+the\s+\d|to\s+be|since|until|through|during|following|within|it|they|we|he|she|there|this|these|those)"
)
WORD = r"[\w’'\-]+"
# Capitalized only because they open a sentence: never the first word of a name.
LEADING_SMALL_WORDS = r"(?:The|A|An|This|That|These|Those|Such|In|On|For|Of|By|With|And|Its|Their|Our|All|Each|Some|Any)"
# Letters only after the capital: a footnote number glued on ("Effects10") is not part of the name.
CAP_WORD = r"(?:No\.\s*\d+|[A-Z](?:[^\W\d_]|[’'\-])*)"
# A capitalized name: capitalized words joined by the small words names use.
# ", " joins only a list that "and" closes: "Economic, Social and Cultural Rights".
COMMA_IN_NAME = r",\s+(?=[A-Z][\w’'\-]*(?:,\s+[A-Z][\w’'\-]*)*\s+and\s+[A-Z])"
# A word in brackets inside a name, where more of the name follows: "Marriage (Matrimony) and
# Family Code", "Domestic Violence (Protection Orders) Act"; not an abbreviation ("Ministry of Justice (MoJ)").
BRACKETED_IN_NAME = r"(?:\s+\([A-Z][a-z]+(?:\s+[A-Za-z][a-z]+)*\)(?=\s+(?:(?:and|of|for)\s+)?[A-Z]))?"
TITLE = (
    rf"{CAP_WORD}{BRACKETED_IN_NAME}(?:(?:\s+(?:(?:and\s+)?(?:of|for|on|to|under|against)(?:\s+(?:the|its|their))?\s+"
    rf"|(?:against|with|and|de|des|du)\s+)?|{COMMA_IN_NAME}){CAP_WORD}{BRACKETED_IN_NAME})*"
)
TITLE_RE = re.compile(rf"(?<![\w’'\-]){TITLE}")
MACROS = {
    "PHRASE": rf"(?!{PHRASE_STOPS}\b){WORD}(?:\s+(?!{PHRASE_STOPS}\b){WORD}){{0,13}}",
    "CAPS": rf"(?<![\w’'\-])(?!{LEADING_SMALL_WORDS}\b)[A-Z][\w\-]*(?![\w’'])(?:\s+[A-Z][\w\-]*(?![\w’']))*",
    "NAME": TITLE,
    "YEAR": YEAR,
    "YEARS": rf"{YEAR}\s*[-–—]+\s*{YEAR}",
    "FULL_DATE": FULL_DATE,
}
# "An Act to Amend the ...", "– Act to Provide ...": a law's long title says what it does, it
# is not its name (which "the Act to Combat Online Hate" is).
PURPOSE_RE = re.compile(r"^\S+\s+to\s+(?!the\b)")
LONG_TITLE_MARKS = ("\u2013", "\u2014", "-", ":")
# Owners whose possessive opens a name without being part of it.
GENERIC_OWNERS = {"government", "state", "country", "president", "ministry", "council", "parliament", "republic"}
COMMON_WORD_ZIPF = 4.0  # wordfreq frequency from which a word is common English
NAME_PREPOSITION_RE = re.compile(r"\s+(?:of|for|on|to|against|with|under|in|at)\s+")
# Where a shape's free phrase has run into the clause after the name: a finite verb, a pronoun,
# an adverb ("... centres and currently it ...").
CLAUSE_TAGS = {"VBZ", "VBP", "VBD", "MD", "PRP", "WDT", "WP", "RB"}
# Tags of a capitalized word that opens a sentence without being part of the name after it.
OPENER_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "IN", "RB", "DT", "PRP", "PRP$", "CC", "TO", "MD", "WDT", "WRB", "EX"}
TRAILING_SMALL_WORDS = {"in", "for", "of", "the", "and", "on", "to", "a", "an", "with", "over", "its", "their", "or", "at"}


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    label: str
    rank: int  # lower wins between candidates of the same length


PHRASE_RANK, SHAPE_RANK, NAME_RANK = 0, 1, 2  # phrases and symbols, shapes, head-word names


@dataclass(frozen=True)
class Shape:
    label: str
    regex: re.Pattern
    hint: Needs  # what every match contains (the empty regex: no hint)


class EntityPatterns:
    """The head-word and shape lines of a patterns file (its phrases go to the SpanRuler)."""

    def __init__(self, lines: Iterable[dict[str, Any]] = ()):
        self.lines: list[dict[str, Any]] = []
        self.add(lines)

    def add(self, lines: Iterable[dict[str, Any]]) -> None:
        lines = list(lines)
        if phrases := [d for d in lines if "pattern" in d]:
            raise ValueError(f"phrase patterns go to the SpanRuler ({PHRASES_ID}), not here: {phrases[0]!r}")
        self.lines += lines
        self.heads = [(d["label"], d["head"]) for d in self.lines if "head" in d]
        self.shapes = [Shape(d["label"], re.compile(expand_macros(d["regex"])), needs(d.get("hint", "")))
                       for d in self.lines if "regex" in d]
        heads = "|".join(re.escape(h) for _, h in self.heads)
        self.head_re = re.compile(rf"\b(?:{heads})\b" if heads else r"(?!)")
        self.head_label = {h: label for label, h in self.heads}

    def head_of(self, name: str) -> str | None:
        """The label of a name's head word, or None.

        The head is the last head word before the name's first preposition
        ("Audiovisual Media Services Act", "Ministry of Justice", "Optional Protocol to
        the Convention"), else the first one anywhere.
        """
        first_part = NAME_PREPOSITION_RE.split(name, 1)[0]
        heads = self.head_re.findall(first_part) or self.head_re.findall(name)[:1]
        return self.head_label[heads[-1]] if heads else None


def expand_macros(regex: str) -> str:
    return re.sub(r"\{([A-Z_]+)\}", lambda m: f"(?:{MACROS[m[1]]})", regex)


def load_patterns(name: str | Path = ENTITY_PATTERNS) -> EntityPatterns:
    """The head-word and shape lines of a patterns file of pipeline/data, or of one's own."""
    return EntityPatterns(d for d in data_jsonl(name) if "pattern" not in d)


# Gazetteers of names that are entities wherever they stand: file of pipeline/data -> label.
GAZETTEERS = {"treaties.txt": "TREATY", "international_bodies.txt": "ORG"}


def phrase_patterns(name: str | Path = ENTITY_PATTERNS) -> list[dict[str, Any]]:
    """The SpanRuler's patterns: the file's phrases, the titles of international instruments and
    the names of international bodies (GAZETTEERS), and every State's name as a place wherever
    it stands ("Barbados", "the United States of America")."""
    gazetteers = [{"label": label, "pattern": title} for file, label in GAZETTEERS.items() for title in data_lines(file)]
    return [d for d in data_jsonl(name) if "pattern" in d] + gazetteers + [{"label": "GPE", "pattern": state}
                                                                           for state in state_names().values()]


def add_entity_ruler(nlp: Language, patterns_file: str = ENTITY_PATTERNS, symbols: bool = True,
                     **placement: Any) -> None:
    """spaCy's SpanRuler for the phrases, first in the pipeline (it reads tokens alone, and adding its
    patterns runs the pipes before it), and `upr_entity_ruler` where `placement` puts it (before="ner")."""
    phrases = nlp.add_pipe("span_ruler", name=PHRASES_ID, first=True, config={"spans_key": PHRASES_ID})
    phrases.add_patterns(phrase_patterns(patterns_file))
    nlp.add_pipe(RULER_ID, config={"patterns_file": patterns_file, "symbols": symbols}, **placement)


# ------------------------------------------------------------------ ruler

class EntityShapeRuler(JsonState):
    """Shapes, UN document symbols and head-word names, chosen with the SpanRuler's phrases
    (doc.spans[phrases_key]), as entities before the NER. What the SpanRuler cannot express:
    regexes over the text, names found by their head word, a choice among kinds of candidate."""

    def __init__(self, nlp: Language, name: str, patterns_file: str, symbols: bool, phrases_key: str):
        self.name = name
        self.patterns = load_patterns(patterns_file)
        self.symbols = symbols
        self.phrases_key = phrases_key
        self.opener_tags = frozenset(nlp.vocab.strings.add(tag) for tag in OPENER_TAGS)
        self.reference_prefix = re.compile(rf"(?i:{reference_words()})\s+[\dIVXLC]+\s+(?:of\s+)?(?:the\s+)?")

    def add_patterns(self, lines: Iterable[dict[str, Any]]) -> None:
        """Head-word and shape lines, as in entity_patterns.jsonl."""
        self.patterns.add(lines)

    def state(self) -> dict[str, Any]:
        return {"patterns": self.patterns.lines}

    def load_state(self, values: dict[str, Any]) -> None:
        self.patterns = EntityPatterns(values["patterns"])

    def __call__(self, doc: Doc) -> Doc:
        # The phrases are candidates, not yet entities: read, then taken out of the doc.
        phrases = doc.spans[self.phrases_key] if self.phrases_key in doc.spans else []
        candidates = [Candidate(p.start_char, p.end_char, p.label_, PHRASE_RANK) for p in phrases]
        if self.phrases_key in doc.spans:
            del doc.spans[self.phrases_key]
        spans = []
        for c in choose(candidates + self.candidates(doc)):
            span = doc.char_span(c.start, c.end, label=c.label, alignment_mode="contract", span_id=RULER_ID)
            while span is not None and len(span) > 1 and span[-1].is_lower and span[-1].lower_ in TRAILING_SMALL_WORDS:
                span = Span(doc, span.start, span.end - 1, label=c.label, span_id=RULER_ID)  # "Constitution of" a glued token cut
            if span is not None and len(span):
                spans.append(span)
        doc.ents = sorted(prioritize_new_ents_filter(doc.ents, spans))  # what spaCy's SpanRuler does with its spans
        return doc

    def candidates(self, doc: Doc) -> list[Candidate]:
        """The symbols, shapes and head-word names of a doc."""
        text = doc_text(doc)
        found = []
        if self.symbols:
            found += [Candidate(m.start(), m.start() + len(m.group().rstrip(".,;")), "SYMBOL", PHRASE_RANK)
                      for m in SYMBOL_RE.finditer(text)]
        for shape in self.patterns.shapes:
            if not shape.hint.found_in(text):
                continue
            named = "name" in shape.regex.groupindex  # a shape's group "name": the entity within its context
            for m in shape.regex.finditer(text):
                start, end = (m.start("name"), m.end("name")) if named else (m.start(), m.end())
                matched = text[start:end if named else before_finite_verb(doc, start, end)]
                found.append(Candidate(start, start + len(trim_trailing_words(matched)), shape.label, SHAPE_RANK))
        if places := subdivisions_re(doc._.state):
            found += [Candidate(m.start(), m.end(), "GPE", PHRASE_RANK) for m in places.finditer(text)
                      if not NAME_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())]
        openers = opener_offsets(doc, self.opener_tags)
        for m in TITLE_RE.finditer(text):
            found += self.title_candidates(m.start(), m.group(), openers, text[:m.start()].rstrip()[-1:])
        return found

    def title_candidates(self, start: int, run: str, openers: set[int], mark_before: str) -> list[Candidate]:
        """A capitalized run, without its sentence opener, split where "and" or "to" joins two names;
        not a law's long title ("Value Added Tax Act, 2014 – An Act to provide for ...")."""
        if len(run.split(maxsplit=1)) < 2:
            return []  # a name found here has two words at least: no part of one word has
        found = []
        offset = len(run) - len(strip_opener(run, start, openers, self.reference_prefix))
        long_title = mark_before in LONG_TITLE_MARKS or run.split(" ", 1)[0] in ("A", "An")
        for part_start, part in split_names(start + offset, run[offset:], self.patterns):
            label = self.patterns.head_of(part)
            if label and len(part.split()) >= 2 and not (long_title and PURPOSE_RE.match(part)):
                found.append(Candidate(part_start, part_start + len(part), label, NAME_RANK))
        return found


if not Doc.has_extension("state"):
    Doc.set_extension("state", default=None)  # ISO 3166 alpha-3 of the State under review, set by the caller


# A capitalized word right before a place: the place is part of a longer name ("Federal District Court").
NAME_BEFORE_RE = re.compile(r"(?<![.!?]\s)\b[A-Z][\w’'\-]*\s$")


@lru_cache(maxsize=None)
def subdivisions_re(state: str | None) -> re.Pattern | None:
    """The provinces and regions of the State under review (ISO 3166-2), places wherever they stand."""
    names = subdivision_names(state) if state else ()
    # Not inside a longer name: "Ljubljana Prison", "Universidade de São Paulo" are left to the other rules.
    return re.compile(rf"(?<![\w’'\-])(?<!\bd[eoa] )(?:{'|'.join(map(re.escape, names))})"
                      rf"(?![\w\-]|\s+[A-Z][a-z])") if names else None


def opener_offsets(doc: Doc, opener_tags: frozenset[int]) -> set[int]:
    """The start offsets of the tokens tagged as sentence openers (OPENER_TAGS, as string ids; none
    without a tagger), read as arrays: making a Token object for each costs more than the ruler's other work."""
    if not doc.has_annotation("TAG"):
        return set()
    offsets, tags = doc.to_array([IDX, TAG]).T.tolist()
    return {offset for offset, tag in zip(offsets, tags) if tag in opener_tags}


def strip_opener(run: str, start: int, openers: set[int], reference_prefix: re.Pattern) -> str:
    """A run without what only a sentence start capitalized ("The", "According to the") and
    without a reference to a part of it ("Title VI of the French Constitution")."""
    length = len(run)
    while " " in run:
        at = start + length - len(run)
        if reference := reference_prefix.match(run):
            run = run[reference.end():]
            continue
        word = run.split(" ", 1)[0]
        if not (word.lower() in STOP_WORDS or at in openers or is_generic_possessive(word)):
            break
        run = re.sub(r"^\S+\s+(?:(?:to|of|for|on|and)\s+)?(?:the\s+)?", "", run)
    return run


def is_generic_possessive(word: str) -> bool:
    """"Government's" in "the Government's Interdepartmental Commission", "Bahamas’" in "Bahamas’
    National Mechanism": an owner, not part of the name (but not "Women's Association")."""
    base = re.sub(r"['’]s?$", "", word)
    return base != word and (base.lower() in GENERIC_OWNERS or base.lower() in state_names())


def split_names(start: int, run: str, patterns: EntityPatterns) -> list[tuple[int, str]]:
    """"Ministry of Justice and Ministry of Health" is two names; "Ministry of Education and Science" one.

    A run splits at "and" where a head word ends the part before or opens the
    part after, and at "to" where the part after opens with the same head
    ("from the Ministry of Internal Affairs to the Ministry of Justice").
    """
    for m in re.finditer(r" (and|to)(?: the)? ", run):
        before, after = run[:m.start()], run[m.end():]
        after_first = after.split(" ")[0]
        before_head = patterns.head_re.search(before)
        if m[1] == "and":
            splits = patterns.head_of(before.split(" ")[-1]) or patterns.head_of(after_first)
        else:
            splits = before_head is not None and before_head.group() == after_first
        if splits:
            return [(start, before), *split_names(start + m.end(), after, patterns)]
    return [(start, run)]


def before_finite_verb(doc: Doc, start: int, end: int) -> int:
    """Where a shape's free phrase runs into the clause after it ("... policy for 2020 seeks to ...")."""
    if not doc.has_annotation("TAG"):
        return end
    inside = tokens_between(doc, start, end)[2:]
    verb = next((t for t in inside if t.tag_ in CLAUSE_TAGS), None)
    return verb.idx if verb is not None else end


def trim_trailing_words(text: str) -> str:
    words = text.rstrip(" ,;").split(" ")
    while len(words) > 1 and words[-1].lower() in TRAILING_SMALL_WORDS:
        words.pop()
    return " ".join(words)


def choose(candidates: list[Candidate]) -> list[Candidate]:
    """The longest, then the best ranked, then the earliest of overlapping candidates."""
    return non_overlapping(candidates, bounds=lambda c: (c.start, c.end),
                           preference=lambda c: (-(c.end - c.start), c.rank, c.start))


@Language.factory(
    RULER_ID,
    default_config={"patterns_file": ENTITY_PATTERNS, "symbols": True, "phrases_key": PHRASES_ID},
    requires=["doc.spans"],
    assigns=["doc.ents", "doc.spans"],
)
def make_entity_ruler(nlp: Language, name: str, patterns_file: str, symbols: bool,
                      phrases_key: str) -> EntityShapeRuler:
    return EntityShapeRuler(nlp, name, patterns_file, symbols, phrases_key)


# ------------------------------------------------------------------ cleaner

class EntityCleaner(JsonState):
    """Keeps the domain labels and mends what the statistical model gets wrong here."""

    def __init__(self, nlp: Language, name: str, patterns_file: str, labels: list[str]):
        self.name = name
        self.patterns = load_patterns(patterns_file)
        self.labels = set(labels)
        self.reference_words = {w.rstrip(".") for w in data_lines("reference_words.txt")}

    def add_patterns(self, lines: Iterable[dict[str, Any]]) -> None:
        """Head-word lines (and shapes, unused here), as in entity_patterns.jsonl."""
        self.patterns.add(lines)

    def state(self) -> dict[str, Any]:
        return {"patterns": self.patterns.lines, "reference_words": sorted(self.reference_words)}

    def load_state(self, values: dict[str, Any]) -> None:
        self.patterns = EntityPatterns(values["patterns"])
        self.reference_words = set(values["reference_words"])

    def __call__(self, doc: Doc) -> Doc:
        cleaned = []
        for ent in doc.ents:
            span = (ent if ent.label_ in self.labels else None) if ent.id_ == RULER_ID else self.mend(ent)
            if span is not None:
                cleaned.append(span)
        doc.ents = filter_spans(cleaned)
        return doc

    def mend(self, ent: Span) -> Span | None:
        span = strip_article(ent)
        if span is None or not any(t.is_upper or t.is_title for t in span):
            return None
        head = self.patterns.head_of(span.text)
        label = head or LABEL_MAP.get(ent.label_, ent.label_)
        if label not in self.labels or (label == "LAW" and not head):
            return None
        if (any(c.isdigit() for c in span.text) and not head) or span[0].lower_ in self.reference_words:
            return None  # "COVID-19", "article 5 of the Convention": not names
        if len(span) == 1 and head:
            return None  # "Commission", "Ministry" alone: a body named by its kind, not a name
        if label == "PERSON" and not all(t.is_title or t.is_punct for t in span):
            return None
        if label in ("PERSON", "NORP", "GPE") and not head and names_a_programme(span):
            label = "PROGRAMME"  # "Nurly Kosh programme", "Bolashak overseas scholarship": the small model's guess overruled
        elif label == "PERSON" and not after_a_title(span) and not is_people_word(span) and (
                all(is_common_word(t) for t in span if t.is_alpha) or (len(span) == 1 and not known_name(span.text))):
            return None  # "Healthy Diet", "Sorbonne": common words or one unknown word, and no title before them
        if label in ("PERSON", "NORP") and names_a_language(span):
            return None
        if label in ("PERSON", "ORG", "GPE") and is_people_word(span):
            label = "NORP"
        elif (len(span) == 1 and label in ("PERSON", "ORG", "GPE") and span.text.lower() not in state_names()
              and (span[0].tag_ not in ("NNP", "NNPS") or (span.end < ent.end and is_common_word(span[0])))):
            # "Specialized" opening a sentence, "Citizens" left of "Citizens of Kazakhstan" (a State's
            # name the tagger misread stays)
            return None
        return Span(span.doc, span.start, span.end, label=label)


def is_people_word(span: Span) -> bool:
    """A people's name used as a noun or an adjective: "Kazakhs", "Kazakh children".

    The small model reads these as persons, places or organizations; the tags
    still show them: a plural proper noun without "the" (which "the Bahamas" has),
    or a proper noun qualifying the common noun after it.
    """
    if len(span) != 1 or span[0].is_upper or zipf_frequency(span[0].lower_, "en") >= COMMON_WORD_ZIPF:
        return False  # "SAARC countries", "Headquarters": an acronym or a common word, not a people
    token = span[0]
    if token.tag_ == "NNPS" and (token.i == 0 or token.nbor(-1).lower_ != "the"):
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.pos_ == "NOUN" and following.is_lower


PROGRAMME_WORDS = {"programme", "program", "scheme", "project", "campaign", "initiative", "strategy", "plan",
                   "scholarship", "scholarships"}
PERSON_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "professor", "prof", "judge", "justice",
                 "president", "minister", "ambassador", "rapporteur", "commissioner", "senator", "king", "queen", "prince"}


def names_a_programme(span: Span) -> bool:
    """A name followed by what it names, lowercase: "Nurly Kosh programme", "Bolashak overseas scholarship"."""
    if span.text.lower() in state_names():
        return False
    for token in span.doc[span.end:span.end + 3]:
        if token.lower_ in PROGRAMME_WORDS:
            return True
        if not (token.is_alpha and token.is_lower):
            return False
    return False


def known_name(word: str) -> bool:
    """A personal name that recurs in UN reporting (pipeline/data/domain/names.txt)."""
    return word in data_lines("domain/names.txt")


def after_a_title(span: Span) -> bool:
    """"Mr. Smith", "Special Rapporteur Manfred Nowak": a person's title just before the name."""
    before = [t for t in span.doc[max(0, span.start - 2):span.start] if not t.is_punct]
    return any(t.lower_ in PERSON_TITLES for t in before)


def is_common_word(token) -> bool:
    return zipf_frequency(token.lower_, "en") >= COMMON_WORD_ZIPF


def names_a_language(span: Span) -> bool:
    """"taught in Uzbek, Tajik, Uighur or Ukrainian": languages, not people (nor persons)."""
    if len(span) != 1:
        return False
    i = span.start - 1
    while i >= 0 and (span.doc[i].text in (",", "and", "or") or span.doc[i].is_title):
        i -= 1
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return i >= 0 and span.doc[i].lower_ == "in" and not (following is not None and following.pos_ == "NOUN")


def strip_article(ent: Span) -> Span | None:
    """"the Supreme Court", "According to the Supreme Court" -> "Supreme Court"; "Council's" -> "Council";
    "Citizens of" (the model's name cut short by the State's name after it) -> "Citizens"."""
    start, end = ent.start, ent.end
    while start < end - 1 and (ent.doc[start].lower_ in STOP_WORDS or ent.doc[start].tag_ in OPENER_TAGS
                               or ent.doc[start].is_punct):
        start += 1
    while end > start and (ent.doc[end - 1].text in ("'s", "’s") or ent.doc[end - 1].is_punct
                           or ent.doc[end - 1].lower_ in TRAILING_SMALL_WORDS):  # "Citizens of", "Trafficking in"
        end -= 1
    return ent.doc[start:end] if end > start else None


@Language.factory(
    "upr_entity_cleaner",
    default_config={"patterns_file": ENTITY_PATTERNS, "labels": list(LABELS)},
    requires=["doc.ents"],
    assigns=["doc.ents"],
)
def make_entity_cleaner(nlp: Language, name: str, patterns_file: str, labels: list[str]) -> EntityCleaner:
    return EntityCleaner(nlp, name, patterns_file, labels)
