"""Roles: who is the source and who the target of a trigger, from the dependency parse.

The source is the subject (the by-agent of a passive, the controller of an infinitive, the
shared subject of coordinated verbs); the target the first actor among the complements.
Nominal acts take theirs from possessives, of/by/from phrases, modifiers and prepositions,
falling back on the clause they sit in (:mod:`detente.nlp.noun_roles`).
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.model import Actor
from detente.nlp.actors import ActorResolver, mention_at
from detente.nlp.intent_roles import committed_clause, intent_object_targets
from detente.nlp.participants import (
    co_subjects,
    companion_prep,
    counted_group,
    parties_or_context,
    relation_parties,
    with_hyphen_partners,
)
from detente.nlp.parties import NO_SIDE, STATE_SECTORS, OwnSide, own_side
from detente.nlp.patterns import Patterns
from detente.nlp.syntax import (
    ADJUNCT_PREPS,
    ARGUMENT_PREPS,
    CLAUSE_DEPS,
    NOUN_DEPS_DOWN,
    TARGET_DEPS,
    THIRD_PLACE,
    passive_patients,
    subject_tokens,
)
from detente.nlp.triggers import Trigger
from detente.nlp.verbal_roles import VERBAL_ROOTS, domestic_implied_target, verbal_act_targets


def targets_from_referenced_act(
    verb: Token,
    sources: list[Actor],
    patterns: Patterns,
    agents: dict[str, list[Actor]],
    domestic: bool = False,
) -> list[Actor]:
    """ "The United States condemned the invasion": the target is whoever invaded."""
    own = own_side(sources, domestic)
    for c in [*verb.children, verb.head] if verb.dep_ == "acl" else verb.children:
        objs = [c] if c.dep_ == "dobj" or c.i == verb.head.i else []  # "a claim denied by X"
        if c.dep_ == "prep" and c.lower_ in ARGUMENT_PREPS:
            objs = [p for p in c.children if p.dep_ == "pobj"]
        for o in objs:
            if o.pos_ != "NOUN":
                continue
            found = agents.get(patterns.act_lemma(o.lemma_.lower()), [])
            found = [a for a in found if a not in own]
            if found:
                return found
    return []


def actors_below(
    tok: Token,
    resolver: ActorResolver,
    date: str | None,
    skip: set[int],
    deps: set[str],
    adjunct: frozenset[str] | set[str] = frozenset(ADJUNCT_PREPS),
    exclude: OwnSide = NO_SIDE,
    clauses: bool = False,
) -> list[Actor]:
    """The first actor found breadth-first among ``tok``'s complements (and hyphen partners).

    Actors of the ``exclude`` countries are passed over ("Australia recalled its ambassador
    from France": the ambassador is Australia's own, the target is France); an infinitive
    complement is searched too ("threatened to retaliate against Lithuania").
    """
    found = _search_below(tok, resolver, date, skip, deps, adjunct, exclude, clauses)
    if not found and clauses and adjunct:
        # PETRARCH-like: with nothing else after the verb, a circumstance will do
        # ("fired two shells at Seoul", "has risen in the dispute with Osgiliath").
        found = _search_below(tok, resolver, date, skip, deps, frozenset(), exclude, clauses)
    return found


def _search_below(
    tok: Token,
    resolver: ActorResolver,
    date: str | None,
    skip: set[int],
    deps: set[str],
    adjunct: frozenset[str] | set[str],
    exclude: OwnSide,
    clauses: bool,
) -> list[Actor]:
    enter = {"pcomp", "xcomp"} | (CLAUSE_DEPS if clauses else set())
    queue = [
        c
        for c in tok.children
        if (c.dep_ in deps or c.dep_ in enter)
        and c.i not in skip
        # A clause is searched only when it follows the verb: in "X is about to act, an
        # official said", the clause is what was said, not whom it was said to.
        and not (c.dep_ in CLAUSE_DEPS and c.i < tok.i)
    ]
    seen = set()
    while queue:
        c = queue.pop(0)
        if c.i in seen or c.i in skip:
            continue
        seen.add(c.i)
        if c.pos_ in {"VERB", "AUX"} and c.dep_ not in enter:
            continue
        if clauses and c.dep_ in CLAUSE_DEPS:
            # A complement clause: its subject first ("believes Dagolath can cope").
            queue.extend(x for x in c.children if x.dep_ in {"nsubj", "nsubjpass"})
        if c.ent_type_ in {"DATE", "TIME"} and mention_at(c) is None:
            # "with Libya's almost five years ...": a date names no actor, its possessor may.
            queue.extend(x for x in c.children if x.dep_ == "poss")
            continue
        if c.dep_ == "prep" and c.lower_ in adjunct and c.head.i == tok.i:
            # Circumstances of the act itself ("met in Delhi"), not of its object
            # ("interest in cooperation with Pakistan").
            continue
        if c.dep_ == "prep" and c.head.i == tok.i and companion_prep(c):
            continue  # "sent troops together with NATO members": partners, not the target
        if c.lemma_.lower() in THIRD_PLACE:
            continue
        actors = [] if c.pos_ in {"VERB", "AUX"} else resolver.resolve(c, date)
        actors = [a for a in actors if a not in exclude]
        if actors:
            return with_hyphen_partners(c, actors, resolver, date)
        queue.extend(
            x
            for x in c.children
            if x.dep_ in NOUN_DEPS_DOWN or x.dep_ in deps or (clauses and x.dep_ in enter)
        )
    return []


def verb_roles(
    trig: Trigger, resolver: ActorResolver, date: str | None
) -> tuple[list[Actor], list[Actor], bool]:
    verb = trig.tok
    subj_toks, passive = subject_tokens(verb)
    committed = committed_clause(verb, trig.promised_by)
    if committed is not None:
        # "X is committed / open to providing aid" (ncoop): the one committed acts.
        subj_toks, _ = subject_tokens(committed)
        passive = False
    sources: list[Actor] = []
    for s in subj_toks:
        sources += resolver.resolve(s, date)
        if not passive:
            for co in co_subjects(s):
                sources += [
                    a for a in resolver.resolve(co, date) if a.code not in {b.code for b in sources}
                ]
    clause = committed or verb
    while clause.dep_ in {"xcomp", "acomp"} and clause.head.i != clause.i:
        clause = clause.head  # "said it would be willing to hold talks": the reported clause
    if (
        not passive
        and clause.dep_ == "ccomp"
        and subj_toks
        and all(s.lower_ in {"it", "they", "we", "he", "she"} for s in subj_toks)
    ):
        # "Ethiopia indicated it would act", "Sudanese rebels said they ...": the reporter.
        reporter, _ = subject_tokens(clause.head)
        said = [a for r in reporter for a in resolver.resolve(r, date)]
        if not sources or {a.country for a in sources} == {a.country for a in said}:
            sources = said or sources
    # "an agreement was signed between the two countries" → both parties, both directions.
    between = [
        p for c in verb.children if c.dep_ == "prep" and c.lower_ in {"between", "among"}
        for p in c.children if p.dep_ == "pobj"
    ]  # fmt: skip
    if between:
        parties: list[Actor] = []
        for p in between:
            parties += resolver.resolve(p, date)
        if len(parties) >= 2:
            return parties, parties, True
    if (
        trig.verb is not None
        and trig.verb.swap
        and not any(c.dep_ == "agent" for c in verb.children)
    ):
        # (With a by-agent, "X was abducted by Y", the passive below already names the doer.)
        # "X received money from Y", "X was freed from Y", "X was shot dead in Y": the
        # pattern says the subject undergoes the act and the complement does it.
        skip = {t.i for s in subj_toks for t in s.subtree}
        adjunct = set(ADJUNCT_PREPS) - set(trig.verb.arg_preps or ())
        own = own_side(sources, trig.domestic)
        doers = actors_below(
            verb, resolver, date, skip, TARGET_DEPS, adjunct, own, clauses=trig.clausal
        )
        return doers, sources, False
    if (
        trig.verb is not None
        and verb.dep_ == "acomp"
        and verb.tag_ == "VBN"
        and verb.head.lemma_ == "be"
        and not sources
    ):
        # "Ties were re-established": the participle hangs on "were" as an adjective.
        subj_toks = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        passive = True
    if (passive or verb.tag_ == "VBN") and trig.verb is not None:
        # An agentless passive whose subject is the relations themselves names a reciprocal
        # act (GUIDE R4): "Diplomatic relations were severed in 1980", "ties between X and Y were restored".
        parties = relation_parties(verb, subj_toks, resolver, date)
        if parties:
            return parties, parties, True
        if passive and trig.verb.reciprocal and trig.verb.objects and not sources:
            # "The protocol was signed in 1981": unnamed parties are the pair (R4, both ways).
            pacts = [s for s in subj_toks if s.lemma_.lower() in trig.verb.objects]
            parties = parties_or_context(verb, pacts, resolver, date) if pacts else []
            if len({a.country for a in parties}) == 2:
                return parties, parties, True
    if passive and not trig.passive_source:
        # "Pakistan was invited by China": without a by-agent the passive subject is the
        # target and the source is unknown (GUIDE R2: no agent, no event).
        return _jailer(trig, sources), sources, False
    by_agents = [
        p for c in verb.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by"
        for p in c.children if p.dep_ == "pobj"
    ]  # fmt: skip
    labelled_agent = any(c.dep_ == "agent" for c in verb.children)
    if (
        by_agents
        and (verb.tag_ == "VBN" or labelled_agent)
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
        and any(c.dep_ == "nsubj" for c in verb.children)
    ):
        # A reduced passive ("City Blockaded by Turkish Troops", headline style): the
        # by-phrase is the agent and the grammatical subject the patient.
        agents = [a for p in by_agents for a in resolver.resolve(p, date)]
        if agents and sources:
            return agents, sources, False
    patients = passive_patients(verb)  # "X was occupied and annexed by Y": X (ndev)
    if patients and sources and not passive:
        # "Pakistan was invited by China": the by-agent acts on the passive subject.
        targets = [a for p in patients for a in resolver.resolve(p, date)]
        if targets:
            return sources, targets, False
    skip = {t.i for s in subj_toks for t in s.subtree}
    adjunct = set(ADJUNCT_PREPS)
    if trig.verb is not None:
        adjunct -= set(trig.verb.preps or ()) | set(trig.verb.arg_preps or ())
    if trig.reciprocal:
        skip |= _place_on_object(verb)
        # Reciprocal acts take their partner from the object or "with" only: "X met Y",
        # "X signed an agreement with Y"; "X and Y cooperated on Afghanistan" is mutual.
        adjunct |= {"on", "for", "about", "over", "of", "to", "against", "from"}
    own = own_side(sources, trig.domestic)
    # A reciprocal act's partner is its object or "with"-phrase, never someone in a
    # clause around it ("X and Y delayed their meeting after Z was reported nearby").
    targets = actors_below(
        verb,
        resolver,
        date,
        skip,
        TARGET_DEPS,
        adjunct,
        own,
        clauses=trig.clausal and not trig.reciprocal,
    )
    if not sources:
        # "The three countries accused Iran": the group just named.
        sources = counted_group(subj_toks, {a.country for a in targets})
    if trig.reciprocal and len(sources) >= 2 and not targets:
        return sources, sources, True
    if sources and not targets and trig.code[:2] in VERBAL_ROOTS:
        targets = verbal_act_targets(
            verb,
            resolver,
            date,
            own,
            lambda c: actors_below(c, resolver, date, set(), TARGET_DEPS, exclude=own),
        )
    if sources and not targets and trig.domestic and trig.code[:2] in VERBAL_ROOTS | {"03"}:
        # (ncoop) also a group's promise to no one named: "the union agreed to a truce".
        targets = domestic_implied_target(verb, sources, trig.code)
    if sources and not targets and trig.code[:2] == "03":
        # "expressed its willingness to work with China" (ncoop): the party of the act the
        # willingness is for.
        targets = intent_object_targets(
            verb, lambda c: actors_below(c, resolver, date, set(), TARGET_DEPS, exclude=own)
        )
    if sources and not targets:
        targets = _reporter_as_possessor(verb, resolver, date, own)
    return sources, targets, False


def _jailer(trig: Trigger, released: list[Actor]) -> list[Actor]:
    """ "Three opposition leaders were released from detention": with domestic events on, a
    country's own citizens, activists or opposition freed by an unnamed agent were freed by
    their state, which held them (as ICEWS codes such reports); foreigners' jailers are not
    guessed. Only the release of persons (CAMEO 084, 0841) is read so."""
    if not (trig.domestic and trig.code in {"084", "0841"}) or not released:
        return []
    countries = {a.code[:3] for a in released}
    if len(countries) != 1 or any(
        a.code.startswith("IGO") or a.code[3:6] in STATE_SECTORS | {"COP", "JUD"} or len(a.code) < 6
        for a in released
    ):
        return []
    return [Actor(f"{countries.pop()}GOV", "")]


def _place_on_object(verb: Token) -> set[int]:
    """ "Kenya and Uganda signed [the agreement in Addis Ababa]": a place hung on the object of
    a reciprocal act is where it happened, not a partner (the partner is the object or a
    "with"-phrase)."""
    out: set[int] = set()
    for o in verb.children:
        if o.dep_ != "dobj":
            continue
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ in {"in", "at"}:
                for p in c.children:
                    m = mention_at(p) if p.dep_ == "pobj" else None
                    if m is not None and m.is_country:
                        out |= {t.i for t in c.subtree}
    return out


def _reporter_as_possessor(
    verb: Token, resolver: ActorResolver, date: str | None, own: frozenset[str]
) -> list[Actor]:
    """ "Colombia said Venezuelan soldiers attacked its border post", "according to Colombia,
    ...", '"... attacked our posts," Colombia said': when "its" in a reported act's object
    would make the act self-directed, or "our" is the speaker's, it is the reporter's."""
    objects = [c for c in verb.children if c.dep_ in TARGET_DEPS]
    possessive = any(
        t.dep_ == "poss" and t.lower_ in {"its", "their", "our"} for o in objects for t in o.subtree
    )
    if not possessive:
        return []
    reporter = [
        p for c in verb.children if c.lower_ == "according"
        for to in c.children if to.lower_ == "to" for p in to.children if p.dep_ == "pobj"
    ]  # fmt: skip
    if not reporter and verb.dep_ in {"ccomp", "parataxis"} and verb.head.pos_ in {"VERB", "AUX"}:
        reporter, _ = subject_tokens(verb.head)
    found = [a for r in reporter for a in resolver.resolve(r, date)]
    return [a for a in found if a.country not in own]
