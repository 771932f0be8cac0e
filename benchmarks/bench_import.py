"""Import speed (GDELT TSV rows/s) and per-dyad query time over a large imported store.

Synthetic GDELT 2.0 event rows (61 tab-separated columns: random dates over 20 years, 40
countries with or without a sector, real CAMEO codes, a URL per row) are written by DuckDB,
imported with ``detente import gdelt`` (the library call), and then the relation series of
single dyads are queried from the store: monthly event counts and mean Goldstein score of
both directions of one pair of countries, as ``detente relations`` reads them.

    python benchmarks/bench_import.py --rows 1000000
    python benchmarks/bench_import.py --rows 10000000 --files 10   # ≈ 4.5 GB of TSV on disk

Not a test: run by hand, results in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from detente.codebook.cameo import all_codes
from detente.imports import import_files
from detente.store import open_store

COUNTRIES = [
    "USA",
    "RUS",
    "CHN",
    "IND",
    "PAK",
    "GBR",
    "FRA",
    "DEU",
    "JPN",
    "KOR",
    "PRK",
    "IRN",
    "IRQ",
    "ISR",
    "PSE",
    "SYR",
    "TUR",
    "UKR",
    "POL",
    "BRA",
    "MEX",
    "CAN",
    "AUS",
    "EGY",
    "SAU",
    "ZAF",
    "NGA",
    "KEN",
    "ETH",
    "AFG",
    "BGD",
    "IDN",
    "VNM",
    "THA",
    "PHL",
    "ITA",
    "ESP",
    "GRC",
    "SRB",
    "VEN",
]
SECTORS = ("", "", "GOV", "MIL", "CVL", "BUS", "COP")


def write_synthetic(path: Path, rows: int, seed: int) -> None:
    """``rows`` GDELT 2.0 event lines at ``path``, generated inside DuckDB."""
    codes = [c for c in all_codes() if len(c) >= 3]
    con = duckdb.connect()
    con.execute(f"SELECT setseed({seed / 1000})")
    con.execute("CREATE TABLE c AS SELECT unnest(?::VARCHAR[]) AS code", [COUNTRIES])
    con.execute("CREATE TABLE s AS SELECT unnest(?::VARCHAR[]) AS sector", [list(SECTORS)])
    con.execute("CREATE TABLE e AS SELECT unnest(?::VARCHAR[]) AS code", [codes])
    nc, ns, ne = len(COUNTRIES), len(SECTORS), len(codes)
    actor = ["{a}", "'NAME ' || {a}", "{c}", "''", "''", "''", "''", "{s}", "''", "''"]

    def actor_sql(country: str, sector: str) -> list[str]:
        code = f"{country} || {sector}"
        return [x.format(a=code, c=country, s=sector) for x in actor]

    geo = ["'0'", *["''"] * 7]
    fields = [
        "CAST(i AS VARCHAR)",
        "strftime(d, '%Y%m%d')",
        "strftime(d, '%Y%m')",
        "strftime(d, '%Y')",
        "'2010.0000'",
        *actor_sql("c1", "s1"),
        *actor_sql("c2", "s2"),
        "'1'",
        "ev",
        "left(ev, 3)",
        "left(ev, 2)",
        "'1'",
        "'0.0'",
        "'1'",
        "'1'",
        "'1'",
        "'0'",
        *geo,
        *geo,
        *geo,
        "strftime(d, '%Y%m%d') || '000000'",
        "'https://news.example/' || CAST(i // 3 AS VARCHAR)",
    ]
    con.execute(
        f"""COPY (
        SELECT concat_ws(chr(9), {", ".join(fields)}) FROM (
            SELECT i, DATE '2005-01-01' + CAST(floor(random() * 7300) AS INTEGER) AS d,
                list_extract(cs, 1 + CAST(floor(random() * {nc}) AS INTEGER)) AS c1,
                list_extract(cs, 1 + CAST(floor(random() * {nc}) AS INTEGER)) AS c2,
                list_extract(ss, 1 + CAST(floor(random() * {ns}) AS INTEGER)) AS s1,
                list_extract(ss, 1 + CAST(floor(random() * {ns}) AS INTEGER)) AS s2,
                list_extract(es, 1 + CAST(floor(random() * {ne}) AS INTEGER)) AS ev
            FROM range({seed}::BIGINT * 1000000000, {seed}::BIGINT * 1000000000 + {rows}) AS t(i),
                (SELECT list(code) AS cs FROM c), (SELECT list(sector) AS ss FROM s),
                (SELECT list(code) AS es FROM e)
        )) TO '{path}' (FORMAT csv, HEADER false, QUOTE '', DELIMITER '\\x01')"""
    )
    con.close()


#: The relation series of one dyad, both directions, by month (what `relations` reads).
DYAD_SQL = """
SELECT left(date, 7) AS month, left(source, 3) AS src, count(*) AS events,
       avg(goldstein) AS goldstein, sum(sources) AS reports
