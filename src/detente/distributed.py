"""Coding a corpus on a Dask cluster: partitions of documents, Parquet parts, resumable.

The client reads the documents and sends them to the workers in *partitions* (a few dozen
documents each). :func:`code_partition` — the worker side, importable so that every worker
finds it — codes a partition with a coder built once per worker process (the spaCy model is
loaded once, as with ``--workers``). The client writes each finished partition as three
Parquet files under the *parts* directory::

    parts/events/part-<run>-<n>.parquet      the events (the contract's fields)
    parts/sentences/part-<run>-<n>.parquet   the sentences
    parts/documents/part-<run>-<n>.parquet   the documents, written last: it marks the part done

Each file is written under a temporary name and renamed, so an interrupted run leaves
only whole parts, and a part counts only once its documents file exists. A re-run skips
every document (same id, same text and publication date) that a finished part holds, and
DuckDB reads the parts back — in input order — for the output or the store. The parts are
written by the client, so workers need no shared file system.

Dask's own documentation on ``dask.distributed`` (``Client``, ``LocalCluster``,
``as_completed``) describes the scheduler used here.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from detente.errors import DetenteError
from detente.model import EVENT_FIELDS, Document, Event, Problems

#: Documents sent to a worker at once: large enough that scheduling costs little, small
#: enough that progress moves and an interrupted run loses little.
PARTITION_DOCS = 32

_DOC_FIELDS = ("id", "text", "pubdate", "title", "url", "path")

# ------------------------------------------------------------------------------ worker side

_CODERS: dict[str, Any] = {}
_LOCK = threading.Lock()


def _coder(key: str, options: dict[str, Any]) -> Any:
    """The coder of these options in this worker process, built on first use."""
    coder = _CODERS.get(key)
    if coder is None:
        from detente.extract import _Coder
        from detente.nlp.people import people_index
        from detente.nlp.pipeline import load_pipeline

        people = options.get("people_index")
        coder = _Coder(
            options.get("nlp") or load_pipeline(options.get("model"), options.get("temponyms", ())),
            options.get("patterns"),
            people if people is not None else people_index(),
            Problems(),
            options["conventions"],
            False,
            options.get("prefilter", True),
        )
        _CODERS[key] = coder
    return coder


def code_partition(
    documents: list[dict[str, Any]], key: str, options: dict[str, Any]
) -> dict[str, Any]:
    """Code one partition on a worker: the documents' sentences and events, as columns.

    ``key`` names the coding options (one coder per options and worker process); a document
    that fails is left out of ``ok`` and described in ``problems``.
    """
    # One pipeline per process: threads of a worker take turns (spaCy is not thread-safe).
    with _LOCK:
        coder = _coder(key, options)
        problems = coder.problems
        problems.items.clear()
        docs = [Document(**d) for d in documents]
        ok: list[int] = []
        sentences: list[tuple[int, int, int, str]] = []
        events: list[dict[str, Any]] = []
        for index, _, sents, evs in coder.run(enumerate(docs), options.get("batch_size", 16)):
            if sents is None or evs is None:
                continue
            ok.append(index)
            sentences += [(index, a, b, t) for a, b, t in sents]
            for seq, ev in enumerate(evs):
                events.append({"index": index, "seq": seq, **ev.to_record()})
        return {
            "ok": ok,
            "sentences": sentences,
            "events": events,
            "problems": list(problems.items),
        }


# ------------------------------------------------------------------------------ parts on disk


def _schemas() -> dict[str, Any]:
    import pyarrow as pa

    s = pa.string()
    event_types = {
        "start": pa.int64(),
        "end": pa.int64(),
        "quad": pa.int64(),
        "goldstein": pa.float64(),
        "negated": pa.bool_(),
    }
    return {
        "documents": pa.schema(
            [("key", s), ("hash", s), ("ok", pa.bool_())] + [(f, s) for f in _DOC_FIELDS]
        ),
        "sentences": pa.schema(
            [("key", s), ("start", pa.int64()), ("end", pa.int64()), ("text", s)]
        ),
        "events": pa.schema(
            [("key", s), ("seq", pa.int64())] + [(f, event_types.get(f, s)) for f in EVENT_FIELDS]
        ),
    }


def _write_atomic(table: Any, path: Path) -> None:
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def write_part(parts: Path, name: str, documents: list[Document], result: dict[str, Any]) -> None:
    """Write one coded partition: events and sentences first, its documents last."""
    import pyarrow as pa

    schemas = _schemas()
    keys = [f"{name}:{i}" for i in range(len(documents))]
    ok = set(result["ok"])
    events = result["events"]
    ev_cols: dict[str, list[Any]] = {
        "key": [keys[e["index"]] for e in events],
        "seq": [e["seq"] for e in events],
    }
    for f in EVENT_FIELDS:
        ev_cols[f] = [e[f] for e in events]
    sents = result["sentences"]
    _write_atomic(pa.table(ev_cols, schema=schemas["events"]), parts / "events" / f"{name}.parquet")
    _write_atomic(
        pa.table(
            {
                "key": [keys[i] for i, _, _, _ in sents],
                "start": [a for _, a, _, _ in sents],
                "end": [b for _, _, b, _ in sents],
                "text": [t for _, _, _, t in sents],
            },
            schema=schemas["sentences"],
        ),
        parts / "sentences" / f"{name}.parquet",
    )
    doc_cols: dict[str, list[Any]] = {
        "key": keys,
        "hash": [d.content_hash for d in documents],
        "ok": [i in ok for i in range(len(documents))],
    }
    for f in _DOC_FIELDS:
        doc_cols[f] = [getattr(d, f) for d in documents]
    _write_atomic(
        pa.table(doc_cols, schema=schemas["documents"]), parts / "documents" / f"{name}.parquet"
    )


def _connect(parts: Path) -> Any:
    """A DuckDB connection with views over the finished parts (empty when there are none)."""
    import duckdb

    con = duckdb.connect()
    for kind, schema in _schemas().items():
        files = sorted((parts / kind).glob("part-*.parquet")) if (parts / kind).is_dir() else []
        if kind != "documents":
            # A part counts once its documents file exists (written last).
            done = {p.name for p in (parts / "documents").glob("part-*.parquet")}
            files = [f for f in files if f.name in done]
        if files:
            listing = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
            con.execute(f"CREATE VIEW {kind} AS SELECT * FROM read_parquet([{listing}])")
        else:
            cols = ", ".join(
                f'CAST(NULL AS {_duck(t)}) AS "{n}"'
                for n, t in zip(schema.names, schema.types, strict=True)
            )
            con.execute(f"CREATE VIEW {kind} AS SELECT {cols} WHERE false")
    return con


def _duck(arrow_type: Any) -> str:
    return {"int64": "BIGINT", "double": "DOUBLE", "bool": "BOOLEAN"}.get(
        str(arrow_type), "VARCHAR"
    )


def done_documents(parts: Path) -> set[tuple[str, str]]:
    """(id, content hash) of every document a finished part has coded."""
    con = _connect(parts)
    try:
        return {
            (i, h) for i, h in con.execute("SELECT id, hash FROM documents WHERE ok").fetchall()
        }
    finally:
        con.close()


def read_back(
    parts: Path, order: list[tuple[str, str]], *, sentences: bool = True
) -> Iterator[tuple[Document, list[tuple[int, int, str]], list[Event]]]:
    """The coded documents of ``order`` ((id, hash) in input order), read by DuckDB from
    the parts: each document with its sentences and events."""
    import pyarrow as pa

    con = _connect(parts)
    try:
        # A table, not a view of the registered Arrow data: the cursors below are
        # connections of their own, which see the (in-memory) database's tables only.
        con.execute("CREATE TABLE wanted (idx BIGINT, id VARCHAR, hash VARCHAR)")
        con.register(
            "wanted_arrow",
            pa.table(
                {
                    "idx": list(range(len(order))),
                    "id": [i for i, _ in order],
                    "hash": [h for _, h in order],
                }
            ),
        )
        con.execute("INSERT INTO wanted SELECT * FROM wanted_arrow")
        # One coded copy per (id, hash), however many runs or partitions coded it.
        con.execute(
            """CREATE TABLE picked AS
               SELECT w.idx, d.* FROM wanted w JOIN (
                 SELECT * FROM documents WHERE ok
                 QUALIFY row_number() OVER (PARTITION BY id, hash ORDER BY key) = 1
               ) d USING (id, hash)"""
        )
        docs = con.execute(f"SELECT idx, key, {', '.join(_DOC_FIELDS)} FROM picked ORDER BY idx")
        ev_cur = con.cursor()
        ev_cur.execute(
            f"""SELECT p.idx, {", ".join("e." + '"' + f + '"' for f in EVENT_FIELDS)}
                FROM picked p JOIN events e USING (key) ORDER BY p.idx, e.seq"""
        )
        se_cur = con.cursor() if sentences else None
        if se_cur is not None:
            se_cur.execute(
                """SELECT p.idx, s.start, s."end", s.text FROM picked p JOIN sentences s
                   USING (key) ORDER BY p.idx, s.start, s."end\""""
            )
        ev_rows = _grouped(ev_cur)
        se_rows = _grouped(se_cur) if se_cur is not None else None
        while True:
            rows = docs.fetchmany(1000)
            if not rows:
                break
            for row in rows:
                idx = row[0]
                document = Document(**dict(zip(_DOC_FIELDS, row[2:], strict=True)))
                events = [
                    Event(**dict(zip(EVENT_FIELDS, r[1:], strict=True))) for r in ev_rows(idx)
                ]
                sents = [(a, b, t) for _, a, b, t in se_rows(idx)] if se_rows else []
                yield document, sents, events
    finally:
        con.close()


