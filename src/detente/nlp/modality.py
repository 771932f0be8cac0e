"""Modality: whether an act a verb or noun names is asserted as done (GUIDE R2).

Future, modal, conditional, hypothetical, intended, believed, habitual and ongoing acts are
not events; promised acts are commitments (CAMEO 03x, the deed is coded by its intent code);
agreeing that something is so is a shared view. Used by :mod:`detente.nlp.triggers`.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.nlp.offers import answered
from detente.nlp.patterns import Patterns

MODALS = {"will", "would", "shall", "may", "might", "could", "should", "can", "must", "'ll", "wo"}
_IRREALIS_HEADS = {
    "want", "plan", "intend", "hope", "expect", "consider", "believe", "think", "wish", "aim",
    "worry", "fear", "seek", "prepare", "propose", "suggest", "urge", "ask", "need", "like",
    "threaten", "refuse", "decline", "fail", "able", "likely", "set",
    # Beliefs and guesses ("Pakistan suspects India armed the rebels") and denials ("India
    # denied that its troops crossed"): the reporter does not state the act as fact.
    # Saying verbs are not here: "X said Y attacked Z" reports Y's attack (PETRARCH, GUIDE).
    "suspect", "doubt", "assume", "suppose", "speculate", "imagine", "wonder", "deny",
    # Commitments: "pledged to import", "agreed to withdraw" are 03x acts of their own
    # (GUIDE R6); the act committed to has not happened.
    "pledge", "promise", "vow", "agree", "offer", "undertake",
    # Appeals and demands (nyield branch): "called on Pakistan to release the fishermen",
    # "pressed Ghana to lift the ban" ask for an act that has not happened.
    "call", "appeal", "press", "demand", "encourage", "implore", "beg",
}  # fmt: skip
#: Verbs of appeal whose infinitive, however parsed, is the act asked for.
_APPEAL_HEADS = {"call", "urge", "ask", "appeal", "press", "demand", "encourage", "implore", "beg"}
#: Nouns of requests, threats, offers and plans: their infinitive is not an act (yet).
_IRREALIS_NOUNS = {
    "call", "appeal", "request", "plea", "demand", "ultimatum", "threat", "warning", "offer",
    "proposal", "plan", "bid", "attempt", "effort", "decision", "promise", "pledge", "vow",
    "intention", "readiness", "willingness", "refusal", "order",
}  # fmt: skip
_CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}


def announced_intent(tok: Token, patterns: Patterns) -> bool:
    """ "Mali's leader announced his government will help Niger": a future act in what an
    actor states (not a forecast by the reporter, not a condition) is a commitment."""
    promiser = promise_head(tok, patterns)
    if promiser is not None:
        # "said his nation would be ready to help": the promise's own clause is stated.
        tok = promiser.head if promiser.dep_ in {"acomp", "attr"} else promiser
    if not patterns.intent_frames or tok.dep_ != "ccomp":
        return False
    if not any(
        c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll"} for c in tok.children
    ):
        return False
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in tok.children) or any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in _CONDITIONAL_MARKS for m in c.children)
        for c in tok.children
    ):
        return False  # "would hold talks if the dispute continued": a condition, not a pledge
    head = tok.head
    return is_one_of(head, patterns.intent_frames) and not irrealis(head)


def promise_head(tok: Token, patterns: Patterns) -> Token | None:
    """The word that makes the act a commitment ("agreed" in "agreed to withdraw", "pledged
    to send and deliver aid", "is ready to mediate"): the act is promised, not done (03x)."""
    if not patterns.intent_heads:
        return None
    t = tok
    if t.dep_ == "conj" and t.head.dep_ == "xcomp":
        t = t.head
    if (t.dep_ == "xcomp" or to_infinitive_complement(t)) and is_one_of(
        t.head, patterns.intent_heads
    ):
        return t.head
    if (
        t.dep_ == "pcomp"
        and t.head.lower_ == "to"
        and is_one_of(t.head.head, patterns.intent_heads)
    ):
        # "committed to providing aid", "is dedicated to rebuilding".
        return t.head.head
    return None


def to_infinitive_complement(tok: Token) -> bool:
    """An infinitive the parser hung as an adverbial clause on a verb of wanting, planning or
    committing, across a circumstance ("vowed on Monday to continue", "pledged in a statement
    to send"): it is the verb's complement, as without the circumstance (nthreat)."""
    return (
        tok.dep_ == "advcl"
        and tok.head.i < tok.i
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and not any(c.dep_ in {"mark", "nsubj", "nsubjpass"} for c in tok.children)
        and is_one_of(tok.head, _IRREALIS_HEADS - _APPEAL_HEADS)
    )


def negated(tok: Token) -> bool:
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


def base_forms(word: str) -> list[str]:
    """Candidate base forms of a regularly inflected verb ("hopes" → hope, hop ...)."""
    return [word[: -len(end)] + repl for end, repl in _REGULAR_ENDINGS if word.endswith(end)]


def is_one_of(tok: Token, lemmas: set[str]) -> bool:
    """Is the word one of these verbs? The lemmatizer errs on some forms ("hopes" → "hop"),
    so the written form with a regular ending removed counts too."""
    return tok.lemma_.lower() in lemmas or any(w in lemmas for w in base_forms(tok.lower_))


def irrealis(tok: Token) -> bool:
    """Future, conditional, hypothetical, intended or believed acts are not events (GUIDE R2)."""
    t = tok
    via = ""
    for _ in range(6):
        for c in t.children:
            if c.dep_ in {"aux", "auxpass"} and c.lower_ in MODALS:
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
        if t.i != tok.i and via in {"xcomp", "ccomp"} and is_one_of(t, _IRREALIS_HEADS):
            return True
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and (
            (t.dep_ == "acl" and t.head.lemma_.lower() in _IRREALIS_NOUNS)
            # The parser may hang the infinitive on the light verb: "made a call on X to".
            or (
                t.dep_ == "advcl"
                and any(
                    o.dep_ == "dobj" and o.lemma_.lower() in _IRREALIS_NOUNS
                    for o in t.head.children
                )
            )
            # ... or on the appeal verb itself: "called on Japan to release" (nyield).
            or (t.dep_ == "advcl" and t.head.lemma_.lower() in _APPEAL_HEADS)
        ):
            # "a call on Syria to release the prisoners", "its threat to annex": what is
            # asked, threatened or planned has not happened.
            return True
        if (
            t.dep_ not in {"xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "pcomp", "acomp"}
            or t.head.i == t.i
        ):
            return False
        first = own_clause_conjunct(t)
        if first is not None:
            # "said he would mediate but that he had withdrawn the envoy": a conjunct with a
            # subject of its own has its own tense; only the frame of the first counts (ndev).
            if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in first.children):
                return True
            if first.head.i == first.i:
                return False
            t = first
        via = "xcomp" if to_infinitive_complement(t) else t.dep_
        t = t.head
    return False


def own_clause_conjunct(t: Token) -> Token | None:
    """The first conjunct of ``t`` when ``t`` is a coordinated clause with its own subject."""
    if t.dep_ != "conj" or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children):
        return None
    first = t.head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first


