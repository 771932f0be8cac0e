"""The signed, weighted network of actors, and the most active dyads.

Nodes are actors as :func:`detente.relations.dyad_key` groups them (a country's codes under
its three letters, an organisation whole). An edge joins two actors with events between
them (both directions, negated events left out); its attributes are the dyad's measures
(:mod:`detente.relations.series`): ``n``, ``goldstein_sum``, ``goldstein_mean``,
``net_cooperation``, ``quad``; ``sign`` is the sign of ``goldstein_sum`` (the signed graph
of Cartwright & Harary 1956) and ``weight`` its absolute value, for layouts and centrality.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from detente.relations.index import dyad_key
from detente.relations.periods import COARSE, in_range, period_of
from detente.relations.series import event_weight, measure

if TYPE_CHECKING:
    import networkx as nx

    from detente.store import Store

__all__ = ["DyadActivity", "dyad_table", "network", "networks", "top_dyads"]

Record = Mapping[str, Any]


@dataclass(frozen=True)
class DyadActivity:
    """One dyad over the whole selection: how much and how warmly its actors interact."""

    dyad: tuple[str, str]
    n: int  # events counted (dated or not; negated never)
    goldstein_sum: float
    goldstein_mean: float
    net_cooperation: float
    quad: dict[str, float]
    first: str | None  # earliest date
    last: str | None  # latest date
    undated: int
    negated: int

    @property
    def sign(self) -> int:
        return (self.goldstein_sum > 0) - (self.goldstein_sum < 0)

    def to_json(self) -> dict[str, Any]:
        return {
            "dyad": f"{self.dyad[0]}-{self.dyad[1]}",
            "n": self.n,
            "goldstein_sum": round(self.goldstein_sum, 3),
            "goldstein_mean": round(self.goldstein_mean, 3),
            "net_cooperation": round(self.net_cooperation, 3),
            "quad": {k: int(v) if float(v).is_integer() else v for k, v in self.quad.items()},
            "first": self.first,
            "last": self.last,
            "undated": self.undated,
            "negated": self.negated,
        }


def _selected(
    events: Iterable[Record], date_from: str | None, date_to: str | None
) -> Iterable[Record]:
    for e in events:
        if not e.get("source") or not e.get("target"):
            continue
        a, b = dyad_key(e["source"], e["target"])
        if a == b:  # within one country: not a relation between states
            continue
        if (date_from or date_to) and not in_range(e.get("date"), date_from, date_to):
            continue
        yield e


def top_dyads(
    events: Iterable[Record],
    top: int | None = 20,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    weight: str = "events",
) -> list[DyadActivity]:
    """The dyads with the most events, most active first (ties: warmest, then by name).

    With ``date_from``/``date_to`` undated events are out of range (they cannot be placed);
    without, they count (``undated`` says how many).
    """
    event_weight({}, weight)  # validates ``weight``
    acc: dict[tuple[str, str], list[Record]] = defaultdict(list)
    negated: dict[tuple[str, str], int] = defaultdict(int)
    for e in _selected(events, date_from, date_to):
        key = dyad_key(e["source"], e["target"])
        if e.get("negated"):
            negated[key] += 1
        else:
            acc[key].append(e)
    out = []
    for key in set(acc) | set(negated):
        evs = acc.get(key, [])
        row = measure(evs, "", "", weight)
        dates = sorted(str(e["date"]) for e in evs if e.get("date"))
        out.append(
            DyadActivity(
                key,
                row.n,
                row.goldstein_sum or 0.0,
                row.goldstein_mean or 0.0,
                row.net_cooperation or 0.0,
                row.quad,
                dates[0] if dates else None,
                dates[-1] if dates else None,
                sum(1 for e in evs if not e.get("date")),
                negated.get(key, 0),
            )
        )
    out.sort(key=lambda d: (-d.n, -d.goldstein_sum, d.dyad))
    return out if top is None else out[:top]


def dyad_table(
    store: Store,
    top: int | None = 20,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    actors_like: Iterable[str] = (),
    weight: str = "events",
) -> list[DyadActivity]:
    """:func:`top_dyads` over the whole store, aggregated in SQL (``Store.dyad_totals``);
    ``actors_like`` keeps events whose source or target code matches one of these SQL LIKE
    patterns (``PAK%``)."""
    rows = store.dyad_totals(
        date_from=date_from, date_to=date_to, actors_like=list(actors_like), weight=weight
    )
    out = [
        DyadActivity(
            (r["a"], r["b"]),
            int(r["n"]),
            float(r["goldstein_sum"] or 0.0),
            float(r["goldstein_sum"] or 0.0) / float(r["weight"]) if r["weight"] else 0.0,
            ((r["q1"] + r["q2"] - r["q3"] - r["q4"]) / float(r["weight"]) if r["weight"] else 0.0),
            {str(q): float(r[f"q{q}"]) for q in range(1, 5)},
            r["first"],
            r["last"],
            int(r["undated"]),
            int(r["negated"]),
        )
        for r in rows
    ]
    out.sort(key=lambda d: (-d.n, -d.goldstein_sum, d.dyad))
    return out if top is None else out[:top]


def network(
    events: Iterable[Record],
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    weight: str = "events",
) -> nx.Graph:
    """The signed, weighted network of the events (one graph for the whole selection)."""
    import networkx as nx

    g = nx.Graph()
    for d in top_dyads(events, None, date_from=date_from, date_to=date_to, weight=weight):
        if d.n == 0:
            continue
        g.add_edge(
            *d.dyad,
            n=d.n,
            goldstein_sum=d.goldstein_sum,
            goldstein_mean=d.goldstein_mean,
            net_cooperation=d.net_cooperation,
            quad=d.quad,
            sign=d.sign,
            weight=abs(d.goldstein_sum),
        )
    return g


def networks(
    events: Iterable[Record], *, by: str = "year", weight: str = "events"
) -> dict[str, nx.Graph]:
    """One network per period (periods with events, in order); undated and coarsely dated
    events are left out."""
    per: dict[str, list[Record]] = defaultdict(list)
    for e in events:
        p = period_of(e.get("date"), by)
        if p is not None and p != COARSE:
            per[p].append(e)
    return {p: network(per[p], weight=weight) for p in sorted(per)}
