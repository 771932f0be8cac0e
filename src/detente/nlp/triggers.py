"""Triggers: the words of a sentence that express an act listed in the event patterns.

A verb or noun of ``codebook/data/event_patterns.yaml`` is a trigger when its pattern's
conditions hold (objects, prepositions, word sequences of PETRARCH patterns) and the act is
realis: future, modal, conditional, intended or believed acts are not events (GUIDE R2).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from detente.nlp.actors import mention_at
from detente.nlp.modality import (
    MODALS,
    announced_intent,
    base_forms,
    governing_verb,
    irrealis,
    is_one_of,
    negated,
    noun_irrealis,
    ongoing,
    promise_head,
    prospective,
    ready_for,
    shared_view,
)
from detente.nlp.offers import ANSWERING_VERBS
from detente.nlp.patterns import (
    NULL_CODE,
    NounPattern,
    Patterns,
    VerbPattern,
    refine_by_domain,
)
from detente.nlp.syntax import (
    ARGUMENT_PREPS,
    DEMONSTRATIVES,
    TARGET_DEPS,
    THIRD_PLACE,
    is_actorish,
    subject_tokens,
)
from detente.nlp.threats import (
    UNDERGONE,
    held_out_by,
    implicit_code,
    plan_announcer,
    threat_frame,
    weighed,
)


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
    #: A nominal act inside the argument of this verb (token index): coded only when the
    #: verb itself codes nothing (see :func:`drop_nested`).
    nested_in: int | None = None
    #: Same-country actors with different codes may be the two sides (``--domestic``).
    domestic: bool = False
    #: The index of the word that promises this act ("agreed" in "agreed to withdraw").
    promised_by: int | None = None


def drop_nested(triggers: list[Trigger]) -> list[Trigger]:
    """A nominal act inside the argument of another act describes it, it is not a new act:
    "signed an agreement for the sale of helicopters", "objections on the joint exercises"."""
    # A verb whose subject is a thing ("the disputes led to the war", "the war saw an
    # invasion") frames the act its object names; it does not restate an actor's act.
    verbs = [t for t in triggers if t.verb is not None and not _thing_subject(t.tok)]
    inside: set[int] = set()
    for r in triggers:
        if r.noun is not None and r.noun.role:
            # "the role of facilitator in Pak-Russia rapprochement": the act mediated.
            anchor = r.tok.head.head if r.tok.head.lower_ == "of" else r.tok
            inside |= {t.i for t in anchor.subtree if t.i != r.tok.i}
    if not verbs and not inside:
        return triggers
    told: set[int] = set()
    governed: dict[int, int] = {}  # nominal act → the verb in whose argument it sits
    for v in verbs:
        for c in v.tok.children:
            if c.dep_ in {"dobj", "attr"} or (
                c.dep_ == "prep" and c.lower_ in ARGUMENT_PREPS and c.i > v.tok.i
            ):
                for t in c.subtree:
                    governed.setdefault(t.i, v.tok.i)
                if v.code[:2] == "11" or v.tok.lemma_.lower() in ANSWERING_VERBS:
                    # "Britain condemned the bombing of Belgrade by NATO": what is condemned
                    # happened; with its own agent it is an act of its own. So is what is
                    # accepted or declined ("Chile declined Peru's invitation"; ndev).
                    told |= {t.i for t in c.subtree}
    out = []
    for t in triggers:
        if t.verb is not None or (t.tok.i in told and _own_agent(t.tok)):
            out.append(t)
        elif t.tok.i not in inside:
            # Inside a verb's argument the noun describes the verb's act; it stands for an act
            # of its own only when the verb codes nothing ("Ethiopia and Somalia fought a
            # war": no target for "fought", the war names both sides).
            t.nested_in = governed.get(t.tok.i)
            out.append(t)
    return out


def _own_agent(noun: Token) -> bool:
    """Does a nominal act name its agent: a possessor, a country's adjective, a by-phrase?"""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return True
        if c.dep_ in {"amod", "compound"} and mention_at(c) is not None and mention_at(c).code:
            return True
        if c.dep_ in {"prep", "agent"} and c.lower_ == "by":
            return True
    return any(
        q.dep_ in {"prep", "agent"} and q.lower_ == "by"
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children
        for q in o.children
    )


