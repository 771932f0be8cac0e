"""The main job: read documents, extract what is new, store it, return the dyads' events."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from detente.model import Document, Problems
from detente.store import IngestStats, open_store
from detente.wording import count

if TYPE_CHECKING:  # extract imports spaCy; only its type is needed here
    from detente.extract import Coding


@dataclass
class AnalyzeResult:
    db: str
    documents: list[str] = field(default_factory=list)
    stats: IngestStats = field(default_factory=IngestStats)
    events: list[dict[str, Any]] = field(default_factory=list)
    #: True when ``should_stop`` ended the run early (after a committed batch).
    interrupted: bool = False
    #: Transactions committed by this run.
    batches: int = 0

    def summary(self) -> str:
        s = self.stats
        return (
            f"detente: {count(len(self.documents), 'document')}: {s.documents_added} added, "
            f"{s.documents_replaced} replaced, {s.documents_unchanged} unchanged; "
            f"{count(s.events_added, 'new event')}, {len(self.events)} in their timeline; "
            f"store {self.db}"
        )


def analyze(
    paths: Sequence[str],
    *,
    db: str = "detente.duckdb",
    pubdate: str | None = None,
    glob: str | None = None,
    model: str | None = None,
    batch_size: int = 16,
    problems: Problems | None = None,
    on_document: Callable[[Document], None] | None = None,
    workers: int = 1,
    wait: float = 0.0,
    should_stop: Callable[[], bool] | None = None,
    on_batch: Callable[[AnalyzeResult], None] | None = None,
    coding: Coding | None = None,
    stdin_id: str | None = None,
    dask: str | None = None,
    parts: str | None = None,
) -> AnalyzeResult:
    """Extract events from ``paths`` into the store ``db``, one transaction per batch.

    Documents already stored unchanged are not parsed again, so a re-run after an
    interruption only does what is left. Returns the stored events of these documents.

    ``workers`` parses in that many processes; ``wait`` seconds to wait for a store held by
    another process (default: fail at once with ``StoreError``). After each committed
    batch ``on_batch`` is called and ``should_stop`` consulted: when it returns true the
    run ends there with ``interrupted`` set — everything committed is complete.
    ``coding`` passes ``nlp``/``patterns``/``people_index``/``conventions`` on to the
    extraction (users' dictionaries, see :mod:`detente.dictionaries`; coding conventions,
    see :mod:`detente.nlp.conventions`). ``stdin_id`` names the document read from ``-``.
    ``dask`` codes on a Dask cluster (an address or ``"local"``), keeping Parquet parts in
    ``parts`` (default ``<db>.parts``) that DuckDB reads back into the store.

    Every named input is checked before the store is opened, so a typo creates no store.
    """
    from detente.extract import extract_documents
    from detente.io import check_inputs, iter_documents

    check_inputs(paths, pubdate=pubdate, stdin_id=stdin_id)
    result = AnalyzeResult(db=str(db))
    with open_store(db, wait=wait) as store:

        def todo() -> Iterator[Document]:
            documents = iter_documents(
                paths, pubdate=pubdate, glob=glob, problems=problems, stdin_id=stdin_id
            )
            for document in documents:
                if should_stop is not None and should_stop():
                    return  # read no further; what was read is still finished and stored
                status = store.document_status(document)
                if status == "conflict":
                    # Never delete a stored document's events for an unrelated input.
                    result.stats.conflicts.append((document.id, store.conflict_message(document)))
                    if problems is not None:
                        problems.add(document.path or document.id, store.conflict_message(document))
                    continue
                result.documents.append(document.id)
                if status == "same":
                    result.stats.documents_unchanged += 1
                    if on_document is not None:
                        on_document(document)
                    continue
                yield document

        def commit(batch: list) -> bool:
            """Store one batch; say whether to go on."""
            stats = store.ingest(batch)
            for doc_id, message in stats.conflicts:  # ids reused within one batch
                result.documents.remove(doc_id)
                if problems is not None:
                    problems.add(doc_id, message)
            result.stats += stats
            result.batches += 1
            if on_batch is not None:
                on_batch(result)
            if should_stop is not None and should_stop():
                result.interrupted = True
                return False
            return True

        batch: list = []
        extractions = extract_documents(
            todo(),
            model=model,
            batch_size=batch_size,
            on_document=on_document,
            workers=workers,
            problems=problems,
            dask=dask,
            parts=parts or f"{db}.parts",
            **(coding or {}),
        )
        try:
            for ex in extractions:
                batch.append((ex.document, ex.sentences, ex.events))
                if len(batch) >= batch_size:
                    go_on = commit(batch)
                    batch = []
                    if not go_on:
                        break
            else:
                if batch:
                    commit(batch)
                if should_stop is not None and should_stop():
                    # Stopped while reading: everything read was stored, but not all input.
                    result.interrupted = True
        finally:
            extractions.close()  # stop worker processes now, not at garbage collection
        stored = store.stored_ids(result.documents) if result.interrupted else None
        result.events = store.events_of(result.documents)
        if stored is not None:
            result.documents = [d for d in result.documents if d in stored]
    return result
