"""Roles of nominal acts: who is the source and who the target of a noun trigger.

"Russia's annexation of Crimea", "talks between X and Y", "X held talks with Y": a nominal act
takes its participants from possessives, of/by/from phrases, modifiers and prepositions, and
falls back on the clause it sits in (a light verb's subject is the agent: "X paid a visit to
Y"). Split from :mod:`detente.nlp.roles`, which assigns the roles of verbs.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from detente.model import Actor
from detente.nlp.actors import ActorResolver, mention_at
from detente.nlp.modality import ready_for
from detente.nlp.offers import answered
from detente.nlp.participants import (
    RELATION_NOUNS,
    agentless_passive_subject,
    co_subjects,
    demonym_actor,
    names_people,
    parties_or_context,
    unique,
    with_hyphen_partners,
)
from detente.nlp.parties import own_side
from detente.nlp.roles import actors_below
from detente.nlp.shared_names import among, pair_adjective_parties
from detente.nlp.syntax import (
    NOUN_DEPS_DOWN,
    clause_subject,
)
from detente.nlp.triggers import Trigger

_LIGHT_VERBS = {
    "hold", "conduct", "launch", "carry", "make", "pay", "undertake", "stage", "begin",
    "start", "have", "extend", "receive", "accept", "welcome", "announce", "complete",
    # PETRARCH's light-verb noun patterns: IMPOSE * SANCTIONS, LODGE * PROTEST, FILE *
    # LAWSUIT, ISSUE * WARNING, MOUNT * OFFENSIVE, WAGE * WAR, ORGANIZE * DEMONSTRATION.
    "impose", "lodge", "file", "issue", "mount", "wage", "fight", "organize", "organise",
    "deliver", "level", "express", "voice", "initiate", "order", "perform", "open", "enter",
    "enforce", "maintain",
    "give", "grant",  # "X gave its approval / backing to Y" (coop branch).
    # Concluding an accord (coop branch): "X reached / struck / sealed a deal with Y".
    "reach", "strike", "seal", "clinch", "forge", "conclude", "ink", "finalize", "finalise",
    "hand", "mete",  # a court's sentence (nconf): "handed down / meted out a sentence to X"
}  # fmt: skip
_UNDERGOING_VERBS = {"receive", "accept", "welcome", "have"}  # "received a visit": undergone
#: Places and posts a country's adjective makes that country's ("Indian villages").
_PLACES = {
    "village", "town", "city", "territory", "position", "base", "border", "region", "area",
    "land", "soil", "airspace", "water", "waters", "vessel", "ship", "embassy", "consulate",
    "outpost", "post", "province", "island", "coast", "port", "facility", "installation",
    "target", "district", "frontier", "camp", "checkpoint", "jet", "plane", "drone",
    "aircraft", "warship", "boat", "tanker", "troop", "soldier", "force",
}  # fmt: skip
#: Prepositions of place among some nouns' targets ("protest outside the embassy").
_LOCATIVE_PREPS = {"in", "at", "along", "near", "outside"}
_ADJUNCT_FRAMES = {"after", "before", "during", "in", "on", "following", "upon", "with", "at"}


def _generic(noun: Token) -> bool:
    """ "periods of hostility and reconciliation": a kind of act under a plural, not one act."""
    t = noun
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.head.lower_ == "of" and t.head.head.tag_ == "NNS"


def _light_verb(verb: Token) -> bool:
    # The lemmatizer errs on some forms ("staged" → "stag"): the written form counts too.
    return verb.lemma_.lower() in _LIGHT_VERBS or any(
        verb.lower_[: -len(end)] + repl in _LIGHT_VERBS
        for end, repl in (("ed", ""), ("d", ""), ("s", ""), ("ing", ""), ("ing", "e"))
        if verb.lower_.endswith(end)
    )


def _clause_role(noun: Token) -> str | None:
    """How a nominal act relates to the clause around it, if it borrows a participant from it.

    "X held talks with Y" / "X paid a visit to Y" (light verb: the subject is the agent) →
    "agent"; "After talks with Y, X signed", "In his visit to Moscow, X said" (a framing
    adjunct: the subject is the agent) → "agent"; "With the support of Russia, Pakistan
    became a member" / "On Russia's invitation, X visited" → "frame".
    """
    if answered(noun) or (noun.dep_ == "dobj" and _light_verb(noun.head)):
        return "frame" if answered(noun) else "agent"  # "accepted Peru's offer": Peru's
    if ready_for(noun):
        # "X is ready for talks with Y" (ncoop): X would hold them.
        return "agent"
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "for"
        and noun.head.head.lemma_.lower() in {"responsibility", "credit"}
    ):
        # "X claimed responsibility for the bombing": X did it (PETRARCH's CLAIM
        # RESPONSIBILITY patterns code the act on the claimant).
        return "agent"
    if (
        noun.dep_ == "pobj"
        and noun.head.dep_ == "prep"
        and noun.head.lower_ in _ADJUNCT_FRAMES
        and noun.head.head.pos_ in {"VERB", "AUX"}
    ):
        return "frame"
    return None


def noun_roles(
    trig: Trigger, resolver: ActorResolver, date: str | None, sent: Span
) -> tuple[list[Actor], list[Actor], bool]:
    noun = trig.tok
    pat = trig.noun
    assert pat is not None
    src_toks: list[Token] = []
    tgt_toks: list[Token] = []
    mod_toks: list[Token] = []
    by_skip: set[int] = set()
    for c in noun.children:
        if c.dep_ == "poss":
            src_toks.append(c)
        elif c.dep_ in {"prep", "agent"}:
            objs = [p for p in c.children if p.dep_ == "pobj"]
            inner = [
                p for o in objs for q in o.children
                if q.dep_ == "prep" and q.lower_ in {"between", "among", "with"}
                for p in q.children if p.dep_ == "pobj"
            ]  # fmt: skip
            if c.lower_ == "of" and inner:
                # "the normalization of relations between X and Y": the parties hang on the
                # object of "of".
                tgt_toks += inner
            elif c.lower_ == "of" and pat.reciprocal:
                src_toks += objs  # "a meeting of the ministers of X and Y"
            elif c.lower_ in pat.targets:
                tgt_toks += objs
                # "the expulsion of Russian diplomats by Poland": the parser hangs the agent
                # on the patient, which a by-phrase never modifies.
                by_skip |= {
                    t.i for o in objs for q in o.children
                    if q.dep_ in {"prep", "agent"} and q.lower_ == "by" for t in q.subtree
                }  # fmt: skip
                src_toks += [
                    p for o in objs for q in o.children
                    if q.dep_ in {"prep", "agent"} and q.lower_ == "by"
                    for p in q.children if p.dep_ == "pobj"
                ]  # fmt: skip
            elif c.lower_ in pat.agents or c.lower_ == "by":
                src_toks += objs
        elif (
            c.dep_ in {"compound", "amod", "nmod"}
            and mention_at(c) is not None
            and mention_at(c).kind != "capital"  # "the Astana talks", "the Geneva accords": a venue
        ):
            mod_toks.append(c)
    # Prepositions the parser attached to the governing verb: "witnessed visit of X to Moscow",
    # "sanctions were imposed on X".
    head = noun.head
    if (
        not tgt_toks
        and head.pos_ in {"VERB", "AUX"}
        and noun.dep_ in {"dobj", "nsubj", "nsubjpass"}
    ):
        for c in head.children:
            if (
                c.dep_ == "prep"
                and c.lower_ in pat.targets
                and c.i > noun.i
                and c.lower_ != "of"
                # "The X War ended with the Rio Protocol": the subject's own "with" is never
                # on the verb.
                and not (c.lower_ == "with" and noun.dep_ != "dobj")
            ):
                tgt_toks += [p for p in c.children if p.dep_ == "pobj"]
    if not src_toks and noun.dep_ == "nsubjpass" and _light_verb(head):
        # "Sanctions were imposed on X by Y": the light verb's by-agent.
        src_toks += [
            p for c in head.children if c.dep_ in {"agent", "prep"} and c.lower_ == "by"
            for p in c.children if p.dep_ == "pobj"
        ]  # fmt: skip
    for acl in noun.children:
        # "the wars waged by X against Y", "sanctions imposed by X on Y": a participle of a
        # light verb that does the act carries the noun's agent and patient.
        if acl.dep_ != "acl" or acl.tag_ != "VBN" or not _light_verb(acl):
            continue
        if acl.lemma_.lower() in _UNDERGOING_VERBS:
            continue  # "the invitation accepted by X": X is the patient
        for c in acl.children:
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if c.dep_ in {"agent", "prep"} and c.lower_ == "by" and not src_toks:
                src_toks += objs
            elif c.dep_ == "prep" and c.lower_ in pat.targets and c.lower_ != "of":
                tgt_toks += objs
    role = _clause_role(noun)
    clause = (
        unique(
            [
                a
                for t in clause_subject(noun)
                for x in (t, *co_subjects(t))
                for a in resolver.resolve(x, date)
            ]
        )
        if role
        else []
    )
    sources: list[Actor] = []
    for s in src_toks:
        if (s.pos_ == "PRON" or s.tag_ == "PRP$") and clause:
            # "In his visit to Moscow, President Zardari ...": the possessive is the subject.
            sources += clause
            continue
        sources += with_hyphen_partners(s, resolver.resolve(s, date), resolver, date)
    if pat.reciprocal and any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children):
        # "the Lebanon War between Israel and Hezbollah": the parties are named; the
        # modifier names a place.
        mod_toks = []
    for s in mod_toks:
        # "the Iraqi invasion of Kuwait", "the Sino-Indian war": a country's adjective
        # names the agent of the act (alone it is no actor, see ``ActorResolver``).
        found = resolver.resolve(s, date) or demonym_actor(s)
        sources += with_hyphen_partners(s, found, resolver, date) if found else []
    sources = unique(sources + pair_adjective_parties(noun))  # "the inter-Korean summit"
    targets: list[Actor] = []
    if pat.persons:
        # "the release of two Canadians", not "the release of Chinese data".
        tgt_toks = [t for t in tgt_toks if names_people(t)]
    for t in tgt_toks:
        locative = t.head.lower_ in _LOCATIVE_PREPS
        found = (
            resolver.resolve(t, date)
            # "deployed in breach of the UN Convention": a place phrase names its place only.
            or ([] if locative else actors_below(t, resolver, date, by_skip, NOUN_DEPS_DOWN))
            # "the shelling of Indian villages", "an incursion into Ecuadorian territory":
            # a place named by a country's adjective belongs to that country.
            or [
                a
                for c in t.children
                if c.dep_ == "amod" and t.lemma_.lower() in _PLACES
                for a in demonym_actor(c)
            ][:1]
        )
        targets += with_hyphen_partners(t, found, resolver, date) if found else []
    if pat.role:
        # "China played the role of facilitator in Pak-Russia rapprochement".
        subject = [a for t in clause_subject(noun) for a in resolver.resolve(t, date)]
        below = actors_below(noun, resolver, date, set(), NOUN_DEPS_DOWN, frozenset())
        if not below and noun.head.lower_ == "of":
            # "played a role of facilitator in X-Y rapprochement": the role carries the phrase.
            below = actors_below(
                noun.head.head, resolver, date, {noun.i}, NOUN_DEPS_DOWN, frozenset()
            )
        return subject, below, False
    targets = unique(targets)
    if pat.reciprocal:
        if len(sources) >= 2 and among(targets, sources):
            return sources, sources, True
        if len(targets) >= 2 and not sources:
            return targets, targets, True
        if not sources and targets and clause:
            sources = clause
        if pat.mutual and len(sources) == 1 and len(targets) == 1:
            # One party on each side: each fights the other (a coalition on one side would
            # otherwise be coded as fighting itself).
            return [*sources, *targets], [*sources, *targets], True
        if sources and targets:
            return sources, targets, False
        if not sources and not targets and len({a.country for a in clause}) >= 2:
            # "Jordan, Israel and the United States opened negotiations": the subject's
            # parties act with each other.
            return clause, clause, True
        rel = [
            p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in RELATION_NOUNS
        ]  # fmt: skip
        if (
            not sources
            and not targets
            and ((pat.context and not _generic(noun)) or agentless_passive_subject(noun))
        ):
            # "a truce was forged", "a ceasefire was reached": the parties are the
            # two just named (GUIDE R4, agentless passives of reciprocal acts).
            rel = [noun]
        if rel and len(sources) + len(targets) < 2:
            # "the normalization of China-Russian relations", "the restoration of diplomatic
            # relations in 1989": the relations' own parties, else the two just named.
            pair = parties_or_context(noun, rel, resolver, date)
            return pair, pair, bool(pair)
        return sources, targets, False
    if not sources and len(targets) >= 2 and "between" in {c.lower_ for c in noun.subtree}:
        # "the severing of ties between X and Y": a directed act named between two parties
        # is done by each to the other (GUIDE R4).
        return targets, targets, True
    if not sources and clause:
        sources = clause
    elif sources and not targets and role == "frame" and pat.to_clause:
        targets = [a for a in clause if a not in own_side(sources, trig.domestic)]
    return sources, targets, False
