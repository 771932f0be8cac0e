"""Participants: who takes part in an act when the clause does not name them plainly.

Hyphenated pairs ("Pak-Russia"), countries' adjectives ("the Turkish invasion"), the
relations' own parties ("China-Russian relations"), the two countries just named or in focus
("diplomatic relations were severed"), counted groups ("the four countries"), partners named
with a subject ("X along with Y"). Used by :mod:`detente.nlp.roles`.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.model import Actor
from detente.nlp.actors import ActorResolver, mention_at
from detente.nlp.sentences import sentence_of
from detente.nlp.shared_names import pair_adjective_parties


def with_hyphen_partners(
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


#: Nouns that name the relations between two states ("ties were restored").
RELATION_NOUNS = frozenset({"relation", "tie", "relationship"})


def unique(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for a in actors:
        if a.code not in {b.code for b in out}:
            out.append(a)
    return out


#: People an act of coercion or release is done to, when no role dictionary names them.
_PEOPLE = {
    "prisoner", "hostage", "detainee", "national", "citizen", "captive", "crew", "people",
    "man", "woman", "fisherman", "sailor", "tourist", "worker", "student", "suspect",
}  # fmt: skip


def names_people(tok: Token) -> bool:
    m = mention_at(tok)
    return (
        tok.ent_type_ in {"PERSON", "NORP"}
        or (m is not None and m.kind in {"agent", "person"})
        or tok.lemma_.lower() in _PEOPLE
    )


def demonym_actor(tok: Token) -> list[Actor]:
    m = mention_at(tok)
    if m is None or not m.is_country or not m.code:
        return []
    doc = tok.doc
    last = doc[m.end - 1]
    return [Actor(m.code, doc[m.start : m.end].text, doc[m.start].idx, last.idx + len(last))]


def countries_between(doc_tokens: list[Token]) -> list[Actor]:
    out: list[Actor] = []
    seen: set[int] = set()
    for t in doc_tokens:
        m = mention_at(t)
        if t.i in seen or m is None or not m.is_country or not m.code:
            continue
        seen |= set(range(m.start, m.end))
        if m.code not in {a.code for a in out}:
            out += demonym_actor(t)
    return out


def recent_pair(tok: Token, resolver: ActorResolver) -> list[Actor]:
    """The two countries a clause about "relations" or "ties" without named parties is about:
    those named earlier in the sentence, else in the sentence before, else the two the text
    is about (GUIDE R4: reciprocal acts go both ways)."""
    sent = sentence_of(tok)
    doc = tok.doc
    start = sent.start
    for t in doc[sent.start : tok.i]:
        if "\n" in t.text_with_ws:
            start = t.i + 1  # a line break the parser ran across ends a sentence too
    before = countries_between(list(doc[start : tok.i]))
    if len(before) == 2:
        return before
    if not before and start > 0:
        prev = sentence_of(doc[start - 1])
        earlier = countries_between(list(prev))
        if len(earlier) == 2:
            return earlier
    dyad = resolver.dyad_in_focus()
    if len(dyad) == 2 and {a.country for a in before} <= set(dyad):
        # Nothing else named, or only one of the two ("the Ethiopian Prime Minister ...").
        return [Actor(c, tok.text, -1, -1) for c in dyad]
    return []


def phrase_parties(rel: Token, resolver: ActorResolver, date: str | None) -> list[Actor] | None:
    """The parties a "relations"/"ties" phrase names itself ("between X and Y", "their",
    "China-Russian"); None when it names none, [] when it names only one."""
    parties: list[Actor] = []
    for c in rel.children:
        if c.dep_ == "prep" and c.lower_ in {"between", "among", "with"}:
            parties += [
                a for p in c.children if p.dep_ == "pobj" for a in resolver.resolve(p, date)
            ]
        elif c.dep_ == "poss":
            parties += resolver.resolve(c, date)
        elif c.dep_ in {"amod", "compound", "nmod"}:
            found = resolver.resolve(c, date) or demonym_actor(c)
            parties += with_hyphen_partners(c, found, resolver, date) if found else []
    parties = unique(parties + pair_adjective_parties(rel))  # "inter-Korean relations"
    if not parties:
        return None
    return parties if len({a.country for a in parties}) >= 2 else []


#: Verbs whose passive tells that a reciprocal act took place ("a truce was reached").
_REALIZING_VERBS = {
    "sign", "conclude", "reach", "forge", "agree", "ink", "make", "achieve", "seal", "strike",
    "finalize", "finalise", "declare", "announce", "hold", "conduct", "open", "launch",
    "begin", "start", "broker", "negotiate", "establish",
}  # fmt: skip


#: Intransitive verbs whose subject is an act that happened ("the summit took place").
_HAPPENING_VERBS = {"occur", "happen", "convene"}


def happened(noun: Token) -> bool:
    """ "The summit took place", "a meeting occurred": the act is told as having happened,
    its parties are not named (the same as "a summit was held")."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if verb.lemma_.lower() in _HAPPENING_VERBS:
        return True
    return verb.lemma_.lower() == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children
    )


