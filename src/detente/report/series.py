"""A dyad's relation series for drawing: every period from the first to the last, both
directions and combined, empty periods kept as gaps.

ADAPTER (issue 10 ahead of issue 9): ``detente.relations`` is growing the full dyad series
(Goldstein sum and mean, quad counts, net cooperation per period; Goldstein 1992, quad
classes after GDELT). Until it is merged, this module computes the same numbers under the
same names (``period``, ``n``, ``goldstein_sum``, ``goldstein_mean``, ``quad``,
``net_cooperation``) from event dicts, so the report and the web app draw one shape.
Negated events are acts that did not happen: they never count. An event dated only more
coarsely than the resolution (a year, when drawing quarters) cannot be placed and is
counted apart, as are undated ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from detente.relations import dyad_key

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


def _ordinal(period: str, by: str) -> int:
    year = int(period[:4])
    if by == "year":
        return year
    if by == "quarter":
        return year * 4 + int(period[-1]) - 1
    return year * 12 + int(period[5:7]) - 1


def _period_at(n: int, by: str) -> str:
    if by == "year":
        return f"{n:04d}"
    if by == "quarter":
        return f"{n // 4:04d}-Q{n % 4 + 1}"
    return f"{n // 12:04d}-{n % 12 + 1:02d}"


def periods_between(first: str, last: str, by: str) -> list[str]:
    """Every period from ``first`` to ``last`` inclusive (so empty ones can be shown)."""
    return [_period_at(n, by) for n in range(_ordinal(first, by), _ordinal(last, by) + 1)]


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
        if _ordinal(ps[-1], by) - _ordinal(ps[0], by) < max_points:
            return by
    return "year"


@dataclass(slots=True)
class Point:
    """One period of one direction of a dyad (``n == 0``: no events, a gap)."""

    period: str
    n: int = 0
    goldstein_sum: float = 0.0
    quad: dict[str, int] = field(default_factory=lambda: {"1": 0, "2": 0, "3": 0, "4": 0})
    event_ids: list[str] = field(default_factory=list)

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
    """The series of ``dyad`` from the events (others are ignored); ``by`` None chooses the
    finest resolution the dates allow (:func:`choose_resolution`)."""
    evs = [e for e in events if dyad_key(e["source"], e["target"]) == dyad]
    if by is None:
        by = choose_resolution(e.get("date") for e in evs if not e.get("negated"))
    if by not in RESOLUTIONS:
        raise ValueError(f"unknown resolution {by!r} (year, quarter or month)")
    both, ab, ba = direction_names(dyad)
    acc: dict[str, dict[str, Point]] = {both: {}, ab: {}, ba: {}}
    counts: Counter[str] = Counter()
    for e in evs:
        if e.get("negated"):
            counts["negated"] += 1
            continue
        p = period_of(e.get("date"), by)
        if p is None:
            counts["undated" if period_of(e.get("date"), "year") is None else "coarser"] += 1
            continue
        direction = ab if actor_key(e["source"]) == dyad[0] else ba
        if dyad[0] == dyad[1]:
            direction = ab
        for line in (both, direction):
            pt = acc[line].setdefault(p, Point(p))
            pt.n += 1
            pt.goldstein_sum += float(e.get("goldstein") or 0.0)
            q = str(e.get("quad") or "")
            if q in pt.quad:
                pt.quad[q] += 1
            if e.get("event_id"):
                pt.event_ids.append(str(e["event_id"]))
    present = sorted(acc[both], key=lambda p: _ordinal(p, by))
    periods = periods_between(present[0], present[-1], by) if present else []
    lines = {name: [acc[name].get(p) or Point(p) for p in periods] for name in (both, ab, ba)}
    return DyadSeries(
        dyad, by, periods, lines, counts["undated"], counts["coarser"], counts["negated"]
    )
