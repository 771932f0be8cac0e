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
from detente.nlp.collective import story_country
from detente.nlp.implicit import place_country
from detente.nlp.mentions import mention_at
from detente.nlp.parties import distinct_parties
from detente.nlp.syntax import subject_tokens

__all__ = [
    "crowd_of_country",
    "lone_exercise",
    "meeting_hosts",
    "own_side_targets",
    "unnamed_doer",
]

#: How far up the parse a noun's place is looked for: "a protest (against X) was held in
#: Lima" places the noun through the verb it is the subject of.
_PLACE_STEPS = 3

#: The unarmed people who protest (as nlp/implicit.py's crowds): civilians, students,
#: workers, clergy, farmers, refugees, rights groups.
CROWD_SECTORS = frozenset(
    {"CVL", "OPP", "LAB", "EDU", "REL", "MED", "AGR", "HLH", "REF", "BUS", "NGO", "HRI", "ACT"}
)


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
        modifiers = {
            t.lemma_.lower() for t in tok.subtree if t.dep_ in {"amod", "compound", "conj"}
        }
        return (
            tok.lemma_.lower() in facts.violence_nouns and not modifiers & facts.figurative_attacks
        )
    if tok.dep_ in {"amod", "acomp", "pcomp", "xcomp"} or any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    ):
        # "the decapitated corpses", "years of fighting the rebels", "a coalition to fight
        # insurgents": a description or a purpose, not a report of this act.
        return False
    subj, passive = subject_tokens(tok)
    if passive:
        # "two policemen were shot dead".
        return True
    if not subj:
        # "two villagers killed in a raid": a reduced passive.
        return tok.tag_ == "VBN" and tok.dep_ in {"acl", "ROOT", "conj"}
    # "a car bomb exploded", "the blast killed 15 people", "an attacker stabbed a guard",
    # "killed by unknown assailants" (the by-agent is the subject; it named no actor); not
    # an abstract subject ("violence surrounding the election").
    return all(
        _doer_like(s, facts.weapon_subjects)
        and not {t.lemma_.lower() for t in s.children} & facts.figurative_attacks
        for s in subj
    )


def _doer_like(tok: Token, weapons: frozenset[str]) -> bool:
    """A word that can do violence: a weapon, a name, a person or a group of people."""
    if tok.lemma_.lower() in weapons or tok.pos_ == "PROPN" or tok.ent_type_ in {"PERSON", "NORP"}:
        return True
    m = mention_at(tok)
    return m is not None and m.kind == "agent"


