"""What every rule shares: the running reference time, resolved results, the rule record and its
registry, and the keyword gates that keep long patterns fast."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from detente.nlp.timex.lexicon import (
    FUTURE_CUE,
    INFINITIVE_CUE,
    MODAL_CUE,
    MONTHS,
    PAST_CUE,
    SEASONS,
    WEEKDAYS,
)

# ---------------------------------------------------------------------------------------------
# State and results


@dataclass
class _State:
    """The running reference time, one slot per granularity, plus the publication date."""

    text: str
    dct: tuple[int, int, int] | None
    year: int | None = None
    month: tuple[int, int] | None = None
    day: tuple[int, int, int] | None = None
    from_text: bool = False  # True once the narrative has moved away from the DCT's year

    def __post_init__(self) -> None:
        if self.dct:
            self.year, self.month, self.day = self.dct[0], self.dct[:2], self.dct

    def future(self, start: int, end: int) -> bool:
        """Does the clause around [start, end) speak of the future?"""
        return self._governing(start, end) == "future"

    def past(self, start: int, end: int) -> bool:
        """Does the clause around [start, end) speak of the past (and not the future)?"""
        return self._governing(start, end) == "past"

    def _governing(self, start: int, end: int) -> str | None:
        """The tense of the verb that governs a date: the nearest tense cue before it in its
        sentence, else one just after it ("Friday said").

        The nearest cue, not any cue: in "announced today an event to be held on October 12"
        the date belongs to "to be held", and in "will pay $57 million, an official said
        Friday" to "said"; a cue further away governs another clause.
        """
        t = self.text
        a = max(
            t.rfind(". ", max(0, start - 250), start), t.rfind("\n", max(0, start - 250), start)
        )
        b_candidates = [
            x for x in (t.find(". ", end, end + 250), t.find("\n", end, end + 250)) if x >= 0
        ]
        b = min(b_candidates) if b_candidates else min(len(t), end + 250)
        best: tuple[int, str] | None = None
        for kind, cue in (("future", FUTURE_CUE), ("modal", MODAL_CUE), ("past", PAST_CUE)):
            for m in cue.finditer(t, a + 1, start):
                # On a tie ("would" is both future and modal) the kind listed first wins.
                if best is None or m.start() > best[0]:
                    best = (m.start(), kind)
        if best is None:
            for kind, cue in (("future", FUTURE_CUE), ("modal", MODAL_CUE), ("past", PAST_CUE)):
                if cue.search(t, end, min(b, end + 10)):
                    return kind
            return None
        if best[1] == "past" and INFINITIVE_CUE.search(t, best[0], start):
            # "an event to be held on", "talks to resume in": a purpose or planned event.
            return "future"
        return best[1]


@dataclass
class _R:
    """A resolved expression before it is frozen into a Timex."""

    start: int
    end: int
    type: str
    value: str | None
    mod: str | None = None
    anchor: str = "absolute"
    ymd: tuple[int, int | None, int | None] | None = None  # sets the reference time
    end_value: str | None = None
    kind: str = ""  # granularity of the underlying value, for modifier handling


@dataclass
class _Rule:
    name: str
    rx: re.Pattern[str]
    resolve: Callable[[re.Match[str], _State], list[_R] | None]
    check: Callable[[re.Match[str], str], bool] | None = None
    mods: bool = False  # may take "early/mid/late/the end of" in front
    dur_mods: bool = False  # may take "about/over/nearly" in front
    gate: str | None = None  # the kind of keyword every match contains (see _GATES)


class RuleSet:
    """The rules of one module, in the order they are written (``@rule(...)`` on each resolver).

    Stacked decorators register bottom-up. The order matters: between equally long matches the
    rule listed first wins (see :data:`detente.nlp.timex.rules.RULES`).
    """

    def __init__(self) -> None:
        self.rules: list[_Rule] = []

    def __call__(
        self,
        name: str,
        pattern: str,
        *,
        check: Callable[[re.Match[str], str], bool] | None = None,
        mods: bool = False,
        dur_mods: bool = False,
        flags: int = 0,
    ) -> Callable[[Callable[[re.Match[str], _State], list[_R] | None]], Any]:
        def deco(fn: Callable[[re.Match[str], _State], list[_R] | None]) -> Any:
            self.rules.append(
                _Rule(name, re.compile(pattern, flags), fn, check, mods, dur_mods, _gate_for(name))
            )
            return fn

        return deco


def _after_word(words: str) -> Callable[[re.Match[str], str], bool]:
    """A check: the match follows one of ``words`` (a regex alternation)."""
    rx = re.compile(rf"\b(?i:{words})\s+$")

    def check(m: re.Match[str], text: str) -> bool:
        return bool(rx.search(text, max(0, m.start() - 12), m.start()))

    return check


# Speed: a long pattern that opens with optional parts ("the past several ...") is tried at
# every character. The rules listed here run only in windows around a keyword that every
# match must contain; one pass over the words of the text finds all keywords at once.
_UNIT_WORDS = {
    "second",
    "minute",
    "hour",
    "day",
    "night",
    "week",
    "weekend",
    "fortnight",
    "month",
    "quarter",
    "year",
    "decade",
    "century",
    "centuries",
}
_UNIT_WORDS |= {w + "s" for w in _UNIT_WORDS}
_SEASON_WORDS = set(SEASONS)
_REL_WORDS = (
    _UNIT_WORDS | _SEASON_WORDS | {"morning", "afternoon", "evening", "mornings", "evenings"}
)
_GATES: dict[str, str] = {
    **dict.fromkeys(
        ("duration", "ago", "set_every", "bare_units", "day_after", "mod_the_unit"), "unit"
    ),
    "rel_unit": "rel",
    "season": "season",
    "century": "century",
    **dict.fromkeys(
        (
            "wd_md_y",
            "wd_dm_y",
            "wd_md",
            "wd_dm",
            "d_d_m",
            "m_d_d",
            "m_y",
            "md_that_year",
            "rel_month",
        ),
        "month",
    ),
    "wd": "weekday",
}
_GATE_BACK, _GATE_FWD = 80, 80
_WORD = re.compile(r"[A-Za-z]+")


def _gate_for(name: str) -> str | None:
    return _GATES.get(name)


def _gate_hits(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each kind of keyword occurs in ``text``."""
    hits: dict[str, list[tuple[int, int]]] = {
        k: [] for k in ("unit", "rel", "season", "century", "month", "weekday")
    }
    for m in _WORD.finditer(text):
        w = m.group()
        lw = w.lower()
        span = m.span()
        if lw in _REL_WORDS:
            hits["rel"].append(span)
            if lw in _UNIT_WORDS:
                hits["unit"].append(span)
                if lw.startswith("centur"):
                    hits["century"].append(span)
            if lw in _SEASON_WORDS:
                hits["season"].append(span)
        elif w[0].isupper():
            if lw in MONTHS:
                hits["month"].append(span)
            elif lw in WEEKDAYS:
                hits["weekday"].append(span)
    return hits


