"""What the report and the web app show of a dyad's phases, turning points and account,
computed by :mod:`detente.relations` (PELT phases, labels, driving events, the templated
summary with its citations)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from detente.report.chart import Phase
from detente.report.series import DyadSeries
from detente.report.view import DocInfo, EventRow, event_row


@dataclass(frozen=True, slots=True)
class Turn:
    period: str
    direction: str  # "up" or "down"
    before: str | None
    after: str | None
    events: list[EventRow]


@dataclass(frozen=True, slots=True)
class Statement:
    text: str
    citations: list[int]


@dataclass(frozen=True, slots=True)
class Source:
    n: int
    citation: str
    sentence: str


@dataclass(slots=True)
class RelationsView:
    phases: list[Phase] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    @property
    def turning_periods(self) -> list[str]:
        return [t.period for t in self.turns]


def relations_view(ds: DyadSeries, docs: Mapping[str, DocInfo] | None = None) -> RelationsView:
    """Phases (for shading), turning points with their driving events, and the account."""
    from detente.relations import phases, summary

    s = ds.relations
    if s is None or not s.rows:
        return RelationsView()
    ph = phases(s)
    account = summary(s, ph).to_json()
    return RelationsView(
        phases=[Phase(p.start, p.end, p.label or "no events", p.goldstein_mean) for p in ph.phases],
        turns=[
            Turn(
                t.period,
                t.direction,
                t.before,
                t.after,
                [event_row(e, docs) for e in t.events],
            )
            for t in ph.turning_points
        ],
        statements=[Statement(st["text"], st["citations"]) for st in account["statements"]],
        sources=[Source(x["n"], x["citation"], x["sentence"]) for x in account["sources"]],
    )