def _grouped(cursor: Any) -> Callable[[int], list[tuple]]:
    """Rows of a cursor ordered by their first column, handed out one group at a time."""
    pending: list[tuple] = []
    state = {"rows": iter(())}

    def rows() -> Iterator[tuple]:
        while True:
            chunk = cursor.fetchmany(5000)
            if not chunk:
                return
            yield from chunk

    state["rows"] = rows()

    def take(idx: int) -> list[tuple]:
        out: list[tuple] = []
        while pending and pending[0][0] <= idx:
            row = pending.pop(0)
            if row[0] == idx:
                out.append(row)
        if pending:
            return out
        for row in state["rows"]:
            if row[0] < idx:
                continue
            if row[0] > idx:
                pending.append(row)
                break
            out.append(row)
        return out

    return take


# ------------------------------------------------------------------------------ client side


def connect(address: str, workers: int | None = None) -> Any:
    """A Dask client: ``local`` starts a ``LocalCluster`` of ``workers`` single-threaded
    processes (default: one per CPU); otherwise the scheduler at ``address``."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise DetenteError(f"--dask needs dask[distributed] ({exc})") from None
    if address == "local":
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        client = Client(cluster)
        client._detente_cluster = cluster  # closed with the client (see close())
        return client
    try:
        return Client(address, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise DetenteError(f"--dask {address}: cannot reach the scheduler ({exc})") from None


def close(client: Any) -> None:
    cluster = getattr(client, "_detente_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def extract_on_dask(
    documents: Iterable[Document],
    *,
    client: Any,
    parts: str | Path,
    options: dict[str, Any],
    on_document: Callable[[Document], None] | None = None,
    problems: Problems | None = None,
    partition_docs: int = PARTITION_DOCS,
    sentences: bool = True,
) -> Iterator[tuple[Document, list[tuple[int, int, str]], list[Event]]]:
    """Code ``documents`` on the cluster of ``client``; yield each coded document with its
    sentences and events, in input order, read back from the Parquet ``parts``.

    Documents that finished parts already hold are not sent again (a re-run resumes).
    ``options`` are the coding options (``model``, ``conventions``, ``prefilter``, and any
    ``nlp``/``patterns``/``people_index`` objects, sent once to every worker).
    """
    from dask.distributed import as_completed

    parts = Path(parts)
    done = done_documents(parts)
    run = f"part-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
    key = uuid.uuid4().hex
    heavy = {k for k in ("nlp", "patterns", "people_index") if options.get(k) is not None}
    shipped: Any = options
    if heavy:
        # Objects (a pipeline with users' dictionaries) go to every worker once.
        shipped = client.scatter([options], broadcast=True)[0]
    n_workers = max(1, len(client.scheduler_info().get("workers", {})) or 1)
    order: list[tuple[str, str]] = []
    pending: dict[Any, tuple[str, list[Document]]] = {}
    queue = as_completed()
    count = 0

    def finish(future: Any) -> None:
        name, batch = pending.pop(future)
        try:
            result = future.result()
        except Exception as exc:
            raise DetenteError(
                f"a Dask worker failed ({type(exc).__name__}: {exc}); the finished parts in "
                f"{parts} are kept: re-run to go on"
            ) from None
        if result["problems"] and problems is None:
            # The caller asked for failures to propagate (as in one process); the worker's
            # exception is gone, so its one-line description is raised instead.
            raise DetenteError(result["problems"][0])
        write_part(parts, name, batch, result)
        if problems is not None:
            problems.items.extend(result["problems"])
        if on_document is not None:
            for d in batch:
                on_document(d)

    def submit(batch: list[Document]) -> None:
        nonlocal count
        name = f"{run}-{count:06d}"
        count += 1
        payload = [{f: getattr(d, f) for f in _DOC_FIELDS} for d in batch]
        future = client.submit(code_partition, payload, key, shipped, pure=False)
        pending[future] = (name, batch)
        queue.add(future)

    batch: list[Document] = []
    for document in documents:
        ident = (document.id, document.content_hash)
        order.append(ident)
        if ident in done:
            if on_document is not None:
                on_document(document)
            continue
        done.add(ident)  # a second copy in the input is coded once
        batch.append(document)
        if len(batch) >= partition_docs:
            submit(batch)
            batch = []
            # Two partitions per worker in flight: busy workers, bounded memory.
            while len(pending) >= 2 * n_workers:
                finish(next(queue))
    if batch:
        submit(batch)
    for future in queue:
        finish(future)
    yield from read_back(parts, order, sentences=sentences)


def run_on_dask(
    documents: Iterable[Document],
    *,
    address: str,
    parts: str | Path,
    workers: int,
    options: dict[str, Any],
    on_document: Callable[[Document], None] | None = None,
    problems: Problems | None = None,
) -> Iterator[tuple[Document, list[tuple[int, int, str]], list[Event]]]:
    """:func:`extract_on_dask` on the cluster at ``address`` (``"local"``: a local cluster of
    ``workers`` processes, one per CPU when ``workers`` is 1), closed at the end."""
    client = connect(address, workers if workers > 1 else None)
    try:
        yield from extract_on_dask(
            documents,
            client=client,
            parts=parts,
            options=options,
            on_document=on_document,
            problems=problems,
        )
    finally:
        close(client)
