"""Commands that score detente against gold data: ``eval``, ``eval-timex``, ``eval-petrarch``."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console

from detente.cli.base import (
    ActorsOpt,
    AgentsOpt,
    DomesticOpt,
    ModelOpt,
    PetrarchOpt,
    PubdateOpt,
    _coding,
    _errors,
    _model,
    app,
)
from detente.errors import DetenteError


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
    from detente.evaluation.events import evaluate_files, format_scores

    with _errors():
        if text is None and system is None:
            raise DetenteError("eval: give the TEXT to extract from, or --system EVENTS")
        result = evaluate_files(
            gold,
            text=text,
            system=system,
            optional=optional,
            pubdate=pubdate,
            model=_model(model),
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
    from detente.evaluation.timex import evaluate_timex, format_timex_scores

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
    from detente.evaluation.petrarch import evaluate_petrarch, format_petrarch_scores

    with _errors():
        result = evaluate_petrarch(records, dictionaries, model=_model(model))
    if as_json:
        if not show_errors:
            result = {k: v for k, v in result.items() if k != "failures"}
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    Console(highlight=False).print(
        format_petrarch_scores(result, failures=show_errors), markup=False
    )
