"""Coordinated verbs that tell one act: "Latvia was occupied and annexed by the Soviet Union".

Two verbs joined by "and" that give the same code between the same two countries in one
sentence tell one act (GUIDE R3: one event per act); it is coded once, with the more
precise date of the two ("occupied and annexed ... in 1940": the date hangs on the last).
"""

from __future__ import annotations

from detente.model import Event
from detente.nlp.triggers import Trigger


def _key(ev: Event) -> tuple[str, str, str, bool]:
    return ev.source[:3], ev.target[:3], ev.cameo, ev.negated


def merge_coordinated(
    coded: list[Event],
    trig: Trigger,
    out: list[Event],
    first_of_sentence: int,
    by_trigger: dict[int, int],
) -> list[Event]:
    """``coded`` without the events its verb's conjunct head already gave in this sentence;
    such an earlier event takes this one's date when it had none of its own."""
    tok = trig.tok
    if trig.verb is None or tok.dep_ != "conj" or tok.head.pos_ not in {"VERB", "AUX"}:
        return coded
    head = tok.head.i
    earlier = {
        _key(e): j
        for j in range(first_of_sentence, len(out))
        if by_trigger.get(id(e := out[j])) == head
    }
    kept = []
    for ev in coded:
        j = earlier.get(_key(ev))
        if j is None:
            kept.append(ev)
            continue
        old = out[j]
        if old.date_source != "own" and ev.date_source == "own":
            out[j] = ev
            by_trigger[id(ev)] = head
    return kept
