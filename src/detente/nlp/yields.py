"""To whom a yield is made when news names only the one who yields (``--domestic`` only).

A yield (CAMEO 08: easing restrictions, acceding to demands, stepping down, releasing,
withdrawing, ceasing fire) is often reported with its doer alone: "the government eased
restrictions on the press", "the interior minister resigned", "the army pulled back from the
north", "rebels declared a ceasefire". Event data sets that code domestic events (ICEWS,
PETRARCH with domestic actors) code such acts as the state's toward its own population, as
they code a curfew or a ban (:mod:`detente.nlp.implicit`), and a military de-escalation at
home as one side's toward the other side of the internal conflict. These fall-backs apply
only when the clause names no target.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.model import Actor
from detente.nlp.actors import ActorResolver
from detente.nlp.implicit import place_country
from detente.nlp.parties import STATE_SECTORS, distinct_parties
from detente.nlp.patterns import Patterns
from detente.nlp.triggers import choose_verb_pattern

__all__ = ["admitted_parties", "refused_yield_targets", "yield_targets"]

#: The state and its law enforcement: what they ease, they ease for the country's people.
_STATE = STATE_SECTORS | {"COP", "JUD", ""}

#: Armed non-state actors: their yield at home is made to the government they fight.
_ARMED = frozenset({"REB", "INS", "SEP", "UAF"})

#: Unarmed non-state actors who dissent (civilians, opposition, workers, students...): what
#: they yield (calling off a strike, CAMEO 082) they yield to their government.
_CROWD = frozenset(
    {"CVL", "OPP", "LAB", "EDU", "REL", "MED", "AGR", "HLH", "REF", "BUS", "NGO", "HRI", "ACT"}
)

#: CAMEO 086, 0861, 0862: allowing international involvement, peacekeepers, inspectors.
_INTERNATIONAL = frozenset({"086", "0861", "0862"})

#: Yields of no particular kind.
_UNSPECIFIED = frozenset({"080", "084"})

#: CAMEO 082, easing dissent: only those who dissent do it, never the state.
_DISSENT = "082"

#: CAMEO 087x, de-escalating militarily (ceasefire, lifting a blockade, demobilising,
#: retreating): at home the other side of the fighting undergoes it, not the civilians.
_MILITARY = "087"


def yield_targets(tok: Token, code: str, sources: list[Actor]) -> list[Actor]:
    """The implicit target of a yield (CAMEO 08) whose clause names none."""
    if code[:2] != "08" or not sources:
        return []
    if code in _INTERNATIONAL or code in _UNSPECIFIED:
        # Letting in peacekeepers or inspectors is done for the ones named, never for the
        # country's people; a yield of no particular kind (PETRARCH's loose 080/084 patterns:
        # "approved the proposals", "a statement released by") is no yield to anyone.
        return []
    if code.startswith("084") and tok.pos_ in {"NOUN", "PROPN"}:
        # A release named by its noun names whom it frees ("the release of X"); "a press
        # release" frees no one.
        return []
    place = place_country(tok)
    foreign = place is not None and all(a.country != place.country for a in sources)
    if place is not None and foreign and not place.code.startswith("IGO"):
        # "troops pulled out of Mali": leaving a foreign country yields to it.
        return [place]
    country = place.code[:3] if place is not None else sources[0].country
    if country.startswith("IGO") or any(a.country != country for a in sources):
        return []
    sectors = {a.code[3:6] for a in sources}
    if sectors <= _STATE and code != _DISSENT:
        # "The government eased restrictions", "the minister resigned": the country's
        # people; "the army pulled back its forces": the rebels it fought.
        target = Actor(country + ("REB" if code.startswith(_MILITARY) else "CVL"), "")
    elif sectors <= _ARMED | _CROWD:
        # "Rebels declared a ceasefire", "the union called off the strike": the government.
        target = Actor(country + "GOV", "")
    else:
        return []
    return [target] if all(distinct_parties(a, target, True) for a in sources) else []


def refused_yield_targets(
    tok: Token, code: str, sources: list[Actor], patterns: Patterns
) -> list[Actor]:
    """The implicit target of a refusal (CAMEO 12) of a yield: "the government refused to
    lift the curfew", "the junta's refusal to allow aid agencies in" is aimed at whoever
    the yield would have been made to (:func:`yield_targets`)."""
    if code[:2] != "12" or not sources:
        return []
    for c in tok.children:
        if c.dep_ not in {"xcomp", "acl"} or not any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children
        ):
            continue
        alts = patterns.verbs.get(c.lemma_.lower())
        vp = choose_verb_pattern(c, alts) if alts else None
        if vp is not None and vp.code[:2] == "08":
            return yield_targets(c, vp.code, sources)
    return []


def admitted_parties(
    tok: Token,
    code: str,
    sources: list[Actor],
    resolver: ActorResolver,
    date: str | None,
    domestic: bool = False,
) -> list[Actor]:
    """Who is let in (CAMEO 086x) when the parser makes them the subject of a clause:
    "Iran allowed IAEA inspectors to visit the plant", "allowed AU peacekeepers into Darfur"."""
    if not code.startswith("086") or not sources:
        return []
    for c in tok.children:
        if c.dep_ != "ccomp":
            continue
        heads = [c] if c.pos_ == "NOUN" else [s for s in c.children if s.dep_ == "nsubj"]
        for h in heads:
            found = [
                a
                for a in resolver.resolve(h, date)
                if all(distinct_parties(s, a, domestic) for s in sources)
            ]
            if found:
                return found
    return []