FROM event_records
WHERE (starts_with(source, ?) AND starts_with(target, ?))
   OR (starts_with(source, ?) AND starts_with(target, ?))
GROUP BY ALL ORDER BY month, src
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--files", type=int, default=1, help="split the rows over this many files")
    parser.add_argument("--dir", help="working folder (default: a temporary one)")
    parser.add_argument("--keep", help="copy the store here afterwards (to query it again)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        per_file = args.rows // args.files
        t0 = time.perf_counter()
        paths = []
        for k in range(args.files):
            path = folder / f"synthetic-{k:03d}.export.CSV"
            write_synthetic(path, per_file, seed=k + 1)
            paths.append(str(path))
        size = sum(os.path.getsize(p) for p in paths)
        print(
            f"generated {per_file * args.files:,} rows, {size / 1e6:,.0f} MB "
            f"in {time.perf_counter() - t0:.1f} s"
        )

        db = folder / "bench.duckdb"
        t0, c0 = time.perf_counter(), time.process_time()
        with open_store(db) as store:
            result = import_files(store, "gdelt", paths)
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        rows = result.total("rows")
        # CPU time (all threads) too: on a shared machine the wall time says more about
        # the other jobs than about the import. Load average during the run:
        print(f"load average {os.getloadavg()[0]:.1f}")
        print(
            f"import: {rows:,} rows in {elapsed:.1f} s = {rows / elapsed:,.0f} rows/s; "
            f"{cpu:.1f} CPU-s = {rows / cpu:,.0f} rows per CPU-second "
            f"({result.total('imported'):,} records, {result.total('events_added'):,} events, "
            f"{result.total('merged'):,} merged, {result.total('skipped'):,} skipped)"
        )
        t0 = time.perf_counter()
        with open_store(db) as store:
            result = import_files(store, "gdelt", paths[:1])
        print(
            f"re-import of one file (all already stored): {time.perf_counter() - t0:.1f} s, "
            f"{result.total('imported')} added"
        )

        with open_store(db, read_only=True) as store:
            pairs = [("USA", "RUS"), ("IND", "PAK"), ("CHN", "USA"), ("ISR", "PSE"), ("GBR", "FRA")]
            store.sql("SELECT count(*) FROM event_records")  # read the tables in once
            times = []
            for a, b in pairs:
                t0 = time.perf_counter()
                out = store.sql(DYAD_SQL, [a, b, b, a])
                times.append(time.perf_counter() - t0)
            print(
                f"per-dyad monthly series over {store.counts()['events']:,} events: "
                f"median {statistics.median(times):.3f} s, max {max(times):.3f} s "
                f"({len(out)} rows for {pairs[-1]})"
            )
        if args.keep:
            shutil.copy(db, args.keep)
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, DuckDB {duckdb.__version__}"
    )


if __name__ == "__main__":
    main()
