"""Roles of verbal acts (CAMEO 02 and 09-13: appeals, investigations, demands, criticism,
rejections, threats): whom they are aimed at when their complements name nobody."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from detente.model import Actor
from detente.nlp.actors import ActorResolver
from detente.nlp.parties import OwnSide
from detente.nlp.patterns import default_patterns

#: Sectors outside the state: their verbal acts with no named target are aimed at their state.
_NON_STATE = frozenset({"CVL", "LAB", "OPP", "REB", "INS", "EDU", "BUS", "NGO", "HRI", "REL"})


def domestic_implied_target(verb: Token, sources: list[Actor], code: str) -> list[Actor]:
    """The implicit target of a domestic verbal act that names no one (``--domestic``), as
    PETRARCH and ICEWS code a domestic protest or strike with no named target (an implicit
    actor, no words of its own).

    A non-state group's demand, criticism, rejection or threat of a measure, plan or policy
    is aimed at the government of its country ("the union threatened to strike", "activists
    criticized the curfew", "the rebels turned down the offer"); the state's threat to
    arrest, ban or expel unnamed people is aimed at its civilians ("police threatened to
    arrest anyone who ...").
    """
    coercive = code[:2] == "13" and (
        any(c.dep_ == "xcomp" and _coercive(c.lemma_.lower()) for c in verb.children)
        or _coercive_content(verb)
    )
    out: list[Actor] = []
    for s in sources:
        country, sector = s.code[:3], s.code[3:6]
        if s.code.startswith("IGO"):
            continue
        if sector in _NON_STATE:
            implied = Actor(country + "GOV", "", -1, -1)
        elif coercive and sector in {"", "GOV", "COP", "MIL", "JUD", "SPY"}:
            implied = Actor(country + "CVL", "", -1, -1)
        else:
            continue
        if implied not in out:
            out.append(implied)
    return out


def _coercive_content(verb: Token) -> bool:
    """Does a warning's content name a coercive act, by verb or noun ("warned that anyone
    joining would face arrest", "warned of arrests", "warned they would be detained")?"""
    patterns = default_patterns()
    for c in verb.children:
        if c.dep_ not in {"ccomp", "xcomp"} and not (c.dep_ == "prep" and c.lower_ == "of"):
            continue
        for t in c.subtree:
            lemma = t.lemma_.lower()
            if t.pos_ == "VERB" and _coercive(lemma):
                return True
            if t.pos_ == "NOUN" and any(n.code[:2] == "17" for n in patterns.noun_patterns(lemma)):
                return True
    return False


def _coercive(lemma: str) -> bool:
    """Is the verb, in detente's patterns, a coercive act (CAMEO 17: arrest, ban, expel)?"""
    return any(vp.code[:2] == "17" for vp in default_patterns().verbs.get(lemma, ()))


#: Verbs of belief and guess: their clause says what is believed, not whom an act targets.
_COGNITION = frozenset({
    "believe", "think", "suspect", "doubt", "assume", "suppose", "expect", "hope", "fear",
    "consider", "imagine", "wonder", "feel", "know", "guess", "estimate", "predict",
})  # fmt: skip
#: Verbal acts aimed at someone: requests and appeals (02), investigations (09), demands
#: (10), criticism and accusation (11), rejections (12), threats (13).
VERBAL_ROOTS = frozenset({"02", "09", "10", "11", "12", "13"})


def verbal_act_targets(
    verb: Token,
    resolver: ActorResolver,
    date: str | None,
    own: OwnSide,
    below: Callable[[Token], list[Actor]],
) -> list[Actor]:
    """Whom a verbal act is aimed at when its complements name nobody.

    A demand, appeal, warning or threat is aimed at whoever its content clause is about:
    "Greece demanded that Turkey withdraw its ships", "warned that it would strike Ecuador".
    A rejection or criticism of a proposal, claim or offer is aimed at its author: "rejected
    the plan brokered by Ghana", "dismissed the claims made by Chile", "rejected the
    proposal by Austria" (the parser hangs the author's by-phrase on an active verb, whose
    own agent is its subject, so the by-phrase can only name the object's author).
    """
    # "France believes Germany will cope": a belief is about its clause, not aimed at it.
    contents = verb.lemma_.lower() not in _COGNITION
    for c in verb.children:
        # A content clause, or a for-to clause ("called for Israel to reopen the crossing").
        for_to = c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "for" for m in c.children
        )
        if contents and (c.dep_ == "ccomp" or for_to) and c.i > verb.i:
            for s in c.children:
                # "X warned they might resume attacks on Y": the pronoun is X itself.
                if s.dep_ in {"nsubj", "nsubjpass"} and s.pos_ != "PRON":
                    found = [a for a in resolver.resolve(s, date) if a not in own]
                    if found:
                        return found
            # "warned it could invade and annex Chad": the acts joined to the clause's verb.
            for v in (c, *(x for x in c.children if x.dep_ == "conj" and x.pos_ == "VERB")):
                found = below(v)
                if found:
                    return found
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # "requested a meeting with Australia", "declined talks with the rebels": the meeting
    # asked for or refused is the act's object here, not the place of another act.
    partners = [
        p for o in objects for w in o.children if w.dep_ == "prep" and w.lower_ == "with"
        for p in w.children if p.dep_ == "pobj"
    ]  # fmt: skip
    for p in partners:
        found = [a for a in resolver.resolve(p, date) if a not in own]
        if found:
            return found
    authors = [
        p for o in objects for a in o.children if a.dep_ == "acl" and a.tag_ == "VBN"
        for b in a.children if b.dep_ in {"agent", "prep"} and b.lower_ == "by"
        for p in b.children if p.dep_ == "pobj"
    ]  # fmt: skip
    if objects and not any(
        c.dep_ in {"aux", "auxpass"} and c.lemma_ == "be" for c in verb.children
    ):
        authors += [
            p for b in verb.children if b.dep_ == "prep" and b.lower_ == "by" and b.i > objects[0].i
            for p in b.children if p.dep_ == "pobj"
        ]  # fmt: skip
    for p in authors:
        found = [a for a in resolver.resolve(p, date) if a not in own]
        if found:
            return found
    for x in verb.children:
        if x.dep_ == "xcomp" and verb.lemma_.lower() in _REFUSING:
            # "refused to accept the aid provided by the WHO": the offer refused is the
            # infinitive's object (nyield).
            return verbal_act_targets(x, resolver, date, own, below)
    # "threatened to retaliate if Finland joined NATO": who must meet the condition.
    return conditioned_party(verb, resolver, date, own)


#: Prepositions that name what an investigation looks into.
_INQUIRY_PREPS = frozenset({"into", "of", "on"})


def investigated_party(
    act: Token, resolver: ActorResolver, date: str | None, own: OwnSide
) -> list[Actor]:
    """Whom an investigation (CAMEO 09) looks into when it names a deed rather than a party:
    "an inquiry into abuses committed by the army", "investigated allegations against the
    former minister", "a probe into the killing of protesters by police" — the first party
    named inside what is investigated (its agent or the one it is held against)."""
    roots = [
        p
        for c in act.children
        if c.dep_ == "prep" and c.lower_ in _INQUIRY_PREPS
        for p in c.children
        if p.dep_ == "pobj"
    ]
    if act.pos_ in {"VERB", "AUX"}:
        roots += [c for c in act.children if c.dep_ == "dobj"]
    for root in roots:
        nouns = [t for t in root.subtree if t.pos_ in {"NOUN", "PROPN"} and t.dep_ != "compound"]
        # The doer ("by the army") or the accused ("against the minister") first.
        held = [t for t in nouns if t.head.lower_ in {"by", "against"} and t.dep_ == "pobj"]
        for t in (*held, *nouns):
            found = [a for a in resolver.resolve(t, date) if a not in own]
            if found:
                return found
    return []


_CONDITION_MARKS = frozenset({"if", "unless"})


def conditioned_party(
    verb: Token, resolver: ActorResolver, date: str | None, own: OwnSide
) -> list[Actor]:
    """Whom a conditional threat is aimed at: the one who must meet its condition ("Russia
    threatened to retaliate if Finland joined NATO", "warned it would strike unless Chad
    withdrew its troops")."""
    clauses = [verb, *(c for c in verb.children if c.dep_ in {"xcomp", "ccomp"})]
    for clause in clauses:
        for adv in clause.children:
            if adv.dep_ != "advcl" or not any(
                m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS for m in adv.children
            ):
                continue
            for s in adv.children:
                if s.dep_ in {"nsubj", "nsubjpass"} and s.pos_ != "PRON":
                    found = [a for a in resolver.resolve(s, date) if a not in own]
                    if found:
                        return found
    return []


def threat_noun_targets(
    noun: Token, resolver: ActorResolver, date: str | None, own: OwnSide
) -> list[Actor]:
    """Whom a threat or warning named by a noun is aimed at when its complements name no
    one: the party its infinitive acts on ("issued a threat to impose sanctions on Greece",
    "a warning to strike Tigray"), else the one who must meet its condition."""
    for c in noun.children:
        if c.dep_ != "acl" or not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            continue
        for t in c.subtree:
            if t.i == c.i or t.pos_ not in {"NOUN", "PROPN"} or t.dep_ == "compound":
                continue
            found = [a for a in resolver.resolve(t, date) if a not in own]
            if found:
                return found
        found = conditioned_party(c, resolver, date, own)
        if found:
            return found
    return []


#: Verbs of refusal whose infinitive names what is refused.
_REFUSING = frozenset({"refuse", "decline", "reject"})
