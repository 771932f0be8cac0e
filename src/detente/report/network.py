"""The signed actor network of a period as inline SVG (nodes on a circle; an edge is green
when the pair's Goldstein sum is cooperative, red when conflictual; its width grows with
the number of events). The graphs are :func:`detente.relations.network`'s."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from markupsafe import Markup

#: Nodes drawn per network (the most active), so a big store stays legible.
MAX_NODES = 30


@dataclass(frozen=True, slots=True)
class NetworkView:
    period: str
    svg: Markup


def network_svg(graph: Any, size: int = 420) -> Markup:
    """One networkx graph (edges with ``n`` and ``goldstein_sum``) as SVG."""
    strength = {v: sum(d.get("n", 1) for _, _, d in graph.edges(v, data=True)) for v in graph}
    nodes = sorted(sorted(strength, key=lambda v: -strength[v])[:MAX_NODES])
    if not nodes:
        return Markup("<p class='muted'>No events.</p>")
    c, r = size / 2, size / 2 - 40
    pos = {
        v: (c + r * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
            c + r * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2))
        for i, v in enumerate(nodes)
    }  # fmt: skip
    out = [
        f"<svg class='net' role='img' viewBox='0 0 {size} {size}' width='{size}' height='{size}'>"
    ]
    for a, b, d in graph.edges(data=True):
        if a not in pos or b not in pos:
            continue
        (x1, y1), (x2, y2) = pos[a], pos[b]
        colour = "#2e7d32" if float(d.get("goldstein_sum") or 0) >= 0 else "#c62828"
        width = min(1 + math.sqrt(d.get("n", 1)), 9)
        out.append(
            f"<line x1='{x1:.1f}' y1='{y1:.1f}' x2='{x2:.1f}' y2='{y2:.1f}' stroke='{colour}' "
            f"stroke-width='{width:.1f}' opacity='.7'><title>{escape(a)} – {escape(b)}: "
            f"{d.get('n', 0)} events, Goldstein sum {float(d.get('goldstein_sum') or 0):+.1f}"
            "</title></line>"
        )
    for v, (x, y) in pos.items():
        out.append(
            f"<circle cx='{x:.1f}' cy='{y:.1f}' r='5' fill='#333'/>"
            f"<text x='{x:.1f}' y='{y - 9:.1f}' font-size='12' text-anchor='middle'>{escape(v)}</text>"
        )
    out.append("</svg>")
    return Markup("".join(out))


def network_views(
    events: Iterable[Mapping[str, Any]], by: str = "year", limit: int = 40
) -> list[NetworkView]:
    """The whole span's network first, then one per period (the latest ``limit``)."""
    from detente.relations import network, networks

    evs = [e for e in events if not e.get("negated")]
    if not evs:
        return []
    views = [NetworkView("all periods", network_svg(network(evs)))]
    per = networks(evs, by=by)
    for period in list(per)[-limit:]:
        views.append(NetworkView(period, network_svg(per[period])))
    return views
