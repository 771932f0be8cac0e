"""A dyad's relation series as the report and the web app draw it: every period from the
first to the last, both directions and combined, empty periods kept as gaps.

The numbers are :func:`detente.relations.series`'s (Goldstein 1992 sum and mean, quad
counts, net cooperation; negated events never count; undated events and events dated more
coarsely than the resolution are counted apart); this module chooses the resolution the
dates allow and names the lines as the chart does ("both", "PAK→RUS", "RUS→PAK").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from detente.relations import dyad_key
from detente.relations.periods import period_index

RESOLUTIONS = ("year", "quarter", "month")


def actor_key(code: str) -> str:
    """The actor an event code belongs to in a dyad (a country's three letters, an IGO whole)."""
    return code if code.startswith("IGO") else code[:3]


def period_of(date: str | None, by: str) -> str | None:
    """The period of ``by`` ("year", "quarter", "month") holding ``date``; None when the
    date is missing or coarser than the resolution ("1999" has no quarter)."""
    if not date or len(date) < 4 or not date[:4].isdigit():
        return None
    if by == "year":
        return date[:4]
    if len(date) < 7 or not date[5:7].isdigit():
        return None
    if by == "quarter":
        return f"{date[:4]}-Q{(int(date[5:7]) - 1) // 3 + 1}"
    return date[:7]


def choose_resolution(dates: Iterable[str | None], max_points: int = 120) -> str:
    """The finest resolution the dates allow: month or quarter when at least nine in ten
    dated events are dated to the month and the span stays readable, else year."""
    dated = [d for d in dates if period_of(d, "year")]
    if not dated:
        return "year"
    monthly = [d for d in dated if period_of(d, "month")]
    if len(monthly) < 0.9 * len(dated):
        return "year"
    for by in ("month", "quarter"):
        ps = sorted(period_of(d, by) or "" for d in monthly)
        if period_index(ps[-1], by) - period_index(ps[0], by) < max_points:
            return by
    return "year"


@dataclass(slots=True)
class Point:
    """One period of one direction of a dyad (``n == 0``: no events, a gap)."""

    period: str
    n: int = 0
    goldstein_sum: float = 0.0
    quad: dict[str, int] = field(default_factory=lambda: {"1": 0, "2": 0, "3": 0, "4": 0})

    @property
    def goldstein_mean(self) -> float | None:
        return round(self.goldstein_sum / self.n, 2) if self.n else None

    @property
    def net_cooperation(self) -> float | None:
        """(cooperation − conflict) / n over the quad classes (GDELT convention)."""
        if not self.n:
            return None
        q = self.quad
        return round((q["1"] + q["2"] - q["3"] - q["4"]) / self.n, 2)

    def as_dict(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "n": self.n,
            "goldstein_sum": round(self.goldstein_sum, 2),
            "goldstein_mean": self.goldstein_mean,
            "quad": dict(self.quad),
            "net_cooperation": self.net_cooperation,
        }


@dataclass(slots=True)
class DyadSeries:
    """A dyad's series at one resolution: ``lines`` maps "both", "A→B" and "B→A" (with the
    dyad's codes) to one Point per period, empty periods included."""

    dyad: tuple[str, str]
    by: str
    periods: list[str]
    lines: dict[str, list[Point]]
    undated: int = 0
    coarser: int = 0  # dated, but not finely enough for ``by``
    negated: int = 0
    relations: Any = None  # the detente.relations.Series it was drawn from

    def as_dict(self) -> dict[str, Any]:
        return {
            "dyad": list(self.dyad),
            "by": self.by,
            "undated": self.undated,
            "coarser": self.coarser,
            "negated": self.negated,
            "lines": {k: [p.as_dict() for p in v] for k, v in self.lines.items()},
        }


def direction_names(dyad: tuple[str, str]) -> tuple[str, str, str]:
    a, b = dyad
    return ("both", f"{a}→{b}", f"{b}→{a}")


def dyad_series_of(
    events: Iterable[Mapping[str, Any]], dyad: tuple[str, str], by: str | None = None
) -> DyadSeries:
    """The series of ``dyad`` from the events (others are ignored), computed by
    :func:`detente.relations.series`; ``by`` None chooses the finest resolution the dates
    allow (:func:`choose_resolution`)."""
    from detente.relations import series

    evs = [e for e in events if dyad_key(e["source"], e["target"]) == dyad]
    if by is None:
        by = choose_resolution(e.get("date") for e in evs if not e.get("negated"))
    if by not in RESOLUTIONS:
        raise ValueError(f"unknown resolution {by!r} (year, quarter or month)")
    s = series(evs, dyad[0], dyad[1], by=by)
    both, ab, ba = direction_names(dyad)
    rows = {both: s.rows, ab: s.directed.get(f"{dyad[0]}->{dyad[1]}", []),
            ba: s.directed.get(f"{dyad[1]}->{dyad[0]}", [])}  # fmt: skip
    lines = {
        name: [
            Point(r.period, r.n, r.goldstein_sum or 0.0, {k: int(v) for k, v in r.quad.items()})
            for r in rs
        ]
        for name, rs in rows.items()
    }
    return DyadSeries(
        dyad, by, [r.period for r in s.rows], lines, s.undated, s.coarse, s.negated, s
    )
