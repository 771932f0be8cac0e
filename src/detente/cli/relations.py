"""Commands that read relations from the store: ``relations``, ``phases``, ``triads``,
``dyads`` and ``summary``. Each selects events over the whole store in SQL, then makes one
call of :mod:`detente.relations` and prints its table (``--format table|json|csv``)."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from detente.cli.base import DbOpt, WaitOpt, _errors, app, err
from detente.errors import DetenteError
from detente.wording import count

if TYPE_CHECKING:
    from detente.relations import Phases, Series
    from detente.store import Store

ByOpt = Annotated[str, typer.Option("--by", help="Period: year, quarter or month.")]
FromOpt = Annotated[
    str | None, typer.Option("--from", help="First date (YYYY, YYYY-MM or YYYY-MM-DD).")
]
ToOpt = Annotated[str | None, typer.Option("--to", help="Last date (inclusive).")]
TableFmt = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]
LikeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--actors-like",
        help="Only events whose source or target code matches this SQL LIKE pattern "
        "(case-insensitive, e.g. '%MIL' for militaries); repeatable (any may match).",
    ),
]
WeightOpt = Annotated[
    bool,
    typer.Option(
        "--weight-sources",
        help="Weigh each event by the number of documents that report it (default: each "
        "stored event counts once).",
    ),
]
PenaltyOpt = Annotated[
    float | None,
    typer.Option(
        "--penalty",
        help="Change-point penalty (default: BIC, 2 ln T + ln N); smaller finds more, "
        "weaker turning points.",
    ),
]


@contextmanager
def _store(db: str, wait: float) -> Iterator[Store]:
    from detente.store import open_store

    if not Path(db).exists():
        raise DetenteError(f"{db}: no such store (run `detente analyze` first)")
    with open_store(db, read_only=True, wait=wait) as store:
        yield store


def _check(fmt: str, formats: Sequence[str], by: str | None = None) -> None:
    from detente.relations import BY

    if fmt not in formats:
        raise DetenteError(f"--format: unknown format {fmt!r} ({', '.join(formats)})")
    if by is not None and by not in BY:
        raise DetenteError(f"--by: unknown period {by!r} (year, quarter or month)")


def _actors(*codes: str) -> tuple[str, ...]:
    from detente.relations import check_actors

    try:
        return check_actors(codes)
    except ValueError as exc:
        raise DetenteError(f"actors: {exc}") from None


def _dates(date_from: str | None, date_to: str | None) -> None:
    from detente.relations.periods import bound_period

    for name, value in (("--from", date_from), ("--to", date_to)):
        if value is not None:
            try:
                bound_period(value, "year")
            except ValueError as exc:
                raise DetenteError(f"{name}: {exc}") from None
    if date_from and date_to and date_from[:4] > date_to[:4]:
        raise DetenteError(f"--from {date_from} is after --to {date_to}")


def _series(
    db: str,
    wait: float,
    a: str,
    b: str,
    by: str,
    date_from: str | None,
    date_to: str | None,
    actors_like: list[str] | None,
    weight_sources: bool,
) -> Series:
    from detente.relations import load, series

    _dates(date_from, date_to)
    with _store(db, wait) as store:
        events = load(
            store, [a, b], date_from=date_from, date_to=date_to, actors_like=actors_like or ()
        )
    return series(
        events,
        a,
        b,
        by=by,
        date_from=date_from,
        date_to=date_to,
        weight="sources" if weight_sources else "events",
    )


def _report_counts(s: Series) -> None:
    c = s.counts()
    unit = s.by
    line = (
        f"detente: {s.label}: {count(c['counted'], 'event')} counted in "
        f"{count(c['periods'], unit)} ({count(c['gaps'], unit)} without events)"
    )
    apart = s.not_counted()
    if apart:
        line += "; not counted: " + ", ".join(apart)
    err.print(line, markup=False, soft_wrap=True)


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _print_csv(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(["" if v is None else v for v in row] for row in rows)
    sys.stdout.write(buf.getvalue())


def _f(x: float | None, fmt: str = "+.2f") -> str:
    return "" if x is None else format(x, fmt)


def _event_line(e: dict[str, Any]) -> str:
    from detente.codebook.cameo import cameo_info

    try:
        name = cameo_info(str(e["cameo"])).name
    except KeyError:
        name = str(e["cameo"])
    sentence = " ".join(str(e.get("sentence") or "").split())
    if len(sentence) > 90:
        sentence = sentence[:89] + "…"
    return (
        f"{e.get('date') or 'undated':<11}{e['source']:>7} → {e['target']:<7} {name} "
        f"({e['cameo']}, {float(e['goldstein']):+.1f})\n{'':13}“{sentence}”"
    )


@app.command()
def relations(
    a: Annotated[str, typer.Argument(help="First actor (PAK matches PAK, PAKGOV, PAKMIL…).")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    db: DbOpt = "detente.duckdb",
    by: ByOpt = "year",
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    directed: Annotated[
        bool, typer.Option("--directed", help="Also each direction (A->B, B->A).")
    ] = False,
    fmt: TableFmt = "table",
    actors_like: LikeOpt = None,
    weight_sources: WeightOpt = False,
    wait: WaitOpt = 0.0,
) -> None:
    """A dyad's relation per period: events, quad classes, Goldstein sum and mean, net
    cooperation. Periods without events are shown as gaps; negated, undated and coarsely
    dated events are counted apart (on stderr).

    Example: detente relations PAK RUS --by year --db detente.duckdb
    """
    with _errors(db):
        _check(fmt, ("table", "json", "csv"), by)
        a, b = _actors(a, b)
        s = _series(db, wait, a, b, by, date_from, date_to, actors_like, weight_sources)
        rows = s.to_json(directed)
        if fmt == "json":
            _print_json(rows)
        elif fmt == "csv":
            header = ["period", "direction", "n", "weight", "goldstein_sum", "goldstein_mean"]
            header += [f"quad{q}" for q in "1234"] + ["net_cooperation", "negated"]
            _print_csv(
                header,
                [
                    [r[k] for k in header[:6]]
                    + list(r["quad"].values())
                    + [r["net_cooperation"], r["negated"]]
                    for r in rows
                ],
            )
        else:
            print(
                f"{'period':<9}{'direction':<11}{'n':>4} {'sum':>7} {'mean':>6}  "
                f"{'q1':>3}{'q2':>3}{'q3':>3}{'q4':>3}  {'net':>5}"
            )
            for r in rows:
                if r["n"] == 0:
                    neg = f" ({count(r['negated'], 'negated event')})" if r["negated"] else ""
                    print(f"{r['period']:<9}{r['direction']:<11}   – no events{neg}")
                    continue
                q = r["quad"]
                print(
                    f"{r['period']:<9}{r['direction']:<11}{r['n']:>4} "
                    f"{_f(r['goldstein_sum'], '+.1f'):>7} {_f(r['goldstein_mean']):>6}  "
                    f"{q['1']:>3}{q['2']:>3}{q['3']:>3}{q['4']:>3}  "
                    f"{_f(r['net_cooperation']):>5}"
                )
    _report_counts(s)


def _phases(s: Series, penalty: float | None, min_size: int, top: int) -> Phases:
    from detente.relations import phases as find_phases

    if min_size < 1:
        raise DetenteError("--min-size: must be at least 1")
    if top < 0:
        raise DetenteError("--top: must be at least 0")
    if penalty is not None and not penalty >= 0:
        raise DetenteError("--penalty: must be a number ≥ 0")
    return find_phases(s, penalty=penalty, min_size=min_size, top=top)


@app.command()
def phases(
    a: Annotated[str, typer.Argument(help="First actor.")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    db: DbOpt = "detente.duckdb",
    by: ByOpt = "year",
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    fmt: TableFmt = "table",
    penalty: PenaltyOpt = None,
    min_size: Annotated[int, typer.Option("--min-size", help="Shortest phase, in periods.")] = 2,
    top: Annotated[int, typer.Option("--top", help="Driving events per turning point.")] = 5,
    actors_like: LikeOpt = None,
    weight_sources: WeightOpt = False,
    wait: WaitOpt = 0.0,
) -> None:
    """Phases of a dyad's relation (hostile, tense, cool, thawing, cooperative, close) and
    the turning points between them, each with the events that drive it.

    Example: detente phases PAK RUS --db detente.duckdb
    """
    with _errors(db):
        _check(fmt, ("table", "json", "csv"), by)
        a, b = _actors(a, b)
        s = _series(db, wait, a, b, by, date_from, date_to, actors_like, weight_sources)
        ph = _phases(s, penalty, min_size, top)
        if fmt == "json":
            _print_json(ph.to_json())
        elif fmt == "csv":
            header = ["start", "end", "label", "goldstein_mean", "goldstein_sum", "n"]
            header += ["periods", "gaps", "peak", "turn", "turn_period", "turn_events"]
            rows = []
            for i, p in enumerate(ph.phases):
                t = ph.turning_points[i - 1] if i else None
                evs = "; ".join(
                    f"{e['date']} {e['source']}>{e['target']} {e['cameo']}"
                    for e in (t.events if t else [])
                )
                rows.append(
                    [
                        *(p.start, p.end, p.label, p.goldstein_mean, round(p.goldstein_sum, 3)),
                        *(p.n, p.periods, p.gaps, p.peak, t.direction if t else None),
                        *(t.period if t else None, evs),
                    ]
                )
            _print_csv(header, rows)
        else:
            for i, p in enumerate(ph.phases):
                if i:
                    t = ph.turning_points[i - 1]
                    arrow = "↑" if t.direction == "up" else "↓"
                    print(f"\n{arrow} turning point {t.period} ({t.direction}):")
                    for e in t.events:
                        print("  " + _event_line(e).replace("\n", "\n  "))
                    print()
                span = p.start if p.start == p.end else f"{p.start}–{p.end}"
                if p.label is None:
                    print(f"{span:<11} no events ({count(p.periods, s.by)})")
                    continue
                print(
                    f"{span:<11} {p.label:<12} mean {p.goldstein_mean:+.2f}  "
                    f"{count(p.n, 'event')} in {count(p.periods, s.by)}"
                    + (f", {p.gaps} without events" if p.gaps else "")
                    + (f"; peak {p.peak}" if p.peak and p.periods > 1 else "")
                )
    _report_counts(s)


@app.command()
def triads(
    a: Annotated[str, typer.Argument(help="First actor.")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    c: Annotated[str, typer.Argument(help="Third actor.")],
    db: DbOpt = "detente.duckdb",
    by: ByOpt = "year",
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    fmt: TableFmt = "table",
    actors_like: LikeOpt = None,
    weight_sources: WeightOpt = False,
    penalty: PenaltyOpt = None,
    wait: WaitOpt = 0.0,
) -> None:
    """Three actors per period: the sign of each dyad, whether the triangle is structurally
    balanced (Heider), and the third party's events when a dyad turns.

    Example: detente triads IND PAK RUS --db detente.duckdb
    """
    from detente.relations import load
    from detente.relations import triads as find_triads

    with _errors(db):
        _check(fmt, ("table", "json", "csv"), by)
        actors = _actors(a, b, c)
        _dates(date_from, date_to)
        if penalty is not None and not penalty >= 0:
            raise DetenteError("--penalty: must be a number ≥ 0")
        with _store(db, wait) as store:
            events = load(
                store, actors, date_from=date_from, date_to=date_to, actors_like=actors_like or ()
            )
        result = find_triads(
            events,
            *actors,
            by=by,
            date_from=date_from,
            date_to=date_to,
            weight="sources" if weight_sources else "events",
            penalty=penalty,
        )
        if fmt == "json":
            _print_json([t.to_json() for t in result])
        elif fmt == "csv":
            names = list(result[0].signs) if result else []
            rows = [
                [
                    *(t.period, *t.signs.values(), t.balanced, len(t.events)),
                    "; ".join(f"{x.dyad} {x.direction} ({x.reason})" for x in t.turns),
                ]
                for t in result
            ]
            _print_csv(["period", *names, "balanced", "events", "turns"], rows)
        else:
            mark = {1: "+", -1: "−", 0: "·"}
            for t in result:
                signs = "  ".join(f"{k} {mark[v]}" for k, v in t.signs.items())
                state = {True: "balanced", False: "unbalanced", None: "open (a dyad has no events)"}
                print(f"{t.period:<9}{signs}   {state[t.balanced]}")
                for x in t.turns:
                    tail = "; third party:" if x.third_party else "; no third-party events"
                    print(f"  {x.dyad} turns {x.direction} ({x.reason}){tail}")
                    for e in x.third_party:
                        print("    " + _event_line(e).replace("\n", "\n    "))
    err.print(
        f"detente: {count(len(result), by)} with events among {', '.join(actors)}", markup=False
    )


@app.command()
def dyads(
    db: DbOpt = "detente.duckdb",
    top: Annotated[int, typer.Option("--top", help="How many dyads (0: all).")] = 20,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    fmt: TableFmt = "table",
    actors_like: LikeOpt = None,
    weight_sources: WeightOpt = False,
    wait: WaitOpt = 0.0,
) -> None:
    """The most active dyads of the whole store (computed in SQL), with their Goldstein sum
    and mean, net cooperation and quad classes.

    Example: detente dyads --top 20 --db detente.duckdb
    """
    from detente.relations import dyad_table

    with _errors(db):
        _check(fmt, ("table", "json", "csv"))
        if top < 0:
            raise DetenteError("--top: must be at least 0")
        _dates(date_from, date_to)
        with _store(db, wait) as store:
            rows = dyad_table(
                store,
                top or None,
                date_from=date_from,
                date_to=date_to,
                actors_like=actors_like or (),
                weight="sources" if weight_sources else "events",
            )
        data = [d.to_json() for d in rows]
        if fmt == "json":
            _print_json(data)
        elif fmt == "csv":
            header = ["dyad", "n", "goldstein_sum", "goldstein_mean", "net_cooperation"]
            tail = ["first", "last", "undated", "negated"]
            _print_csv(
                [*header, "quad1", "quad2", "quad3", "quad4", *tail],
                [
                    [d[k] for k in header] + list(d["quad"].values()) + [d[k] for k in tail]
                    for d in data
                ],
            )
        else:
            print(
                f"{'dyad':<15}{'n':>6} {'sum':>8} {'mean':>6} {'net':>6}  "
                f"{'q1':>4}{'q2':>4}{'q3':>4}{'q4':>4}  first–last"
            )
            for d in data:
                q = d["quad"]
                print(
                    f"{d['dyad']:<15}{d['n']:>6} {d['goldstein_sum']:>+8.1f} "
                    f"{d['goldstein_mean']:>+6.2f} {d['net_cooperation']:>+6.2f}  "
                    f"{q['1']:>4}{q['2']:>4}{q['3']:>4}{q['4']:>4}  "
                    f"{d['first'] or ''}–{d['last'] or ''}"
                )


@app.command()
def summary(
    a: Annotated[str, typer.Argument(help="First actor.")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    db: DbOpt = "detente.duckdb",
    by: ByOpt = "year",
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    penalty: PenaltyOpt = None,
    actors_like: LikeOpt = None,
    weight_sources: WeightOpt = False,
    wait: WaitOpt = 0.0,
) -> None:
    """A short factual account of a dyad's relation: its phases and turning points, each
    sentence ending with citations of the sentences its events were read from.

    Example: detente summary PAK RUS --db detente.duckdb
    """
    from detente.relations import summary as account

    with _errors(db):
        _check(fmt, ("text", "json"), by)
        a, b = _actors(a, b)
        s = _series(db, wait, a, b, by, date_from, date_to, actors_like, weight_sources)
        result = account(s, _phases(s, penalty, 2, 5))
        if fmt == "json":
            _print_json(result.to_json())
        else:
            print(result.text())
