"""Events built by hand for the store and merge tests (not a test module)."""

from __future__ import annotations

from detente.model import Document, Event


def make_event(
    doc: Document,
    sentence: str,
    *,
    source: str = "FRA",
    target: str = "DEU",
    cameo: str = "042",
    date: str | None = "1963-01",
    negated: bool = False,
    source_text: str = "France",
    target_text: str = "Germany",
    trigger: str = "visited",
    date_text: str | None = "in January 1963",
    goldstein: float | None = None,
    quad: int | None = None,
) -> Event:
    """An event read from ``sentence``, which must occur in ``doc.text``. Its Goldstein score
    and quad class follow from ``cameo`` (a consultation or an attack) unless given."""
    start = doc.text.index(sentence)
    return Event(
        doc=doc.id,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        date=date,
        date_text=date_text,
        source=source,
        target=target,
        source_text=source_text,
        target_text=target_text,
        cameo=cameo,
        root=cameo[:2],
        goldstein=goldstein if goldstein is not None else (1.9 if cameo.startswith("04") else -4.0),
        quad=quad if quad is not None else (1 if cameo[:2] < "06" else 4),
        plover="CONSULT" if cameo.startswith("04") else "ASSAULT",
        negated=negated,
        date_source="own" if date else None,
        trigger=trigger,
        pubdate=doc.pubdate,
    )
