"""A static HTML report: dyads, their cooperation–conflict index over time, the events."""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from detente.relations import DyadPeriod, dyad_key, dyad_series
from detente.timeline import date_sort_key
from detente.wording import count

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:.6rem 0}td,th{padding:.25rem .5rem;text-align:left;
border-bottom:1px solid #eee;vertical-align:top}td:first-child{white-space:nowrap}th{background:#f6f6f6}.num{text-align:right}
.coop{color:#1a7f37}.conf{color:#b42318}.neg{color:#888;font-style:italic}.sent{color:#555;font-size:.9em}
svg{background:#fafafa;border:1px solid #eee}
"""


def _e(value: Any) -> str:
    """Everything from the texts is data: escaped, never interpreted."""
    return html.escape("" if value is None else str(value), quote=True)


def _as_number(period: str) -> float:
    """ "1999" → 1999.0, "1999-07" → 1999.5, "1990s" → 1990.0."""
    year = float(period[:4].rstrip("s") or 0)
    month = int(period[5:7]) if len(period) >= 7 and period[5:7].isdigit() else 1
    return year + (month - 1) / 12


def _chart(series: list[DyadPeriod], width: int = 640, height: int = 160) -> str:
    """An inline SVG line of the index per period (no scripts, no CDN)."""
    if not series:
        return "<p class='neg'>No dated events.</p>"
    pad = 30
    # Periods are placed in proportion to time, so that gaps in the record show as gaps.
    t = [_as_number(p.period) for p in series]
    lo, hi = min(t), max(t)
    xs = [pad + (width - 2 * pad) * ((v - lo) / (hi - lo) if hi > lo else 0.5) for v in t]

    def y(v: float) -> float:
        return pad + (height - 2 * pad) * (10 - v) / 20

    points = " ".join(f"{x:.1f},{y(p.index):.1f}" for x, p in zip(xs, series, strict=True))
    dots = "".join(
        f"<circle cx='{x:.1f}' cy='{y(p.index):.1f}' r='3.5' fill='{'#1a7f37' if p.index >= 0 else '#b42318'}'>"
        f"<title>{_e(p.period)}: index {p.index:+.1f} ({count(p.events, 'event')})</title></circle>"
        for x, p in zip(xs, series, strict=True)
    )
    shown: list[tuple[float, str]] = []
    for x, p in zip(xs, series, strict=True):
        if not shown or x - shown[-1][0] >= 30:  # keep labels from overlapping
            shown.append((x, p.period))
    labels = "".join(
        f"<text x='{x:.1f}' y='{height - 8}' font-size='10' text-anchor='middle'>{_e(label)}</text>"
        for x, label in shown
    )
    return (
        f"<svg role='img' aria-label='cooperation–conflict index' width='{width}' height='{height}'>"
        f"<line x1='{pad}' x2='{width - pad}' y1='{y(0):.1f}' y2='{y(0):.1f}' stroke='#bbb'/>"
        f"<text x='4' y='{y(10) + 4:.1f}' font-size='10'>+10</text>"
        f"<text x='4' y='{y(0) + 4:.1f}' font-size='10'>0</text>"
        f"<text x='4' y='{y(-10) + 4:.1f}' font-size='10'>−10</text>"
        f"<polyline fill='none' stroke='#555' stroke-width='1.5' points='{points}'/>{dots}{labels}</svg>"
    )


def render_report(events: Iterable[Mapping[str, Any]], title: str = "detente report") -> str:
    """The report as one self-contained HTML page."""
    from detente.codebook.cameo import cameo_info

    evs = list(events)
    series = dyad_series(evs)
    by_dyad: dict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
    for e in evs:
        by_dyad[dyad_key(e["source"], e["target"])].append(e)
    order = sorted(by_dyad, key=lambda d: (-len(by_dyad[d]), d))
    parts = [
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{_e(title)}</title>",
        f"<style>{_CSS}</style></head><body><h1>{_e(title)}</h1>",
        f"<p>{count(len(evs), 'event')} between {count(len(by_dyad), 'pair of actors')}.</p>",
        "<table><tr><th>dyad</th><th class='num'>events</th><th>first</th><th>last</th>"
        "<th class='num'>mean Goldstein</th></tr>",
    ]
    for d in order:
        ds = by_dyad[d]
        dated = sorted((str(e["date"]) for e in ds if e.get("date")), key=date_sort_key)
        # Negated acts did not happen: they are listed, but do not move the mean (as in
        # the chart and detente.relations).
        real = [float(e["goldstein"]) for e in ds if not e.get("negated")]
        mean = sum(real) / len(real) if real else 0.0
        parts.append(
            f"<tr><td><a href='#{_e(d[0])}-{_e(d[1])}'>{_e(d[0])} – {_e(d[1])}</a></td>"
            f"<td class='num'>{len(ds)}</td><td>{_e(dated[0] if dated else '')}</td>"
            f"<td>{_e(dated[-1] if dated else '')}</td>"
            f"<td class='num {'coop' if mean >= 0 else 'conf'}'>{mean:+.2f}</td></tr>"
        )
    parts.append("</table>")
    for d in order:
        parts.append(f"<h2 id='{_e(d[0])}-{_e(d[1])}'>{_e(d[0])} – {_e(d[1])}</h2>")
        parts.append(_chart(series.get(d, [])))
        parts.append(
            "<table><tr><th>date</th><th>source → target</th><th>event</th><th>sentence</th></tr>"
        )
        for e in sorted(by_dyad[d], key=lambda e: date_sort_key(e.get("date"))):
            try:
                name = cameo_info(str(e["cameo"])).name
            except KeyError:
                name = str(e["cameo"])
            cls = "neg" if e.get("negated") else ("coop" if float(e["goldstein"]) >= 0 else "conf")
            neg = "not: " if e.get("negated") else ""
            parts.append(
                f"<tr><td>{_e(e.get('date') or 'undated')}</td>"
                f"<td>{_e(e['source'])} → {_e(e['target'])}</td>"
                f"<td class='{cls}'>{_e(neg + name)} ({_e(e['cameo'])})</td>"
                f"<td class='sent'>{_e(e.get('sentence'))}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "".join(parts)


def write_report(
    events: Iterable[Mapping[str, Any]], path: str | Path, title: str = "detente report"
) -> Path:
    """Write the report to ``path`` (UTF-8, replaced whole: never half-written); return it."""
    from detente.io.writers import atomic_output

    p = Path(path)
    page = render_report(events, title)
    with atomic_output(p) as tmp:
        Path(tmp).write_text(page, encoding="utf-8")
    return p
