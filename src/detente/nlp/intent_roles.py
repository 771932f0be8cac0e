"""Roles of promised acts (CAMEO 03x) that the clause around the act names (ncoop branch).

"Laos is open to working with Thailand": the one open to it promises the act, though the
gerund has no subject of its own. "Vietnam expressed its willingness to work with China":
the party of the act the willingness is for is the target of the expressed intent.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from detente.model import Actor
from detente.nlp.syntax import subject_tokens

__all__ = ["committed_clause", "intent_object_targets"]

#: Nouns of a will to act whose complement names the act and its party ("expressed
#: willingness to meet X", "showed interest in cooperation with Y").
_INTENT_NOUNS = frozenset({"willingness", "readiness", "desire", "interest", "intention", "wish"})


def committed_clause(verb: Token, promised_by: int | None) -> Token | None:
    """The clause whose subject commits to a gerund's act ("Laos is open to working with
    Thailand": "is"; "Chile was committed to providing aid": "committed"), or None."""
    if promised_by is None or verb.dep_ != "pcomp":
        return None
    head = verb.doc[promised_by]
    while head.dep_ in {"acomp", "xcomp"} and head.head.i != head.i:
        head = head.head
    return head if subject_tokens(head)[0] else None


def intent_object_targets(verb: Token, below: Callable[[Token], list[Actor]]) -> list[Actor]:
    """The party named in the complement of a will to act the verb's object names ("expressed
    its willingness to work with China" → China); ``below`` finds the actors under a token."""
    return [
        a
        for o in verb.children
        if o.dep_ == "dobj" and o.lemma_.lower() in _INTENT_NOUNS
        for c in o.children
        if c.dep_ in {"acl", "relcl", "xcomp"} or (c.dep_ == "prep" and c.lower_ == "in")
        for a in below(c)
    ]
