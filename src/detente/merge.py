"""When two reports are the same event: the merge rule of the store.

A *mention* is one event read from one sentence of one document. The store keeps every
mention and groups them into events; ``sources`` is the number of distinct documents that
report an event, ``mentions`` the number of sentences. Counting acts rather than sentences
is what the relation indexes need, so the rule errs on the side of keeping acts apart:

* **Same act, always:** same source, target, CAMEO code and negation, and *compatible*
  dates: equal at the finest precision both give (``2011`` and ``2011-03`` are compatible,
  ``2011-03`` and ``2011-05`` are not; ``199`` — the 1990s — and ``1994`` are).
* **Across documents** that is enough, except that an undated report joins only an undated
  event (nothing shows that it speaks of the dated act).
* **Within one document** a second mention must also *restate* the first: the same
  sentence read twice, the same sentence repeated (a caption repeating the lead), or an
  anaphoric mention — the act named with a definite, demonstrative or possessive
  determiner ("the visit", "this agreement", "his visit to Germany"). Two plain statements
  ("France condemned Germany in 2011. France condemned Germany again in 2011.") are two acts.

An event's date is the finest date among its mentions; since every mention is compatible
with the event's date when it joins, all of them lie on one chain (``2011`` ⊃ ``2011-06`` ⊃
``2011-06-03``) and the finest is well defined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from detente.model import Event

__all__ = ["Candidate", "compatible", "finer", "restates"]

#: Closed-class words that make a noun phrase refer back to something already said. A
#: grammatical constant of English (not vocabulary to grow), hence kept here.
_ANAPHORIC_DETERMINERS = (
    "the",
    "this",
    "that",
    "these",
    "those",
    "such",
    "its",
    "his",
    "her",
    "their",
)
_WORD = re.compile(r"\w+(?:'\w+)?")


def compatible(a: str | None, b: str | None) -> bool:
    """Dates that agree at the finest precision both give (``None`` agrees only with ``None``).

    Dates are ISO partial dates or TIMEX3 values. The shorter must be a prefix of the
    longer ending at a field boundary (``2011`` / ``2011-03``), or a decade or century
    (``199`` / ``1994``); any other pair is compared whole (``2011-Q1`` ≠ ``2011-03``).
    """
    if a is None or b is None:
        return a is b
    if a == b:
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if not long_.startswith(short):
        return False
    nxt = long_[len(short)]
    if nxt == "-":
        return True
    # "199" (the 1990s) or "19" (the 20th century) against a year of that decade/century.
    return short.isdigit() and len(short) < 4 and nxt.isdigit()


def finer(a: str | None, b: str | None) -> str | None:
    """The more precise of two compatible dates (the longer value)."""
    if a is None:
        return b
    if b is None:
        return a
    return b if len(b) > len(a) else a


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _anaphoric(event: Event) -> bool:
    """Is the act named by a noun phrase that refers back ("the visit", "his visit")?

    The trigger's first word is looked up in its sentence; a determiner up to two words
    before it ("the historic visit", "the pact Brazil signed") marks a referring phrase.
    """
    trigger = _words(event.trigger)
    if not trigger:
        return False
    words = _words(event.sentence)
    for i, word in enumerate(words):
        if word == trigger[0] and any(
            w in _ANAPHORIC_DETERMINERS for w in words[max(0, i - 3) : i]
        ):
            return True
    return False


def _normalised(sentence: str) -> str:
    return " ".join(_words(sentence))


def restates(earlier: Event, later: Event) -> bool:
    """Does ``later`` (a mention in the same document) restate the act of ``earlier``?"""
    if earlier.start == later.start:
        return True  # one sentence read twice (two verbs, two paths to one act)
    if _normalised(earlier.sentence) == _normalised(later.sentence):
        return True  # a repeated sentence: a caption or summary restating the lead
    return _anaphoric(later)


@dataclass(slots=True)
class Candidate:
    """An event a new mention may join: its id, its date so far and its mentions per document."""

    event_id: str
    date: str | None
    mentions: dict[str, list[Event]] = field(default_factory=dict)

    def accepts(self, mention: Event, doc_id: str) -> bool:
        """The merge rule (module docstring) for one mention of document ``doc_id``."""
        own = self.mentions.get(doc_id)
        if own:
            # Within a document the date may be left implicit by an anaphoric mention
            # ("the visit"), but must not contradict the event's date.
            dated = mention.date is not None and self.date is not None
            if dated and not compatible(self.date, mention.date):
                return False
            return any(restates(m, mention) for m in own)
        return compatible(self.date, mention.date)

    def add(self, mention: Event, doc_id: str) -> None:
        self.mentions.setdefault(doc_id, []).append(mention)
        self.date = finer(self.date, mention.date)
