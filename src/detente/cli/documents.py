"""Commands that read documents: ``extract``, ``analyze``, ``export`` and ``timex``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from detente.cli.base import (
    ActorsOpt,
    AgentsOpt,
    DaskOpt,
    DbOpt,
    DomesticOpt,
    FormatOpt,
    GlobOpt,
    IdOpt,
    ModelOpt,
    NoFilterOpt,
    OutOpt,
    PartsOpt,
    Paths,
    PetrarchOpt,
    PubdateOpt,
    WaitOpt,
    WorkersOpt,
    _check_workers,
    _coding,
    _errors,
    _fail,
    _model,
    _progress,
    _report_problems,
    _stop_on_sigint,
    _track,
    app,
    err,
    settings,
)
from detente.errors import DetenteError
from detente.model import EVENT_FIELDS, Problems
from detente.wording import count


@app.command()
def extract(
    paths: Paths,
    pubdate: PubdateOpt = None,
    fmt: FormatOpt = "jsonl",
    output: OutOpt = None,
    glob: GlobOpt = None,
    model: ModelOpt = None,
    workers: WorkersOpt = 1,
    actors: ActorsOpt = None,
    agents: AgentsOpt = None,
    petrarch_conventions: PetrarchOpt = False,
    domestic: DomesticOpt = False,
    doc_id: IdOpt = None,
    no_filter: NoFilterOpt = False,
    dask: DaskOpt = None,
    parts: PartsOpt = None,
) -> None:
    """Extract dated, coded events from texts; one event per line, no database needed.

    Example: detente extract examples/pakistan-russia.txt -o events.jsonl

    On a Dask cluster: detente extract corpus.jsonl -o events.jsonl --dask local -j 2
    """
    from detente.extract import extract_documents
    from detente.io import iter_documents, write_records

    problems = Problems()
    where = paths[0] if len(paths) == 1 else None
    with (
        _errors(where),
        _stop_on_sigint("document") as stop,
        _progress("extracting", paths, glob) as advance,
    ):
        _check_workers(workers)
        coding = _coding(actors, agents, model, petrarch_conventions, domestic, no_filter)
        docs = iter_documents(paths, pubdate=pubdate, glob=glob, problems=problems, stdin_id=doc_id)

        def until_stopped() -> Iterator[Any]:
            for document in docs:
                if stop():
                    return
                yield document

        records = (
            ev.to_record()
            for ex in extract_documents(
                until_stopped(),
                model=_model(model),
                on_document=_track(advance),
                workers=workers,
                problems=problems,
                dask=dask,
                parts=parts or _default_parts(output),
                **coding,
            )
            for ev in ex.events
        )
        n = write_records(records, fmt, output, fields=EVENT_FIELDS)
    err.print(f"detente: {count(n, 'event')}", markup=False)
    _report_problems(problems)
    if stop():
        _fail("interrupted; the events written are those of complete documents", 130)


def _default_parts(output: str | None) -> str:
    """Where a --dask run of ``extract`` keeps its parts: next to its output."""
    if output and output != "-":
        return f"{output}.parts"
    return "detente.parts"


@app.command()
def analyze(
    paths: Paths,
    db: DbOpt = "detente.duckdb",
    pubdate: PubdateOpt = None,
    glob: GlobOpt = None,
    model: ModelOpt = None,
    batch_size: Annotated[int, typer.Option(help="Documents per transaction.")] = 16,
    workers: WorkersOpt = 1,
    wait: WaitOpt = 0.0,
    actors: ActorsOpt = None,
    agents: AgentsOpt = None,
    petrarch_conventions: PetrarchOpt = False,
    domestic: DomesticOpt = False,
    doc_id: IdOpt = None,
    report: Annotated[
        str, typer.Option("--report", help="Write the HTML report here ('' for none).")
    ] = "report.html",
    no_filter: NoFilterOpt = False,
    dask: DaskOpt = None,
    parts: PartsOpt = None,
) -> None:
    """Extract, store (idempotently), write report.html (the whole store) and print a
    timeline of each dyad of these documents.

    Each batch of documents is one transaction: an interrupted run (Ctrl-C stops after the
    current batch) keeps every finished batch, and re-running finishes the rest.

    Example: detente analyze examples/pakistan-russia.txt --db detente.duckdb

    On a Dask cluster: detente analyze corpus.jsonl --db news.duckdb --dask tcp://host:8786
    """
    from detente.analyze import AnalyzeResult
    from detente.analyze import analyze as run_analyze
    from detente.timeline import format_timeline

    problems = Problems()
    # DETENTE_LOG_BATCHES=1: one line per committed transaction, for logs of long runs.
    log_batches = settings().log_batches

    def on_batch(partial: AnalyzeResult) -> None:
        if log_batches:
            s = partial.stats
            err.print(
                f"detente: committed batch {partial.batches} "
                f"({count(s.documents_added + s.documents_replaced, 'document')} written so far)",
                markup=False,
                soft_wrap=True,
            )

    where = paths[0] if len(paths) == 1 else None
    with (
        _errors(where),
        _stop_on_sigint("batch") as stop,
        _progress("analyzing", paths, glob) as advance,
    ):
        _check_workers(workers)
        if batch_size < 1:
            raise DetenteError("--batch-size: must be at least 1")
        result = run_analyze(
            paths,
            db=db,
            pubdate=pubdate,
            glob=glob,
            model=_model(model),
            batch_size=batch_size,
            problems=problems,
            on_document=_track(advance),
            workers=workers,
            wait=wait,
            should_stop=stop,
            on_batch=on_batch,
            coding=_coding(actors, agents, model, petrarch_conventions, domestic, no_filter),
            stdin_id=doc_id,
            dask=dask,
            parts=parts or f"{db}.parts",
        )
        if report and not result.interrupted:
            from detente.report import write_store_report

            # The report covers the whole store, not only this run's documents.
            write_store_report(db, report, title=f"detente: {Path(db).name}")
    if not result.interrupted:
        Console(highlight=False).print(format_timeline(result.events), markup=False, soft_wrap=True)
        if report:
            err.print(f"detente: report written to {report}", markup=False, soft_wrap=True)
    err.print(result.summary(), markup=False, soft_wrap=True)
    _report_problems(problems)
    if result.interrupted:
        _fail(
            f"interrupted after {count(result.batches, 'batch')}; every stored document is "
            "complete; run the same command again to finish the rest",
            130,
        )


@app.command()
def export(
    db: DbOpt = "detente.duckdb",
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help="jsonl, csv, parquet, or gdelt (GDELT 2.0 event TSV)."),
    ] = "jsonl",
    output: OutOpt = None,
    wait: WaitOpt = 0.0,
) -> None:
    """Write the stored events (one row per event, with its number of sources).

    --format gdelt writes GDELT 2.0's 61 tab-separated columns, for tools that read GDELT.

    Example: detente export --db detente.duckdb --format csv -o events.csv
    """
    from detente.io import write_records
    from detente.store import EXPORT_FIELDS, open_store

    left_out = 0
    with _errors(db):
        if not Path(db).exists():
            raise DetenteError(f"{db}: no such store (run `detente analyze` first)")
        with open_store(db, read_only=True, wait=wait) as store:
            if fmt.lower().strip() == "gdelt":
                from detente.imports.gdelt_export import write_gdelt

                n, left_out = write_gdelt(store, output)
            else:
                n = write_records(store.export_records(), fmt, output, fields=EXPORT_FIELDS)
    err.print(f"detente: {count(n, 'event')}", markup=False)
    if left_out:
        err.print(
            f"detente: {count(left_out, 'event')} left out (undated, dated otherwise than "
            "a day, month or year, or negated: GDELT cannot express them)",
            markup=False,
            soft_wrap=True,
        )


@app.command()
def timex(
    file: Annotated[str, typer.Argument(help="A text file, or - for stdin.")],
    pubdate: PubdateOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or jsonl.")] = "table",
) -> None:
    """Print the time expressions of a text with their normalised TIMEX3 values.

    Example: detente timex examples/pakistan-russia.txt --pubdate 2017-05-01
    """
    from detente.io import iter_documents
    from detente.nlp.timex import tag

    out = Console(highlight=False)
    with _errors():
        if fmt not in {"table", "jsonl"}:
            raise DetenteError(f"--format: unknown format {fmt!r} (table or jsonl)")
        for document in iter_documents([file], pubdate=pubdate):
            for tx in tag(document.text, document.pubdate, temponyms=settings().temponyms):
                rec = {
                    "start": tx.start,
                    "end": tx.end,
                    "text": tx.text,
                    "type": tx.type,
                    "value": tx.value,
                    "mod": tx.mod,
                }
                if fmt == "jsonl":
                    print(json.dumps(rec, ensure_ascii=False))
                else:
                    out.print(
                        f"{tx.start:>7} {tx.type:<9}{tx.value or '':<12}{tx.mod or '':<7}{tx.text}",
                        markup=False,
                    )