def _thing_subject(verb: Token) -> bool:
    subj, passive = subject_tokens(verb)
    return (
        bool(subj)
        and not passive
        and not any(is_actorish(t) for s in subj for t in (s, *s.conjuncts))
        and not any(c.lower_ in {"both", "two"} for s in subj for c in s.children)
    )


def find_triggers(sent: Span, patterns: Patterns, *, realis_only: bool = True) -> Iterator[Trigger]:
    """The words of a sentence that express an act listed in ``patterns``."""
    implied_at: set[tuple[int, str]] = set()  # threats and refusals already yielded
    for tok in sent:
        lemma = tok.lemma_.lower()
        gerund = _gerund_noun(tok, patterns)
        if gerund:
            # "Pakistani shelling of Indian villages": a gerund heading a noun phrase.
            lemma = tok.lower_
        if not gerund and (
            tok.pos_ in {"VERB", "AUX"} or (tok.tag_.startswith("VB") and tok.pos_ != "NOUN")
        ):
            # The written form first: dictionaries may key irregular forms ("left", "met").
            if tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).lower_ == "re":
                # "re-established" is split by the tokenizer: the prefixed verb first.
                alts = patterns.verbs.get("re-" + lemma)
                if alts:
                    lemma = "re-" + lemma
            alts = patterns.verbs.get(lemma if lemma.startswith("re-") else tok.lower_) or (
                patterns.verbs.get(lemma)
            )
            if not alts and tok.pos_ == "VERB":
                # The lemmatizer errs on some forms; try the regular base forms.
                alts = next(
                    (patterns.verbs[w] for w in base_forms(tok.lower_) if w in patterns.verbs),
                    None,
                )
            if not alts:
                continue
            announced = False
            unreal = realis_only and (irrealis(tok) or ongoing(tok))
            if unreal:
                # "Mali announced it will help Niger": a stated commitment is CAMEO 03x;
                # "said it would attack X unless ...": a stated hostile act is a threat.
                # "agreed to reopen the border": the deed of a promise is coded as its 03x
                # intent (the commitment words are irrealis heads so that nothing else is).
                announced = (
                    announced_intent(tok, patterns) or promise_head(tok, patterns) is not None
                )
                if not announced and not threat_frame(tok):
                    continue
            # "vowed not to release the prisoners": a refusal, not a negated release.
            refusal = realis_only and tok.dep_ == "xcomp" and negated(tok) and threat_frame(tok)
            # "Israel said it would not release the prisoners": a stated refusal (nthreat).
            refusal = refusal or (announced and tok.dep_ == "ccomp" and negated(tok))
            vp = choose_verb_pattern(tok, alts)
            if vp is None or vp.code == NULL_CODE or (realis_only and shared_view(tok)):
                continue
            if vp.code[:2] == "13" and tok.lemma_.lower() in UNDERGONE:
                # "Iraq would face serious consequences, Iran said": the speaker threatens.
                speaker = tok.head if unreal and threat_frame(tok) else None
                if speaker is not None and tok.dep_ == "ccomp":
                    yield Trigger(speaker, vp.code, False, None, False, verb=VerbPattern(vp.code))
                continue
            if refusal or (announced and patterns.intent_code(vp.code) == vp.code):
                # Only cooperative acts (CAMEO 04-08) have an intent code; a negated or a
                # hostile act that an actor states is a refusal or a threat (below).
                if not threat_frame(tok):
                    continue
                announced = False
            code = vp.code
            if (unreal and not announced) or refusal:
                # "said it would attack X unless ...": not the attack, a threat of it;
                # "said it would not attend": not a negated meeting, a refusal.
                implied = implicit_code(code, negated(tok))
                if implied is None:
                    continue
                implied_at.add((tok.i, implied))
                planner = plan_announcer(tok)
                if planner is not None:
                    # "Morocco announced a plan to invade Algeria": the announcer threatens.
                    yield Trigger(
                        planner, implied, False, vp.sector, False, verb=VerbPattern(implied)
                    )
                    continue
                yield Trigger(tok, implied, False, vp.sector, False, verb=vp)
                continue
            if code == "051" and _adverbs(tok) & {"militarily"}:
                code = "062"  # "supported X militarily": military cooperation
            elif code == "051" and _adverbs(tok) & {"economically", "financially"}:
                code = "061"
            if vp.domains:
                code = refine_by_domain(code, _object_words(tok), patterns)
            if code == "040" and _at_third_place(tok):
                code = "044"
            head = promise_head(tok, patterns)
            if head is not None and realis_only and patterns.intent_code(code) == code:
                # "is ready to attack": a hostile act held out is a threat (13x), not done.
                implied = implicit_code(code, negated(tok))
                if implied is not None and (tok.i, implied) not in implied_at:
                    implied_at.add((tok.i, implied))
                    yield Trigger(tok, implied, False, vp.sector, False, verb=vp)
                continue
            if head is not None or announced:
                code = patterns.intent_code(code)
            if code[:2] == "13":
                implied_at.add((tok.i, code))  # a threat this verb codes itself
            yield Trigger(
                tok,
                code,
                vp.reciprocal,
                vp.sector,
                negated(tok),
                verb=vp,
                promised_by=None if head is None else head.i,
            )
        elif (tok.pos_ in {"NOUN", "PROPN"} or gerund) and lemma in patterns.nouns:
            if tok.dep_ in {"compound", "nmod"} or _period_name(tok):
                continue
            if _restatement(tok):
                continue
            if realis_only and prospective(tok):
                raiser = held_out_by(tok)
                np_ = _choose_noun_pattern(tok, patterns.noun_patterns(lemma))
                implied = None if raiser is None or np_ is None else implicit_code(np_.code, False)
                if implied is not None and not any(i == raiser.i for i, _ in implied_at):
                    # "raised the possibility of sanctions on Iran": a threat of them.
                    implied_at.add((raiser.i, implied))
                    yield Trigger(raiser, implied, False, None, False, verb=VerbPattern(implied))
                continue
            unreal = realis_only and noun_irrealis(tok)
            framer = governing_verb(tok) if unreal else None
            if unreal and (framer is None or not (threat_frame(framer) or weighed(tok))):
                continue
            np_ = _choose_noun_pattern(tok, patterns.noun_patterns(lemma))
            if np_ is None:
                continue
            code = np_.code
            if unreal and framer is not None:
                # "said it will stage protests unless ...": a threat of protests.
                implied = implicit_code(code, negated(framer))
                if implied is not None and (framer.i, implied) not in implied_at:
                    # ("said it would impose sanctions": one threat, not one per word.)
                    implied_at.add((framer.i, implied))
                    # The roles are the framing verb's: "it" (the speaker) stages them.
                    yield Trigger(
                        framer, implied, False, np_.sector, False, verb=VerbPattern(implied)
                    )
                continue
            if np_.domains:
                code = refine_by_domain(code, _object_words(tok), patterns)
            if code == "040" and _at_third_place(tok):
                code = "044"
            if ready_for(tok):
                # "ready for talks with Y": an offer of the act (03x); none for hostile acts.
                if patterns.intent_code(code) == code:
                    continue
                code = patterns.intent_code(code)
            yield Trigger(tok, code, np_.reciprocal, np_.sector, False, noun=np_)