def agentless_passive_subject(noun: Token) -> bool:
    """ "A truce was forged": the act is told, its parties are not named."""
    if happened(noun):
        return True
    return (
        noun.dep_ == "nsubjpass"
        and noun.head.lemma_.lower() in _REALIZING_VERBS
        and not any(
            c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in noun.head.children
        )
    )


def relation_parties(
    verb: Token, subj_toks: list[Token], resolver: ActorResolver, date: str | None
) -> list[Actor]:
    """The parties of "relations/ties (between X and Y) were restored/cut off", an agentless
    passive of a reciprocal act whose subject names the relations themselves."""
    rel = [s for s in subj_toks if s.lemma_.lower() in RELATION_NOUNS]
    if not rel:
        return []
    return parties_or_context(verb, rel, resolver, date)


def parties_or_context(
    tok: Token, rel: list[Token], resolver: ActorResolver, date: str | None
) -> list[Actor]:
    named = [p for r in rel if (p := phrase_parties(r, resolver, date)) is not None]
    if named:
        return named[0]
    return recent_pair(tok, resolver)


_NUMBER_WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_COUNTED_NOUNS = {"country", "nation", "state", "government", "monarchy", "neighbour", "neighbor"}


def counted_group(subj_toks: list[Token], exclude: set[str]) -> list[Actor]:
    """ "The three countries", "the four states": the N countries named together just before
    (in this sentence before the phrase, else in the sentence before), other than the
    act's targets. Two-party groups ("both countries") are the actor resolver's."""
    for s in subj_toks:
        if s.lemma_.lower() not in _COUNTED_NOUNS or s.tag_ != "NNS":
            continue
        num = [c for c in s.children if c.dep_ == "nummod"]
        n = _NUMBER_WORDS.get(num[0].lower_) if num else None
        if n is None and num and num[0].text.isdigit():
            n = int(num[0].text)
        if not n or n < 3:
            continue
        doc = s.doc
        sent = sentence_of(s)
        spans = [list(doc[sent.start : s.left_edge.i])]
        if sent.start > 0:
            spans.append(list(sentence_of(doc[sent.start - 1])))
        for span in spans:
            named = [a for a in countries_between(span) if a.country not in exclude]
            if len(named) == n:
                return [Actor(a.code, s.text, s.idx, s.idx + len(s)) for a in named]
    return []


def co_subjects(subj: Token) -> list[Token]:
    """ "Saudi Arabia along with Bahrain and Egypt severed ties", "Russia, together with Iran,
    launched strikes": the partners named with the subject act with it."""
    out: list[Token] = []
    for c in subj.children:
        if c.dep_ != "prep":
            continue
        if c.lower_ == "along":
            out += [
                p for w in c.children if w.lower_ == "with" for p in w.children if p.dep_ == "pobj"
            ]
        elif c.lower_ == "with" and any(a.lower_ in {"together", "along"} for a in c.children):
            out += [p for p in c.children if p.dep_ == "pobj"]
    return out


def companion_prep(prep: Token) -> bool:
    """ "together with X", "along with X": those who act with the subject ("along its
    border with China" is a place)."""
    if prep.lower_ == "along":
        return any(w.lower_ == "with" and w.dep_ == "prep" for w in prep.children)
    return prep.lower_ == "with" and any(a.lower_ in {"together", "along"} for a in prep.children)