#: Light and stative verbs whose present progressive describes a standing attitude or a
#: habit ("Russia is showing interest", "are doing consultations"), not one act (R2b).
#: The progressive of other verbs reports current events ("troops are shelling the city").
_STATIVE_PROGRESSIVE = {"show", "do", "have", "make", "express", "take", "give", "remain", "hold"}


#: Adverbs of habit: "routinely criticized", "regularly holds exercises" tell of a habit, not
#: of one occurrence (GUIDE R2b). "Repeatedly" and "again" count occurrences; they stay.
_HABITUAL = {
    "routinely", "regularly", "habitually", "usually", "often", "frequently", "generally",
    "typically", "traditionally", "customarily", "normally", "commonly", "periodically",
}  # fmt: skip


def _habitual(verb: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in verb.children)


def ongoing(tok: Token) -> bool:
    """A present progressive of a light or stative verb (an ongoing attitude), or an act
    told as a habit ("routinely criticized"): not one act."""
    if _habitual(tok):
        return True
    return (
        tok.tag_ == "VBG"
        and tok.lemma_.lower() in _STATIVE_PROGRESSIVE
        and any(
            c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ in {"VBZ", "VBP"} for c in tok.children
        )
    )


def governing_verb(tok: Token) -> Token | None:
    """The verb whose clause a noun sits in."""
    t = tok
    while t.head.i != t.i and t.pos_ not in {"VERB", "AUX"}:
        t = t.head
    return t if t.pos_ in {"VERB", "AUX"} else None


