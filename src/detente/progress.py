"""How far a long run has got: the number of documents to expect, and a plain progress log.

On a terminal the CLI shows a Rich progress bar; in a log file (a batch job, ``nohup``,
a cluster's scheduler) it writes one line per ``every`` documents instead, with the total
and an estimate of the time left when the input size is known.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from detente.io._common import CSV_EXTENSIONS, JSONL_EXTENSIONS

#: Documents between two lines of the plain progress log (``DETENTE_PROGRESS_EVERY``).
PROGRESS_EVERY = 100


def expected_documents(paths: Sequence[str], glob: str | None = None) -> int | None:
    """About how many documents ``paths`` hold, without reading them: a JSONL file holds
    one per non-blank line, a CSV file one per line after its header (a record spanning
    lines makes this an overestimate), any other file one. ``None`` when unknown (stdin)."""
    from detente.io.readers import document_paths

    if any(p == "-" for p in paths):
        return None
    total = 0
    try:
        for path in document_paths(paths, glob):
            ext = os.path.splitext(path)[1].lower()
            if ext in JSONL_EXTENSIONS or ext in CSV_EXTENSIONS:
                lines = _count_lines(path)
                total += lines if ext in JSONL_EXTENSIONS else max(0, lines - 1)
            else:
                total += 1
    except OSError:
        return None
    return total


def _count_lines(path: str) -> int:
    """Non-blank lines of a file, read in blocks (no decoding)."""
    n = 0
    with open(path, "rb") as fh:
        for line in fh:
            if line.strip():
                n += 1
    return n


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


@dataclass
class ProgressLog:
    """One line per ``every`` documents: done, total, rate, elapsed time and time left."""

    label: str
    total: int | None
    write: Callable[[str], None]
    every: int = PROGRESS_EVERY
    done: int = 0
    started: float = field(default_factory=time.monotonic)

    def advance(self, _document: object = None) -> None:
        self.done += 1
        if self.every > 0 and self.done % self.every == 0:
            self.write(self.line())

    def line(self, now: float | None = None) -> str:
        elapsed = (time.monotonic() if now is None else now) - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        if self.total:
            pct = min(100, 100 * self.done // self.total)
            left = max(0, self.total - self.done)
            eta = f", about {_clock(left / rate)} left" if rate > 0 and left else ""
            head = f"{self.done:,}/{self.total:,} documents ({pct}%)"
        else:
            eta = ""
            head = f"{self.done:,} documents"
        return (
            f"detente: {self.label} {head}, {rate:.1f} documents/s, {_clock(elapsed)} elapsed{eta}"
        )
