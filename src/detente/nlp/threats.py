"""Implicit threats and refusals: a hostile act an actor says it will do, or will do unless its
demand is met, is a threat (GUIDE: "threat, explicit or implicit → 13x"; PLOVER THREATEN), not
the act; a cooperative act it says it will not do is a refusal (CAMEO 12x; PLOVER REJECT:
"said it would not attend the summit", "vowed never to accept the plan").

"The union said it would strike if the board did not settle", "Hamas said it will attack
Israel unless the siege is lifted", "the rebels vowed to seize the capital": the act itself
is irrealis (GUIDE R2) and is not coded; the statement of it is a threat (CAMEO 13x).
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.nlp.modality import to_infinitive_complement

#: Future and possibility modals that turn a stated hostile act into a threat.
_FUTURE = {"will", "would", "'ll", "wo", "might", "could", "shall"}
#: Verbs that report the actor's own statement of what it will do (not "threaten"/"warn",
#: which are threats themselves and coded as such).
_STATING = {
    "say", "tell", "announce", "declare", "state", "insist", "add", "signal", "vow",
    "pledge", "promise", "swear", "affirm", "stress", "reiterate", "repeat",
}  # fmt: skip
_PROMISING = {"vow", "pledge", "promise", "swear"}
#: Verbs of planning: a hostile act an actor plans or intends is held over its object
#: ("the junta plans to ban the party", "police intend to arrest the organisers"; NGEC
#: THREATEN: "threaten to ban, arrest, expel").
_PLANNING = {"plan", "intend"}
_CONDITIONS = {"if", "unless"}
#: Verbs of weighing a step: a hostile step an actor says it weighs is held over the other
#: side (NGEC THREATEN: "threaten to ban, restrict, expel"), not a neutral option.
_WEIGHING = {"consider", "mull", "weigh", "contemplate"}
#: Readiness: a hostile act an actor is ready to do is held out as a threat.
_READY = {"ready", "prepared", "willing"}

#: Verbs whose subject undergoes what a threat holds out ("X would face consequences"): the
#: threat is the speaker's, aimed at the subject (event_patterns.yaml codes them 13x).
UNDERGONE = frozenset({"face"})

#: The threat a stated hostile act makes, by the act's CAMEO root (CAMEO 1.1b3 13x).
THREAT_OF_ROOT = {
    "14": "133",  # protest, strike → threaten political dissent
    "16": "131",  # reduce relations, sanctions → threaten non-force
    "17": "137",  # coerce, repress → threaten with repression
    "18": "138",  # unconventional violence → threaten military force
    "19": "138",  # fight
    "20": "138",  # mass violence
}


def _conditioned(tok: Token) -> bool:
    """Does the act carry a condition ("... if Y does not settle", "unless Y withdraws")?"""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children)
        for c in tok.children
    )


def threat_frame(tok: Token) -> bool:
    """Is this irrealis verb an act its own agent says it will do, i.e. a threat?

    Stated in the future under a verb of saying ("said it would attack"), made conditional
    on the other side ("will strike unless ..."), or vowed ("vowed to seize").
    """
    if any(c.dep_ == "auxpass" for c in tok.children):
        return False  # "could be banned": the subject undergoes it; who threatens is unsaid
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS | {"whether"} for c in tok.children):
        return False  # inside the condition itself
    future = any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in tok.children)
    head = tok.head
    # The statement may come first ("Chad said it would ban the party") or after what was
    # said, as wire copy puts it ("Chad could ban the party, its interior minister said").
    stated = tok.dep_ == "ccomp" and head.i != tok.i and head.lemma_.lower() in _STATING
    if future and (stated or _conditioned(tok)):
        return True
    if tok.dep_ == "xcomp" and tok.tag_ == "VBG" and head.lemma_.lower() in _WEIGHING:
        # "the government is considering banning the party": a coercive step held out.
        return True
    if tok.dep_ == "xcomp" and head.lower_ in _READY:
        # "the union said it was prepared to strike", "ready to use force": held out.
        return True
    if tok.dep_ == "acl" and _announced_plan(tok):
        # "Morocco announced a plan to invade Algeria", "unveiled plans to expel the envoys".
        return True
    complement = tok.dep_ == "xcomp" or to_infinitive_complement(tok)
    if complement and head.lemma_.lower() in _PLANNING:
        return _present(head)
    return complement and head.lemma_.lower() in _PROMISING


def _present(verb: Token) -> bool:
    """Is the verb in the present ("plans", "is planning")? A plan the news reports now is
    held over its object; a plan history tells ("Germany planned to invade Britain") was
    not announced to anyone."""
    if verb.tag_ in {"VBZ", "VBP"}:
        return True
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in {"VBZ", "VBP"} for c in verb.children
    )


#: Nouns of a plan or resolve whose infinitive is the act planned ("a plan to invade").
_PLAN_NOUNS = {"plan", "intention", "intent", "decision", "readiness", "determination"}
#: Verbs that make a plan public: the planner holds the planned act over the other side.
_DISCLOSING = _STATING | {"unveil", "reveal", "outline", "disclose", "present", "publish"}


#: Nouns of an act held out as possible, and the verbs that hold it out ("raised the
#: possibility of sanctions", "floated the prospect of a ban on the party").
_PROSPECTS = frozenset({"possibility", "prospect", "option", "spectre", "specter"})
_HOLDING_OUT = frozenset({"raise", "float", "hold", "mention", "evoke", "table", "moot"})


def held_out_by(noun: Token) -> Token | None:
    """The verb whose subject holds out the hostile act a noun names as a possibility
    ("Sweden floated the possibility of a ban on the general"), or None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of":
        return None
    frame = prep.head
    if frame.lemma_.lower() not in _PROSPECTS or frame.dep_ != "dobj":
        return None
    verb = frame.head
    return verb if verb.lemma_.lower() in _HOLDING_OUT else None


