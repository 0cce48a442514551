"""Amounts: money, percentages, counts and measures with normalized values.

The `upr_amounts` factory fills `doc.spans["amounts"]`; each span carries
`span._.amount` = {"kind", "value", "unit"} (plus "equivalent_of" for a sum
restated in another currency). Numbers inside dates, names and references
("article 23", "No. 190", "A/HRC/10/...") are not amounts. A counted noun is
read from the part-of-speech tags when the pipeline has a tagger, from word
shapes otherwise (a blank pipeline). A number standing alone takes its unit from
a number it is coordinated with ("5 to 10 years"), from the noun it follows in
brackets, from "the number of ...", or else from the last count before it in the
same sentence ("42 offences ... 36 in 2007").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.patterns import CLAUSE_END_RE, SYMBOL_RE
from pipeline.nlp.state import JsonState
from pipeline.resources import data_json
from pipeline.stages.tag.currencies import CurrencyReader, Reading, currency_table
from pipeline.stages.tag.vocabulary import alternation, looks_plural, reference_words, singular
from pipeline.nlp.lowercase import AnyCasePattern, lowered
from pipeline.stages.tag.numbers import NUMBER, is_word_number, parse_number
from pipeline.nlp.tokens import doc_text, first_token_from

COUNTED_NOUN_WINDOW = 6  # tokens read after a number looking for what it counts
MODIFIER_POS = {"ADJ", "NOUN", "PROPN"}
MODIFIER_TAGS = {"VBN", "VBG", "JJ", "HYPH"}
FRACTION_RE = re.compile(r"(?:half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)")


@dataclass
class AmountMatch:
    start_char: int
    end_char: int
    kind: str | None  # None until classified: a bare number
    value: float | int
    unit: str | None
    extra: dict[str, Any] = field(default_factory=dict)

    def record(self, text: str) -> dict[str, Any]:
        return {"text": text[self.start_char:self.end_char], "start_char": self.start_char,
                "end_char": self.end_char, "kind": self.kind or "count", "value": self.value,
                "unit": self.unit, **self.extra}


class AmountGrammar:
    """Regexes built from the currency table (currencies.currency_table), the units
    (unit -> its forms) and the reference words."""

    def __init__(self, currencies: dict[str, dict], units: dict[str, list[str]]) -> None:
        self.currencies = CurrencyReader(currencies)
        names = [f for f in currencies["after"] if not f.isupper()]
        codes = [f for f in currencies["after"] if f.isupper()]
        self.units = {form.lower(): unit for unit, forms in units.items() for form in forms}
        self.number = re.compile(rf"(?<![\w/.,:\-–—])(?:{NUMBER})(?![\w]|[-–—]\w*(?:th|rd|nd|st)\b|[.,]\d|/)")
        # A sign after a letter only as a whole ("R$", not the "$" of "XR$").
        self.money_before = re.compile(rf"(?<![^\W\d_])(?:{alternation(list(currencies['before']))})\s*$")
        self.money_after = re.compile(rf"^\s*((?i:{alternation(names)})|{alternation(codes)})(?!\w)")
        self.percent_after = re.compile(r"^\s*(?:per\s*cent|percent|%)", re.I)
        self.unit_after = re.compile(rf"^(?:\s+|-)({alternation(list(self.units))})(?![\w])", re.I)
        self.rate_after = re.compile(rf"^\s+per\s+({alternation(list(self.units))})\b", re.I)
        self.times_after = re.compile(r"^\s+times\s+the\s+([a-z]+(?:\s+(?!or\b|and\b|of\b|for\b|in\b|to\b|on\b)[a-z]+){0,3})")
        # "article 23", "No. 190", "sect. III.D.1", "Code: 141": the reference and its number.
        self.reference = AnyCasePattern(rf"\b(?:{reference_words()}):?\s*[\w.\-/]*\d[\w\-/]*")
        # "articles 141, 160 and 164": a number listed after a reference is one too.
        # "Code: 141, Violation of equal rights, 160, Genocide; and 164": titles may stand between them.
        self.listed_after = re.compile(r"^\s*(?:,|;|and|or|to|[-–—])\s*(?:and\s+)?$"
                                       r"|^,\s+[A-Z][^.;:\d()]{0,80}[,;]\s*(?:and\s+)?$", re.I)
        # "(7) Provision of ...", "; 21. To revise ...": item numbers; "6 A/HRC/...": a page number.
        self.item_marker = re.compile(r"(?:(?<=\()\d+\)\s+[A-Z]|(?:(?<=^)|(?<=[.;:]\s))\d+[.)]\s+[A-Z])")
        self.page_number = re.compile(rf"\d+\s+{SYMBOL_RE.pattern}")
        # "Tier 1", "Goal 16": a number that is part of a label (the word before is not a sentence opener).
        self.label_before = re.compile(r"(?<![.!?:;])\s[A-Z][a-z]+\s$")
        # "aged 65", "the age of 18": an age, a measure in years; "under 18": a bound left alone.
        self.age_before = re.compile(r"\b(?:age[sd]?(?:\s+of)?|aged)\s*$"
                                     r"|\bage\s+of\s+[a-z]+(?:\s+(?!age\b)[a-z]+){0,6}\s+(?:at|to|from|was|is)\s*$", re.I)
        self.bound_before = re.compile(r"\b(?:under|over)\s*$", re.I)
        # "12 midnight", "10 p.m.": a time of day.
        self.time_after = re.compile(r"^\s*(?:midnight|noon|[ap]\.\s?m\.|[ap]m\b|o['’]clock|hours?\s+GMT)", re.I)
        # "five or more children", "50 and over": the bound and the noun it counts.
        self.bound_after = re.compile(r"\s+(?:or|and)\s+(?:more|fewer|less|over|above|older|younger)\s+", re.I)
        # "One obligation", "one such centre", "one another", "one of": "one" as a determiner or a pronoun.
        self.sentence_start = re.compile(r"(?:^|[.!?:;]\s+|\n)\s*[\"“(]?$")
        self.one_pronoun = re.compile(r"^(?:[’']s\b|\s+(?:such|another|other|more|day|way|who|which|that|in\s+(?:every|each|five|four|three|ten))\b)", re.I)
        # "up to a year", "within a month": a duration of one unit ("once a year" is a rate, left alone).
        self.one_unit = re.compile(r"\b(?:up\s+to|within|for|than|after|under)\s+(an?\s+(year|month|week|day|hour))\b", re.I)
        # "Three of them": a part of what was counted last.
        self.of_them_after = re.compile(r"\s+of\s+(?:them|these|those)\b", re.I)
        # "5 to 10 years", "34 and 12 per cent", "239 of the 297 recommendations"
        self.coordinated_after = re.compile(r"^\s*(?:and|or|to|[-–—]|out\s+of|of(?:\s+the)?)\s*$", re.I)
        self.restated_after = re.compile(r"^\s*[(\[]\s*(?:or\s+|about\s+|approximately\s+)?$", re.I)
        # "six (6) priorities": the figure restates the word, one amount.
        self.figure_restated = re.compile(r"\s*\((\d+)\)")
        # "27 deaths per 100,000 live births": the base of a rate, not an amount.
        self.per_before = re.compile(r"\bper\s+$", re.I)
        # "ranked 58 out of 188 countries": a rank, not an amount.
        self.rank_before = re.compile(r"\b(?:rank(?:ed|s|ing)?|placed)\s+(?:at\s+|number\s+)?$", re.I)
        # "four of their officers": a part counted by the noun after it ("one of the key policies" is no count).
        self.partitive_after = re.compile(r"\s+of\s+(?:their|its|his|her|our|these|those)\s+", re.I)

    # -------------------------------------------------------------- classification

    def find(self, doc: Doc, text: str, blocked: list[tuple[int, int]]) -> list[AmountMatch]:
        """The amounts of a doc whose text is `text` (tokens.doc_text: spaCy rebuilds doc.text on every read).
        The document's habits come with the doc: `doc._.state` (ISO 3166 alpha-3 of the State under
        review, whose currency a "$" may be) and `doc._.decimal_comma`."""
        found = []
        references = [(r.start(), r.end()) for r in self.reference.finditer(text, lowered(text))]
        last_reference_end = -1
        restated_end = -1
        for m in self.number.finditer(text):
            if (m.start() < restated_end or self.rank_before.search(text, max(0, m.start() - 20), m.start())
                or self.per_before.search(text, max(0, m.start() - 6), m.start())):
                continue
            last_reference_end = max([last_reference_end, *(end for _, end in references if end <= m.start())])
            if _inside(m.start(), m.end(), blocked):
                continue
            if _inside(m.start(), m.end(), references):
                last_reference_end = m.end()
                continue
            if self.listed_after_reference(text, m, last_reference_end):
                listed = self.classify(doc, text, m, m.end())
                if listed is None or listed.kind is None:  # "and 164", not "and 600 people"
                    last_reference_end = m.end()
                    continue
            if self.item_marker.match(text, m.start()) or self.page_number.match(text, m.start()):
                continue
            restated = self.figure_restated.match(text, m.end()) if is_word_number(m.group()) else None
            if restated and parse_number(restated[1]) == parse_number(m.group()):
                restated_end = restated.end()
            amount = self.classify(doc, text, m, restated_end if restated_end > m.end() else m.end())
            if amount is not None:
                found.append(amount)
        found = [a for a in found if a.kind is not None or not self.is_age_or_label(text, a)]
        for i, amount in enumerate(found):
            if amount.kind is None and self.age_before.search(text, max(0, amount.start_char - 70), amount.start_char):
                amount.kind, amount.unit = "measure", "year"
                upper = found[i + 1] if i + 1 < len(found) else None  # "aged 0 to 19": both ages
                if upper and upper.kind is None and self.coordinated_after.match(text[amount.end_char:upper.start_char]):
                    upper.kind, upper.unit = "measure", "year"
            elif amount.kind is None and self.of_them_after.match(text, amount.end_char):
                last = next((a for a in reversed(found) if a.end_char <= amount.start_char and a.kind == "count" and a.unit), None)
                amount.kind, amount.unit = ("count", last.unit) if last else (None, None)
        found += [AmountMatch(m.start(1), m.end(1), "measure", 1, m[2].lower()) for m in self.one_unit.finditer(text)
                  if not _inside(m.start(1), m.end(1), blocked)]
        found.sort(key=lambda a: a.start_char)
        resolve_bare_numbers(found, doc, text, self.coordinated_after)
        link_restatements(found, text, self.restated_after)
        # A number nothing gives a unit to counts nothing the text says ("p. 2", an endnote's number).
        return [a for a in found if a.kind is not None and a.unit is not None]

    def is_age_or_label(self, text: str, amount: AmountMatch) -> bool:
        """A bound ("under 18") or a number in a label ("Tier 1", "Call 100"); an age ("aged 65") is kept."""
        before = text[max(0, amount.start_char - 15):amount.start_char]
        return bool(self.bound_before.search(before) or self.label_before.search(" " + before))

    def listed_after_reference(self, text: str, m: re.Match, last_reference_end: int) -> bool:
        """"articles 141, 160 and 164": 160 and 164 are references like 141."""
        return last_reference_end >= 0 and bool(self.listed_after.match(text[last_reference_end:m.start()]))

    def classify(self, doc: Doc, text: str, m: re.Match, end: int) -> AmountMatch | None:
        """The amount a number found by `m` gives; `end`: where its figures end ("six (6)")."""
        start = m.start()
        value = parse_number(m.group(), doc._.decimal_comma)
        state = doc._.state
        if value is None:
            return None
        before, after = text[max(0, start - 12):start], text[end:end + 60]
        cur = self.money_before.search(before) if not is_word_number(m.group()) else None
        if cur and (reading := self.currencies.read(cur.group().strip(), "before", state)):
            return money(start - len(before) + cur.start(), end, value, reading)
        cur = self.money_after.match(after)
        if cur and (reading := self.currencies.read(cur[1], "after", state)):
            return money(start, end + cur.end(), value, reading)
        if pct := self.percent_after.match(after):
            return AmountMatch(start, end + pct.end(), "percent", value, "%")
        if unit := self.unit_after.match(after):
            return AmountMatch(start, end + unit.end(), "measure", value, self.units[unit[1].lower()])
        if times := self.times_after.match(after):
            return AmountMatch(start, end + times.end(), "measure", value, times[1])
        if is_word_number(m.group()) and after[:1] in ("-", "\u2013"):
            return None  # "one-stop shop", "two-fold": a word, not an amount
        if self.time_after.match(after):
            return None
        partitive = self.partitive_after.match(text, end) or self.bound_after.match(text, end)
        if m.group().lower() == "one" and not partitive and (self.sentence_start.search(text, 0, start)
                                                              or self.one_pronoun.match(after)):
            return None  # "One obligation is ...", "one such centre", "one another": a determiner or a pronoun
        if noun := counted_noun(doc, end, value) or (partitive and counted_noun(doc, partitive.end() - 1, value)):
            noun_end, unit = noun
            if rate := self.rate_after.match(text[noun_end:noun_end + 40]):
                per = self.units[rate[1].lower()]
                return AmountMatch(start, noun_end + rate.end(), "measure", value, f"{unit}/{per}")
            if unit in self.units.values():  # "11 years30": a duration the glued footnote hid from unit_after
                return AmountMatch(start, noun_end, "measure", value, unit)
            return AmountMatch(start, noun_end, "count", whole_count(m.group(), value), unit)
        return AmountMatch(start, end, None, value, None)


URL_RE = re.compile(r"(?:https?://|www\.)\S+")


def money(start: int, end: int, value: float, reading: Reading) -> AmountMatch:
    """A sum of money; "ambiguous": its sign could mean another currency ("$" in a report on Barbados)."""
    return AmountMatch(start, end, "money", value, reading.code, {"ambiguous": True} if reading.ambiguous else {})


def whole_count(figures: str, value: float) -> float:
    """A count is whole: "1.483 people" in a document that writes decimals with a dot is 1483."""
    if value != int(value) and re.fullmatch(r"\d{1,3}[.,]\d{3}", figures):
        return int(re.sub(r"[.,]", "", figures))
    return value


def _inside(start: int, end: int, blocked: list[tuple[int, int]]) -> bool:
    return any(start < b_end and end > b_start for b_start, b_end in blocked)


# -------------------------------------------------------------- counted nouns

def counted_noun(doc: Doc, char_end: int, value: float) -> tuple[int, str] | None:
    """(end_char, singular unit) of the noun a number counts: "621 organizations" -> organization.

    The head is the last noun of the first run of nouns that ends in a plural
    ("102 State medical and social institutions" -> institution).
    """
    first = first_token_from(doc, char_end)
    following = list(doc[first:first + COUNTED_NOUN_WINDOW])
    if not following or following[0].idx - char_end > 1:
        return None
    tagged = doc.has_annotation("TAG")
    group: list[Token] = []
    for token in _modifier_run(following, tagged):
        if _is_noun(token, tagged):
            group.append(token)
            continue
        if group and (value == 1 or _is_plural(group[-1], tagged)):
            break
        group = []
    if not group or not (value == 1 or _is_plural(group[-1], tagged)):
        return None
    head = group[-1]
    if FRACTION_RE.fullmatch(head.lower_):
        return None  # "one fifth", "two thirds": a share, not a count
    compound = [t.text.lower() for t in group[:-1] if t.is_lower]
    word = re.match(r"[^\W\d_][\w’'\-]*?(?=[^\w’'\-]|\d|$)", head.text)  # "priorities.1" -> "priorities"
    if word is None:
        return None  # a table cell such as "-89,3" where a noun should be
    return head.idx + len(word.group()), " ".join([*compound, singular(word.group())])


def _is_plural(token: Token, tagged: bool) -> bool:
    return token.tag_ in ("NNS", "NNPS") if tagged else looks_plural(token.text)


def _modifier_run(tokens: list[Token], tagged: bool) -> list[Token]:
    run: list[Token] = []
    for i, token in enumerate(tokens):
        joins_adjectives = (token.lower_ in ("and", "or") and run and i + 1 < len(tokens)
                            and _is_modifier(tokens[i + 1], tagged) and not _is_noun(tokens[i + 1], tagged))
        if not (_is_modifier(token, tagged) or joins_adjectives):
            break
        run.append(token)
    return run


def _is_modifier(token: Token, tagged: bool) -> bool:
    if tagged:
        return token.pos_ in MODIFIER_POS or token.tag_ in MODIFIER_TAGS
    return token.is_alpha and token.lower_ not in STOP_WORDS


def _is_noun(token: Token, tagged: bool) -> bool:
    if tagged:
        return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.tag_ == "NNPS")
    return token.is_alpha and token.is_lower and looks_plural(token.text)


# -------------------------------------------------------------- context

NUMBER_OF_RE = re.compile(r"\b(?:number|total|list)\s+of\s+", re.I)
# "The population ... was 15,880,600": the subject counts people (not "per cent of the population").
POPULATION_RE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]otal)\s+population\s+(?!of\b)")
POPULATION_SHARE_RE = re.compile(r"\s*(?:per\s*cent|%|times)", re.I)


def resolve_bare_numbers(amounts: list[AmountMatch], doc: Doc, text: str, coordinated: re.Pattern) -> None:
    """Give a lone number a kind and unit from its context, the nearest reading first.

    Its partner ("34 and 12 per cent", "5 to 10 years"), the noun after an aside
    ("8,473,500 (53.4 per cent) urban dwellers", "45,582 of whom are children"), the
    noun it follows in brackets ("rehabilitation centres (15)"), what "the number of ..." before it in
    the sentence counts ("the number of deputies to 107"), or else the last count
    before it in the same sentence ("42 offences ... 36 in 2007"). `text` is doc.text.
    """
    for i, amount in enumerate(amounts):
        if amount.kind is not None:
            continue
        partner = amounts[i + 1] if i + 1 < len(amounts) else None
        if partner and partner.kind and coordinated.match(text[amount.end_char:partner.start_char]):
            amount.kind, amount.unit = partner.kind, partner.unit
            continue
        if unit := (noun_after_aside(doc, text, amount) or bracketed_noun(doc, text, amount)
                    or number_of_noun(doc, text, amount)):
            amount.kind, amount.unit = "count", unit
            continue
        previous = next((a for a in reversed(amounts[:i]) if a.kind == "count" and a.unit), None)
        # In the same sentence, or the subject of the next one ("... 35,000 children ... In addition, 180,000 had").
        if previous is not None and (not CLAUSE_END_RE.search(text, previous.end_char, amount.start_char)
                                     or SUBJECT_NUMBER_RE.match(text, amount.end_char)):
            amount.kind, amount.unit = previous.kind, previous.unit


# A number a verb follows: the subject, counting what was counted before it.
SUBJECT_NUMBER_RE = re.compile(r"\s+(?:had|have|has|were|was|are|is)\s+(?:been\s+)?[a-z]+(?:ed|en)\b")

# "8,473,500 (53.4 per cent) urban dwellers", "45,582 of whom are children", "150 are women"
ASIDE_RE = re.compile(r"\s*\([^()]{1,40}\)\s*|\s+(?:of\s+(?:whom|which|them)\s+)?(?:are|were)\s+")


def noun_after_aside(doc: Doc, text: str, amount: AmountMatch) -> str | None:
    """The noun a number counts when a bracketed aside or "of whom are" stands between them."""
    aside = ASIDE_RE.match(text, amount.end_char)
    if aside is None:
        return None
    noun = counted_noun(doc, aside.end() - 1 if aside.group().endswith(" ") else aside.end(), amount.value)
    return noun[1] if noun else None


def bracketed_noun(doc: Doc, text: str, amount: AmountMatch) -> str | None:
    """"mental health clinics (56)" -> "health clinic"."""
    if not (text[:amount.start_char].endswith("(") and text[amount.end_char:amount.end_char + 1] == ")"):
        return None
    before = [t for t in doc if t.idx + len(t.text) < amount.start_char]  # up to the word before "("
    tagged = doc.has_annotation("TAG")
    if not before or not (_is_noun(before[-1], tagged) and _is_plural(before[-1], tagged)):
        return None
    head = before[-1]
    compound = [t.text.lower() for t in before[-2:-1] if tagged and t.pos_ == "NOUN" and t.is_lower]
    return " ".join([*compound, singular(head.text)])


def number_of_noun(doc: Doc, text: str, amount: AmountMatch) -> str | None:
    """"the number of Majilis deputies to 107" -> "deputy"; "The population ... was 15,880,600" -> "person"."""
    sentence_start = max((m.end() for m in CLAUSE_END_RE.finditer(text, 0, amount.start_char)), default=0)
    found = list(NUMBER_OF_RE.finditer(text, sentence_start, amount.start_char))
    if not found:
        population = POPULATION_RE.search(text, sentence_start, amount.start_char)
        return "person" if population and not POPULATION_SHARE_RE.match(text, amount.end_char) else None
    noun = counted_noun(doc, found[-1].end() - 1, 2)
    return noun[1] if noun and noun[0] <= amount.start_char else None


def link_restatements(amounts: list[AmountMatch], text: str, restated: re.Pattern) -> None:
    """"US$ 6 million (1 billion tenge)": two sums of money, each naming the other."""
    for first, second in zip(amounts, amounts[1:]):
        if first.kind == second.kind == "money" and restated.match(text[first.end_char:second.start_char]):
            first.extra["equivalent_of"] = {"start_char": second.start_char, "end_char": second.end_char}
            second.extra["equivalent_of"] = {"start_char": first.start_char, "end_char": first.end_char}


# -------------------------------------------------------------- spaCy component

if not Span.has_extension("amount"):
    Span.set_extension("amount", default=None)
if not Doc.has_extension("state"):
    Doc.set_extension("state", default=None)
if not Doc.has_extension("decimal_comma"):
    Doc.set_extension("decimal_comma", default=False)


class AmountTagger(JsonState):
    """Fills doc.spans[spans_key]; numbers inside `blocking_spans` groups or `blocking_labels` entities are skipped.
    `currencies`: the file of forms CLDR lacks (currency_forms.json, or one's own), `units`: a file of
    pipeline/data or one's own. The caller sets `doc._.state` (ISO 3166 alpha-3 of the State under review)
    and `doc._.decimal_comma` (the document's habit)."""

    def __init__(self, nlp: Language, name: str, spans_key: str, blocking_spans: list[str],
                 blocking_labels: list[str], currencies: str, units: str):
        self.name = name
        self.spans_key = spans_key
        self.blocking_spans = blocking_spans
        self.blocking_labels = set(blocking_labels)
        self.load_state({"currencies": currency_table(currencies), "units": data_json(units)})

    def state(self) -> dict[str, Any]:
        return {"currencies": self.currencies, "units": self.units}

    def load_state(self, values: dict[str, Any]) -> None:
        self.currencies, self.units = values["currencies"], values["units"]
        self.grammar = AmountGrammar(self.currencies, self.units)

    def __call__(self, doc: Doc) -> Doc:
        blocked = [(s.start_char, s.end_char) for key in self.blocking_spans if key in doc.spans for s in doc.spans[key]]
        blocked += [(e.start_char, e.end_char) for e in doc.ents if e.label_ in self.blocking_labels]
        text = doc_text(doc)
        blocked += [(m.start(), m.end()) for m in URL_RE.finditer(text)]  # "%2080%", "page=5"
        spans = []
        for amount in self.grammar.find(doc, text, blocked):
            span = doc.char_span(amount.start_char, amount.end_char, alignment_mode="expand")
            if span is None:
                continue
            span._.amount = amount.record(text)
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    "upr_amounts",
    default_config={
        "spans_key": "amounts",
        "blocking_spans": ["dates"],
        "blocking_labels": ["ORG", "LAW", "TREATY", "PROGRAMME", "SYMBOL"],
        "currencies": "currency_forms.json",
        "units": "units.json",
    },
    requires=["doc.ents", "doc.spans"],
    assigns=["doc.spans", "span._.amount"],
)
def make_amount_tagger(nlp: Language, name: str, spans_key: str, blocking_spans: list[str],
                       blocking_labels: list[str], currencies: str, units: str) -> AmountTagger:
    return AmountTagger(nlp, name, spans_key, blocking_spans, blocking_labels, currencies, units)
