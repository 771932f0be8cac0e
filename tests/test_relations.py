"""detente.relations on hand-built events: series with gaps, phases and turning points with
their driving events, structural balance of triads, top dyads in SQL and in Python, the
summary's citations, and the CLI commands that print them."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from builders import make_event
from detente.cli import app
from detente.model import Document, Event
from detente.relations import (
    balanced,
    dyad_series,
    dyad_table,
    load,
    network,
    networks,
    phases,
    series,
    summary,
    top_dyads,
    triads,
)
from detente.store import Store

#: (CAMEO code, Goldstein score, quad class) of the acts the tests use, as in GDELT's table.
ACTS = {
    "visit": ("042", 1.9, 1),
    "criticize": ("111", -2.0, 3),
    "agree": ("057", 8.0, 1),
    "exercise": ("062", 7.4, 2),
    "attack": ("190", -10.0, 4),
    "embargo": ("163", -8.0, 4),
}

Spec = tuple[str | None, str, str, str]  # (date, source, target, act)


def chronicle(specs: list[Spec], doc_id: str = "chronicle.txt", negated: set[int] = frozenset()):
    """A document with one sentence per event and the events read from it."""
    sentences = [f"Report {i}: {s} {a} {t} ({d})." for i, (d, s, t, a) in enumerate(specs)]
    doc = Document(doc_id, " ".join(sentences))
    events: list[Event] = []
    for i, ((date, source, target, act), sentence) in enumerate(zip(specs, sentences, strict=True)):
        cameo, goldstein, quad = ACTS[act]
        events.append(
            make_event(
                doc,
                sentence,
                source=source,
                target=target,
                cameo=cameo,
                date=date,
                goldstein=goldstein,
                quad=quad,
                negated=i in negated,
                source_text=source,
                target_text=target,
                trigger=act,
            )
        )
    spans = []
    for s in sentences:
        start = doc.text.index(s)
        spans.append((start, start + len(s), s))
    return doc, spans, events


def records(specs: list[Spec], **kw: Any) -> list[dict[str, Any]]:
    return [e.to_record() for e in chronicle(specs, **kw)[2]]


def cold_warm_break() -> list[Spec]:
    """FRA–DEU: tense for ten years (criticism), close for ten (agreements, exercises),
    then hostile (attacks, embargoes)."""
    specs: list[Spec] = []
    for y in range(1950, 1960):
        specs += [(str(y), "FRAGOV", "DEU", "criticize"), (f"{y}-06", "DEU", "FRA", "criticize")]
    for y in range(1960, 1970):
        specs += [(str(y), "FRA", "DEUGOV", "agree"), (f"{y}-09", "DEUMIL", "FRAMIL", "exercise")]
    for y in range(1970, 1976):
        specs += [(str(y), "DEUMIL", "FRA", "attack"), (f"{y}-03", "FRA", "DEU", "embargo")]
    return specs


# -- series ---------------------------------------------------------------------------------


def test_series_counts_measures_and_both_directions():
    evs = records(
        [
            ("2001", "PAKGOV", "RUS", "agree"),
            ("2001-05", "RUS", "PAK", "criticize"),
            ("2001-07", "RUSMIL", "PAKMIL", "exercise"),
            ("2001", "PAK", "IND", "attack"),  # another dyad: ignored
        ]
    )
    s = series(evs, "PAK", "RUS")
    (row,) = s.rows
    assert (row.period, row.n, row.goldstein_sum) == ("2001", 3, 13.4)
    assert row.goldstein_mean == round(13.4 / 3, 3)
    assert row.quad == {"1": 1, "2": 1, "3": 1, "4": 0}
    assert row.net_cooperation == round((2 - 1) / 3, 3)
    ab, ba = s.directed["PAK->RUS"][0], s.directed["RUS->PAK"][0]
    assert (ab.n, ab.goldstein_sum) == (1, 8.0)
    assert (ba.n, ba.goldstein_sum) == (2, 5.4)
    assert row.to_json() | {"quad": None} == {
        "period": "2001",
        "direction": "PAK-RUS",
        "n": 3,
        "weight": 3,
        "goldstein_sum": 13.4,
        "goldstein_mean": 4.467,
        "quad": None,
        "net_cooperation": 0.333,
        "negated": 0,
    }


def test_empty_periods_are_gaps_not_zero_cooperation():
    evs = records([("2000", "FRA", "DEU", "visit"), ("2003-02", "DEU", "FRA", "agree")])
    s = series(evs, "FRA", "DEU")
    assert [r.period for r in s.rows] == ["2000", "2001", "2002", "2003"]
    assert s.gaps == ["2001", "2002"]
    gap = s.to_json()[1]
    assert gap["n"] == 0
    assert gap["goldstein_sum"] is None and gap["goldstein_mean"] is None
    assert gap["net_cooperation"] is None
    # --from/--to widen the series with gaps at both ends.
    wide = series(evs, "FRA", "DEU", date_from="1998", date_to="2004")
    assert (wide.rows[0].period, wide.rows[-1].period) == ("1998", "2004")
    assert wide.rows[0].gap and wide.rows[-1].gap


def test_negated_undated_and_coarse_events_are_counted_apart():
    specs: list[Spec] = [
        ("2005-03", "RUS", "PAK", "visit"),
        ("2005-03", "RUS", "PAK", "criticize"),  # negated: "Russia did not criticise …"
        ("2006", "PAK", "RUS", "agree"),  # only a year: not in a month
        (None, "PAK", "RUS", "agree"),  # undated
        ("2006-02", "RUS", "PAK", "criticize"),  # negated, the only event of its month
    ]
    evs = records(specs, negated={1, 4})
    s = series(evs, "PAK", "RUS", by="month")
    assert s.counts() == {
        "counted": 1,
        "periods": 12,
        "gaps": 11,
        "undated": 1,
        "coarse": 1,
        "negated": 2,
        "outside": 0,
    }
    march, feb = s.rows[0], s.rows[-1]
    assert (march.period, march.n, march.goldstein_sum, march.negated) == ("2005-03", 1, 1.9, 1)
    assert (feb.period, feb.n, feb.goldstein_sum, feb.negated) == ("2006-02", 0, None, 1)
    yearly = series(evs, "PAK", "RUS")
    assert [(r.period, r.n) for r in yearly.rows] == [("2005", 1), ("2006", 1)]


def test_quarters_and_actor_codes():
    evs = records(
        [
            ("1999-02-11", "PAKGOV", "RUSLEG", "visit"),
            ("1999-05", "IGOSCO", "RUS", "agree"),
            ("1999-08", "PAK", "IGOSCOGOV", "agree"),  # not the organisation IGOSCO itself
        ]
    )
    s = series(evs, "PAK", "RUS", by="quarter")
    assert [(r.period, r.n) for r in s.rows] == [("1999-Q1", 1)]
    sco = series(evs, "IGOSCO", "RUS", by="quarter")
    assert [(r.period, r.n) for r in sco.rows] == [("1999-Q2", 1)]


def test_merged_events_count_once_unless_weighted_by_sources(tmp_path: Path):
    one = chronicle([("1963-01", "FRA", "DEU", "agree")], doc_id="paris.txt")
    two = chronicle([("1963-01", "FRA", "DEU", "agree")], doc_id="bonn.txt")
    with Store(tmp_path / "s.duckdb") as store:
        store.ingest([one, two])
        evs = load(store, ["FRA", "DEU"])
    assert len(evs) == 1 and evs[0]["sources"] == 2
    assert series(evs, "FRA", "DEU").rows[0].n == 1
    weighted = series(evs, "FRA", "DEU", weight="sources").rows[0]
    assert (weighted.n, weighted.weight, weighted.goldstein_sum) == (1, 2.0, 16.0)
    assert weighted.goldstein_mean == 8.0


def test_store_selection_matches_codes_dates_and_patterns(tmp_path: Path):
    specs: list[Spec] = [
        ("1990", "PAKGOV", "RUS", "visit"),
        ("1995-06", "PAKMIL", "RUSMIL", "exercise"),
        ("2001", "RUS", "PAK", "agree"),
        (None, "RUS", "PAK", "criticize"),
        ("2001", "PAK", "IND", "attack"),
        ("2001", "PAK", "PAKMIL", "attack"),
    ]
    with Store(tmp_path / "s.duckdb") as store:
        store.ingest([chronicle(specs)])
        dyad = load(store, ["PAK", "RUS"])
        ranged = load(store, ["PAK", "RUS"], date_from="1995-01", date_to="2000")
        military = load(store, ["PAK", "RUS"], actors_like=["%mil"])
        around = load(store, ["IND"], among=False)
    # Events among the actors, in SQL; the one within Pakistan (PAK → PAKMIL) is among them
    # too, and the relations functions leave it out.
    assert sorted(str(e["date"]) for e in dyad) == ["1990", "1995-06", "2001", "2001", "None"]
    assert [r.n for r in series(dyad, "PAK", "RUS").rows if r.n] == [1, 1, 1]
    assert sorted(str(e["date"]) for e in ranged) == ["1995-06", "None"]  # undated kept
    assert [e["cameo"] for e in military] == ["062", "190"]  # PAKMIL on either side
    assert [(e["source"], e["target"]) for e in around] == [("PAK", "IND")]
    # Selecting in SQL agrees with the pure functions reading every event.
    everything = [e.to_record() for e in chronicle(specs)[2]]
    assert series(dyad, "PAK", "RUS").to_json() == series(everything, "PAK", "RUS").to_json()


# -- phases -----------------------------------------------------------------------------------


def test_phases_find_a_thaw_and_a_break_with_their_driving_events():
    s = series(records(cold_warm_break()), "FRA", "DEU")
    ph = phases(s)
    assert [(p.start, p.end, p.label) for p in ph.phases] == [
        ("1950", "1959", "tense"),
        ("1960", "1969", "close"),
        ("1970", "1975", "hostile"),
    ]
    up, down = ph.turning_points
    assert (up.period, up.direction, up.before, up.after) == ("1960", "up", "tense", "close")
    assert (down.period, down.direction) == ("1970", "down")
    # The drivers are the turn's own events, strongest first: the 1960 agreement and exercise.
    assert [(e["date"], e["cameo"]) for e in up.events[:2]] == [("1960", "057"), ("1960-09", "062")]
    assert up.events[0]["contribution"] == 10.0  # +8 against the tense phase's −2
    assert [(e["date"], e["cameo"]) for e in down.events[:2]] == [
        ("1970", "190"),
        ("1970-03", "163"),
    ]
    assert all(e["sentence"].startswith("Report ") for e in up.events + down.events)
    out = ph.to_json()
    assert [p["label"] for p in out["phases"]] == ["tense", "close", "hostile"]
    assert out["turning_points"][0]["events"][0]["source"] == "FRA"
    assert set(out["turning_points"][0]) >= {"period", "direction", "events"}


def test_a_warming_out_of_a_cool_phase_is_a_thaw():
    specs: list[Spec] = []
    for y in range(1980, 1990):
        specs.append((str(y), "FRA", "DEU", "visit"))
    for y in range(1990, 2000):
        specs += [(str(y), "FRA", "DEU", "agree"), (str(y), "DEU", "FRA", "visit")] * 2
    ph = phases(series(records(specs), "FRA", "DEU"))
    assert [p.label for p in ph.phases] == ["cool", "thawing"]  # 1.9, then (8 + 1.9) / 2
    assert ph.turning_points[0].period == "1990"


def test_sparse_yearly_series_change_found_within_one_period():
    rng = random.Random(7)
    specs: list[Spec] = []
    for y in range(1980, 1995):  # an event every other year, mostly criticism
        if y % 2 == 0:
            specs.append((str(y), "IND", "PAK", rng.choice(["criticize", "criticize", "visit"])))
    for y in range(1995, 2010):  # two a year, mostly agreements
        for _ in range(2):
            specs.append((str(y), "PAK", "IND", rng.choice(["agree", "exercise", "visit"])))
    evs = records(specs)
    assert len(evs) == 38  # a few dozen events
    ph = phases(series(evs, "IND", "PAK"))
    assert len(ph.turning_points) == 1
    tp = ph.turning_points[0]
    assert tp.direction == "up" and abs(int(tp.period) - 1995) <= 1
    assert tp.events and all(int(e["date"][:4]) >= 1995 for e in tp.events)


def test_a_steady_relation_has_one_phase():
    rng = random.Random(3)
    specs = [(str(y), "FRA", "DEU", rng.choice(["visit", "agree"])) for y in range(1960, 1990)]
    ph = phases(series(records(specs), "FRA", "DEU"))
    assert len(ph.phases) == 1 and ph.turning_points == []
    assert (ph.phases[0].start, ph.phases[0].end) == ("1960", "1989")


def test_empty_dyad_and_single_period():
    assert phases(series([], "FRA", "DEU")).phases == []
    one = phases(series(records([("2000", "FRA", "DEU", "criticize")]), "FRA", "DEU"))
    assert [(p.start, p.label) for p in one.phases] == [("2000", "tense")]
    assert one.turning_points == [] and one.penalty is None


def test_a_lower_penalty_finds_more_turning_points():
    specs = cold_warm_break()
    s = series(records(specs), "FRA", "DEU")
    assert len(phases(s, penalty=1e6).phases) == 1
    assert len(phases(s, penalty=0.5).phases) >= 3


# -- triads -----------------------------------------------------------------------------------


def test_balance_of_signed_triangles():
    assert balanced([1, 1, 1]) is True
    assert balanced([1, -1, -1]) is True  # two friends against a common enemy
    assert balanced([1, 1, -1]) is False  # friends of one another's enemy
    assert balanced([-1, -1, -1]) is False
    assert balanced([1, 0, -1]) is None  # no triangle when a dyad is silent


def test_triads_signs_balance_and_third_party_at_a_turn():
    specs: list[Spec] = [
        ("2014", "PAK", "RUS", "agree"),
        ("2014", "IND", "RUS", "agree"),
        ("2014", "IND", "PAK", "visit"),  # all three friendly: balanced
        ("2015", "PAK", "RUS", "visit"),
        ("2015", "IND", "RUS", "agree"),
        ("2015", "IND", "PAK", "attack"),  # IND at odds with PAK, friends with RUS: unbalanced
        ("2016-10", "PAKMIL", "RUSMIL", "exercise"),
        ("2016", "INDGOV", "RUS", "criticize"),  # India objects to the exercise
        ("2016", "IND", "PAK", "criticize"),
    ]
    result = triads(records(specs), "IND", "PAK", "RUS")
    assert [(t.period, t.signs, t.balanced) for t in result] == [
        ("2014", {"IND-PAK": 1, "IND-RUS": 1, "PAK-RUS": 1}, True),
        ("2015", {"IND-PAK": -1, "IND-RUS": 1, "PAK-RUS": 1}, False),
        ("2016", {"IND-PAK": -1, "IND-RUS": -1, "PAK-RUS": 1}, True),
    ]
    turn = next(x for x in result[2].turns if x.dyad == "IND-RUS")
    assert (turn.direction, turn.reason) == ("down", "sign change")
    # The third party (Pakistan) in that year: the exercise and India's criticism of it.
    assert {(e["source"], e["target"], e["cameo"]) for e in turn.third_party} == {
        ("PAKMIL", "RUSMIL", "062"),
        ("IND", "PAK", "111"),
    }
    j = result[1].to_json()
    assert j["balanced"] is False and len(j["events"]) == 3 and j["period"] == "2015"


def test_triad_with_a_silent_dyad_is_open():
    result = triads(records([("2000", "FRA", "DEU", "agree")]), "FRA", "DEU", "GBR")
    assert [(t.period, t.balanced) for t in result] == [("2000", None)]
    assert result[0].signs == {"FRA-DEU": 1, "FRA-GBR": 0, "DEU-GBR": 0}


# -- network and top dyads ------------------------------------------------------------------


def test_top_dyads_in_sql_agree_with_python(tmp_path: Path):
    specs = [
        *cold_warm_break(),
        ("2001", "PAK", "RUS", "agree"),
        ("2002", "RUSGOV", "PAK", "visit"),
        (None, "IGOSCO", "PAK", "agree"),
        ("2003", "PAK", "PAKMIL", "attack"),  # within one country: not a dyad
    ]
    doc = chronicle(specs, negated={0})
    with Store(tmp_path / "s.duckdb") as store:
        store.ingest([doc])
        in_sql = dyad_table(store, None)
        evs = list(store.iter_events())
        ranged = dyad_table(store, None, date_from="1999")
    in_python = top_dyads(evs, None)
    assert [d.to_json() for d in in_sql] == [d.to_json() for d in in_python]
    first = in_sql[0].to_json()
    assert first["dyad"] == "DEU-FRA" and first["n"] == 51 and first["negated"] == 1
    assert [d.to_json()["dyad"] for d in in_sql] == ["DEU-FRA", "PAK-RUS", "IGOSCO-PAK"]
    assert [d.to_json() for d in ranged] == [
        d.to_json() for d in top_dyads(evs, None, date_from="1999")
    ]
    assert [d.dyad for d in ranged] == [("PAK", "RUS")]  # undated events are out of a range


def test_network_is_signed_and_weighted():
    evs = records(
        [
            ("2000", "FRA", "DEU", "agree"),
            ("2000", "FRA", "GBR", "criticize"),
            ("2001", "DEU", "GBR", "visit"),
        ]
    )
    g = network(evs)
    assert g["FRA"]["DEU"]["sign"] == 1 and g["FRA"]["GBR"]["sign"] == -1
    assert g["FRA"]["GBR"]["weight"] == 2.0 and g["FRA"]["DEU"]["n"] == 1
    per_year = networks(evs)
    assert list(per_year) == ["2000", "2001"]
    assert set(per_year["2001"].edges) == {("DEU", "GBR")}


def test_the_static_report_index_still_works():
    s = dyad_series(records([("1999-02", "INDGOV", "PAK", "visit")]))
    assert s[("IND", "PAK")][0].index == 1.9


# -- summary ---------------------------------------------------------------------------------


def test_summary_is_templated_from_phases_with_citations():
    evs = records(cold_warm_break())
    s = series(evs, "FRA", "DEU")
    text = summary(s, phases(s)).text()
    lines = text.splitlines()
    assert lines[0].startswith("FRA and DEU: 52 events from 1950 to 1975, in 26 of 26 years")
    assert "From 1950 to 1959 relations were tense" in text
    assert "In 1960 relations turned up (tense → close), driven by FRA → DEUGOV" in text
    assert "In 1970 relations turned down (close → hostile)" in text
    # Every statement about events ends with citations, and every citation is listed with the
    # sentence it points to.
    body = lines[: lines.index("")]
    assert all(line.rstrip().endswith("]") for line in body)
    sources = lines[lines.index("Sources:") + 1 :]
    assert sources and all("chronicle.txt:" in ln and "“Report " in ln for ln in sources)
    cited = json.dumps(summary(s, phases(s)).to_json())
    assert '"citation": "chronicle.txt:' in cited


def test_summary_of_an_empty_dyad():
    s = series(records([(None, "FRA", "DEU", "agree")]), "FRA", "DEU")
    assert summary(s, phases(s)).text() == (
        "No dated events between FRA and DEU in the store (1 undated event)."
    )


# -- the commands -----------------------------------------------------------------------------

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "rel.duckdb"
    specs = [
        *cold_warm_break(),
        ("1960", "FRA", "GBR", "agree"),
        ("1960", "DEU", "GBR", "criticize"),
        ("1972", "GBR", "FRA", "criticize"),
    ]
    with Store(path) as store:
        store.ingest([chronicle(specs, negated={0})])
    return str(path)


def invoke(*args: str):
    result = runner.invoke(app, list(args))
    return result


def test_cli_relations_json_table_and_csv(db: str):
    r = invoke("relations", "FRA", "DEU", "--db", db, "--format", "json", "--to", "1977")
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [k for k in rows[0] if k != "direction"][:6] == [
        "period",
        "n",
        "weight",
        "goldstein_sum",
        "goldstein_mean",
        "quad",
    ]
    assert rows[0] == {
        "period": "1950",
        "direction": "FRA-DEU",
        "n": 1,
        "weight": 1,
        "goldstein_sum": -2.0,
        "goldstein_mean": -2.0,
        "quad": {"1": 0, "2": 0, "3": 1, "4": 0},
        "net_cooperation": -1.0,
        "negated": 1,
    }
    assert rows[-1]["period"] == "1977" and rows[-1]["goldstein_sum"] is None
    assert "1 negated event" in r.stderr and "52 events" not in r.stderr
    table = invoke("relations", "FRA", "DEU", "--db", db, "--to", "1977")
    assert "1977     FRA-DEU       – no events" in table.stdout
    directed = invoke("relations", "fra", "deu", "--db", db, "--directed", "--format", "csv")
    lines = directed.stdout.splitlines()
    assert lines[0].startswith("period,direction,n,weight,goldstein_sum")
    assert lines[1].startswith("1950,FRA-DEU,1,") and lines[2].startswith("1950,FRA->DEU,0,")
    assert lines[3].startswith("1950,DEU->FRA,1,")


def test_cli_phases_and_summary(db: str):
    r = invoke("phases", "FRA", "DEU", "--db", db, "--format", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert [p["label"] for p in out["phases"]] == ["tense", "close", "hostile"]
    assert [t["period"] for t in out["turning_points"]] == ["1960", "1970"]
    first = out["turning_points"][0]["events"][0]
    assert first["cameo"] == "057" and first["sentence"].startswith("Report ")
    table = invoke("phases", "FRA", "DEU", "--db", db).stdout
    assert "1950–1959   tense" in table and "↑ turning point 1960 (up):" in table
    text = invoke("summary", "FRA", "DEU", "--db", db).stdout
    assert "In 1960 relations turned up" in text and "Sources:" in text


def test_cli_triads_and_dyads(db: str):
    r = invoke("triads", "FRA", "DEU", "GBR", "--db", db, "--format", "json")
    assert r.exit_code == 0, r.stderr
    periods = {t["period"]: t for t in json.loads(r.stdout)}
    assert periods["1960"]["signs"] == {"FRA-DEU": 1, "FRA-GBR": 1, "DEU-GBR": -1}
    assert periods["1960"]["balanced"] is False
    assert periods["1972"]["balanced"] is None
    d = invoke("dyads", "--db", db, "--top", "2", "--format", "csv")
    assert d.stdout.splitlines()[0].startswith("dyad,n,goldstein_sum")
    assert [ln.split(",")[0] for ln in d.stdout.splitlines()[1:]] == ["DEU-FRA", "FRA-GBR"]
    mil = invoke("dyads", "--db", db, "--actors-like", "%MIL", "--format", "json")
    assert [x["dyad"] for x in json.loads(mil.stdout)] == ["DEU-FRA"]
    assert json.loads(mil.stdout)[0]["n"] == 16  # ten exercises, six attacks


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("relations", "FRA", "DEU", "--by", "week"), "--by: unknown period 'week'"),
        (("relations", "FRA", "D1", "--format", "json"), "actors: 'D1' is not an actor code"),
        (("phases", "FRA", "DEU", "--format", "xml"), "--format: unknown format 'xml'"),
        (("relations", "FRA", "DEU", "--from", "soon"), "--from: 'soon' is not a date"),
        (("triads", "FRA", "DEU", "FRA"), "actors: FRA is named twice"),
        (("triads", "FRA", "DEU", "GBR", "--penalty", "-1"), "--penalty: must be a number ≥ 0"),
        (("phases", "FRA", "DEU", "--min-size", "0"), "--min-size: must be at least 1"),
        (("dyads", "--top", "-3"), "--top: must be at least 0"),
    ],
)
def test_cli_errors_are_one_line(db: str, args: tuple[str, ...], message: str):
    r = invoke(*args, "--db", db)
    assert r.exit_code == 1
    assert r.stderr.strip().startswith("detente: error:") and message in r.stderr
    assert r.stdout == ""


def test_cli_missing_store(tmp_path: Path):
    r = invoke("relations", "FRA", "DEU", "--db", str(tmp_path / "none.duckdb"))
    assert r.exit_code == 1 and "no such store" in r.stderr
    assert not (tmp_path / "none.duckdb").exists()


def test_cli_reads_the_whole_store_not_the_last_run(tmp_path: Path):
    path = tmp_path / "two-runs.duckdb"
    first = chronicle([("1963-01", "FRA", "DEU", "agree")], doc_id="paris.txt")
    second = chronicle(
        [("1963-01", "FRA", "DEU", "agree"), ("1970", "DEU", "FRA", "criticize")],
        doc_id="bonn.txt",
    )
    with Store(path) as store:
        store.ingest([first])
    with Store(path) as store:  # a later run, another document
        store.ingest([second])
    r = invoke("relations", "FRA", "DEU", "--db", str(path), "--format", "json")
    rows = json.loads(r.stdout)
    assert [(x["period"], x["n"]) for x in rows if x["n"]] == [("1963", 1), ("1970", 1)]
    weighted = invoke(
        "relations", "FRA", "DEU", "--db", str(path), "--format", "json", "--weight-sources"
    )
    assert json.loads(weighted.stdout)[0]["weight"] == 2  # the 1963 treaty, in two documents
    assert json.loads(weighted.stdout)[0]["goldstein_sum"] == 16.0
