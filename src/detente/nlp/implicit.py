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

__all__ = [
    "aid_recipients",
    "authority_code",
    "crowd_code",
    "implicit_agents",
    "implicit_targets",
    "organisation_code",
    "unnamed_citizens",
]

#: Prepositions that place an act ("in Kabul", "outside the embassy in Tunis", "along the
#: border with India", "troops to Mali").
_PLACE_PREPS = frozenset(
    {"in", "across", "outside", "near", "at", "throughout", "around", "along", "on", "to",
     "into", "inside", "through", "towards", "toward"}
)  # fmt: skip


#: Sectors that act for the state: their protests are complaints, not demonstrations.
_STATE = STATE_SECTORS | {"COP", "JUD"}


#: The unarmed people who protest: civilians, opposition, workers, students, clergy,
#: journalists, farmers, refugees, rights groups (armed rebels fight; they do not riot).
_CROWD = frozenset(
    {"CVL", "OPP", "LAB", "EDU", "REL", "MED", "AGR", "HLH", "REF", "BUS", "NGO", "HRI", "ACT"}
)


def _is_crowd(actor: Actor) -> bool:
    """An unarmed non-state domestic actor (see ``_CROWD``)."""
    return not actor.code.startswith("IGO") and actor.code[3:6] in _CROWD


def crowd_code(lemma: str, sources: list[Actor], crowd_acts: dict[str, str]) -> str | None:
    """The code of a verb whose doers are a crowd ("students protested" is a demonstration,
    141, where "Hungary protested" is a complaint, 111); None when it does not apply."""
    code = crowd_acts.get(lemma)
    if code is None or not sources or not all(_is_crowd(a) for a in sources):
        return None
    return code


#: Sectors that enforce the law at home.
_AUTHORITIES = frozenset({"COP", "GOV", "JUD", "SPY"})


def authority_code(
    lemma: str, sources: list[Actor], targets: list[Actor], authority_acts: dict[str, str]
) -> str | None:
    """The code of an act that is law enforcement when a country's authorities do it to its
    own people ("police raided the offices of the opposition": 170, not an assault)."""
    code = authority_acts.get(lemma)
    if code is None or not sources:
        return None
    if not all(a.code[3:6] in _AUTHORITIES for a in sources):
        return None
    home = {a.country for a in sources}
    if any(t.country not in home for t in targets):
        return None
    return code


#: Non-state organisations that work in a country without force: aid agencies, rights
#: groups, media, business, churches, schools (sectors, and the NGO prefix).
_ORGANISATIONS = frozenset({"NGO", "HRI", "HLH", "MED", "BUS", "EDU", "REL"})


def organisation_code(
    code: str, sources: list[Actor], organisation_acts: dict[str, str]
) -> str | None:
    """The code of an act that is another when non-state organisations do it: an aid agency
    or a rights group that withdraws from a country reduces its involvement there (CAMEO
    166, 1663 "expel or withdraw aid agencies"), it does not retreat militarily (0874)."""
    new = organisation_acts.get(code)
    if new is None or not sources:
        return None
    if not all(a.code.startswith("NGO") or a.code[3:6] in _ORGANISATIONS for a in sources):
        return None
    return new


#: CAMEO codes of coercion a state applies to its people (curfew, state of emergency, bans,
#: censorship, arrests, seizures, deportations): without a named target, that country's
#: civilians undergo them ("authorities made dozens of arrests").
_RESTRICTIONS = frozenset(
    {"170", "171", "1711", "172", "1721", "1722", "1723", "1724", "173", "174"}
)


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
    """The target a protest (14), a restriction (172), a show of force (15) or an attack
    (18-20) leaves implicit."""
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
    if code in _RESTRICTIONS:
        states = [a for a in sources if a.code[3:6] in _STATE or len(a.code) == 3]
        if states and len(states) == len(sources):
            country = place.code[:3] if place is not None else states[0].country
            if not country.startswith("IGO"):
                return [Actor(country + "CVL", place.text if place is not None else "")]
        return []
    if (
        root in {"15", "18", "19", "20"}
        and place is not None
        and all(a.country != place.country for a in sources)
    ):
        # Only a foreign place names a target: an attack at home on nobody named is not
        # an attack on the attacker's own country.
        return [place]
    if root == "15" and sources and all(a.code[3:6] in _STATE or len(a.code) == 3 for a in sources):
        # Police or troops deployed at home ("police deployed 6,000 officers in Tokyo"):
        # the force is shown to the country's own people.
        country = place.code[:3] if place is not None else sources[0].country
        if not country.startswith("IGO") and all(a.country == country for a in sources):
            return [Actor(country + "CVL", "")]
    return []


def implicit_agents(tok: Token, patients: list[Actor], sector: str | None) -> list[Actor]:
    """The unnamed agent of an agentless passive whose act only one kind of actor does
    ("the opposition leader was sentenced": the courts of the place, else of his country)."""
    if sector is None or not patients or tok.tag_ != "VBN":
        return []
    if not any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children):
        return []
    place = place_country(tok)
    country = place.code[:3] if place is not None else patients[0].country
    if country.startswith("IGO"):
        return []
    agent = Actor(country + sector, "")
    return [agent] if all(distinct_parties(agent, p, True) for p in patients) else []


def aid_recipients(
    tok: Token, code: str, sources: list[Actor], sentence_countries: set[str]
) -> list[Actor]:
    """The recipient an act of aid (CAMEO 07, or its promise, 033) leaves implicit: the
    country of a foreign place it is given in ("sent a relief team to help in Haiti"); else
    the one other country the sentence names ("officials in Yemen said the United States
    sent $25 million in relief to the war-torn country"); else, for a state's aid in a
    sentence that names no other country ("the government provided $10 million in aid to
    deal with the emergency"), its own population, as ICEWS codes a government's relief at
    home (GOV → CVL)."""
    if not (code[:2] == "07" or code[:3] == "033") or not sources:
        return []
    place = place_country(tok)
    for c in tok.children:
        if place is None and c.dep_ in {"xcomp", "advcl"}:
            # "sent a team to assist with the relief efforts in Haiti": where it helps.
            place = next((found for t in c.subtree if (found := place_country(t))), None)
    if place is not None and all(a.country != place.country for a in sources):
        return [place]
    home = {a.country for a in sources}
    others = [c for c in sentence_countries if c not in home and not c.startswith("IGO")]
    if len(others) == 1:
        return [Actor(others[0], "")]
    states = [a for a in sources if a.code[3:6] in _STATE or len(a.code) == 3]
    if len(states) != len(sources) or any(a.country.startswith("IGO") for a in sources):
        return []
    if len(home) != 1 or others:
        return []
    country = next(iter(home))
    return [Actor(country + "CVL", place.text if place is not None else "")]


def unnamed_citizens(tok: Token) -> list[Actor]:
    """The patients of an agentless passive of law enforcement whom no actor word names
    ("Kumar was arrested in Delhi", "several bystanders were detained in Lagos"): people of
    the country where it happened, as ICEWS codes an unnamed or unknown citizen."""
    if tok.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in tok.children):
        return []
    people = [
        c
        for c in tok.children
        if c.dep_ == "nsubjpass" and (c.ent_type_ == "PERSON" or c.tag_ == "NNS")
    ]
    place = place_country(tok) if people else None
    if place is None or place.code.startswith("IGO"):
        return []
    return [Actor(place.code[:3] + "CVL", place.text, place.start, place.end)]