def _noun_words(tok: Token) -> set[str]:
    """The words of a noun's complements and its possessor ("the troops' withdrawal")."""
    return _object_words(tok) | {
        t.lemma_.lower() for c in tok.children if c.dep_ == "poss" for t in c.subtree
    }


def _gerund_noun(tok: Token, patterns: Patterns) -> bool:
    """A gerund the tagger took for a verb that heads a noun phrase: it has a determiner, a
    possessive or an adjective, or an of-phrase ("the shelling of", "Pakistani shelling")."""
    return (
        tok.tag_ == "VBG"
        and tok.lower_ in patterns.nouns
        and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "ROOT"}
        and not any(c.dep_ in {"aux", "auxpass", "dobj", "nsubj"} for c in tok.children)
        and any(
            c.dep_ in {"det", "poss", "amod"} or (c.dep_ == "prep" and c.lower_ == "of")
            for c in tok.children
        )
    )


def _choose_noun_pattern(tok: Token, alts: Sequence[NounPattern]) -> NounPattern | None:
    """The first of a noun's patterns whose conditions hold."""
    for np_ in alts:
        if np_.plural_only and tok.tag_ not in {"NNS", "NNPS"}:
            continue
        if np_.modifiers is not None and not any(
            c.lower_ in np_.modifiers or c.lemma_.lower() in np_.modifiers
            for c in tok.children
            if c.dep_ in {"amod", "compound", "nmod"}
        ):
            continue
        if np_.objects is not None and not (_noun_words(tok) & np_.objects):
            continue
        if np_.heads is not None and not (
            tok.dep_ in {"dobj", "nsubjpass"} and is_one_of(tok.head, set(np_.heads))
        ):
            continue
        return np_
    return None


