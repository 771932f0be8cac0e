"""Writing a batch into the store: removing replaced documents, joining each mention to a stored
or new event (:mod:`detente.merge`), and staging rows as Arrow tables built from the column lists
of :mod:`detente.store.schema`."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import duckdb
import pyarrow as pa

from detente.merge import Candidate
from detente.model import Document, Event
from detente.store.schema import (
    DOC_SCHEMA,
    EVENT_SCHEMA,
    SENT_SCHEMA,
    SRC_SCHEMA,
)


def event_id(event: Event, salt: int = 0) -> str:
    """The id of the event that this mention creates when it joins no stored event.

    A hash of the mention (document, sentence offset) and of what it says (date, source,
    target, cameo, negated), so the same input always gets the same ids. JSON encoding keeps
    ``None`` distinct from ``"None"`` and field boundaries unambiguous; 32 hex digits (128
    bits) make collisions negligible. ``salt`` separates two events a mention could name alike.
    """
    key = [event.doc, event.start, event.date, event.source, event.target, event.cameo]
    key += [bool(event.negated), salt]
    blob = json.dumps(key, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def remove_documents(
    con: duckdb.DuckDBPyConnection, doc_ids: list[str], registered: list[str]
) -> None:
    """Delete documents' sentences and reports, then fix up the events they touched."""
    con.register("_detente_gone", pa.table({"doc_id": pa.array(doc_ids, pa.string())}))
    registered.append("_detente_gone")
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _detente_touched AS "
        "SELECT DISTINCT event_id FROM event_sources "
        "WHERE doc_id IN (SELECT doc_id FROM _detente_gone)"
    )
    for table in ("event_sources", "sentences", "documents"):
        con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _detente_gone)")
    # An event nobody reports any more did not happen as far as the store knows.
    con.execute(
        "DELETE FROM events WHERE event_id IN (SELECT event_id FROM _detente_touched) "
        "AND event_id NOT IN (SELECT event_id FROM event_sources)"
    )
    # Events still reported elsewhere take their provenance from the earliest remaining
    # mention, so iter_events never points at a sentence that is no longer stored, and
    # their date from the finest remaining one (mentions' dates lie on one chain, so
    # the longest value is the finest).
    con.execute(
        """UPDATE events SET
            first_doc = f.doc_id, first_sentence = f.sentence,
            first_start = f.start, first_end = f."end", first_seq = f.seq,
            source_text = f.source_text, target_text = f.target_text,
            date_text = f.date_text, date_source = f.date_source,
            trigger = f.trigger, pubdate = f.pubdate, date = f.finest
        FROM (
            SELECT *, arg_max(date, length(date)) OVER (PARTITION BY event_id) AS finest
            FROM event_sources
            WHERE event_id IN (SELECT event_id FROM _detente_touched)
            QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY seq) = 1
        ) AS f
        WHERE events.event_id = f.event_id"""
    )
    con.execute("DROP TABLE _detente_touched")


