"""The `detente` command as users run it: outputs, exit codes, one-line errors, the store."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.model import CONTRACT_FIELDS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "pakistan-russia.txt"
GOLD = ROOT / "examples" / "pakistan-russia.gold.jsonl"
#: The development data beside the checkout (CI has it; a plain clone does not).
SHARED_GOLD = ROOT.parent / "shared" / "data" / "gold"

runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def error_line(result) -> str:
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("detente: error:")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_extract_writes_contract_valid_jsonl():
    result = run("extract", str(EXAMPLE))
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) > 20
    for rec in records:
        assert all(field in rec for field in CONTRACT_FIELDS)
        assert rec["doc"].endswith("pakistan-russia.txt")
    text = EXAMPLE.read_text(encoding="utf-8")
    assert all(text[r["start"] : r["end"]] == r["sentence"] for r in records)


def test_extract_csv_and_parquet_to_file(tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    assert run("extract", str(EXAMPLE), "--format", "parquet", "-o", str(out)).exit_code == 0
    table = pq.read_table(out)
    assert table.num_rows > 20 and set(CONTRACT_FIELDS) <= set(table.column_names)
    csv_out = tmp_path / "events.csv"
    assert run("extract", str(EXAMPLE), "-f", "csv", "-o", str(csv_out)).exit_code == 0
    header = csv_out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[: len(CONTRACT_FIELDS)] == list(CONTRACT_FIELDS)


def test_extract_reads_stdin():
    result = run(
        "extract", "-", input="In May 1998, Pakistan condemned India for its nuclear tests."
    )
    assert result.exit_code == 0, result.stderr
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    assert any(r["source"] == "PAK" and r["target"] == "IND" and r["cameo"] == "111" for r in recs)


def test_analyze_prints_a_timeline_and_is_idempotent(tmp_path):
    db = tmp_path / "d.duckdb"
    first = run("analyze", str(EXAMPLE), "--db", str(db), "--report", "")
    assert first.exit_code == 0, first.stderr
    assert "PAK – RUS" in first.stdout and "1999" in first.stdout
    con = duckdb.connect(str(db), read_only=True)
    counts1 = [
        con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("documents", "events", "event_sources")
    ]
    con.close()
    second = run("analyze", str(EXAMPLE), "--db", str(db), "--report", "")
    assert second.exit_code == 0
    con = duckdb.connect(str(db), read_only=True)
    counts2 = [
        con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("documents", "events", "event_sources")
    ]
    con.close()
    assert counts1 == counts2 and counts1[1] > 20
    assert "1 unchanged" in second.stderr


def test_export_after_analyze(tmp_path):
    db = tmp_path / "d.duckdb"
    run("analyze", str(EXAMPLE), "--db", str(db), "--report", "")
    result = run("export", "--db", str(db))
    assert result.exit_code == 0
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    assert recs and all(r["sources"] >= 1 for r in recs)


def test_eval_prints_scores_as_json():
    result = run("eval", str(GOLD), str(EXAMPLE), "--json")
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)
    for level in ("strict", "quad", "dyad"):
        assert 0.0 <= scores[level]["f1"] <= 1.0
    assert scores["gold"] == 92
    assert scores["strict"]["f1"] > 0.5  # a floor that catches a broken coder


@pytest.mark.skipif(
    not SHARED_GOLD.is_dir(), reason="needs ../shared/data/gold (development data, not in a clone)"
)
def test_shipped_gold_equals_the_development_copy():
    for shipped, dev in (
        ("pakistan-russia.gold.jsonl", "seed.jsonl"),
        ("pakistan-russia.gold.optional.jsonl", "seed.optional.jsonl"),
    ):
        assert (ROOT / "examples" / shipped).read_bytes() == (SHARED_GOLD / dev).read_bytes()


def test_missing_path_is_a_one_line_error():
    result = run("extract", "no/such/file.txt")
    assert result.exit_code != 0
    assert "no/such/file.txt" in error_line(result)


def test_binary_file_is_a_one_line_error(tmp_path):
    f = tmp_path / "blob.txt"
    f.write_bytes(bytes(range(256)) * 4)
    result = run("extract", str(f))
    assert result.exit_code != 0
    assert "blob.txt" in error_line(result)


def test_empty_file_is_a_one_line_error(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("")
    result = run("extract", str(f))
    assert result.exit_code != 0
    assert "empty.txt" in error_line(result)


def test_bad_jsonl_lines_are_skipped_and_reported(tmp_path):
    f = tmp_path / "corpus.jsonl"
    f.write_text(
        json.dumps({"id": "a", "text": "In 2010, Chile signed a trade agreement with Peru."})
        + "\n{not json\n"
        + json.dumps({"id": "b"})
        + "\n"
    )
    result = run("extract", str(f))
    assert result.exit_code == 0
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["doc"] for r in recs} == {"a"}
    assert "corpus.jsonl:2" in result.stderr and "corpus.jsonl:3" in result.stderr
    assert "skipped 2" in result.stderr


def test_bad_input_never_touches_the_store(tmp_path):
    db = tmp_path / "d.duckdb"
    assert run("analyze", str(EXAMPLE), "--db", str(db), "--report", "").exit_code == 0
    before = db.read_bytes()
    blob = tmp_path / "blob.bin"
    blob.write_bytes(b"\x00\x01\x02" * 100)
    result = run("analyze", str(blob), "--db", str(db), "--report", "")
    assert result.exit_code != 0 and "blob.bin" in error_line(result)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    con.close()
    assert len(db.read_bytes()) == len(before)


def test_timex_command_jsonl_offsets_slice_back(tmp_path):
    f = tmp_path / "t.txt"
    text = "In 1999, the talks failed. The following year, both sides met again last week."
    f.write_text(text)
    result = run("timex", str(f), "--pubdate", "2001-05-10", "--format", "jsonl")
    assert result.exit_code == 0
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(text[r["start"] : r["end"]] == r["text"] for r in recs)
    assert [r["value"] for r in recs][:2] == ["1999", "2000"]


def test_analyze_writes_an_html_report(tmp_path):
    db, report = tmp_path / "d.duckdb", tmp_path / "r.html"
    result = run("analyze", str(EXAMPLE), "--db", str(db), "--report", str(report))
    assert result.exit_code == 0, result.stderr
    page = report.read_text(encoding="utf-8")
    assert "PAK – RUS" in page and "<svg" in page
    # The source sentence, with the actors and the trigger marked.
    assert (
        "<mark class='actor'>Nawaz Sharif</mark> <mark class='trigger'>visited</mark> "
        "<mark class='actor'>Moscow</mark>"
    ) in page


def test_user_actor_dictionary_on_the_command_line(tmp_path):
    actors = tmp_path / "actors.csv"
    actors.write_text("text,code\nFreedonia,FRE\nSylvania,SYL\n", encoding="utf-8")
    result = run(
        "extract", "-", "--actors", str(actors), input="In 1933, Freedonia attacked Sylvania."
    )
    assert result.exit_code == 0, result.stderr
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["source"], r["target"], r["cameo"]) for r in recs] == [("FRE", "SYL", "190")]
    bad = run("extract", "-", "--actors", str(tmp_path / "nope.csv"), input="x")
    assert bad.exit_code != 0 and "nope.csv" in error_line(bad)
