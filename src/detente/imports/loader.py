"""Importing GDELT, ICEWS and POLECAT event files into a detente store (``detente import``).

Each file is read in large blocks of lines into a DuckDB staging table, parsed and checked
there (column count, date, event code, actor codes) and written to the store in **one
transaction per file**: a file either lands completely or not at all, so an interruption
or a failure never leaves half a file behind. Bad rows are skipped, counted and reported as
``file:line: reason``.

How records become events:

* **Codes.** Actors become detente codes (ISO3 + CAMEO sector, or ``IGO`` codes; see
  :mod:`detente.imports.codes`), events CAMEO codes with detente's Goldstein score, quad
  class and PLOVER type. The dataset's own codes are kept in ``event_sources``
  (``source_original``, ``target_original``, ``code_original``), with the dataset's name and
  record id. The date is the event's own date field (GDELT ``SQLDATE``, ICEWS ``Event
  Date``), never the day the dataset added the record, which is kept as ``pubdate``.
* **Deduplication** (default): records with the same date, source, target and CAMEO code
  become one event — with the records of earlier imports and with events read from texts
  that carry exactly that date — and each record is one of its mentions; ``sources`` counts
  the distinct reports (GDELT URLs, ICEWS stories). ``dedup=False`` keeps one event per record.
* **Idempotence.** A record already stored (same dataset and record id) is skipped, so
  importing a file twice, or two overlapping files, stores each record once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import duckdb
import pyarrow as pa

from detente.errors import DetenteError, InputError, StoreError
from detente.imports.codes import (
    cameo_values,
    gdelt_actor,
    icews_actor,
    plover_to_cameo,
    polecat_actor,
)
from detente.imports.files import Source, expand_paths, iter_line_blocks
from detente.imports.formats import DATASETS, Layout, layout_for
from detente.store import Store

__all__ = ["FileReport", "ImportResult", "import_files"]

#: Problems kept per file with their line (all are counted).
MAX_PROBLEMS = 1000
_TAB = "\t"


@dataclass(slots=True)
class FileReport:
    """What importing one file did.

    ``rows`` data lines read; ``skipped`` bad rows (``problems`` lists the first of them as
    ``file:line: reason``); ``already`` records the store held before (or repeated in the
    file); ``imported`` records stored, ``events_added`` new events, and ``merged`` records
    that joined an event instead of creating one (``imported - events_added``). ``error`` is
    set when the whole file was refused (unreadable, wrong header); nothing of it is stored.
    """

    name: str
    rows: int = 0
    imported: int = 0
    events_added: int = 0
    already: int = 0
    skipped: int = 0
    problems: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def merged(self) -> int:
        return self.imported - self.events_added


@dataclass(slots=True)
class ImportResult:
    """The reports of every file of one import, in order; ``interrupted`` if stopped early."""

    dataset: str
    files: list[FileReport] = field(default_factory=list)
    interrupted: bool = False

    def total(self, name: str) -> int:
        return sum(getattr(f, name) for f in self.files)


def _actor_mapper(dataset: str) -> Callable[[list[str]], str | None]:
    if dataset == "gdelt":
        return lambda p: gdelt_actor(*p)
    if dataset == "icews":
        return lambda p: icews_actor(*p)
    return lambda p: polecat_actor(*p)


def _code_mapper(dataset: str) -> Callable[[list[str]], tuple | None]:
    if dataset == "polecat":

        def plover(p: list[str]) -> tuple | None:
            code = plover_to_cameo(p[0], p[1] if len(p) > 1 else "")
            values = cameo_values(code) if code else None
            # POLECAT codes in PLOVER: keep its own type rather than the CAMEO code's.
            return None if values is None else (*values[:4], p[0].strip().upper())

        return plover
    return lambda p: cameo_values(p[0])


def _stage(con: duckdb.DuckDBPyConnection, source: Source, dataset: str) -> tuple[Layout, int]:
    """Read the file into ``_imp_raw`` (one row per non-empty line); return its layout and
    the number of data lines (blank lines are not rows)."""
    layout: Layout | None = (
        layout_for(dataset, None, source.name) if not DATASETS[dataset] else None
    )
    created = False
    for first, lines in iter_line_blocks(source):
        if layout is None:
            header = lines[0].as_py().split(_TAB)
            layout = layout_for(dataset, header, source.name)
            lines, first = lines.slice(1), first + 1
        if len(lines) == 0:
            continue
        chunk = pa.table(
            {"line": pa.array(range(first, first + len(lines)), pa.int64()), "text": lines}
        )
        con.register("_imp_chunk", chunk)
        try:
            select = (
                f"SELECT line, n, {layout.select_sql()} FROM ("
                f"SELECT line, len(f) AS n, f FROM ("
                f"SELECT line, string_split(text, '{_TAB}') AS f FROM _imp_chunk WHERE text <> ''))"
            )
            if created:
                con.execute(f"INSERT INTO _imp_raw {select}")
            else:
                con.execute(f"CREATE OR REPLACE TEMP TABLE _imp_raw AS {select}")
                created = True
        finally:
            con.unregister("_imp_chunk")
    if layout is None:
        raise InputError(source.name, "the file is empty (no header line)")
    if not created:  # a header and nothing else
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _imp_raw AS SELECT * FROM ("
            f"SELECT 0::BIGINT AS line, 0 AS n, {layout.select_sql()} FROM "
            "(SELECT ['']::VARCHAR[] AS f, 0 AS n)) WHERE false"
        )
    rows = con.execute("SELECT count(*) FROM _imp_raw").fetchall()[0][0]  # blank lines aside
    return layout, rows


def _lookups(con: duckdb.DuckDBPyConnection, dataset: str) -> None:
    """Map the file's distinct actor and event keys in Python, as two small tables."""
    actor = _actor_mapper(dataset)
    keys = [
        r[0]
        for r in con.execute(
            "SELECT src_key FROM _imp_raw UNION SELECT tgt_key FROM _imp_raw"
        ).fetchall()
    ]
    codes = [actor((k or "").split("\x1f")) for k in keys]
    actors = {"key": pa.array(keys, pa.string()), "code": pa.array(codes, pa.string())}
    con.register("_imp_actors", pa.table(actors))
    mapper = _code_mapper(dataset)
    ckeys = [r[0] for r in con.execute("SELECT DISTINCT code_key FROM _imp_raw").fetchall()]
    values = [mapper((k or "").split("\x1f")) for k in ckeys]
    con.register(
        "_imp_codes",
        pa.table(
            {
                "key": pa.array(ckeys, pa.string()),
                "cameo": pa.array([v[0] if v else None for v in values], pa.string()),
                "root": pa.array([v[1] if v else None for v in values], pa.string()),
                "goldstein": pa.array([v[2] if v else None for v in values], pa.float64()),
                "quad": pa.array([v[3] if v else None for v in values], pa.int32()),
                "plover": pa.array([v[4] if v else None for v in values], pa.string()),
            }
        ),
    )


