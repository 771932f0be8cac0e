"""Phases of a relation and the turning points between them, explained by their events.

**Model.** Each period of a dyad's series is seen as a count of events (how much the two
interact, as the sources report it) and the Goldstein scores of those events (how warmly).
Within a phase, counts are Poisson with one rate and scores are normal with one mean; a
phase boundary is where the rate, the tone or both change. The cost of a candidate phase
is its negative log-likelihood (times two) under that model::

    cost = −2·(C·ln(C/L) − C)  +  Σ (score − mean score)² / σ²

for C events (weighted) in L periods. An empty period is then what it is — a period in
which nothing was reported (a count of 0) — and never a period of zero cooperation: it
lowers the rate, it does not pull the tone toward 0. σ² is the pooled variance of scores
*within* periods (robust to the changes we look for), shrunk toward the variance of all
the series' scores (at least 1) with the weight of 4 degrees of freedom (a conjugate
scaled-inverse-χ² prior): a sparse series, with few periods of two events or more, leans on
the conservative overall variance, so that a run of one kind of event in a dyad with a
handful of events is not read as a change of tone.

**Search and penalty.** The segmentation minimising the summed cost plus a penalty β per
change point is found exactly with PELT (Killick, Fearnhead & Eckley 2012), as
implemented by ``ruptures`` (Truong, Oudre & Vayatis 2020). β follows the Schwarz
(BIC) criterion, which Killick et al. use and Truong et al. (2020, §6) discuss for an
unknown number of changes: each change point adds a location and a rate, estimated from the
T periods, and a mean tone, estimated from the N events, so β = 2·ln T + ln N. For the short,
sparse yearly series texts give (20–40 periods, a few dozen events) this keeps a single busy
year or a single silent one from opening a phase; phases also last at least ``min_size``
periods (2). ``penalty=`` overrides β (smaller finds more, weaker changes).

**Labels** come from the phase's mean Goldstein score, on the scale users know
(Goldstein 1992: a visit is +1.9, an agreement +8, a criticism −2, a threat −4.4 to −7,
force −9 to −10): *hostile* ≤ −4 < *tense* ≤ −1 < *cool* < 2 ≤ *cooperative* < 5 ≤ *close*.
A phase that follows a hostile, tense or cool one, whose tone rose by at least one point
and which is not yet close, is *thawing*.

**Turning points** are the phase boundaries, dated by the new phase's first period with
events (a boundary inside a run of empty periods could sit anywhere in it); ``direction``
is ``"up"`` when the new phase's net Goldstein score per period (rate × tone, empty periods
included) is higher. The events that drive it are those of the new phase's first two
periods with events that moved the relation the way it turned, the first period's first,
ranked by weight × (score − the previous phase's mean score).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Any

from detente.relations.records import event_json
from detente.relations.series import Series, event_weight

__all__ = [
    "LABELS",
    "Phase",
    "Phases",
    "TurningPoint",
    "label_for",
    "phases",
]

_COLD = frozenset({"hostile", "tense", "cool"})

#: Phase labels from the coldest to the warmest.
LABELS: tuple[str, ...] = ("hostile", "tense", "cool", "thawing", "cooperative", "close")


def label_for(mean: float | None) -> str | None:
    """The label of a mean Goldstein score (without the context that makes 'thawing');
    ``None`` for a phase without events (nothing to label)."""
    if mean is None:
        return None
    if mean <= -4:
        return "hostile"
    if mean <= -1:
        return "tense"
    if mean < 2:
        return "cool"
    if mean < 5:
        return "cooperative"
    return "close"


@dataclass
class Phase:
    """A stretch of periods with one rate of interaction and one tone."""

    start: str
    end: str
    label: str | None  # None: no events in the phase
    goldstein_mean: float | None  # mean score of its events (None: no events at all)
    goldstein_sum: float
    n: int  # events
    periods: int  # periods spanned, gaps included
    gaps: int  # periods without events
    peak: str | None = None  # its warmest period (coldest, when its mean is negative)

    @property
    def per_period(self) -> float:
        """Net Goldstein score per period (what turning points compare)."""
        return self.goldstein_sum / self.periods if self.periods else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "goldstein_mean": self.goldstein_mean,
            "goldstein_sum": round(self.goldstein_sum, 3),
            "n": self.n,
            "periods": self.periods,
            "gaps": self.gaps,
            "peak": self.peak,
        }


@dataclass
class TurningPoint:
    """Where one phase ends and the next begins, and the events that drive the turn."""

    period: str  # the new phase's first period with events
    direction: str  # "up" or "down"
    before: str | None  # label of the phase that ends
    after: str | None  # label of the phase that begins
    events: list[dict[str, Any]] = field(default_factory=list)  # contract records + contribution

    def to_json(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "direction": self.direction,
            "before": self.before,
            "after": self.after,
            "events": self.events,
        }


@dataclass
class Phases:
    """The phases of a dyad's series and the turning points between them."""

    actors: tuple[str, str]
    by: str
    phases: list[Phase]
    turning_points: list[TurningPoint]
    penalty: float | None  # β used (None: too short to segment)
    counts: dict[str, int] = field(default_factory=dict)  # Series.counts()

    def to_json(self) -> dict[str, Any]:
        """``detente phases --format json``."""
        return {
            "actors": list(self.actors),
            "by": self.by,
            "phases": [p.to_json() for p in self.phases],
            "turning_points": [t.to_json() for t in self.turning_points],
            "penalty": None if self.penalty is None else round(self.penalty, 3),
            "counts": self.counts,
        }


