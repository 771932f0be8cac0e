"""Targets that news leaves implicit, as event data sets code them (``--domestic`` only).

A protest, a strike or a riot names what it is against far less often than who took part:
"thousands protested in Caracas" is, in ICEWS and PETRARCH practice, aimed at the
government of the country where it happens. A show of force or an attack often names only
a place: "troops were deployed along the border in Kashmir", "gunmen opened fire in Lagos"
— the act is aimed at the country the place belongs to. These fall-backs apply only when
the clause itself names no target, and only with domestic coding, where one country's
crowd and its government are two parties.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.model import Actor
from detente.nlp.mentions import mention_at
from detente.nlp.parties import STATE_SECTORS, distinct_parties

__all__ = ["crowd_code", "implicit_targets"]

#: Prepositions that place an act ("in Kabul", "outside the embassy in Tunis", "along the
#: border with India", "troops to Mali").
_PLACE_PREPS = frozenset(
    {"in", "across", "outside", "near", "at", "throughout", "around", "along", "on", "to",
     "into", "inside", "through", "towards", "toward"}
)  # fmt: skip


#: Sectors that act for the state: their protests are complaints, not demonstrations.
_STATE = STATE_SECTORS | {"COP", "JUD"}


def _is_crowd(actor: Actor) -> bool:
    """A non-state domestic actor: civilians, opposition, workers, students, rebels."""
    sector = actor.code[3:6] if not actor.code.startswith("IGO") else ""
    return bool(sector) and sector not in _STATE


def crowd_code(lemma: str, sources: list[Actor], crowd_acts: dict[str, str]) -> str | None:
    """The code of a verb whose doers are a crowd ("students protested" is a demonstration,
    141, where "Hungary protested" is a complaint, 111); None when it does not apply."""
    code = crowd_acts.get(lemma)
    if code is None or not sources or not all(_is_crowd(a) for a in sources):
        return None
    return code


def place_country(tok: Token) -> Actor | None:
    """The country of the first place a clause's or noun's place phrase names."""
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in _PLACE_PREPS:
            continue
        for t in c.subtree:
            m = mention_at(t)
            if m is not None and m.is_country and m.code:
                return Actor(m.code, t.text, t.idx, t.idx + len(t.text))
    return None


def implicit_targets(tok: Token, code: str, sources: list[Actor]) -> list[Actor]:
    """The target a protest (14), a show of force (15) or an attack (18-20) leaves implicit."""
    root = code[:2]
    place = place_country(tok)
    if root == "14":
        # A crowd's protest is aimed at its own government, or the government of the country
        # where it protests.
        out = []
        for a in sources:
            if not _is_crowd(a):
                continue
            country = place.code[:3] if place is not None else a.country
            out.append(Actor(country + "GOV", place.text if place is not None else ""))
        return [t for t in out if all(distinct_parties(a, t, True) for a in sources)]
    if (
        root in {"15", "18", "19", "20"}
        and place is not None
        and all(distinct_parties(a, place, True) for a in sources)
    ):
        return [place]
    return []