def _finditer(
    r: _Rule, text: str, hits: dict[str, list[tuple[int, int]]] | None = None
) -> list[re.Match[str]]:
    """All matches of a rule, scanning only near its gate keyword when it has one."""
    if r.gate is None:
        return list(r.rx.finditer(text))
    if hits is None:
        hits = _gate_hits(text)
    windows: list[list[int]] = []
    for gs, ge in hits[r.gate]:
        lo, hi = max(0, gs - _GATE_BACK), min(len(text), ge + _GATE_FWD)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    out: list[re.Match[str]] = []
    last_end = -1
    for lo, hi in windows:
        for m in r.rx.finditer(text, lo, hi):
            if m.start() >= last_end:
                out.append(m)
                last_end = m.end()
    return out


def _year_for(st: _State, m: int, d: int | None, start: int, end: int) -> tuple[int | None, str]:
    """The year of a year-less month (and day): the narrative's, or the DCT's by tense."""
    if st.year is None:
        return None, "anaphoric"
    near_dct = st.dct is not None and abs(st.year - st.dct[0]) <= 1
    if (st.from_text and not near_dct) or not st.dct:
        if st.month and st.month[0] == st.year and st.year > 0:
            # A narrative moves on: "December 1941 ... in January" is January 1942. Take the
            # year that puts the month nearest the month in focus.
            ref = st.year * 12 + st.month[1]
            return min(
                (st.year, st.year + 1, st.year - 1), key=lambda y: abs(y * 12 + m - ref)
            ), "anaphoric"
        return st.year, "anaphoric"
    # News: a year-less date is the occurrence nearest the publication date, unless the
    # sentence speaks of the future and that occurrence is well past.
    dy, dm, dd = st.dct
    now = dy * 372 + dm * 31 + dd
    best = min((dy - 1, dy, dy + 1), key=lambda y: abs(y * 372 + m * 31 + (d or 15) - now))
    if d is None and best * 372 + m * 31 < dy * 372 + dm * 31 and st.future(start, end):
        best += 1  # "will visit in February", said in March: next February
    elif best * 372 + m * 31 + (d or 15) < now - 31 and st.future(start, end):
        best += 1
    elif best * 372 + m * 31 + (d or 1) > now and st.past(start, end):
        # A past-tense report of a date after its publication date means the year before:
        # an article of March 2013 saying talks "collapsed in May" speaks of May 2012.
        best -= 1
    return best, "deictic"
