"""Event records as relations output them: the extract contract's fields, plus provenance."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from detente.model import EVENT_FIELDS

__all__ = ["citation", "event_json"]

#: Fields the store adds to the contract that tools may use to trace an event.
_STORE_FIELDS = ("sources", "mentions", "event_id")


def event_json(event: Mapping[str, Any], **extra: Any) -> dict[str, Any]:
    """The event in the output contract's fields (those it has), then the store's
    provenance fields (``sources``, ``mentions``, ``event_id``) and ``extra``."""
    out = {k: event.get(k) for k in EVENT_FIELDS}
    out.update({k: event[k] for k in _STORE_FIELDS if k in event})
    out.update(extra)
    return out


def citation(event: Mapping[str, Any]) -> str:
    """Where an event was read: ``"pakistan-russia.txt:1234"`` (document, sentence offset)."""
    doc = str(event.get("doc") or "?")
    name = doc.replace("\\", "/").rsplit("/", 1)[-1] or doc
    return f"{name}:{event.get('start')}"
