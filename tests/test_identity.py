"""Document identity and atomic outputs, as users meet them on the command line.

One file is one document however it is named; piped texts get ids of their own; an input
reusing a stored document's id never deletes that document's events; a failed run leaves
no half-written output and no empty store.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()

PERU = "In March 2019 Peru expelled two Chilean diplomats.\n"
KENYA = "In May 2019 Kenya recalled its ambassador from Somalia.\n"


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def stored_docs(db: Path) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()
        return [r[0] for r in rows]
    finally:
        con.close()


def exported(db: Path) -> list[dict]:
    result = run("export", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_one_file_named_three_ways_is_one_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "x.txt").write_text(PERU, encoding="utf-8")
    db = tmp_path / "d.duckdb"
    monkeypatch.chdir(tmp_path)
    for name in ("news/x.txt", "./news/x.txt", str(tmp_path / "news" / "x.txt")):
        result = run("analyze", name, "--db", str(db), "--report", "")
        assert result.exit_code == 0, result.stderr
    assert stored_docs(db) == [str(tmp_path / "news" / "x.txt")]
    assert "1 unchanged" in result.stderr
    (event,) = exported(db)
    assert (event["source"], event["target"][:3], event["sources"]) == ("PER", "CHL", 1)


def test_two_piped_texts_are_two_documents(tmp_path: Path) -> None:
    db = tmp_path / "d.duckdb"
    for text in (PERU, KENYA, PERU):
        result = run("analyze", "-", "--db", str(db), "--report", "", input=text)
        assert result.exit_code == 0, result.stderr
        assert "0 replaced" in result.stderr
    docs = stored_docs(db)
    assert len(docs) == 2 and all(d.startswith("stdin:") for d in docs)
    assert {e["source"] for e in exported(db)} == {"PER", "KEN"}


def test_id_names_a_piped_document(tmp_path: Path) -> None:
    result = run("extract", "-", "--id", "lima-wire-17", input=PERU)
    assert result.exit_code == 0, result.stderr
    (event,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert event["doc"] == "lima-wire-17"
    db = tmp_path / "d.duckdb"
    run("analyze", "-", "--id", "wire", "--db", str(db), "--report", "", input=PERU)
    # The same name and source with a new text: the user's own document, edited.
    result = run("analyze", "-", "--id", "wire", "--db", str(db), "--report", "", input=KENYA)
    assert "1 replaced" in result.stderr
    assert [e["source"] for e in exported(db)] == ["KEN"]


def test_id_without_stdin_is_refused() -> None:
    result = run("extract", "--id", "x", "nothing-here.txt")
    assert result.exit_code == 1
    assert "--id" in result.stderr and "standard input" in result.stderr


def test_a_reused_id_from_another_source_deletes_nothing(tmp_path: Path) -> None:
    first = tmp_path / "lima.jsonl"
    first.write_text(json.dumps({"id": "17", "text": PERU}) + "\n", encoding="utf-8")
    other = tmp_path / "nairobi.jsonl"
    other.write_text(json.dumps({"id": "17", "text": KENYA}) + "\n", encoding="utf-8")
    db = tmp_path / "d.duckdb"
    assert run("analyze", str(first), "--db", str(db), "--report", "").exit_code == 0
    result = run("analyze", str(other), "--db", str(db), "--report", "")
    assert "0 replaced" in result.stderr
    assert "already names another document" in result.stderr and "lima.jsonl" in result.stderr
    assert [e["source"] for e in exported(db)] == ["PER"]  # Peru's report is still there
    # The same corpus, edited, does replace its own record.
    first.write_text(json.dumps({"id": "17", "text": KENYA}) + "\n", encoding="utf-8")
    result = run("analyze", str(first), "--db", str(db), "--report", "")
    assert "1 replaced" in result.stderr
    assert [e["source"] for e in exported(db)] == ["KEN"]


def test_analyze_with_a_missing_path_creates_no_store(tmp_path: Path) -> None:
    good = tmp_path / "peru.txt"
    good.write_text(PERU, encoding="utf-8")
    db = tmp_path / "d.duckdb"
    result = run("analyze", str(good), str(tmp_path / "typo.txt"), "--db", str(db))
    assert result.exit_code == 1 and "typo.txt" in result.stderr
    assert not db.exists()
    assert not (tmp_path / "report.html").exists() and not Path("report.html").exists()


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_a_fatal_error_leaves_no_half_written_output(tmp_path: Path, fmt: str) -> None:
    good = tmp_path / "peru.txt"
    good.write_text(PERU, encoding="utf-8")
    empty = tmp_path / "empty-folder"
    empty.mkdir()  # readable, but fails once reached: no documents in it
    out = tmp_path / f"events.{fmt}"
    result = run("extract", str(good), str(empty), "-f", fmt, "-o", str(out))
    assert result.exit_code == 1 and "empty-folder" in result.stderr
    assert not out.exists()
    assert set(os.listdir(tmp_path)) == {"peru.txt", "empty-folder"}  # no temporary file
    # A previous good output survives a failed run untouched.
    assert run("extract", str(good), "-f", fmt, "-o", str(out)).exit_code == 0
    before = out.read_bytes()
    assert run("extract", str(good), str(empty), "-f", fmt, "-o", str(out)).exit_code == 1
    assert out.read_bytes() == before
