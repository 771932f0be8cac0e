"""Events counted right: which mentions the store merges into one event (detente.merge).

``sources`` counts distinct documents, ``mentions`` sentences; near misses (same year but
different months, same month but different acts) stay apart.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from builders import make_event
from detente.cli import app
from detente.merge import compatible, finer, restates
from detente.model import Document, Event
from detente.store import SCHEMA_VERSION, Store, open_store

runner = CliRunner()


def mention(
    doc: Document,
    sentence: str,
    *,
    date: str | None,
    trigger: str,
    source: str = "BRA",
    target: str = "PRY",
    cameo: str = "111",
) -> Event:
    return make_event(
        doc,
        sentence,
        source=source,
        target=target,
        cameo=cameo,
        date=date,
        date_text=date,
        source_text=source,
        target_text=target,
        trigger=trigger,
    )


def item(doc: Document, *events: Event) -> tuple[Document, list[tuple[int, int, str]], list]:
    return doc, [(e.start, e.end, e.sentence) for e in events], list(events)


def rows(store: Store) -> list[tuple[str | None, str, int, int]]:
    return [(r["date"], r["cameo"], r["sources"], r["mentions"]) for r in store.iter_events()]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with open_store(tmp_path / "m.duckdb") as s:
        yield s


# -- the date rule ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("2011", "2011-03", True),
        ("2011-03", "2011-03-14", True),
        ("2011-03", "2011-05", False),  # same year, different months
        ("2011", "2012", False),
        ("2011-03-14", "2011-03-15", False),
        ("199", "1994", True),  # the 1990s
        ("199", "2004", False),
        ("2011", "20110", False),  # not a field boundary
        (None, None, True),
        (None, "2011", False),
    ],
)
def test_dates_agree_at_the_finest_precision_both_give(a, b, same) -> None:
    assert compatible(a, b) is same
    assert compatible(b, a) is same


def test_finer_keeps_the_more_precise_date() -> None:
    assert finer("2011", "2011-06") == finer("2011-06", "2011") == "2011-06"
    assert finer(None, "1994") == "1994"


# -- within one document ----------------------------------------------------------------------


def test_three_statements_of_one_year_are_three_events(store: Store) -> None:
    text = (
        "Brazil criticised Paraguay over its border policy in 2011. "
        "Brazil criticised Paraguay in 2011 for its new tariffs. "
        "In 2011 Brazil also criticised Paraguay over smuggling."
    )
    doc = Document("brazil.txt", text)
    parts = [p if p.endswith(".") else p + "." for p in text.split(". ")]
    events = [mention(doc, p, date="2011", trigger="criticised") for p in parts]
    stats = store.ingest([item(doc, *events)])
    assert stats.events_added == 3
    assert rows(store) == [("2011", "111", 1, 1)] * 3


def test_same_month_different_acts_stay_apart(store: Store) -> None:
    doc = Document(
        "kenya.txt",
        "In May 2019 Kenya accused Somalia of auctioning oil blocks. "
        "Kenya accused Somalia in May 2019 of arming militias.",
    )
    first, second = (s if s.endswith(".") else s + "." for s in doc.text.split(". "))
    store.ingest(
        [
            item(
                doc,
                mention(doc, first, date="2019-05", trigger="accused", source="KEN", target="SOM"),
                mention(doc, second, date="2019-05", trigger="accused", source="KEN", target="SOM"),
            )
        ]
    )
    assert rows(store) == [("2019-05", "111", 1, 1), ("2019-05", "111", 1, 1)]


def test_an_anaphoric_mention_restates_the_act(store: Store) -> None:
    doc = Document(
        "visit.txt",
        "In October 2018 the Indian prime minister visited Tokyo. "
        "During his visit to Japan the two sides signed a swap line.",
    )
    first, second = (s if s.endswith(".") else s + "." for s in doc.text.split(". "))
    kw = {"source": "INDGOV", "target": "JPN", "cameo": "042"}
    store.ingest(
        [
            item(
                doc,
                mention(doc, first, date="2018-10", trigger="visited", **kw),
                mention(doc, second, date="2018", trigger="visit", **kw),
            )
        ]
    )
    (event,) = store.iter_events()
    assert (event["date"], event["sources"], event["mentions"]) == ("2018-10", 1, 2)
    assert [m["start"] for m in store.sources(event["event_id"])] == [0, len(first) + 1]


def test_an_anaphoric_mention_with_another_month_is_another_act() -> None:
    doc = Document("d", "Egypt hosted Sudan in March 2020. The visit in May 2020 went well.")
    a = mention(doc, "Egypt hosted Sudan in March 2020.", date="2020-03", trigger="hosted")
    b = mention(doc, "The visit in May 2020 went well.", date="2020-05", trigger="visit")
    assert restates(a, b)  # it does refer back...
    with open_store(":memory:") as store:
        store.ingest([item(doc, a, b)])
        assert len(list(store.iter_events())) == 2  # ...but the dates disagree


# -- across documents -------------------------------------------------------------------------


def test_same_year_different_months_across_documents(store: Store) -> None:
    a = Document("a.txt", "In March 2011 Brazil criticised Paraguay.")
    b = Document("b.txt", "In May 2011 Brazil criticised Paraguay.")
    store.ingest([item(a, mention(a, a.text, date="2011-03", trigger="criticised"))])
    store.ingest([item(b, mention(b, b.text, date="2011-05", trigger="criticised"))])
    assert rows(store) == [("2011-03", "111", 1, 1), ("2011-05", "111", 1, 1)]


def test_two_reports_of_one_act_are_one_event_with_two_sources(store: Store) -> None:
    a = Document("a.txt", "Brazil criticised Paraguay in 2011.")
    b = Document("b.txt", "On 14 June 2011 Brazil criticised Paraguay.")
    c = Document("c.txt", "Brazil criticised Paraguay.")  # undated: may be another act
    store.ingest([item(a, mention(a, a.text, date="2011", trigger="criticised"))])
    store.ingest([item(b, mention(b, b.text, date="2011-06-14", trigger="criticised"))])
    store.ingest([item(c, mention(c, c.text, date=None, trigger="criticised"))])
    # The finer report dates the event; the undated one stays apart.
    assert rows(store) == [("2011-06-14", "111", 2, 2), (None, "111", 1, 1)]
    # Replacing the precise report gives the event back the date its other source gives.
    b2 = Document("b.txt", "Brazil criticised Paraguay in 2011, officials said.")
    stats = store.ingest([item(b2, mention(b2, b2.text, date="2011", trigger="criticised"))])
    assert stats.documents_replaced == 1
    assert rows(store) == [("2011", "111", 2, 2), (None, "111", 1, 1)]
    store.ingest([item(Document("b.txt", "Nothing happened."), *[])])
    assert rows(store) == [("2011", "111", 1, 1), (None, "111", 1, 1)]


def test_a_store_of_schema_version_1_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    doc = Document("a.txt", "Brazil criticised Paraguay in 2011.")
    with open_store(path) as store:
        store.ingest([item(doc, mention(doc, doc.text, date="2011", trigger="criticised"))])
    # Make it look like a version-1 file: no per-mention date, the old view.
    con = duckdb.connect(str(path))
    con.execute("DROP VIEW event_records")
    con.execute("ALTER TABLE event_sources DROP COLUMN date")
    con.execute(
        "CREATE VIEW event_records AS SELECT e.first_doc AS doc, e.first_sentence AS sentence, "
        'e.first_start AS start, e.first_end AS "end", e.date, e.date_text, e.source, '
        "e.target, e.source_text, e.target_text, e.cameo, e.root, e.goldstein, e.quad, "
        "e.plover, e.negated, e.date_source, e.trigger, e.pubdate, 1 AS sources, "
        "e.event_id, e.first_seq FROM events AS e"
    )
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    result = runner.invoke(app, ["export", "--db", str(path)])  # read-only: upgraded once
    assert result.exit_code == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["date"], record["sources"], record["mentions"]) == ("2011", 1, 1)
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
        str(SCHEMA_VERSION),
    )
    assert con.execute("SELECT date FROM event_sources").fetchall() == [("2011",)]
    con.close()


# -- what users see ---------------------------------------------------------------------------


def test_analyze_counts_different_acts_of_one_year_apart(tmp_path: Path) -> None:
    text = tmp_path / "chile.txt"
    text.write_text(
        "In 2015 Chile condemned Bolivia over its claim to the sea. "
        "Chile condemned Bolivia again in 2015 after a border incident.\n\n"
        "In April 2015 the Chilean foreign minister visited La Paz. "
        "During his visit to Bolivia the minister met Evo Morales.\n",
        encoding="utf-8",
    )
    db = tmp_path / "d.duckdb"
    result = runner.invoke(app, ["analyze", str(text), "--db", str(db), "--report", ""])
    assert result.exit_code == 0, result.stderr
    exported = runner.invoke(app, ["export", "--db", str(db)])
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    condemn = [r for r in records if r["cameo"].startswith("11")]
    assert len(condemn) == 2
    assert all(r["sources"] == 1 and r["mentions"] == 1 for r in condemn)
    assert all(r["sources"] == 1 for r in records)  # one document
