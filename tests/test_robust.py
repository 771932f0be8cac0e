"""Scraped corpora never crash a run: bad input is fatal with one line, or skipped and counted.

Property-based tests (hypothesis) feed the readers and the extraction stage random bytes,
broken encodings, NUL bytes, broken HTML, JSONL and CSV with wrong shapes; the rest checks
long documents, idempotent and replacing ingests, and that text which looks like markup or
SQL is stored and exported verbatim.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import detente.extract as extract_mod
from detente.analyze import analyze
from detente.cli import app
from detente.errors import InputError
from detente.extract import extract_documents, split_text
from detente.io import iter_documents
from detente.model import Document, Problems
from detente.store import open_store

runner = CliRunner()
FAST = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

SENTENCES = [
    "In March 2010, Chile signed a trade agreement with Peru.",
    "Two years later, Brazil expelled Argentine diplomats.",
    "The Japanese foreign minister visited Seoul in 2015.",
    "Russia did not condemn the Turkish strike.",
    "Analysts said the talks might resume next year.",
]


@contextmanager
def a_file(name: str, data: bytes) -> Iterator[Path]:
    """A fresh file per hypothesis example (tmp_path is shared between examples)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        yield path


def read_and_extract(path: Path) -> tuple[list[Document], Problems]:
    """What `detente extract` does with a file, minus writing: read, parse, code."""
    problems = Problems()
    docs: list[Document] = []
    for ex in extract_documents(iter_documents([str(path)], problems=problems), problems=problems):
        docs.append(ex.document)
        for ev in ex.events:
            assert ex.document.text[ev.start : ev.end] == ev.sentence
        for start, end, text in ex.sentences:
            assert ex.document.text[start:end] == text
    return docs, problems


def assert_fatal_names_file(err: InputError, path: Path) -> None:
    message = str(err)
    assert message.startswith(str(path)), message
    assert "\n" not in message and "\r" not in message


def check_file(path: Path) -> tuple[list[Document], Problems] | None:
    """Either documents (and skipped records) or an InputError naming the file — nothing else."""
    try:
        return read_and_extract(path)
    except InputError as err:
        assert_fatal_names_file(err, path)
        return None


# -- bytes, encodings -----------------------------------------------------------------------


@FAST
@given(
    data=st.binary(max_size=3000),
    ext=st.sampled_from([".txt", ".html", ".jsonl", ".csv", ".tsv", ""]),
)
def test_random_bytes_never_crash(data: bytes, ext: str) -> None:
    with a_file("input" + ext, data) as path:
        check_file(path)


@FAST
@given(
    text=st.text(min_size=1, max_size=400),
    encoding=st.sampled_from(["utf-16-le", "utf-16-be", "utf-16", "utf-8-sig", "utf-32"]),
    damage=st.sampled_from(["none", "cut", "nul", "lone-surrogate", "garbage"]),
    ext=st.sampled_from([".txt", ".jsonl"]),
)
def test_broken_encodings_never_crash(text: str, encoding: str, damage: str, ext: str) -> None:
    body = json.dumps({"id": "r", "text": text}) + "\n" if ext == ".jsonl" else text
    data = body.encode(encoding, "surrogatepass")
    if damage == "cut":
        data = data[:-1]  # half a code unit
    elif damage == "nul":
        data = data[: len(data) // 2] + b"\x00" + data[len(data) // 2 :]
    elif damage == "lone-surrogate":
        data = data + "\ud800".encode("utf-16-le", "surrogatepass")
    elif damage == "garbage":
        data = data + bytes(range(128, 256))
    with a_file("input" + ext, data) as path:
        check_file(path)


@pytest.mark.parametrize("bom", [True, False])
def test_utf16_with_and_without_bom_is_read(tmp_path: Path, bom: bool) -> None:
    text = SENTENCES[0] + " " + SENTENCES[1]
    data = (codecs.BOM_UTF16_LE if bom else b"") + text.encode("utf-16-le")
    path = tmp_path / "windows.txt"
    path.write_bytes(data)
    docs, _ = read_and_extract(path)
    assert [d.text for d in docs] == [text]


# -- HTML ----------------------------------------------------------------------------------

# (No <iframe>, <textarea>, <xmp>: their content is raw text by the HTML standard.)
TAGS = ["div", "p", "span", "b", "table", "td", "script", "style", "a", "ul", "li"]


@st.composite
def tag_soup(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 5))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            parts.append(f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(st.sampled_from(SENTENCES)))
        elif kind == 3:
            parts.append(draw(st.text(max_size=30)))
        elif kind == 4:
            parts.append('<img src=x onerror="alert(1)"><!-- unclosed')
        else:
            parts.append("<script>document.write('<p>')</script>")
    head = draw(st.sampled_from(["<!DOCTYPE html><html><body>", "<html>", ""]))
    return head + "".join(parts)


