"""Triads: three actors, the sign of each of their dyads per period, structural balance, and
the third party's events when one dyad turns.

**Signs.** In a period, a dyad is +1 when its events' Goldstein sum is positive (it
cooperated on balance), −1 when negative, 0 when it had no events (or they cancel out).

**Balance** (Heider 1946; for signed graphs, Cartwright & Harary 1956): a triangle is
balanced when the product of its three signs is positive — all three friendly, or two
actors friendly and both at odds with the third ("the enemy of my friend is my enemy").
With a dyad at 0 there is no triangle (no cycle) in that period, and ``balanced`` is
``None``: we do not call silence friendship or enmity.

**Turns.** A dyad turns in a period when its phases (:func:`detente.relations.phases`)
have a turning point there, or when its sign flips from the last period in which it had
one. The third party's events with either member in that period are listed with the
turn: e.g. India criticising Pakistan and Russia while the two hold their first joint
exercise.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from detente.relations.actors import actor_of, pair_label
from detente.relations.phases import phases
from detente.relations.records import event_json
from detente.relations.series import Series, series

__all__ = ["TriadPeriod", "Turn", "balanced", "triads"]

Record = Mapping[str, Any]


def balanced(signs: Iterable[int]) -> bool | None:
    """Heider balance of a triangle's three signs; ``None`` when a dyad is 0 (no cycle)."""
    product = 1
    for s in signs:
        if s == 0:
            return None
        product *= s
    return product > 0


@dataclass
class Turn:
    """One dyad of the triad turning in a period, and what the third actor did then."""

    dyad: str  # "PAK-RUS"
    direction: str  # "up" or "down"
    reason: str  # "turning point" (phases) or "sign change"
    third_party: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "dyad": self.dyad,
            "direction": self.direction,
            "reason": self.reason,
            "third_party": self.third_party,
        }


@dataclass
class TriadPeriod:
    """The triad in one period with events among its actors."""

    period: str
    signs: dict[str, int]  # "A-B", "A-C", "B-C" -> 1, -1 or 0
    balanced: bool | None
    events: list[dict[str, Any]]  # every event among the three in the period
    turns: list[Turn] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """One element of ``detente triads --format json``."""
        return {
            "period": self.period,
            "signs": self.signs,
            "balanced": self.balanced,
            "events": self.events,
            "turns": [t.to_json() for t in self.turns],
        }


def _sign(total: float | None) -> int:
    if not total:
        return 0
    return 1 if total > 0 else -1


def triads(
    events: Iterable[Record],
    a: str,
    b: str,
    c: str,
    *,
    by: str = "year",
    date_from: str | None = None,
    date_to: str | None = None,
    weight: str = "events",
    penalty: float | None = None,
) -> list[TriadPeriod]:
    """The triad ``a``, ``b``, ``c`` period by period (periods with events among them).

    Events of other actors are ignored; negated, undated and coarsely dated events are left
    out as in :func:`detente.relations.series` (whose counts each dyad's series keeps).
    """
    actors = (a, b, c)
    mine = [
        dict(e)
        for e in events
        if (s := actor_of(e.get("source"), actors)) is not None
        and (t := actor_of(e.get("target"), actors)) is not None
        and s != t
    ]
    kw: dict[str, Any] = {"by": by, "date_from": date_from, "date_to": date_to, "weight": weight}
    dyads: dict[str, Series] = {
        pair_label(x, y): series(mine, x, y, **kw) for x, y in combinations(actors, 2)
    }
    members = {
        pair_label(x, y): (x, y, next(z for z in actors if z not in (x, y)))
        for x, y in combinations(actors, 2)
    }
    rows = {name: {r.period: r for r in s.rows} for name, s in dyads.items()}
    periods = sorted({p for s in dyads.values() for p in s.events})
    turning = {
        name: {t.period: t.direction for t in phases(s, penalty=penalty).turning_points}
        for name, s in dyads.items()
    }
    last_sign: dict[str, int] = {}
    out: list[TriadPeriod] = []
    for p in periods:
        signs = {}
        for name in dyads:
            row = rows[name].get(p)
            signs[name] = _sign(row.goldstein_sum if row else None)
        period_events = [e for s in dyads.values() for e in s.events.get(p, ())]
        period_events.sort(
            key=lambda e: (str(e.get("date")), str(e.get("doc")), e.get("start") or 0)
        )
        tp = TriadPeriod(p, signs, balanced(signs.values()), [event_json(e) for e in period_events])
        for name, sign in signs.items():
            third = members[name][2]
            reason = direction = None
            if p in turning[name]:
                reason, direction = "turning point", turning[name][p]
            elif sign and last_sign.get(name) and sign != last_sign[name]:
                reason, direction = "sign change", "up" if sign > 0 else "down"
            if sign:
                last_sign[name] = sign
            if reason is None or direction is None:
                continue
            theirs = [
                event_json(e)
                for e in period_events
                if third in (actor_of(e["source"], actors), actor_of(e["target"], actors))
            ]
            tp.turns.append(Turn(name, direction, reason, theirs))
        out.append(tp)
    return out