def insert_batch(
    con: duckdb.DuckDBPyConnection,
    plan: list[tuple[Document, Sequence[tuple[int, int, str]], Sequence[Event]]],
    registered: list[str],
) -> tuple[int, int]:
    """Insert documents, sentences, mentions and new events; return (events, mentions) added.

    Each mention joins the first event (stored or new, oldest first) that
    :class:`detente.merge.Candidate` accepts, or creates one.
    """
    now = datetime.now(UTC).replace(tzinfo=None)
    seq_row = _first(con.execute("SELECT coalesce(max(seq), 0) FROM event_sources"))
    seq = itertools.count(int(seq_row[0]) + 1)

    docs: dict[str, list[Any]] = {f: [] for f in DOC_SCHEMA.names}
    sents: dict[str, list[Any]] = {f: [] for f in SENT_SCHEMA.names}
    srcs: dict[str, list[Any]] = {f: [] for f in SRC_SCHEMA.names}
    candidates = merge_candidates(con, plan, registered)
    stored_ids = {c.event_id for cs in candidates.values() for c in cs}
    stored_dates = {c.event_id: c.date for cs in candidates.values() for c in cs}
    created: dict[str, tuple[Candidate, Document, Event, int]] = {}
    seen_reports: set[tuple[str, str, int]] = set()
    for doc, sentences, events in plan:
        _append(
            docs,
            doc_id=doc.id,
            content_hash=doc.content_hash,
            pubdate=doc.pubdate,
            title=doc.title,
            url=doc.url,
            path=doc.path,
            n_chars=len(doc.text),
            ingested_at=now,
        )
        starts: set[int] = set()
        for start, end, text in sentences:
            if start in starts:
                continue  # one sentence per offset: the key of the sentences table
            starts.add(start)
            _append(sents, doc_id=doc.id, start=start, end=end, text=text)
        for ev in events:
            same_key = candidates.setdefault(_merge_key(ev), [])
            chosen = next((c for c in same_key if c.accepts(ev, doc.id)), None)
            if chosen is None:
                taken = {c.event_id for c in same_key}
                salt = 0
                while (eid := event_id(ev, salt)) in taken:
                    salt += 1
                chosen = Candidate(eid, None)
                same_key.append(chosen)
            report = (chosen.event_id, doc.id, ev.start)
            if report in seen_reports:
                continue  # the same act read twice from one sentence is one mention
            seen_reports.add(report)
            chosen.add(ev, doc.id)
            n = next(seq)
            if chosen.event_id not in stored_ids and chosen.event_id not in created:
                created[chosen.event_id] = (chosen, doc, ev, n)
            _append(
                srcs,
                event_id=chosen.event_id,
                doc_id=doc.id,
                start=ev.start,
                end=ev.end,
                sentence=ev.sentence,
                source_text=ev.source_text,
                target_text=ev.target_text,
                date_text=ev.date_text,
                date_source=ev.date_source,
                trigger=ev.trigger,
                pubdate=ev.pubdate,
                seq=n,
                date=ev.date,
                dataset=None,
                record_id=None,
                source_original=None,
                target_original=None,
                code_original=None,
            )

    evs: dict[str, list[Any]] = {f: [] for f in EVENT_SCHEMA.names}
    for eid, (cand, doc, ev, n) in created.items():
        _append(
            evs,
            event_id=eid,
            date=cand.date,
            source=ev.source,
            target=ev.target,
            cameo=ev.cameo,
            root=ev.root,
            goldstein=float(ev.goldstein),
            quad=int(ev.quad),
            plover=ev.plover,
            negated=bool(ev.negated),
            date_text=ev.date_text,
            date_source=ev.date_source,
            source_text=ev.source_text,
            target_text=ev.target_text,
            trigger=ev.trigger,
            pubdate=ev.pubdate,
            first_doc=doc.id,
            first_sentence=ev.sentence,
            first_start=ev.start,
            first_end=ev.end,
            first_seq=n,
        )
    # Stored events that a finer mention dated more precisely ("2011" -> "2011-06").
    refined = [
        (c.event_id, c.date)
        for cs in candidates.values()
        for c in cs
        if c.event_id in stored_ids and c.date != stored_dates[c.event_id]
    ]
    staged = {
        "_detente_docs": pa.table(docs, schema=DOC_SCHEMA),
        "_detente_sents": pa.table(sents, schema=SENT_SCHEMA),
        "_detente_srcs": pa.table(srcs, schema=SRC_SCHEMA),
        "_detente_events": pa.table(evs, schema=EVENT_SCHEMA),
        "_detente_refined": pa.table(
            {
                "event_id": pa.array([r[0] for r in refined], pa.string()),
                "date": pa.array([r[1] for r in refined], pa.string()),
            }
        ),
    }
    for name, table in staged.items():
        con.register(name, table)
        registered.append(name)
    con.execute(f"INSERT INTO documents SELECT {_cols(DOC_SCHEMA)} FROM _detente_docs")
    con.execute(f"INSERT INTO sentences SELECT {_cols(SENT_SCHEMA)} FROM _detente_sents")
    before = _first(con.execute("SELECT count(*) FROM events"))[0]
    con.execute(
        f"INSERT INTO events SELECT {_cols(EVENT_SCHEMA)} FROM _detente_events "
        "WHERE event_id NOT IN (SELECT event_id FROM events)"
    )
    after = _first(con.execute("SELECT count(*) FROM events"))[0]
    if refined:
        con.execute(
            "UPDATE events SET date = r.date FROM _detente_refined AS r "
            "WHERE events.event_id = r.event_id"
        )
    con.execute(f"INSERT INTO event_sources BY NAME SELECT {_cols(SRC_SCHEMA)} FROM _detente_srcs")
    return after - before, staged["_detente_srcs"].num_rows


