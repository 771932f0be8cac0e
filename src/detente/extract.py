"""The extraction stage: documents → parsed docs → events (no storage, no printing)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from detente.model import Document, Event
from detente.nlp.patterns import Patterns
from detente.nlp.pipeline import load_pipeline

#: A sentence as stored: (start, end, text) in document character offsets.
Sentence = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one document yields: its sentences and its events."""

    document: Document
    sentences: list[Sentence]
    events: list[Event]


if not Doc.has_extension("pubdate"):
    Doc.set_extension("pubdate", default=None)


def extract_documents(
    documents: Iterable[Document],
    *,
    model: str | None = None,
    batch_size: int = 16,
    on_document: Callable[[Document], None] | None = None,
    nlp: Language | None = None,
    patterns: Patterns | None = None,
    people_index: object | None = None,
) -> Iterator[Extraction]:
    """Parse documents in batches (the model is loaded once) and code their events.

    ``nlp``, ``patterns`` and ``people_index`` replace the packaged pipeline, event
    patterns and dictionary of named officials (e.g. with PETRARCH-format dictionaries).
    """
    from detente.nlp.actors import ActorResolver
    from detente.nlp.events import _people_index, extract_events

    nlp = nlp or load_pipeline(model)
    people = people_index if people_index is not None else _people_index()
    pending: dict[int, Document] = {}

    def docs() -> Iterator[Doc]:
        for document in documents:
            doc = nlp.make_doc(document.text)
            doc._.pubdate = document.pubdate
            pending[id(doc)] = document
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        document = pending.pop(id(doc))
        resolver = ActorResolver(people_index=people)
        events = extract_events(doc, document, resolver=resolver, patterns=patterns)
        sentences = [(s.start_char, s.end_char, s.text) for s in doc.sents]
        if on_document is not None:
            on_document(document)
        yield Extraction(document, sentences, events)


def extract_text(
    text: str, *, pubdate: str | None = None, doc_id: str = "text", model: str | None = None
) -> list[Event]:
    """Events of one text (convenience for notebooks and tests)."""
    document = Document(id=doc_id, text=text, pubdate=pubdate)
    return next(iter(extract_documents([document], model=model))).events