def _crowd_subject(tok: Token) -> str | None:
    """The sector of a verb's subject when it is a crowd that names no country ("thousands
    of protesters marched", "students rallied"): civilians, students, workers ..."""
    subj, passive = subject_tokens(tok)
    if passive or not subj:
        return None
    sectors = set()
    for s in subj:
        # "Thousands of protesters": the people are the object of "of".
        words = [s, *(p for c in s.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj")]  # fmt: skip
        found = [m.sector for w in words if (m := mention_at(w)) is not None and m.kind == "agent"]
        if not found or not all(f in CROWD_SECTORS for f in found):
            return None
        sectors.add(found[0])
    return sectors.pop() if len(sectors) == 1 else unnamed_doers().crowd_sector


def _plural_people(tok: Token) -> bool:
    """A plural common noun as the subject, naming no actor ("bus drivers", "nurses")."""
    subj, passive = subject_tokens(tok)
    return (
        not passive and bool(subj) and all(x.tag_ == "NNS" and mention_at(x) is None for x in subj)
    )


def unnamed_doer(
    tok: Token,
    code: str,
    plover: str | None,
    is_verb: bool,
    targets: list[Actor],
    resolver: ActorResolver,
    crowd_acts: dict[str, str],
    idiom: bool = False,
) -> tuple[list[Actor], list[Actor], str]:
    """The conventional doer (and, for an attack on nobody named, the patient) of an act
    coded ``code`` at ``tok`` whose clause names no source, and the act's code (a crowd's
    protest is a demonstration); ``([], targets, code)`` when none. ``idiom``: the verb's
    pattern names its object ("walk off the job")."""
    facts = unnamed_doers()
    none = [], targets, code
    crowd = _crowd_subject(tok) if is_verb else None
    if crowd is not None and tok.lemma_.lower() in crowd_acts:
        # "protesters marched through the capital": a crowd's verb of dissent (implicit.py).
        code, plover = crowd_acts[tok.lemma_.lower()], "PROTEST"
    root = code[:2]
    if plover == "ASSAULT":
        if not _violent_without_doer(tok, is_verb) or _accidental(tok):
            return none
        sector = facts.attacker_sector
    elif root == "14":
        if is_verb and crowd is None and not (idiom and _plural_people(tok)):
            # A verb of dissent whose subject is no crowd ("the issues plaguing the state");
            # an idiom whose object names the protest ("walked off the job", "took to the
            # streets") tells that its plural subject ("bus drivers") is a crowd.
            return none
        sector = crowd or facts.crowd_sector
    elif root == "15":
        sector = facts.force_sectors.get(code[:3], facts.force_sectors.get("150", "MIL"))
    else:
        return none
    country = _place(tok)
    if country is None and targets and not targets[0].code.startswith("IGO"):
        country = targets[0].country
    if country is None:
        # "Protests have taken place": the country of the sentence, else of the story (nact).
        country = resolver.discourse_country() or story_country(tok.doc)
    if country is None or country.startswith("IGO"):
        return none
    doer = Actor(country + sector, "")
    if plover == "ASSAULT" and not targets:
        # An attack on nobody named is an attack on the place's people.
        targets = [Actor(country + "CVL", "")]
    return [doer], targets, code


#: Words that name a country itself, not its people ("the country", "the nation").
_STATE_WORDS = frozenset({"country", "nation", "state", "government", "kingdom", "republic"})


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
        if len(a.code) == 3 and words and words[-1].islower() and words[-1] not in _STATE_WORDS:
            a = Actor(a.code + sector, a.text, a.start, a.end)
        out.append(a)
    return out


def lone_exercise(tok: Token, code: str) -> str:
    """ "North Korea staged military drills": a joint exercise (062) with no partner is a
    show of force (150); any other act keeps ``code``."""
    if code != "062":
        return code
    words = unnamed_doers().exercise_words
    if tok.lemma_.lower() in words or any(
        c.dep_ == "dobj" and c.lemma_.lower() in words for c in tok.children
    ):
        return "150"
    return code


#: Verbs of taking part in a meeting ("attended the AU summit", "participated in the talks").
_ATTEND = frozenset({"attend", "participate"})


def meeting_hosts(tok: Token, sources: list[Actor]) -> tuple[list[Actor], str | None]:
    """Whom one consults by attending a meeting ("attended the African Union summit"): the
    organisation the meeting's phrase names, else the foreign country where it is held
    (a meeting at a third place, 044); ``([], None)`` for other verbs or none named."""
    if tok.lemma_.lower() not in _ATTEND or not sources:
        return [], None
    meetings = [c for c in tok.children if c.dep_ == "dobj"] + [
        p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
        for p in c.children if p.dep_ == "pobj"
    ]  # fmt: skip
    home = {a.country for a in sources}
    for n in meetings:
        named = [(t, m) for t in n.subtree if (m := mention_at(t)) is not None and m.code]
        for t, m in named:
            if m.is_organisation and m.code not in home:
                return [Actor(m.code, t.text, t.idx, t.idx + len(t.text))], None
        place = place_country(n) or place_country(tok)
        if place is not None and place.code[:3] not in home:
            return [Actor(place.code[:3], place.text, place.start, place.end)], "044"
    return [], None


def own_side_targets(code: str, sources: list[Actor], targets: list[Actor]) -> list[Actor]:
    """ "Greece increased its military readiness": a show of force (15) whose only named
    patient is the doer's own side ("its") names no target; the implicit one applies."""
    if code[:2] != "15" or not sources or not targets:
        return targets
    if any(distinct_parties(a, t, True) for a in sources for t in targets):
        return targets
    return []
