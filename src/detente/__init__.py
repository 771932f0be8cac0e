"""detente: rebuild the system of international relations that texts describe."""

from __future__ import annotations

from detente.model import Actor, Document, Event, Timex

__all__ = ["Actor", "Document", "Event", "Timex"]
__version__ = "0.1.0"
