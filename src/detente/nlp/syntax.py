"""Parse helpers shared by the event coder: subjects, clause subjects, actor-like words.

Dependency labels are spaCy's English (ClearNLP) labels.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.nlp.actors import mention_at

_SUBJ = {"nsubj", "csubj", "expl"}
_OBJECT_CONTROL = {
    "send",
    "ask",
    "urge",
    "invite",
    "allow",
    "persuade",
    "dispatch",
    "authorize",
    "tell",
    "encourage",
    "help",
}
DEMONSTRATIVES = {"this", "that", "these", "those", "such"}
TARGET_DEPS = {"dobj", "dative", "prep", "pobj", "attr", "oprd", "pcomp", "agent"}
# Prepositions that introduce circumstances (place, time, cause), never the patient of an act.
ADJUNCT_PREPS = {
    "in",
    "at",
    "during",
    "after",
    "before",
    "since",
    "until",
    "as",
    "due",
    "because",
    "despite",
    "like",
    "within",
    "throughout",
    "amid",
    "near",
    "under",
    "via",
    "through",
    "by",
}
NOUN_DEPS_DOWN = {
    "prep",
    "pobj",
    "compound",
    "amod",
    "poss",
    "appos",
    "conj",
    "nmod",
    "dobj",
    "pcomp",
}
THIRD_PLACE = {
    "sideline",
    "summit",
    "session",
    "assembly",
    "conference",
    "forum",
    "meeting",
    "ceremony",
    "gathering",
}


#: Clauses a target may be found in when ``clausal_targets`` is on.
CLAUSE_DEPS = {"ccomp", "acl", "relcl", "advcl"}

ARGUMENT_PREPS = {"on", "to", "for", "with", "against", "about", "of", "over", "between"}


def is_actorish(tok: Token) -> bool:
    m = mention_at(tok)
    return m is not None or tok.ent_type_ in {"PERSON", "GPE", "NORP", "ORG"} or tok.pos_ == "PRON"


def _subject_in_fronted_phrase(verb: Token) -> Token | None:
    """ "As a result of the deadlock, Peru, Chile and Brazil opened talks": the parser reads
    the compound subject as more conjuncts of the fronted phrase's noun. The first conjunct
    after the comma that names an actor, before a finite verb without a subject, is it."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > verb.i:
            continue
        for t in prep.subtree:
            if (
                t.dep_ == "conj"
                and t.i < verb.i
                and t.doc[t.i - 1].text == ","
                and t.pos_ == "PROPN"
                and mention_at(t) is not None
            ):
                return t
    return None


def subject_tokens(verb: Token) -> tuple[list[Token], bool]:
    """Subject heads of a verb; the flag says they are the patients of a passive."""
    subj = [c for c in verb.children if c.dep_ in _SUBJ]
    if subj:
        return subj, False
    for aux in verb.children:
        if aux.dep_ in {"aux", "auxpass"}:
            # The parser sometimes hangs the subject on the auxiliary ("X was heavily and
            # unjustly criticized"): it is still the verb's subject.
            found = [c for c in aux.children if c.dep_ in _SUBJ | {"nsubjpass"}]
            if found:
                return found, aux.dep_ == "auxpass" or found[0].dep_ == "nsubjpass"
    if verb.tag_ in {"VBP", "VBD", "VBZ"}:
        # A finite verb has a subject: "Ethiopia act on ..." parsed as a compound.
        subj = [
            c
            for c in verb.children
            if c.dep_ in {"compound", "npadvmod", "nmod"}
            and c.i < verb.i
            and c.pos_ == "PROPN"
            and mention_at(c) is not None
        ]
        if subj:
            return subj, False
        fronted = _subject_in_fronted_phrase(verb)
        if fronted is not None:
            return [fronted], False
    agent = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not agent and any(c.dep_ == "nsubjpass" for c in verb.children):
        agent = _shared_agent(verb)
    if agent:
        return agent, False
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive:
        return passive, True
    head = verb.head
    if head.i == verb.i:
        return [], False
    if verb.dep_ == "xcomp" and head.dep_ == "acomp":
        # "Arnor is about to restore ties", "X is ready to sign": the subject of "is".
        return subject_tokens(head.head)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ == "xcomp" and infinitive:
        patient = [c for c in head.children if c.dep_ == "nsubjpass"]
        if patient and not any(c.dep_ == "agent" for c in head.children):
            # "Gollum was seen to break in", "X was asked to leave": the passive subject
            # of the governing verb is the one who does the infinitive's act.
            return patient, False
    if verb.dep_ in {"xcomp", "advcl"} and (infinitive or verb.dep_ == "xcomp"):
        if head.lemma_.lower() in _OBJECT_CONTROL:
            obj = [c for c in head.children if c.dep_ == "dobj"]
            if obj:
                return obj, False
        return subject_tokens(head)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        governor = head.head
        obj = [c for c in governor.children if c.dep_ == "dobj"]
        if head.lower_ in {"for", "of"} and obj:
            # "criticised the United States for selling weapons": the object did it.
            return obj, False
        # "responded by boycotting the Olympics": the subject of the main verb did it.
        return subject_tokens(governor) if governor.pos_ in {"VERB", "AUX"} else ([], False)
    if verb.dep_ in {"conj", "advcl", "pcomp"}:
        return subject_tokens(head)
    if verb.dep_ in {"relcl", "acl"}:
        if head.dep_ == "attr" and head.pos_ == "NOUN" and head.head.lemma_ == "be":
            # "Britain was the first country to accept the offer": the predicate noun is the
            # copula's subject (ndev branch).
            said = [c for c in head.head.children if c.dep_ == "nsubj"]
            if said:
                return said, False
        return [head], False
    return [], False


def clause_subject(tok: Token) -> list[Token]:
    t = tok
    while t.head.i != t.i and t.pos_ not in {"VERB", "AUX"}:
        t = t.head
    if t.pos_ in {"VERB", "AUX"}:
        return subject_tokens(t)[0]
    return []


#: A conjunct with one of these is a clause of its own ("and Chile was attacked by Bolivia").
_OWN_CLAUSE = _SUBJ | {"nsubjpass", "aux", "auxpass"}


def _shared_agent(verb: Token) -> list[Token]:
    """ "Latvia was occupied and annexed by the Soviet Union": coordinated passive participles
    share the by-agent written after the last of them (ndev branch)."""
    return [
        p
        for v in verb.children
        if v.dep_ == "conj"
        and v.tag_ == "VBN"
        and not any(c.dep_ in _OWN_CLAUSE for c in v.children)
        for c in v.children
        if c.dep_ == "agent"
        for p in c.children
        if p.dep_ == "pobj"
    ]


def passive_patients(verb: Token) -> list[Token]:
    """The passive subject of ``verb``, or, for a participle coordinated with a passive
    ("was occupied and annexed by X"), the subject they share."""
    own = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if own or verb.dep_ != "conj" or verb.tag_ != "VBN":
        return own
    if any(c.dep_ in _OWN_CLAUSE for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ == "nsubjpass"]
