"""Tests for detente.store: idempotent ingest, merging, replacement, rollback, locking, export."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import make_event
from detente.errors import DetenteError, StoreError
from detente.io import write_records
from detente.model import EVENT_FIELDS, Document, Event
from detente.store import (
    EXPORT_FIELDS,
    SCHEMA_VERSION,
    IngestStats,
    Store,
    event_id,
    open_store,
)

PYTHON = "/work/venv/bin/python" if Path("/work/venv/bin/python").exists() else sys.executable


# -- building records by hand ---------------------------------------------------------------


def sentences_of(doc: Document) -> list[tuple[int, int, str]]:
    """Split on ". " well enough for hand-written test texts."""
    out, start = [], 0
    for piece in doc.text.split(". "):
        text = piece if piece.endswith(".") else piece + "."
        text = text if start + len(text) <= len(doc.text) else piece
        out.append((start, start + len(text), text))
        start += len(piece) + 2
    return out


ELYSEE = Document(
    "elysee.txt",
    "De Gaulle received Adenauer in Paris in January 1963. The two leaders signed a treaty.",
    pubdate="1963-01-23",
    title="A treaty of friendship",
)
BONN = Document(
    "bonn.txt",
    "In January 1963 the French president met the German chancellor. Both praised the accord.",
    pubdate="1963-01-24",
)


def elysee_item() -> tuple[Document, list[tuple[int, int, str]], list[Event]]:
    first = "De Gaulle received Adenauer in Paris in January 1963."
    second = "The two leaders signed a treaty."
    return (
        ELYSEE,
        sentences_of(ELYSEE),
        [
            make_event(ELYSEE, first, source_text="De Gaulle", target_text="Adenauer"),
            make_event(ELYSEE, second, cameo="057", trigger="signed"),
        ],
    )


def bonn_item() -> tuple[Document, list[tuple[int, int, str]], list[Event]]:
    first = "In January 1963 the French president met the German chancellor."
    return (
        BONN,
        sentences_of(BONN),
        [
            make_event(
                BONN,
                first,
                source_text="the French president",
                target_text="the German chancellor",
                trigger="met",
            )
        ],
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with open_store(tmp_path / "test.duckdb") as s:
        yield s


# -- idempotence, replacement, merging --------------------------------------------------------


def test_new_store_has_schema_and_version(tmp_path: Path) -> None:
    path = tmp_path / "fresh.duckdb"
    with open_store(path) as s:
        assert s.path == str(path)
        assert s.counts() == {
            "documents": 0,
            "sentences": 0,
            "events": 0,
            "event_sources": 0,
            "meta": 2,
        }
        assert s.sql("SELECT value FROM meta WHERE key = ?", ["schema_version"]) == [
            (str(SCHEMA_VERSION),)
        ]
        assert list(s.iter_events()) == []
    # Reopening an existing store neither fails nor recreates anything.
    with open_store(path) as s:
        assert s.counts()["meta"] == 2


def test_same_batch_twice_writes_nothing_the_second_time(store: Store) -> None:
    batch = [elysee_item(), bonn_item()]
    first = store.ingest(batch)
    assert first == IngestStats(
        documents_added=2,
        documents_replaced=0,
        documents_unchanged=0,
        events_added=2,
        sources_added=3,
    )
    counts = store.counts()
    events = list(store.iter_events())

    second = store.ingest(batch)
    assert second == IngestStats(documents_unchanged=2)
    assert store.counts() == counts
    assert list(store.iter_events()) == events
    assert store.document_status(ELYSEE) == "same"


def test_document_status(store: Store) -> None:
    assert store.document_status(ELYSEE) == "new"
    store.ingest([elysee_item()])
    assert store.document_status(ELYSEE) == "same"
    edited = Document(ELYSEE.id, ELYSEE.text + " It took effect in July.", ELYSEE.pubdate)
    assert store.document_status(edited) == "changed"
    # The publication date is part of what the extraction depends on.
    redated = Document(ELYSEE.id, ELYSEE.text, pubdate="1970-01-01")
    assert store.document_status(redated) == "changed"


def test_changed_document_replaces_its_sentences_and_events(store: Store) -> None:
    store.ingest([elysee_item()])
    assert store.counts()["events"] == 2

    edited = Document(
        ELYSEE.id, "Paris and Bonn quarrelled over tariffs in 1965.", pubdate="1965-06-01"
    )
    stats = store.ingest(
        [
            (
                edited,
                [(0, len(edited.text), edited.text)],
                [
                    make_event(
                        edited,
                        edited.text,
                        cameo="111",
                        date="1965",
                        date_text="in 1965",
                        source_text="Paris",
                        target_text="Bonn",
                        trigger="quarrelled",
                    )
                ],
            )
        ]
    )
    assert stats.documents_replaced == 1
    assert stats.documents_added == 0
    rows = list(store.iter_events())
    assert [(r["cameo"], r["date"], r["doc"]) for r in rows] == [("111", "1965", ELYSEE.id)]
    assert store.counts() == {
        "documents": 1,
        "sentences": 1,
        "events": 1,
        "event_sources": 1,
        "meta": 2,
    }
    assert store.sql("SELECT text FROM sentences WHERE doc_id = ?", [ELYSEE.id]) == [(edited.text,)]
    assert store.sql("SELECT pubdate FROM documents WHERE doc_id = ?", [ELYSEE.id]) == [
        ("1965-06-01",)
    ]


def test_two_documents_reporting_one_event_merge(store: Store) -> None:
    stats = store.ingest([elysee_item(), bonn_item()])
    assert stats.events_added == 2  # the visit (merged) and the treaty
    rows = {r["cameo"]: r for r in store.iter_events()}
    visit = rows["042"]
    assert visit["sources"] == 2
    # Provenance comes from the first report ingested.
    assert visit["doc"] == ELYSEE.id
    assert visit["sentence"] == "De Gaulle received Adenauer in Paris in January 1963."
    assert visit["source_text"] == "De Gaulle"
    assert rows["057"]["sources"] == 1
    reports = store.sources(visit["event_id"])
    assert [r["doc_id"] for r in reports] == [ELYSEE.id, BONN.id]
    assert reports[1]["source_text"] == "the French president"


def test_removing_the_first_report_moves_provenance_to_the_next(store: Store) -> None:
    store.ingest([elysee_item()])
    store.ingest([bonn_item()])
    emptied = Document(ELYSEE.id, "Nothing happened.", pubdate=ELYSEE.pubdate)
    store.ingest([(emptied, [(0, 17, emptied.text)], [])])
    rows = list(store.iter_events())
    assert len(rows) == 1  # the treaty had no other report and is gone
    assert rows[0]["doc"] == BONN.id
    assert rows[0]["sources"] == 1
    assert rows[0]["sentence"].startswith("In January 1963 the French president")
    assert rows[0]["start"] == 0
    assert rows[0]["source_text"] == "the French president"


def test_merge_key_includes_negation_and_date(store: Store) -> None:
    doc = Document(
        "neg.txt",
        "Japan met China in 1972. Japan did not meet China in 1972. Japan met China in 1978.",
    )
    s1, s2, s3 = (t for _, _, t in sentences_of(doc))
    events = [
        make_event(doc, s1, source="JPN", target="CHN", date="1972"),
        make_event(doc, s2, source="JPN", target="CHN", date="1972", negated=True),
        make_event(doc, s3, source="JPN", target="CHN", date="1978"),
    ]
    stats = store.ingest([(doc, sentences_of(doc), events)])
    assert stats.events_added == 3
    negated = [r["negated"] for r in store.iter_events()]
    assert negated == [False, True, False]
    assert event_id(events[0]) != event_id(events[1])


def test_same_event_in_two_sentences_of_one_document(store: Store) -> None:
    doc = Document(
        "twice.txt",
        "Brazil and Argentina signed a pact in 1991. The pact Brazil signed with Argentina "
        "in 1991 created Mercosur.",
    )
    (_, _, s1), (_, _, s2) = sentences_of(doc)
    kw = {"source": "BRA", "target": "ARG", "cameo": "057", "date": "1991", "trigger": "signed"}
    ev1 = make_event(doc, s1, **kw)
    ev2 = make_event(doc, s2, **kw)  # "The pact Brazil signed": the act referred back to
    # The same act read twice from one sentence (e.g. via two verbs) is one mention.
    stats = store.ingest([(doc, sentences_of(doc), [ev1, ev1, ev2])])
    assert stats.events_added == 1
    assert stats.sources_added == 2
    (row,) = store.iter_events()
    assert (row["sources"], row["mentions"]) == (1, 2)  # one document, two sentences
    assert row["start"] == 0


def test_a_document_repeated_in_one_batch_stores_its_last_version(store: Store) -> None:
    v1 = Document("d.txt", "Chile protested to Peru.")
    v2 = Document("d.txt", "Chile thanked Peru.")
    batch = [
        (v1, [(0, len(v1.text), v1.text)], [make_event(v1, v1.text, cameo="111")]),
        (v1, [(0, len(v1.text), v1.text)], [make_event(v1, v1.text, cameo="111")]),
        (v2, [(0, len(v2.text), v2.text)], [make_event(v2, v2.text, cameo="051")]),
    ]
    stats = store.ingest(batch)
    assert (stats.documents_added, stats.documents_replaced, stats.documents_unchanged) == (
        1,
        0,
        1,
    )
    assert [r["cameo"] for r in store.iter_events()] == ["051"]
    assert store.sql("SELECT text FROM sentences") == [(v2.text,)]


def test_event_ids_are_stable_hashes_of_the_first_mention() -> None:
    a = make_event(ELYSEE, "The two leaders signed a treaty.")
    again = make_event(ELYSEE, "The two leaders signed a treaty.", source_text="Paris")
    b = make_event(BONN, "Both praised the accord.", source_text="Paris", trigger="praised")
    assert event_id(a) == event_id(again)  # same mention, same id: re-runs are stable
    assert len(event_id(a)) == 32
    assert event_id(a) != event_id(b)  # what merges is the store's rule, not the id
    assert event_id(a) != event_id(a, salt=1)
    assert event_id(a) != event_id(
        make_event(ELYSEE, "The two leaders signed a treaty.", date=None)
    )


# -- transactions -----------------------------------------------------------------------------


def test_failure_midway_rolls_back_the_whole_batch(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.ingest([elysee_item()])
    before_counts = store.counts()
    before_events = list(store.iter_events())

    edited = Document(ELYSEE.id, "Something else entirely.")
    import detente.store.database as database

    original_insert = database.insert_batch

    def failing_insert(con, plan, registered):  # type: ignore[no-untyped-def]
        # The old version's rows have been deleted by now; then the disk "fills up".
        original_insert(con, plan, registered)
        raise OSError("simulated failure after writing")

    monkeypatch.setattr(database, "insert_batch", failing_insert)
    with pytest.raises(OSError, match="simulated failure"):
        store.ingest([(edited, [(0, len(edited.text), edited.text)], []), bonn_item()])
    monkeypatch.undo()

    assert store.counts() == before_counts
    assert list(store.iter_events()) == before_events
    assert store.document_status(ELYSEE) == "same"
    assert store.document_status(BONN) == "new"
    # The store is still usable after the rollback.
    assert store.ingest([bonn_item()]).documents_added == 1


def test_bad_text_in_a_batch_rolls_back_and_names_the_document(store: Store) -> None:
    store.ingest([elysee_item()])
    before = store.counts()
    edited = Document(ELYSEE.id, "Rewritten.")
    bad = Document("broken.txt", "Broken \udcff bytes.")
    with pytest.raises(StoreError) as err:
        store.ingest(
            [
                (edited, [(0, 10, edited.text)], []),
                (bad, [(0, len(bad.text), bad.text)], []),
            ]
        )
    message = str(err.value)
    assert "broken.txt" in message
    assert "\n" not in message
    assert store.counts() == before
    assert store.document_status(ELYSEE) == "same"


def test_read_only_store_refuses_to_write(tmp_path: Path) -> None:
    path = tmp_path / "ro.duckdb"
    with open_store(path) as s:
        s.ingest([elysee_item()])
    with open_store(path, read_only=True) as s:
        assert s.counts()["events"] == 2
        with pytest.raises(StoreError, match="read-only"):
            s.ingest([bonn_item()])


# -- opening the wrong thing ------------------------------------------------------------------


def test_text_file_is_refused_with_a_one_line_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "x.duckdb"
    path.write_text("doc,date\nnot,a database\n")
    with pytest.raises(StoreError) as err:
        open_store(path)
    message = str(err.value)
    assert message.startswith(str(path) + ":")
    assert "not a DuckDB database" in message
    assert "\n" not in message
    assert isinstance(err.value, DetenteError)
    assert path.read_text() == "doc,date\nnot,a database\n"  # left untouched


def test_missing_store_read_only(tmp_path: Path) -> None:
    path = tmp_path / "absent.duckdb"
    with pytest.raises(StoreError, match=r"absent\.duckdb: no such store"):
        open_store(path, read_only=True)
    assert not path.exists()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.duckdb"
    with open_store(path) as s:
        s.sql(
            "UPDATE meta SET value = ? WHERE key = ?", [str(SCHEMA_VERSION + 1), "schema_version"]
        )
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert str(path) in str(err.value)
    assert "newer detente" in str(err.value)


def test_someone_elses_duckdb_file_is_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE prices (item VARCHAR, price DOUBLE)")
    con.close()
    with pytest.raises(StoreError, match="not a detente store"):
        open_store(path)
    con = duckdb.connect(str(path), read_only=True)
    tables = con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    con.close()
    assert tables == [("prices",)]


def test_store_in_use_by_another_process(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    with open_store(path) as s:
        s.ingest([elysee_item()])
    holder = textwrap.dedent(
        f"""
        import sys
        from detente.store import open_store
        with open_store({str(path)!r}) as s:
            print("ready", flush=True)
            sys.stdin.readline()
        """
    )
    proc = subprocess.Popen(
        [PYTHON, "-c", holder],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        for read_only in (False, True):
            with pytest.raises(StoreError) as err:
                open_store(path, read_only=read_only)
            message = str(err.value)
            assert message.startswith(f"{path}: the store is in use by another detente process")
            assert f"PID {proc.pid}" in message
            assert "\n" not in message
    finally:
        proc.communicate("\n", timeout=30)
    assert proc.returncode == 0
    # Once the other process is done the store opens and holds what it held before.
    with open_store(path) as s:
        assert s.counts()["events"] == 2


# -- verbatim text ----------------------------------------------------------------------------


def test_sql_and_markup_text_is_stored_verbatim(store: Store) -> None:
    text = (
        "Robert'); DROP TABLE events;-- met <b>the</b> <script>alert('x')</script> envoy. "
        "He said \"1=1 OR 'a'='a'\" & left; \\N ? $1 :name %s {x}."
    )
    doc = Document("'; DELETE FROM documents; --", text, title="<h1>Title</h1>", url="?a=1&b='2'")
    s1, s2 = (t for _, _, t in sentences_of(doc))
    ev = make_event(
        doc,
        s1,
        source_text="Robert'); DROP TABLE events;--",
        target_text="<script>alert('x')</script> envoy",
        trigger="met",
        date_text="%s",
    )
    store.ingest([(doc, sentences_of(doc), [ev])])
    (row,) = store.iter_events()
    assert row["doc"] == doc.id
    assert row["sentence"] == s1
    assert row["source_text"] == "Robert'); DROP TABLE events;--"
    assert row["target_text"] == "<script>alert('x')</script> envoy"
    assert row["date_text"] == "%s"
    stored = store.sql("SELECT text FROM sentences WHERE doc_id = ? ORDER BY start", [doc.id])
    assert [t for (t,) in stored] == [s1, s2]
    assert store.sql("SELECT title, url FROM documents") == [("<h1>Title</h1>", "?a=1&b='2'")]
    assert store.counts()["documents"] == 1


# -- export -----------------------------------------------------------------------------------

CONTRACT_TYPES = {
    "doc": str,
    "sentence": str,
    "start": int,
    "end": int,
    "source": str,
    "target": str,
    "source_text": str,
    "target_text": str,
    "cameo": str,
    "root": str,
    "goldstein": float,
    "quad": int,
    "negated": bool,
    "trigger": str,
    "sources": int,
}


def _check_row(row: dict) -> None:
    assert tuple(row) == EXPORT_FIELDS
    for name, kind in CONTRACT_TYPES.items():
        assert isinstance(row[name], kind), (name, row[name])
    for name in ("date", "date_text", "plover", "date_source", "pubdate"):
        assert row[name] is None or isinstance(row[name], str), (name, row[name])


@pytest.fixture
def filled(store: Store) -> Store:
    null_date = Document("undated.txt", "Iran condemned Israel.")
    store.ingest(
        [
            elysee_item(),
            bonn_item(),
            (
                null_date,
                [(0, len(null_date.text), null_date.text)],
                [
                    make_event(
                        null_date,
                        null_date.text,
                        source="IRN",
                        target="ISR",
                        cameo="122",
                        date=None,
                        date_text=None,
                    )
                ],
            ),
        ]
    )
    return store


def test_iter_events_has_every_contract_field(filled: Store) -> None:
    rows = list(filled.iter_events())
    assert len(rows) == 3
    for row in rows:
        assert set(EVENT_FIELDS) <= set(row)
        _check_row({k: row[k] for k in EXPORT_FIELDS})
    assert rows[2]["date"] is None


def _export(store: Store, fmt: str, out: Path) -> int:
    # What `detente export` does: the store gives the records, the caller picks the writer.
    return write_records(store.export_records(), fmt, out, fields=EXPORT_FIELDS)


def test_export_jsonl(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert _export(filled, "jsonl", out) == 3
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 3
    for row in rows:
        _check_row(row)
    assert [r["sources"] for r in rows] == [2, 1, 1]
    assert rows[2]["date"] is None


def test_export_csv(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert _export(filled, "csv", out) == 3
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 3
    assert tuple(rows[0]) == EXPORT_FIELDS
    assert rows[0]["cameo"] == "042"  # codes keep their leading zero
    assert int(rows[0]["sources"]) == 2
    assert float(rows[1]["goldstein"]) == pytest.approx(-4.0)
    assert int(rows[0]["start"]) == 0


def test_export_parquet(filled: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    assert _export(filled, "parquet", out) == 3
    table = pq.read_table(out)
    assert tuple(table.column_names) == EXPORT_FIELDS
    rows = table.to_pylist()
    for row in rows:
        _check_row(row)
    assert rows[0]["sources"] == 2


# -- property: any text survives the round trip -------------------------------------------------

texts = st.text(max_size=40)
maybe = st.none() | texts


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    doc_id=st.text(min_size=1, max_size=20),
    body=texts,
    sentence=texts,
    title=maybe,
    date=maybe,
    date_text=maybe,
    source_text=texts,
    target_text=texts,
    trigger=texts,
    plover=maybe,
    negated=st.booleans(),
    goldstein=st.floats(-10, 10, allow_nan=False),
    start=st.integers(0, 2**40),
)
def test_any_text_round_trips(
    doc_id: str,
    body: str,
    sentence: str,
    title: str | None,
    date: str | None,
    date_text: str | None,
    source_text: str,
    target_text: str,
    trigger: str,
    plover: str | None,
    negated: bool,
    goldstein: float,
    start: int,
) -> None:
    doc = Document(doc_id, body, pubdate=date, title=title)
    event = Event(
        doc=doc_id,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        date=date,
        date_text=date_text,
        source="USA",
        target="MEX",
        source_text=source_text,
        target_text=target_text,
        cameo="036",
        root="03",
        goldstein=goldstein,
        quad=1,
        plover=plover,
        negated=negated,
        date_source="own",
        trigger=trigger,
        pubdate=date,
    )
    with Store(":memory:") as s:
        s.ingest([(doc, [(start, start + len(sentence), sentence)], [event])])
        assert s.document_status(doc) == "same"
        (row,) = s.iter_events()
        assert {k: row[k] for k in EVENT_FIELDS} == event.to_record()
        assert row["sources"] == 1
        assert s.sql("SELECT doc_id, text FROM sentences") == [(doc_id, sentence)]
        assert s.sql("SELECT title, n_chars FROM documents") == [(title, len(body))]
        assert s.ingest([(doc, [], [event])]) == IngestStats(documents_unchanged=1)