def choose_verb_pattern(tok: Token, alts: Sequence[VerbPattern]) -> VerbPattern | None:
    """The first of a verb's patterns whose conditions its clause meets."""
    objs = _object_lemmas(tok)
    # A particle counts as a preposition: "turned down the offer", "ruled out talks".
    preps = {c.lower_ for c in tok.children if c.dep_ in {"prep", "agent", "dative", "prt"}}
    before: list[tuple[str, str]] | None = None
    after: list[tuple[str, str]] | None = None
    b_set: set[str] = set()
    a_set: set[str] = set()
    for vp in alts:
        if vp.before is not None:
            if before is None:
                before = _words_before(tok)
                b_set = {w for pair in before for w in pair}
            if not vp.before.possible(b_set) or not vp.before.matches(before):
                continue
        if vp.after is not None:
            if after is None:
                after = _words_after(tok)
                a_set = {w for pair in after for w in pair}
            if not vp.after.possible(a_set) or not vp.after.matches(after):
                continue
        if vp.needs_compound and not _compound_subject(tok):
            continue
        if vp.passive_only and not subject_tokens(tok)[1]:
            continue
        if vp.swap and not _actor_after_prep(tok, vp.arg_preps):
            # "+ * IN $": the one who acts is the object of a preposition; without an actor
            # there ("jailed diplomats in March") the pattern does not apply.
            continue
        if vp.swap and any(c.dep_ == "dobj" and is_actorish(c) for c in tok.children):
            # "Rebels killed two villagers in Mali": with its patient as the object, the verb
            # is active and its subject the agent; "+ * IN $" reads headlines and reduced
            # passives ("two villagers killed in a rebel raid").
            continue
        if vp.objects is not None and not (objs & vp.objects):
            continue
        if vp.preps is not None and not (preps & vp.preps):
            continue
        if vp.clause_modal and not _modal_clause(tok):
            continue
        if vp.clause_actor and not _actor_clause(tok):
            continue
        if vp.purposes is not None and not _purpose(tok, vp.purposes):
            continue
        if vp.needs_actor_object:
            dobj = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
            if not dobj or not any(is_actorish(d) for d in dobj):
                continue
            if vp.person_object and not any(
                d.ent_type_ == "PERSON" or (mention_at(d) and mention_at(d).kind == "agent")
                for d in dobj
            ):
                continue
            if vp.person_object and any(c.dep_ == "oprd" for c in tok.children):
                # "called Putin a thug": the object is described, not met or called.
                continue
        return vp
    return None


