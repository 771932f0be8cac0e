"""The embedded DuckDB store: documents, their sentences, and events merged across sources.

The store is one DuckDB file with plain tables a user can query with any DuckDB client::

    documents      one row per ingested document (doc_id, content_hash, pubdate, ...)
    sentences      the sentences of each document (doc_id, start, "end", text)
    events         one row per distinct event: date, source, target, cameo, negated, its
                   codes, and the provenance of its first mention (first_*)
    event_sources  one row per mention of an event: which document and sentence said it
                   (for a record imported from GDELT, ICEWS or POLECAT: its dataset, record
                   id and original codes; see :mod:`detente.imports`)
    meta           schema_version and who created the file
    event_records  a view: events in the output contract's field names, plus ``sources``
                   (distinct documents) and ``mentions`` (sentences)

Why it is shaped this way:

* **Idempotent ingest.** A document is identified by its id and fingerprinted by
  ``Document.content_hash``. Re-ingesting the same document writes nothing; a changed document
  *replaces* what it contributed (its sentences and event reports), so re-running an analysis
  after editing a file never double counts.
* **Merging.** Several documents (or sentences of one document) often report the same act.
  They become one ``events`` row with several ``event_sources`` rows, so relation indexes
  count acts, not articles, while every mention keeps its provenance. When two mentions are
  the same act is :mod:`detente.merge`'s rule; an event's date is its finest mention's.
* **One transaction per batch.** A batch either lands completely or not at all; a crash or a
  bad record midway leaves the store as it was.
* **All data goes through parameters or Arrow tables**, never into SQL text, so text that
  looks like SQL or markup is stored verbatim.

DuckDB allows one writing process per file. A second process gets a clean ``StoreError``
naming the file and the process that holds it, never a corrupted file.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from detente.errors import StoreError
from detente.model import Document, Event
from detente.store.queries import dyad_totals_sql, selection
from detente.store.schema import (
    EXPORT_FIELDS,
    MIGRATIONS,
    SCHEMA,
    SCHEMA_VERSION,
    TABLES,
)
from detente.store.writing import (
    _bad_unicode_doc,
    _conflict_message,
    _first,
    _quoted,
    _same_origin,
    insert_batch,
    remove_documents,
)


@dataclass(slots=True)
class IngestStats:
    """What one ``Store.ingest`` call changed.

    ``documents_added`` counts ids new to the store, ``documents_replaced`` ids whose content
    changed, ``documents_unchanged`` batch items skipped because the store already had them.
    ``events_added`` counts new ``events`` rows, ``sources_added`` new ``event_sources`` rows
    (mentions), so ``sources_added - events_added`` mentions merged into known events.
    ``conflicts`` lists (doc_id, message) for documents not stored because their id already
    names a document read from another source (``Store.ingest``).
    """

    documents_added: int = 0
    documents_replaced: int = 0
    documents_unchanged: int = 0
    events_added: int = 0
    sources_added: int = 0
    conflicts: list[tuple[str, str]] = field(default_factory=list)

    def __iadd__(self, other: IngestStats) -> IngestStats:
        self.documents_added += other.documents_added
        self.documents_replaced += other.documents_replaced
        self.documents_unchanged += other.documents_unchanged
        self.events_added += other.events_added
        self.sources_added += other.sources_added
        self.conflicts += other.conflicts
        return self


def _one_line(text: str) -> str:
    """DuckDB messages can span lines; the CLI prints exactly one."""
    return " ".join(text.split())


def _translate_open_error(path: str, exc: duckdb.Error) -> StoreError:
    """Turn DuckDB's open-time errors into one-line messages that name the file."""
    msg = _one_line(str(exc))
    if "Could not set lock" in msg or "Conflicting lock" in msg:
        pid = re.search(r"PID (\d+)", msg)
        who = f"PID {pid.group(1)}" if pid else "another process holds its lock"
        return StoreError(
            f"{path}: the store is in use by another detente process ({who}); "
            "add --wait SECONDS to wait for it, or use another --db"
        )
    if "not a valid DuckDB database" in msg:
        return StoreError(f"{path}: not a DuckDB database (is this the right file?)")
    if "read-only mode" in msg and "does not exist" in msg:
        return StoreError(f"{path}: no such store")
    detail = re.sub(r"^[A-Za-z ]*Error: ", "", msg)
    return StoreError(f"{path}: cannot open the store: {detail}")


class _NeedsUpgrade(Exception):
    """Raised inside ``Store`` when a read-only open finds an older schema version."""