def _any_phrase(tok: Token) -> bool:
    """The noun is (in) a phrase determined by "any" ("any agreement resulting from talks
    between them", "any talks"): a kind of act, not one that happened."""
    t = tok
    for _ in range(8):
        if t.pos_ in {"NOUN", "PROPN"} and any(
            c.dep_ == "det" and c.lower_ in {"any", "whatever", "whichever"} for c in t.children
        ):
            return True
        if t.dep_ not in {"pobj", "prep", "acl", "relcl", "compound", "nmod"} or t.head.i == t.i:
            return False
        t = t.head
    return False


def noun_irrealis(tok: Token) -> bool:
    if _any_phrase(tok):
        return True
    t = governing_verb(tok)
    if t is None:
        return False
    if t.lemma_.lower() in _CONCLUDING and t.i != tok.i:
        # "A ceasefire was agreed", "agreed a truce": agreeing to a thing concludes it; only
        # the act agreed *to do* ("agreed to withdraw") has not happened.
        return irrealis(t) or _habitual(t)
    if t.i != tok.i and answered(tok):
        # "Chile declined Peru's invitation": what is declined was made (ndev branch).
        return irrealis(t) or _habitual(t)
    return is_one_of(t, _IRREALIS_HEADS) or irrealis(t) or _habitual(t)


#: "Agreed that the dispute was over": agreeing on a proposition is a shared view (GUIDE R2),
#: not an agreement; only agreeing to do or on a thing is an act. (PETRARCH's conventions
#: code it, 030, as they code other statements.)
_VIEW_VERBS = {"agree", "concur"}


def shared_view(verb: Token) -> bool:
    """A verb of agreeing whose only complement is a "that"-clause."""
    if verb.lemma_.lower() not in _VIEW_VERBS:
        return False
    deps = {c.dep_ for c in verb.children}
    on_thing = any(
        c.dep_ == "prep" and c.lower_ in {"on", "to", "upon", "with"} for c in verb.children
    )
    return "ccomp" in deps and not (deps & {"xcomp", "dobj"} or on_thing)


#: Commitment verbs that conclude what they take as object (not as infinitive).
_CONCLUDING = {"agree", "accept"}


#: Nouns whose complement is an act sought, planned or discussed, not one that took place:
#: "the deadline for a peace accord", "talks on a ceasefire", "a call for sanctions".
_PROSPECT_NOUNS = {
    "deadline", "plan", "proposal", "call", "demand", "hope", "prospect", "bid", "push",
    "draft", "talk", "negotiation", "discussion", "request", "appeal", "plea", "offer",
    "threat", "possibility", "option", "idea", "framework", "roadmap", "effort", "attempt",
}  # fmt: skip


def prospective(tok: Token) -> bool:
    """Is a nominal act the complement of a noun of seeking or planning?"""
    head = tok.head
    if (
        tok.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ in {"for", "on", "of", "toward", "towards", "over", "about"}
    ):
        return head.head.lemma_.lower() in _PROSPECT_NOUNS and head.head.pos_ == "NOUN"
    return False


#: Words of readiness whose "for"/"to" phrase names an act offered ("ready for talks").
_READY = frozenset({"ready", "open", "prepared", "willing", "committed", "amenable"})


def ready_for(noun: Token) -> bool:
    """Is a nominal act what its clause's subject declares itself ready for ("X is ready for
    talks with Y", "open to dialogue with Y")? Such an act is offered (03x), not done."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ in {"for", "to"}
        and noun.head.head.lemma_.lower() in _READY
    )
