"""The extraction stage: documents → parsed docs → events (no storage, no printing).

Two things keep long runs over scraped corpora safe and fast:

* **Bounded memory.** A document longer than :data:`MAX_CHUNK_CHARS` is parsed in pieces
  cut at sentence ends (:func:`split_text`), and pieces are parsed a few at a time
  (:data:`BATCH_CHARS`), so a 50 MB single-line file never becomes one 50 MB spaCy ``Doc``.
  Every piece is kept — nothing is truncated — and every offset the caller sees is
  relative to the whole document.
* **Isolation.** A document that makes a stage fail is skipped and recorded in
  ``problems`` (when given), instead of ending a run over a million documents.

``workers=N`` parses in ``N`` processes, each loading the model once.
"""

from __future__ import annotations

import dataclasses
import re
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, TypedDict

from spacy.language import Language
from spacy.tokens import Doc

from detente.errors import DetenteError
from detente.model import Document, Event, Problems
from detente.nlp.citations import blank_citations
from detente.nlp.conventions import DETENTE, Conventions
from detente.nlp.dateline import Dateline, blank, find_dateline
from detente.nlp.patterns import Patterns
from detente.nlp.pipeline import load_pipeline
from detente.nlp.timex import component as _timex_component  # noqa: F401  (doc._.pubdate)
from detente.nlp.truecase import recase_headlines
from detente.prefilter import SentenceFilter, Unit, blank_units

#: A sentence as stored: (start, end, text) in document character offsets.
Sentence = tuple[int, int, str]

#: Documents longer than this many characters are parsed in pieces cut at sentence ends.
#: 50k characters is ~8k words: long enough that the narrative time reference and the
#: dyad in focus rarely cross a cut, short enough that a parsed piece stays small.
MAX_CHUNK_CHARS = 50_000
#: Characters parsed together in one ``nlp.pipe`` call (bounds the memory of a batch).
BATCH_CHARS = 200_000

# A sentence end: terminal punctuation, optional closing quotes/brackets, then whitespace.
_SENTENCE_END = re.compile(r"[.!?…。][\"'”’»)\]]*\s+")
_PARAGRAPH_END = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_END = re.compile(r"\n\s*")
_SPACE = re.compile(r"\s+")


