"""Doers that news leaves unnamed, as event data sets code them (``--domestic`` only).

A story often names an act and its place but not who did it: "a general strike began in
Bari", "riots broke out in Dakar", "two policemen were shot dead in Peshawar", "a car bomb
exploded outside the ministry in Kabul", "troops were deployed in Goma". ICEWS and
PETRARCH practice, and NGEC's PLOVER codebook, still code such acts: a protest is the
civilians' of the place, an attack is by unidentified attackers (CAMEO actor UAF, as
"gunmen"), a show of force is by the place's own forces. The conventions are data
(``codebook/data/unnamed_doers.yaml``); this module only finds the place and the doer.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.codebook.unnamed import unnamed_doers
from detente.model import Actor
from detente.nlp.actors import ActorResolver
from detente.nlp.implicit import place_country
from detente.nlp.syntax import subject_tokens

__all__ = ["crowd_of_country", "unnamed_doer"]

#: How far up the parse a noun's place is looked for: "a protest (against X) was held in
#: Lima" places the noun through the verb it is the subject of.
_PLACE_STEPS = 3


def _place(tok: Token) -> str | None:
    """The country of the place where the act of ``tok`` happens, from its own place phrase
    or the clause it is an argument of."""
    t = tok
    for _ in range(_PLACE_STEPS):
        place = place_country(t)
        if place is not None:
            return place.code[:3]
        if t.head.i == t.i or t.pos_ in {"VERB", "AUX"}:
            break
        t = t.head
    return None


def _accidental(tok: Token) -> bool:
    """A death or an injury the sentence puts down to an accident or a disaster."""
    causes = unnamed_doers().accidental_causes
    return any(t.lemma_.lower() in causes for t in tok.sent)


def _violent_without_doer(tok: Token, is_verb: bool) -> bool:
    """An act of violence whose doer the clause does not name as an actor."""
    facts = unnamed_doers()
    if not is_verb:
        return tok.lemma_.lower() in facts.violence_nouns
    subj, passive = subject_tokens(tok)
    if passive or not subj:
        # "two policemen were shot dead", "killed by unknown assailants" (the by-agent is
        # the subject when the passive has one; it named no actor, or we would not be here).
        return True
    # "a car bomb exploded", "the blast killed 15 people", "an attacker stabbed a guard".
    return all(s.pos_ in {"NOUN", "PROPN"} for s in subj)


def unnamed_doer(
    tok: Token,
    code: str,
    plover: str | None,
    is_verb: bool,
    targets: list[Actor],
    resolver: ActorResolver,
) -> tuple[list[Actor], list[Actor]]:
    """The conventional doer (and, for an attack on nobody named, the patient) of an act
    coded ``code`` at ``tok`` whose clause names no source; ``([], targets)`` when none."""
    facts = unnamed_doers()
    root = code[:2]
    if plover == "ASSAULT":
        if not _violent_without_doer(tok, is_verb) or _accidental(tok):
            return [], targets
        sector = facts.attacker_sector
    elif root == "14":
        sector = facts.crowd_sector
    elif root == "15":
        sector = facts.force_sectors.get(code[:3], facts.force_sectors.get("150", "MIL"))
    else:
        return [], targets
    country = _place(tok)
    if country is None and targets and not targets[0].code.startswith("IGO"):
        country = targets[0].country
    if country is None:
        country = resolver.discourse_country()
    if country is None or country.startswith("IGO"):
        return [], targets
    doer = Actor(country + sector, "")
    if plover == "ASSAULT" and not targets:
        # An attack on nobody named is an attack on the place's people.
        targets = [Actor(country + "CVL", "")]
    return [doer], targets


def crowd_of_country(code: str, sources: list[Actor]) -> list[Actor]:
    """ "Hundreds of Zambian miners staged a walkout": people a nationality word names,
    whose sector the actor dictionaries do not know, are the country's civilians when they
    protest (CAMEO 14); the country itself ("Zambia staged a walkout") stays as it is."""
    if code[:2] != "14":
        return sources
    sector = unnamed_doers().crowd_sector
    out = []
    for a in sources:
        words = a.text.split()
        if len(a.code) == 3 and words and words[-1].islower():
            a = Actor(a.code + sector, a.text, a.start, a.end)
        out.append(a)
    return out
