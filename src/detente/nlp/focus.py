"""The pair in focus: who an act is done to when a text about two countries leaves it out.

A page about Iraq–Kuwait relations writes "On 2 August 1990, Iraq launched a full-scale
invasion" and "Kuwait later withdrew from the agreement": the act has a source and no target
in its clause, because the reader knows the text is about the two of them. detente codes
such an act as done to the other country of the pair when

* the act is one that is always done to someone (``focus_roots`` in
  ``codebook/data/discourse.yaml``; statements and appeals are often addressed to no one);
* the document has a pair in focus: the two countries its title names ("Iraq–Kuwait
  relations"), else its two most named countries so far, each named at least
  ``focus_min_mentions`` times, with no third country close (``focus_ratio``);
* its source is one country of that pair, and its sentence names no country outside it;
* it is an act the sentence tells as its news: the main verb, or the object or subject of
  the main verb ("launched an invasion"), dated by a time expression of its own. An act
  inside another's argument ("accused Iran of supporting", "interest in the sale of") or
  told in passing without a date is left alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from detente.codebook.discourse import discourse_facts
from detente.model import Actor
from detente.nlp.mentions import mentions_in
from detente.nlp.triggers import Trigger

if TYPE_CHECKING:
    from detente.nlp.actors import ActorResolver


def title_pair(doc: Doc) -> tuple[str, str] | None:
    """The two countries a document's title names ("Armenia–Azerbaijan relations", "Egypt–
    Israel peace treaty", "Greek–Turkish relations"): the first line, when it is a heading
    (short, no closing full stop) naming exactly two countries."""
    text = doc.text
    lead = len(text) - len(text.lstrip())
    end = text.find("\n", lead)
    end = len(text) if end < 0 else end
    line = text[lead:end].strip(" =|")
    if not line or len(line.split()) > 12 or line.endswith((".", "?", "!")):
        return None
    span = doc.char_span(lead, end, alignment_mode="expand")
    if span is None:
        return None
    found = list(dict.fromkeys(m.code for m in mentions_in(span) if m.is_country and m.code))
    return (found[0], found[1]) if len(found) == 2 else None


def pair_in_focus(resolver: ActorResolver) -> tuple[str, str] | None:
    """The document's pair in focus: its title's pair, else its dominant pair of countries
    so far, if it has one."""
    if resolver.title_pair is not None:
        return resolver.title_pair
    facts = discourse_facts()
    top = resolver.focus.most_common(3)
    if len(top) < 2 or top[1][1] < facts.focus_min_mentions:
        return None
    if len(top) == 3 and top[2][1] > facts.focus_ratio * top[1][1]:
        return None
    return top[0][0], top[1][0]


_NOUN_ARGS = {"dobj", "nsubj", "nsubjpass", "attr"}
_TEMPORAL = {"since", "after", "when", "before", "until", "once", "as"}


def _main_act(tok: Token, noun: bool) -> bool:
    """Is ``tok`` the main act of its sentence (or of a clause coordinated with it)?"""
    t = tok
    if noun:
        if t.dep_ not in _NOUN_ARGS:
            return False
        t = t.head
    while t.dep_ == "conj" or (
        # "... since Russia invaded the peninsula in 2014": a temporal clause narrates too.
        t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TEMPORAL for c in t.children)
    ):
        t = t.head
    return t.dep_ == "ROOT"


def focus_targets(
    trig: Trigger, sources: list[Actor], resolver: ActorResolver, dated: bool
) -> list[Actor]:
    """The other country of the pair in focus, for a targetless act of one of its countries
    (``dated``: the act has a date of its own)."""
    if trig.reciprocal or trig.domestic or not dated:
        return []
    if not _main_act(trig.tok, trig.verb is None):
        return []
    code = trig.code.partition(":")[0]
    if code[:2] not in discourse_facts().focus_roots:
        return []
    return other_of_pair(sources, resolver)


def other_of_pair(sources: list[Actor], resolver: ActorResolver) -> list[Actor]:
    """The other country of the pair in focus, when the sources are one of its countries and
    the sentence names no third country."""
    pair = pair_in_focus(resolver)
    if pair is None:
        return []
    countries = {a.country for a in sources}
    if len(countries) != 1 or not countries <= set(pair):
        return []
    if any(c not in pair for c in resolver.sentence_countries):
        return []  # "Russia deployed troops in Syria": the act's place is a third country
    other = pair[1] if pair[0] in countries else pair[0]
    return [Actor(other, "")]


def mutual_partners(trig: Trigger, sources: list[Actor]) -> list[Actor]:
    """For a verb whose act is mutual by nature (``mutual_lemmas``) with two countries or
    more as its subject and no partner named ("Peru and Chile agreed to resume talks"), the
    subject's parties themselves: each does the act to each other."""
    if trig.verb is None or trig.tok.lemma_.lower() not in discourse_facts().mutual_lemmas:
        return []
    if len({a.country for a in sources}) < 2:
        return []
    if any(c.dep_ == "ccomp" for c in trig.tok.children):
        return []  # "X and Y agreed that ...": a shared view, not an act on each other
    return list(sources)


def definite_pair_group(tok: Token, resolver: ActorResolver) -> list[str] | None:
    """ "the parties", "the neighbours", "the belligerents" (definite, plural, no other
    modifier): the pair in focus, when the text has one (``pair_group_nouns``)."""
    if tok.tag_ not in {"NNS", "NNPS"} or tok.lemma_.lower() not in discourse_facts().pair_nouns:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    if any(c.dep_ in {"amod", "compound", "nummod", "poss", "nmod"} for c in tok.children):
        return None  # "the opposition parties", "the two parties" (counted: the caller's)
    pair = pair_in_focus(resolver)
    return list(pair) if pair else None


def _pair_subject(noun: Token) -> bool:
    """Is the noun the object of a verb whose subject counts two ("The two Koreas' officials
    held a meeting", "both sides' delegates held talks")?"""
    if noun.dep_ != "dobj":
        return False
    subj = [c for c in noun.head.children if c.dep_ == "nsubj"]
    return any(
        t.lower_ in {"two", "both"} and t.dep_ in {"nummod", "det", "predet", "preconj"}
        for s in subj
        for t in s.subtree
    )


def named_act_of_pair(trig: Trigger, resolver: ActorResolver, dated: bool) -> list[Actor]:
    """A named mutual act with no parties ("after the Football War in 1969", "the Six-Day
    War in 1967"), or a reciprocal act with no parties that is the news of its sentence
    ("Talks resumed in 2005"), in a text with a pair in focus, dated and in a sentence that
    names no other country: the two countries of the pair (each does it to the other)."""
    if trig.noun is None or not (trig.noun.mutual or trig.noun.reciprocal) or not dated:
        return []
    named = trig.noun.mutual and (trig.tok.pos_ == "PROPN" or trig.tok.text[:1].isupper())
    subject = trig.tok.dep_ in {"nsubj", "nsubjpass"} or _pair_subject(trig.tok)
    if not named and not (subject and _main_act(trig.tok, True)):
        # "a war", "the war" in passing is left alone; "Talks resumed in 2005", "Negotiations
        # continued from 1995 to 2018" tell the pair's own act as the sentence's news. As an
        # object the act is its subject's ("the opposition parties signed a treaty").
        return []
    pair = pair_in_focus(resolver)
    if pair is None or any(c not in pair for c in resolver.sentence_countries):
        return []
    return [Actor(c, trig.tok.text) for c in pair]