class Coding(TypedDict, total=False):
    """How a run codes its documents, resolved once (by the CLI from its options and
    :class:`detente.settings.Settings`) and given to :func:`extract_documents` as keywords."""

    nlp: Language  # a pipeline built with users' dictionaries (replaces the packaged one)
    patterns: Patterns  # event patterns replacing the packaged ones
    people_index: object  # dictionary of named officials (detente.petrarch.actors.ActorIndex)
    conventions: Conventions  # what is coded: detente's or PETRARCH's conventions, domestic
    debug: bool  # let a failing document's exception through instead of skipping it
    temponyms: tuple[str, ...]  # TSV files of named dates added to the packaged ones
    prefilter: bool  # parse only the sentences that can hold an event (detente.prefilter)


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one document yields: its sentences and its events."""

    document: Document
    sentences: list[Sentence]
    events: list[Event]


# doc._.pubdate is registered with the timex component (imported above); the dateline is ours.
if not Doc.has_extension("dateline"):
    Doc.set_extension("dateline", default=None)


def split_text(text: str, max_chars: int | None = None) -> list[tuple[int, str]]:
    """Cut ``text`` into ``(offset, piece)`` pieces of at most ``max_chars`` characters.

    Cuts fall after a sentence end when there is one in the second half of the window,
    else after a paragraph break, a line break, or a space; only a "word" longer than
    ``max_chars`` (binary junk, a base64 blob) is cut mid-word. The pieces concatenate
    back to ``text`` exactly, so ``offset + i`` is the document offset of ``piece[i]``.
    ``max_chars`` defaults to :data:`MAX_CHUNK_CHARS`.
    """
    if max_chars is None:
        max_chars = MAX_CHUNK_CHARS
    if max_chars < 2:
        raise ValueError("max_chars must be at least 2")
    if len(text) <= max_chars:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    pos = 0
    n = len(text)
    while n - pos > max_chars:
        limit = pos + max_chars
        floor = pos + max_chars // 2  # never cut so early that pieces become tiny
        cut = -1
        for pattern in (_SENTENCE_END, _PARAGRAPH_END, _LINE_END, _SPACE):
            # The last boundary ending inside the window (the whitespace after it goes with
            # the piece before, so the next piece starts on a word).
            last = -1
            for m in pattern.finditer(text, floor, limit):
                last = m.end()
            if last > floor:
                cut = last
                break
        if cut <= pos:
            cut = limit
        pieces.append((pos, text[pos:cut]))
        pos = cut
    pieces.append((pos, text[pos:]))
    return pieces


def _sentence_spans(doc: Doc, dateline: Dateline | None) -> Iterator[tuple[int, int]]:
    """Sentence offsets; a dateline (blanked for the parser, where its blank may join the
    sentence before, e.g. a headline) belongs to the sentence it opens."""
    for s in doc.sents:
        start, end = s.start_char, s.end_char
        if dateline is not None:
            if start < dateline.start < end <= dateline.end + 1:
                end = start + len(doc.text[start : dateline.start].rstrip())
            elif start <= dateline.end < end:
                start = min(start, dateline.start)
        if end > start:
            yield start, end


def _stored_spans(doc: Doc, piece: _Piece) -> list[tuple[int, int]]:
    """The sentences to store: the parser's, and with the filter the skipped units, whose
    sentences were never parsed (the parser's sentences lose the blanks after them)."""
    spans = list(_sentence_spans(doc, piece.dateline))
    if piece.units is None:
        return spans
    text, parsed = piece.text, doc.text
    out: list[tuple[int, int]] = []
    for a, b in spans:
        end = a + len(parsed[a:b].rstrip())
        if not text[a:end].strip():
            continue  # only blanks: a skipped unit
        while end < b and text[end].isspace():
            end += 1  # the original's own blanks after the sentence stay with it
        out.append((a, end))
    out += [(u.start_char, u.end_char) for u in piece.units if not u.parsed]
    return sorted(out)


def _with_dateline_start(event: Event, dateline: Dateline | None) -> Event:
    """An event of the sentence a dateline opens starts where the dateline starts."""
    if dateline is None or not (dateline.start < event.start <= dateline.end):
        return event
    return dataclasses.replace(event, start=dateline.start)


def _shift(event: Event, offset: int, text: str) -> Event:
    """Place a piece's event in its document; its sentence is sliced from the original
    ``text`` of the piece (the parser may have read a re-cased copy of a headline)."""
    sentence = text[event.start : event.end]
    if offset == 0 and sentence == event.sentence:
        return event
    return dataclasses.replace(
        event, sentence=sentence, start=event.start + offset, end=event.end + offset
    )


@dataclass(slots=True)
class _Piece:
    """One parsable piece of a document and where it sits in it."""

    index: int  # position of its document in the input
    document: Document
    offset: int
    text: str
    last: bool
    #: The story's dateline, on the piece that holds it.
    dateline: Dateline | None = None
    #: The document as coded: its pubdate is the dateline's date when none was given.
    coded: Document | None = None
    #: With the sentence filter: the units of the piece (what was parsed, what skipped).
    units: list[Unit] | None = None


def _with_dateline(document: Document) -> tuple[Dateline | None, Document]:
    """The document's dateline, and the document whose reference date codes its events: the
    dateline's date stands in for a missing publication date (a year-less dateline takes
    its year from the publication date, so it only helps when one is given)."""
    dateline = find_dateline(document.text)
    if dateline is None or document.pubdate:
        return dateline, document
    value = dateline.value(None)
    if value is None:
        return dateline, document
    return dateline, dataclasses.replace(document, pubdate=value)


class _Coder:
    """Parses pieces and codes their events; one per process (the model is loaded once)."""

    def __init__(
        self,
        nlp: Language,
        patterns: Patterns | None,
        people_index: object | None,
        problems: Problems | None,
        conventions: Conventions = DETENTE,
        debug: bool = False,
        prefilter: bool = True,
    ) -> None:
        from detente.nlp.actors import ActorResolver
        from detente.nlp.events import extract_events
        from detente.nlp.patterns import default_patterns

        self.nlp = nlp
        self.patterns = patterns
        self.people = people_index
        self.problems = problems
        self.flags = conventions.flags()
        self.debug = debug
        self._resolver_cls = ActorResolver
        self._extract_events = extract_events
        # The filter needs the timex tagger apart: dates are tagged on the whole text.
        self.filter = (
            SentenceFilter(nlp, patterns or default_patterns())
            if prefilter and "detente_timex" in nlp.pipe_names and "parser" in nlp.pipe_names
            else None
        )

    def _failed(self, document: Document, exc: BaseException) -> None:
        if self.problems is None or self.debug:
            raise exc
        where = document.path or document.id
        what = " ".join(str(exc).split())[:160]
        self.problems.add(where, f"extraction failed ({type(exc).__name__}: {what}); skipped")

    def _make_doc(self, p: _Piece) -> Doc:
        """The copy the parser reads: dateline and footnote markers blanked, headlines
        re-cased, same offsets; with the sentence filter, the sentences that cannot hold an
        event blanked too, and the time expressions tagged on the whole text."""
        text = recase_headlines(blank_citations(blank(p.text, p.dateline)))
        pubdate = (p.coded or p.document).pubdate
        doc = None
        if self.filter is not None:
            from detente.nlp.timex.tagger import tag

            timexes = tag(text, pubdate, temponyms=self.nlp.get_pipe("detente_timex").temponyms)
            doc = self.nlp.make_doc(text)
            p.units = self.filter.units(doc, (t.start for t in timexes))
            if not all(u.parsed for u in p.units):
                doc = None  # tokenized again, blanks and all
                text = blank_units(text, p.units)
        if doc is None:
            doc = self.nlp.make_doc(text)
        doc._.pubdate = pubdate
        doc._.dateline = p.dateline
        if self.filter is not None:
            doc._.timexes = timexes
        return doc

    def _parse(self, pieces: list[_Piece]) -> list[Doc | BaseException]:
        """Parse a batch; if the batch fails, parse piece by piece to isolate the culprit."""
        # With the filter, the timex tagger has already read the whole text (_make_doc).
        skip = ["detente_timex"] if self.filter is not None else []
        docs = [self._make_doc(p) for p in pieces]
        try:
            return list(self.nlp.pipe(docs, batch_size=len(docs), disable=skip))
        except Exception:
            if self.debug:
                raise
        out: list[Doc | BaseException] = []
        for p in pieces:
            try:
                doc = self._make_doc(p)
                for name, proc in self.nlp.pipeline:
                    if name not in skip:
                        doc = proc(doc)
                out.append(doc)
            except Exception as exc:
                out.append(exc)
        return out

    def run(
        self, documents: Iterable[tuple[int, Document]], batch_size: int
    ) -> Iterator[
        tuple[int, Document, list[Sentence], list[Event]] | tuple[int, Document, None, None]
    ]:
        """Yield ``(index, document, sentences, events)`` per document, in input order.

        A document whose parse or coding failed yields ``None`` sentences and events (and
        is recorded in ``problems``).
        """
        state: dict[int, tuple[list[Sentence], list[Event], Any, bool]] = {}

        def batches() -> Iterator[list[_Piece]]:
            batch: list[_Piece] = []
            chars = 0
            for index, document in documents:
                parts = split_text(document.text)
                dateline, coded = _with_dateline(document)
                for k, (offset, text) in enumerate(parts):
                    # A dateline opens a story: it lies in the first piece.
                    here = (
                        dateline if offset == 0 and dateline and dateline.end <= len(text) else None
                    )
                    batch.append(
                        _Piece(index, document, offset, text, k == len(parts) - 1, here, coded)
                    )
                    chars += len(text)
                    if len(batch) >= batch_size or chars >= BATCH_CHARS:
                        yield batch
                        batch, chars = [], 0
            if batch:
                yield batch

        for batch in batches():
            for piece, doc in zip(batch, self._parse(batch), strict=True):
                sentences, events, resolver, ok = state.get(piece.index, ([], [], None, True))
                if ok and isinstance(doc, BaseException):
                    self._failed(piece.document, doc)
                    ok = False
                elif ok:
                    try:
                        # One resolver per document: the dyad in focus carries across pieces.
                        resolver = resolver or self._resolver_cls(people_index=self.people)
                        found = self._extract_events(
                            doc,
                            piece.coded or piece.document,
                            resolver=resolver,
                            patterns=self.patterns,
                            **self.flags,
                        )
                        events.extend(
                            _shift(
                                _with_dateline_start(e, piece.dateline), piece.offset, piece.text
                            )
                            for e in found
                        )
                        sentences.extend(
                            (piece.offset + a, piece.offset + b, piece.text[a:b])
                            for a, b in _stored_spans(doc, piece)
                        )
                    except Exception as exc:
                        self._failed(piece.document, exc)
                        ok = False
                if piece.last:
                    state.pop(piece.index, None)
                    if ok:
                        yield piece.index, piece.document, sentences, events
                    else:
                        yield piece.index, piece.document, None, None
                else:
                    state[piece.index] = (sentences, events, resolver, ok)


def extract_documents(
    documents: Iterable[Document],
    *,
    model: str | None = None,
    batch_size: int = 16,
    on_document: Callable[[Document], None] | None = None,
    nlp: Language | None = None,
    patterns: Patterns | None = None,
    people_index: object | None = None,
    workers: int = 1,
    problems: Problems | None = None,
    conventions: Conventions = DETENTE,
    debug: bool = False,
    temponyms: tuple[str, ...] = (),
    prefilter: bool = True,
    dask: str | None = None,
    parts: str | None = None,
) -> Iterator[Extraction]:
    """Parse documents in batches (the model is loaded once) and code their events.

    ``nlp``, ``patterns`` and ``people_index`` replace the packaged pipeline, event
    patterns and dictionary of named officials (e.g. with PETRARCH-format dictionaries);
    ``conventions`` chooses what is coded (:mod:`detente.nlp.conventions`); ``temponyms`` adds
    TSV files of named dates to the packaged pipeline's.

    Long documents are parsed in pieces cut at sentence ends (see :func:`split_text`);
    sentences and events keep offsets into the whole document. With ``problems``, a
    document that makes the parser or coder fail is skipped and recorded there (``debug``
    lets the exception through); without it the exception
    propagates. ``workers > 1`` parses in that many processes, each loading the model
    once; results come back in input order. ``on_document`` is called for every document
    yielded or skipped. ``conventions`` are the coder's switches (:mod:`detente.nlp.conventions`:
    PETRARCH's conventions, domestic events). ``prefilter`` parses only the sentences that
    can hold an event and their context (:mod:`detente.prefilter`; same events, faster);
    ``prefilter=False`` parses every sentence.

    ``dask`` (a scheduler address, or ``"local"`` for a local cluster of ``workers``
    processes) codes partitions of documents on Dask workers and keeps the results as
    Parquet parts in the directory ``parts``; a re-run skips the documents they hold
    (:mod:`detente.distributed`).
    """
    if dask is not None:
        from detente.distributed import run_on_dask

        for document, sentences, events in run_on_dask(
            documents,
            address=dask,
            parts=parts or "detente.parts",
            workers=workers,
            on_document=on_document,
            problems=problems,
            options={
                "model": model,
                "nlp": nlp,
                "patterns": patterns,
                "people_index": people_index,
                "conventions": conventions,
                "temponyms": temponyms,
                "prefilter": prefilter,
                "batch_size": batch_size,
            },
        ):
            yield Extraction(document, sentences, events)
        return
    if workers > 1:
        yield from _extract_parallel(
            documents,
            model=model,
            batch_size=batch_size,
            on_document=on_document,
            nlp=nlp,
            patterns=patterns,
            people_index=people_index,
            workers=workers,
            problems=problems,
            conventions=conventions,
            debug=debug,
            temponyms=temponyms,
            prefilter=prefilter,
        )
        return
    from detente.nlp.people import people_index as default_people_index

    coder = _Coder(
        nlp or load_pipeline(model, temponyms),
        patterns,
        people_index if people_index is not None else default_people_index(),
        problems,
        conventions,
        debug,
        prefilter,
    )
    for _, document, sentences, events in coder.run(enumerate(documents), batch_size):
        if on_document is not None:
            on_document(document)
        if sentences is not None and events is not None:
            yield Extraction(document, sentences, events)


# --------------------------------------------------------------------------------------
# Worker processes
# --------------------------------------------------------------------------------------

_WORKER: _Coder | None = None


def _init_worker(
    model: str | None,
    nlp: Language | None,
    patterns: Patterns | None,
    people_index: object,
    conventions: Conventions,
    debug: bool,
    temponyms: tuple[str, ...],
    prefilter: bool = True,
) -> None:
    """Load the model once in this worker process."""
    global _WORKER
    # Ctrl-C reaches the whole process group; the parent decides when to stop, and a worker
    # dying mid-batch would only turn a clean stop into a BrokenProcessPool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from detente.nlp.people import people_index as default_people_index

    _WORKER = _Coder(
        nlp or load_pipeline(model, temponyms),
        patterns,
        people_index if people_index is not None else default_people_index(),
        Problems(),
        conventions,
        debug,
        prefilter,
    )


def _work(
    batch: list[Document], batch_size: int
) -> tuple[list[tuple[list[Sentence], list[Event]] | None], list[str]]:
    """Extract one batch in a worker; the documents themselves are not sent back."""
    assert _WORKER is not None, "worker not initialised"
    problems = _WORKER.problems
    assert problems is not None
    problems.items.clear()
    out: list[tuple[list[Sentence], list[Event]] | None] = []
    for _, _, sentences, events in _WORKER.run(enumerate(batch), batch_size):
        out.append(None if sentences is None or events is None else (sentences, events))
    return out, list(problems.items)


def _extract_parallel(
    documents: Iterable[Document],
    *,
    model: str | None,
    batch_size: int,
    on_document: Callable[[Document], None] | None,
    nlp: Language | None,
    patterns: Patterns | None,
    people_index: object | None,
    workers: int,
    problems: Problems | None,
    conventions: Conventions,
    debug: bool,
    temponyms: tuple[str, ...],
    prefilter: bool = True,
) -> Iterator[Extraction]:
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # fork (POSIX) hands a caller's custom nlp/patterns to the workers without pickling
    # them; elsewhere they are pickled (spaCy pipelines support it).
    method = "fork" if sys.platform != "win32" and sys.platform != "darwin" else "spawn"
    ctx = multiprocessing.get_context(method)
    executor = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=ctx,
        initializer=_init_worker,
        initargs=(model, nlp, patterns, people_index, conventions, debug, temponyms, prefilter),
    )
    # At most two batches per worker in flight: enough to keep them busy, and reading
    # never runs far ahead of writing (memory stays bounded, and an interrupted run has
    # not read much it did not process).
    window: deque[tuple[list[Document], Future[Any]]] = deque()
    source = iter(documents)

    def submit() -> bool:
        batch = [d for _, d in zip(range(batch_size), source, strict=False)]
        if not batch:
            return False
        window.append((batch, executor.submit(_work, batch, batch_size)))
        return True

    try:
        more = True
        while more and len(window) < 2 * workers:
            more = submit()
        while window:
            batch, future = window.popleft()
            try:
                results, skipped = future.result()
            except BrokenProcessPool:
                raise DetenteError(
                    "a worker process died (out of memory?); what was stored is complete, "
                    "re-run to finish, perhaps with fewer --workers"
                ) from None
            if more:
                more = submit()
            if skipped and problems is None:
                # The caller asked for failures to propagate; the worker's exception is
                # gone, so its one-line description is raised instead.
                raise DetenteError(skipped[0])
            if problems is not None:
                problems.items.extend(skipped)
            for document, result in zip(batch, results, strict=True):
                if on_document is not None:
                    on_document(document)
                if result is not None:
                    yield Extraction(document, result[0], result[1])
    finally:
        for _, future in window:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)


def extract_text(
    text: str,
    *,
    pubdate: str | None = None,
    doc_id: str = "text",
    model: str | None = None,
    conventions: Conventions = DETENTE,
    domestic: bool = False,
) -> list[Event]:
    """Events of one text (convenience for notebooks and tests); ``domestic=True`` is
    ``conventions`` with domestic events on."""
    if domestic:
        conventions = replace(conventions, domestic=True)
    document = Document(id=doc_id, text=text, pubdate=pubdate)
    return next(iter(extract_documents([document], model=model, conventions=conventions))).events