class Store:
    """A detente store in one DuckDB file.

    Opening creates the schema if the file is new (unless ``read_only``). The connection is
    held until ``close()``; DuckDB lets only one process hold a writable file, so keep a
    writable store open only while ingesting.
    """

    path: str
    read_only: bool

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._con: duckdb.DuckDBPyConnection | None = None
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise _translate_open_error(self.path, exc) from exc
        try:
            self._prepare()
        except _NeedsUpgrade:
            # An older store opened read-only (e.g. by `export`): upgrade it once, writable.
            self.close()
            Store(self.path).close()
            self._con = duckdb.connect(self.path, read_only=True)
            self._prepare()
        except BaseException:
            self.close()
            raise

    # -- opening -------------------------------------------------------------------------

    def _prepare(self) -> None:
        """Check the file is a detente store of a version we can read; create it if empty."""
        con = self._connection()
        try:
            tables = {
                row[0]
                for row in con.execute(
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_schema = 'main' AND table_catalog = current_database()"
                ).fetchall()
            }
        except duckdb.Error as exc:
            raise _translate_open_error(self.path, exc) from exc
        if "meta" in tables:
            row = _first(con.execute("SELECT value FROM meta WHERE key = ?", ["schema_version"]))
            try:
                version = int(row[0]) if row else 0
            except ValueError:
                version = 0
            if version < 1:
                raise StoreError(f"{self.path}: not a detente store (no schema version)")
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: the store was written by a newer detente "
                    f"(schema version {version}; this one reads up to {SCHEMA_VERSION})"
                )
            if version < SCHEMA_VERSION:
                if self.read_only:
                    raise _NeedsUpgrade
                self._migrate(version)
            return
        if tables:
            # Someone else's DuckDB file: adding our tables to it would be rude and confusing.
            raise StoreError(f"{self.path}: a DuckDB database but not a detente store")
        if self.read_only:
            raise StoreError(f"{self.path}: an empty database, not a detente store")
        try:
            con.begin()
            for statement in SCHEMA:
                con.execute(statement)
            con.execute(
                "INSERT INTO meta VALUES (?, ?), (?, ?)",
                ["schema_version", str(SCHEMA_VERSION), "created_by", _creator()],
            )
            con.commit()
        except duckdb.Error as exc:
            con.rollback()
            raise StoreError(
                f"{self.path}: cannot create the store: {_one_line(str(exc))}"
            ) from exc

    def _migrate(self, version: int) -> None:
        """Upgrade an older store in place, one transaction per version step."""
        con = self._connection()
        while version < SCHEMA_VERSION:
            try:
                con.begin()
                for statement in MIGRATIONS[version]:
                    con.execute(statement)
                version += 1
                con.execute(
                    "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)]
                )
                con.commit()
            except duckdb.Error as exc:
                con.rollback()
                raise StoreError(
                    f"{self.path}: cannot upgrade the store to schema version {version + 1}: "
                    f"{_one_line(str(exc))}"
                ) from exc

    def _connection(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._con

    def close(self) -> None:
        """Release the file (and its lock). Safe to call twice."""
        if self._con is not None:
            con, self._con = self._con, None
            con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "writable"
        state = "closed" if self._con is None else mode
        return f"Store({self.path!r}, {state})"

    # -- reading -------------------------------------------------------------------------

    def document_status(self, doc: Document) -> str:
        """``"new"`` (id unknown), ``"same"`` (same id and content hash), ``"changed"`` (an
        edit of the stored document: same id and origin) or ``"conflict"`` (another input
        reusing the id of a stored document, which ``ingest`` refuses to replace)."""
        row = _first(
            self._connection().execute(
                "SELECT content_hash, path FROM documents WHERE doc_id = ?", [doc.id]
            )
        )
        if row is None:
            return "new"
        if row[0] == doc.content_hash:
            return "same"
        return "changed" if _same_origin(row[1], doc.path) else "conflict"

    def conflict_message(self, doc: Document) -> str:
        """Why ``doc`` is not stored when ``document_status(doc) == "conflict"``."""
        row = _first(
            self._connection().execute("SELECT path FROM documents WHERE doc_id = ?", [doc.id])
        )
        return _conflict_message(doc, row[0] if row else None)

    def stored_ids(self, doc_ids: Iterable[str]) -> set[str]:
        """Which of these document ids the store holds."""
        ids = list(doc_ids)
        return set(self._stored_hashes(ids)) if ids else set()

    def iter_events(self) -> Iterator[dict[str, Any]]:
        """Stored events as contract dicts, in the order they were first ingested.

        Each dict has every field of ``model.EVENT_FIELDS`` (``doc``, ``sentence``, ``start``,
        ``end`` and the *_text fields come from the event's earliest-ingested report still in
        the store), plus ``sources`` (how many reports) and ``event_id``.
        """
        return self._records("", [])

    def events_of(self, doc_ids: Iterable[str]) -> list[dict[str, Any]]:
        """The stored events that any of these documents reports, as ``iter_events`` gives them
        (one dict per event, in the order they were first ingested)."""
        ids = list(doc_ids)
        if not ids:
            return []
        where = (
            "WHERE event_id IN (SELECT event_id FROM event_sources "
            "WHERE list_contains(?::VARCHAR[], doc_id))"
        )
        return list(self._records(where, [ids]))

    def _records(self, where: str, params: list[Any]) -> Iterator[dict[str, Any]]:
        # ``where`` is one of the fixed clauses above; values only go through ``params``.
        cur = self._connection().cursor()
        try:
            cur.execute(
                f"SELECT {', '.join(_quoted(EXPORT_FIELDS))}, event_id "
                f"FROM event_records {where} ORDER BY first_seq, event_id",
                params,
            )
            names = [*EXPORT_FIELDS, "event_id"]
            while rows := cur.fetchmany(2048):
                for row in rows:
                    yield dict(zip(names, row, strict=True))
        finally:
            cur.close()

    def relation_events(
        self,
        actors: Sequence[str] = (),
        *,
        among: bool = True,
        date_from: str | None = None,
        date_to: str | None = None,
        actors_like: Sequence[str] = (),
    ) -> list[dict[str, Any]]:
        """Stored events (as ``iter_events`` gives them) for relations, over the whole store.

        ``actors`` are codes as users name them: a country's three letters match all its
        codes (``PAK`` matches ``PAKGOV``, ``PAKMIL``), an organisation's code matches itself.
        With ``among`` (default) both source and target belong to the actors, else either
        does. ``date_from``/``date_to`` (ISO partial dates) keep dated events overlapping the
        range and every undated one (relations count those apart). ``actors_like``: SQL LIKE
        patterns (``'%MIL'``), at least one of which source or target must match. Negated
        events are included (flagged); callers decide not to count them.
        """
        where, params = selection(
            [a.upper() for a in actors],
            among=among,
            date_from=date_from,
            date_to=date_to,
            actors_like=actors_like,
        )
        try:
            return list(self._records(where, params))
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: {_one_line(str(exc))}") from exc

    def dyad_totals(
        self,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        actors_like: Sequence[str] = (),
        weight: str = "events",
    ) -> list[dict[str, Any]]:
        """Per unordered pair of actors, totals over the whole store, computed in SQL:
        ``a``, ``b``, ``n`` (events counted: negated ones never), ``weight`` (n, or the
        number of reporting documents with ``weight="sources"``), ``goldstein_sum``,
        ``q1``..``q4`` (weighted quad-class counts), ``first``/``last`` dates, ``undated``
        and ``negated`` counts; most active first. With a date range, undated events are
        out of it. Pairs within one country are left out."""
        if weight not in ("events", "sources"):
            raise ValueError(f"unknown weight {weight!r} (events or sources)")
        where, params = selection(
            date_from=date_from, date_to=date_to, keep_undated=False, actors_like=actors_like
        )
        try:
            cur = self._connection().execute(dyad_totals_sql(where, weight), params)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: {_one_line(str(exc))}") from exc
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def sources(self, event_id: str) -> list[dict[str, Any]]:
        """Every stored mention of one event, earliest first (for provenance displays)."""
        cur = self._connection().execute(
            'SELECT doc_id, start, "end", sentence, date, source_text, target_text, date_text, '
            "date_source, trigger, pubdate FROM event_sources WHERE event_id = ? ORDER BY seq",
            [event_id],
        )
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def export_records(self) -> Iterator[dict[str, Any]]:
        """The stored events with exactly the ``EXPORT_FIELDS``, for a writer the caller picks
        (``detente export`` uses :func:`detente.io.write_records`)."""
        return ({k: r[k] for k in EXPORT_FIELDS} for r in self.iter_events())

    def counts(self) -> dict[str, int]:
        """Rows per table (documents, sentences, events, event_sources, meta)."""
        con = self._connection()
        # Table names come from the fixed tuple above, never from input.
        return {t: _first(con.execute(f"SELECT count(*) FROM {t}"))[0] for t in TABLES}

    def sql(self, query: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run one SQL statement with ``?`` parameters and return its rows (for users, tests)."""
        try:
            return self._connection().execute(query, params).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: {_one_line(str(exc))}") from exc

    # -- writing -------------------------------------------------------------------------

    def ingest(
        self,
        batch: Iterable[tuple[Document, Sequence[tuple[int, int, str]], Sequence[Event]]],
    ) -> IngestStats:
        """Store a batch of (document, sentences as (start, end, text), events) in one transaction.

        Per document: ``"same"`` writes nothing; ``"changed"`` first removes the document's old
        sentences and reports (events left with no report are deleted), then inserts the new
        ones; ``"new"`` inserts. Reports are attributed to the Document's id. If anything
        raises, the whole batch is rolled back and the exception propagates (DuckDB errors as
        ``StoreError``).
        """
        if self.read_only:
            raise StoreError(f"{self.path}: the store was opened read-only")
        con = self._connection()
        items = list(batch)
        stats = IngestStats()
        if not items:
            return stats

        stored = self._stored_docs([doc.id for doc, _, _ in items])
        known = {doc_id: digest for doc_id, (digest, _) in stored.items()}
        origins = {doc_id: path for doc_id, (_, path) in stored.items()}
        # doc_id -> the version of it this batch will store (the last differing one wins).
        plan: dict[str, tuple[Document, Sequence[tuple[int, int, str]], Sequence[Event]]] = {}
        for doc, sentences, events in items:
            digest = doc.content_hash
            if known.get(doc.id) == digest:
                stats.documents_unchanged += 1
                continue
            if doc.id in origins and not _same_origin(origins[doc.id], doc.path):
                # Another input reusing an id is not an edit of the stored document:
                # replacing would silently delete that document's events.
                stats.conflicts.append((doc.id, _conflict_message(doc, origins[doc.id])))
                continue
            known[doc.id] = digest
            origins[doc.id] = doc.path
            plan.pop(doc.id, None)  # keep plan ordered by the version actually stored
            plan[doc.id] = (doc, sentences, events)
        replace = [d for d in plan if d in stored]
        stats.documents_added = len(plan) - len(replace)
        stats.documents_replaced = len(replace)
        if not plan:
            return stats

        try:
            con.begin()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot write: {_one_line(str(exc))}") from exc
        registered: list[str] = []
        try:
            if replace:
                remove_documents(con, replace, registered)
            added, sources = insert_batch(con, list(plan.values()), registered)
            stats.events_added = added
            stats.sources_added = sources
            con.commit()
        except BaseException as exc:
            # If DuckDB already aborted the transaction there is nothing left to undo.
            with contextlib.suppress(duckdb.Error):
                con.rollback()
            if isinstance(exc, duckdb.Error):
                raise StoreError(
                    f"{self.path}: writing failed, nothing from this batch was stored: "
                    f"{_one_line(str(exc))}"
                ) from exc
            if isinstance(exc, UnicodeEncodeError):
                raise StoreError(
                    f"{self.path}: {_bad_unicode_doc(items)} holds text that is not valid "
                    "Unicode (a lone surrogate); nothing from this batch was stored"
                ) from exc
            raise
        finally:
            for name in registered:
                with contextlib.suppress(duckdb.Error):
                    con.unregister(name)
        return stats

    def _stored_hashes(self, doc_ids: list[str]) -> dict[str, str]:
        return {doc_id: digest for doc_id, (digest, _) in self._stored_docs(doc_ids).items()}

    def _stored_docs(self, doc_ids: list[str]) -> dict[str, tuple[str, str | None]]:
        """doc_id -> (content hash, path it was read from) for the stored ones."""
        con = self._connection()
        wanted = pa.table({"doc_id": pa.array(sorted(set(doc_ids)), pa.string())})
        con.register("_detente_wanted", wanted)
        try:
            rows = con.execute(
                "SELECT d.doc_id, d.content_hash, d.path FROM documents AS d "
                "JOIN _detente_wanted AS w USING (doc_id)"
            ).fetchall()
        finally:
            con.unregister("_detente_wanted")
        return {doc_id: (digest, path) for doc_id, digest, path in rows}


def open_store(
    path: str | Path = "detente.duckdb", *, read_only: bool = False, wait: float = 0.0
) -> Store:
    """Open (creating if needed) the detente store at ``path``; use it as a context manager.

    DuckDB lets one process hold a writable file. If another process holds it, this raises
    ``StoreError`` at once, or — with ``wait`` seconds — retries until the other process
    has finished, so two ingests into one store serialise instead of failing.
    """
    deadline = time.monotonic() + max(0.0, wait)
    delay = 0.05
    while True:
        try:
            return Store(path, read_only=read_only)
        except StoreError as exc:
            if not _is_lock_error(exc) or time.monotonic() >= deadline:
                if wait > 0 and _is_lock_error(exc):
                    raise StoreError(f"{exc} (gave up after waiting {wait:g} s)") from exc
                raise
        time.sleep(min(delay, max(0.0, deadline - time.monotonic())))
        delay = min(delay * 2, 1.0)


def _is_lock_error(exc: StoreError) -> bool:
    return "in use by another detente process" in str(exc)


def _creator() -> str:
    try:
        from importlib.metadata import version

        return f"detente {version('detente')}"
    except Exception:  # not installed as a distribution (running from a checkout)
        return "detente"
