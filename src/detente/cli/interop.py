"""``detente import``: GDELT, ICEWS and POLECAT event files into the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from detente.cli.base import DbOpt, WaitOpt, _errors, _fail, _stop_on_sigint, app, err
from detente.errors import DetenteError
from detente.wording import count

#: Bad rows shown per file (all are counted).
_SHOWN = 10


@app.command("import")
def import_(
    dataset: Annotated[str, typer.Argument(help="gdelt, icews or polecat.")],
    files: Annotated[
        list[str],
        typer.Argument(help="Event files (plain, .gz or .zip) or glob patterns like 'data/*.zip'."),
    ],
    db: DbOpt = "detente.duckdb",
    dedup: Annotated[
        bool,
        typer.Option(
            "--dedup/--no-dedup",
            help="Merge records of the same date, source, target and CAMEO code into one "
            "event (default), or keep one event per record.",
        ),
    ] = True,
    wait: WaitOpt = 0.0,
) -> None:
    """Import GDELT (1.0 or 2.0), ICEWS or POLECAT event files into the store.

    Each file is one transaction. Bad rows (wrong number of columns, bad date,
    unknown codes) are skipped and reported as file:line; importing a file again
    adds nothing.

    Example: detente import icews events.2018.tab --db detente.duckdb
    """
    from detente.imports import FileReport, import_files
    from detente.imports.files import expand_paths
    from detente.imports.formats import DATASETS
    from detente.store import open_store

    def on_file(report: FileReport) -> None:
        if report.error:
            err.print(
                f"detente: {report.error}; nothing imported from it", markup=False, soft_wrap=True
            )
            return
        err.print(
            f"detente: {report.name}: {count(report.rows, 'row')}, "
            f"{count(report.imported, 'record')} imported "
            f"({count(report.events_added, 'new event')}, {report.merged} merged into events), "
            f"{report.already} already stored, {report.skipped} skipped",
            markup=False,
            soft_wrap=True,
        )
        for line in report.problems[:_SHOWN]:
            err.print(f"  {line}", markup=False, soft_wrap=True)
        if report.skipped > _SHOWN:
            err.print(f"  … and {report.skipped - _SHOWN} more skipped rows", markup=False)

    with _errors(files[0] if len(files) == 1 else None):
        if dataset.lower().strip() not in DATASETS:
            raise DetenteError(f"unknown dataset {dataset!r} (choose gdelt, icews or polecat)")
        expand_paths(files)  # a missing file or empty glob fails before a store is created
    with (
        _errors(files[0] if len(files) == 1 else None),
        _stop_on_sigint("file") as stop,
        open_store(db, wait=wait) as store,
    ):
        result = import_files(store, dataset, files, dedup=dedup, on_file=on_file, should_stop=stop)
    failed = [f for f in result.files if f.error]
    err.print(
        f"detente: {result.dataset}: {count(len(result.files) - len(failed), 'file')} imported, "
        f"{count(result.total('rows'), 'row')} read, "
        f"{count(result.total('imported'), 'record')} stored as "
        f"{count(result.total('events_added'), 'new event')} "
        f"({result.total('merged')} rows merged), {result.total('already')} already stored, "
        f"{result.total('skipped')} skipped",
        markup=False,
        soft_wrap=True,
    )
    if result.interrupted:
        _fail(
            "interrupted; the files reported above are stored completely, re-run for the rest", 130
        )
    if failed:
        _fail(
            f"{count(len(failed), 'file')} could not be imported: "
            + ", ".join(Path(f.name).name for f in failed)
        )
