"""Whom a threat is aimed at when its clause names no one (nthreat branch).

Wire copy often leaves the threatened party out: "Azerbaijan warned of serious
consequences", "Seoul vowed to retaliate", "Beijing threatened to take countermeasures". CAMEO
and PETRARCH code such a threat against the party it is about; in a text about two parties
(the pair in focus, :mod:`detente.nlp.focus`) that is the other party of the pair. A threat
made public as a plan ("announced a plan to invade Fiji") is aimed at the party its planned
act is done to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from detente.model import Actor
from detente.nlp.focus import other_of_pair
from detente.nlp.parties import OwnSide, own_side
from detente.nlp.verbal_roles import threat_noun_targets

if TYPE_CHECKING:
    from detente.nlp.actors import ActorResolver

__all__ = ["threat_targets"]

#: Clause relations through which a threat is still its sentence's news: the main verb, a
#: verb coordinated with it, or the content of what the speaker said ("said it would strike").
_NEWS_CHAIN = frozenset({"conj", "ccomp", "xcomp"})


def _told_as_news(verb: Token) -> bool:
    """Is the threat the news of its sentence (its main verb or what the main verb says),
    not an act in passing ("the dispute, which Chad warned about, ...")?"""
    t = verb
    while t.dep_ in _NEWS_CHAIN and t.head.i != t.i:
        t = t.head
    return t.dep_ == "ROOT"


def _pair_target(verb: Token, sources: list[Actor], resolver: ActorResolver) -> list[Actor]:
    """The other country of the pair in focus, for a threat by one of its countries made in a
    sentence that names no third country."""
    if not _told_as_news(verb):
        return []
    return other_of_pair(sources, resolver)


def _held_out_party(
    frame: Token, resolver: ActorResolver, date: str | None, own: OwnSide
) -> list[Actor]:
    """The party of the act a possibility holds out ("the possibility of a ban on X")."""
    for prep in frame.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for t in prep.subtree:
                if t.pos_ in {"NOUN", "PROPN"} and t.dep_ != "compound" and t.head.i != prep.i:
                    found = [a for a in resolver.resolve(t, date) if a not in own]
                    if found:
                        return found
    return []


def threat_targets(
    verb: Token, sources: list[Actor], resolver: ActorResolver, date: str | None, domestic: bool
) -> list[Actor]:
    """Whom a threat (CAMEO 13x) told by ``verb`` is aimed at, when its complements name no
    one: the party of a plan it announces, else the other party of the pair in focus."""
    own = own_side(sources, domestic)
    for o in verb.children:
        if o.dep_ == "dobj":
            # "announced a plan to invade Fiji": the party the planned act is done to.
            found = threat_noun_targets(o, resolver, date, own) or _held_out_party(
                o, resolver, date, own
            )
            if found:
                return found
        if o.dep_ == "ccomp" and o.i < verb.i:
            # "Iraq would face serious consequences, Iran said": what is said comes first.
            for subj in o.children:
                if subj.dep_ in {"nsubj", "nsubjpass"} and subj.pos_ != "PRON":
                    found = [a for a in resolver.resolve(subj, date) if a not in own]
                    if found:
                        return found
    return _pair_target(verb, sources, resolver)
