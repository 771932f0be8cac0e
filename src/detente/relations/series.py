"""A dyad's relation period by period: counts, quad classes, Goldstein sum and mean, net
cooperation — in both directions and combined.

Definitions (README, "How relations are measured"):

* **Goldstein score** of an event: its CAMEO code's weight on the conflict–cooperation
  scale of Goldstein (1992), −10 (military attack) … +10 (military assistance), in GDELT's
  table. ``goldstein_sum`` adds them up per period, ``goldstein_mean`` divides by the
  (weighted) number of events.
* **Quad classes**, GDELT's convention: 1 verbal cooperation (CAMEO roots 01–05),
  2 material cooperation (06–09), 3 verbal conflict (10–14), 4 material conflict (15–20).
* **Net cooperation** = ((quad 1 + quad 2) − (quad 3 + quad 4)) / n, from −1 (only conflict)
  to +1 (only cooperation), as in the dyadic cooperation–conflict measures of
  Goldstein & Pevehouse (1997).

What is counted: an event stored once however many documents report it (the store merges
them), unless ``weight="sources"`` weighs each by the number of documents that report it.
Negated events ("Russia decided not to veto …") are acts that did not happen: never counted,
reported per period as ``negated``. Undated events, and events dated less precisely than the
period (a year in a monthly series), cannot be placed: counted apart (``undated``,
``coarse``). A period without events is a gap (``n == 0`` and every measure ``None``),
never a period of zero cooperation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from detente.relations.actors import actor_of, pair_label
from detente.relations.periods import (
    BY,
    COARSE,
    bound_period,
    in_range,
    period_of,
    period_range,
)
from detente.wording import count

__all__ = ["Series", "SeriesRow", "event_weight", "measure", "series"]

Record = Mapping[str, Any]


def event_weight(event: Record, weight: str = "events") -> float:
    """How much one stored event counts: 1, or with ``weight="sources"`` the number of
    documents that report it (at least 1)."""
    if weight == "events":
        return 1.0
    if weight == "sources":
        return float(max(1, int(event.get("sources") or 1)))
    raise ValueError(f"unknown weight {weight!r} (events or sources)")


@dataclass(frozen=True, slots=True)
class SeriesRow:
    """One period of a dyad (both directions, or one when ``direction`` is ``"A->B"``)."""

    period: str
    direction: str  # "PAK-RUS" (both directions) or "PAK->RUS"
    n: int  # events counted (merged events once; negated ones never)
    weight: float  # n, or the number of reporting documents with weight="sources"
    goldstein_sum: float | None  # None for a gap (no events), never 0
    goldstein_mean: float | None
    quad: dict[str, float]  # {"1": …, "4": …}, weighted counts
    net_cooperation: float | None
    negated: int = 0  # negated events in this period (not counted above)

    @property
    def gap(self) -> bool:
        """No events in this period."""
        return self.n == 0

    def to_json(self) -> dict[str, Any]:
        """The machine-readable row of ``detente relations --format json``."""
        return {
            "period": self.period,
            "direction": self.direction,
            "n": self.n,
            "weight": _num(self.weight),
            "goldstein_sum": self.goldstein_sum,
            "goldstein_mean": self.goldstein_mean,
            "quad": {k: _num(v) for k, v in self.quad.items()},
            "net_cooperation": self.net_cooperation,
            "negated": self.negated,
        }


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() else round(x, 3)


def measure(
    events: Iterable[Record], period: str, direction: str, weight: str = "events", negated: int = 0
) -> SeriesRow:
    """The row of one period from its (non-negated) events."""
    n = 0
    total = 0.0
    gsum = 0.0
    quad = {"1": 0.0, "2": 0.0, "3": 0.0, "4": 0.0}
    for e in events:
        w = event_weight(e, weight)
        n += 1
        total += w
        gsum += w * float(e["goldstein"])
        q = str(int(e.get("quad") or 0))
        if q in quad:
            quad[q] += w
    if n == 0:
        return SeriesRow(period, direction, 0, 0.0, None, None, quad, None, negated)
    net = (quad["1"] + quad["2"] - quad["3"] - quad["4"]) / total
    return SeriesRow(
        period,
        direction,
        n,
        total,
        round(gsum, 3),
        round(gsum / total, 3),
        quad,
        round(net, 3),
        negated,
    )


@dataclass
class Series:
    """A dyad's series: one row per period from the first to the last (gaps included),
    the events behind each period, and what could not be counted."""

    actors: tuple[str, str]
    by: str
    weight: str
    rows: list[SeriesRow]  # both directions
    directed: dict[str, list[SeriesRow]]  # "A->B" and "B->A", period by period
    events: dict[str, list[dict[str, Any]]]  # period -> its counted events (dated, not negated)
    undated: int = 0  # events with no date (not negated)
    coarse: int = 0  # dated less precisely than the period
    negated: int = 0  # negated events (never counted), dated or not
    outside: int = 0  # dated outside --from/--to

    @property
    def label(self) -> str:
        return pair_label(*self.actors)

    @property
    def n(self) -> int:
        """Events counted in the series."""
        return sum(r.n for r in self.rows)

    @property
    def gaps(self) -> list[str]:
        """Periods without events."""
        return [r.period for r in self.rows if r.gap]

    def observed(self) -> list[SeriesRow]:
        """The rows that have events, in time order."""
        return [r for r in self.rows if not r.gap]

    def counts(self) -> dict[str, int]:
        """What was and was not counted: ``{"counted", "periods", "gaps", "undated",
        "coarse", "negated", "outside"}``."""
        return {
            "counted": self.n,
            "periods": len(self.rows),
            "gaps": len(self.gaps),
            "undated": self.undated,
            "coarse": self.coarse,
            "negated": self.negated,
            "outside": self.outside,
        }

    def not_counted(self) -> list[str]:
        """What was left out, in words: ``["1 negated event", "45 events dated less
        precisely than a quarter"]`` (empty when everything was counted)."""
        c = self.counts()
        phrases = (
            ("negated", "negated event", ""),
            ("undated", "undated event", ""),
            ("coarse", "event", f" dated less precisely than a {self.by}"),
            ("outside", "event", " outside the date range"),
        )
        return [count(c[k], noun) + tail for k, noun, tail in phrases if c[k]]

    def to_json(self, directed: bool = False) -> list[dict[str, Any]]:
        """``detente relations --format json``: the combined rows, or with ``directed`` the
        rows of each direction after them, period by period."""
        if not directed:
            return [r.to_json() for r in self.rows]
        out: list[dict[str, Any]] = []
        keys = list(self.directed)
        for i, row in enumerate(self.rows):
            out.append(row.to_json())
            out.extend(self.directed[k][i].to_json() for k in keys)
        return out


def series(
    events: Iterable[Record],
    a: str,
    b: str,
    *,
    by: str = "year",
    date_from: str | None = None,
    date_to: str | None = None,
    weight: str = "events",
) -> Series:
    """The series of the dyad ``a``–``b`` from any event records (those of other dyads are
    ignored; ``a`` and ``b`` match codes as :mod:`detente.relations.actors` says).

    Periods run from ``date_from`` (else the first event) to ``date_to`` (else the last),
    every period included; a period without events is a gap, not zero cooperation.

    >>> from detente.relations import series
    >>> s = series(events, "PAK", "RUS", by="year")          # doctest: +SKIP
    >>> [(r.period, r.n, r.goldstein_mean) for r in s.rows]   # doctest: +SKIP
    """
    if by not in BY:
        raise ValueError(f"unknown period {by!r} (year, quarter or month)")
    event_weight({}, weight)  # validates ``weight``
    actors = (a, b)
    ab, ba = pair_label(a, b, True), pair_label(b, a, True)
    counted: dict[str, list[dict[str, Any]]] = defaultdict(list)
    negated_in: dict[tuple[str, str], int] = defaultdict(int)
    out = Series(actors, by, weight, [], {ab: [], ba: []}, {})
    for e in events:
        src, tgt = actor_of(e.get("source"), actors), actor_of(e.get("target"), actors)
        if src is None or tgt is None or src == tgt:
            continue
        if e.get("date") and (date_from or date_to) and not in_range(e["date"], date_from, date_to):
            out.outside += 1
            continue
        p = period_of(e.get("date"), by)
        if e.get("negated"):
            out.negated += 1
            if p not in (None, COARSE):
                negated_in[(p, pair_label(a, b))] += 1
                negated_in[(p, pair_label(src, tgt, True))] += 1
            continue
        if p is None:
            out.undated += 1
        elif p == COARSE:
            out.coarse += 1
        else:
            counted[p].append(dict(e))
    # A period whose only events are negated is shown (as a gap with its negated count).
    observed = sorted(set(counted) | {p for p, _ in negated_in})
    if not observed and not (date_from and date_to):
        return out
    first = bound_period(date_from, by) if date_from else observed[0]
    last = bound_period(date_to, by, end=True) if date_to else observed[-1]
    for p in period_range(first, last, by):
        evs = counted.get(p, [])
        both = pair_label(a, b)
        out.rows.append(measure(evs, p, both, weight, negated_in.get((p, both), 0)))
        for label, s in ((ab, a), (ba, b)):
            mine = [e for e in evs if actor_of(e["source"], actors) == s]
            out.directed[label].append(
                measure(mine, p, label, weight, negated_in.get((p, label), 0))
            )
        if evs:
            out.events[p] = evs
    return out
