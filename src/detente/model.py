"""The records that flow between detente's stages.

Every stage is a function from these typed records to others; they are frozen so that a
stage can never change what an earlier stage produced. ``Event.to_record`` is the output
contract of DESIGN.md: evaluations and other tools rely on its field names and types.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

#: Field order of the output contract (DESIGN.md), followed by detente's additions.
CONTRACT_FIELDS: tuple[str, ...] = (
    "doc",
    "sentence",
    "start",
    "end",
    "date",
    "date_text",
    "source",
    "target",
    "source_text",
    "target_text",
    "cameo",
    "root",
    "goldstein",
    "quad",
    "plover",
    "negated",
)
EXTRA_FIELDS: tuple[str, ...] = ("date_source", "trigger", "pubdate")
EVENT_FIELDS: tuple[str, ...] = CONTRACT_FIELDS + EXTRA_FIELDS


@dataclass(frozen=True, slots=True)
class Document:
    """One text to read: a file, a corpus record, or stdin."""

    id: str
    text: str
    pubdate: str | None = None  # ISO partial date of publication, e.g. "2017-03-02"
    title: str | None = None
    url: str | None = None
    path: str | None = None  # where it was read from (file path, "file.jsonl:12", "-")

    @property
    def content_hash(self) -> str:
        """Hash of what determines the extraction: the text and its publication date."""
        h = hashlib.sha256()
        h.update(self.text.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
        h.update((self.pubdate or "").encode())
        return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression, normalised to a TIMEX3-style value.

    ``start``/``end`` are character offsets into the document text. ``value`` follows
    TIMEX3: ``"1999"``, ``"2012-10"``, ``"2014-06-03"``, ``"199"`` (the 1990s), ``"P2Y"``.
    ``anchor`` says what the value was resolved against: ``"absolute"`` (the text alone),
    ``"deictic"`` (the publication date) or ``"anaphoric"`` (the narrative reference time).
    """

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str | None
    mod: str | None = None  # START, MID, END, APPROX, BEFORE, AFTER, ...
    anchor: str = "absolute"
    end_value: str | None = None  # for ranges ("from 1979 to 1989"): the last value


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor mention: a CAMEO-style code and the words that named it."""

    code: str  # PAKGOV, RUS, IGOSCO
    text: str
    start: int = -1  # character offsets in the document, -1 when implicit
    end: int = -1

    @property
    def country(self) -> str:
        """The part that scoring compares: IGO codes whole, otherwise the first three letters."""
        return self.code if self.code.startswith("IGO") else self.code[:3]


@dataclass(frozen=True, slots=True)
class Event:
    """One directed act ``source → target`` read from one sentence (DESIGN.md contract)."""

    doc: str
    sentence: str
    start: int
    end: int
    date: str | None
    date_text: str | None
    source: str
    target: str
    source_text: str
    target_text: str
    cameo: str
    root: str
    goldstein: float
    quad: int
    plover: str | None
    negated: bool = False
    date_source: str | None = None  # "own", "inherited", "pubdate" or None
    trigger: str = ""  # the words that express the act ("visited", "the visit")
    pubdate: str | None = None

    def to_record(self) -> dict[str, Any]:
        """The event as a plain dict in contract field order."""
        d = asdict(self)
        return {k: d[k] for k in EVENT_FIELDS}

    @property
    def key(self) -> tuple[str | None, str, str, str]:
        """What makes two reports the same event: date, source, target, CAMEO code."""
        return (self.date, self.source, self.target, self.cameo)


@dataclass(slots=True)
class Problems:
    """Bad records skipped while reading a corpus, reported at the end of a run."""

    items: list[str] = field(default_factory=list)

    def add(self, where: str, what: str) -> None:
        self.items.append(f"{where}: {what}")

    def __len__(self) -> int:
        return len(self.items)
