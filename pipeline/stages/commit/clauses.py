"""The grammar of a clause in a dependency parse: its verb, subject, scope, adjuncts and
object, and whether it is negated, conditional, quoted or past. Pure functions of spaCy
tokens, used by the commitment finder (commitments.py)."""

from __future__ import annotations

from spacy.tokens import Span, Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj")
AUX_DEPS = ("aux", "auxpass", "neg")
CHAIN_DEPS = ("xcomp", "acomp", "pcomp", "acl", "oprd")  # "intends to improve", "ready to share"
NEGATIONS = ("not", "n't", "never", "no")
SUBORDINATE_DEPS = ("ccomp", "advcl", "relcl", "xcomp", "pcomp", "acl")
# A clause opened by these is a condition or a time reference, not a commitment.
CONDITION_MARKERS = ("if", "unless", "since", "after", "when", "once", "until", "before", "because", "while",
                     "although", "whether", "otherwise")
CLAUSE_BREAKS = (";", ":")
ADJUNCT_DEPS = ("prep", "agent", "npadvmod", "advmod", "advcl")
QUOTE_MARKS = ("\u201c", "\u201d", '"')


def clause_verb(token: Token) -> Token:
    """The verb whose clause a matched word sits in ("is" in "is planned" leads to "planned")."""
    while (token.pos_ not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass")) and token.head.i != token.i:
        token = token.head
    return token



def clause_top(predicate: Token) -> Token:
    """The verb heading the clause: "will continue" in "does not intend to ... and will continue"."""
    top = predicate
    while top.dep_ in ("conj", "xcomp") and top.head.i != top.i:
        top = top.head
    return top



def before_clause_break(top: Token) -> bool:
    """"The intention is to grant ...; this would help": the parser hangs the first clause
    on the second, though it stands on its own."""
    if top.dep_ not in ("ccomp", "parataxis") or top.head.i < top.i:
        return False
    return any(t.text in CLAUSE_BREAKS for t in top.doc[top.i : top.head.i])



def is_quoted(predicate: Token) -> bool:
    """Inside quotation marks: a law or another text quoted, not the State speaking."""
    before = predicate.doc[predicate.sent.start : predicate.i].text
    # OCR mixes curly and straight marks, so every mark toggles.
    return sum(before.count(mark) for mark in QUOTE_MARKS) % 2 == 1



def is_conditional(predicate: Token) -> bool:
    """"if corruption is to be confronted", "otherwise the Council will rule ..."."""
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in CONDITION_MARKERS for c in predicate.children)



def is_negated(predicate: Token) -> bool:
    return any(c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ in ("advmod", "det")) for c in predicate.children)



def is_past(predicate: Token) -> bool:
    """A completed event: "was implemented", "had been drafted"; not "has been carrying out"."""
    auxes = [c for c in predicate.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "shall", "'ll", "must", "should") for a in auxes):
        return False
    if any(a.tag_ == "VBD" for a in auxes):
        return True
    return predicate.tag_ == "VBD"



def subject_of(predicate: Token) -> Token | None:
    """The explicit subject, else the one of the clause it is conjoined to or depends on."""
    token = predicate
    for _ in range(6):
        # the parser sometimes hangs the subject on the auxiliary: "Slovenia is committed to"
        candidates = [*token.children, *(g for c in token.children if c.dep_ in ("aux", "auxpass") for g in c.children)]
        subject = next((c for c in candidates if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return subject
        shares_subject = token.dep_ in ("conj", "xcomp", "acomp", "pcomp") or (token.dep_ == "advcl" and token.tag_ == "VBG")
        if not shares_subject or token.head.i == token.i:
            return None
        token = token.head
    return None



def chain_end(token: Token) -> Token:
    """Follow "intends to improve", "stands ready to share" to the last verb."""
    if token.lower_ == "to" and token.dep_ == "aux":
        token = token.head
    while True:
        nxt = next((c for c in token.children if c.dep_ in CHAIN_DEPS and c.i > token.i), None)
        if nxt is None:
            return token
        token = nxt



def clause_scope(predicate: Token) -> Span:
    """The predicate's clause, without the clauses conjoined to it that have a subject of their own
    ("projects are in progress, and 393,000 jobs have been created in 2009")."""
    excluded = {
        t.i
        for c in predicate.children
        if c.dep_ == "conj" and any(g.dep_ in SUBJECT_DEPS for g in c.children)
        for t in c.subtree
    }
    sent = predicate.sent  # found anew on every read: once, not per token
    kept = [t.i for t in predicate.subtree if t.i not in excluded and sent.start <= t.i < sent.end]
    return predicate.doc[min(kept) : max(kept) + 1]



def verb_adjuncts(predicate: Token, end: Token) -> list[Span]:
    """The prepositional and adverbial phrases of the verbs from the predicate to the chain's
    end: the deadline of "is planned for 2024" is there, not in "the Programme for 2024-2032"."""
    verbs, token = [predicate], predicate
    while token.i != end.i:
        token = next((c for c in token.children if c.dep_ in CHAIN_DEPS and c.i > token.i), end)
        verbs.append(token)
    doc = predicate.doc
    return [
        doc[c.left_edge.i : c.right_edge.i + 1]
        for verb in verbs
        for c in verb.children
        if c.dep_ in ADJUNCT_DEPS
    ]



def object_span(predicate: Token, end: Token, passive_subject: Token | None) -> Span | None:
    """What the action is about: its direct object, else the thing the sentence is about."""
    for token in (end, predicate):
        direct = next((c for c in token.children if c.dep_ in ("dobj", "attr") and c.i > token.i), None)
        if direct is not None:
            return noun_phrase(direct, whole=True)
    if passive_subject is not None and passive_subject.dep_ != "expl":
        return noun_phrase(passive_subject, whole=True)
    for token in (end, predicate):
        prep = next((c for c in token.children if c.dep_ == "prep" and c.i > token.i), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if pobj is not None:
            return noun_phrase(pobj, whole=True)
    return None



def noun_phrase(head: Token, whole: bool = False) -> Span:
    """The phrase a noun heads, without leading articles; without its clauses unless `whole`."""
    doc = head.doc
    tokens = [head] + [
        t for t in head.subtree if t.i != head.i and (whole or not _in_clause(t, head))
    ]
    sent = head.sent  # found anew on every read: once, not per token
    indices = sorted(t.i for t in tokens if sent.start <= t.i < sent.end)
    start, end = indices[0], indices[-1] + 1
    # keep the phrase contiguous around the head
    while start < head.i and (doc[start].dep_ == "det" and doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].dep_ in ("cc", "prep")):
        end -= 1
    return doc[start:end]



def _in_clause(token: Token, head: Token) -> bool:
    """Is the token inside a clause, apposition or parenthesis hanging from the head's phrase?"""
    while token.i != head.i:
        if token.dep_ in ("relcl", "acl", "appos", "advcl", "punct", "parataxis"):
            return True
        token = token.head
    return False



def entity_span(token: Token) -> Span:
    doc = token.doc
    ents = [e for e in doc.ents if e.start <= token.i < e.end]
    return ents[0] if ents else doc[token.i : token.i + 1]



def trimmed(sent: Span, label: str) -> Span:
    start, end = sent.start, sent.end
    while end > start + 1 and sent.doc[end - 1].is_space:
        end -= 1
    return Span(sent.doc, start, end, label=label)
