"""What the web app reads: an in-memory snapshot of the store, refreshed when the file changes.

Why a snapshot. DuckDB locks a database file per process: one process may write it, or
several may read it (``read_only``), never both at once. ``detente analyze`` holds the
store writable for its whole run, so a server that opened the file for every request
would fail for as long as an analysis runs, and a server holding it open would make
``analyze`` fail. So the app copies the store into an in-memory DuckDB database (a short
read-only open, then closed) and answers every request from that copy. When the file
changes (its size or modification time) and no other process holds it, the next request
takes a new snapshot; while another process is writing, the app keeps answering from the
last one and says how old it is. An ``analyze`` that starts during the copy (usually well
under a second) meets the lock: run it with ``--wait SECONDS`` next to a server.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from detente.errors import StoreError
from detente.store import open_store
from detente.store.schema import SCHEMA, TABLES

# Events with their dyad (countries by three letters, IGOs whole) and the document's name:
# computed once per snapshot so that every page is a plain indexed filter.
_EVENTS_VIEW = """CREATE TABLE web_events AS
    SELECT r.*, least(sa, ta) AS a, greatest(sa, ta) AS b, sa, ta,
           d.title AS doc_title, d.url AS doc_url, d.path AS doc_path
    FROM (SELECT *,
            CASE WHEN source LIKE 'IGO%' THEN source ELSE left(source, 3) END AS sa,
            CASE WHEN target LIKE 'IGO%' THEN target ELSE left(target, 3) END AS ta
          FROM event_records) AS r
    LEFT JOIN documents AS d ON d.doc_id = r.doc"""


def _signature(path: str) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    wal = Path(path + ".wal")
    wal_size = wal.stat().st_size if wal.exists() else -1
    return (st.st_mtime_ns, st.st_size, wal_size)


@dataclass(frozen=True, slots=True)
class SnapshotState:
    taken_at: float  # time.time() of the copy
    stale: bool  # the file changed since, but another process holds it
    reason: str = ""


class Snapshot:
    """An in-memory copy of the store at ``path``; ``cursor()`` gives a reader of it.

    ``writer_lock`` is held by this process's own writer (the upload queue) while it writes,
    so a refresh never opens the file at the same time.
    """

    def __init__(self, path: str | Path, *, min_interval: float = 0.5) -> None:
        self.path = str(path)
        self.min_interval = min_interval
        self.writer_lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._sig: tuple[int, int, int] | None = None
        self._last_try = 0.0
        self._state = SnapshotState(0.0, False)
        self.refresh(force=True)

    @property
    def state(self) -> SnapshotState:
        return self._state

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor on the newest snapshot (refreshed first if the file changed)."""
        self.refresh()
        con = self._con
        assert con is not None
        return con.cursor()

    def refresh(self, *, force: bool = False) -> None:
        """Copy the store again if it changed; keep the old copy if it is being written."""
        sig = _signature(self.path)
        if not force and (
            sig == self._sig or time.monotonic() - self._last_try < self.min_interval
        ):
            return
        # One refresh at a time, and never while our own writer has the file open.
        if not self.writer_lock.acquire(blocking=force):
            return
        try:
            self._last_try = time.monotonic()
            sig = _signature(self.path)
            if not force and sig == self._sig:
                return
            try:
                con = self._copy()
            except StoreError as exc:
                if self._con is None:
                    raise
                self._state = SnapshotState(self._state.taken_at, True, str(exc))
                return
            self._con, self._sig = con, sig
            self._state = SnapshotState(time.time(), False)
        finally:
            self.writer_lock.release()

    def _copy(self) -> duckdb.DuckDBPyConnection:
        mem = duckdb.connect(":memory:")
        try:
            # open_store checks the schema version (and upgrades an old store once).
            with open_store(self.path, read_only=True) as store:
                con = store._connection()
                for table in TABLES:
                    # Table names come from the schema's fixed tuple, never from input.
                    mem.register("_copied", con.sql(f"SELECT * FROM {table}").to_arrow_table())
                    mem.execute(f"CREATE TABLE {table} AS SELECT * FROM _copied")
                    mem.unregister("_copied")
            mem.execute(SCHEMA[-1])  # the event_records view
            mem.execute(_EVENTS_VIEW)
            return mem
        except BaseException:
            with contextlib.suppress(duckdb.Error):
                mem.close()
            raise
