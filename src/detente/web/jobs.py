"""Analyses submitted from the browser: one writer at a time, the others queued.

A submitted text (pasted, or an uploaded file read in memory: nothing is written to disk
but the store) becomes a job. One worker thread takes jobs in order, parses the text and
stores it in one transaction, waiting for the store if another process (a ``detente
analyze``) holds it, so requests queue instead of failing. The job's ``state`` and
``progress`` are what the page's progress bar shows.
"""

from __future__ import annotations

import functools
import hashlib
import io
import itertools
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from detente.errors import DetenteError
from detente.web.snapshot import Snapshot

#: Jobs remembered for their status page (the oldest finished ones are forgotten first).
_KEEP = 200


@dataclass
class Job:
    id: str
    name: str
    data: bytes
    pubdate: str | None
    state: str = "queued"  # queued, parsing, storing, done, failed
    progress: float = 0.0
    message: str = "waiting for the writer"
    doc_id: str | None = None
    events: list[dict[str, Any]] = field(default_factory=list)
    created: float = field(default_factory=time.time)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "state": self.state,
            "progress": self.progress,
            "message": self.message,
            "doc_id": self.doc_id,
            "events": self.events,
        }


class Writer:
    """The single writer of the app: a queue and one thread."""

    def __init__(self, snapshot: Snapshot, *, wait: float = 600.0, model: str | None = None):
        self.snapshot = snapshot
        self.wait = wait
        self.model = model
        self._queue: queue.Queue[Job] = queue.Queue()
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="detente-writer", daemon=True)
        self._thread.start()

    def submit(self, name: str, data: bytes, pubdate: str | None = None) -> Job:
        job = Job(f"{next(self._ids)}-{hashlib.sha256(data).hexdigest()[:8]}", name, data, pubdate)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > _KEEP:
                self._jobs.popitem(last=False)
            ahead = sum(
                1 for j in self._jobs.values() if j.state in ("queued", "parsing", "storing")
            )
        job.message = f"queued ({ahead - 1} ahead)" if ahead > 1 else "starting"
        self._queue.put(job)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            try:
                self._analyse(job, functools.partial(_set, job))
            except DetenteError as exc:
                # Input errors name "-" (the text was read like stdin): name the upload.
                message = str(exc).replace("-: ", f"{job.name}: ", 1)
                _set(job, "failed", 1.0, f"failed: {message}")
            except Exception as exc:  # a failed job is reported, the writer goes on
                _set(job, "failed", 1.0, f"failed: {type(exc).__name__}: {exc}")
            finally:
                job.data = b""  # the text is in the store now (or was refused)

    def _analyse(self, job: Job, say: Callable[[str, float, str], None]) -> None:
        from detente.extract import extract_documents
        from detente.io import iter_documents
        from detente.model import Problems
        from detente.report.view import cameo_name
        from detente.store import open_store

        say("parsing", 0.1, "reading the text")
        problems = Problems()
        digest = hashlib.sha256(job.data).hexdigest()[:16]
        doc = next(
            iter_documents(
                ["-"], stdin=io.BytesIO(job.data), pubdate=job.pubdate, problems=problems
            )
        )
        doc = replace(
            doc, id=f"upload:{digest}", path=f"upload:{job.name}", title=doc.title or job.name
        )
        say("parsing", 0.3, "parsing and coding events")
        ex = next(iter(extract_documents([doc], model=self.model)))
        say(
            "storing",
            0.8,
            "waiting for the store" if self.snapshot.writer_lock.locked() else "storing",
        )
        with self.snapshot.writer_lock, open_store(self.snapshot.path, wait=self.wait) as store:
            store.ingest([(doc, ex.sentences, ex.events)])
            stored = store.events_of([doc.id])
        self.snapshot.refresh(force=True)
        job.doc_id = doc.id
        job.events = [
            {
                "date": e["date"],
                "source": e["source"],
                "target": e["target"],
                "cameo": e["cameo"],
                "name": cameo_name(str(e["cameo"])),
                "sentence": e["sentence"],
            }
            for e in stored
        ]
        n = len(job.events)
        say("done", 1.0, f"done: {n} event{'s' if n != 1 else ''} stored")


def _set(job: Job, state: str, progress: float, message: str) -> None:
    job.state, job.progress, job.message = state, progress, message
