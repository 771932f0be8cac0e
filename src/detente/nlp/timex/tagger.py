"""The tagger: candidates from every rule and temponym, longest-match selection, modifiers, the
running reference time, and ranges."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from detente.model import Timex
from detente.nlp.timex.base import _R, _finditer, _gate_hits, _Rule, _State
from detente.nlp.timex.calendar import _fd, _parse_pubdate
from detente.nlp.timex.rules import RULES
from detente.nlp.timex.temponyms import _Temponym, _temponym_resolver, load_temponyms

# ---------------------------------------------------------------------------------------------
# Modifiers in front of a matched expression

_MOD_PREFIX = re.compile(
    r"(?P<p>(?i:(?:the\s+)?(?:very\s+)?(?:early|mid|late)|"
    r"the\s+(?:very\s+)?(?:end|beginning|start|middle|close|turn|dawn|outset|spring|autumn)\s+of|"
    r"the\s+(?:early|late|later|latter|first|last|closing|final|opening)\s+(?:part|parts|days|weeks|months|stages?)\s+of|"
    r"(?:early|late|later|earlier)\s+in|the\s+last\s+week\s+of|the\s+first\s+week\s+of))(?:-|\s+)$"
)
_DUR_PREFIX = re.compile(
    r"(?P<p>(?i:about|around|approximately|roughly|some|nearly|almost|over|more\s+than|less\s+than|fewer\s+than|under|"
    r"at\s+least|up\s+to|just\s+over|just\s+under|well\s+over|no\s+more\s+than|upwards\s+of|only|barely|at\s+most))\s+$"
)


def _mod_of(p: str) -> str | None:
    p = re.sub(r"\s+", " ", p.lower())
    if any(
        w in p for w in ("early", "beginning", "start", "dawn", "outset", "first", "opening")
    ) or p.startswith("the spring of"):
        return "START"
    if "mid" in p or "middle" in p:
        return "MID"
    if any(
        w in p
        for w in ("late", "end", "close", "last", "latter", "final", "closing", "autumn", "turn")
    ):
        return "END"
    return None


def _dur_mod_of(p: str) -> str | None:
    p = re.sub(r"\s+", " ", p.lower())
    if p in ("about", "around", "approximately", "roughly", "some"):
        return "APPROX"
    if p in ("nearly", "almost", "less than", "fewer than", "under", "just under", "barely"):
        return "LESS_THAN"
    if p in ("over", "more than", "just over", "well over", "upwards of"):
        return "MORE_THAN"
    if p == "at least":
        return "EQUAL_OR_MORE"
    if p in ("up to", "no more than", "at most"):
        return "EQUAL_OR_LESS"
    return None


# ---------------------------------------------------------------------------------------------
# The tagger


@dataclass(order=True)
class _Cand:
    start: int
    neg_len: int
    order: int
    end: int = field(compare=False)
    rule: _Rule = field(compare=False)
    match: re.Match[str] = field(compare=False)


def _candidates(text: str, temponyms: Sequence[_Temponym]) -> list[_Cand]:
    cands: list[_Cand] = []
    hits = _gate_hits(text)
    for i, r in enumerate(RULES):
        for m in _finditer(r, text, hits):
            if m.end() == m.start():
                continue
            if r.check and not r.check(m, text):
                continue
            cands.append(_Cand(m.start(), m.start() - m.end(), i, m.end(), r, m))
    for j, tp in enumerate(temponyms):
        for m in tp.pattern.finditer(text):
            rule_ = _Rule("temponym", tp.pattern, _temponym_resolver(tp))
            # Temponyms are specific: they win over any general rule they overlap.
            cands.append(_Cand(m.start(), m.start() - m.end() - 1000, -1 - j, m.end(), rule_, m))
    return cands


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Keep the longest expressions; among equally long ones the earlier-registered rule."""
    chosen: list[_Cand] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (c.neg_len, c.order, c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    chosen.sort(key=lambda c: c.start)
    return chosen


_PLANNED = re.compile(
    r"\b(?:planned|scheduled|expected|intended|due|slated)\b[^.;]*$|\bplanned\s+\w+\s+(?:for|in)\s+$",
    re.IGNORECASE,
)


def _update(st: _State, r: _R) -> None:
    """Move the running reference time to what the expression just said."""
    if r.type not in ("DATE", "TIME") or not r.ymd or r.ymd[0] is None:
        return
    if r.anchor == "deictic":
        return  # "last year" in a quotation must not move a historical narrative
    y, mo, d = r.ymd
    if (
        st.year is not None
        and st.from_text
        and y > st.year
        and mo is None
        and _PLANNED.search(st.text, max(0, r.start - 40), r.start)
    ):
        # "a campaign planned for 1976", told in a narrative of 1975: a plan's year is not
        # the time the story has reached.
        return
    st.year = y
    if mo is not None:
        st.month = (y, mo)
        if d is not None:
            st.day = (y, mo, d)
    elif st.month and st.month[0] != y:
        # A new year makes month/day references of another year stale at that level.
        st.month = None
        st.day = None
    st.from_text = not st.dct or y != st.dct[0]


_RANGE_SEP = re.compile(r"\s*(?:[-–—]|to|until|till|through|thru|and)\s*$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?i:\b(?:from|between))\s+$")
_SINCE = re.compile(r"(?i:\b(?:since|ever\s+since))\s+$")
_BY = re.compile(r"(?i:\b(?:by|until|till|before|no\s+later\s+than))\s+$")
_AFTER = re.compile(r"(?i:\b(?:after))\s+$")


def tag(
    text: str,
    pubdate: str | None = None,
    *,
    temponyms: str | Path | Sequence[str | Path] | None = None,
) -> list[Timex]:
    """Find and normalise the time expressions of ``text``, in document order.

    ``pubdate`` (``YYYY-MM-DD``, or a partial ISO date) anchors the deictic expressions; without
    it they get ``value=None`` (or ``PRESENT_REF``). ``temponyms`` adds TSV files of named dates
    (one path or several) to the packaged list. Offsets are exact: ``text[t.start:t.end] == t.text``.
    """
    st = _State(text, _parse_pubdate(pubdate))
    tps = load_temponyms(temponyms)
    results: list[_R] = []
    for c in _select(_candidates(text, tps)):
        start = c.start
        prefix_mod: str | None = None
        if c.rule.mods:
            pm = _MOD_PREFIX.search(text, max(0, start - 45), start)
            if pm and pm.end() == start:
                prefix_mod, start = _mod_of(pm["p"]), pm.start()
        elif c.rule.dur_mods:
            pm = _DUR_PREFIX.search(text, max(0, start - 25), start)
            if pm and pm.end() == start:
                prefix_mod, start = _dur_mod_of(pm["p"]), pm.start()
        if results and start < results[-1].end:
            start = c.start  # never overlap the previous expression
            prefix_mod = None
        out = c.rule.resolve(c.match, st)
        if not out:
            continue
        if start != c.start:
            first = out[0]
            first.start = start
            if prefix_mod and first.mod is None:
                first.mod = prefix_mod
        for r in out:
            results.append(r)
            _update(st, r)
    _link_ranges(text, results, st)
    return [
        Timex(r.start, r.end, text[r.start : r.end], r.type, r.value, r.mod, r.anchor, r.end_value)
        for r in results
    ]


def _link_ranges(text: str, results: list[_R], st: _State) -> None:
    """Give the first end point of a range its end value; mark "since X" and "by X"."""
    for a, b in itertools.pairwise(results):
        between = text[a.end : b.start]
        if (
            a.type == "DATE"
            and b.type == "DATE"
            and len(between) < 12
            and _RANGE_SEP.fullmatch(" " + between.strip())
        ):
            sep = between.strip().lower()
            if sep in ("-", "–", "—") or _RANGE_OPEN.search(text, max(0, a.start - 12), a.start):
                a.end_value = a.end_value or b.value
    for r in results:
        if r.type != "DATE" or r.mod:
            continue
        if _SINCE.search(text, max(0, r.start - 14), r.start):
            if st.dct and not r.end_value:
                r.end_value = _fd(*st.dct)
            r.mod = "ON_OR_AFTER"
        elif _BY.search(text, max(0, r.start - 20), r.start):
            r.mod = (
                "ON_OR_BEFORE"
                if re.search(r"(?i:\bby)\s+$", text[max(0, r.start - 4) : r.start])
                else "BEFORE"
            )
        elif _AFTER.search(text, max(0, r.start - 8), r.start):
            r.mod = "AFTER"


_YEARFUL = re.compile(r"^(?:BC)?\d{4}")


def reference_time_at(timexes: Sequence[Timex], offset: int) -> Timex | None:
    """The narrative reference time in force at character ``offset``.

    That is the latest DATE expression ending at or before ``offset`` whose value names a year
    (so a heading "1987:" governs the paragraphs under it until another year is named). An
    expression that contains ``offset`` counts too. Durations, sets and vague references
    ("recently") are skipped: they do not move the narrative.
    """
    best: Timex | None = None
    for t in timexes:
        if t.start > offset:
            break
        if t.type in ("DATE", "TIME") and t.value and _YEARFUL.match(t.value):
            best = t
    return best
