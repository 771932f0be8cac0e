"""The static HTML report: one self-contained file over the dyads of a store.

It opens offline: no CDN, no request at all (its Content-Security-Policy allows only its own
inline style sheet and script, by hash). Charts are inline SVG (:mod:`detente.report.chart`), with the phases, turning points and account of
:mod:`detente.relations` (:mod:`detente.report.relations_view`) and the signed actor network
per period (:mod:`detente.report.network`);
the shared script (``static/detente.js``) filters and sorts the event table and lists a
chart point's events on click. Every text from documents is escaped by Jinja2.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from detente.relations import dyad_key
from detente.report.chart import render_chart
from detente.report.network import network_views
from detente.report.relations_view import relations_view
from detente.report.series import DyadSeries, dyad_series_of
from detente.report.templating import asset, csp_hash, environment, inline
from detente.report.view import DocInfo, event_row, legend_actors
from detente.timeline import date_sort_key
from detente.wording import count

__all__ = ["DyadSummary", "render_report", "write_report", "write_store_report"]

#: Past these, the report stays readable: charts for the busiest dyads, the first rows.
MAX_CHARTS = 30
MAX_ROWS = 5000


@dataclass(frozen=True, slots=True)
class DyadSummary:
    a: str
    b: str
    events: int
    first: str | None
    last: str | None
    mean: float
    undated: int
    negated: int
    charted: bool = False

    @property
    def key(self) -> str:
        return f"{self.a}-{self.b}"


def dyad_summaries(events: Iterable[Mapping[str, Any]]) -> list[DyadSummary]:
    """Dyads with the most events first: counts, date range, mean Goldstein (negated acts
    are listed but do not move the mean, as in the charts)."""
    by: dict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
    for e in events:
        by[dyad_key(e["source"], e["target"])].append(e)
    out = []
    for (a, b), evs in sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        dated = sorted((str(e["date"]) for e in evs if e.get("date")), key=date_sort_key)
        real = [float(e.get("goldstein") or 0) for e in evs if not e.get("negated")]
        out.append(
            DyadSummary(
                a,
                b,
                len(evs),
                dated[0] if dated else None,
                dated[-1] if dated else None,
                sum(real) / len(real) if real else 0.0,
                sum(1 for e in evs if not e.get("date")),
                sum(1 for e in evs if e.get("negated")),
            )
        )
    return out


def render_report(
    events: Iterable[Mapping[str, Any]],
    title: str = "detente report",
    *,
    docs: Mapping[str, DocInfo] | None = None,
    dyad: tuple[str, str] | None = None,
    by: str | None = None,
) -> str:
    """The report as one self-contained HTML page (``dyad``: only that pair)."""
    evs = list(events)
    if dyad is not None:
        dyad = dyad_key(*dyad)
        evs = [e for e in evs if dyad_key(e["source"], e["target"]) == dyad]
    summaries = dyad_summaries(evs)
    charted = {(d.a, d.b) for d in summaries[:MAX_CHARTS]}
    summaries = [DyadSummary(**{**_fields(d), "charted": (d.a, d.b) in charted}) for d in summaries]
    charts = []
    for d in summaries[:MAX_CHARTS]:
        series: DyadSeries = dyad_series_of(evs, (d.a, d.b), by)
        rv = relations_view(series, docs)
        svg = render_chart(series, phases=rv.phases, turning_points=rv.turning_periods)
        charts.append({"key": d.key, "series": series, "svg": svg, "relations": rv})
    ordered = sorted(evs, key=lambda e: date_sort_key(e.get("date")))
    rows = [event_row(e, docs) for e in ordered[:MAX_ROWS]]
    dated = [str(e["date"]) for e in ordered if e.get("date")]
    doc_ids = {e.get("doc") for e in evs if e.get("doc")}
    stats = {
        "events": len(evs),
        "events_text": count(len(evs), "event"),
        "dyads_text": count(len(summaries), "pair of actors"),
        "documents_text": count(len(doc_ids), "document"),
        "first": dated[0] if dated else None,
        "last": dated[-1] if dated else None,
        "undated": sum(1 for e in evs if not e.get("date")),
        "negated": sum(1 for e in evs if e.get("negated")),
    }
    css, js = asset("detente.css"), asset("detente.js")
    return (
        environment()
        .get_template("report.html.j2")
        .render(
            title=title,
            stats=stats,
            actors=legend_actors(c for e in evs for c in (e["source"], e["target"])),
            dyads=summaries,
            dyad_names=[d.key for d in summaries],
            charts=charts,
            rows=rows,
            networks=network_views(evs),
            css=inline(css),
            js=inline(js),
            css_hash=csp_hash(css),
            js_hash=csp_hash(js),
        )
    )


def _fields(d: DyadSummary) -> dict[str, Any]:
    return {k: getattr(d, k) for k in DyadSummary.__slots__}


def write_report(
    events: Iterable[Mapping[str, Any]],
    path: str | Path,
    title: str = "detente report",
    **options: Any,
) -> Path:
    """Write the report to ``path`` (UTF-8, replaced whole: never half-written); return it."""
    from detente.io.writers import atomic_output

    p = Path(path)
    page = render_report(events, title, **options)
    with atomic_output(p) as tmp:
        Path(tmp).write_text(page, encoding="utf-8")
    return p


def write_store_report(
    db: str | Path,
    path: str | Path,
    *,
    title: str | None = None,
    dyad: tuple[str, str] | None = None,
    by: str | None = None,
    wait: float = 0.0,
) -> Path:
    """Write the report over every event of the store ``db`` (or one dyad's)."""
    from detente.store import open_store

    with open_store(db, read_only=True, wait=wait) as store:
        events = list(store.iter_events())
        docs = {
            r[0]: DocInfo(r[0], r[1], r[2], r[3])
            for r in store.sql("SELECT doc_id, title, url, path FROM documents")
        }
    name = title or "detente: " + (" – ".join(dyad) if dyad else Path(str(db)).name)
    return write_report(events, path, name, docs=docs, dyad=dyad, by=by)
