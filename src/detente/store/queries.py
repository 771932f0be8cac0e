"""The SQL behind ``Store.relation_events`` and ``Store.dyad_totals``: selections of the
whole store by actors, dates and code patterns, and per-dyad totals.

Clauses are assembled from fixed fragments only; every value a user gives (actor codes,
dates, LIKE patterns) goes through ``?`` parameters.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["dyad_totals_sql", "selection"]


def _actor_clause(column: str, actors: Sequence[str], params: list[Any]) -> str:
    """``column`` holds a code of one of ``actors`` (a country's codes by prefix, an
    organisation's whole; see :mod:`detente.relations.actors`)."""
    parts = []
    for actor in actors:
        if actor.startswith("IGO"):
            parts.append(f"{column} = ?")
        else:
            parts.append(f"starts_with({column}, ?)")
        params.append(actor)
    return "(" + " OR ".join(parts) + ")"


def _date_clause(date_from: str | None, date_to: str | None, params: list[Any]) -> str:
    """The event's date overlaps [date_from, date_to] (ISO partial dates, inclusive)."""
    parts = []
    if date_from:
        parts.append("left(date, least(length(date), length(?))) >= left(?, length(date))")
        params += [date_from, date_from]
    if date_to:
        parts.append("left(date, least(length(date), length(?))) <= left(?, length(date))")
        params += [date_to, date_to]
    return " AND ".join(parts)


def selection(
    actors: Sequence[str] = (),
    *,
    among: bool = True,
    date_from: str | None = None,
    date_to: str | None = None,
    keep_undated: bool = True,
    actors_like: Sequence[str] = (),
) -> tuple[str, list[Any]]:
    """A WHERE clause over ``event_records`` and its parameters.

    ``actors``: with ``among``, both source and target belong to one of them (events
    among them); else either does. ``date_from``/``date_to``: dated events that overlap the
    range, and undated ones too if ``keep_undated`` (so they can be counted as undated).
    ``actors_like``: source or target matches one of these LIKE patterns (case-insensitive).
    """
    params: list[Any] = []
    where: list[str] = []
    if actors:
        src = _actor_clause("source", actors, params)
        tgt = _actor_clause("target", actors, params)
        where.append(f"({src} {'AND' if among else 'OR'} {tgt})")
    if date_from or date_to:
        dates = _date_clause(date_from, date_to, params)
        where.append(
            f"(date IS NULL OR ({dates}))" if keep_undated else f"(date IS NOT NULL AND {dates})"
        )
    if actors_like:
        likes = []
        for pattern in actors_like:
            likes.append("source ILIKE ? OR target ILIKE ?")
            params += [pattern, pattern]
        where.append("(" + " OR ".join(likes) + ")")
    return ("WHERE " + " AND ".join(where)) if where else "", params


def dyad_totals_sql(where: str, weight: str) -> str:
    """Per unordered pair of actors (a country's codes under its three letters, an
    organisation whole), what :func:`detente.relations.top_dyads` computes in Python."""
    w = "greatest(coalesce(sources, 1), 1)" if weight == "sources" else "1"
    key = "CASE WHEN {c} LIKE 'IGO%' THEN {c} ELSE left({c}, 3) END"
    counted = "FILTER (WHERE NOT negated)"
    return f"""
        WITH e AS (
            SELECT {key.format(c="source")} AS s, {key.format(c="target")} AS t,
                   date, goldstein, quad, negated, {w} AS w
            FROM event_records {where}
        )
        SELECT least(s, t) AS a, greatest(s, t) AS b,
               count(*) {counted} AS n,
               coalesce(sum(w) {counted}, 0) AS weight,
               coalesce(sum(w * goldstein) {counted}, 0) AS goldstein_sum,
               coalesce(sum(w) FILTER (WHERE NOT negated AND quad = 1), 0) AS q1,
               coalesce(sum(w) FILTER (WHERE NOT negated AND quad = 2), 0) AS q2,
               coalesce(sum(w) FILTER (WHERE NOT negated AND quad = 3), 0) AS q3,
               coalesce(sum(w) FILTER (WHERE NOT negated AND quad = 4), 0) AS q4,
               min(date) FILTER (WHERE NOT negated) AS first,
               max(date) FILTER (WHERE NOT negated) AS last,
               count(*) FILTER (WHERE NOT negated AND date IS NULL) AS undated,
               count(*) FILTER (WHERE negated) AS negated
        FROM e WHERE s <> t
        GROUP BY 1, 2
        ORDER BY n DESC, goldstein_sum DESC, a, b"""