def weighed(noun: Token) -> bool:
    """Is the nominal act what its clause's subject weighs ("the union is considering a
    strike", "Brussels is weighing sanctions")? Like "considering banning", a threat."""
    verb = noun.head
    return noun.dep_ == "dobj" and verb.lemma_.lower() in _WEIGHING and _present(verb)


def plan_announcer(tok: Token) -> Token | None:
    """The verb that announces the plan whose act ``tok`` is, or None."""
    return tok.head.head if tok.dep_ == "acl" and _announced_plan(tok) else None


def _announced_plan(tok: Token) -> bool:
    """Is this infinitive the act of a plan its planner announces ("announced a plan to
    invade Fiji", "declared its intention to annex the island")?"""
    noun = tok.head
    return (
        any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and noun.lemma_.lower() in _PLAN_NOUNS
        and noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in _DISCLOSING
    )


#: The refusal a stated "will not" makes, by the cooperative act's CAMEO root (CAMEO 12x).
REFUSAL_OF_ROOT = {
    "03": "120",  # will not agree, commit → reject
    "04": "125",  # will not meet, attend, negotiate → reject proposal to meet
    "05": "120",  # will not endorse, recognise, cooperate → reject
    "06": "121",  # will not cooperate materially → reject material cooperation
    "07": "122",  # will not give aid → reject request for aid
    "08": "124",  # will not yield, release, lift → refuse to yield
}


def implicit_code(code: str, negated: bool) -> str | None:
    """The threat a stated hostile act makes, or the refusal a stated negated cooperative act
    makes; None when the statement is neither (a promise to help, a pledge not to attack)."""
    if code[:2] == "13" and not negated:
        # A pattern that codes the statement as a threat already ("said it would use force",
        # PETRARCH's WOULD * FORCE [138]) keeps its own code.
        return code
    return (REFUSAL_OF_ROOT if negated else THREAT_OF_ROOT).get(code[:2])
