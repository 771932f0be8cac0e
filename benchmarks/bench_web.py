"""How the report and the web app scale: a synthetic store of imported size.

Builds the synthetic store of ``bench_relations.py`` (random acts between pairs of countries,
1990–2019), then times ``detente report`` over the whole store (and its file size), the web
app's snapshot of the store, and its busiest dyad page and search, as a browser would ask.

    python benchmarks/bench_web.py [--events 20000] [--dyads 200]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench_relations import synthetic

from detente.report import write_store_report
from detente.store import Store


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=20_000)
    ap.add_argument("--dyads", type=int, default=200)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        with Store(db) as store:
            store.ingest(synthetic(args.events, args.dyads))
        t = time.perf_counter()
        out = write_store_report(db, Path(tmp) / "report.html")
        print(f"report: {time.perf_counter() - t:.1f} s, {out.stat().st_size / 1e6:.1f} MB")

        from starlette.testclient import TestClient

        from detente.web.app import create_app
        from detente.web.snapshot import Snapshot

        t = time.perf_counter()
        Snapshot(db)
        print(f"snapshot of the store: {time.perf_counter() - t:.2f} s")
        with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
            top = client.get("/api/dyads", params={"size": 1}).json()["items"][0]
            for what, url in (
                (f"dyad page {top['a']}–{top['b']} ({top['events']} events)",
                 f"/dyad/{top['a']}/{top['b']}"),
                ("search 'Event 1'", "/search?q=Event+1"),
                ("overview", "/"),
            ):  # fmt: skip
                t = time.perf_counter()
                r = client.get(url)
                assert r.status_code == 200, (url, r.status_code)
                print(f"{what}: {(time.perf_counter() - t) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
