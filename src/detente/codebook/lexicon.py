"""The entry type shared by the country and IGO lexicons."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LexEntry"]


@dataclass(frozen=True, slots=True)
class LexEntry:
    """A way a text names an actor.

    ``code`` is the ISO 3166 alpha-3 country code (``"RUS"``) or the IGO code
    (``"IGOSCO"``); ``sector`` is a CAMEO sector (``"GOV"``) or None when the words name
    the actor as a whole. ``kind`` says what sort of name it is: for countries one of
    name, short, old, demonym, capital, metonym; for IGOs acronym, name, alias.
    """

    text: str
    code: str
    sector: str | None
    kind: str

    @property
    def actor_code(self) -> str:
        """The CAMEO-style actor code: country plus sector (``"RUSGOV"``), or the IGO code."""
        return self.code + (self.sector or "")
