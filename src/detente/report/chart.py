"""The relation chart of one dyad as inline SVG (no library, no network).

Every period from the first to the last has a slot; an empty period breaks the line and is
marked as a gap, so a line never joins 2007 to 2009 across an empty 2008. Points carry
``data-period`` and ``data-line`` so the page's script can list a point's events on click.
Phases (when known) are shaded behind the lines, turning points drawn as dashed rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from detente.report.series import DyadSeries, Point, direction_names
from detente.wording import count

#: Line styles: the combined line strongest, the two directions lighter.
_STYLE = {0: ("#333", "", 2.2), 1: ("#2f6fb3", "5 3", 1.4), 2: ("#c2410c", "2 3", 1.4)}
#: Phase labels (issue 9's scale) → shading.
PHASE_COLOURS = {
    "hostile": "#f4c7c3",
    "tense": "#f9dcc4",
    "cool": "#e8e8e8",
    "thawing": "#e3f0d8",
    "cooperative": "#cfe8c4",
    "close": "#b7dfa8",
}


@dataclass(frozen=True, slots=True)
class Phase:
    start: str  # first period of the phase (at the chart's resolution or coarser)
    end: str
    label: str
    goldstein_mean: float | None = None


def _e(v: object) -> str:
    return escape(str(v), quote=True)


def render_chart(
    series: DyadSeries,
    *,
    phases: Sequence[Phase] = (),
    turning_points: Sequence[str] = (),
    width: int = 760,
    height: int = 240,
) -> Markup:
    """The SVG chart of ``series`` (mean Goldstein per period, −10..+10)."""
    if not series.periods:
        return Markup("<p class='muted'>No dated events to draw.</p>")
    left, right, top, bottom = 34, 10, 12, 28
    n = len(series.periods)
    step = (width - left - right) / max(n, 1)

    def x(i: int) -> float:
        return left + step * (i + 0.5)

    def y(v: float) -> float:
        return top + (height - top - bottom) * (10 - v) / 20

    index = {p: i for i, p in enumerate(series.periods)}
    out: list[str] = [
        f"<svg class='chart' role='img' viewBox='0 0 {width} {height}' width='{width}' "
        f"height='{height}' data-dyad='{_e('-'.join(series.dyad))}' data-by='{_e(series.by)}' "
        f"aria-label='{_e(' – '.join(series.dyad))}: mean Goldstein score per {_e(series.by)}'>"
    ]
    # Phases behind everything; a phase at a coarser resolution covers its periods.
    for ph in phases:
        slots = [
            i
            for p, i in index.items()
            if ph.start <= p[: len(ph.start)] and p[: len(ph.end)] <= ph.end
        ]
        if not slots:
            continue
        x0, x1 = left + step * min(slots), left + step * (max(slots) + 1)
        colour = PHASE_COLOURS.get(ph.label, "#eee")
        out.append(
            f"<rect class='phase' data-label='{_e(ph.label)}' x='{x0:.1f}' y='{top}' "
            f"width='{x1 - x0:.1f}' height='{height - top - bottom}' fill='{colour}' opacity='.6'>"
            f"<title>{_e(ph.start)}–{_e(ph.end)}: {_e(ph.label)}</title></rect>"
        )
    both = series.lines[direction_names(series.dyad)[0]]
    for i, pt in enumerate(both):
        if pt.n == 0:  # a gap: no events in this period
            out.append(
                f"<rect class='gap' data-period='{_e(pt.period)}' x='{x(i) - step / 2:.1f}' "
                f"y='{height - bottom - 6}' width='{step:.1f}' height='6' fill='#ddd'>"
                f"<title>{_e(pt.period)}: no events</title></rect>"
            )
    for v, label in ((10, "+10"), (5, "+5"), (0, "0"), (-5, "−5"), (-10, "−10")):
        out.append(
            f"<line x1='{left}' x2='{width - right}' y1='{y(v):.1f}' y2='{y(v):.1f}' "
            f"stroke='{'#999' if v == 0 else '#eee'}'/>"
            f"<text x='2' y='{y(v) + 4:.1f}' font-size='10' fill='#555'>{label}</text>"
        )
    for tp in turning_points:
        slots = [i for p, i in index.items() if p.startswith(tp) or tp.startswith(p)]
        if slots:
            xt = x(min(slots))
            out.append(
                f"<line class='turn' data-period='{_e(tp)}' x1='{xt:.1f}' x2='{xt:.1f}' "
                f"y1='{top}' y2='{height - bottom}' stroke='#7c3aed' stroke-dasharray='4 3'>"
                f"<title>turning point {_e(tp)}</title></line>"
            )
    names = direction_names(series.dyad)
    for k in (1, 2, 0):  # the combined line on top
        name = names[k]
        colour, dash, w = _STYLE[k]
        for run in _runs(series.lines[name]):
            pts = " ".join(f"{x(i):.1f},{y(p.goldstein_mean or 0):.1f}" for i, p in run)
            out.append(
                f"<polyline class='line' data-line='{_e(name)}' fill='none' stroke='{colour}' "
                f"stroke-width='{w}' stroke-dasharray='{dash}' points='{pts}'/>"
            )
        r = 4.5 if k == 0 else 3
        for i, p in enumerate(series.lines[name]):
            if p.n:
                out.append(
                    f"<circle class='pt' tabindex='0' data-line='{_e(name)}' "
                    f"data-period='{_e(p.period)}' data-n='{p.n}' cx='{x(i):.1f}' "
                    f"cy='{y(p.goldstein_mean or 0):.1f}' r='{r}' fill='{colour}'>"
                    f"<title>{_e(name)} {_e(p.period)}: mean Goldstein {p.goldstein_mean:+.1f}, "
                    f"{_e(count(p.n, 'event'))}</title></circle>"
                )
    last_x = -1e9
    for i, p in enumerate(series.periods):
        if x(i) - last_x >= 44:  # labels must not overlap
            last_x = x(i)
            out.append(
                f"<text x='{x(i):.1f}' y='{height - 8}' font-size='10' text-anchor='middle' "
                f"fill='#555'>{_e(p)}</text>"
            )
    out.append("</svg>")
    return Markup("".join(out))


def _runs(points: list[Point]) -> list[list[tuple[int, Point]]]:
    """Consecutive non-empty periods: each becomes one polyline."""
    runs: list[list[tuple[int, Point]]] = []
    current: list[tuple[int, Point]] = []
    for i, p in enumerate(points):
        if p.n:
            current.append((i, p))
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs
