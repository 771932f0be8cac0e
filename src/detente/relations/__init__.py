"""How relations between states warm and cool: series, phases, triads, networks, accounts.

Every function here is pure: event records in (dicts with the output contract's fields,
e.g. from ``Store.relation_events`` or ``detente extract``), tables out. The store does the
heavy selection in SQL; the CLI commands (``detente relations | phases | triads | dyads |
summary``) are each one call of this API.

API overview (names are stable)::

    from detente.relations import (
        load, series, phases, triads, top_dyads, dyad_table, network, networks, summary,
    )

    events = load(store, ["PAK", "RUS"])           # the whole store's events among them
    s = series(events, "PAK", "RUS", by="year")    # Series: rows per period, gaps included
    s.rows[i].to_json()                            # {"period", "n", "goldstein_sum", ...}
    ph = phases(s)                                 # Phases: phases + turning points (ruptures)
    ph.to_json()                                   # {"phases": [...], "turning_points": [...]}
    t = triads(events3, "IND", "PAK", "RUS")       # [TriadPeriod] with signs, balance, turns
    top_dyads(events, 20)                          # [DyadActivity], pure Python
    dyad_table(store, 20)                          # the same, aggregated in SQL over the store
    network(events)                                # networkx.Graph, signed and weighted
    networks(events, by="year")                    # {period: networkx.Graph}
    summary(s, ph).text()                          # a templated account with citations

Actors: ``PAK`` stands for every code starting with it (``PAKGOV``, ``PAKMIL``); an
organisation's code (``IGOSCO``) only for itself (:mod:`detente.relations.actors`).
Periods: ``by="year" | "quarter" | "month"`` (``"1999"``, ``"1999-Q3"``, ``"1999-09"``).
Counting: negated events never count; merged events count once (``weight="sources"``
weighs them by the documents that report them); undated events, events dated less precisely
than the period and empty periods are reported as such (:mod:`detente.relations.series`).

The measures and labels are defined in the modules' docstrings and the README ("How
relations are measured"): Goldstein (1992) scores, GDELT's quad classes, PELT (Killick et
al. 2012) via ruptures (Truong et al. 2020), structural balance (Heider 1946; Cartwright &
Harary 1956).

The older per-dyad index (``dyad_series``, ``DyadPeriod``, ``dyad_key``) is kept for the
static report.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from detente.relations.actors import actor_of, check_actors, matches, pair_label
from detente.relations.index import DyadPeriod, dyad_key, dyad_series
from detente.relations.network import DyadActivity, dyad_table, network, networks, top_dyads
from detente.relations.periods import BY, COARSE, in_range, period_of, period_range
from detente.relations.phases import LABELS, Phase, Phases, TurningPoint, label_for, phases
from detente.relations.records import citation, event_json
from detente.relations.series import Series, SeriesRow, series
from detente.relations.summary import Statement, Summary, summary
from detente.relations.triads import TriadPeriod, Turn, balanced, triads

if TYPE_CHECKING:
    from detente.store import Store

__all__ = [
    "BY",
    "COARSE",
    "LABELS",
    "DyadActivity",
    "DyadPeriod",
    "Phase",
    "Phases",
    "Series",
    "SeriesRow",
    "Statement",
    "Summary",
    "TriadPeriod",
    "Turn",
    "TurningPoint",
    "actor_of",
    "balanced",
    "check_actors",
    "citation",
    "dyad_key",
    "dyad_series",
    "dyad_table",
    "event_json",
    "in_range",
    "label_for",
    "load",
    "matches",
    "network",
    "networks",
    "pair_label",
    "period_of",
    "period_range",
    "phases",
    "series",
    "summary",
    "top_dyads",
    "triads",
]


def load(
    store: Store,
    actors: Sequence[str] = (),
    *,
    among: bool = True,
    date_from: str | None = None,
    date_to: str | None = None,
    actors_like: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """The store's events among ``actors`` (or, without ``among``, involving any of them),
    selected in SQL over the whole store (``Store.relation_events``); undated events are
    kept so that series can count them."""
    return store.relation_events(
        list(check_actors(actors)),
        among=among,
        date_from=date_from,
        date_to=date_to,
        actors_like=actors_like,
    )
