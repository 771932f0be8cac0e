"""Counts in messages users read: "1 event", "2 events", never "1 events" or "event(s)"."""

from __future__ import annotations

__all__ = ["count"]

#: Nouns whose plural is not noun + "s".
_IRREGULAR = {"batch": "batches", "pair of actors": "pairs of actors"}


def count(n: int, noun: str) -> str:
    """``count(1, "event")`` → ``"1 event"``; ``count(3, "batch")`` → ``"3 batches"``."""
    if n == 1:
        return f"1 {noun}"
    return f"{n} {_IRREGULAR.get(noun, noun + 's')}"