def _purpose(verb: Token, heads: frozenset[str]) -> bool:
    """A purpose clause on the verb or its object headed by one of ``heads`` ("sent
    doctors to help", "a team to assist with the relief")."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(
        c.dep_ in {"xcomp", "advcl", "acl", "relcl"} and c.lemma_.lower() in heads
        for h in holders
        for c in h.children
    )


def _modal_clause(verb: Token) -> bool:
    """A content clause after the verb whose verb has a future or possibility modal."""
    return any(
        c.dep_ == "ccomp"
        and c.i > verb.i
        and any(
            a.dep_ == "aux" and a.lower_ in MODALS - {"should", "must", "can"} for a in c.children
        )
        for c in verb.children
    )


def _actor_clause(verb: Token) -> bool:
    """A clause after the verb whose subject is an actor: "wants Peru to withdraw" (parsed
    as a clause with its subject, or as an object and an infinitive)."""
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.dep_ == "ccomp" and any(
            s.dep_ in {"nsubj", "nsubjpass"} and is_actorish(s) for s in c.children
        ):
            return True
        if c.dep_ == "dobj" and is_actorish(c) and any(x.dep_ == "xcomp" for x in verb.children):
            return True
    return False


def _actor_after_prep(verb: Token, preps: frozenset[str] | None) -> bool:
    # The phrase may hang on the object ("granted [asylum in Sweden]").
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(
        is_actorish(p)
        for h in heads
        for c in h.children
        if c.dep_ in {"prep", "agent"} and (preps is None or c.lower_ in preps)
        for p in c.children
        if p.dep_ == "pobj"
    )


def _compound_subject(verb: Token) -> bool:
    """Does the subject name several parties ("Gondor and Osgiliath", "both sides")?"""
    subj, _ = subject_tokens(verb)
    heads = [t for s in subj for t in (s, *s.conjuncts) if is_actorish(t)]
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
    for t in tok.subtree:
        if t.dep_ == "relcl" and t.head.i != tok.i:
            # A relative clause describes a noun of the phrase, it is not the verb's own words:
            # "provided a platform for groups [which were considered a threat]" is no threat.
            skip |= {x.i for x in t.subtree}
    return [_word(t) for t in tok.subtree if t.i > tok.i and t.i not in skip and not t.is_punct]


def _adverbs(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in {"advmod", "conj"} or c.pos_ == "ADV"} | {
        g.lower_ for c in tok.children if c.dep_ == "advmod" for g in c.children if g.dep_ == "conj"
    }


#: Nouns that frame or count their "of"-complement ("a state of emergency", "thousands of
#: troops"): the complement is the object.
_FRAME_NOUNS = frozenset(
    {"state", "period", "regime", "thousand", "hundred", "dozen", "million", "ten", "tens",
     "number", "group", "contingent", "unit", "battalion", "column", "convoy",
     # Loads of goods ("truckloads of aid supplies", "tons of food"; ncoop).
     "truckload", "planeload", "shipload", "load", "ton", "tonne", "batch", "consignment"}
)  # fmt: skip


def _object_lemmas(tok: Token) -> set[str]:
    """Lemmas of the direct object, prepositional objects and their complements (one level)."""
    out: set[str] = set()
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        out.add(tok.head.lemma_.lower())  # "an accusation denied by Qatar": the patient (ndev)
    for c in tok.children:
        if c.dep_ in {"dobj", "nsubjpass", "attr", "oprd"}:
            out.add(c.lemma_.lower())
            if (m := mention_at(c)) is not None and m.kind == "igo":
                out.add("igo")  # "joined NATO": an organisation named as the object
            for cc in c.children:
                if cc.dep_ == "conj":
                    out.add(cc.lemma_.lower())
                elif cc.dep_ == "prep" and cc.lower_ == "of" and c.lemma_.lower() in _FRAME_NOUNS:
                    # "declared a state of emergency": the frame names what follows "of".
                    out |= {p.lemma_.lower() for p in cc.children if p.dep_ == "pobj"}
                elif cc.dep_ == "prep" and cc.lower_ == "in" and _amount(c):
                    # "sent $20 million in humanitarian relief" (ncoop): what the sum is in.
                    out |= {p.lemma_.lower() for p in cc.children if p.dep_ == "pobj"}
        elif c.dep_ in {"prep", "dative"}:
            for p in c.children:
                if p.dep_ in {"pobj", "pcomp"}:
                    out.add(p.lemma_.lower())
                    out |= {g.lemma_.lower() for g in p.children if g.dep_ == "dobj"}
                    if (m := mention_at(p)) is not None and m.kind == "igo":
                        out.add("igo")  # "acceded to the EU": an organisation as the object
        elif c.dep_ in {"xcomp", "advcl"} and c.tag_ == "VBG":
            out.add(c.lemma_.lower())
        elif c.dep_ == "ccomp" and (
            c.pos_ == "NOUN" or any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ):
            # "allowed inspectors to visit", parsed as a clause with its own subject, or
            # "allowed peacekeepers into Darfur" with the noun as the clause (nyield).
            out.add(c.lemma_.lower())
            out |= {s.lemma_.lower() for s in c.children if s.dep_ == "nsubj"}
    if (tok.tag_ == "VBN" or (tok.tag_ == "VBD" and tok.dep_ == "conj")) and not any(
        c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in tok.children
    ):
        # "relations were severed in 1980 and restored in 1990", "ties were re-established"
        # (misparsed): a participle without a subject of its own undergoes the shared subject.
        subj, passive = subject_tokens(tok)
        if passive or tok.dep_ != "conj":
            out |= {s.lemma_.lower() for s in subj}
    if tok.dep_ == "acomp" and tok.tag_ == "VBN" and tok.head.lemma_ == "be":
        # "ties were re-established", parsed as an adjective after "were": its subject.
        out |= {c.lemma_.lower() for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}}
    return out


def _amount(tok: Token) -> bool:
    """A sum or a count ("$20 million", "2,000 tons", "a billion euros")."""
    amounts = {"MONEY", "QUANTITY", "CARDINAL"}
    return tok.ent_type_ in amounts or tok.like_num or tok.tag_ in {"$", "CD"}


def _object_words(tok: Token) -> set[str]:
    """Every lemma in the complements of a trigger, to tell military from economic acts."""
    words: set[str] = set()
    for c in tok.children:
        if c.dep_ in TARGET_DEPS or c.dep_ in {"xcomp", "nsubjpass", "compound", "amod", "acl"}:
            words |= {t.lemma_.lower() for t in c.subtree}
    return words


def _at_third_place(tok: Token) -> bool:
    """A meeting "on the sidelines of", "at the summit", "in the UN session" is CAMEO 044."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"in", "at", "on", "during"}:
            for p in c.children:
                if p.dep_ == "pobj" and (
                    p.lemma_.lower() in THIRD_PLACE
                    or (mention_at(p) is not None and mention_at(p).kind == "igo")
                ):
                    return True
    return False


def _period_name(tok: Token) -> bool:
    """ "The cold war", "the war on terror", "the post-war era" name periods, not acts."""
    mods = {c.lower_ for c in tok.children}
    return bool(mods & {"cold", "post", "civil"}) or any(
        c.dep_ == "prep" and c.lower_ == "on" for c in tok.children if tok.lemma_ == "war"
    )


def _restatement(tok: Token) -> bool:
    """ "This successful visit broke the ice": a noun with a demonstrative restates an act."""
    return any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in tok.children)