def _period_stats(s: Series) -> list[tuple[float, float, float]]:
    """(weighted count, weighted score sum, weighted sum of squared scores) per period."""
    out = []
    for row in s.rows:
        q = 0.0
        for e in s.events.get(row.period, ()):
            q += event_weight(e, s.weight) * float(e["goldstein"]) ** 2
        out.append((row.weight, row.goldstein_sum or 0.0, q))
    return out


#: Weight, in degrees of freedom, of the prior of the within-period variance of scores.
PRIOR_DF = 4.0


def _variance(stats: list[tuple[float, float, float]]) -> float:
    """Pooled within-period variance of scores, shrunk toward the variance of all scores
    (module docstring)."""
    num = den = 0.0
    for c, s, q in stats:
        if c >= 2:
            num += max(0.0, q - s * s / c)
            den += c - 1
    c = sum(x[0] for x in stats)
    s, q = sum(x[1] for x in stats), sum(x[2] for x in stats)
    overall = max(0.0, q - s * s / c) / (c - 1) if c >= 2 else 0.0
    prior = max(1.0, overall)
    return (PRIOR_DF * prior + num) / (PRIOR_DF + den)


def _breaks(
    stats: list[tuple[float, float, float]], penalty: float, min_size: int, variance: float
) -> list[int]:
    """Indices where a new phase begins (PELT on the marked-Poisson cost)."""
    import numpy as np
    import ruptures as rpt
    from ruptures.base import BaseCost

    class MarkedPoisson(BaseCost):  # type: ignore[misc]
        """Poisson counts and normal scores per segment (module docstring)."""

        model = "marked_poisson"

        def __init__(self) -> None:
            self.min_size = min_size

        def fit(self, signal: Any) -> MarkedPoisson:
            self.signal = signal
            # Cumulative sums as Python floats: PELT calls ``error`` O(T²) times, and
            # indexing plain lists is much cheaper than indexing NumPy arrays.
            self.cc, self.cs, self.cq = [0.0], [0.0], [0.0]
            for c, s, q in stats:
                self.cc.append(self.cc[-1] + c)
                self.cs.append(self.cs[-1] + s)
                self.cq.append(self.cq[-1] + q)
            return self

        def error(self, start: int, end: int) -> float:
            c = self.cc[end] - self.cc[start]
            if c <= 0:
                return 0.0
            s = self.cs[end] - self.cs[start]
            q = self.cq[end] - self.cq[start]
            return -2 * (c * math.log(c / (end - start)) - c) + (q - s * s / c) / variance

    signal = np.array(stats, dtype=float)
    algo = rpt.Pelt(custom_cost=MarkedPoisson(), min_size=min_size, jump=1).fit(signal)
    return [b for b in algo.predict(pen=penalty) if b < len(stats)]


