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
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from detente.model import Actor, Document, Event, Timex
from detente.nlp.actors import ActorResolver, mention_at
from detente.nlp.chronology import EventDate, date_event, timex_heads
from detente.nlp.patterns import (
    NounPattern,
    Patterns,
    VerbPattern,
    default_patterns,
    refine_by_domain,
)

_MODALS = {"will", "would", "shall", "may", "might", "could", "should", "can", "must", "'ll", "wo"}
_IRREALIS_HEADS = {
    "want", "plan", "intend", "hope", "expect", "consider", "believe", "think", "wish", "aim",
    "worry", "fear", "seek", "prepare", "propose", "suggest", "urge", "ask", "need", "like",
    "threaten", "refuse", "fail", "able", "likely", "set",
}  # fmt: skip
_CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
_SUBJ = {"nsubj", "csubj", "expl"}
_OBJECT_CONTROL = {
    "send",
    "ask",
    "urge",
    "invite",
    "allow",
    "persuade",
    "dispatch",
    "authorize",
    "tell",
    "encourage",
    "help",
}
_DEMONSTRATIVES = {"this", "that", "these", "those", "such"}
_TARGET_DEPS = {"dobj", "dative", "prep", "pobj", "attr", "oprd", "pcomp", "agent"}
# Prepositions that introduce circumstances (place, time, cause), never the patient of an act.
_ADJUNCT_PREPS = {
    "in",
    "at",
    "during",
    "after",
    "before",
    "since",
    "until",
    "as",
    "due",
    "because",
    "despite",
    "like",
    "within",
    "throughout",
    "amid",
    "near",
    "under",
    "via",
    "through",
    "by",
}
_NOUN_DEPS_DOWN = {
    "prep",
    "pobj",
    "compound",
    "amod",
    "poss",
    "appos",
    "conj",
    "nmod",
    "dobj",
    "pcomp",
}
_THIRD_PLACE = {
    "sideline",
    "summit",
    "session",
    "assembly",
    "conference",
    "forum",
    "meeting",
    "ceremony",
    "gathering",
}


@dataclass
class Trigger:
    tok: Token
    code: str
    reciprocal: bool
    sector: str | None
    negated: bool
    verb: VerbPattern | None = None
    noun: NounPattern | None = None
    #: Look for the target inside complement clauses too (see ``extract_events``).
    clausal: bool = False
    #: Code an agentless passive's subject as the source (see ``extract_events``).
    passive_source: bool = False


