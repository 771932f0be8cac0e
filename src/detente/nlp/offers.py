"""Offers, invitations and proposals told through their answer.

"Bolivia accepted Peru's offer of talks", "Chile declined Argentina's invitation": the one
who accepts or declines is the one the offer was made to (its target), and the possessor or
the "from"-phrase made it (its source). A fact of English used by :mod:`detente.nlp.roles`.
"""

from __future__ import annotations

from spacy.tokens import Token

#: Verbs whose subject answers an offer made to it ("accepted / declined the invitation").
ANSWERING_VERBS = frozenset(
    {"accept", "welcome", "receive", "decline", "reject", "refuse", "rebuff", "spurn", "heed",
     "embrace", "turn", "take"}
)  # fmt: skip
#: What is answered: things offered or asked for ("received Russian support" is no answer).
OFFERED = frozenset(
    {"offer", "proposal", "invitation", "proposition", "suggestion", "overture", "request",
     "plea", "appeal"}
)  # fmt: skip


def answered(noun: Token) -> bool:
    """Is ``noun`` an offer or a request that is the object of a verb by which its addressee
    answers it?"""
    return (
        noun.lemma_.lower() in OFFERED
        and noun.dep_ in {"dobj", "nsubjpass"}
        and noun.head.pos_ in {"VERB", "AUX"}
        and noun.head.lemma_.lower() in ANSWERING_VERBS
    )
