"""Collective and unnamed actors: a country's people, its legislature, groups without a
country, and plural pronouns that point back at a group of people.

Used by :class:`detente.nlp.actors.ActorResolver`; these are conventions of event coding
(Phoenix/ICEWS, the gold guide), not vocabulary:

* a bare plural demonym as a noun ("Zimbabweans protested", "Americans criticized the
  government") names the country's people: its civilians (CVL), not its state. "The
  Soviets", "the Americans" with an article stay the country, as histories write of states;
* a legislature named as a proper noun without a country ("Congress passed", "Parliament
  voted") is the legislature of the country the story is about, as "the government" is;
* under ``--domestic``, a role with no country ("militants", "opposition lawmakers") takes
  the story's country when the discourse has one clearly ahead of the others;
* "they"/"them": the reporter of a reported clause ("rebel fighters announced they have
  suspended attacks"), and an object "them" the last group of people named before it
  ("police raided a rally of activists and arrested them").
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from detente.model import Actor
from detente.nlp.mentions import Mention, mention_at

if TYPE_CHECKING:
    from detente.nlp.actors import ActorResolver

#: Tags of a demonym used as a noun naming people.
_NOUN_TAGS = frozenset({"NNS", "NNPS", "NNP", "NN"})
#: Sectors of the state: a plural pronoun's antecedent for "them" must be people, not these.
_STATE = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP"})
#: Plural role nouns that name the legislators of the place the story is about, bare.
_LOCAL_LEGISLATORS = frozenset({"lawmaker", "legislator", "parliamentarian", "deputy", "mp"})
#: Nouns that gather people: their modifier's role is theirs ("rebel factions" are rebels,
#: "opposition supporters" the opposition), unlike "military exercises" or a "military
#: alliance" (of states).
COLLECTIVE_HEADS = frozenset(
    {"faction", "group", "member", "supporter", "follower", "unit", "wing", "bloc", "camp",
     "loyalist", "sympathizer", "sympathiser", "movement", "association", "organization",
     "organisation", "fighter"}
)  # fmt: skip
#: Names of a legislature that, capitalized, are the story's country's own.
_LEGISLATURES = frozenset({"congress", "parliament", "senate"})
#: Arguments a pronoun's antecedent may fill.
_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"})


def people_of_country(tok: Token, m: Mention) -> bool:
    """Is ``tok`` a bare plural demonym used as a noun ("Zimbabweans", "thousands of
    Iraqis"): the country's people rather than its state?"""
    if m.kind != "demonym" or not m.code or m.end - m.start != 1 or tok.i != m.start:
        return False
    low = tok.lower_
    if tok.tag_ not in _NOUN_TAGS or not low.endswith("s") or low.endswith("ss"):
        return False  # "Swiss", "Chinese": no plural to tell people from the state
    if any(c.dep_ in {"det", "poss"} for c in tok.children):
        return False  # "the Americans", "the Israelis": in histories, the state
    return tok.dep_ in _ARG_DEPS


def proper_legislature(tok: Token, m: Mention | None, sector: str | None) -> bool:
    """ "Congress", "Parliament", "the Senate" written as a name: definite by itself."""
    return (
        m is not None
        and m.kind == "agent"
        and sector == "LEG"
        and m.end - m.start == 1
        and tok.text[:1].isupper()
        and tok.lower_ in _LEGISLATURES
    )


def local_legislators(tok: Token, sector: str | None) -> bool:
    """Bare plural "lawmakers", "legislators": the legislators of the story's country."""
    return (
        sector in {"LEG", "OPP"} and tok.tag_ == "NNS" and tok.lemma_.lower() in _LOCAL_LEGISLATORS
    )


def story_country(doc: Doc) -> str | None:
    """The country a domestic story is about when its discourse does not say it locally:
    the country the whole story names most, at least twice and more than any other (a
    story's country is a property of the story, not of the sentences read so far)."""
    cached = doc.user_data.get("detente_story_country")
    if cached is None:
        counts = Counter(m.code for m in doc._.mentions or () if m.is_country and m.code)
        top = counts.most_common(2)
        ok = top and top[0][1] >= 2 and (len(top) == 1 or top[1][1] < top[0][1])
        cached = (top[0][0] if ok else "",)
        doc.user_data["detente_story_country"] = cached
    return cached[0] or None


def _plural_head(t: Token) -> bool:
    return t.tag_ in {"NNS", "NNPS"} and t.dep_ in _ARG_DEPS


def plural_antecedent(pron: Token, resolver: ActorResolver, date: str | None) -> list[Actor]:
    """The group "they"/"them" refers to, when English makes it plain; else nothing."""
    low = pron.lower_
    verb = pron.head
    if low == "they" and pron.dep_ in {"nsubj", "nsubjpass"} and verb.dep_ == "ccomp":
        # "Rebel fighters announced they have suspended attacks": the reporter speaks of itself.
        subj = [c for c in verb.head.children if c.dep_ == "nsubj" and _plural_head(c)]
        if subj:
            return _as_pronoun(pron, resolver.resolve(subj[0], date))
        return []
    if low == "they" and pron.dep_ == "nsubj" and verb.dep_ == "ROOT":
        return _previous_plural_subject(pron, resolver, date)
    if low != "them" or pron.dep_ not in {"dobj", "pobj"}:
        return []
    own = {c.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}}
    sent = pron.sent
    previous = _previous_sentence(sent)
    candidates = [t for t in reversed(sent[: pron.i - sent.start]) if t.i not in own]
    if previous is not None:
        candidates += list(reversed(previous))
    for t in candidates:
        if not _plural_head(t) or t.pos_ == "PRON":
            continue
        found = resolver._resolve_head(t, date)
        people = [a for a in found if a.code[3:6] and a.code[3:6] not in _STATE]
        if people:
            return _as_pronoun(pron, people)
    return []