def _phase(s: Series, lo: int, hi: int) -> Phase:
    rows = s.rows[lo:hi]
    total = sum(r.weight for r in rows)
    gsum = sum(r.goldstein_sum or 0.0 for r in rows)
    observed = [r for r in rows if not r.gap]
    mean = round(gsum / total, 3) if total else None
    # The peak is the warmest period of a cooperative phase, the coldest of a hostile one.
    sign = -1.0 if (mean or 0.0) < 0 else 1.0
    peak = max(observed, key=lambda r: sign * (r.goldstein_sum or 0.0)).period if observed else None
    return Phase(
        start=rows[0].period,
        end=rows[-1].period,
        label=label_for(mean),
        goldstein_mean=mean,
        goldstein_sum=gsum,
        n=sum(r.n for r in rows),
        periods=len(rows),
        gaps=sum(1 for r in rows if r.gap),
        peak=peak,
    )


def _drivers(
    s: Series, lo: int, hi: int, before: Phase, direction: str, top: int
) -> list[dict[str, Any]]:
    """The events of the new phase's first two periods with events that moved the relation
    its way."""
    base = before.goldstein_mean or 0.0
    sign = 1.0 if direction == "up" else -1.0
    scored: list[tuple[int, float, dict[str, Any]]] = []
    first_two = [r for r in s.rows[lo:hi] if not r.gap][:2]
    for i, row in enumerate(first_two):
        for e in s.events.get(row.period, ()):
            c = event_weight(e, s.weight) * (float(e["goldstein"]) - base)
            scored.append((i, c, e))
    # The first period's events first (that is where the turn is), then the second's.
    chosen = sorted((x for x in scored if sign * x[1] > 0), key=lambda x: (x[0], -sign * x[1]))
    if not chosen:  # a change of rate alone: the new phase's first events
        chosen = sorted(scored, key=lambda x: (x[0], -sign * x[1]))
    return [event_json(e, contribution=round(c, 3)) for _, c, e in chosen[:top]]


def phases(s: Series, *, penalty: float | None = None, min_size: int = 2, top: int = 5) -> Phases:
    """Phases and turning points of a dyad's series (see the module docstring).

    ``penalty`` overrides the BIC penalty β; ``min_size`` is the shortest phase in periods;
    ``top`` the number of driving events listed per turning point. The phases cover the
    series from its first to its last period; a series without events has none.
    """
    if min_size < 1:
        raise ValueError("min_size must be at least 1")
    if penalty is not None and not penalty >= 0:
        raise ValueError("the penalty must be a number ≥ 0")
    out = Phases(s.actors, s.by, [], [], None, s.counts())
    rows = s.rows
    if not rows or s.n == 0:
        return out
    stats = _period_stats(s)
    t, n = len(rows), sum(c for c, _, _ in stats)
    cuts: list[int] = []
    if t >= 2 * min_size:
        beta = penalty if penalty is not None else 2 * math.log(t) + math.log(max(n, 1.0))
        out.penalty = beta
        cuts = _breaks(stats, beta, min_size, _variance(stats))
    bounds = [0, *cuts, t]
    for lo, hi in itertools.pairwise(bounds):
        out.phases.append(_phase(s, lo, hi))
    for i in range(1, len(out.phases)):
        prev, cur = out.phases[i - 1], out.phases[i]
        rises = (cur.goldstein_mean or 0.0) - (prev.goldstein_mean or 0.0) >= 1.0
        if rises and prev.label in _COLD and cur.label in {"cool", "cooperative"}:
            cur.label = "thawing"
        direction = "up" if cur.per_period > prev.per_period else "down"
        lo, hi = bounds[i], bounds[i + 1]
        # A boundary inside a run of empty periods could sit anywhere in it: the turn is
        # dated by the new phase's first period with events.
        first = next((r.period for r in rows[lo:hi] if not r.gap), cur.start)
        out.turning_points.append(
            TurningPoint(
                period=first,
                direction=direction,
                before=prev.label,
                after=cur.label,
                events=_drivers(s, lo, hi, prev, direction, top),
            )
        )
    return out