@FAST
@given(html=tag_soup())
def test_broken_html_never_crashes(html: str) -> None:
    with a_file("page.html", html.encode("utf-8", "surrogatepass")) as path:
        result = check_file(path)
    if result is not None:
        for doc in result[0]:
            assert "document.write" not in doc.text  # scripts are not text


@pytest.mark.parametrize("depth", [300, 5000, 50000])
def test_deeply_nested_html_keeps_its_words(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.html"
    path.write_text(
        "<html><body>"
        + "<div>" * depth
        + SENTENCES[0]
        + "</div>" * (depth // 2)
        + "<script>var secret = 1;</script>",
        encoding="utf-8",
    )
    docs, _ = read_and_extract(path)
    assert len(docs) == 1 and SENTENCES[0] in docs[0].text
    assert "secret" not in docs[0].text


# -- JSONL and CSV corpora -----------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values | st.text(max_size=10),
        "text": json_values | st.sampled_from(SENTENCES) | st.just("x" * 20_000),
        "date": json_values | st.sampled_from(["2017-03-02", "March 2017", "yesterday"]),
        "title": json_values,
        "url": json_values,
    },
)
lines = st.one_of(
    records.map(json.dumps),
    json_values.map(json.dumps),
    st.text(max_size=50),
    st.just("[" * 100_000),  # nests deeper than the json module allows
)


@FAST
@given(corpus=st.lists(lines, min_size=1, max_size=12))
def test_jsonl_with_wrong_shapes_skips_and_counts(corpus: list[str]) -> None:
    body = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in corpus) + "\n"
    with a_file("corpus.jsonl", body.encode("utf-8", "surrogatepass")) as path:
        result = check_file(path)
        if result is None:
            return
        docs, problems = result
        # Every record is a document or a reported problem naming its line.
        named = {d.path for d in docs} | {p.split(": ", 1)[0] for p in problems.items}
        for n, line in enumerate(body.split("\n"), start=1):
            if line.strip():
                assert f"{path}:{n}" in named, (n, line[:80], problems.items)


@FAST
@given(
    rows=st.lists(
        st.lists(st.sampled_from(SENTENCES) | st.text(max_size=20), min_size=0, max_size=5),
        max_size=10,
    )
)
def test_csv_with_ragged_rows_skips_and_counts(rows: list[list[str]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "text", "date"])
    writer.writerows(rows)
    with a_file("corpus.csv", out.getvalue().encode("utf-8", "surrogatepass")) as path:
        result = check_file(path)
        if result is None:
            return
        docs, problems = result
        ragged = [p for p in problems.items if "ragged row" in p]
        assert len(ragged) == sum(1 for r in rows if len(r) != 3 and any(c.strip() for c in r))
        assert len(docs) <= sum(1 for r in rows if len(r) == 3)


def test_huge_fields_and_lines_are_read_whole(tmp_path: Path) -> None:
    """A 10 MB single-line record and a 10 MB single-line file are read without loss."""
    big = ("Chile signed a trade agreement with Peru. " * 250_000)[: 10 * 1024 * 1024]
    jsonl = tmp_path / "big.jsonl"
    jsonl.write_text(
        json.dumps({"id": "big", "text": big}) + "\n" + json.dumps({"text": 5}) + "\n",
        encoding="utf-8",
    )
    problems = Problems()
    docs = list(iter_documents([str(jsonl)], problems=problems))
    assert [len(d.text) for d in docs] == [len(big)]
    assert len(problems) == 1 and f"{jsonl}:2" in problems.items[0]
    txt = tmp_path / "big.txt"
    txt.write_text(big, encoding="utf-8")
    (doc,) = iter_documents([str(txt)])
    assert doc.text == big
    pieces = split_text(doc.text)
    assert "".join(p for _, p in pieces) == big
    assert all(len(p) <= extract_mod.MAX_CHUNK_CHARS for _, p in pieces)
    # Cut at sentence ends: every piece but the last ends with "Peru. ".
    assert all(p.endswith("Peru. ") for _, p in pieces[:-1])


# -- long documents ------------------------------------------------------------------------