def _date_sql(column: str, fmt: str, chars: int, exact: bool) -> str:
    parsed = f"strftime(try_strptime(left({column}, {chars}), '{fmt}'), '%Y-%m-%d')"
    if exact:
        return f"CASE WHEN length({column}) = {chars} THEN {parsed} END"
    return parsed


def _check(con: duckdb.DuckDBPyConnection, layout: Layout, name: str) -> tuple[int, list[str]]:
    """Build ``_imp_rows`` (every staged row, its detente values and its ``problem``) and
    return the number of bad rows and the first of them as ``file:line: reason``."""
    exact = layout.dataset != "polecat"
    date = _date_sql("r.date_raw", layout.date_format, layout.date_chars, exact)
    if layout.dataset == "gdelt":
        # 00 for an unknown day or month (as `export --format gdelt` writes a date known
        # only to the month or year) is read back as that month or year.
        year = "try_cast(left(r.date_raw, 4) AS INTEGER) BETWEEN 1000 AND 2999"
        date = f"""CASE
            WHEN length(r.date_raw) = 8 AND right(r.date_raw, 4) = '0000' AND {year}
                THEN left(r.date_raw, 4)
            WHEN length(r.date_raw) = 8 AND right(r.date_raw, 2) = '00'
                THEN strftime(try_strptime(left(r.date_raw, 6), '%Y%m'), '%Y-%m')
            ELSE {date} END"""
    pub = (
        _date_sql("r.pub_raw", layout.pub_format, layout.pub_chars, False)
        if layout.pub_format
        else "NULL"
    )
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _imp_rows AS
        SELECT r.line, r.record_id, r.date_raw, r.src_text, r.tgt_text, r.src_orig, r.tgt_orig,
            r.code_orig, r.doc_id, r.url, r.trigger, {date} AS date, {pub} AS pubdate,
            a.code AS source, b.code AS target,
            c.cameo, c.root, c.goldstein, c.quad, c.plover,
            CASE
                WHEN NOT r.width_ok THEN
                    'expected {layout.width} tab-separated columns, found ' || r.n
                WHEN coalesce(r.record_id, '') = '' THEN 'no record id'
                WHEN {date} IS NULL THEN
                    'bad date ' || coalesce('''' || r.date_raw || '''', '(empty)')
                WHEN c.cameo IS NULL THEN
                    'unknown event code ' || coalesce('''' || r.code_orig || '''', '(empty)')
                WHEN coalesce(r.src_orig, '') = '' THEN 'no source actor'
                WHEN coalesce(r.tgt_orig, '') = '' THEN 'no target actor'
                WHEN a.code IS NULL THEN
                    'source actor has no country or organisation code: ''' || r.src_orig || ''''
                WHEN b.code IS NULL THEN
                    'target actor has no country or organisation code: ''' || r.tgt_orig || ''''
            END AS problem
        FROM _imp_raw AS r
        LEFT JOIN _imp_actors AS a ON a.key = r.src_key
        LEFT JOIN _imp_actors AS b ON b.key = r.tgt_key
        LEFT JOIN _imp_codes AS c ON c.key = r.code_key"""
    )
    bad = con.execute("SELECT count(*) FROM _imp_rows WHERE problem IS NOT NULL").fetchall()[0][0]
    first = con.execute(
        "SELECT line, problem FROM _imp_rows WHERE problem IS NOT NULL ORDER BY line LIMIT ?",
        [MAX_PROBLEMS],
    ).fetchall()
    return bad, [f"{name}:{line}: {problem}" for line, problem in first]


def _assign(con: duckdb.DuckDBPyConnection, dataset: str, dedup: bool) -> tuple[int, int]:
    """Build ``_imp_final``: the good records new to the store, each with its event id,
    ``creates`` (it is the first record of a new event) and its ``seq`` (after every stored
    one, in line order; line numbers leave gaps, which only order needs).

    Return (records, records already stored)."""
    # The anti-join and the de-duplication of record ids only run when they can matter.
    stored = con.execute(
        "SELECT count(*) > 0 FROM (SELECT 1 FROM event_sources WHERE dataset = ? LIMIT 1)",
        [dataset],
    ).fetchall()[0][0]
    repeated = con.execute(
        "SELECT count(*) > count(DISTINCT record_id) FROM _imp_rows WHERE problem IS NULL"
    ).fetchall()[0][0]
    where = "problem IS NULL"
    if stored:
        where += (
            " AND record_id NOT IN (SELECT record_id FROM event_sources "
            f"WHERE dataset = '{dataset}')"
        )
    once = (
        "QUALIFY row_number() OVER (PARTITION BY record_id ORDER BY line) = 1" if repeated else ""
    )
    # A view: a filter over _imp_rows is cheaper to scan twice than to copy.
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW _imp_ok AS SELECT * FROM _imp_rows WHERE {where} {once}"
    )
    good = con.execute("SELECT count(*) FROM _imp_rows WHERE problem IS NULL").fetchall()[0][0]
    base = con.execute("SELECT coalesce(max(seq), 0) FROM event_sources").fetchall()[0][0]
    if dedup:
        # The same act (date, source, target, code) joins a stored event, else the event
        # named by its key, so that records of different files meet in one event.
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE _imp_final AS
            WITH keys AS (
                SELECT date, source, target, cameo, min(line) AS first_line
                FROM _imp_ok GROUP BY ALL),
            stored AS (
                SELECT e.date, e.source, e.target, e.cameo,
                       arg_min(e.event_id, e.first_seq) AS event_id
                FROM events AS e JOIN keys USING (date, source, target, cameo)
                WHERE NOT e.negated GROUP BY ALL)
            SELECT o.*,
                coalesce(s.event_id, md5(concat_ws('|', 'import', o.date, o.source, o.target,
                    o.cameo))) AS event_id,
                s.event_id IS NULL AND o.line = k.first_line AS creates,
                {base} + o.line AS seq
            FROM _imp_ok AS o JOIN keys AS k USING (date, source, target, cameo)
            LEFT JOIN stored AS s USING (date, source, target, cameo)"""
        )
    else:
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE _imp_final AS
            SELECT o.*, md5(concat_ws('|', 'import', '{dataset}', o.record_id)) AS event_id,
                true AS creates, {base} + o.line AS seq
            FROM _imp_ok AS o"""
        )
    n = con.execute("SELECT count(*) FROM _imp_final").fetchall()[0][0]
    return n, good - n


def _write(con: duckdb.DuckDBPyConnection, dataset: str, path: str) -> int:
    """Insert the staged records into the store (inside the caller's transaction); return
    the number of events added."""
    now = datetime.now(UTC).replace(tzinfo=None)
    # Each record is one mention; with no character offsets, start/end hold its number in
    # the dataset (or a hash of a non-numeric id) so that every record is its own row.
    start = "coalesce(try_cast(record_id AS BIGINT), (hash(record_id) >> 2)::BIGINT)"
    con.execute(
        """INSERT INTO documents
        SELECT doc_id, md5('import:' || ? || ':' || doc_id), min(pubdate), NULL, any_value(url),
               ?, 0, ?
        FROM _imp_final WHERE doc_id NOT IN (SELECT doc_id FROM documents)
        GROUP BY doc_id""",
        [dataset, path, now],
    )
    before = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    con.execute(
        f"""INSERT INTO events
        SELECT event_id, date, source, target, cameo, root, goldstein, quad, plover, false,
            date_raw, '{dataset}', src_text, tgt_text, trigger, pubdate,
            doc_id, '', {start}, {start}, seq
        FROM _imp_final WHERE creates"""
    )
    after = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    con.execute(
        f"""INSERT INTO event_sources BY NAME
        SELECT event_id, doc_id, {start} AS start, {start} AS "end", '' AS sentence,
            src_text AS source_text, tgt_text AS target_text, date_raw AS date_text,
            '{dataset}' AS date_source, trigger, pubdate, seq, date,
            '{dataset}' AS dataset, record_id, src_orig AS source_original,
            tgt_orig AS target_original, code_orig AS code_original
        FROM _imp_final"""
    )
    return after - before


def _import_one(
    con: duckdb.DuckDBPyConnection, source: Source, dataset: str, dedup: bool
) -> FileReport:
    report = FileReport(source.name)
    layout, report.rows = _stage(con, source, dataset)
    _lookups(con, dataset)
    report.skipped, report.problems = _check(con, layout, source.name)
    n, report.already = _assign(con, dataset, dedup)
    if n:
        con.begin()
        try:
            report.events_added = _write(con, dataset, source.name)
            con.commit()
        except BaseException:
            with contextlib.suppress(duckdb.Error):
                con.rollback()
            raise
    report.imported = n
    return report


def _drop_staging(con: duckdb.DuckDBPyConnection) -> None:
    for name in ("_imp_actors", "_imp_codes"):
        with contextlib.suppress(duckdb.Error):
            con.unregister(name)
    with contextlib.suppress(duckdb.Error):
        con.execute("DROP VIEW IF EXISTS _imp_ok")
    for table in ("_imp_raw", "_imp_rows", "_imp_final"):
        with contextlib.suppress(duckdb.Error):
            con.execute(f"DROP TABLE IF EXISTS {table}")


def import_files(
    store: Store,
    dataset: str,
    paths: Iterable[str],
    *,
    dedup: bool = True,
    on_file: Callable[[FileReport], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> ImportResult:
    """Import event files of ``dataset`` (``gdelt``, ``icews`` or ``polecat``) into ``store``.

    ``paths`` are files (plain, ``.gz`` or ``.zip``) or glob patterns. Each file is one
    transaction; a file that cannot be read at all gets ``FileReport.error`` and the import
    goes on with the next. ``on_file`` is called after each file; ``should_stop`` is
    checked between files (Ctrl-C: finish the current file, then stop).
    """
    dataset = dataset.lower().strip()
    if dataset not in DATASETS:
        raise DetenteError(f"unknown dataset {dataset!r} (choose gdelt, icews or polecat)")
    if store.read_only:
        raise StoreError(f"{store.path}: the store was opened read-only")
    sources = expand_paths(list(paths))
    con = store._connection()  # bulk SQL over the store's own connection and transactions
    result = ImportResult(dataset)
    for source in sources:
        if should_stop is not None and should_stop():
            result.interrupted = True
            break
        try:
            report = _import_one(con, source, dataset, dedup)
        except InputError as exc:
            report = FileReport(source.name, error=str(exc))
        except duckdb.Error as exc:
            msg = " ".join(str(exc).split())
            raise StoreError(
                f"{source.name}: import failed, nothing from this file was stored: {msg}"
            ) from exc
        finally:
            _drop_staging(con)
        result.files.append(report)
        if on_file is not None:
            on_file(report)
    return result
