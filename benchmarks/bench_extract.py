"""Throughput of ``detente extract`` against the bare spaCy parse of the same corpus.

Run by hand (not a test); results go in benchmarks/README.md::

    python benchmarks/bench_extract.py                 # ratio, workers, memory (~100k words)
    python benchmarks/bench_extract.py --corpus ngec   # NGEC news stories only
    python benchmarks/bench_extract.py --corpus seed   # the seed-style example, repeated
    python benchmarks/bench_extract.py --dask          # also Dask, 1 and 2 local workers
    python benchmarks/bench_extract.py --scaling       # also 1k / 10k / 100k sentences
    python benchmarks/bench_extract.py --profile       # also per-stage costs and cProfile top

The corpus (``--corpus mixed``, the default) is the bundled example plus the synthetic news
stories of NGEC (../shared/data/peers/NGEC-2025/train_classifiers/*.csv.zip, MIT-declared,
LLM-written and marked as such), cut to ``--words``; ``ngec`` is the NGEC stories alone and
``seed`` the example alone, repeated. Every configuration runs in a fresh process so that
its peak memory (ru_maxrss of the process and its workers) is its own.

* ``bare``: ``spacy.load(model)`` and ``nlp.pipe`` over the texts — the parse alone.
* ``detente``: what ``detente extract corpus.jsonl -o out.jsonl`` does after loading the
  model: read the JSONL corpus, parse, tag time expressions and actors, code events,
  write JSONL.
* ``no-filter``: the same with the sentence prefilter off (``--no-filter``): every
  sentence parsed.
* ``detente-2w``: the same with ``workers=2`` (each worker loads the model once; that
  load is inside the measured time, since a user waits for it too).
* ``dask-1w``/``dask-2w``: ``--dask`` on a local cluster of 1 or 2 single-threaded worker
  processes; the cluster's start and the workers' model loads are in the load column, the
  run (partitions, Parquet parts, DuckDB read-back) in the run column.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "pakistan-russia.txt"
NGEC = (
    ROOT.parent
    / "shared/data/peers/NGEC-2025/train_classifiers/gpt_synthetic_events_2023-10-19_19.csv.zip"
)


def stories(kind: str = "mixed") -> list[str]:
    """The texts of a corpus kind: ``mixed`` (the example, then the NGEC synthetic stories,
    in file order), ``ngec`` (the stories alone) or ``seed`` (the example alone)."""
    texts = [EXAMPLE.read_text(encoding="utf-8")] if kind in ("mixed", "seed") else []
    if kind == "seed":
        return texts
    with zipfile.ZipFile(NGEC) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".csv"))
        with zf.open(name) as fh:
            for row in csv.DictReader(io.TextIOWrapper(fh, encoding="utf-8")):
                if row.get("text", "").strip():
                    texts.append(row["text"])
    return texts


def build_corpus(
    path: Path,
    *,
    words: int | None = None,
    sentences: int | None = None,
    kind: str = "mixed",
) -> dict:
    """Write a JSONL corpus of at least ``words`` words (or about ``sentences`` sentences)."""
    import re

    ends = re.compile(r"[.!?][\"'”’)]*\s")
    out, n_words, n_sents, i = [], 0, 0, 0
    pool = stories(kind)
    while (words is not None and n_words < words) or (
        sentences is not None and n_sents < sentences
    ):
        text = pool[i % len(pool)]
        out.append({"id": f"doc{i}", "text": text})
        n_words += len(text.split())
        n_sents += len(ends.findall(text + " "))
        i += 1
    with path.open("w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec) + "\n")
    return {"documents": len(out), "words": n_words}


def _peak_mb(workers: int) -> float:
    """Peak resident memory of the run: this process plus its workers.

    ``ru_maxrss`` of the children is the largest single child, so with workers the total
    is bounded by own + workers × largest (their peaks need not coincide, so it is an
    upper bound). Linux reports KiB.
    """
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + (workers * kids if workers > 1 else 0)) / 1024


def run_one(mode: str, corpus: Path, workers: int) -> dict:
    """One configuration, in this (fresh) process; returns the measurements."""
    from detente.io import iter_documents

    texts = [d.text for d in iter_documents([str(corpus)])]
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    if mode == "bare":
        import spacy

        from detente.nlp.pipeline import model_name

        nlp = spacy.load(model_name())
        nlp.max_length = 2_000_000
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        cpu1 = time.process_time()
        sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=16))
    elif mode.startswith("dask"):
        from dask.distributed import Client, LocalCluster

        from detente.extract import extract_documents
        from detente.io import write_records
        from detente.model import EVENT_FIELDS, Problems
        from detente.nlp.pipeline import load_pipeline

        def warm() -> None:
            from detente.nlp.patterns import default_patterns
            from detente.nlp.people import people_index

            load_pipeline(None, ())  # the very call (and cache key) the worker's coder makes
            default_patterns()
            people_index()

        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
        client.run(warm)  # every worker loads the model before the clock starts
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        cpu1 = time.process_time()
        count = {"sentences": 0}

        def records():
            docs = iter_documents([str(corpus)])
            for ex in extract_documents(
                docs, dask=cluster.scheduler_address, parts=str(tmp_parts), problems=Problems()
            ):
                count["sentences"] += len(ex.sentences)
                yield from (ev.to_record() for ev in ex.events)

        with tempfile.TemporaryDirectory() as tmp:
            tmp_parts = Path(tmp) / "parts"
            events = write_records(records(), "jsonl", Path(tmp) / "out.jsonl", fields=EVENT_FIELDS)
        seconds_run = time.perf_counter() - t1
        sentences = count["sentences"]
        client.close()
        cluster.close()
    else:
        from detente.extract import extract_documents
        from detente.io import write_records
        from detente.model import EVENT_FIELDS, Problems
        from detente.nlp.pipeline import load_pipeline

        if workers == 1:
            # Start-up: the model and detente's vocabulary (event patterns with PETRARCH's
            # verbs, officials), loaded once per process; reported in the load column, so
            # that the run column measures throughput alone, as for the bare parse.
            from detente.nlp.patterns import default_patterns
            from detente.nlp.people import people_index

            load_pipeline()
            default_patterns()
            people_index()
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        cpu1 = time.process_time()
        problems = Problems()
        count = {"sentences": 0}

        def records():
            docs = iter_documents([str(corpus)], problems=problems)
            for ex in extract_documents(
                docs, workers=workers, problems=problems, prefilter=mode != "no-filter"
            ):
                count["sentences"] += len(ex.sentences)
                yield from (ev.to_record() for ev in ex.events)

        with tempfile.TemporaryDirectory() as tmp:
            events = write_records(records(), "jsonl", Path(tmp) / "out.jsonl", fields=EVENT_FIELDS)
        sentences = count["sentences"]
    seconds = seconds_run if mode.startswith("dask") else time.perf_counter() - t1
    # CPU seconds of this process: on a machine shared with other jobs, the fairer measure
    # of one process's work (meaningless with workers, whose CPU is elsewhere).
    cpu = time.process_time() - cpu1
    result = {
        "mode": mode,
        "workers": workers,
        "load_s": round(load, 2),
        "seconds": round(seconds, 2),
        "cpu_s": round(cpu, 2) if workers == 1 and not mode.startswith("dask") else None,
        "sentences": sentences,
        "words": words,
        "sent_per_s": round(sentences / seconds, 1),
        "words_per_s": round(words / seconds, 1),
        "peak_mb": round(_peak_mb(workers if not mode.startswith("dask") else workers + 1), 1),
    }
    if mode != "bare":
        result["events"] = events
    return result


def in_fresh_process(mode: str, corpus: Path, workers: int = 1) -> dict:
    cmd = [
        sys.executable,
        __file__,
        "--one",
        mode,
        "--corpus-file",
        str(corpus),
        "--workers",
        str(workers),
    ]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        mem = f"{mem_kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration):
        mem = "RAM unknown"
    return f"{os.cpu_count()} CPUs ({cpu}), {mem}, Python {platform.python_version()}, {platform.system()}"


def profile(corpus: Path) -> None:
    """Per-stage costs (each pipeline component timed on its own) and a cProfile top list."""
    import cProfile
    import pstats

    from detente.extract import extract_documents
    from detente.io import iter_documents
    from detente.model import Document
    from detente.nlp.actors import ActorResolver
    from detente.nlp.events import extract_events
    from detente.nlp.people import people_index as _people_index
    from detente.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    documents = list(iter_documents([str(corpus)]))
    stage: dict[str, float] = {name: 0.0 for name in nlp.pipe_names}
    stage["tokenizer"] = stage["extract_events (coding)"] = 0.0
    people = _people_index()
    for document in documents:
        t = time.perf_counter()
        doc = nlp.make_doc(document.text)
        stage["tokenizer"] += time.perf_counter() - t
        doc._.pubdate = document.pubdate
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            doc = proc(doc)
            stage[name] += time.perf_counter() - t
        t = time.perf_counter()
        extract_events(doc, document, resolver=ActorResolver(people_index=people))
        stage["extract_events (coding)"] += time.perf_counter() - t
    total = sum(stage.values())
    print("\nper-stage cost (documents one at a time, no batching):")
    for name, secs in sorted(stage.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<26} {secs:7.2f} s  {100 * secs / total:5.1f} %")
    prof = cProfile.Profile()
    prof.enable()
    for _ in extract_documents([Document(d.id, d.text) for d in documents]):
        pass
    prof.disable()
    print("\ncProfile, top 20 by own time:")
    pstats.Stats(prof).sort_stats("tottime").print_stats(20)


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument(
        "--corpus", choices=("mixed", "ngec", "seed"), default="mixed", help="which texts"
    )
    ap.add_argument("--dask", action="store_true", help="also --dask local, 1 and 2 workers")
    ap.add_argument("--no-workers", action="store_true", help="skip the --workers 2 row")
    ap.add_argument("--scaling", action="store_true", help="also 1k/10k/100k sentences")
    ap.add_argument(
        "--scaling-max", type=int, default=100_000, help="largest scaling run, in sentences"
    )
    ap.add_argument("--profile", action="store_true", help="also per-stage costs and cProfile")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--corpus-file", help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, Path(args.corpus_file), args.workers)))
        return
    print(f"machine: {machine()}")
    print(f"before: {_load()}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        info = build_corpus(corpus, words=args.words, kind=args.corpus)
        print(f"corpus ({args.corpus}): {info['documents']} documents, {info['words']} words\n")
        rows = [
            in_fresh_process("bare", corpus),
            in_fresh_process("detente", corpus),
            in_fresh_process("no-filter", corpus),
        ]
        if not args.no_workers:
            rows.append(in_fresh_process("detente", corpus, workers=2))
        if args.dask:
            rows.append(in_fresh_process("dask", corpus, workers=1))
            rows.append(in_fresh_process("dask", corpus, workers=2))
        bare = rows[0]
        head = (
            f"{'run':<12}{'workers':>8}{'load s':>8}{'run s':>8}{'sent/s':>9}{'words/s':>9}"
            f"{'ratio':>7}{'cpu s':>8}{'cpu ratio':>10}{'peak MB':>9}"
        )
        print(head)
        for r in rows:
            ratio = r["words_per_s"] / bare["words_per_s"]
            cpu = r.get("cpu_s")
            cpu_ratio = f"{bare['cpu_s'] / cpu:.2f}" if cpu else "-"
            print(
                f"{r['mode']:<12}{r['workers']:>8}{r['load_s']:>8}{r['seconds']:>8}"
                f"{r['sent_per_s']:>9}{r['words_per_s']:>9}{ratio:>7.2f}{cpu or '-':>8}"
                f"{cpu_ratio:>10}{r['peak_mb']:>9}"
            )
        print(
            f"\nsentences: bare parse {bare['sentences']}, detente {rows[1]['sentences']}; "
            f"events {rows[1].get('events')} (no filter: {rows[2].get('events')})"
        )
        dask = [r for r in rows if r["mode"] == "dask"]
        if len(dask) == 2:
            print(
                f"dask: 2 workers / 1 worker = {dask[1]['words_per_s'] / dask[0]['words_per_s']:.2f}x"
            )
        print(f"after: {_load()}", flush=True)
        if args.scaling:
            print("\nscaling (detente, 1 worker):")
            print(
                f"{'target sents':>13}{'sentences':>11}{'words':>9}{'run s':>8}{'µs/sent':>9}{'words/s':>9}{'peak MB':>9}"
            )
            for target in (t for t in (1_000, 10_000, 100_000) if t <= args.scaling_max):
                scorpus = Path(tmp) / f"s{target}.jsonl"
                build_corpus(scorpus, sentences=target, kind=args.corpus)
                r = in_fresh_process("detente", scorpus)
                per = 1e6 * r["seconds"] / max(1, r["sentences"])
                print(
                    f"{target:>13}{r['sentences']:>11}{r['words']:>9}{r['seconds']:>8}"
                    f"{per:>9.0f}{r['words_per_s']:>9}{r['peak_mb']:>9}",
                    flush=True,
                )
            print(f"after scaling: {_load()}")
        if args.profile:
            pcorpus = Path(tmp) / "profile.jsonl"
            build_corpus(pcorpus, words=20_000, kind=args.corpus)
            profile(pcorpus)


if __name__ == "__main__":
    main()