def _as_pronoun(pron: Token, actors: list[Actor]) -> list[Actor]:
    return [Actor(a.code, pron.text, pron.idx, pron.idx + len(pron)) for a in actors]


def _previous_sentence(sent: Span) -> Span | None:
    if sent.start == 0:
        return None
    return sent.doc[sent.start - 1].sent


def named_institution(
    tok: Token, index: object | None, date: str | None
) -> tuple[str, int, int] | None:
    """ "the Royal Navy", "Royal Navy personnel": a proper name made with a role word,
    which the actor dictionary lists whole (GBRMIL); read before the role word alone
    would give it the country of the sentence. Returns (code, start, end)."""
    if index is None:
        return None
    doc = tok.doc
    compounds = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    for last in (tok, *compounds[-1:]):
        if last.pos_ != "PROPN":
            continue
        start = last.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
            start -= 1
        span = doc[start : last.i + 1]
        marks = [mention_at(t) for t in span]
        if len(span) < 2 or marks[-1] is None or marks[-1].kind != "agent":
            continue  # "President Musharraf": a titled person; the usual readings apply
        if any(m is not None and m.kind != "agent" for m in marks):
            continue  # "Pakistan Army": the country's name already says it
        hit = index.longest_match([t.text for t in span], 0, date)  # type: ignore[attr-defined]
        if hit and hit[0] == len(span):
            code = hit[1].code_at(date)
            if code:
                return code, start, last.i + 1
    return None


def it_antecedent(pron: Token, resolver: ActorResolver, date: str | None) -> list[Actor]:
    """ "The rebel group met envoys on Monday. It rejected their offer": a main-clause "it"
    that opens its sentence is the subject of the sentence before, when that subject is
    an actor (a country, a group, an organisation; not a person nor a thing)."""
    if pron.lower_ != "it" or pron.dep_ != "nsubj" or pron.head.dep_ != "ROOT":
        return []
    if any(t.dep_ in {"nsubj", "nsubjpass"} for t in pron.sent if t.i < pron.i):
        return []
    previous = _previous_sentence(pron.sent)
    if previous is None:
        return []
    subj = [c for c in previous.root.children if c.dep_ == "nsubj"]
    if len(subj) != 1 or subj[0].pos_ == "PRON" or subj[0].tag_ in {"NNS", "NNPS"}:
        return []
    found = resolver._resolve_head(subj[0], date)
    if len(found) != 1 or subj[0].ent_type_ == "PERSON":
        return []
    return _as_pronoun(pron, found)


#: State sectors whose former members are elites (CAMEO ELI: former officials).
_OFFICES = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP"})


def domestic_sector(tok: Token, m: Mention | None, sector: str | None) -> str | None:
    """Under --domestic, the sector of a phrase with no country that still names someone of
    the story's country: "a former general" holds no office, an elite (ELI, as CAMEO codes
    former officials); "Senate Democrats", "Labour MPs": a named party's members, with the
    role of their modifier (a plural proper name after a role word)."""
    former = any(c.dep_ == "amod" and c.lower_ in {"former", "ex"} for c in tok.children)
    if former and sector in _OFFICES and m is not None and m.kind == "agent":
        return "ELI"
    if m is None and sector and tok.tag_ == "NNPS":
        return sector
    return None


def home_possessor(tok: Token) -> bool:
    """ "the country's government", "the nation's army": as definite as "the government"."""
    return any(
        c.dep_ == "poss"
        and c.lemma_.lower() in {"country", "nation"}
        and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)
        for c in tok.children
    )


def _previous_plural_subject(pron: Token, resolver: ActorResolver, date: str | None) -> list[Actor]:
    """ "Nurses marched through Lagos. They demanded ...": "they" opening a sentence is the
    plural subject of the sentence before, when that names people of one country with a
    role (a group of several countries is the resolver's ``last_group``)."""
    if any(t.dep_ in {"nsubj", "nsubjpass"} for t in pron.sent if t.i < pron.i):
        return []
    previous = _previous_sentence(pron.sent)
    if previous is None:
        return []
    subj = [c for c in previous.root.children if c.dep_ == "nsubj" and _plural_head(c)]
    if len(subj) != 1:
        return []
    found = resolver.resolve(subj[0], date)
    if len({a.country for a in found}) != 1 or not all(a.code[3:6] for a in found):
        return []
    return _as_pronoun(pron, found)
