"""Names a divided country's two states share, and the words that name both at once.

Texts about the two Koreas (or the two Sudans, China and Taiwan) name the states by halves
("the North accepted an invitation from the South", "the South's territory") and their
dealings by one adjective ("the inter-Korean summit", "cross-Strait talks"). Both are facts
of English listed in ``codebook/data/discourse.yaml`` (``divided_halves``,
``pair_adjectives``); this module reads them off the parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from detente.codebook.discourse import discourse_facts
from detente.model import Actor

if TYPE_CHECKING:
    from detente.nlp.actors import ActorResolver

_HALVES = {"north", "south"}
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-"})


def pair_adjective_parties(noun: Token) -> list[Actor]:
    """The two states an adjective before ``noun`` names together ("the inter-Korean summit",
    "cross-Strait talks"), or none."""
    doc = noun.doc
    start = noun.left_edge.i
    if start >= noun.i:
        return []
    table = discourse_facts().pair_adjectives
    span = doc[start : noun.i]
    offset = span.start_char
    text = span.text.translate(_DASHES).lower()
    pos = 0
    for word in text.split():
        at = text.index(word, pos)
        pos = at + len(word)
        codes = table.get(word.strip(",;"))
        if codes:
            begin = offset + at
            return [Actor(c, span.text[at:pos], begin, begin + len(word)) for c in codes]
    return []


def divided_half(tok: Token, resolver: ActorResolver) -> list[str] | None:
    """ "the North", "the South's territory": the state of that half, in a text that has
    named both states of a divided country (a capitalised, definite, unmodified half)."""
    if tok.lower_ not in _HALVES or not tok.text[:1].isupper():
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    if any(c.dep_ in {"amod", "compound", "nmod", "nummod"} for c in tok.children):
        return None
    named = set(resolver.focus) | set(resolver.title_pair or ())
    for halves in discourse_facts().divided_halves:
        if set(halves.values()) <= named:
            code = halves.get(tok.lower_)
            return [code] if code else None
    return None


def among(named: list[Actor], parties: list[Actor]) -> bool:
    """Do ``named`` only name again countries of ``parties``? ("the inter-Korean summit ...
    between Moon Jae-in, President of South Korea, and ...": the between-phrase names the
    pair the adjective named, not a third party.)"""
    countries = {a.country for a in parties}
    return all(a.country in countries for a in named)
