"""A cooperation–conflict index per dyad and period.

For each unordered pair of actors (countries by their three-letter code, IGOs whole) and
each period, the index is the mean Goldstein score (Goldstein 1992) of the events between
them, in both directions: +10 is the warmest cooperation, -10 the most violent conflict.
Counts by quad class (verbal/material cooperation/conflict, GDELT convention) go with it,
as in the dyadic summaries of Goldstein & Pevehouse (1997). Negated events ("decided not
to veto") are reported acts that did not happen, so they do not move the index; undated
events cannot be placed in a period and are counted apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


def dyad_key(source: str, target: str) -> tuple[str, str]:
    """The unordered pair of actors an event belongs to."""

    def key(code: str) -> str:
        return code if code.startswith("IGO") else code[:3]

    a, b = key(source), key(target)
    return (a, b) if a <= b else (b, a)


@dataclass(frozen=True, slots=True)
class DyadPeriod:
    """The relation of one dyad in one period."""

    dyad: tuple[str, str]
    period: str  # "1999", or "1999-09" with period="month"
    events: int
    index: float  # mean Goldstein score, -10..10
    quads: tuple[
        int, int, int, int
    ]  # verbal coop, material coop, verbal conflict, material conflict


def _period(date: str | None, period: str) -> str | None:
    if not date or not date[:4].isdigit():
        return None
    if period == "month":
        return date[:7] if len(date) >= 7 else None
    if period == "decade":
        return date[:3] + "0s"
    return date[:4]


def dyad_series(
    events: Iterable[Mapping[str, Any]], period: str = "year"
) -> dict[tuple[str, str], list[DyadPeriod]]:
    """Each dyad's periods in time order (``period``: "year", "month" or "decade")."""
    acc: dict[tuple[tuple[str, str], str], list[Mapping[str, Any]]] = defaultdict(list)
    for e in events:
        if e.get("negated"):
            continue
        p = _period(e.get("date"), period)
        if p is None:
            continue
        acc[(dyad_key(e["source"], e["target"]), p)].append(e)
    out: dict[tuple[str, str], list[DyadPeriod]] = defaultdict(list)
    for (dyad, p), evs in sorted(acc.items()):
        quads = [0, 0, 0, 0]
        for e in evs:
            q = int(e.get("quad") or 0)
            if 1 <= q <= 4:
                quads[q - 1] += 1
        index = sum(float(e["goldstein"]) for e in evs) / len(evs)
        out[dyad].append(DyadPeriod(dyad, p, len(evs), round(index, 2), tuple(quads)))  # type: ignore[arg-type]
    return dict(out)