def merge_candidates(
    con: duckdb.DuckDBPyConnection,
    plan: list[tuple[Document, Sequence[tuple[int, int, str]], Sequence[Event]]],
    registered: list[str],
) -> dict[tuple[str, str, str, bool], list[Candidate]]:
    """Stored events that mentions of this batch may join, by merge key, oldest first.

    The batch's documents have no stored mentions (new ones, or replaced ones already
    removed), so stored candidates start with no mention of theirs.
    """
    # Only events whose date can agree with a mention's (same decade, or either undated
    # or coarser than a decade) are fetched: a busy dyad may have thousands of events.
    keys = {
        (*_merge_key(ev), ev.date[:3] if ev.date else None)
        for _, _, events in plan
        for ev in events
    }
    out: dict[tuple[str, str, str, bool], list[Candidate]] = {}
    if not keys:
        return out
    columns = list(zip(*sorted(keys, key=repr), strict=True))
    wanted = pa.table(
        {
            "source": pa.array(columns[0], pa.string()),
            "target": pa.array(columns[1], pa.string()),
            "cameo": pa.array(columns[2], pa.string()),
            "negated": pa.array(columns[3], pa.bool_()),
            "decade": pa.array(columns[4], pa.string()),
        }
    )
    con.register("_detente_keys", wanted)
    registered.append("_detente_keys")
    rows = con.execute(
        "SELECT DISTINCT e.source, e.target, e.cameo, e.negated, e.event_id, e.date, "
        "e.first_seq FROM events AS e "
        "JOIN _detente_keys AS k USING (source, target, cameo, negated) "
        "WHERE (e.date IS NULL AND k.decade IS NULL) OR left(e.date, 3) = k.decade "
        "OR length(e.date) < 3 OR length(k.decade) < 3 "
        "ORDER BY e.first_seq, e.event_id"
    ).fetchall()
    for source, target, cameo, negated, eid, date, _ in rows:
        out.setdefault((source, target, cameo, bool(negated)), []).append(Candidate(eid, date))
    return out


def _merge_key(ev: Event) -> tuple[str, str, str, bool]:
    """What every mention of one event shares (dates must be compatible, see detente.merge)."""
    return (ev.source, ev.target, ev.cameo, bool(ev.negated))


def _append(columns: dict[str, list[Any]], **row: Any) -> None:
    """Add one row, by column name, to column lists staged for an Arrow table.

    The names must be exactly the table's columns (``columns`` is built from its schema), so a
    column added to :mod:`detente.store.schema` fails here until every writer fills it.
    """
    if row.keys() != columns.keys():
        raise KeyError(f"staged row columns {sorted(row)} != table columns {sorted(columns)}")
    for name, value in row.items():
        columns[name].append(value)


def _conflict_message(doc: Document, stored_path: str | None) -> str:
    return (
        f"id {doc.id!r} already names another document (read from {stored_path or '?'}); "
        "not stored, the stored one is kept (give this one another id)"
    )


def _same_origin(stored_path: str | None, path: str | None) -> bool:
    """Were two versions of a document read from the same place (file, corpus, stdin)?

    Corpus records are ``file:line``: the corpus file is the origin, since an edit may move
    a record to another line. An unknown origin (no path) counts as the same.
    """
    if stored_path is None or path is None:
        return True
    return re.sub(r":\d+$", "", stored_path) == re.sub(r":\d+$", "", path)


def _first(cur: duckdb.DuckDBPyConnection) -> Any:
    """The first row of a result, reading it to the end.

    DuckDB 2 keeps a half-read result open and refuses further work on the connection until
    it is finished, so ``fetchone()`` alone is not enough.
    """
    rows = cur.fetchall()
    return rows[0] if rows else None


def _quoted(names: Iterable[str]) -> list[str]:
    return [f'"{n}"' for n in names]


def _cols(schema: pa.Schema) -> str:
    return ", ".join(_quoted(schema.names))


def _bad_unicode_doc(
    items: list[tuple[Document, Sequence[tuple[int, int, str]], Sequence[Event]]],
) -> str:
    """Name the first document whose text cannot be encoded, for the error message."""

    def ok(value: object) -> bool:
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return False
        return True

    for doc, sentences, events in items:
        fields: list[object] = [doc.id, doc.text, doc.pubdate, doc.title, doc.url, doc.path]
        fields += [text for _, _, text in sentences]
        for ev in events:
            fields += list(ev.to_record().values())
        if not all(ok(f) for f in fields):
            return f"document {doc.id.encode('utf-8', 'backslashreplace').decode()!r}"
    return "a document"
