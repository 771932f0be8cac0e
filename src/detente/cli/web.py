"""Commands that show the store: ``report`` (a static HTML file) and ``serve`` (a local web app)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from detente.cli.base import DbOpt, ModelOpt, WaitOpt, _errors, _model, app, err
from detente.errors import DetenteError

ByOpt = Annotated[
    str | None,
    typer.Option("--by", help="year, quarter or month (default: the finest the dates allow)."),
]


@app.command()
def report(
    actors: Annotated[
        list[str] | None, typer.Argument(help="Two actor codes (A B) for one dyad; none: all.")
    ] = None,
    db: DbOpt = "detente.duckdb",
    output: Annotated[
        str, typer.Option("--output", "-o", help="The HTML file to write.")
    ] = "report.html",
    by: ByOpt = None,
    title: Annotated[str | None, typer.Option("--title", help="The report's title.")] = None,
    wait: WaitOpt = 0.0,
) -> None:
    """Write one self-contained HTML report (opens offline) over the whole store, or one dyad.

    Example: detente report PAK RUS --db detente.duckdb -o pak-rus.html
    """
    from detente.report import write_store_report
    from detente.report.series import RESOLUTIONS

    with _errors(db):
        if not Path(db).exists():
            raise DetenteError(f"{db}: no such store (run `detente analyze` first)")
        if actors and len(actors) != 2:
            raise DetenteError("give two actor codes (A B), or none for every dyad")
        if by is not None and by not in RESOLUTIONS:
            raise DetenteError(f"--by: {by!r} is not year, quarter or month")
        dyad = (actors[0].upper(), actors[1].upper()) if actors else None
        write_store_report(db, output, title=title, dyad=dyad, by=by, wait=wait)
    err.print(f"detente: report written to {output}", markup=False, soft_wrap=True)


@app.command()
def serve(
    db: DbOpt = "detente.duckdb",
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    model: ModelOpt = None,
) -> None:
    """Browse the store in a local web app (overview, dyads, actors, documents, search,
    analyse a pasted text) with a JSON API under /api/.

    Example: detente serve --db detente.duckdb --port 8000   (then open http://127.0.0.1:8000/)
    """
    import uvicorn

    from detente.web.app import LOOPBACK, create_app

    with _errors(db):
        hosts = LOOPBACK if host in LOOPBACK else ("*",)
        application = create_app(db, hosts=hosts, model=_model(model))
    if hosts == ("*",):
        err.print(
            f"detente: warning: listening on {host}: anyone who can reach it can read the store "
            "and add texts to it",
            markup=False,
            soft_wrap=True,
        )
    err.print(f"detente: serving {db} at http://{host}:{port}/", markup=False, soft_wrap=True)
    uvicorn.run(application, host=host, port=port, log_level="warning")
