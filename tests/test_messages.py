"""Small things users notice: version, plurals, whole error messages, timeline order, help."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from detente.cli import app
from detente.report import render_report
from detente.timeline import date_sort_key, format_timeline

runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_version() -> None:
    from detente import __version__

    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"detente {__version__}"


def test_one_event_is_not_one_events(tmp_path: Path) -> None:
    result = run("extract", "-", input="In 2014 Ghana thanked Togo for its help.")
    assert result.exit_code == 0, result.stderr
    assert "detente: 1 event\n" in result.stderr
    text = tmp_path / "ghana.txt"
    text.write_text("In 2014 Ghana thanked Togo for its help.", encoding="utf-8")
    report = tmp_path / "r.html"
    result = run("analyze", str(text), "--db", str(tmp_path / "d.duckdb"), "--report", str(report))
    assert result.exit_code == 0, result.stderr
    assert "detente: 1 document: 1 added" in result.stderr and "1 new event," in result.stderr
    assert "(s)" not in result.stderr
    assert "1 event between 1 pair of actors." in report.read_text(encoding="utf-8")


def test_report_counts_in_plural() -> None:
    events = [
        {"date": d, "source": s, "target": t, "cameo": "051", "goldstein": 3.4, "sentence": "x"}
        for d, s, t in (("2014", "GHA", "TGO"), ("2015", "GHA", "NGA"))
    ]
    assert "2 events between 2 pairs of actors." in render_report(events)


def test_json_errors_say_where(tmp_path: Path) -> None:
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text(
        json.dumps({"id": "1", "text": "Ghana thanked Togo."})
        + "\n"
        + '{"id": "2", "text": "Ghana\tthanked\x01 Togo."}\n'
        + '{"id": "3", "text": }\n',
        encoding="utf-8",
    )
    result = run("extract", str(corpus))
    assert result.exit_code == 0, result.stderr
    # The tab is the 27th character of line 2, the missing value the 21st of line 3.
    assert "wire.jsonl:2: invalid JSON (Invalid control character at column 27)" in result.stderr
    assert "wire.jsonl:3: invalid JSON (Expecting value at column 21)" in result.stderr


def test_events_file_errors_say_where(tmp_path: Path) -> None:
    events = tmp_path / "events.jsonl"
    events.write_text('{"doc": "a", "sentence": "x\x02"}\n', encoding="utf-8")
    result = run("eval", str(events), "--system", str(events))
    assert result.exit_code == 1
    assert "Invalid control character at column" in result.stderr


def test_timeline_sorts_partial_dates_as_intervals() -> None:
    dates = [None, "2024", "2024-03-04", "2023", "2024-03", "2024-05-01", "202", "2023-12-31"]
    assert sorted(dates, key=date_sort_key) == [
        "2023-12-31",
        "2023",
        "2024-03-04",
        "2024-03",
        "2024-05-01",
        "2024",
        "202",
        None,
    ]
    events = [
        {
            "date": d,
            "source": "GHA",
            "target": "TGO",
            "cameo": "051",
            "goldstein": 3.4,
            "start": i,
            "sentence": f"sentence {i}",
        }
        for i, d in enumerate(["2024", None, "2024-03-04"])
    ]
    shown = re.findall(r"^  (\S+)", format_timeline(events), flags=re.M)
    assert [s for s in shown if not s.startswith("“")] == ["2024-03-04", "2024", "(undated)"]


def test_help_shows_no_type_next_to_flags() -> None:
    result = run("eval", "--help")
    assert result.exit_code == 0
    lines = {
        ln.split()[1]: ln for ln in result.stdout.splitlines() if ln.strip().startswith("│ --")
    }
    for flag in ("--json", "--errors", "--petrarch-conventions", "--help"):
        assert "<bool>" not in lines[flag], lines[flag]
    assert "<str>" in lines["--pubdate"]  # options that take a value keep their type


def test_html_metadata_date_reaches_the_headline(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Ghana recalls its ambassador from Togo | West Africa Wire</title>"
        '<meta name="date" content="2021-07-09"></head><body><article>'
        "<p>ACCRA — The foreign ministry said the envoy would return for consultations "
        "after a row over border crossings, according to officials.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    result = run("extract", str(page))
    assert result.exit_code == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    headline = [e for e in events if e["sentence"] == "Ghana recalls its ambassador from Togo"]
    assert headline, events
    assert all(e["date"] == "2021-07-09" and e["source"] == "GHA" for e in headline)
