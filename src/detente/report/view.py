"""What the report and the web app show of an event: one row per event, its sentence with
actors and trigger marked, its document, and the legend of codes.

Everything from documents is data: it is escaped here (``markupsafe.escape``) or by Jinja2's
autoescaping, never interpreted; a document's ``url`` becomes a link only when it is
``http(s)``, so a ``javascript:`` URL in a corpus is shown as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from markupsafe import Markup, escape

from detente.report.series import actor_key, period_of
from detente.timeline import date_sort_key

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
QUAD_COLOURS = {1: "#7cb342", 2: "#2e7d32", 3: "#f9a825", 4: "#c62828"}

#: CAMEO actor role codes (the sector after the country code), as the CAMEO manual names them.
SECTORS = {
    "GOV": "government",
    "MIL": "military",
    "REB": "rebels",
    "OPP": "political opposition",
    "BUS": "business",
    "MED": "media",
    "COP": "police",
    "JUD": "judiciary",
    "LEG": "legislature",
    "SPY": "intelligence",
    "EDU": "education",
    "CVL": "civilians",
    "LAB": "labour",
    "REF": "refugees",
    "CRM": "criminals",
    "UAF": "armed forces (unidentified)",
    "IGO": "intergovernmental organisation",
    "NGO": "non-governmental organisation",
    "INS": "insurgents",
    "SEP": "separatists",
    "ELI": "elites",
    "AGR": "agriculture",
    "HLH": "health",
    "ENV": "environment",
    "RAD": "radicals",
    "MOD": "moderates",
    "PTY": "political party",
    "DEV": "development",
    "HRI": "human rights",
    "SET": "settlers",
    "IMG": "immigrants",
}


@cache
def actor_name(code: str) -> str:
    """A readable name for an actor code: "PAKGOV" → "Pakistan, government"."""
    from detente.codebook.countries import country_name
    from detente.codebook.igos import igo_name

    if code.startswith("IGO"):
        try:
            return igo_name(code)
        except KeyError:
            return "intergovernmental organisation"
    try:
        base = country_name(code[:3])
    except KeyError:
        base = SECTORS.get(code[:3], code[:3])
    rest = [SECTORS.get(code[i : i + 3], code[i : i + 3]) for i in range(3, len(code), 3)]
    return ", ".join([base, *rest])


@cache
def cameo_name(code: str) -> str:
    from detente.codebook.cameo import cameo_info

    try:
        return cameo_info(code).name
    except KeyError:
        return code


def safe_href(url: str | None) -> str | None:
    """The URL when it is safe to link to (http or https), else None (shown as text)."""
    if not url:
        return None
    u = url.strip()
    return u if re.match(r"(?i)^https?://[^\s<>\"']+$", u) else None


def _spans(sentence: str, needle: str | None) -> list[tuple[int, int]]:
    if not needle or not needle.strip():
        return []
    # The first occurrence only: the words as the coder read them, not every repetition.
    i = sentence.lower().find(needle.strip().lower())
    return [(i, i + len(needle.strip()))] if i >= 0 else []


def highlight(
    sentence: str | None,
    actors: Iterable[str | None],
    trigger: str | Iterable[str | None] | None,
) -> Markup:
    """The sentence, escaped, with actor mentions and the trigger word(s) marked."""
    text = sentence or ""
    triggers = [trigger] if trigger is None or isinstance(trigger, str) else list(trigger)
    marks: list[tuple[int, int, str]] = []
    for kind, needles in (("trigger", triggers), ("actor", list(actors))):
        for needle in needles:
            for s, e in _spans(text, needle):
                if all(e <= a or s >= b for a, b, _ in marks):
                    marks.append((s, e, kind))
    marks.sort()
    out, pos = [], 0
    for s, e, kind in marks:
        out.append(escape(text[pos:s]))
        out.append(Markup("<mark class='{}'>{}</mark>").format(kind, text[s:e]))
        pos = e
    out.append(escape(text[pos:]))
    return Markup("").join(out)


@dataclass(frozen=True, slots=True)
class DocInfo:
    doc_id: str
    title: str | None = None
    url: str | None = None
    path: str | None = None

    @property
    def label(self) -> str:
        """The title, else the file's name (the full path is ``where``), else the id."""
        if self.title:
            return self.title
        where = self.where
        return where.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or where

    @property
    def where(self) -> str:
        return self.path or self.doc_id

    @property
    def href(self) -> str | None:
        return safe_href(self.url)


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event as displayed."""

    event_id: str
    date: str | None
    sort_key: str
    dyad: str  # "PAK-RUS"
    line: str  # "PAK→RUS": the direction, as the chart names it
    source: str
    target: str
    cameo: str
    name: str
    goldstein: float
    quad: int
    negated: bool
    sentence: Markup  # escaped, actors and trigger marked
    text: str  # the sentence as written
    doc: DocInfo
    sources: int
    year: str
    quarter: str
    month: str

    @property
    def quad_name(self) -> str:
        return QUAD_NAMES.get(self.quad, "")

    def as_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "date": self.date,
            "dyad": self.dyad,
            "source": self.source,
            "target": self.target,
            "cameo": self.cameo,
            "name": self.name,
            "goldstein": self.goldstein,
            "quad": self.quad,
            "negated": self.negated,
            "sentence": self.text,
            "doc": self.doc.doc_id,
            "sources": self.sources,
        }


def event_row(e: Mapping[str, Any], docs: Mapping[str, DocInfo] | None = None) -> EventRow:
    """The display row of one event dict (``Store.iter_events`` / ``event_records`` fields)."""
    from detente.relations import dyad_key

    source, target = str(e["source"]), str(e["target"])
    a, b = dyad_key(source, target)
    doc_id = str(e.get("doc") or "")
    doc = (docs or {}).get(doc_id) or DocInfo(doc_id)
    date = e.get("date")
    sort = date_sort_key(date)
    return EventRow(
        event_id=str(e.get("event_id") or ""),
        date=date,
        sort_key=f"{sort[0]}{sort[1]}{sort[2]}",
        dyad=f"{a}-{b}",
        line=f"{actor_key(source)}→{actor_key(target)}",
        source=source,
        target=target,
        cameo=str(e.get("cameo") or ""),
        name=cameo_name(str(e.get("cameo") or "")),
        goldstein=float(e.get("goldstein") or 0.0),
        quad=int(e.get("quad") or 0),
        negated=bool(e.get("negated")),
        sentence=highlight(
            e.get("sentence"), (e.get("source_text"), e.get("target_text")), e.get("trigger")
        ),
        text=str(e.get("sentence") or ""),
        doc=doc,
        sources=int(e.get("sources") or 1),
        year=period_of(date, "year") or "",
        quarter=period_of(date, "quarter") or "",
        month=period_of(date, "month") or "",
    )


def legend_actors(codes: Iterable[str]) -> list[tuple[str, str]]:
    """(code, name) for every actor code shown, sorted."""
    return [(c, actor_name(c)) for c in sorted(set(codes))]
