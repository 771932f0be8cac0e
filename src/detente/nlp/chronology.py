"""Give each event its own date, as the text gives it.

GDELT, ICEWS and PETRARCH stamp every event with the publication date; detente takes, in
order (issue #4): the time expression that governs the event's own clause (found through the
dependency parse), else a dated expression of the same sentence that governs no other act,
else the narrative reference time inherited from earlier sentences, else — only for present-
or future-tense sentences about current affairs — the publication date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from detente.model import Timex

_DATE_TYPES = {"DATE", "TIME"}
_PRESENT_TAGS = {"VBZ", "VBP"}


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str | None
    text: str | None
    source: str | None  # "own", "inherited", "pubdate" or None


NO_DATE = EventDate(None, None, None)


def _dated(timexes: Sequence[Timex]) -> list[Timex]:
    return [t for t in timexes if t.type in _DATE_TYPES and t.value and t.value[:1].isdigit()]


def timex_heads(doc: Doc, sent: Span, timexes: Sequence[Timex]) -> list[tuple[Timex, Token]]:
    """The dated expressions of a sentence with the syntactic head of each."""
    out = []
    for tx in _dated(timexes):
        if tx.start < sent.start_char or tx.end > sent.end_char:
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append((tx, span.root))
    return out


def governor(tok: Token, triggers: set[int]) -> Token:
    """The act a time expression modifies: climb from its head to the first trigger or verb."""
    t = tok
    while t.head.i != t.i:
        t = t.head
        if t.i in triggers or t.pos_ in {"VERB", "AUX"}:
            return t
    return t


def date_event(
    trigger: Token,
    sent: Span,
    heads: Sequence[tuple[Timex, Token]],
    triggers: set[int],
    timexes: Sequence[Timex],
    pubdate: str | None,
) -> EventDate:
    """The date of the act expressed by ``trigger`` (see module docstring)."""
    governed = {tx: governor(head, triggers) for tx, head in heads}
    # 1. A time expression attached to the trigger, or to a verb above it in the same
    #    clause complex ("In 1999, X visited Moscow and signed ...": the date covers both).
    t: Token | None = trigger
    seen = set()
    while t is not None and t.i not in seen:
        seen.add(t.i)
        own = [tx for tx, g in governed.items() if g.i == t.i]
        if own:
            tx = _most_precise(own)
            return EventDate(tx.value, tx.text, "own")
        if t.head.i == t.i:
            break
        t = t.head
    # 2. A dated expression of the sentence that governs no other act.
    free = [tx for tx, g in governed.items() if g.i not in triggers]
    if free:
        tx = _most_precise(free)
        return EventDate(tx.value, tx.text, "own")
    # 3. The narrative reference time in force.
    ref = reference_time(timexes, sent.start_char)
    if ref is not None:
        return EventDate(ref.value, ref.text, "inherited")
    # 4. The publication date, only for acts told in the present or future tense.
    if pubdate and _present_tense(trigger):
        return EventDate(pubdate, None, "pubdate")
    return NO_DATE


def reference_time(timexes: Sequence[Timex], offset: int) -> Timex | None:
    """The last dated expression with a year before ``offset``."""
    try:
        from detente.nlp.timex import reference_time_at
    except ImportError:  # pragma: no cover - the tagger is part of the package
        reference_time_at = None
    if reference_time_at is not None:
        return reference_time_at(list(timexes), offset)
    best = None
    for tx in _dated(timexes):
        if tx.end <= offset:
            best = tx
    return best


def _most_precise(txs: Sequence[Timex]) -> Timex:
    return max(txs, key=lambda tx: (len(tx.value or ""), -tx.start))


def _present_tense(tok: Token) -> bool:
    if tok.tag_ in _PRESENT_TAGS:
        return True
    return any(c.dep_ in {"aux", "auxpass"} and c.tag_ in _PRESENT_TAGS for c in tok.children)