@FAST
@given(text=st.text(min_size=1, max_size=3000), max_chars=st.integers(2, 400))
def test_split_text_covers_the_text_exactly(text: str, max_chars: int) -> None:
    pieces = split_text(text, max_chars)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= max_chars for _, p in pieces)
    assert all(text[o : o + len(p)] == p for o, p in pieces)


def test_long_document_is_parsed_in_pieces_with_whole_document_offsets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paragraph = " ".join(SENTENCES)
    text = "\n\n".join(f"Report {i}. {paragraph}" for i in range(30))
    whole = next(iter(extract_documents([Document(id="long", text=text)])))
    parsed: list[int] = []
    real_parse = extract_mod._Coder._parse

    def spy(self: extract_mod._Coder, pieces: list) -> list:
        parsed.extend(len(p.text) for p in pieces)
        return real_parse(self, pieces)

    monkeypatch.setattr(extract_mod, "MAX_CHUNK_CHARS", 1500)
    monkeypatch.setattr(extract_mod._Coder, "_parse", spy)
    split = next(iter(extract_documents([Document(id="long", text=text)])))
    assert len(parsed) > 5 and max(parsed) <= 1500 and sum(parsed) == len(text)
    # Nothing truncated: the same sentences, and events pointing into the whole text.
    assert [s[2] for s in split.sentences] == [s[2] for s in whole.sentences]
    assert split.sentences[-1][1] == len(text.rstrip())
    for ev in split.events:
        assert text[ev.start : ev.end] == ev.sentence
    key = {(e.start, e.source, e.target, e.cameo) for e in whole.events}
    assert {(e.start, e.source, e.target, e.cameo) for e in split.events} == key
    assert any(e.start > len(text) // 2 for e in split.events)


# -- the command line: one line, never a traceback ------------------------------------------


def error_lines(result) -> list[str]:
    return [ln for ln in result.stderr.splitlines() if ln.startswith("detente: error:")]


@FAST
@given(data=st.binary(max_size=2000), ext=st.sampled_from([".txt", ".html", ".jsonl", ".csv"]))
def test_cli_on_random_bytes_exits_cleanly(data: bytes, ext: str) -> None:
    with a_file("input" + ext, data) as path:
        result = runner.invoke(app, ["extract", str(path)])
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code != 0:
        (line,) = error_lines(result)
        assert str(path) in line
    for record in result.stdout.splitlines():
        json.loads(record)


@pytest.mark.parametrize("kind", ["missing", "empty-dir", "directory-of-junk", "unreadable"])
def test_cli_paths_that_cannot_be_read(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "target"
    if kind == "empty-dir":
        target.mkdir()
    elif kind == "directory-of-junk":
        target.mkdir()
        (target / "a.txt").write_bytes(b"\x00\x01" * 50)
        (target / "b.txt").write_bytes(b"")
    elif kind == "unreadable":
        target.write_text(SENTENCES[0])
        target.chmod(0)
        if os.access(target, os.R_OK):
            pytest.skip("running as root: every file is readable")
    result = runner.invoke(app, ["analyze", str(target), "--db", str(tmp_path / "d.duckdb")])
    assert result.exit_code != 0
    (line,) = error_lines(result)
    assert str(target) in line
    assert "Traceback" not in result.stderr


def test_unexpected_error_is_one_line_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DETENTE_DEBUG", raising=False)
    path = tmp_path / "news.txt"
    path.write_text(" ".join(SENTENCES), encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something\nnobody expected")

    monkeypatch.setattr("detente.io.write_records", broken)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    (line,) = error_lines(result)
    assert str(path) in line and "RuntimeError" in line and "--debug" in line
    assert "Traceback" not in result.stderr
    # --debug wins over DETENTE_DEBUG=0 (the settings are read once, then the option applies).
    monkeypatch.setenv("DETENTE_DEBUG", "0")
    debug = runner.invoke(app, ["--debug", "extract", str(path)])
    assert isinstance(debug.exception, RuntimeError)  # the traceback is shown


def test_a_document_that_breaks_the_coder_is_skipped_and_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import detente.nlp.events as events_mod

    real = events_mod.extract_events

    def fragile(doc, document, **kwargs):  # type: ignore[no-untyped-def]
        if "poison" in document.text:
            raise ValueError("cannot code this")
        return real(doc, document, **kwargs)

    monkeypatch.setattr(events_mod, "extract_events", fragile)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "\n".join(
            json.dumps({"id": i, "text": t})
            for i, t in [("a", SENTENCES[0]), ("b", "poison " + SENTENCES[1]), ("c", SENTENCES[2])]
        ),
        encoding="utf-8",
    )
    db = tmp_path / "d.duckdb"
    result = runner.invoke(app, ["analyze", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert "skipped 1" in result.stderr and f"{corpus}:2" in result.stderr
    with open_store(db, read_only=True) as store:
        assert {r[0] for r in store.sql("SELECT doc_id FROM documents")} == {"a", "c"}


# -- idempotency -----------------------------------------------------------------------------


def test_same_corpus_twice_adds_nothing_and_an_edit_replaces(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for i, sentence in enumerate(SENTENCES[:3]):
        (folder / f"{i}.txt").write_text(sentence + " " + SENTENCES[3], encoding="utf-8")
    db = str(tmp_path / "d.duckdb")
    first = analyze([str(folder)], db=db, batch_size=2)
    assert first.stats.documents_added == 3
    with open_store(db, read_only=True) as store:
        counts = store.counts()
    second = analyze([str(folder)], db=db, batch_size=2)
    assert second.stats.documents_unchanged == 3 and second.stats.sources_added == 0
    with open_store(db, read_only=True) as store:
        assert store.counts() == counts
    # An edited document replaces its events: the 2010 agreement becomes a 2012 one.
    edited = folder / "0.txt"
    edited.write_text(SENTENCES[0].replace("2010", "2012"), encoding="utf-8")
    third = analyze([str(folder)], db=db, batch_size=2)
    assert third.stats.documents_replaced == 1 and third.stats.documents_unchanged == 2
    with open_store(db, read_only=True) as store:
        dates = store.sql(
            "SELECT e.date FROM event_sources s JOIN events e USING (event_id) WHERE s.doc_id = ?",
            [str(edited)],
        )
        assert dates and all(d[0].startswith("2012") for d in dates)
        assert not store.sql("SELECT 1 FROM events WHERE date LIKE '2010%'")


# -- text is data ----------------------------------------------------------------------------

PAYLOADS = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE events; --",
    "Robert'); DELETE FROM documents WHERE ('1'='1",
]


def test_markup_and_sql_in_text_are_stored_and_exported_verbatim(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = []
    for i, payload in enumerate(PAYLOADS):
        text = f"In May 2011, Chile signed an agreement with Peru {payload} in Lima."
        records.append({"id": f"doc{i}{payload}", "title": payload, "text": text})
    corpus.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    db = tmp_path / "d.duckdb"
    result = runner.invoke(app, ["analyze", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    with open_store(db, read_only=True) as store:
        assert store.counts()["documents"] == len(PAYLOADS)
        stored = dict(store.sql("SELECT doc_id, title FROM documents"))
        assert stored == {r["id"]: r["title"] for r in records}
        texts = {r[0] for r in store.sql("SELECT text FROM sentences")}
        assert all(any(p in t for t in texts) for p in PAYLOADS)
    for fmt in ("jsonl", "csv"):
        out = tmp_path / f"events.{fmt}"
        exported = runner.invoke(app, ["export", "--db", str(db), "-f", fmt, "-o", str(out)])
        assert exported.exit_code == 0, exported.stderr
        body = out.read_text(encoding="utf-8")
        rows = (
            [json.loads(line) for line in body.splitlines()]
            if fmt == "jsonl"
            else list(csv.DictReader(io.StringIO(body)))
        )
        by_doc = {r["doc"]: r for r in rows}
        for r in records:
            if r["id"] in by_doc:
                assert by_doc[r["id"]]["sentence"] == r["text"]
        assert any(r["id"] in by_doc for r in records)


# -- workers ---------------------------------------------------------------------------------


def test_two_workers_give_the_same_events_in_the_same_order() -> None:
    docs = [
        Document(id=f"d{i}", text=f"{SENTENCES[i % 5]} {SENTENCES[(i + 2) % 5]}") for i in range(7)
    ]

    def run(workers: int) -> tuple[list, Problems]:
        problems = Problems()
        seen: list[str] = []
        out = [
            (ex.document.id, [e.to_record() for e in ex.events], ex.sentences)
            for ex in extract_documents(
                docs,
                batch_size=2,
                workers=workers,
                problems=problems,
                on_document=lambda d: seen.append(d.id),
            )
        ]
        assert seen == [d.id for d in docs]
        return out, problems

    serial, _ = run(1)
    parallel, problems = run(2)
    assert parallel == serial and not problems
    assert sum(len(events) for _, events, _ in serial) >= 5
