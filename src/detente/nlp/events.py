"""Who did what to whom: CAMEO events from the dependency parse.

For each sentence, triggers are verbs and nouns listed in the event patterns
(``codebook/data/event_patterns.yaml``). Roles come from the parse, not from word order
(cf. PETRARCH-2's use of constituency trees, Norris, Schrodt & Beieler 2017):

* the source is the subject (or the ``by``-agent of a passive; the controller of an
  infinitive: "sent his envoy to visit Russia" → the envoy; the shared subject of
  coordinated verbs), the target the first actor among the verb's complements;
* reciprocal acts ("X and Y met", "both countries signed", "signed between the two") give
  both directions;
* nominal events ("the visit of X to Y", "talks with Y", "with the support of Russia")
  take their arguments from ``of``/``by``/possessive/modifiers and prepositions, falling
  back on the clause they sit in;
* negation (``not``, ``never``) sets ``negated``; modality — future, conditional,
  hypothetical, intention or opinion ("wants to", "considers that") — produces no event.

The module is split by stage: :mod:`detente.nlp.triggers` finds the acts,
:mod:`detente.nlp.roles` their participants, this module dates and codes them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from detente.codebook.cameo import CameoInfo, cameo_info, quad_class
from detente.model import Actor, Document, Event, Timex
from detente.nlp.actors import ActorResolver, mention_at
from detente.nlp.chronology import (
    EventDate,
    date_event,
    instance_dates,
    listed_dates,
    timex_heads,
)
from detente.nlp.coordinated import merge_coordinated
from detente.nlp.dateline import Dateline
from detente.nlp.focus import focus_targets, mutual_partners, named_act_of_pair
from detente.nlp.implicit import (
    aid_recipients,
    authority_code,
    crowd_code,
    implicit_agents,
    implicit_targets,
    organisation_code,
    unnamed_citizens,
)
from detente.nlp.noun_roles import noun_roles
from detente.nlp.parties import distinct_parties, one_side_per_country, own_side
from detente.nlp.patterns import NULL_CODE, Patterns, default_patterns
from detente.nlp.present import retag_present_verbs
from detente.nlp.refusals import refusal_targets
from detente.nlp.roles import targets_from_referenced_act, verb_roles
from detente.nlp.syntax import ARGUMENT_PREPS, subject_tokens
from detente.nlp.threat_targets import threat_targets
from detente.nlp.threats import implicit_code
from detente.nlp.triggers import Trigger, drop_nested, find_triggers
from detente.nlp.unnamed import (
    crowd_of_country,
    lone_exercise,
    meeting_hosts,
    own_side_targets,
    unnamed_doer,
)
from detente.nlp.verbal_roles import (
    VERBAL_ROOTS,
    domestic_implied_target,
    investigated_party,
    threat_noun_targets,
)
from detente.nlp.yields import admitted_parties, refused_yield_targets, yield_targets


def extract_events(
    doc: Doc,
    document: Document,
    resolver: ActorResolver | None = None,
    patterns: Patterns | None = None,
    *,
    realis_only: bool = True,
    clausal_targets: bool = False,
    passive_subject_as_source: bool = False,
    domestic: bool = False,
) -> list[Event]:
    """All events of a parsed document, dated and de-duplicated within the document.

    ``realis_only=False`` also codes future, modal and conditional acts, as PETRARCH does.
    ``clausal_targets=True`` lets a verb take its target from a complement clause or a
    participle phrase when its own complements name none ("Arnor believes Dagolath can
    cope" → Arnor→Dagolath; "cordoned off the roads leading into Mordor" → Mordor), as
    PETRARCH does; detente's own output does not, since the one who is believed or told
    about is seldom the patient of a statement. ``passive_subject_as_source=True`` codes
    the subject of a passive without a "by"-agent as the source ("X was criticized over
    its dispute with Y" → X→Y), PETRARCH's convention; detente by default codes nothing
    there, since the one who acted is not named. ``domestic=True`` also codes acts between
    two actors of one country whose codes differ (see :mod:`detente.nlp.parties`).
    """
    patterns = patterns or default_patterns()
    if resolver is None:
        from detente.nlp.people import people_index

        resolver = ActorResolver(people_index=people_index())
    resolver.domestic = domestic
    timexes: list[Timex] = list(getattr(doc._, "timexes", None) or [])
    out: list[Event] = []
    seen: dict[tuple, set[str]] = {}
    act_dates: dict[str, str] = {}  # trigger lemma → date of the last act coded with it
    summarized: dict[tuple, Event] = {}  # acts known only from a summary's list
    agents: dict[str, list[Actor]] = {}  # act (verb lemma) → who did it last
    retag_present_verbs(doc)
    dateline = getattr(doc._, "dateline", None) if doc.has_extension("dateline") else None
    dateline_date = _dateline_date(dateline, document)
    headline_end = _headline_end(doc.text)
    for sent in doc.sents:
        resolver.observe_sentence(sent)
        triggers = drop_nested(list(find_triggers(sent, patterns, realis_only=realis_only)))
        for t in triggers:
            t.clausal = clausal_targets
            t.passive_source = passive_subject_as_source
            t.domestic = domestic
        trig_idx = {t.tok.i for t in triggers}
        heads = timex_heads(doc, sent, timexes)
        partners: dict[str, list[Actor]] = {}  # source country → its partners in this sentence
        _remember_unilateral_acts(sent, resolver, patterns, agents)
        coded_verbs: set[int] = set()  # verbs of this sentence that coded an event
        first_of_sentence = len(out)
        by_trigger: dict[int, int] = {}  # id of an event of this sentence → its trigger word
        for trig in triggers:
            if trig.nested_in is not None and trig.nested_in in coded_verbs:
                continue  # the noun describes the verb's act (drop_nested)
            when = date_event(trig.tok, sent, heads, trig_idx, timexes, document.pubdate)
            if when.source != "own" and dateline_date and _opens(sent, dateline):
                # The act a dateline's sentence reports is the dispatch's news of the day.
                when = dateline_date
            attr = _predicate_act(trig, trig_idx)
            if when.source != "own" and attr is not None:
                # "The X Agreement was an agreement signed on 16 March 1921": its date.
                for t in (attr, *(c for c in attr.children if c.dep_ in {"acl", "relcl"})):
                    told = date_event(t, sent, heads, trig_idx, timexes, document.pubdate)
                    if told.source == "own":
                        when = told
                        break
            if when.source != "own" and _names_an_act(trig, sent, trig_idx):
                if not (document.pubdate and _verbless(sent)):
                    continue
                # A news headline without a verb ("Israeli air strikes on Gaza") tells
                # the day's news.
                when = EventDate(document.pubdate, None, "pubdate")
            if when.source != "own":
                when = _date_from_referenced_act(trig, act_dates, patterns) or when
            lemma = trig.tok.lemma_.lower()
            coded = list(
                code_trigger(trig, sent, when, resolver, document, patterns, partners, agents)
            )
            # "clashed in 2016, 2020 and 2023": one act per listed date.
            instances = instance_dates(_counted_act(trig), sent, timexes) if coded else []
            if instances:
                # "three wars—one from 1932 to 1935, another in 1941": one act per instance.
                coded = [
                    replace(ev, date=d.value, date_text=d.text, date_source=d.source)
                    for d in instances
                    for ev in coded
                ]
            elif coded:
                extra = listed_dates(when, sent, timexes, trig.tok, trig_idx)
                coded += [
                    replace(ev, date=d.value, date_text=d.text) for d in extra for ev in coded
                ]
            if coded:
                coded_verbs.add(trig.tok.i)
                agents[patterns.act_lemma(lemma)] = _sources_of(coded)
                if trig.reciprocal:
                    resolver.note_reciprocal(Actor(coded[0].source, ""), Actor(coded[0].target, ""))
            coded = list({(e.source, e.target, e.cameo, e.date): e for e in coded}.values())
            coded = merge_coordinated(coded, trig, out, first_of_sentence, by_trigger)
            for ev in coded:
                # One event per act within a document (GUIDE R3): a nominal mention of an act
                # already coded ("the visit", "the agreement") is not a new act.
                key = (ev.source, ev.target, ev.cameo, ev.date, ev.negated)
                if ev.start < headline_end:
                    # A headline's act is dropped when the body restates it (below): it must
                    # not keep the body's own statement of the act out as a repetition.
                    out.append(ev)
                    continue
                kinds = seen.setdefault(key, set())
                kind = "noun" if trig.noun is not None else "verb"
                if kinds == {"summary"} and key in summarized:
                    # An act first met in a summary's list ("five wars—one from 1918 to
                    # 1921, ...") and then told on its own: the direct statement (R3).
                    # (Found by identity: a later filter of the list may have moved it.)
                    old = summarized.pop(key)
                    out[next(j for j, e in enumerate(out) if e is old)] = ev
                    kinds.add(kind)
                    continue
                if kinds and (kind == "noun" or "noun" in kinds or "summary" in kinds):
                    continue
                if not kinds and kind == "noun" and _told_more_precisely(key, seen):
                    # "the Russo-Ukrainian War" (2014) after the war begun in February 2014:
                    # the name of an act already coded with a finer date is no new act (R3).
                    continue
                if kinds and ev.date_source == "inherited" and len(ev.date or "") == 10:
                    # The same act on the same day with no time of its own ("Ukraine broke off
                    # relations in response to the invasion" after the invasion's day): retold.
                    continue
                if instances:
                    kind = "summary"
                    summarized[key] = ev
                kinds.add(kind)
                out.append(ev)
                by_trigger[id(ev)] = trig.tok.i
                if ev.date:
                    act_dates[patterns.act_lemma(lemma)] = ev.date
        out[first_of_sentence:] = _one_promise(out[first_of_sentence:], triggers, by_trigger)
    return _drop_restated_headline(out, doc.text)


def _one_promise(
    events: list[Event], triggers: list[Trigger], by_trigger: dict[int, int]
) -> list[Event]:
    """ "Chile and Peru agreed to hold talks" is one commitment: the promised act's 03x code
    (036) stands for it, the promising verb's own 03x code goes, for the same parties."""
    heads = {t.promised_by for t in triggers if t.promised_by is not None}
    if not heads:
        return events
    promised = {t.tok.i for t in triggers if t.promised_by is not None}
    pairs = {(e.source, e.target) for e in events if by_trigger.get(id(e)) in promised}
    return [
        e
        for e in events
        if not (
            by_trigger.get(id(e)) in heads and e.cameo[:2] == "03" and (e.source, e.target) in pairs
        )
    ]


def _counted_act(trig: Trigger) -> Token:
    """The noun that may count the act's instances: the trigger noun itself, or the object
    of the trigger verb ("fought three wars—...", "faced each other in four wars: ...")."""
    if trig.noun is not None:
        return trig.tok
    for c in trig.tok.children:
        if c.dep_ == "dobj":
            return c
        if c.dep_ == "prep":
            for p in c.children:
                if p.dep_ == "pobj" and p.tag_ == "NNS":
                    return p
    return trig.tok


def _headline_end(text: str) -> int:
    """Where a story's headline ends: its first line, when that line has no closing
    punctuation and the body follows (0 when there is no headline)."""
    body = text.lstrip()
    first = body.split("\n", 1)
    if len(first) < 2 or not first[1].strip() or len(first[0]) > 200:
        return 0
    line = first[0].rstrip()
    if not line or line.endswith((".", "!", "?", ":", ";", '"', "”")):
        return 0
    return len(text) - len(body) + len(line)


def _drop_restated_headline(events: list[Event], text: str) -> list[Event]:
    """A headline restates the story's lead ("Kenya Expels Ugandan Diplomats" over
    "NAIROBI (AFP) - Kenya expelled two Ugandan diplomats on Wednesday"): one act, coded
    once, from the sentence that states it with its date (GUIDE R3)."""
    end = _headline_end(text)
    if not end:
        return events
    body = {(e.source[:3], e.target[:3], e.cameo) for e in events if e.start >= end}
    return [
        e for e in events if e.start >= end or (e.source[:3], e.target[:3], e.cameo) not in body
    ]


def _dateline_date(dateline: Dateline | None, document: Document) -> EventDate | None:
    """The date a story's dateline gives ("NAIROBI, March 12 (Reuters) -"), if any."""
    if dateline is None:
        return None
    value = dateline.value(document.pubdate)
    return EventDate(value, dateline.date_text, "own") if value else None


def _opens(sent: Span, dateline: Dateline | None) -> bool:
    """Is ``sent`` the sentence the dateline opens?"""
    return dateline is not None and sent.start_char <= dateline.end < sent.end_char


def _predicate_act(trig: Trigger, triggers: set[int]) -> Token | None:
    """The act a named act is said to be ("The X Treaty was a treaty signed in 1994")."""
    tok = trig.tok
    if trig.noun is None or tok.dep_ != "nsubj" or tok.head.lemma_ != "be":
        return None
    return next((c for c in tok.head.children if c.dep_ == "attr" and c.i in triggers), None)


def _verbless(sent: Span) -> bool:
    return not any(t.pos_ in {"VERB", "AUX"} for t in sent)


def _names_an_act(trig: Trigger, sent: Span, triggers: set[int]) -> bool:
    """A nominal act that is only named, not told: a title or caption without a verb
    ("Egypt–Israel peace treaty"), or a proper name ("the Russo-Georgian War", "the Anglo-Soviet
    Trade Agreement"). Such a mention is an event only with a date of its own ("the Iran–Iraq
    War of 1980"); otherwise it would inherit whatever time the narrative is at."""
    if trig.noun is None:
        return False
    tok = trig.tok
    if _verbless(sent):
        return True
    if _predicate_act(trig, triggers) is not None:
        # "The Nile Waters Agreement was a treaty signed on 8 November 1959": the
        # predicate tells the act and its date.
        return False
    return tok.tag_.startswith("NNP") and tok.i > sent.start and tok.text[:1].isupper()


def _sources_of(events: list[Event]) -> list[Actor]:
    out: list[Actor] = []
    for ev in events:
        if ev.source not in {a.code for a in out}:
            out.append(Actor(ev.source, ev.source_text))
    return out


def _remember_unilateral_acts(
    sent: Span, resolver: ActorResolver, patterns: Patterns, agents: dict[str, list[Actor]]
) -> None:
    """Record who tested, launched, deployed ...: acts that later reactions may name."""
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in patterns.unilateral:
            subj, passive = subject_tokens(tok)
            found = [a for s in subj for a in resolver.resolve(s)] if not passive else []
            if found:
                agents[tok.lemma_.lower()] = found


def _told_more_precisely(key: tuple, seen: dict[tuple, set[str]]) -> bool:
    """An act already coded between the same parties within the year or month ``key`` names."""
    date = key[3]
    if not date or len(date) >= 10:
        return False
    return any(
        k[:3] == key[:3]
        and k[4] == key[4]
        and k[3]
        and len(k[3]) > len(date)
        and k[3].startswith(date)
        for k in seen
    )


#: Nouns that frame an act as the reaction to another ("in response to", "in retaliation for").
_REACTION_FRAMES = frozenset({"response", "reaction", "retaliation", "reply", "answer", "protest"})


def _date_from_referenced_act(
    trig: Trigger, act_dates: dict[str, str], patterns: Patterns
) -> EventDate | None:
    """ "India objected to the joint exercises": a reaction to an act already told in the text
    takes that act's year when the reaction has no date of its own. A reaction framed as one
    ("in response to the invasion", "in retaliation for the raid") follows at once: it takes
    the act's full date."""
    for c in trig.tok.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            for frame in (p for p in c.children if p.dep_ == "pobj"):
                if frame.lemma_.lower() not in _REACTION_FRAMES:
                    continue
                for prep in (p for p in frame.children if p.dep_ == "prep"):
                    for t in (p for p in prep.children if p.dep_ == "pobj"):
                        date = act_dates.get(patterns.act_lemma(t.lemma_.lower()))
                        if date:
                            return EventDate(date, t.text, "inherited")
        if c.dep_ not in {"dobj", "prep", "pobj"} or (
            c.dep_ == "prep" and c.lower_ not in ARGUMENT_PREPS
        ):
            continue
        for t in c.subtree:
            own = patterns.nouns.get(t.lemma_.lower())
            if own is not None and own.code[:2] == trig.code[:2]:
                # "signed an agreement", "held talks": the noun names this very act, not an
                # earlier one the verb reacts to.
                continue
            date = act_dates.get(patterns.act_lemma(t.lemma_.lower()))
            if date and t.i != trig.tok.i and t.pos_ == "NOUN":
                return EventDate(date[:4], t.text, "inherited")
    return None


def code_trigger(
    trig: Trigger,
    sent: Span,
    when: EventDate,
    resolver: ActorResolver,
    document: Document,
    patterns: Patterns,
    partners: dict[str, list[Actor]] | None = None,
    agents: dict[str, list[Actor]] | None = None,
) -> Iterator[Event]:
    """The events of one trigger; ``partners`` carries each source's partners within the
    sentence ("After talks with the Russian President, Musharraf signed three agreements")."""
    if trig.verb is not None:
        sources, targets, reciprocal = verb_roles(trig, resolver, when.value)
    else:
        sources, targets, reciprocal = noun_roles(trig, resolver, when.value, sent)
        if sources and not targets and trig.code[:2] == "13":
            # "issued a threat to impose sanctions on Greece": the party the threat acts on.
            own = own_side(sources, trig.domestic)
            targets = threat_noun_targets(trig.tok, resolver, when.value, own)
        if sources and not targets and trig.domestic and trig.code[:2] in VERBAL_ROOTS:
            # "criticism from rights groups", "the union's demands": aimed at its government.
            targets = domestic_implied_target(trig.tok, sources, trig.code)
    if sources and not targets and trig.verb is not None and trig.code[:2] == "13":
        # "warned of serious consequences" in a text about two countries (nthreat).
        targets = threat_targets(trig.tok, sources, resolver, when.value, trig.domestic)
    if sources and not targets and trig.verb is not None and trig.code[:2] == "12":
        # "declined an invitation to visit Nigeria"; "Peru rejected the proposal" (nthreat).
        targets = refusal_targets(trig.tok, sources, resolver, when.value, trig.domestic)
    if sources and not targets and trig.code[:2] == "09":
        # "opened an inquiry into abuses committed by the army": the party investigated.
        targets = investigated_party(
            trig.tok, resolver, when.value, own_side(sources, trig.domestic)
        )
    if sources and not targets and agents and trig.verb is not None:
        targets = targets_from_referenced_act(trig.tok, sources, patterns, agents, trig.domestic)
    code = trig.code
    if sources and not targets and trig.verb is not None:
        targets = admitted_parties(trig.tok, code, sources, resolver, when.value, trig.domestic)
    if trig.domestic and trig.verb is not None and not sources:
        lemma = trig.tok.lemma_.lower()
        if not targets and lemma in patterns.implicit_agents:
            targets = unnamed_citizens(trig.tok)
        sources = implicit_agents(trig.tok, targets, patterns.implicit_agents.get(lemma))
    if trig.domestic and trig.verb is not None:
        crowd = crowd_code(trig.tok.lemma_.lower(), sources, patterns.crowd_acts)
        if crowd and code[:2] == "13":
            # "the union said it would strike": a threat of the crowd's act (133; nthreat).
            crowd = implicit_code(crowd, False)
        code = crowd or code
    if trig.domestic and code[:2] == "15" and not sources and targets:
        # "U.S. troops were deployed to Vietnam": the forces moved show the force.
        sources, targets = targets, []
    if trig.domestic:
        sources = crowd_of_country(code, sources)
    if trig.domestic and not sources:
        # "riots broke out in Dakar", "a bomb exploded in Kano": the doer news leaves unnamed.
        sources, targets, code = unnamed_doer(
            trig.tok,
            code,
            _info(code).plover,
            trig.verb is not None,
            targets,
            resolver,
            patterns.crowd_acts,
            idiom=trig.verb is not None and trig.verb.objects is not None,
        )
    if trig.domestic:
        targets = own_side_targets(code, sources, targets)
    if trig.domestic and sources and not targets:
        code = lone_exercise(trig.tok, code)
        hosts, at_third_place = meeting_hosts(trig.tok, sources)
        # (Only a meeting attended is one at a third place: "would not attend" is a refusal.)
        targets, code = hosts, (at_third_place if code[:2] == "04" else None) or code
    if trig.domestic and sources and not targets:
        targets = implicit_targets(trig.tok, code, sources)
    if trig.domestic and sources and not targets:
        targets = yield_targets(trig.tok, code, sources) or refused_yield_targets(
            trig.tok, code, sources, patterns
        )
    if trig.domestic:
        lemma = trig.tok.lemma_.lower()
        code = authority_code(lemma, sources, targets, patterns.authority_acts) or code
    code = organisation_code(code, sources, patterns.organisation_acts) or code
    if partners is not None:
        if sources and not targets and trig.reciprocal and len(sources) == 1:
            targets = partners.get(sources[0].country, [])
        for a in sources:
            partners.setdefault(a.country, [])
            partners[a.country] += [t for t in targets if distinct_parties(a, t, trig.domestic)]
    if not sources and not targets:
        # "after the Football War in 1969" in a text about Honduras and El Salvador.
        sources = targets = named_act_of_pair(trig, resolver, when.source == "own")
        reciprocal = reciprocal or bool(targets)
    if sources and not targets:
        # "Peru and Chile agreed to resume talks": each does a mutual act to the other.
        targets = mutual_partners(trig, sources)
        reciprocal = reciprocal or bool(targets)
    if sources and not targets:
        # "Iraq launched a full-scale invasion" in a text about Iraq and Kuwait.
        targets = focus_targets(trig, sources, resolver, when.source == "own")
    if trig.domestic and sources and not targets:
        # "The government provided $10 million in aid": to its own people (ncoop).
        targets = aid_recipients(trig.tok, code, sources, set(resolver.sentence_countries))
    if not sources or not targets:
        return
    if not trig.domestic:
        targets = one_side_per_country(targets)
    pairs = [(a, b) for a in sources for b in targets if distinct_parties(a, b, trig.domestic)]
    if (
        not reciprocal
        and len(sources) == len(targets) >= 2
        and any(t.lower_ == "respectively" for t in trig.tok.subtree)
    ):
        # "Kenya and Uganda recalled their envoys to Somalia and Sudan respectively".
        pairs = [
            (a, b)
            for a, b in zip(sources, targets, strict=True)
            if distinct_parties(a, b, trig.domestic)
        ]
    if code == "040" and _met_elsewhere(trig.tok, {a.country for a in [*sources, *targets]}):
        code = "044"  # a meeting in a third country (GUIDE R2b)
    # A paired code "A:B" (PETRARCH's vocabulary) codes source→target A and target→source B
    # ("police clashed with protesters": 175 by the police, 145 by the protesters).
    forward, _, backward = code.partition(":")
    directed = [(s, t, forward, True) for s, t in pairs if forward and forward != NULL_CODE]
    if backward and backward != NULL_CODE:
        directed += [(t, s, backward, False) for s, t in pairs]
    both_ways = {(s.code, t.code) for s, t, _, _ in directed}
    if trig.domestic:
        # "Clashes between protesters and police": the crowd's side of a two-way clash is a
        # riot (145); the other side's act stays what it was.
        lemma = trig.tok.lemma_.lower()
        directed = [
            (s, t, crowd_code(lemma, [s], patterns.crowd_acts) or c, f)
            if (t.code, s.code) in both_ways
            else (s, t, c, f)
            for s, t, c, f in directed
        ]
    doc = sent.doc
    # The sentence as the contract wants it: its words, without trailing line breaks.
    text = sent.text.rstrip()
    for src, tgt, c, forward_role in directed:
        info = _info(c)
        s_code = _with_sector(src.code, trig.sector) if forward_role or reciprocal else src.code
        t_code = _with_sector(tgt.code, trig.sector) if reciprocal or not forward_role else tgt.code
        yield Event(
            doc=document.id,
            sentence=text,
            start=sent.start_char,
            end=sent.start_char + len(text),
            date=when.value,
            date_text=when.text,
            source=s_code,
            target=t_code,
            source_text=src.text,
            target_text=tgt.text,
            cameo=info.code,
            root=info.root,
            goldstein=float(info.goldstein),
            quad=int(info.quad),
            plover=patterns.plover_acts.get(trig.tok.lemma_.lower())
            or patterns.plover_codes.get(info.code)
            or info.plover
            or None,
            negated=trig.negated,
            date_source=when.source,
            trigger=doc[trig.tok.i].text,
            pubdate=document.pubdate,
        )


def _info(code: str) -> CameoInfo:
    try:
        return cameo_info(code)
    except KeyError:
        # A code from a user's dictionary that CAMEO lacks (WEIS-style "174K"): keep it as
        # written, neutral, with the quad of its root if it has one.
        try:
            quad = quad_class(code[:2])
        except (KeyError, ValueError):
            quad = 0
        return CameoInfo(code, code[:2], "", 0.0, quad, None, exact=False)


def _met_elsewhere(tok: Token, parties: set[str]) -> bool:
    """ "Met in Moscow" when neither party is Russia: a meeting at a third location."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"in", "at"}:
            for p in c.children:
                m = mention_at(p) if p.dep_ == "pobj" else None
                if m is not None and m.is_country and m.code and m.code not in parties:
                    return True
    return False


def _with_sector(code: str, sector: str | None) -> str:
    """Add a pattern's sector ("joint exercise" → MIL) to a bare country code."""
    if sector and len(code) == 3 and not code.startswith("IGO"):
        return code + sector
    return code
