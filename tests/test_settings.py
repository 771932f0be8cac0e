"""The DETENTE_* environment variables: read once by the CLI, each one takes effect."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.settings import DEFAULT_MODEL, Settings

runner = CliRunner()
#: Unset every variable the test does not set, whatever the shell running the tests exports.
CLEAN: dict[str, str | None] = dict.fromkeys(
    ("DETENTE_MODEL", "DETENTE_ACTORS", "DETENTE_TEMPONYMS", "DETENTE_DEBUG", "DETENTE_LOG_BATCHES")
)


def run(*args: str, input: str | None = None, **env: str):
    return runner.invoke(app, list(args), input=input, env={**CLEAN, **env})


def events(result) -> list[dict]:
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_settings_read_every_variable() -> None:
    s = Settings.from_environment(
        {
            "DETENTE_MODEL": "en_core_web_lg",
            "DETENTE_ACTORS": os.pathsep.join(["a.txt", "b.txt"]),
            "DETENTE_TEMPONYMS": "named.tsv",
            "DETENTE_DEBUG": "1",
            "DETENTE_LOG_BATCHES": "0",
        }
    )
    assert s == Settings("en_core_web_lg", ("a.txt", "b.txt"), ("named.tsv",), True, False)
    assert Settings.from_environment({}) == Settings(DEFAULT_MODEL, (), (), False, False)


def test_detente_model_names_the_pipeline_and_model_option_wins() -> None:
    text = "In 2004, Chile recalled its ambassador from Bolivia."
    bad = run("extract", "-", input=text, DETENTE_MODEL="xx_no_such_pipeline")
    assert bad.exit_code == 1
    assert "xx_no_such_pipeline: spaCy pipeline not installed" in bad.stderr
    ok = run("extract", "-", "--model", DEFAULT_MODEL, input=text, DETENTE_MODEL="xx_nope")
    assert ("CHL", "BOL") in {(e["source"], e["target"]) for e in events(ok)}


@pytest.fixture
def officials(tmp_path: Path) -> Path:
    # A PETRARCH-format dictionary naming an official nobody else knows.
    path = tmp_path / "officials.txt"
    path.write_text("SIGRID_HALVORSEN [NORGOV 20120101-20201231]\n", encoding="utf-8")
    return path


SIGRID = "In 2016, Sigrid Halvorsen visited Jakarta to meet Indonesian officials."


def test_detente_actors_adds_dated_officials(officials: Path) -> None:
    assert not any(e["source"] == "NORGOV" for e in events(run("extract", "-", input=SIGRID)))
    coded = events(run("extract", "-", input=SIGRID, DETENTE_ACTORS=str(officials)))
    assert ("NORGOV", "IDN", "042") in {(e["source"], e["target"], e["cameo"]) for e in coded}


def test_actors_option_wins_over_detente_actors(officials: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.csv"
    mine.write_text("text,code\nFreedonia,FRE\n", encoding="utf-8")
    coded = events(
        run("extract", "-", "--actors", str(mine), input=SIGRID, DETENTE_ACTORS=str(officials))
    )
    assert not any(e["source"] == "NORGOV" for e in coded)


def test_detente_temponyms_names_dates_for_the_timex_command(tmp_path: Path) -> None:
    named = tmp_path / "named.tsv"
    named.write_text(
        "pattern\tvalue\ttype\tnote\nthe\\s+Carnation\\s+Revolution\t1974-04-25\tDATE\tPortugal\n",
        encoding="utf-8",
    )
    text = "Lisbon changed course after the Carnation Revolution."
    plain = run("timex", "-", "--format", "jsonl", input=text)
    assert plain.exit_code == 0 and plain.stdout.strip() == ""
    named_run = run("timex", "-", "--format", "jsonl", input=text, DETENTE_TEMPONYMS=str(named))
    (rec,) = [json.loads(line) for line in named_run.stdout.splitlines()]
    assert (rec["text"], rec["value"]) == ("the Carnation Revolution", "1974-04-25")


def test_detente_temponyms_dates_extracted_events(tmp_path: Path) -> None:
    named = tmp_path / "named.tsv"
    named.write_text(
        "pattern\tvalue\ttype\tnote\nthe\\s+Orchid\\s+Summit\t2031-06\tDATE\tinvented\n",
        encoding="utf-8",
    )
    text = "At the Orchid Summit, Kenya signed a trade agreement with Tanzania."
    dated = events(run("extract", "-", input=text, DETENTE_TEMPONYMS=str(named)))
    assert dated and {e["date"] for e in dated} == {"2031-06"}


def test_detente_debug_shows_the_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "news.txt"
    path.write_text("In 1999, Peru signed an accord with Ecuador.", encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("unexpected")

    monkeypatch.setattr("detente.io.write_records", broken)
    quiet = run("extract", str(path))
    assert quiet.exit_code == 1 and "RuntimeError" in quiet.stderr
    loud = run("extract", str(path), DETENTE_DEBUG="1")
    assert isinstance(loud.exception, RuntimeError)


def test_detente_log_batches_prints_each_commit(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text("In 1999, Peru signed an accord with Ecuador.", encoding="utf-8")
    quiet = run("analyze", str(path), "--db", str(tmp_path / "a.duckdb"), "--report", "")
    assert quiet.exit_code == 0, quiet.stderr
    assert "committed batch" not in quiet.stderr
    logged = run(
        "analyze",
        str(path),
        "--db",
        str(tmp_path / "b.duckdb"),
        "--report",
        "",
        DETENTE_LOG_BATCHES="1",
    )
    assert "detente: committed batch 1 (1 document written so far)" in logged.stderr
