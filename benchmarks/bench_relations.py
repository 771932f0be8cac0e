"""How fast are the relations at imported scale: 100,000 events across 200 dyads?

Builds a synthetic store (random acts between 200 pairs of countries, 1990–2019, dates to the
month or the year, a few negated and undated), then times what the commands do:
``detente dyads`` (SQL over the whole store), ``relations``/``phases`` for one dyad (SQL
selection + pure functions), the series and phases of every dyad (pure, from the exported
records) and a triad.

    python benchmarks/bench_relations.py [--events 100000] [--dyads 200] [--db PATH]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from detente.model import Document, Event
from detente.relations import dyad_key, dyad_table, load, phases, series, top_dyads, triads
from detente.store import Store

ACTS = [  # CAMEO code, Goldstein, quad (GDELT's table)
    ("042", 1.9, 1),
    ("057", 8.0, 1),
    ("062", 7.4, 2),
    ("111", -2.0, 3),
    ("138", -7.0, 3),
    ("163", -8.0, 4),
    ("190", -10.0, 4),
]
# fmt: off
COUNTRIES = [
    "AFG", "ARG", "AUS", "BRA", "CAN", "CHN", "DEU", "EGY", "ESP", "FRA",
    "GBR", "IDN", "IND", "IRN", "IRQ", "ISR", "ITA", "JPN", "KOR", "MEX",
    "NGA", "PAK", "POL", "RUS", "SAU", "SYR", "TUR", "UKR", "USA", "ZAF",
]
# fmt: on


def synthetic(n_events: int, n_dyads: int, seed: int = 1) -> list[tuple[Document, list, list]]:
    rng = random.Random(seed)
    pairs = set()
    while len(pairs) < n_dyads:
        a, b = rng.sample(COUNTRIES, 2)
        pairs.add((min(a, b), max(a, b)))
    dyads = sorted(pairs)
    # A few busy dyads and many quiet ones, as in real event data.
    weights = [1 / (i + 1) for i in range(n_dyads)]
    batch = []
    per_doc = 1000
    for d in range(0, n_events, per_doc):
        sentences, events = [], []
        text_parts, pos = [], 0
        for i in range(d, min(n_events, d + per_doc)):
            a, b = rng.choices(dyads, weights)[0]
            if rng.random() < 0.5:
                a, b = b, a
            cameo, g, q = rng.choice(ACTS)
            year = rng.randint(1990, 2019)
            r = rng.random()
            month = f"{year}-{rng.randint(1, 12):02d}"
            date = (
                None
                if r < 0.02
                else str(year)
                if r < 0.1
                else month
                if r < 0.3
                else f"{month}-{rng.randint(1, 28):02d}"
            )
            s = f"Event {i}: {a} {cameo} {b}."
            sentences.append((pos, pos + len(s), s))
            text_parts.append(s)
            events.append((s, pos, a, b, cameo, g, q, date, rng.random() < 0.02))
            pos += len(s) + 1
        doc = Document(f"synthetic-{d // per_doc}.txt", " ".join(text_parts))
        evs = [
            Event(
                doc=doc.id,
                sentence=s,
                start=p,
                end=p + len(s),
                date=date,
                date_text=date,
                source=a,
                target=b,
                source_text=a,
                target_text=b,
                cameo=cameo,
                root=cameo[:2],
                goldstein=g,
                quad=q,
                plover=None,
                negated=neg,
                date_source="own" if date else None,
                trigger="x",
                pubdate=None,
            )
            for s, p, a, b, cameo, g, q, date, neg in events
        ]
        batch.append((doc, sentences, evs))
    return batch


def timed(label: str, fn):
    t0 = time.perf_counter()
    out = fn()
    print(f"{label:<48}{time.perf_counter() - t0:>8.2f} s")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--dyads", type=int, default=200)
    ap.add_argument("--db", default=None, help="Keep the store here (default: a temp dir).")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db or Path(tmp) / "bench.duckdb")
        batch = timed("build the synthetic events", lambda: synthetic(args.events, args.dyads))
        with Store(path) as store:
            stats = timed("ingest them (one transaction)", lambda: store.ingest(batch))
            print(f"  {stats.events_added} events stored")
            top = timed("dyads --top 20 (SQL, whole store)", lambda: dyad_table(store, 20))
            a, b = top[0].dyad
            print(f"  busiest dyad {a}-{b}: {top[0].n} events")
            evs = timed(f"load {a}-{b} (SQL selection)", lambda: load(store, [a, b]))
            s = timed(f"series {a}-{b} by month", lambda: series(evs, a, b, by="month"))
            ph = timed(f"phases {a}-{b} by month", lambda: phases(s))
            print(f"  {len(s.rows)} months, {len(ph.phases)} phases")
            everything = timed(
                "read all events (Store.iter_events)", lambda: list(store.iter_events())
            )
        timed("top dyads in Python (all events)", lambda: top_dyads(everything, 20))
        by_dyad = Counter()

        def all_phases() -> int:
            # Each dyad's events, as the store's SQL selection would give them.
            groups = defaultdict(list)
            for e in everything:
                groups[dyad_key(e["source"], e["target"])].append(e)
            n = 0
            for d in top_dyads(everything, None):
                s = series(groups[d.dyad], *d.dyad)
                n += len(phases(s).phases)
                by_dyad[d.dyad] = len(s.rows)
            return n

        n = timed("series + phases of every dyad by year (pure)", all_phases)
        print(f"  {len(by_dyad)} dyads, {n} phases")
        c = next(x for x in COUNTRIES if x not in (a, b))
        timed(f"triads {a} {b} {c} (pure)", lambda: triads(everything, a, b, c))


if __name__ == "__main__":
    main()
