"""Whom a rejection is aimed at when its clause names only what is rejected (nthreat branch).

A rejection (CAMEO 12x; PLOVER REJECT: "the ACTOR is the entity making the rejection, the
RECIPIENT the target of the rejection") is aimed at the author of what it rejects. News names
that author in two common ways besides a possessive or a by-phrase:

* in what is proposed: "declined an invitation to visit Nigeria", "rejected a proposal to
  hold talks with Chile" (the party the proposed act involves);
* in the sentence before: "Chile proposed new border talks on Monday. Peru rejected the
  proposal on Tuesday." The definite noun ("the proposal", "the offer") takes up the act the
  previous sentence told; its author is the subject of that act.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from detente.model import Actor
from detente.nlp.parties import OwnSide, own_side
from detente.nlp.syntax import subject_tokens
from detente.nlp.verbal_roles import threat_noun_targets

if TYPE_CHECKING:
    from detente.nlp.actors import ActorResolver

__all__ = ["refusal_targets"]

#: Nouns of what can be rejected, each with the verbs that make it and the nouns that name
#: it again ("Chile made an offer", "Chile offered"; a plan put forward is a proposal).
_PROPOSALS: dict[str, frozenset[str]] = {
    "proposal": frozenset({"propose", "suggest", "proposal", "plan", "offer"}),
    "offer": frozenset({"offer", "propose", "proposal"}),
    "request": frozenset({"request", "ask"}),
    "demand": frozenset({"demand"}),
    "invitation": frozenset({"invite", "invitation"}),
    "appeal": frozenset({"appeal", "urge"}),
    "call": frozenset({"call", "urge"}),
    "suggestion": frozenset({"suggest", "propose", "suggestion"}),
    "plan": frozenset({"propose", "unveil", "plan", "proposal"}),
    "initiative": frozenset({"propose", "launch", "initiative", "proposal"}),
    "ultimatum": frozenset({"ultimatum"}),
    "bid": frozenset({"bid"}),
}
#: Determiners that take up something already told ("the proposal", "this offer").
_ANAPHORIC = frozenset({"the", "this", "that", "these", "those", "such"})


def _rejected(verb: Token) -> list[Token]:
    """The objects of a verb of rejection (a phrasal one's too: "turned down the offer")."""
    return [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]


def _taken_up(noun: Token) -> bool:
    """Is the noun a bare definite mention ("the proposal", "this offer"), whose author the
    text told before, rather than one described here ("a proposal by Chile")?"""
    if not any(c.dep_ == "det" and c.lower_ in _ANAPHORIC for c in noun.children):
        return False
    return not any(c.dep_ in {"poss", "prep", "acl", "relcl", "amod"} for c in noun.children)


def _author_before(
    noun: Token, resolver: ActorResolver, date: str | None, own: OwnSide
) -> list[Actor]:
    """The subject of the act the previous sentence told that the noun takes up."""
    sent = noun.sent
    if sent.start == 0:
        return []
    makers = _PROPOSALS[noun.lemma_.lower()]
    before = noun.doc[sent.start - 1].sent
    for tok in before:
        act = tok
        if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.lemma_.lower() in makers:
            act = tok.head  # "Chile made a proposal", "Chile put forward a plan"
        elif tok.pos_ != "VERB" or tok.lemma_.lower() not in makers:
            continue
        subj, passive = subject_tokens(act)
        if passive:
            continue
        found = [a for s in subj for a in resolver.resolve(s, date) if a not in own]
        if found:
            return found
    return []


def refusal_targets(
    verb: Token, sources: list[Actor], resolver: ActorResolver, date: str | None, domestic: bool
) -> list[Actor]:
    """Whom a rejection told by ``verb`` is aimed at when its complements name no one: the
    party of the act proposed, else the author the previous sentence names."""
    own = own_side(sources, domestic)
    for noun in _rejected(verb):
        found = threat_noun_targets(noun, resolver, date, own)
        if found:
            return found
        if noun.lemma_.lower() in _PROPOSALS and _taken_up(noun):
            found = _author_before(noun, resolver, date, own)
            if found:
                return found
    return []