def extract_events(
    doc: Doc,
    document: Document,
    resolver: ActorResolver | None = None,
    patterns: Patterns | None = None,
    *,
    realis_only: bool = True,
    clausal_targets: bool = False,
    passive_subject_as_source: bool = False,
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
    there, since the one who acted is not named.
    """
    patterns = patterns or default_patterns()
    if resolver is None:
        from detente.nlp.people import people_index

        resolver = ActorResolver(people_index=people_index())
    timexes: list[Timex] = list(getattr(doc._, "timexes", None) or [])
    out: list[Event] = []
    seen: dict[tuple, set[str]] = {}
    act_dates: dict[str, str] = {}  # trigger lemma → date of the last act coded with it
    agents: dict[str, list[Actor]] = {}  # act (verb lemma) → who did it last
    for sent in doc.sents:
        resolver.observe_sentence(sent)
        triggers = _drop_nested(list(find_triggers(sent, patterns, realis_only=realis_only)))
        for t in triggers:
            t.clausal = clausal_targets
            t.passive_source = passive_subject_as_source
        trig_idx = {t.tok.i for t in triggers}
        heads = timex_heads(doc, sent, timexes)
        partners: dict[str, list[Actor]] = {}  # source country → its partners in this sentence
        _remember_unilateral_acts(sent, resolver, patterns, agents)
        for trig in triggers:
            when = date_event(trig.tok, sent, heads, trig_idx, timexes, document.pubdate)
            if when.source != "own":
                when = _date_from_referenced_act(trig, act_dates, patterns) or when
            lemma = trig.tok.lemma_.lower()
            coded = list(
                code_trigger(trig, sent, when, resolver, document, patterns, partners, agents)
            )
            if coded:
                agents[patterns.act_lemma(lemma)] = _sources_of(coded)
            for ev in coded:
                # One event per act within a document (GUIDE R3): a nominal mention of an act
                # already coded ("the visit", "the agreement") is not a new act.
                key = (ev.source, ev.target, ev.cameo, ev.date, ev.negated)
                kinds = seen.setdefault(key, set())
                kind = "noun" if trig.noun is not None else "verb"
                if kinds and (kind == "noun" or "noun" in kinds):
                    continue
                kinds.add(kind)
                out.append(ev)
                if ev.date:
                    act_dates[patterns.act_lemma(lemma)] = ev.date
    return out


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
            subj, passive = _subject_tokens(tok)
            found = [a for s in subj for a in resolver.resolve(s)] if not passive else []
            if found:
                agents[tok.lemma_.lower()] = found


def _targets_from_referenced_act(
    verb: Token, sources: list[Actor], patterns: Patterns, agents: dict[str, list[Actor]]
) -> list[Actor]:
    """ "The United States condemned the invasion": the target is whoever invaded."""
    own = {a.country for a in sources}
    for c in verb.children:
        objs = [c] if c.dep_ == "dobj" else []
        if c.dep_ == "prep" and c.lower_ in _ARGUMENT_PREPS:
            objs = [p for p in c.children if p.dep_ == "pobj"]
        for o in objs:
            if o.pos_ != "NOUN":
                continue
            found = agents.get(patterns.act_lemma(o.lemma_.lower()), [])
            found = [a for a in found if a.country not in own]
            if found:
                return found
    return []


def _date_from_referenced_act(
    trig: Trigger, act_dates: dict[str, str], patterns: Patterns
) -> EventDate | None:
    """ "India objected to the joint exercises": a reaction to an act already told in the text
    takes that act's year when the reaction has no date of its own."""
    for c in trig.tok.children:
        if c.dep_ not in {"dobj", "prep", "pobj"} or (
            c.dep_ == "prep" and c.lower_ not in _ARGUMENT_PREPS
        ):
            continue
        for t in c.subtree:
            date = act_dates.get(patterns.act_lemma(t.lemma_.lower()))
            if date and t.i != trig.tok.i and t.pos_ == "NOUN":
                return EventDate(date[:4], t.text, "inherited")
    return None


#: Clauses a target may be found in when ``clausal_targets`` is on.
_CLAUSE_DEPS = {"ccomp", "acl", "relcl", "advcl"}

_ARGUMENT_PREPS = {"on", "to", "for", "with", "against", "about", "of", "over", "between"}


def _drop_nested(triggers: list[Trigger]) -> list[Trigger]:
    """A nominal act inside the argument of another act describes it, it is not a new act:
    "signed an agreement for the sale of helicopters", "objections on the joint exercises"."""
    verbs = [t for t in triggers if t.verb is not None]
    if not verbs:
        return triggers
    inside: set[int] = set()
    for v in verbs:
        for c in v.tok.children:
            if c.dep_ in {"dobj", "attr"} or (
                c.dep_ == "prep" and c.lower_ in _ARGUMENT_PREPS and c.i > v.tok.i
            ):
                inside |= {t.i for t in c.subtree}
    return [t for t in triggers if t.verb is not None or t.tok.i not in inside]


# --------------------------------------------------------------------------- triggers


def find_triggers(sent: Span, patterns: Patterns, *, realis_only: bool = True) -> Iterator[Trigger]:
    """The words of a sentence that express an act listed in ``patterns``."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ in {"VERB", "AUX"} or (tok.tag_.startswith("VB") and tok.pos_ != "NOUN"):
            # The written form first: dictionaries may key irregular forms ("left", "met").
            alts = patterns.verbs.get(tok.lower_) or patterns.verbs.get(lemma)
            if not alts and tok.pos_ == "VERB":
                # The lemmatizer errs on some forms; try the regular base forms.
                alts = next(
                    (patterns.verbs[w] for w in _base_forms(tok.lower_) if w in patterns.verbs),
                    None,
                )
            if not alts or (realis_only and (_irrealis(tok) or _ongoing(tok))):
                continue
            vp = _choose_verb_pattern(tok, alts)
            if vp is None:
                continue
            code = vp.code
            if code == "051" and _adverbs(tok) & {"militarily"}:
                code = "062"  # "supported X militarily": military cooperation
            elif code == "051" and _adverbs(tok) & {"economically", "financially"}:
                code = "061"
            if vp.domains:
                code = refine_by_domain(code, _object_words(tok), patterns)
            if code == "040" and _at_third_place(tok):
                code = "044"
            yield Trigger(tok, code, vp.reciprocal, vp.sector, _negated(tok), verb=vp)
        elif tok.pos_ in {"NOUN", "PROPN"} and lemma in patterns.nouns:
            np_ = patterns.nouns[lemma]
            if tok.dep_ in {"compound", "nmod"} or _period_name(tok):
                continue
            if np_.plural_only and tok.tag_ not in {"NNS", "NNPS"}:
                continue
            if np_.modifiers is not None and not any(
                c.lower_ in np_.modifiers for c in tok.children if c.dep_ in {"amod", "compound"}
            ):
                continue
            if np_.objects is not None and not (_object_words(tok) & np_.objects):
                continue
            if _restatement(tok) or (realis_only and _noun_irrealis(tok)):
                continue
            code = np_.code
            if code == "040" and _at_third_place(tok):
                code = "044"
            yield Trigger(tok, code, np_.reciprocal, np_.sector, False, noun=np_)


def _choose_verb_pattern(tok: Token, alts: Sequence[VerbPattern]) -> VerbPattern | None:
    objs = _object_lemmas(tok)
    preps = {c.lower_ for c in tok.children if c.dep_ in {"prep", "agent", "dative"}}
    before: list[tuple[str, str]] | None = None
    after: list[tuple[str, str]] | None = None
    for vp in alts:
        if vp.before is not None:
            before = _words_before(tok) if before is None else before
            if not vp.before.matches(before):
                continue
        if vp.after is not None:
            after = _words_after(tok) if after is None else after
            if not vp.after.matches(after):
                continue
        if vp.needs_compound and not _compound_subject(tok):
            continue
        if vp.objects is not None and not (objs & vp.objects):
            continue
        if vp.preps is not None and not (preps & vp.preps):
            continue
        if vp.needs_actor_object:
            dobj = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
            if not dobj or not any(_is_actorish(d) for d in dobj):
                continue
            if vp.person_object and not any(
                d.ent_type_ == "PERSON" or (mention_at(d) and mention_at(d).kind == "agent")
                for d in dobj
            ):
                continue
        return vp
    return None


def _compound_subject(verb: Token) -> bool:
    """Does the subject name several parties ("Gondor and Osgiliath", "both sides")?"""
    subj, _ = _subject_tokens(verb)
    heads = [t for s in subj for t in (s, *s.conjuncts) if _is_actorish(t)]
    return len(heads) >= 2 or any(c.lower_ in {"both", "two"} for s in subj for c in s.children)


#: How a verb is embedded in the clause whose words come before it: "Ethiopia indicated it
#: would act", "Gollum was seen to break", "X said it will not clash".
_CLAUSE_CHAIN = {"xcomp", "ccomp", "advcl", "conj", "pcomp"}


def _word(t: Token) -> tuple[str, str]:
    return (t.lower_, t.lemma_.lower())


def _words_before(tok: Token) -> list[tuple[str, str]]:
    """The words before a verb within its clause and the clauses that govern it, nearest
    first: its auxiliaries, negation, adverbs and subject, and "indicated (it would)"."""
    top = tok
    while top.dep_ in _CLAUSE_CHAIN and top.head.i != top.i:
        top = top.head
    lo = top.left_edge.i
    return [_word(t) for t in reversed(tok.doc[lo : tok.i]) if not t.is_punct]


def _words_after(tok: Token) -> list[tuple[str, str]]:
    """The words of a verb's own phrase after it, in order, leaving out coordinated verbs
    and their phrases ("condemned the attack and promised raids": not "raids")."""
    skip: set[int] = set()
    for c in tok.children:
        if (c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}) or c.dep_ == "cc":
            skip |= {t.i for t in c.subtree}
    return [_word(t) for t in tok.subtree if t.i > tok.i and t.i not in skip and not t.is_punct]


def _adverbs(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in {"advmod", "conj"} or c.pos_ == "ADV"} | {
        g.lower_ for c in tok.children if c.dep_ == "advmod" for g in c.children if g.dep_ == "conj"
    }


def _object_lemmas(tok: Token) -> set[str]:
    """Lemmas of the direct object, prepositional objects and their complements (one level)."""
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ in {"dobj", "nsubjpass", "attr", "oprd"}:
            out.add(c.lemma_.lower())
            for cc in c.children:
                if cc.dep_ == "conj":
                    out.add(cc.lemma_.lower())
        elif c.dep_ in {"prep", "dative"}:
            for p in c.children:
                if p.dep_ in {"pobj", "pcomp"}:
                    out.add(p.lemma_.lower())
                    out |= {g.lemma_.lower() for g in p.children if g.dep_ == "dobj"}
        elif c.dep_ in {"xcomp", "advcl"} and c.tag_ == "VBG":
            out.add(c.lemma_.lower())
    return out


def _object_words(tok: Token) -> set[str]:
    """Every lemma in the complements of a trigger, to tell military from economic acts."""
    words: set[str] = set()
    for c in tok.children:
        if c.dep_ in _TARGET_DEPS or c.dep_ in {"xcomp", "nsubjpass", "compound", "amod", "acl"}:
            words |= {t.lemma_.lower() for t in c.subtree}
    return words


def _at_third_place(tok: Token) -> bool:
    """A meeting "on the sidelines of", "at the summit", "in the UN session" is CAMEO 044."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"in", "at", "on", "during"}:
            for p in c.children:
                if p.dep_ == "pobj" and (
                    p.lemma_.lower() in _THIRD_PLACE
                    or (mention_at(p) is not None and mention_at(p).kind == "igo")
                ):
                    return True
    return False


def _negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    # "did not decide to veto" negates the infinitive's act as well.
    head = tok.head
    return tok.dep_ == "xcomp" and any(c.dep_ == "neg" for c in head.children) and head.lemma_ in {
        "decide", "agree", "choose", "try", "manage", "dare",
    }  # fmt: skip


_REGULAR_ENDINGS = (
    ("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"), ("d", ""),
    ("ing", ""), ("ing", "e"),
)  # fmt: skip


def _base_forms(word: str) -> list[str]:
    """Candidate base forms of a regularly inflected verb ("hopes" → hope, hop ...)."""
    return [word[: -len(end)] + repl for end, repl in _REGULAR_ENDINGS if word.endswith(end)]


def _is_one_of(tok: Token, lemmas: set[str]) -> bool:
    """Is the word one of these verbs? The lemmatizer errs on some forms ("hopes" → "hop"),
    so the written form with a regular ending removed counts too."""
    return tok.lemma_.lower() in lemmas or any(w in lemmas for w in _base_forms(tok.lower_))


def _irrealis(tok: Token) -> bool:
    """Future, conditional, hypothetical, intended or believed acts are not events (GUIDE R2)."""
    t = tok
    via = ""
    for _ in range(6):
        for c in t.children:
            if c.dep_ in {"aux", "auxpass"} and c.lower_ in _MODALS:
                return True
            if c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS:
                return True
        # "is going to favour"
        if (
            t.dep_ == "xcomp"
            and t.head.lemma_ == "go"
            and any(c.dep_ == "aux" for c in t.head.children)
        ):
            return True
        if t.i != tok.i and via in {"xcomp", "ccomp"} and _is_one_of(t, _IRREALIS_HEADS):
            return True
        if (
            t.dep_ not in {"xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "pcomp"}
            or t.head.i == t.i
        ):
            return False
        via = t.dep_
        t = t.head
    return False


#: Light and stative verbs whose present progressive describes a standing attitude or a
#: habit ("Russia is showing interest", "are doing consultations"), not one act (R2b).
#: The progressive of other verbs reports current events ("troops are shelling the city").
_STATIVE_PROGRESSIVE = {"show", "do", "have", "make", "express", "take", "give", "remain", "hold"}


def _ongoing(tok: Token) -> bool:
    """A present progressive of a light or stative verb: an ongoing attitude, not an act."""
    return (
        tok.tag_ == "VBG"
        and tok.lemma_.lower() in _STATIVE_PROGRESSIVE
        and any(
            c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ in {"VBZ", "VBP"} for c in tok.children
        )
    )


def _noun_irrealis(tok: Token) -> bool:
    t = tok
    while t.head.i != t.i and t.pos_ not in {"VERB", "AUX"}:
        t = t.head
    if t.pos_ not in {"VERB", "AUX"}:
        return False
    return _is_one_of(t, _IRREALIS_HEADS) or _irrealis(t)


def _period_name(tok: Token) -> bool:
    """ "The cold war", "the war on terror", "the post-war era" name periods, not acts."""
    mods = {c.lower_ for c in tok.children}
    return bool(mods & {"cold", "post", "civil"}) or any(
        c.dep_ == "prep" and c.lower_ == "on" for c in tok.children if tok.lemma_ == "war"
    )


def _restatement(tok: Token) -> bool:
    """ "This successful visit broke the ice": a noun with a demonstrative restates an act."""
    return any(c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in tok.children)


def _is_actorish(tok: Token) -> bool:
    m = mention_at(tok)
    return m is not None or tok.ent_type_ in {"PERSON", "GPE", "NORP", "ORG"} or tok.pos_ == "PRON"


# --------------------------------------------------------------------------- roles


def _subject_tokens(verb: Token) -> tuple[list[Token], bool]:
    """Subject heads of a verb; the flag says they are the patients of a passive."""
    subj = [c for c in verb.children if c.dep_ in _SUBJ]
    if subj:
        return subj, False
    for aux in verb.children:
        if aux.dep_ in {"aux", "auxpass"}:
            # The parser sometimes hangs the subject on the auxiliary ("X was heavily and
            # unjustly criticized"): it is still the verb's subject.
            found = [c for c in aux.children if c.dep_ in _SUBJ | {"nsubjpass"}]
            if found:
                return found, aux.dep_ == "auxpass" or found[0].dep_ == "nsubjpass"
    if verb.tag_ in {"VBP", "VBD", "VBZ"}:
        # A finite verb has a subject: "Ethiopia act on ..." parsed as a compound.
        subj = [
            c
            for c in verb.children
            if c.dep_ in {"compound", "npadvmod", "nmod"}
            and c.i < verb.i
            and c.pos_ == "PROPN"
            and mention_at(c) is not None
        ]
        if subj:
            return subj, False
    agent = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if agent:
        return agent, False
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive:
        return passive, True
    head = verb.head
    if head.i == verb.i:
        return [], False
    if verb.dep_ == "xcomp" and head.dep_ == "acomp":
        # "Arnor is about to restore ties", "X is ready to sign": the subject of "is".
        return _subject_tokens(head.head)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ == "xcomp" and infinitive:
        patient = [c for c in head.children if c.dep_ == "nsubjpass"]
        if patient and not any(c.dep_ == "agent" for c in head.children):
            # "Gollum was seen to break in", "X was asked to leave": the passive subject
            # of the governing verb is the one who does the infinitive's act.
            return patient, False
    if verb.dep_ in {"xcomp", "advcl"} and (infinitive or verb.dep_ == "xcomp"):
        if head.lemma_.lower() in _OBJECT_CONTROL:
            obj = [c for c in head.children if c.dep_ == "dobj"]
            if obj:
                return obj, False
        return _subject_tokens(head)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        governor = head.head
        obj = [c for c in governor.children if c.dep_ == "dobj"]
        if head.lower_ in {"for", "of"} and obj:
            # "criticised the United States for selling weapons": the object did it.
            return obj, False
        # "responded by boycotting the Olympics": the subject of the main verb did it.
        return _subject_tokens(governor) if governor.pos_ in {"VERB", "AUX"} else ([], False)
    if verb.dep_ in {"conj", "advcl", "pcomp"}:
        return _subject_tokens(head)
    if verb.dep_ in {"relcl", "acl"}:
        return [head], False
    return [], False


def _clause_subject(tok: Token) -> list[Token]:
    t = tok
    while t.head.i != t.i and t.pos_ not in {"VERB", "AUX"}:
        t = t.head
    if t.pos_ in {"VERB", "AUX"}:
        return _subject_tokens(t)[0]
    return []


def _actors_below(
    tok: Token,
    resolver: ActorResolver,
    date: str | None,
    skip: set[int],
    deps: set[str],
    adjunct: frozenset[str] | set[str] = frozenset(_ADJUNCT_PREPS),
    exclude: frozenset[str] | set[str] = frozenset(),
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
    exclude: frozenset[str] | set[str],
    clauses: bool,
) -> list[Actor]:
    enter = {"pcomp", "xcomp"} | (_CLAUSE_DEPS if clauses else set())
    queue = [
        c
        for c in tok.children
        if (c.dep_ in deps or c.dep_ in enter)
        and c.i not in skip
        # A clause is searched only when it follows the verb: in "X is about to act, an
        # official said", the clause is what was said, not whom it was said to.
        and not (c.dep_ in _CLAUSE_DEPS and c.i < tok.i)
    ]
    seen = set()
    while queue:
        c = queue.pop(0)
        if c.i in seen or c.i in skip:
            continue
        seen.add(c.i)
        if c.pos_ in {"VERB", "AUX"} and c.dep_ not in enter:
            continue
        if clauses and c.dep_ in _CLAUSE_DEPS:
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
        if c.lemma_.lower() in _THIRD_PLACE:
            continue
        actors = [] if c.pos_ in {"VERB", "AUX"} else resolver.resolve(c, date)
        actors = [a for a in actors if a.country not in exclude]
        if actors:
            return _with_hyphen_partners(c, actors, resolver, date)
        queue.extend(
            x
            for x in c.children
            if x.dep_ in _NOUN_DEPS_DOWN or x.dep_ in deps or (clauses and x.dep_ in enter)
        )
    return []


def _with_hyphen_partners(
    tok: Token, actors: list[Actor], resolver: ActorResolver, date: str | None
) -> list[Actor]:
    """ "Pak-Russia exercises", "Indo-US deal": both countries of a hyphenated pair."""
    doc = tok.doc
    out = list(actors)
    for step in (-2, 2):
        j = tok.i + step
        mid = tok.i + step // 2
        if 0 <= j < len(doc) and doc[mid].text in {"-", "–"}:
            m = mention_at(doc[j])
            if (
                m is not None
                and m.code
                and m.is_country
                and m.code not in {a.code[:3] for a in out}
            ):
                out.append(Actor(m.code, doc[j].text, doc[j].idx, doc[j].idx + len(doc[j])))
    return out


def _verb_roles(
    trig: Trigger, resolver: ActorResolver, date: str | None
) -> tuple[list[Actor], list[Actor], bool]:
    verb = trig.tok
    subj_toks, passive = _subject_tokens(verb)
    sources: list[Actor] = []
    for s in subj_toks:
        sources += resolver.resolve(s, date)
    if (
        not sources
        and not passive
        and verb.dep_ == "ccomp"
        and subj_toks
        and all(s.lower_ in {"it", "they", "we"} for s in subj_toks)
    ):
        # "Ethiopia indicated it would act": a pronoun subject of a reported clause is,
        # in the first place, the reporter itself.
        reporter, _ = _subject_tokens(verb.head)
        sources = [a for r in reporter for a in resolver.resolve(r, date)]
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
    if trig.verb is not None and trig.verb.swap:
        # "X received money from Y", "X was freed from Y", "X was shot dead in Y": the
        # pattern says the subject undergoes the act and the complement does it.
        skip = {t.i for s in subj_toks for t in s.subtree}
        adjunct = set(_ADJUNCT_PREPS) - set(trig.verb.arg_preps or ())
        own = frozenset(a.country for a in sources)
        doers = _actors_below(
            verb, resolver, date, skip, _TARGET_DEPS, adjunct, own, clauses=trig.clausal
        )
        return doers, sources, False
    if passive and not trig.passive_source:
        # "Pakistan was invited by China": without a by-agent the passive subject is the
        # target and the source is unknown (GUIDE R2: no agent, no event).
        return [], sources, False
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
    patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if patients and sources and not passive:
        # "Pakistan was invited by China": the by-agent acts on the passive subject.
        targets = [a for p in patients for a in resolver.resolve(p, date)]
        if targets:
            return sources, targets, False
    skip = {t.i for s in subj_toks for t in s.subtree}
    adjunct = set(_ADJUNCT_PREPS)
    if trig.verb is not None:
        adjunct -= set(trig.verb.preps or ()) | set(trig.verb.arg_preps or ())
    if trig.reciprocal:
        # Reciprocal acts take their partner from the object or "with" only: "X met Y",
        # "X signed an agreement with Y"; "X and Y cooperated on Afghanistan" is mutual.
        adjunct |= {"on", "for", "about", "over", "of", "to", "against", "from"}
    own = frozenset(a.country for a in sources)
    # A reciprocal act's partner is its object or "with"-phrase, never someone in a
    # clause around it ("X and Y delayed their meeting after Z was reported nearby").
    targets = _actors_below(
        verb,
        resolver,
        date,
        skip,
        _TARGET_DEPS,
        adjunct,
        own,
        clauses=trig.clausal and not trig.reciprocal,
    )
    if trig.reciprocal and len(sources) >= 2 and not targets:
        return sources, sources, True
    return sources, targets, False


_LIGHT_VERBS = {
    "hold", "conduct", "launch", "carry", "make", "pay", "undertake", "stage", "begin",
    "start", "have", "extend", "receive", "accept", "welcome", "announce", "complete",
}  # fmt: skip
_ADJUNCT_FRAMES = {"after", "before", "during", "in", "on", "following", "upon", "with", "at"}


def _clause_role(noun: Token) -> str | None:
    """How a nominal act relates to the clause around it, if it borrows a participant from it.

    "X held talks with Y" / "X paid a visit to Y" (light verb: the subject is the agent) →
    "agent"; "After talks with Y, X signed", "In his visit to Moscow, X said" (a framing
    adjunct: the subject is the agent) → "agent"; "With the support of Russia, Pakistan
    became a member" / "On Russia's invitation, X visited" → "frame".
    """
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _LIGHT_VERBS:
        return "agent"
    if (
        noun.dep_ == "pobj"
        and noun.head.dep_ == "prep"
        and noun.head.lower_ in _ADJUNCT_FRAMES
        and noun.head.head.pos_ in {"VERB", "AUX"}
    ):
        return "frame"
    return None


def _noun_roles(
    trig: Trigger, resolver: ActorResolver, date: str | None, sent: Span
) -> tuple[list[Actor], list[Actor], bool]:
    noun = trig.tok
    pat = trig.noun
    assert pat is not None
    src_toks: list[Token] = []
    tgt_toks: list[Token] = []
    for c in noun.children:
        if c.dep_ == "poss":
            src_toks.append(c)
        elif c.dep_ in {"prep", "agent"}:
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if c.lower_ in pat.targets and not (c.lower_ == "of" and pat.reciprocal):
                tgt_toks += objs
            elif c.lower_ in {"of", "by", "from"}:
                src_toks += objs
        elif (
            c.dep_ in {"compound", "amod", "nmod"}
            and mention_at(c) is not None
            and mention_at(c).kind != "capital"  # "the Astana talks", "the Geneva accords": a venue
        ):
            src_toks.append(c)
    # Prepositions the parser attached to the governing verb: "witnessed visit of X to Moscow".
    head = noun.head
    if not tgt_toks and head.pos_ in {"VERB", "AUX"} and noun.dep_ in {"dobj", "nsubj"}:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in pat.targets and c.i > noun.i and c.lower_ != "of":
                tgt_toks += [p for p in c.children if p.dep_ == "pobj"]
    role = _clause_role(noun)
    clause = [a for t in _clause_subject(noun) for a in resolver.resolve(t, date)] if role else []
    sources: list[Actor] = []
    for s in src_toks:
        if (s.pos_ == "PRON" or s.tag_ == "PRP$") and clause:
            # "In his visit to Moscow, President Zardari ...": the possessive is the subject.
            sources += clause
            continue
        sources += _with_hyphen_partners(s, resolver.resolve(s, date), resolver, date)
    targets: list[Actor] = []
    for t in tgt_toks:
        found = resolver.resolve(t, date) or _actors_below(
            t, resolver, date, set(), _NOUN_DEPS_DOWN
        )
        targets += _with_hyphen_partners(t, found, resolver, date) if found else []
    if pat.role:
        # "China played the role of facilitator in Pak-Russia rapprochement".
        subject = [a for t in _clause_subject(noun) for a in resolver.resolve(t, date)]
        below = _actors_below(noun, resolver, date, set(), _NOUN_DEPS_DOWN, frozenset())
        if not below and noun.head.lower_ == "of":
            # "played a role of facilitator in X-Y rapprochement": the role carries the phrase.
            below = _actors_below(
                noun.head.head, resolver, date, {noun.i}, _NOUN_DEPS_DOWN, frozenset()
            )
        return subject, below, False
    if pat.reciprocal:
        if len(sources) >= 2 and not targets:
            return sources, sources, True
        if len(targets) >= 2 and not sources:
            return targets, targets, True
        if not sources and targets and clause:
            return clause, targets, False
        return sources, targets, False
    if not sources and clause:
        sources = clause
    elif sources and not targets and role == "frame" and pat.to_clause:
        targets = [a for a in clause if a.country not in {x.country for x in sources}]
    return sources, targets, False


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
    from detente.codebook.cameo import cameo_info

    if trig.verb is not None:
        sources, targets, reciprocal = _verb_roles(trig, resolver, when.value)
    else:
        sources, targets, reciprocal = _noun_roles(trig, resolver, when.value, sent)
    if sources and not targets and agents and trig.verb is not None:
        targets = _targets_from_referenced_act(trig.tok, sources, patterns, agents)
    if partners is not None:
        if sources and not targets and trig.reciprocal and len(sources) == 1:
            targets = partners.get(sources[0].country, [])
        for a in sources:
            partners.setdefault(a.country, [])
            partners[a.country] += [t for t in targets if t.country != a.country]
    if not sources or not targets:
        return
    pairs = [(a, b) for a in sources for b in targets if a.country != b.country]
    code = trig.code
    if code == "040" and _met_elsewhere(trig.tok, {a.country for a in [*sources, *targets]}):
        code = "044"  # a meeting in a third country (GUIDE R2b)
    try:
        info = cameo_info(code)
    except KeyError:
        # A code from a user's dictionary that CAMEO lacks (WEIS-style "174K", a paired
        # "032:033"): keep it as written, neutral, with the quad of its root if it has one.
        from detente.codebook.cameo import CameoInfo, quad_class

        try:
            quad = quad_class(code[:2])
        except (KeyError, ValueError):
            quad = 0
        info = CameoInfo(code, code[:2], "", 0.0, quad, None, exact=False)
    doc = sent.doc
    # The sentence as the contract wants it: its words, without trailing line breaks.
    text = sent.text.rstrip()
    for src, tgt in pairs:
        s_code = _with_sector(src.code, trig.sector)
        t_code = _with_sector(tgt.code, trig.sector) if reciprocal else tgt.code
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
            plover=info.plover or None,
            negated=trig.negated,
            date_source=when.source,
            trigger=doc[trig.tok.i].text,
            pubdate=document.pubdate,
        )


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
