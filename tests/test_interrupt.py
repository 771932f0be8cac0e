"""Interrupted and concurrent ingests: nothing stored is lost, half-written or duplicated.

These tests run ``detente analyze`` as a real process and kill it (SIGKILL) or stop it
(SIGINT) in the middle of a multi-document ingest, then open the store and check that
every stored document has exactly the sentences and events a clean extraction gives.
The writer announces each committed transaction on stderr (``DETENTE_LOG_BATCHES=1``),
which is how the tests know it is mid-run without touching the locked store.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from detente.analyze import analyze
from detente.cli import app
from detente.errors import StoreError
from detente.extract import extract_documents
from detente.model import Document
from detente.store import open_store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "pakistan-russia.txt"
N_DOCS = 8
TIMEOUT = 120  # generous: CI machines are slow; the tests normally take seconds


def _base_text() -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    # About 1,200 words: long enough that a batch takes a noticeable moment to parse.
    return "\n\n".join(paragraphs[: len(paragraphs) // 2])


def _doc_text(i: int) -> str:
    # Every document differs only in a closing line without events, so all of them must
    # yield exactly the reference events at the same offsets.
    return _base_text() + f"\n\nThis is copy number {i} of the archive.\n"


@pytest.fixture(scope="module")
def reference() -> tuple[set[tuple], int]:
    """What one document must hold once stored: its event reports and its sentence count."""
    ex = next(iter(extract_documents([Document(id="ref", text=_doc_text(0))])))
    keys = {(e.start, e.end, e.source, e.target, e.cameo, e.date, e.negated) for e in ex.events}
    assert len(keys) >= 5, "the reference text should yield several events"
    return keys, len({s[0] for s in ex.sentences})


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(N_DOCS):
        (folder / f"report-{i:02d}.txt").write_text(_doc_text(i), encoding="utf-8")
    return folder


def _start_writer(corpus: Path, db: Path, *extra: str) -> subprocess.Popen[str]:
    env = dict(os.environ, DETENTE_LOG_BATCHES="1", PYTHONUNBUFFERED="1")
    env.pop("DETENTE_DEBUG", None)
    return subprocess.Popen(
        [
            *(sys.executable, "-m", "detente.cli", "analyze", str(corpus)),
            *("--db", str(db), "--batch-size", "1", *extra),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


class _Lines:
    """Read a process's stderr in a thread, so waiting for a line can time out."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self._q: queue.Queue[str | None] = queue.Queue()
        assert proc.stderr is not None
        stream = proc.stderr

        def pump() -> None:
            for line in stream:
                self._q.put(line)
            self._q.put(None)

        self._thread = threading.Thread(target=pump, daemon=True)
        self._thread.start()

    def wait_for(self, needle: str, timeout: float = TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._q.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no {needle!r} on stderr: {self.lines}") from None
            if line is None:
                raise AssertionError(f"process ended before {needle!r}: {self.lines}")
            self.lines.append(line)
            if needle in line:
                return line

    def rest(self) -> str:
        self._thread.join(TIMEOUT)
        while True:
            try:
                line = self._q.get_nowait()
            except queue.Empty:
                break
            if line is not None:
                self.lines.append(line)
        return "".join(self.lines)


def _check_consistent(db: Path, reference: tuple[set[tuple], int]) -> set[str]:
    """Every stored document complete, nothing dangling; returns the stored document ids."""
    keys, n_sentences = reference
    con = duckdb.connect(str(db), read_only=True)
    try:
        docs = {r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()}
        for doc in docs:
            got = con.execute(
                'SELECT s.start, s."end", e.source, e.target, e.cameo, e.date, e.negated '
                "FROM event_sources s JOIN events e USING (event_id) WHERE s.doc_id = ?",
                [doc],
            ).fetchall()
            assert len(got) == len(set(got)) == len(keys), doc  # all reports, none twice
            assert set(got) == keys, doc
            n = con.execute("SELECT count(*) FROM sentences WHERE doc_id = ?", [doc]).fetchone()
            assert n is not None and n[0] == n_sentences, doc
        dangling = {
            "reports of unknown documents": "SELECT count(*) FROM event_sources "
            "WHERE doc_id NOT IN (SELECT doc_id FROM documents)",
            "sentences of unknown documents": "SELECT count(*) FROM sentences "
            "WHERE doc_id NOT IN (SELECT doc_id FROM documents)",
            "events nobody reports": "SELECT count(*) FROM events "
            "WHERE event_id NOT IN (SELECT event_id FROM event_sources)",
            "reports of unknown events": "SELECT count(*) FROM event_sources "
            "WHERE event_id NOT IN (SELECT event_id FROM events)",
        }
        for what, query in dangling.items():
            row = con.execute(query).fetchone()
            assert row is not None and row[0] == 0, what
    finally:
        con.close()
    return docs


def _finish_and_check(corpus: Path, db: Path, reference: tuple[set[tuple], int]) -> None:
    """A re-run stores the rest, with no duplicates; a third run adds nothing."""
    result = analyze([str(corpus)], db=str(db), batch_size=3)
    assert not result.interrupted
    assert len(_check_consistent(db, reference)) == N_DOCS
    with open_store(db, read_only=True) as store:
        before = store.counts()
        assert before["event_sources"] == N_DOCS * len(reference[0])
    again = analyze([str(corpus)], db=str(db), batch_size=3)
    assert again.stats.documents_unchanged == N_DOCS and again.stats.sources_added == 0
    with open_store(db, read_only=True) as store:
        assert store.counts() == before


def test_sigkill_mid_ingest_loses_nothing(
    corpus: Path, tmp_path: Path, reference: tuple[set[tuple], int]
) -> None:
    db = tmp_path / "killed.duckdb"
    proc = _start_writer(corpus, db)
    lines = _Lines(proc)
    try:
        lines.wait_for("committed batch 1 ")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(TIMEOUT)
    assert proc.returncode == -signal.SIGKILL
    stored = _check_consistent(db, reference)
    assert 1 <= len(stored) < N_DOCS, "the kill should land mid-run"
    _finish_and_check(corpus, db, reference)


def test_sigint_stops_after_the_current_batch(
    corpus: Path, tmp_path: Path, reference: tuple[set[tuple], int]
) -> None:
    db = tmp_path / "stopped.duckdb"
    proc = _start_writer(corpus, db)
    lines = _Lines(proc)
    try:
        lines.wait_for("committed batch 1 ")
        # While the writer runs, other processes get a clean one-line refusal.
        runner = CliRunner()
        for args in (["export", "--db", str(db)], ["analyze", str(corpus), "--db", str(db)]):
            busy = runner.invoke(app, args)
            assert busy.exit_code != 0
            errors = [ln for ln in busy.stderr.splitlines() if ln.startswith("detente: error:")]
            assert len(errors) == 1, busy.stderr
            assert str(db) in errors[0] and "in use by another detente process" in errors[0]
            assert "--wait" in errors[0]  # says how to wait for it instead
            assert "Traceback" not in busy.stderr
        proc.send_signal(signal.SIGINT)
        proc.wait(TIMEOUT)
    finally:
        if proc.poll() is None:
            proc.kill()
    stderr = lines.rest()
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert "stopping after the current batch" in stderr
    last = [ln for ln in stderr.splitlines() if ln.startswith("detente: error:")]
    assert len(last) == 1 and "interrupted" in last[0] and "again" in last[0]
    stored = _check_consistent(db, reference)
    assert 1 <= len(stored) < N_DOCS
    _finish_and_check(corpus, db, reference)


def test_second_writer_waits_with_wait_option(tmp_path: Path) -> None:
    """``--wait`` turns 'store in use' into waiting: two ingests serialise."""
    db = tmp_path / "shared.duckdb"
    open_store(db).close()
    holder = (
        "import sys\n"
        "from detente.store import open_store\n"
        f"with open_store({str(db)!r}) as s:\n"
        "    print('ready', flush=True)\n"
        "    sys.stdin.readline()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", holder], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="in use by another detente process"):
            open_store(db, wait=0.3)
        release = threading.Timer(1.0, lambda: proc.communicate("\n", timeout=TIMEOUT))
        release.start()
        started = time.monotonic()
        with open_store(db, wait=TIMEOUT) as store:
            waited = time.monotonic() - started
            assert store.counts()["documents"] == 0
        release.join()
    finally:
        if proc.poll() is None:
            proc.kill()
    assert waited >= 0.9
