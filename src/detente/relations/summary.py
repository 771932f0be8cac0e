"""A short, factual account of a dyad's relation, every sentence traceable to its events.

The account is templated from the computed series and phases only: the counts, each phase
with its dates, label and mean Goldstein score, the most active period of each phase, and
each turning point with the events that drive it. Every sentence that rests on events ends
with citations — the document and the character offset of the sentence each event was read
from — listed under "Sources" with the sentence itself. Nothing is paraphrased or invented:
events are named by their actors' codes and their CAMEO event type.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from detente.relations.phases import Phase, Phases, TurningPoint
from detente.relations.records import citation
from detente.relations.series import Series
from detente.wording import count

__all__ = ["Statement", "Summary", "summary"]

Record = Mapping[str, Any]

_UNIT = {"year": "year", "quarter": "quarter", "month": "month"}


@dataclass
class Statement:
    """One sentence of the account and the events (by citation key) it rests on."""

    text: str
    citations: list[str] = field(default_factory=list)


@dataclass
class Summary:
    """The account: statements in order and the sentences they cite."""

    actors: tuple[str, str]
    statements: list[Statement]
    sources: dict[str, str]  # citation key ("doc:start") -> the sentence

    def numbers(self) -> dict[str, int]:
        """Citation key -> its footnote number, in order of first citation."""
        out: dict[str, int] = {}
        for st in self.statements:
            for c in st.citations:
                out.setdefault(c, len(out) + 1)
        return out

    def text(self) -> str:
        """The account as plain text with numbered citations and a list of sources."""
        num = self.numbers()
        lines = []
        for st in self.statements:
            refs = "".join(f"[{num[c]}]" for c in st.citations)
            lines.append(st.text + (f" {refs}" if refs else ""))
        if num:
            lines.append("")
            lines.append("Sources:")
            for key, i in num.items():
                lines.append(f"[{i}] {key} “{self.sources[key]}”")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        num = self.numbers()
        return {
            "actors": list(self.actors),
            "statements": [
                {"text": st.text, "citations": [num[c] for c in st.citations]}
                for st in self.statements
            ],
            "sources": [
                {"n": i, "citation": key, "sentence": self.sources[key]} for key, i in num.items()
            ],
        }


def _event_phrase(e: Record) -> str:
    from detente.codebook.cameo import cameo_info

    try:
        name = cameo_info(str(e["cameo"])).name
    except KeyError:
        name = f"CAMEO {e['cameo']}"
    return f"{e['source']} → {e['target']}: {name} ({e.get('date') or 'undated'})"


def _span(p: Phase) -> str:
    return p.start if p.start == p.end else f"from {p.start} to {p.end}"


def _strongest(s: Series, p: Phase, k: int) -> list[dict[str, Any]]:
    """The ``k`` events of a phase whose scores weigh most in its tone, in date order."""
    evs = [e for r in s.rows if p.start <= r.period <= p.end for e in s.events.get(r.period, ())]
    sign = 1.0 if (p.goldstein_mean or 0.0) >= 0 else -1.0
    best = sorted(evs, key=lambda e: -sign * float(e["goldstein"]))[:k]
    return sorted(best, key=lambda e: str(e.get("date")))


def summary(s: Series, ph: Phases, *, per_item: int = 2) -> Summary:
    """The account of ``s`` and its phases ``ph`` (``per_item`` events cited per phase and
    per turning point)."""
    a, b = s.actors
    out = Summary(s.actors, [], {})
    unit = _UNIT.get(s.by, s.by)

    def cite(evs: list[Record]) -> list[str]:
        keys = []
        for e in evs:
            key = citation(e)
            out.sources.setdefault(key, str(e.get("sentence") or ""))
            if key not in keys:
                keys.append(key)
        return keys

    if s.n == 0:
        c = s.counts()
        text = f"No dated events between {a} and {b} in the store"
        extra = [
            count(c[k], label)
            for k, label in (("undated", "undated event"), ("negated", "negated event"))
            if c[k]
        ]
        out.statements.append(Statement(text + (f" ({', '.join(extra)})." if extra else ".")))
        return out
    c = s.counts()
    observed = s.observed()
    first = s.events[observed[0].period][0]
    last = s.events[observed[-1].period][-1]
    text = (
        f"{a} and {b}: {count(c['counted'], 'event')} from {s.rows[0].period} to "
        f"{s.rows[-1].period}, in {len(observed)} of {count(c['periods'], unit)} "
        f"({count(c['gaps'], unit)} without events)"
    )
    apart = s.not_counted()
    if apart:
        text += f"; not counted: {', '.join(apart)}"
    out.statements.append(Statement(text + ".", cite([first, last])))

    for i, p in enumerate(ph.phases):
        if i > 0:
            out.statements.append(_turn(ph.turning_points[i - 1], per_item, cite))
        if p.label is None:
            out.statements.append(
                Statement(f"{_span(p).capitalize()} no events were reported between them.")
            )
            continue
        text = (
            f"{_span(p).capitalize()} relations were {p.label}: {count(p.n, 'event')}, "
            f"mean Goldstein score {p.goldstein_mean:+.2f}"
        )
        if p.gaps:
            text += f", {p.gaps} of {count(p.periods, unit)} without events"
        out.statements.append(Statement(text + ".", cite(_strongest(s, p, per_item))))
        if p.peak and sum(1 for r in s.rows if p.start <= r.period <= p.end and r.n) > 1:
            out.statements.append(_peak(s, p, unit, per_item, cite))
    return out


def _peak(s: Series, p: Phase, unit: str, k: int, cite: Any) -> Statement:
    row = next(r for r in s.rows if r.period == p.peak)
    total = row.goldstein_sum or 0.0
    sign = 1.0 if total >= 0 else -1.0
    evs = sorted(s.events.get(row.period, ()), key=lambda e: -sign * float(e["goldstein"]))[:k]
    kind = "cooperative" if total >= 0 else "conflictual"
    text = (
        f"Its most {kind} {unit} was {p.peak} ({count(row.n, 'event')}, Goldstein sum "
        f"{total:+.1f}): " + "; ".join(_event_phrase(e) for e in evs) + "."
    )
    return Statement(text, cite(evs))


def _turn(t: TurningPoint, k: int, cite: Any) -> Statement:
    evs = t.events[:k]
    text = (
        f"In {t.period} relations turned {t.direction} "
        f"({t.before or 'no events'} → {t.after or 'no events'})"
    )
    if evs:
        text += ", driven by " + "; ".join(_event_phrase(e) for e in evs)
    return Statement(text + ".", cite(evs))
