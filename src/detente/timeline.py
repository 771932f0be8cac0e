"""A readable timeline of events, grouped by dyad (the unordered pair of countries)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from detente.relations import dyad_key


def dyad_of(event: Mapping[str, Any]) -> tuple[str, str]:
    """The unordered pair of actors (countries by three letters, IGOs whole)."""
    return dyad_key(event["source"], event["target"])


_DATE_PREFIX = re.compile(r"^(\d{2,4})(?:-(\d{2}))?(?:-(\d{2}))?")


def date_sort_key(date: str | None) -> tuple[int, str, str]:
    """Order events by date, a partial date being the interval it names.

    An interval sorts by its end, then its start: "2024-03-04" < "2024-03" < "2024-05" <
    "2024" < "202" (the 2020s), since "in 2024" may be any day of the year and is only
    known to be over at its end. Undated events (and values that name no calendar
    interval) come last.
    """
    m = _DATE_PREFIX.match(date or "")
    if m is None:
        return (1, "", date or "")
    year, month, day = m.groups()
    # A decade ("202") or century ("20") ends in its last year; a missing field is "99",
    # after every real month or day, so a period sorts after what it contains.
    end_year, start_year = year.ljust(4, "9"), year.ljust(4, "0")
    end = f"{end_year}-{month or '99'}-{day or '99'}"
    start = f"{start_year}-{month or '00'}-{day or '00'}"
    return (0, end, start)


def _shorten(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def format_timeline(events: Iterable[Mapping[str, Any]], width: int = 90) -> str:
    """Dyads with the most events first; each dyad's events by date (undated last)."""
    from detente.codebook.cameo import cameo_info

    groups: dict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
    for e in events:
        groups[dyad_of(e)].append(e)
    lines: list[str] = []
    for dyad, evs in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lines.append(f"\n{dyad[0]} – {dyad[1]}  ({len(evs)} event{'s' if len(evs) != 1 else ''})")
        for e in sorted(evs, key=lambda e: (date_sort_key(e["date"]), e["start"])):
            try:
                name = cameo_info(e["cameo"]).name
            except KeyError:
                name = e["cameo"]
            neg = "NOT " if e.get("negated") else ""
            lines.append(
                f"  {e['date'] or '(undated)':<10} {e['source']:>7} → {e['target']:<7} "
                f"{neg}{name} ({e['cameo']}, {e['goldstein']:+.1f})"
            )
            lines.append(f"  {'':<10} “{_shorten(e['sentence'], width)}”")
    if not lines:
        return "no events found"
    return "\n".join(lines).lstrip("\n")
