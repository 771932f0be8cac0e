"""Phases of a relation and the turning points between them, explained by their events.

**Model.** Each period of a dyad's series is seen as a count of events (how much the two
interact, as the sources report it), the mix of their quad classes (what kind of relation:
verbal or material, cooperation or conflict) and their Goldstein scores (how warmly).
Within a phase, counts are Poisson with one rate, the events' quad classes multinomial with
one set of shares, and scores normal with one mean; a phase boundary is where the rate, the
mix, the tone, or several of them change. Analysts read phases by the kind of interaction
as much as by its tone — Goldstein & Pevehouse (1997) count events per quad class, Schrodt
& Gerner (1997) identify crisis phases from profiles of event types — and a relation can
move from visits and talk to arms sales and joint exercises at the same mean score. The
cost of a candidate phase is its negative log-likelihood (times two) under that model::

    cost = −2·(C·ln(C/L) − C)  −  2·Σₖ Cₖ·ln(Cₖ/C)  +  Σ (score − mean score)² / σ²

for C events (weighted) in L periods, Cₖ of them in quad class k. (The first two terms are
together the likelihood of one Poisson rate per quad class.) An empty period is then what
it is — a period in which nothing was reported (a count of 0) — and never a period of zero
cooperation: it lowers the rate, it pulls neither the mix nor the tone. σ² is the pooled
variance of scores *within* periods (robust to the changes we look for), shrunk toward the
variance of all the series' scores (at least 1) with the weight of 4 degrees of freedom (a
conjugate scaled-inverse-χ² prior): a sparse series, with few periods of two events or
more, leans on the conservative overall variance, so that a run of one kind of event in a
dyad with a handful of events is not read as a change of tone.

**Search and penalty.** The segmentation minimising the summed cost plus a penalty β per
change point is found exactly with PELT (Killick, Fearnhead & Eckley 2012), as
implemented by ``ruptures`` (Truong, Oudre & Vayatis 2020). β follows the Schwarz
(BIC) criterion, which Killick et al. use and Truong et al. (2020, §6) discuss for an
unknown number of changes: each change point adds a location and a rate, estimated from the
T periods, a mean tone and K − 1 free shares of the mix, estimated from the N events, so
β = 2·ln T + K·ln N. K counts the quad classes the series has events of: a class never
reported adds neither fit nor parameters, so a series of one class keeps β = 2·ln T + ln N
and its phases are those of the rate-and-tone model. For the short, sparse yearly series
texts give (20–40 periods, a few dozen events) this keeps a single busy year or a single
silent one from opening a phase; phases also last at least ``min_size`` periods (2).
``penalty=`` overrides β (smaller finds more, weaker changes). ``benchmarks/
calibrate_phases.py`` measures the result on simulated dyads (README).

**Labels** come from the phase's mean Goldstein score, on the scale users know
(Goldstein 1992: a visit is +1.9, an agreement +8, a criticism −2, a threat −4.4 to −7,
force −9 to −10): *hostile* ≤ −4 < *tense* ≤ −1 < *cool* < 2 ≤ *cooperative* < 5 ≤ *close*.
A phase that follows a hostile, tense or cool one, whose tone rose by at least one point
and which is not yet close, is *thawing*.

**Turning points** are the phase boundaries, dated by the new phase's first period with
events (a boundary inside a run of empty periods could sit anywhere in it). The evidence
for a turn (the cost of the two phases as one minus their costs apart) splits into its
rate, mix and tone parts; ``changed`` names, strongest first, the parts whose evidence
exceeds their own parameters' penalty (ln T for the rate, ln N per share and for the tone),
else the strongest. ``direction`` follows the strongest part: ``"up"`` for more net
Goldstein score per period (rate × tone, empty periods included), a higher mean score, or a
mix moving toward cooperation (material conflict < verbal conflict < verbal cooperation <
material cooperation, the order of their Goldstein weights). The events that drive it are
those of the new phase's first two periods with events that are more likely under the new
phase than under the old one (log-likelihood ratio of their rate, quad class share and
score, shares and rates smoothed by half an event, ``evidence``), the first period's first,
strongest first: at a change of mix, the first events of the class that grew. Each event
also carries its ``contribution``, weight × (score − the previous phase's mean score).
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
    "QUADS",
    "QUAD_NAMES",
    "Phase",
    "Phases",
    "TurningPoint",
    "bic_penalty",
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
    # What changed, strongest first: "more material cooperation (0 % → 25 % of events)", …
    changed: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "direction": self.direction,
            "before": self.before,
            "after": self.after,
            "changed": self.changed,
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


#: The quad classes (GDELT's convention, :mod:`detente.relations.series`).
QUADS: tuple[str, ...] = ("1", "2", "3", "4")


def _period_stats(s: Series) -> list[tuple[float, ...]]:
    """Per period: (weighted count, weighted score sum, weighted sum of squared scores,
    then the weighted count of each quad class)."""
    out = []
    for row in s.rows:
        q = 0.0
        for e in s.events.get(row.period, ()):
            q += event_weight(e, s.weight) * float(e["goldstein"]) ** 2
        out.append((row.weight, row.goldstein_sum or 0.0, q, *(row.quad[k] for k in QUADS)))
    return out


#: Weight, in degrees of freedom, of the prior of the within-period variance of scores.
PRIOR_DF = 4.0


def _variance(stats: list[tuple[float, ...]]) -> float:
    """Pooled within-period variance of scores, shrunk toward the variance of all scores
    (module docstring)."""
    num = den = 0.0
    for c, s, q, *_ in stats:
        if c >= 2:
            num += max(0.0, q - s * s / c)
            den += c - 1
    c = sum(x[0] for x in stats)
    s, q = sum(x[1] for x in stats), sum(x[2] for x in stats)
    overall = max(0.0, q - s * s / c) / (c - 1) if c >= 2 else 0.0
    prior = max(1.0, overall)
    return (PRIOR_DF * prior + num) / (PRIOR_DF + den)


def _classes(stats: list[tuple[float, ...]]) -> list[int]:
    """Positions (in a period's stats) of the quad classes the series has events of: a class
    never reported cannot mark a change, so it adds neither fit nor parameters."""
    return [3 + i for i in range(len(QUADS)) if sum(x[3 + i] for x in stats) > 0]


def _cumulative(stats: list[tuple[float, ...]]) -> list[list[float]]:
    """Running sums of each column of ``stats`` (row ``i`` sums the first ``i`` periods), as
    Python floats: PELT calls the cost O(T²) times, and plain lists index much faster than
    NumPy arrays."""
    cum = [[0.0] * (len(stats[0]) if stats else 0)]
    for row in stats:
        cum.append([a + b for a, b in zip(cum[-1], row, strict=True)])
    return cum


def _parts(
    cum: list[list[float]], start: int, end: int, variance: float, classes: list[int]
) -> tuple[float, float, float]:
    """Twice the negative log-likelihood of periods ``start:end`` as one phase, in its three
    parts: Poisson count (rate), multinomial quad classes (mix), normal scores (tone)."""
    lo, hi = cum[start], cum[end]
    c = hi[0] - lo[0]
    if c <= 0:
        return 0.0, 0.0, 0.0
    s, q = hi[1] - lo[1], hi[2] - lo[2]
    counts = [hi[k] - lo[k] for k in classes]
    classified = sum(counts)
    mix = -2 * sum(ck * math.log(ck / classified) for ck in counts if ck > 0)
    return -2 * (c * math.log(c / (end - start)) - c), mix, (q - s * s / c) / variance


def _cost(
    cum: list[list[float]], start: int, end: int, variance: float, classes: list[int]
) -> float:
    """The cost of periods ``start:end`` as one phase (the sum of :func:`_parts`)."""
    rate, mix, tone = _parts(cum, start, end, variance, classes)
    return rate + mix + tone


def _breaks(
    stats: list[tuple[float, ...]], penalty: float, min_size: int, variance: float
) -> list[int]:
    """Indices where a new phase begins (PELT on the cost of :func:`_cost`)."""
    import numpy as np
    import ruptures as rpt
    from ruptures.base import BaseCost

    classes = _classes(stats)

    class MarkedPoisson(BaseCost):  # type: ignore[misc]
        """Poisson counts, multinomial quad classes and normal scores per segment."""

        model = "marked_poisson"

        def __init__(self) -> None:
            self.min_size = min_size

        def fit(self, signal: Any) -> MarkedPoisson:
            self.signal = signal
            self.cum = _cumulative(stats)
            return self

        def error(self, start: int, end: int) -> float:
            return _cost(self.cum, start, end, variance, classes)

    signal = np.array(stats, dtype=float)
    algo = rpt.Pelt(custom_cost=MarkedPoisson(), min_size=min_size, jump=1).fit(signal)
    return [b for b in algo.predict(pen=penalty) if b < len(stats)]


def bic_penalty(periods: int, events: float, classes: int = 1) -> float:
    """The Schwarz (BIC) penalty of one change point: its location and the new phase's rate,
    estimated from the ``periods``, its tone and its mix of ``classes`` quad classes
    (``classes`` − 1 free shares), estimated from the ``events``."""
    return 2 * math.log(periods) + max(1, classes) * math.log(max(events, 1.0))


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


#: Names of the quad classes, as in :mod:`detente.relations.series`.
QUAD_NAMES = {
    "1": "verbal cooperation",
    "2": "material cooperation",
    "3": "verbal conflict",
    "4": "material conflict",
}
#: The quad classes' order on the conflict–cooperation scale (the mean Goldstein weight of
#: their CAMEO codes: material conflict ≈ −8 < verbal conflict ≈ −4 < verbal cooperation
#: ≈ +3 < material cooperation ≈ +6): a mix moving up this order turns the relation up.
_QUAD_RANK = {"1": 1.0, "2": 2.0, "3": -1.0, "4": -2.0}


@dataclass
class _Fit:
    """A phase's estimates, smoothed (half an event per class, Jeffreys) so that a class or
    a rate that was 0 before a turn gives a finite likelihood ratio."""

    rate: float  # events per period
    shares: dict[int, float]  # quad class position in the stats -> share of events
    mean: float | None  # mean score (None: no events)


def _fit(cum: list[list[float]], lo: int, hi: int, classes: list[int]) -> _Fit:
    c = cum[hi][0] - cum[lo][0]
    counts = {k: cum[hi][k] - cum[lo][k] for k in classes}
    total = sum(counts.values()) + 0.5 * len(classes)
    shares = {k: (ck + 0.5) / total for k, ck in counts.items()}
    mean = (cum[hi][1] - cum[lo][1]) / c if c > 0 else None
    return _Fit((c + 0.5) / (hi - lo), shares, mean)


def _evidence(e: dict[str, Any], before: _Fit, after: _Fit, variance: float) -> float:
    """How much more likely one event is under the new phase than under the old one (log
    likelihood ratio, per unit of weight): its rate, its quad class's share, its score."""
    llr = math.log(after.rate / before.rate)
    k = 3 + QUADS.index(str(e.get("quad"))) if str(e.get("quad")) in QUADS else None
    if k in after.shares:
        llr += math.log(after.shares[k] / before.shares[k])
    if before.mean is not None and after.mean is not None:
        g = float(e["goldstein"])
        llr += ((g - before.mean) ** 2 - (g - after.mean) ** 2) / (2 * variance)
    return llr


def _drivers(
    s: Series, lo: int, hi: int, before: Phase, fits: tuple[_Fit, _Fit], variance: float, top: int
) -> list[dict[str, Any]]:
    """The events of the new phase's first two periods with events that are more likely
    under the new phase than under the old: those that show what changed."""
    base = before.goldstein_mean or 0.0
    scored: list[tuple[int, float, float, dict[str, Any]]] = []
    first_two = [r for r in s.rows[lo:hi] if not r.gap][:2]
    for i, row in enumerate(first_two):
        for e in s.events.get(row.period, ()):
            w = event_weight(e, s.weight)
            scored.append(
                (i, w * _evidence(e, *fits, variance), w * (float(e["goldstein"]) - base), e)
            )
    # The first period's events first (that is where the turn is), then the second's.
    chosen = sorted((x for x in scored if x[1] > 0), key=lambda x: (x[0], -x[1]))
    if not chosen:  # nothing new but silence: the new phase's first events
        chosen = sorted(scored, key=lambda x: (x[0], -x[1]))
    return [
        event_json(e, contribution=round(c, 3), evidence=round(llr, 3))
        for _, llr, c, e in chosen[:top]
    ]


def _mix(cum: list[list[float]], lo: int, hi: int) -> dict[str, float] | None:
    """Raw shares of the quad classes in periods ``lo:hi`` (None: no classified events)."""
    counts = {k: cum[hi][3 + i] - cum[lo][3 + i] for i, k in enumerate(QUADS)}
    total = sum(counts.values())
    return {k: v / total for k, v in counts.items()} if total > 0 else None


def _turn(
    s: Series,
    cum: list[list[float]],
    span: tuple[int, int, int],
    phases: tuple[Phase, Phase],
    variance: float,
    classes: list[int],
) -> tuple[str, list[str]]:
    """The direction of a turn and what changed, strongest first.

    The change's evidence (the cost of the two phases as one minus their costs apart) is
    split into its rate, mix and tone parts; a part *changed* when its evidence exceeds its
    own parameters' share of the penalty (ln T for the rate, ln N per share of the mix and
    for the tone). The direction is that of the strongest part: more or less net Goldstein
    per period for the rate, a higher or lower mean score for the tone, a mix moving up or
    down the order of the quad classes (``_QUAD_RANK``) for the mix.
    """
    a, lo, hi = span
    prev, cur = phases
    whole, left, right = (
        _parts(cum, x, y, variance, classes) for x, y in ((a, hi), (a, lo), (lo, hi))
    )
    gains = [w - x - y for w, x, y in zip(whole, left, right, strict=True)]
    t, n = len(s.rows), max(cum[-1][0], 1.0)
    own = [math.log(t), max(len(classes) - 1, 0) * math.log(n), math.log(n)]
    order = sorted(range(3), key=lambda i: -gains[i])
    shown = [i for i in order if gains[i] > own[i] and gains[i] > 0] or order[:1]
    per = (prev.per_period, cur.per_period)
    m0, m1 = _mix(cum, a, lo), _mix(cum, lo, hi)
    moves = [per[1] - per[0], 0.0, 0.0]
    if m0 and m1:
        moves[1] = sum(_QUAD_RANK[k] * (m1[k] - m0[k]) for k in QUADS)
    if prev.goldstein_mean is not None and cur.goldstein_mean is not None:
        moves[2] = cur.goldstein_mean - prev.goldstein_mean
    move = moves[order[0]] or moves[0]
    direction = "up" if move > 0 else "down"
    words: list[str] = []
    for i in shown:
        if i == 0:
            r0, r1 = prev.n / prev.periods, cur.n / cur.periods
            more = "more" if r1 > r0 else "fewer"
            words.append(f"{more} events ({r0:.1f} → {r1:.1f} a {s.by})")
        elif i == 1 and m0 and m1:
            # The class that gained most says what is new (its share came from the others);
            # classes that gained as much are named together.
            gain = max(m1[k] - m0[k] for k in QUADS)
            top = [k for k in QUADS if m1[k] - m0[k] >= gain - 1e-9]
            names = " and ".join(QUAD_NAMES[k] for k in top)
            shares = f"{m0[top[0]]:.0%} → {m1[top[0]]:.0%} of events" + (
                " each" if len(top) > 1 else ""
            )
            words.append(f"more {names} ({shares})")
        elif i == 2 and prev.goldstein_mean is not None and cur.goldstein_mean is not None:
            warmer = "warmer" if cur.goldstein_mean > prev.goldstein_mean else "colder"
            words.append(
                f"{warmer} tone (mean {prev.goldstein_mean:+.2f} → {cur.goldstein_mean:+.2f})"
            )
    return direction, words


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
    t, n = len(rows), sum(x[0] for x in stats)
    cuts: list[int] = []
    if t >= 2 * min_size:
        beta = penalty if penalty is not None else bic_penalty(t, n, len(_classes(stats)))
        out.penalty = beta
        cuts = _breaks(stats, beta, min_size, _variance(stats))
    bounds = [0, *cuts, t]
    for lo, hi in itertools.pairwise(bounds):
        out.phases.append(_phase(s, lo, hi))
    cum, variance, classes = _cumulative(stats), _variance(stats), _classes(stats)
    for i in range(1, len(out.phases)):
        prev, cur = out.phases[i - 1], out.phases[i]
        rises = (cur.goldstein_mean or 0.0) - (prev.goldstein_mean or 0.0) >= 1.0
        if rises and prev.label in _COLD and cur.label in {"cool", "cooperative"}:
            cur.label = "thawing"
        a, lo, hi = bounds[i - 1], bounds[i], bounds[i + 1]
        direction, changed = _turn(s, cum, (a, lo, hi), (prev, cur), variance, classes)
        fits = (_fit(cum, a, lo, classes), _fit(cum, lo, hi, classes))
        # A boundary inside a run of empty periods could sit anywhere in it: the turn is
        # dated by the new phase's first period with events.
        first = next((r.period for r in rows[lo:hi] if not r.gap), cur.start)
        out.turning_points.append(
            TurningPoint(
                period=first,
                direction=direction,
                before=prev.label,
                after=cur.label,
                events=_drivers(s, lo, hi, prev, fits, variance, top),
                changed=changed,
            )
        )
    return out
