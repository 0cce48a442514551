"""spaCy component `upr_commitments`: sentences in which the State commits to, or is
carrying out, a future action.

The triggers (pipeline/data/commitment_triggers.jsonl) are DependencyMatcher or token
Matcher patterns, each with the kind it signals (pledge, pending, need) and a policy for
its subject. A trigger only counts when its predicate is not negated, not a past event
(unless the trigger says so), stands in a main clause (or has an explicit State subject of
its own), and its subject passes the policy. Each sentence keeps its best trigger
(pledge before pending before need); the sentence span goes to `doc.spans["commitments"]`
with `span._.commitment` = {kind, trigger, actor, actor_mention, action, object, scope,
adjuncts}, spans given as token spans (`scope` is the trigger's clause and `adjuncts` its
verb's own phrases: where the caller looks for a deadline). Actors are short forms from pipeline/data/commitment_actors.jsonl;
two placeholders are left for the caller, which knows the document: COUNTRY ("the State",
"the country") and ANTECEDENT ("it" with no antecedent in the paragraph).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from pipeline.nlp.state import JsonState
from pipeline.prefilter import DocWords, WordNeeds
from pipeline.resources import data_jsonl
from pipeline.stages.commit.actors import (
    ANTECEDENT, COUNTRY, PHRASE, UNSPECIFIED, defined_acronyms, long_form_actor, without_open_bracket,
)
from pipeline.stages.commit.clauses import (
    AUX_DEPS, SUBJECT_DEPS, SUBORDINATE_DEPS, before_clause_break, chain_end, clause_scope, clause_top, clause_verb,
    entity_span, is_conditional, is_negated, is_past, is_quoted, noun_phrase, object_span, subject_of, trimmed,
    verb_adjuncts,
)
from pipeline.stages.commit.lexicon import Lexicon, lexicon_of, load_lexicon
from pipeline.stages.commit.pattern_engines import PatternEngine, SpacyEngine, make_engine, words_needed
from pipeline.stages.commit.token_patterns import DocColumns

KIND_ORDER = ("pledge", "pending", "need")
# How firm a trigger's wording is, firmest first: "will", "shall", "undertakes to" (firm); "intends to",
# "plans to", "expects to" (plan); a bill drafted, under consideration (considering); work under way,
# "continues to" (ongoing); "there is a need to" (need).
STRENGTHS = ("firm", "plan", "considering", "ongoing", "need")
SPAN_KEY = "commitments"

RELATIVE_PRONOUNS = ("that", "which", "who", "whose", "whom")
LAW_BASIS = ("according", "under", "pursuant")  # "according to the Act", "under article 5"

if not Span.has_extension("commitment"):
    Span.set_extension("commitment", default=None)
if not Doc.has_extension("last_state_actor"):
    Doc.set_extension("last_state_actor", default=None)
if not Doc.has_extension("country"):
    Doc.set_extension("country", default=None)  # the country's name, set by the caller when known
if not Doc.has_extension("reported"):
    Doc.set_extension("reported", default=False)  # reported speech (a Working Group report): "would", "planned to" count
if not Doc.has_extension("acronyms"):
    Doc.set_extension("acronyms", default=None)  # abbreviation -> actor, set by the caller from the whole document


@dataclass(frozen=True)
class Trigger:
    """One line of commitment_triggers.jsonl."""

    id: str
    kind: str
    pattern: list[dict[str, Any]]
    subject: str = "any"  # any | not_private | state | state_or_activity | draft
    matcher: str = "dependency"  # dependency | token
    anchor: int = 0  # token patterns: which matched token carries the clause
    clause: str = "main"  # main | any
    allow_past: bool = False  # "undertook to", "has drafted a bill"
    actor: str | None = None  # a fixed actor: "unspecified" for "it is necessary to"
    copular: bool = False  # the predicate is "be" and its complement commits: "is committed to"
    reported_only: bool = False  # counts only in reported speech: "the Government would ..."
    strength: str = ""  # one of STRENGTHS: every trigger names its own

    def __post_init__(self) -> None:
        if self.kind not in KIND_ORDER:
            raise ValueError(f"trigger {self.id!r}: unknown kind {self.kind!r}")
        if self.strength not in STRENGTHS:
            raise ValueError(f"trigger {self.id!r}: unknown strength {self.strength!r}")
        if self.subject not in SUBJECT_POLICIES:
            raise ValueError(f"trigger {self.id!r}: unknown subject policy {self.subject!r}")


WORD_RE = re.compile(r"[\w-]+")
FUTURE_MODALS = ("will", "shall", "'ll", "would")
MAX_TOKENS_AT_ONCE = 400  # in a paragraph longer than this, a sentence longer than the next is not read
MAX_SENTENCE_TOKENS = 300


@dataclass
class Hit:
    trigger: Trigger
    predicate: Token
    tokens: list[Token]  # what a token pattern matched; a dependency trigger's predicate alone


@dataclass
class Actor:
    label: str  # short form, or a placeholder
    mention: Span | None = None


NOT_STATE = Actor(UNSPECIFIED)  # "it" refers to a thing, not to the State


@dataclass
class Analysis:
    """What one trigger says about its sentence."""

    kind: str
    trigger: str
    strength: str
    actor: Actor
    action: Span
    scope: Span  # the clause of the trigger: where its deadline may stand
    adjuncts: list[Span]  # phrases hanging on the verbs themselves ("by 1 July 2010"): deadlines first
    object: Span | None = field(default=None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "trigger": self.trigger,
            "strength": self.strength,
            "actor": self.actor.label,
            "actor_mention": self.actor.mention,
            "action": self.action,
            "object": self.object,
            "scope": self.scope,
            "adjuncts": self.adjuncts,
        }


# Each takes a file of pipeline/data by its name, or a path of one's own.

def load_triggers(name: str | Path) -> list[Trigger]:
    return [Trigger(**line) for line in data_jsonl(name)]


def load_actor_patterns(name: str | Path) -> list[dict[str, Any]]:
    return data_jsonl(name)


@Language.factory(
    "upr_commitments",
    default_config={
        "triggers": "commitment_triggers.jsonl",
        "actors": "commitment_actors.jsonl",
        "lexicon": "commitment_lexicon.json",
        "engine": "fast",
    },
    requires=["token.dep", "token.lemma", "token.tag", "token.ent_type", "doc.sents"],
    assigns=["doc.spans", "span._.commitment", "doc._.last_state_actor"],
)
def make_commitment_finder(nlp: Language, name: str, triggers: str, actors: str, lexicon: str,
                           engine: str) -> "CommitmentFinder":
    """`engine`: "fast" or "spacy" (pattern_engines.py), for the dependency triggers and the actors;
    `doc._.country` and `doc._.acronyms` are read when the caller has set them."""
    return CommitmentFinder(nlp.vocab, load_triggers(triggers), load_actor_patterns(actors), load_lexicon(lexicon),
                            engine)


class CommitmentFinder(JsonState):
    def __init__(self, vocab: Vocab, triggers: list[Trigger], actor_patterns: list[dict], lexicon: Lexicon,
                 engine: str = "fast"):
        self.vocab = vocab
        self.engine = engine
        self.set_patterns(triggers, actor_patterns, lexicon)

    def set_patterns(self, triggers: list[Trigger], actor_patterns: list[dict[str, Any]], lexicon: Lexicon) -> None:
        """The triggers, the actor patterns ({"label", "pattern"}) and the lexicon, in place of any before."""
        self.lexicon = lexicon
        self.triggers: dict[str, Trigger] = {}
        # Each trigger runs only on a doc that has its words: most paragraphs can match few of them.
        self.tree_triggers: list[tuple[Trigger, WordNeeds]] = []
        self.token_triggers: list[tuple[Trigger, WordNeeds]] = []
        self.trees = make_engine(self.engine, self.vocab)
        # The token triggers have operators: spaCy's Matcher, whichever the engine.
        self.token_patterns: PatternEngine = SpacyEngine(self.vocab)
        self.add_patterns(triggers)
        self.actor_patterns = actor_patterns
        self.actors = make_engine(self.engine, self.vocab)
        for number, entry in enumerate(actor_patterns):
            self.actors.add(str(number), entry["pattern"])
        self.actor_names = [entry["label"] for entry in actor_patterns]

    def add_patterns(self, triggers: Iterable[Trigger]) -> None:
        """Commitment triggers (lines of commitment_triggers.jsonl, as Trigger)."""
        for t in triggers:
            self.triggers[t.id] = t
            if t.matcher == "dependency":
                self.tree_triggers.append((t, words_needed([node["RIGHT_ATTRS"] for node in t.pattern], self.vocab)))
                self.trees.add(t.id, t.pattern)
            else:
                self.token_triggers.append((t, words_needed(t.pattern, self.vocab)))
                self.token_patterns.add(t.id, t.pattern)

    def state(self) -> dict[str, Any]:
        return {"triggers": [asdict(t) for t in self.triggers.values()], "actors": self.actor_patterns,
                "lexicon": {name: sorted(words) for name, words in asdict(self.lexicon).items()}}

    def load_state(self, values: dict[str, Any]) -> None:
        self.set_patterns([Trigger(**t) for t in values["triggers"]], values["actors"], lexicon_of(values["lexicon"]))

    def __call__(self, doc: Doc) -> Doc:
        columns = DocColumns(doc)
        hits = self.hits(doc, columns)
        actors = self.actor_labels(columns)
        acronyms = doc._.acronyms if doc._.acronyms is not None else self.acronym_actors(doc)
        found: list[Span] = []
        last_actor: Actor | None = None
        for sent in doc.sents:
            context = SentenceContext(self.lexicon, actors, last_actor, doc._.country, acronyms, doc._.reported)
            candidates = sorted(
                (h for h in hits if sent.start <= h.predicate.i < sent.end),
                key=lambda h: (KIND_ORDER.index(h.trigger.kind), h.predicate.i),
            )
            analysis = next((a for h in candidates if (a := context.analyse(h)) is not None), None)
            if analysis is not None:
                span = trimmed(sent, label=analysis.kind)
                span._.commitment = analysis.as_dict()
                found.append(span)
            last_actor = context.antecedent_after(sent)
        doc.spans[SPAN_KEY] = found
        doc._.last_state_actor = last_actor.label if last_actor and last_actor is not NOT_STATE else None
        return doc

    def hits(self, doc: Doc, columns: DocColumns) -> list[Hit]:
        words = DocWords(columns.values)
        hits = [Hit(trigger, doc[i], [doc[i]]) for trigger, i in self.tree_matches(doc, columns, words)]
        for trigger_id, start, end in self.token_matches(columns, words):
            trigger = self.triggers[trigger_id]
            tokens = list(doc[start:end])
            hits.append(Hit(trigger, clause_verb(tokens[trigger.anchor]), tokens))
        return hits

    def token_matches(self, columns: DocColumns, words: DocWords) -> list[tuple[str, int, int]]:
        """Matches of the token triggers whose words the doc has."""
        held = [t.id for t, needs in self.token_triggers if needs.found_in(words)]
        return self.token_patterns(columns, held) if held else []

    def tree_matches(self, doc: Doc, columns: DocColumns, words: DocWords) -> list[tuple[Trigger, int]]:
        """(trigger, predicate) of the dependency triggers whose words the doc has, in trigger order.
        In a paragraph longer than MAX_TOKENS_AT_ONCE, a sentence longer than MAX_SENTENCE_TOKENS
        is no sentence (a table, a list run together): nothing in it is read."""
        unread = set()
        if len(doc) > MAX_TOKENS_AT_ONCE:
            unread = {i for sent in doc.sents if len(sent) > MAX_SENTENCE_TOKENS for i in range(sent.start, sent.end)}
        held = [t.id for t, needs in self.tree_triggers if needs.found_in(words)]
        matches = self.trees(columns, held) if held else []
        return [(self.triggers[trigger_id], i) for trigger_id, i, _ in matches if i not in unread]

    def actor_labels(self, columns: DocColumns) -> dict[int, str]:
        """Token index -> actor label, the longest pattern winning (the first in the Matcher's order of equals)."""
        labels: dict[int, tuple[int, str]] = {}
        for number, start, end in self.actors(columns):
            for i in range(start, end):
                if labels.get(i, (0, ""))[0] < end - start:
                    labels[i] = (end - start, self.actor_names[int(number)])
        return {i: label for i, (_, label) in labels.items()}

    def acronym_actors(self, doc: Doc) -> dict[str, str]:
        """The State actors the doc defines abbreviations for (actors.defined_acronyms)."""
        return defined_acronyms(doc, self.actor_labels(DocColumns(doc))) if "(" in doc.text else {}

    def listed_actors(self, long_forms: dict[str, Doc]) -> dict[str, str]:
        """The State actors of a document's list of abbreviations, each long form parsed on
        its own: {"MoJ": doc("Ministry of Justice")} -> {"MoJ": "Ministry of Justice"}."""
        found: dict[str, str] = {}
        for abbr, doc in long_forms.items():
            label = long_form_actor(doc[:], self.actor_labels(DocColumns(doc)))
            if label is not None:
                found[abbr] = label
        return found


class SentenceContext:
    """Judges the triggers of one sentence."""

    def __init__(self, lexicon: Lexicon, actor_labels: dict[int, str], last_actor: Actor | None,
                 country: str | None, acronyms: dict[str, str] | None = None, reported: bool = False):
        self.lexicon = lexicon
        self.reported = reported
        self.actor_labels = actor_labels
        self.acronyms = acronyms or {}
        self.last_actor = last_actor
        self.country = country.lower() if country else None

    def analyse(self, hit: Hit) -> Analysis | None:
        trigger, predicate = hit.trigger, hit.predicate
        if trigger.reported_only and not self.reported:
            return None
        # In reported speech ("Kazakhstan planned to ...") the past is the State's present.
        past = not (trigger.allow_past or self.reported) and is_past(predicate)
        if is_negated(predicate) or is_conditional(predicate) or past:
            return None
        if trigger.allow_past and self.is_completed(predicate, trigger.kind == "pledge"):
            return None
        if is_quoted(predicate) or self.is_reported_law(predicate) or self.is_under_law(predicate):
            return None
        if self.is_permitted(predicate) or self.is_recommended(predicate) or self.is_said_by_another_state(predicate):
            return None
        if any(c.dep_ == "advmod" and c.lower_ in self.lexicon.habitual_adverbs for c in predicate.children):
            return None
        subject = subject_of(predicate)
        if trigger.clause == "main" and not self.in_main_clause(predicate):
            return None
        if (trigger.matcher == "dependency" and trigger.kind != "need" and not trigger.copular
                and self.is_non_agentive(predicate)):
            return None
        # "It will be monitored": the subject of a passive is what is acted on, not the actor.
        acted_on = (subject is not None and subject.dep_ == "nsubjpass" and trigger.subject != "state"
                    and not any(c.dep_ == "xcomp" for c in predicate.children))
        actor = None if acted_on else self.state_actor(subject, own_sentence=predicate.sent)
        if not self.subject_passes(trigger.subject, subject, actor):
            return None
        end = chain_end(hit.tokens[-1] if trigger.matcher == "token" else predicate)
        return Analysis(
            kind=trigger.kind,
            trigger=trigger.id,
            strength=trigger.strength,
            actor=Actor(trigger.actor) if trigger.actor else actor or self.agent(predicate) or Actor(UNSPECIFIED),
            action=action_span(hit, end),
            scope=clause_scope(predicate),
            adjuncts=verb_adjuncts(predicate, end) + self.plan_subject(subject, actor, predicate),
            object=object_span(predicate, end, subject if actor is None else None),
        )

    def plan_subject(self, subject: Token | None, actor: Actor | None, predicate: Token) -> list[Span]:
        """"The Programme for 2022-2030 foresees ...", "The Strategy 2016-2030 will be implemented":
        a subject that is no actor is what the commitment is about, where its deadline may stand
        (all words from the subject to the verb: the parser may hang a date apart)."""
        if subject is None or actor is not None or subject.pos_ not in ("NOUN", "PROPN") or subject.i > predicate.i:
            return []
        return [predicate.doc[subject.left_edge.i : predicate.i]]

    def antecedent_after(self, sent: Span) -> Actor | None:
        """What "it" means in the next sentence: the State actor this sentence is about, or
        NOT_STATE when it is about something else ("The law ... It will guarantee ...")."""
        subject = subject_of(sent.root)
        if subject is None or subject.pos_ == "PRON":
            return self.last_actor
        return self.subject_actor(subject) or NOT_STATE

    def state_subject(self, sent: Span) -> Actor | None:
        """The State actor a sentence is about, for "it" in the next sentences."""
        return self.subject_actor(subject_of(sent.root))

    def subject_actor(self, subject: Token | None) -> Actor | None:
        actor = self.state_actor(subject)
        return actor if actor and actor.label != ANTECEDENT else None

    def in_main_clause(self, predicate: Token) -> bool:
        top = clause_top(predicate)
        if top.dep_ == "ROOT" or before_clause_break(top):
            return True
        # Reported speech: "The delegation stated that the Government would ..."
        if self.reported and top.dep_ == "ccomp" and top.head.lemma_.lower() in self.lexicon.saying_verbs:
            return self.in_main_clause(top.head)
        # "It is expected that the Committee will ...": the frame says nothing of its own
        if top.dep_ == "ccomp" and top.head.lemma_.lower() in self.lexicon.framing_verbs and any(
                c.lower_ == "it" and c.dep_ in SUBJECT_DEPS for c in top.head.children):
            return self.in_main_clause(top.head)
        # "..., on the basis of which it will hand down a decision": a subordinate clause
        # whose own subject is the State still commits it; "a bill that will ..." does not.
        own_subject = next((c for c in predicate.children if c.dep_ in SUBJECT_DEPS), None)
        return (
            top.dep_ in SUBORDINATE_DEPS
            and own_subject is not None
            and own_subject.lower_ not in RELATIVE_PRONOUNS
            and self.state_actor(own_subject) is not None
        )

    def is_non_agentive(self, predicate: Token) -> bool:
        """"The number is growing", "Kazakhstan is now facing ...", "continues to be exposed": no one acts."""
        if predicate.lemma_.lower() in self.lexicon.non_agentive_verbs:
            # "agencies will increase the number" acts; "has been increasing funding every year" is a trend
            acts_on = any(c.dep_ in ("dobj", "attr") for c in predicate.children)
            future = any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in predicate.children)
            return not (acts_on and future and predicate.lemma_.lower() in self.lexicon.agentive_when_transitive)
        continued = [c for c in predicate.children if c.dep_ == "xcomp" and predicate.lemma_ == "continue"]
        subject = subject_of(predicate)
        if subject is not None and subject.lemma_.lower() in self.lexicon.activity_nouns:
            continued = [v for v in continued if v.lemma_.lower() in self.lexicon.non_agentive_verbs]  # "efforts continue to be made"
        return any(
            v.lemma_.lower() in self.lexicon.non_agentive_verbs or any(c.dep_ == "auxpass" for c in v.children)
            for v in continued
        )

    def is_reported_law(self, predicate: Token) -> bool:
        """"Section 31 provides that the Minister shall ensure ...": the law as it stands."""
        top = clause_top(predicate)
        if top.dep_ != "ccomp" or top.head.lemma_.lower() not in self.lexicon.law_reporting_verbs:
            return False
        # "The delegation stated that ...": a speaker, not a text of law
        speaker = subject_of(top.head)
        return speaker is None or not self.reported or speaker.lemma_.lower() in self.lexicon.law_nouns

    def is_permitted(self, predicate: Token) -> bool:
        """"The court may decide to release": what the law allows someone to do."""
        return any(c.dep_ == "aux" and c.lower_ in self.lexicon.permissive_modals for c in predicate.children)

    def is_recommended(self, predicate: Token) -> bool:
        """"Jordan recommended that Comoros continue ...", "urged the State to adopt ...": the
        clause is what someone recommends, not what the State does."""
        token = predicate
        while token.dep_ in ("conj", "xcomp", "ccomp") and token.head.i != token.i:
            recommends = token.head.lemma_.lower() in self.lexicon.recommending_verbs
            if token.dep_ in ("xcomp", "ccomp") and recommends and token.i > token.head.i:
                return True
            token = token.head
        return False

    def is_said_by_another_state(self, predicate: Token) -> bool:
        """Reported speech: "Japan expressed the hope that Kazakhstan would ...", "Tajikistan noted
        that Kazakhstan was making ...": another State's words, not the State's."""
        if not self.reported:
            return False
        token = clause_top(predicate)
        while token.head.i != token.i:
            token = token.head
            sayer = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if sayer is not None and sayer.ent_type_ == "GPE" and not self.is_country(sayer):
                return True
        return False

    def is_under_law(self, predicate: Token) -> bool:
        """"According to the Act, eligible persons will be entitled to ...": what a law provides."""
        for prep in predicate.children:
            if prep.dep_ != "prep" or prep.lower_ not in LAW_BASIS:
                continue
            objects = [t for t in prep.subtree if t.dep_ == "pobj"]
            if objects and objects[0].lemma_.lower() in self.lexicon.law_nouns:
                return True
        return False

    def is_completed(self, predicate: Token, pledge: bool) -> bool:
        """"was drafted and approved": the drafting is over; "Barbados had given commitments": a
        pledge told as a past narrative (in a report of its own; reported speech backshifts "has"
        to "had"), while "had drafted a bill" is still pending."""
        if pledge and not self.reported and any(c.dep_ == "aux" and c.lower_ == "had" for c in predicate.children):
            return True
        return any(c.dep_ == "conj" and c.lemma_.lower() in self.lexicon.completion_verbs for c in predicate.children)

    def subject_passes(self, policy: str, subject: Token | None, actor: Actor | None) -> bool:
        return SUBJECT_POLICIES[policy](self, subject, actor)

    def state_actor(self, subject: Token | None, own_sentence: Span | None = None) -> Actor | None:
        """The short form of a State actor named by the subject ("the State's policy"
        counts as the State), or None."""
        if subject is None or subject.dep_ == "expl":
            return None
        label = self.actor_labels.get(subject.i)
        if label is None and subject.text in self.acronyms:
            named = self.acronyms[subject.text]
            return None if self.is_non_state(named) else Actor(named, noun_phrase(subject))
        if label is None and (subject.ent_type_ == "GPE" or self.is_country(subject)):
            return Actor(COUNTRY, entity_span(subject))
        if label is None:
            owner = next((c for c in subject.children if c.dep_ == "poss"), None)
            return self.state_actor(owner) if owner is not None and owner.lower_ != "its" else None
        mention = without_open_bracket(noun_phrase(subject))
        if self.is_non_state(mention.text):
            return None
        if label == ANTECEDENT:
            # "The Supreme Court is assessing ..., on the basis of which it will ..."
            in_sentence = self.state_subject(own_sentence) if own_sentence is not None else None
            if in_sentence is not None and in_sentence.mention is not None and in_sentence.mention.start < subject.i:
                return in_sentence
            if self.last_actor is NOT_STATE:
                return None
            return self.last_actor or Actor(ANTECEDENT, mention)
        if label == PHRASE:
            named = earlier_name(subject) if len(mention) == 1 else None  # "the Ministry"
            return Actor((named or mention).text, mention)
        return Actor(label, mention)

    def is_country(self, subject: Token) -> bool:
        return self.country is not None and noun_phrase(subject).text.lower().endswith(self.country)

    def agent(self, predicate: Token) -> Actor | None:
        """"under consideration by Parliament", "was introduced by the Government"."""
        for child in predicate.children:
            if child.dep_ in ("agent", "prep") and child.lower_ == "by":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                actor = self.state_actor(objects[0]) if objects else None
                if actor is not None:
                    return actor
        return None

    def is_private(self, subject: Token) -> bool:
        return (subject.ent_type_ == "PERSON" or subject.lemma_.lower() in self.lexicon.private_actors
                or self.is_non_state(noun_phrase(subject).text))

    def is_non_state(self, name: str) -> bool:
        """"International Criminal Court", "the UNICEF office", "NGOs": not an organ of the State."""
        words = " " + " ".join(WORD_RE.findall(name.lower())) + " "
        return any(f" {w} " in words for w in self.lexicon.non_state_words)

    def is_activity(self, subject: Token) -> bool:
        return subject.lemma_.lower() in self.lexicon.activity_nouns

    def is_draft(self, subject: Token | None) -> bool:
        return subject is not None and subject.lemma_.lower() in self.lexicon.draft_nouns


