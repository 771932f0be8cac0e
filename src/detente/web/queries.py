"""The web app's reads: plain SQL over the snapshot (:mod:`detente.web.snapshot`).

Every value a user sends goes in as a ``?`` parameter; the SQL text is fixed. Page sizes are
clamped by the caller (:mod:`detente.web.app`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from detente.report.view import DocInfo

# Events in time order: a partial date sorts as the interval it names ends (as
# detente.timeline.date_sort_key: "1999-05-02" < "1999-05" < "1999"), undated last.
_ORDER = "ORDER BY date IS NULL, rpad(date, 10, '~'), first_seq, event_id"
_EVENT_COLUMNS = (
    'event_id, doc, sentence, start, "end", date, date_text, source, target, source_text, '
    "target_text, cameo, root, goldstein, quad, plover, negated, date_source, trigger, "
    "pubdate, sources, mentions, doc_title, doc_url, doc_path"
)


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def docs_of(events: list[dict[str, Any]]) -> dict[str, DocInfo]:
    """The documents the events cite, from the columns joined in (for display rows)."""
    return {
        e["doc"]: DocInfo(e["doc"], e.get("doc_title"), e.get("doc_url"), e.get("doc_path"))
        for e in events
    }


@dataclass(frozen=True, slots=True)
class Page:
    items: list[dict[str, Any]]
    total: int
    page: int
    size: int

    def as_dict(self) -> dict[str, Any]:
        return {"items": self.items, "total": self.total, "page": self.page, "size": self.size}


def corpus_stats(cur: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    row = cur.execute(
        "SELECT (SELECT count(*) FROM documents), count(*), count(DISTINCT (a, b)), "
        "count(*) FILTER (WHERE date IS NULL), count(*) FILTER (WHERE negated), "
        "min(date), max(date), (SELECT count(*) FROM event_sources) FROM web_events"
    ).fetchone()
    assert row is not None
    keys = ("documents", "events", "dyads", "undated", "negated", "first", "last", "reports")
    return dict(zip(keys, row, strict=True))


def dyads(cur: duckdb.DuckDBPyConnection, *, actor: str | None, page: int, size: int) -> Page:
    """Dyads by number of events (most first), optionally those of one actor."""
    where, params = ("WHERE a = ? OR b = ?", [actor, actor]) if actor else ("", [])
    total = cur.execute(
        f"SELECT count(*) FROM (SELECT DISTINCT a, b FROM web_events {where})", params
    ).fetchone()
    cur.execute(
        "SELECT a, b, count(*) AS events, min(date) AS first, max(date) AS last, "
        "coalesce(avg(goldstein) FILTER (WHERE NOT negated), 0) AS mean_goldstein, "
        "count(*) FILTER (WHERE date IS NULL) AS undated, "
        "count(*) FILTER (WHERE negated) AS negated "
        f"FROM web_events {where} GROUP BY a, b ORDER BY events DESC, a, b LIMIT ? OFFSET ?",
        [*params, size, (page - 1) * size],
    )
    return Page(_dicts(cur), int(total[0]) if total else 0, page, size)


def actors(cur: duckdb.DuckDBPyConnection, *, limit: int) -> list[dict[str, Any]]:
    cur.execute(
        "SELECT actor, count(*) AS events FROM ("
        "SELECT sa AS actor FROM web_events UNION ALL SELECT ta FROM web_events) "
        "GROUP BY actor ORDER BY events DESC, actor LIMIT ?",
        [limit],
    )
    return _dicts(cur)


def dyad_events(cur: duckdb.DuckDBPyConnection, a: str, b: str, *, page: int, size: int) -> Page:
    a, b = min(a, b), max(a, b)
    total = cur.execute("SELECT count(*) FROM web_events WHERE a = ? AND b = ?", [a, b]).fetchone()
    cur.execute(
        f"SELECT {_EVENT_COLUMNS} FROM web_events WHERE a = ? AND b = ? {_ORDER} LIMIT ? OFFSET ?",
        [a, b, size, (page - 1) * size],
    )
    return Page(_dicts(cur), int(total[0]) if total else 0, page, size)


def dyad_all(cur: duckdb.DuckDBPyConnection, a: str, b: str) -> list[dict[str, Any]]:
    """Every event of the dyad in time order (the series, phases and account need them all)."""
    cur.execute(
        f"SELECT {_EVENT_COLUMNS} FROM web_events WHERE a = ? AND b = ? {_ORDER}",
        [min(a, b), max(a, b)],
    )
    return _dicts(cur)


def search(
    cur: duckdb.DuckDBPyConnection,
    *,
    actor: str | None = None,
    code: str | None = None,
    root: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    words: str | None = None,
    page: int = 1,
    size: int = 50,
) -> Page:
    """Events by actor (code prefix, either side), CAMEO code (prefix), root, date range
    (partial dates compare as text: "1999" ≤ "1999-05" ≤ "1999~") and words of the
    sentence or actor mentions (case-insensitive)."""
    clauses: list[str] = []
    params: list[Any] = []
    if actor:
        clauses.append("(starts_with(source, ?) OR starts_with(target, ?))")
        params += [actor.upper(), actor.upper()]
    if code:
        clauses.append("starts_with(cameo, ?)")
        params.append(code)
    if root:
        clauses.append("root = ?")
        params.append(root.zfill(2))
    if date_from:
        clauses.append("date >= ?")
        params.append(date_from)
    if date_to:
        clauses.append("date <= ?")
        params.append(date_to + "~")  # "1999" includes every date in 1999
    if words:
        for w in words.split()[:8]:
            clauses.append(
                "(contains(lower(sentence), ?) OR contains(lower(source_text), ?) "
                "OR contains(lower(target_text), ?))"
            )
            params += [w.lower()] * 3
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    total = cur.execute(f"SELECT count(*) FROM web_events {where}", params).fetchone()
    cur.execute(
        f"SELECT {_EVENT_COLUMNS} FROM web_events {where} {_ORDER} LIMIT ? OFFSET ?",
        [*params, size, (page - 1) * size],
    )
    return Page(_dicts(cur), int(total[0]) if total else 0, page, size)


def document(cur: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """A document with its sentences and, per sentence, the events it reports."""
    cur.execute(
        "SELECT doc_id, title, url, path, pubdate, n_chars, ingested_at FROM documents "
        "WHERE doc_id = ?",
        [doc_id],
    )
    found = _dicts(cur)
    if not found:
        return None
    doc = found[0]
    cur.execute(
        'SELECT start, "end", text FROM sentences WHERE doc_id = ? ORDER BY start', [doc_id]
    )
    doc["sentences"] = _dicts(cur)
    # Each mention in this document, with the event's codes and this mention's own words.
    cur.execute(
        'SELECT e.event_id, ? AS doc, s.sentence, s.start, s."end", coalesce(s.date, e.date) '
        "AS date, e.source, e.target, s.source_text, s.target_text, e.cameo, e.root, "
        "e.goldstein, e.quad, e.negated, s.trigger, e.sources, d.title AS doc_title, "
        "d.url AS doc_url, d.path AS doc_path "
        "FROM event_sources AS s JOIN web_events AS e USING (event_id) "
        "JOIN documents AS d ON d.doc_id = s.doc_id "
        "WHERE s.doc_id = ? ORDER BY s.start, e.event_id",
        [doc_id, doc_id],
    )
    doc["events"] = _dicts(cur)
    return doc


def documents(cur: duckdb.DuckDBPyConnection, *, page: int, size: int) -> Page:
    total = cur.execute("SELECT count(*) FROM documents").fetchone()
    cur.execute(
        "SELECT d.doc_id, d.title, d.url, d.path, d.pubdate, d.ingested_at, "
        "(SELECT count(DISTINCT event_id) FROM event_sources AS s WHERE s.doc_id = d.doc_id) "
        "AS events FROM documents AS d ORDER BY d.ingested_at DESC, d.doc_id LIMIT ? OFFSET ?",
        [size, (page - 1) * size],
    )
    return Page(_dicts(cur), int(total[0]) if total else 0, page, size)