SUBJECT_POLICIES = {
    "any": lambda ctx, subject, actor: True,
    "not_private": lambda ctx, subject, actor: (
        actor is not None or subject is None or subject.dep_ == "nsubjpass" or not ctx.is_private(subject)),
    "state": lambda ctx, subject, actor: actor is not None,
    "state_or_activity": lambda ctx, subject, actor: actor is not None or (subject is not None and ctx.is_activity(subject)),
    "draft": lambda ctx, subject, actor: ctx.is_draft(subject),
    # "The draft legislation seeks to ...", "the proposed amendments are intended to": a bill still a draft
    "proposed_draft": lambda ctx, subject, actor: ctx.is_draft(subject) and any(
        t.lower_ in ctx.lexicon.draft_markers for t in subject.subtree),
}


def earlier_name(head: Token) -> Span | None:
    """"the Ministry" after "the Ministry of Housing and Lands" in its paragraph: that name."""
    for token in reversed(head.doc[: head.i]):
        if token.lower_ == head.lower_ and token.text[:1].isupper():
            name = without_open_bracket(noun_phrase(token))
            if len(name) > 1 and name.root.i == token.i:
                return name
    return None


def action_span(hit: Hit, end: Token) -> Span:
    """The verb with its auxiliaries to the end of its chain ("will be amending", "intends to
    improve"); for a phrase trigger, the phrase too ("there are plans to extend")."""
    doc = hit.predicate.doc
    auxes = [c.i for c in hit.predicate.children if c.dep_ in AUX_DEPS and c.i < hit.predicate.i]
    phrase = [hit.tokens[0].i, hit.tokens[-1].i] if hit.trigger.matcher == "token" else []
    particles = [c.i for c in end.children if c.dep_ == "prt"]  # "carried out", "hand down"
    return doc[min([hit.predicate.i, *auxes, *phrase]) : max([end.i, hit.predicate.i, *phrase, *particles]) + 1]


def commitment_spans(doc: Doc) -> Iterable[Span]:
    return doc.spans[SPAN_KEY] if SPAN_KEY in doc.spans else []
