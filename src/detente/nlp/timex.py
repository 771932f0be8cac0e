"""Find time expressions and normalise them to TIMEX3-style values, dated as the text dates them.

``tag(text, pubdate)`` reads the document once, in order, and keeps a *running reference time*
at three granularities (year, month, day). Each expression chooses its own anchor:

* **absolute** expressions carry their own year ("March 1965", "1999", "the 1990s");
* **deictic** ones ("last week", "this year", "on Tuesday", "today") resolve against the
  publication date;
* **anaphoric** ones ("the same year", "the following month", "two years later", a bare
  "in March" inside a historical passage) resolve against the reference time the narrative
  has set so far. A heading such as ``1987:`` is just an absolute year that the following
  text inherits.

Choosing the anchor per expression rather than per document is the point: a news article can
recall "In 1999, Sharif visited Moscow. In March, ..." and still say "last week" about the
present, and each is dated correctly.

Ranges ("from 1979 to 1989", "1979–89", "between 2002 and 2004") are returned the way TIMEX3
corpora annotate them: one expression per end point, so that both ends can be scored and
cited. The *first* end point additionally carries ``end_value`` with the last end point's
value, so a consumer can read the interval from one record. "since 2001" gets
``end_value`` = the publication date (the interval runs to the present) and "by 2014" gets
``mod="ON_OR_BEFORE"``.

Temponyms (named dates of international affairs such as "9/11" or "the partition") come from
``codebook/data/temponyms.tsv``; users add their own with ``tag(..., temponyms=path)`` or the
``DETENTE_TEMPONYMS`` environment variable (a path, or several separated by ``os.pathsep``).

Everything is regular expressions over the raw text: no parse is needed, so the tagger costs a
small fraction of spaCy's parse and its offsets are exact character offsets into ``text``.
"""

from __future__ import annotations

import csv
import datetime as _dt
import itertools
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from detente.errors import InputError
from detente.model import Timex
from detente.nlp.timex_rules import (
    AMBIGUOUS_MONTHS,
    COUNT_NOUNS,
    DATE_PREP,
    DAY,
    FUTURE_CUE,
    MODAL_CUE,
    MONTH,
    MONTHS,
    NUM,
    NUMBER_WORDS,
    ORDINALS,
    PART,
    PARTS_OF_DAY,
    PAST_CUE,
    SEASON,
    SEASONS,
    UNIT,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAY,
    WEEKDAYS,
    YEAR4,
    alt,
)

__all__ = ["load_temponyms", "reference_time_at", "tag"]

# A year, possibly BC/AD-marked: "1999", "490 BC", "AD 9".
_BC = r"(?:BCE|BC|B\.C\.E\.|B\.C\b\.?)"
_AD = r"(?:AD|A\.D\.|CE|C\.E\.)"
YEARX = rf"(?:{YEAR4}(?:\s*{_AD})?(?![\d])|\d{{1,4}}\s*{_BC}|(?:{_AD})\s*\d{{1,4}}(?!\d)|\d{{1,4}}\s*{_AD})"
_YEAR_OK = (
    rf"(?<![\w$£€#/.,:])(?:(?<=(?i:mid)-)|(?<![A-Za-z]-))(?P<y>{YEARX})(?![\d%]|\.\d|,\d{{3}})"
)

_ORD_WORDS = alt([w for w in ORDINALS if w not in ("final", "last")])
_REL_UNIT = r"(?i:day|week|weekend|month|year|decade|century|quarter|spring|summer|autumn|fall|winter|morning|afternoon|evening|night)"


def _parse_year(s: str) -> int:
    """'1999' → 1999, '490 BC' → -490 (BC years are negative; there is no year 0 in TIMEX2)."""
    digits = int(re.search(r"\d+", s).group())  # type: ignore[union-attr]
    return -digits if re.search(r"B\.?C", s) else digits


def _fy(y: int) -> str:
    return f"BC{-y:04d}" if y < 0 else f"{y:04d}"


def _fm(y: int, m: int) -> str:
    return f"{_fy(y)}-{m:02d}"


def _fd(y: int, m: int, d: int) -> str:
    return f"{_fy(y)}-{m:02d}-{d:02d}"


def _num(s: str) -> float | None:
    """A quantity from digits or words; None for vague quantities ("several")."""
    s = re.sub(r"\s+", " ", s.strip().lower())
    half = 0.0
    m = re.search(r" and (?:a )?half$", s)
    if m:
        half, s = 0.5, s[: m.start()]
    if s in VAGUE_NUMBERS:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s) + half
    if s in NUMBER_WORDS:
        return NUMBER_WORDS[s] + half
    parts = re.split(r"[- ]", s)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]] + half
    return None


def _fmt_num(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else f"{n:g}"


def _unit_key(u: str) -> str:
    u = u.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") and u[:-1] in UNITS else u


def _duration(n: float | None, unit: str) -> str:
    code, is_time = UNITS[_unit_key(unit)]
    if code == "2W":
        n, code = (None if n is None else n * 2), "W"
    elif code in ("DE", "CE") and n is not None:
        # "a decade" is P10Y, "half a century" P50Y (TimeML news practice); a vague
        # number keeps the unit ("several decades" PXDE).
        n, code = n * (10 if code == "DE" else 100), "Y"
    return ("PT" if is_time else "P") + _fmt_num(n) + code


def _shift(ymd: tuple[int, int, int], unit: str, n: int) -> tuple[int, int, int] | None:
    """Calendar arithmetic at a granularity; None when it leaves Python's calendar."""
    y, m, d = ymd
    try:
        if unit == "day":
            x = _dt.date(y, m, d) + _dt.timedelta(days=n)
            return (x.year, x.month, x.day)
        if unit == "week":
            x = _dt.date(y, m, d) + _dt.timedelta(weeks=n)
            return (x.year, x.month, x.day)
    except (ValueError, OverflowError):
        return None
    if unit == "month":
        k = y * 12 + (m - 1) + n
        return (k // 12, k % 12 + 1, 1)
    if unit == "year":
        ny = y + n
        if y > 0 >= ny:  # no year 0 between 1 BC and AD 1
            ny -= 1
        elif y < 0 <= ny:
            ny += 1
        return (ny, m, 1)
    if unit == "decade":
        return (y + 10 * n, m, 1)
    return None


def _week_value(y: int, m: int, d: int) -> str:
    try:
        iy, iw, _ = _dt.date(y, m, d).isocalendar()
    except ValueError:
        return _fm(y, m)
    return f"{iy:04d}-W{iw:02d}"


# ---------------------------------------------------------------------------------------------
# Temponyms


@dataclass(frozen=True)
class _Temponym:
    pattern: re.Pattern[str]
    value: str
    type: str


def _read_temponyms(lines: Sequence[str], where: str) -> list[_Temponym]:
    out: list[_Temponym] = []
    rows = csv.reader(
        (ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")), delimiter="\t"
    )
    for i, row in enumerate(rows, 1):
        if row and row[0] == "pattern":
            continue
        if len(row) < 2:
            raise InputError(
                where, f"temponym row {i}: expected pattern<TAB>value<TAB>type<TAB>note"
            )
        try:
            rx = re.compile(rf"(?<![\w/]){row[0]}(?![\w/])", re.IGNORECASE)
        except re.error as err:
            raise InputError(where, f"temponym row {i}: bad pattern {row[0]!r}: {err}") from err
        out.append(
            _Temponym(rx, row[1].strip(), (row[2].strip() if len(row) > 2 else "") or "DATE")
        )
    return out


def load_temponyms(extra: str | None = None) -> tuple[_Temponym, ...]:
    """The packaged temponyms plus those in ``extra`` and in ``$DETENTE_TEMPONYMS`` (paths)."""
    return _load_temponyms(extra, os.environ.get("DETENTE_TEMPONYMS", ""))


@lru_cache(maxsize=16)
def _load_temponyms(extra: str | None, env: str) -> tuple[_Temponym, ...]:
    # Cached per (extra, env) so that tagging many documents reads the files once.
    text = resources.files("detente.codebook").joinpath("data/temponyms.tsv").read_text("utf-8")
    items = _read_temponyms(text.splitlines(), "temponyms.tsv")
    paths = [p for p in env.split(os.pathsep) if p]
    if extra:
        paths.append(extra)
    for p in paths:
        try:
            items += _read_temponyms(Path(p).read_text("utf-8").splitlines(), p)
        except OSError as err:
            raise InputError(p, f"cannot read temponyms: {err.strerror or err}") from err
    return tuple(items)


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
        """Does the sentence around [start, end) speak of the future?"""
        return self._tense(start, end, FUTURE_CUE)

    def past(self, start: int, end: int) -> bool:
        """Does the sentence around [start, end) speak of the past (and not the future)?"""
        return (
            not self.future(start, end)
            and not self._tense(start, end, MODAL_CUE)
            and self._tense(start, end, PAST_CUE)
        )

    def _tense(self, start: int, end: int, cue: re.Pattern[str]) -> bool:
        t = self.text
        a = max(
            t.rfind(". ", max(0, start - 250), start), t.rfind("\n", max(0, start - 250), start)
        )
        b_candidates = [
            x for x in (t.find(". ", end, end + 250), t.find("\n", end, end + 250)) if x >= 0
        ]
        b = min(b_candidates) if b_candidates else min(len(t), end + 250)
        # The verb that governs a date usually comes before it, or just after it.
        return bool(cue.search(t, a + 1, start)) or bool(cue.search(t, end, min(b, end + 10)))


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


RULES: list[_Rule] = []


def rule(
    name: str,
    pattern: str,
    *,
    check: Callable[[re.Match[str], str], bool] | None = None,
    mods: bool = False,
    dur_mods: bool = False,
    flags: int = 0,
) -> Callable[[Callable[[re.Match[str], _State], list[_R] | None]], Any]:
    """Register a rule; earlier registrations win ties between equally long matches."""

    def deco(fn: Callable[[re.Match[str], _State], list[_R] | None]) -> Any:
        RULES.append(
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


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group())  # type: ignore[union-attr]


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


def _ok_date(y: int | None, m: int, d: int) -> bool:
    if d > 31 or m > 12:
        return False
    if y is None or y <= 0:
        return True
    try:
        _dt.date(y, m, d)
    except ValueError:
        return False
    return True


# --- explicit calendar dates -----------------------------------------------------------------


@rule("wd_md_y", rf"(?:{WEEKDAY},?\s+)?(?P<m>{MONTH})\s+(?P<d>{DAY})(?:\s*,\s*|\s+)(?P<y>{YEARX})")
@rule(
    "wd_dm_y",
    rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MONTH}),?\s+(?P<y>{YEARX})",
)
def _r_full_date(m: re.Match[str], st: _State) -> list[_R] | None:
    y, mo, d = _parse_year(m["y"]), _month(m["m"]), _day(m["d"])
    if not _ok_date(y, mo, d):
        return None
    return [_R(m.start(), m.end(), "DATE", _fd(y, mo, d), ymd=(y, mo, d), kind="day")]


@rule(
    "iso",
    r"(?<![\d-])(?P<y>1[0-9]{3}|20[0-9]{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])(?![\d-])",
)
def _r_iso(m: re.Match[str], st: _State) -> list[_R] | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    return [_R(m.start(), m.end(), "DATE", _fd(y, mo, d), ymd=(y, mo, d), kind="day")]


@rule(
    "slash",
    r"(?<![\d/])(?P<a>0?[1-9]|1[0-2])/(?P<b>0?[1-9]|[12][0-9]|3[01])/(?P<y>(?:19|20)?\d\d)(?![\d/])",
)
def _r_slash(m: re.Match[str], st: _State) -> list[_R] | None:
    # US order month/day/year, as in news datelines ("7/8/07").
    y = int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    mo, d = int(m["a"]), int(m["b"])
    if not _ok_date(y, mo, d):
        return None
    return [_R(m.start(), m.end(), "DATE", _fd(y, mo, d), ymd=(y, mo, d), kind="day")]


def _md_check(m: re.Match[str], text: str) -> bool:
    # "May 5" is a date, but "the 5 May troops" is rare; refuse "3 March(ed)" as a verb only.
    return not text[m.end() : m.end() + 1].isalpha()


@rule(
    "wd_md",
    rf"(?:{WEEKDAY},?\s+)?(?P<m>{MONTH})\s+(?P<d>{DAY})(?![\d:,.]\d)(?!\s*(?:%|per\s?cent))",
    check=_md_check,
)
@rule("wd_dm", rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MONTH})")
def _r_month_day(m: re.Match[str], st: _State) -> list[_R] | None:
    mo, d = _month(m["m"]), _day(m["d"])
    if d > 31:
        return None
    y, anchor = _year_for(st, mo, d, m.start(), m.end())
    if y is None:
        return [
            _R(m.start(), m.end(), "DATE", f"XXXX-{mo:02d}-{d:02d}", anchor="anaphoric", kind="day")
        ]
    if not _ok_date(y, mo, d):
        return None
    return [
        _R(m.start(), m.end(), "DATE", _fd(y, mo, d), anchor=anchor, ymd=(y, mo, d), kind="day")
    ]


# Two dates sharing a month or a year: "6-7 January 1916", "March 5-9, 1918", "14 and 15 May".
@rule(
    "d_d_m",
    rf"(?P<d1>{DAY})(?P<sep>\s*[-–—]\s*|\s+(?:and|or|to)\s+)(?P<d2>{DAY})\s+(?P<m>{MONTH})(?:,?\s+(?P<y>{YEARX}))?",
)
@rule(
    "m_d_d",
    rf"(?P<m>{MONTH})\s+(?P<d1>{DAY})(?P<sep>\s*[-–—]\s*|\s+(?:and|or|to)\s+)(?P<d2>{DAY})(?![\d:])(?:,?\s+(?P<y>{YEARX}))?",
)
def _r_day_pair(m: re.Match[str], st: _State) -> list[_R] | None:
    mo, d1, d2 = _month(m["m"]), _day(m["d1"]), _day(m["d2"])
    if m["y"]:
        y, anchor = _parse_year(m["y"]), "absolute"
    else:
        y, anchor = _year_for(st, mo, d1, m.start(), m.end())
    if y is None or not _ok_date(y, mo, d1) or not _ok_date(y, mo, d2) or d2 <= d1:
        return None
    # Day-first ("6 | 7 January 1916") and month-first ("March 5 | 9, 1918") split alike.
    first_end = m.start("sep")
    a = _R(m.start(), first_end, "DATE", _fd(y, mo, d1), anchor=anchor, kind="day")
    b = _R(
        m.start("d2"), m.end(), "DATE", _fd(y, mo, d2), anchor=anchor, ymd=(y, mo, d2), kind="day"
    )
    a.end_value = b.value
    return [a, b]


@rule(
    "md_that_year",
    rf"(?P<m>{MONTH})(?:\s+(?P<d>{DAY}))?,?\s+(?i:of\s+(?:that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding)\s+year)",
    mods=True,
)
def _r_md_that_year(m: re.Match[str], st: _State) -> list[_R] | None:
    if st.year is None:
        return None
    rel = m.group(0).lower()
    y = st.year + (
        1
        if ("following" in rel or "next" in rel)
        else -1
        if "previous" in rel or "preceding" in rel
        else 0
    )
    mo = _month(m["m"])
    if m["d"]:
        d = _day(m["d"])
        if not _ok_date(y, mo, d):
            return None
        return [
            _R(
                m.start(),
                m.end(),
                "DATE",
                _fd(y, mo, d),
                anchor="anaphoric",
                ymd=(y, mo, d),
                kind="day",
            )
        ]
    return [
        _R(
            m.start(),
            m.end(),
            "DATE",
            _fm(y, mo),
            anchor="anaphoric",
            ymd=(y, mo, None),
            kind="month",
        )
    ]


@rule(
    "rel_month",
    rf"(?P<w>(?i:last|next|this|that|the\s+previous|the\s+preceding|the\s+following|the\s+next))\s+(?P<m>{MONTH})(?!\s+\d)",
)
def _r_rel_month(m: re.Match[str], st: _State) -> list[_R] | None:
    """ "last September" (deictic), "the following April" (anaphoric)."""
    w = re.sub(r"\s+", " ", m["w"].lower())
    mo = _month(m["m"])
    deictic = w in ("last", "next", "this") and st.dct is not None
    if deictic:
        ry, rm = st.dct[0], st.dct[1]  # type: ignore[index]
    elif st.month:
        ry, rm = st.month
    elif st.year is not None:
        ry, rm = st.year, 6
    else:
        return None
    if w in ("last", "the previous", "the preceding"):
        y = ry if mo < rm else ry - 1
    elif w in ("next", "the following", "the next"):
        y = ry if mo > rm else ry + 1
    else:
        y = ry
    return [
        _R(
            m.start(),
            m.end(),
            "DATE",
            _fm(y, mo),
            anchor="deictic" if deictic else "anaphoric",
            ymd=(y, mo, None),
            kind="month",
        )
    ]


@rule("m_y", rf"(?P<m>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEARX})", mods=True)
def _r_month_year(m: re.Match[str], st: _State) -> list[_R] | None:
    y, mo = _parse_year(m["y"]), _month(m["m"])
    return [_R(m.start(), m.end(), "DATE", _fm(y, mo), ymd=(y, mo, None), kind="month")]


def _month_check(m: re.Match[str], text: str) -> bool:
    """Bare month names that are also English words ("may", "March") need a date context."""
    word = m["m"].lower().rstrip(".")
    if m["m"].isupper() and len(m["m"]) <= 4:
        return False  # "MAR", "DEC" are more often acronyms
    if word in AMBIGUOUS_MONTHS or len(word) <= 4:
        before = text[max(0, m.start() - 30) : m.start()]
        return bool(re.search(rf"\b{DATE_PREP}[\s-]+$", before))
    return True


_SHARED_YEAR = re.compile(
    rf"\s*(?:and|or|to|through|until|till|[-–—/])\s*(?:{MONTH})\s*,?\s+(?P<y>{YEAR4})(?!\d)"
)


@rule("m", rf"(?P<m>{MONTH})", check=_month_check, mods=True)
def _r_month(m: re.Match[str], st: _State) -> list[_R] | None:
    mo = _month(m["m"])
    shared = _SHARED_YEAR.match(st.text, m.end())
    if shared:
        # "in April and June 1955", "between March and April 1918": the year is shared.
        y, anchor = _parse_year(shared["y"]), "absolute"
    else:
        y, anchor = _year_for(st, mo, None, m.start(), m.end())
    if y is None:
        return [_R(m.start(), m.end(), "DATE", f"XXXX-{mo:02d}", anchor="anaphoric", kind="month")]
    return [
        _R(m.start(), m.end(), "DATE", _fm(y, mo), anchor=anchor, ymd=(y, mo, None), kind="month")
    ]


def _year_check(m: re.Match[str], text: str) -> bool:
    if not re.search(r"[A-Za-z]", m["y"]):
        if COUNT_NOUNS.match(text, m.end()):
            return False
        before = text[max(0, m.start() - 6) : m.start()].lower()
        if re.search(r"(?:no\.|number|#|\bpage|\bp\.)\s*$", before):
            return False
    return True


@rule("year", _YEAR_OK, check=_year_check, mods=True)
def _r_year(m: re.Match[str], st: _State) -> list[_R] | None:
    y = _parse_year(m["y"])
    return [_R(m.start(), m.end(), "DATE", _fy(y), ymd=(y, None, None), kind="year")]


@rule("year_apos", r"(?<![\w'])['’](?P<yy>\d\d)(?![\w'’])")
def _r_year_apos(m: re.Match[str], st: _State) -> list[_R] | None:
    """ "'82", "the class of '99": the century that puts it nearest the reference year."""
    ref = st.year if st.year is not None and st.year > 0 else (st.dct[0] if st.dct else 2000)
    yy = int(m["yy"])
    y = min(
        (c * 100 + yy for c in (ref // 100 - 1, ref // 100)),
        key=lambda y: (y > ref + 10, abs(y - ref)),
    )
    return [_R(m.start(), m.end(), "DATE", _fy(y), ymd=(y, None, None), kind="year")]


_AFTER_DATE_PREP = _after_word("in|by|of|until|from|to|and|since")


def _bc_check(m: re.Match[str], text: str) -> bool:
    if not _AFTER_DATE_PREP(m, text):
        return False
    return not COUNT_NOUNS.match(text, m.end()) and not re.match(
        r"\s*(?:%|per\s?cent|,\d)", text[m.end() :]
    )


@rule("bc_bare", r"(?<![\w.,])(?P<y>[1-9]\d{1,3})(?![\w%.,]\d|\w)", check=_bc_check)
def _r_bc_bare(m: re.Match[str], st: _State) -> list[_R] | None:
    """In a narrative set before Christ, "in 480" is 480 BC."""
    if st.year is None or st.year >= 0 or not st.from_text:
        return None
    y = -int(m["y"])
    return [_R(m.start(), m.end(), "DATE", _fy(y), ymd=(y, None, None), kind="year")]


@rule(
    "year_pair",
    r"(?<![\d$£€#/.,:-])(?P<y>1[0-9]{3}|20[0-9]{2})(?P<sep>\s*[-–—/]\s*)(?P<y2>\d\d)(?![\d%])",
)
def _r_year_pair(m: re.Match[str], st: _State) -> list[_R] | None:
    # "1979–89", "the winter of 1941/42": the second year shares the first's century.
    y1 = int(m["y"])
    y2 = y1 // 100 * 100 + int(m["y2"])
    if y2 <= y1:
        return None
    b = _R(m.start("y2"), m.end(), "DATE", _fy(y2), ymd=(y2, None, None), kind="year")
    a = _R(m.start(), m.start("sep"), "DATE", _fy(y1), kind="year", end_value=b.value)
    return [a, b]


@rule(
    "decade",
    r"(?<![\w'-])(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[- ]?)?(?P<c>1[0-9]|20|')?(?P<d>[0-9])0'?s(?![\w'])",
    mods=True,
)
def _r_decade(m: re.Match[str], st: _State) -> list[_R] | None:
    c = m["c"]
    if c is None or c == "'":
        if not (m.group(0).lower().startswith("the") or c == "'"):
            before = st.text[max(0, m.start() - 12) : m.start()].lower()
            if re.search(r"\b(?:his|her|their|its|in|mid|late|early)\s*$", before):
                return None  # "in his 40s" is an age
        if m["d"] == "0":
            return None
        century = "19"
    else:
        century = c
    # "the 1800s" names the century; "the 1990s" the decade.
    value = century if m["c"] and m["d"] == "0" else f"{century}{m['d']}"
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m["mod"] or "").lower())
    return [_R(m.start(), m.end(), "DATE", value, mod=mod, kind="decade")]


@rule(
    "decade_word",
    r"(?i:the\s+)(?:(?P<mod>(?i:early|mid|late))[- ]?)?(?P<w>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
)
def _r_decade_word(m: re.Match[str], st: _State) -> list[_R] | None:
    d = {"tw": 2, "th": 3, "fo": 4, "fi": 5, "si": 6, "se": 7, "ei": 8, "ni": 9}[m["w"][:2].lower()]
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m["mod"] or "").lower())
    return [_R(m.start(), m.end(), "DATE", f"19{d}", mod=mod, kind="decade")]


@rule(
    "century",
    rf"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[- ])?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|(?i:{_ORD_WORDS}))[- ](?i:century)(?:\s+(?P<era>{_BC}|{_AD}))?",
    mods=True,
)
def _r_century(m: re.Match[str], st: _State) -> list[_R] | None:
    n = int(m["n"][:-2]) if m["n"][0].isdigit() else ORDINALS[m["n"].lower()]
    bc = bool(m["era"] and "B" in m["era"])
    value = f"BC{n - 1:02d}" if bc else f"{n - 1:02d}"
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m["mod"] or "").lower())
    return [_R(m.start(), m.end(), "DATE", value, mod=mod, kind="century")]


# --- seasons, quarters, halves ---------------------------------------------------------------


def _season_check(m: re.Match[str], text: str) -> bool:
    s = m["s"]
    if m["y"]:
        return True
    before = text[max(0, m.start() - 25) : m.start()]
    if (
        s[0].isupper()
        and not re.search(r"(?:^|[.!?:\n]\s*|\()$", before)
        and not m.group(0)[0].islower()
    ):
        # "Arab Spring", "Prague Spring": a name, unless it starts a sentence or heading.
        return bool(re.match(r"(?i:the|this|that|last|next)", m.group(0)))
    if s.lower() == "fall":
        # "the fall of Paris" is an event; "in the fall" / "last fall" is a season.
        if re.match(r"\s+of\b", text[m.end() :]):
            return False
        return bool(
            re.search(
                r"(?i:\b(?:in|this|last|next|that|the|by|until|during))\s+(?:the\s+)?$",
                before + " ",
            )
        ) or bool(re.match(r"(?i:this|last|next|that)", m.group(0)))
    return True


@rule(
    "season",
    rf"(?:(?P<rel>(?i:the|this|that|last|next|the\s+following|the\s+next|the\s+previous|the\s+same))\s+)?(?:(?P<early>(?i:early|late|mid))[- ])?(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEARX}))?(?:\s*[-–/]\s*(?P<y2>\d{{2,4}}))?(?![\w-])",
    check=_season_check,
    mods=True,
)
def _r_season(m: re.Match[str], st: _State) -> list[_R] | None:
    code = SEASONS[m["s"].lower()]
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    mod = {"early": "START", "late": "END", "mid": "MID"}.get((m["early"] or "").lower())
    if m["y"]:
        y, anchor = _parse_year(m["y"]), "absolute"
    elif rel in ("this", "last", "next") and st.dct:
        y = st.dct[0] + {"this": 0, "last": -1, "next": 1}[rel]
        anchor = "deictic"
    else:
        if st.year is None:
            return [
                _R(
                    m.start(),
                    m.end(),
                    "DATE",
                    f"XXXX-{code}",
                    mod=mod,
                    anchor="anaphoric",
                    kind="season",
                )
            ]
        y = st.year + {"the following": 1, "the next": 1, "the previous": -1}.get(rel, 0)
        anchor = "anaphoric"
    end = m.end() if not m["y2"] or m["y"] else m.start("y2") - 1
    return [
        _R(
            m.start(),
            end,
            "DATE",
            f"{_fy(y)}-{code}",
            mod=mod,
            anchor=anchor,
            ymd=(y, None, None),
            kind="season",
        )
    ]


_QORD = r"(?P<o>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))"


@rule(
    "quarter",
    rf"(?:(?i:the)\s+)?{_QORD}[- ](?i:quarter|fiscal\s+quarter)(?:\s+of\s+(?:(?P<y>{YEARX})|(?P<rel>(?i:this|last|next|the|that))\s+(?i:year)))?",
)
def _r_quarter(m: re.Match[str], st: _State) -> list[_R] | None:
    o = m["o"].lower()
    q = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}.get(o) or ORDINALS[o]
    if m["y"]:
        y, anchor = _parse_year(m["y"]), "absolute"
    elif m["rel"] and m["rel"].lower() in ("this", "last", "next") and st.dct:
        y, anchor = st.dct[0] + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()], "deictic"
    else:
        y, anchor = st.year, "anaphoric"
    if y is None:
        return None
    return [
        _R(
            m.start(),
            m.end(),
            "DATE",
            f"{_fy(y)}-Q{q}",
            anchor=anchor,
            ymd=(y, None, None),
            kind="quarter",
        )
    ]


@rule("half", rf"(?i:the\s+(?P<o>first|second|latter)\s+half\s+of\s+)(?P<y>{YEARX})")
def _r_half(m: re.Match[str], st: _State) -> list[_R] | None:
    y = _parse_year(m["y"])
    h = 1 if m["o"].lower() == "first" else 2
    return [_R(m.start(), m.end(), "DATE", f"{_fy(y)}-H{h}", ymd=(y, None, None), kind="half")]


# --- words relative to now or to the narrative -------------------------------------------------


def _from_dct(st: _State, unit: str, n: int, m: re.Match[str], part: str | None = None) -> list[_R]:
    if not st.dct:
        return [_R(m.start(), m.end(), "DATE", None, anchor="deictic", kind=unit)]
    return [_at(m.start(), m.end(), st.dct, unit, n, "deictic", part)]


def _at(
    start: int,
    end: int,
    base: tuple[int, int, int],
    unit: str,
    n: int,
    anchor: str,
    part: str | None = None,
) -> _R:
    """The calendar unit containing ``base`` shifted by ``n`` units."""
    if unit in ("morning", "afternoon", "evening", "night"):
        part, unit = PARTS_OF_DAY[unit], "day"
    if unit in SEASONS:
        y = base[0] + n
        return _R(
            start,
            end,
            "DATE",
            f"{_fy(y)}-{SEASONS[unit]}",
            anchor=anchor,
            ymd=(y, None, None),
            kind="season",
        )
    if unit == "weekend":
        x = _shift(base, "week", n)
        if not x:
            return _R(start, end, "DATE", None, anchor=anchor)
        return _R(start, end, "DATE", _week_value(*x) + "-WE", anchor=anchor, kind="week")
    if unit == "quarter":
        k = base[0] * 4 + (base[1] - 1) // 3 + n
        y = k // 4
        return _R(
            start,
            end,
            "DATE",
            f"{_fy(y)}-Q{k % 4 + 1}",
            anchor=anchor,
            ymd=(y, None, None),
            kind="quarter",
        )
    if unit == "century":
        c = (base[0] - 1) // 100 + n
        return _R(start, end, "DATE", f"{c:02d}", anchor=anchor, kind="century")
    x = _shift(base, unit, n)
    if x is None:
        return _R(start, end, "DATE", None, anchor=anchor)
    y, mo, d = x
    if unit == "year":
        return _R(start, end, "DATE", _fy(y), anchor=anchor, ymd=(y, None, None), kind="year")
    if unit == "decade":
        return _R(start, end, "DATE", _fy(y)[:-1], anchor=anchor, kind="decade")
    if unit == "month":
        return _R(start, end, "DATE", _fm(y, mo), anchor=anchor, ymd=(y, mo, None), kind="month")
    if unit == "week":
        return _R(start, end, "DATE", _week_value(y, mo, d), anchor=anchor, kind="week")
    value = _fd(y, mo, d) + (f"T{part}" if part else "")
    return _R(
        start, end, "TIME" if part else "DATE", value, anchor=anchor, ymd=(y, mo, d), kind="day"
    )


def _narrative_base(st: _State, unit: str) -> tuple[int, int, int] | None:
    """The reference time at the granularity ``unit`` needs."""
    if unit in ("day", "week", "weekend", "morning", "afternoon", "evening", "night"):
        return st.day
    if unit in ("month", "quarter"):
        return (st.month[0], st.month[1], 1) if st.month else None
    return (st.year, 1, 1) if st.year is not None else None


@rule(
    "rel_unit",
    rf"(?:(?P<pre>(?i:later|earlier|late|early))\s+(?:(?i:in|on)\s+)?)?(?P<w>(?i:this|last|next|the\s+coming|the\s+past|the\s+previous|the\s+preceding|the\s+prior|the\s+following|the\s+next|the\s+subsequent|the\s+same|that|that\s+same|the\s+very\s+same|that\s+very))\s+(?P<u>{_REL_UNIT})(?![\w-])",
    mods=True,
)
def _r_rel_unit(m: re.Match[str], st: _State) -> list[_R] | None:
    w = re.sub(r"\s+", " ", m["w"].lower())
    u = m["u"].lower()
    if u == "fall" and re.match(r"\s+of\b", st.text[m.end() :]):
        return None
    mod = {"later": "END", "late": "END", "early": "START", "earlier": "START"}.get(
        (m["pre"] or "").lower()
    )
    if w in ("the past", "the coming") or (w == "the next" and u in ("decade", "century")):
        # "the past year", "the coming decade": a stretch of time, not a calendar unit.
        if u not in UNITS:
            return None
        return [_R(m.start(), m.end(), "DURATION", _duration(1, u), kind="duration")]
    if w in ("this", "last", "next"):
        n = {"this": 0, "last": -1, "next": 1}[w]
        if u in PARTS_OF_DAY and w == "last" and u != "night":
            n = -1
        elif u in PARTS_OF_DAY:
            n = -1 if w == "last" else (1 if w == "next" else 0)
        if u == "night" and w == "last":
            n = -1
        r = _from_dct(st, u, n, m)
        r[0].mod = mod
        return r
    n = {
        "the previous": -1,
        "the preceding": -1,
        "the prior": -1,
        "the following": 1,
        "the next": 1,
        "the subsequent": 1,
    }.get(w, 0)
    base = _narrative_base(st, u)
    if base is None:
        return [_R(m.start(), m.end(), "DATE", None, anchor="anaphoric", mod=mod)]
    r = _at(m.start(), m.end(), base, u, n, "anaphoric")
    r.mod = mod
    return [r]


_WORDS_NOW: dict[str, tuple[str, str]] = {}
for _w in (
    "now",
    "right now",
    "currently",
    "presently",
    "at present",
    "nowadays",
    "the present",
    "present-day",
    "modern-day",
    "modern day",
    "the time being",
    "to date",
    "current",
    "today's",
):
    _WORDS_NOW[_w] = ("PRESENT_REF", "DATE")
for _w in (
    "recently",
    "recent",
    "lately",
    "the past",
    "formerly",
    # Not "former": "the former president" names a title, not a time (TimeML news
    # practice, MEANTIME); TIMEX2-style corpora such as WikiWars tag it PAST_REF.
    "in the past",
    "previously",
):
    _WORDS_NOW[_w] = ("PAST_REF", "DATE")
for _w in (
    "the future",
    "future",
    "the near future",
    "soon",
    "the near term",
    "the long term",
    "the short term",
):
    _WORDS_NOW[_w] = ("FUTURE_REF", "DATE")


_NOW_WORDS = [
    w for w in _WORDS_NOW if w not in ("to date", "previously", "soon", "in the past", "today's")
]


@rule("now", rf"\b(?P<w>(?i:{alt(_NOW_WORDS)}))(?![\w-])")
def _r_now(m: re.Match[str], st: _State) -> list[_R] | None:
    w = m["w"].lower()
    value, typ = _WORDS_NOW[w]
    if w == "current" and not re.match(
        r"\s+(?:year|month|week|era|period|time|situation|crisis|conflict|war|government|regime|leadership)\b",
        st.text[m.end() :],
    ):
        return (
            None  # "current" is a time word mainly when it qualifies a period or a state of affairs
        )
    if w == "future" and re.match(r"\s*(?:of|tense)\b", st.text[m.end() :]):
        return None
    return [_R(m.start(), m.end(), typ, value, anchor="deictic", kind="ref")]


@rule(
    "today",
    r"\b(?P<w>(?i:today|yesterday|tomorrow|tonight|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow))\b",
)
def _r_today(m: re.Match[str], st: _State) -> list[_R] | None:
    w = re.sub(r"\s+", " ", m["w"].lower())
    n = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }[w]
    if not st.dct:
        return [_R(m.start(), m.end(), "DATE", "PRESENT_REF" if n == 0 else None, anchor="deictic")]
    r = _at(m.start(), m.end(), st.dct, "day", n, "deictic", "NI" if w == "tonight" else None)
    return [r]


@rule(
    "wd",
    rf"(?:(?P<rel>(?i:last|next|this|that|the\s+following|the\s+previous|the\s+next|the\s+same))\s+)?(?P<w>{WEEKDAY})(?:\s+(?P<p>{PART}))?(?![\w-])",
)
def _r_weekday(m: re.Match[str], st: _State) -> list[_R] | None:
    wd = WEEKDAYS[m["w"].lower().removesuffix("'s")]
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    part = PARTS_OF_DAY[m["p"].lower()] if m["p"] else None
    deictic = bool(st.dct) and rel not in (
        "that",
        "the following",
        "the previous",
        "the next",
        "the same",
    )
    base = st.dct if deictic else st.day
    if base is None:
        return [_R(m.start(), m.end(), "DATE", "XXXX-WXX-" + str(wd + 1), anchor="anaphoric")]
    try:
        b = _dt.date(*base) if base[0] > 0 else None
    except ValueError:
        b = None
    if b is None:
        return None
    diff = (wd - b.weekday()) % 7  # days forward to the next such weekday (0 = same day)
    if rel in ("next", "the following", "the next"):
        delta = diff or 7
    elif rel in ("last", "the previous"):
        delta = diff - 7 if diff else -7
    elif rel == "this":
        delta = wd - b.weekday()
    elif not deictic:
        delta = diff  # narrative moves forward
    elif st.future(m.start(), m.end()):
        delta = diff
    else:
        delta = diff - 7 if diff else 0
    x = b + _dt.timedelta(days=delta)
    value = _fd(x.year, x.month, x.day) + (f"T{part}" if part else "")
    return [
        _R(
            m.start(),
            m.end(),
            "TIME" if part else "DATE",
            value,
            anchor="deictic" if deictic else "anaphoric",
            ymd=(x.year, x.month, x.day),
            kind="day",
        )
    ]


@rule(
    "the_day",
    r"\b(?i:the)\s+(?i:day)\b(?![\s-]+(?i:after|before|of|when|that|on|in\s+which|-))",
    check=_after_word(
        "end|ends|ended|ending|finish|finished|finishing|close|closed|closing|for|during|in"
    ),
)
def _r_the_day(m: re.Match[str], st: _State) -> list[_R] | None:
    """ "The index ended the day at 8,017", "later in the day": the day in focus."""
    if st.day is None or st.day[0] <= 0:
        return [_R(m.start(), m.end(), "DATE", "XXXX-XX-XX", anchor="anaphoric")]
    return [_R(m.start(), m.end(), "DATE", _fd(*st.day), anchor="anaphoric", kind="day")]


@rule(
    "ago",
    rf"(?P<n>{NUM})\s+(?P<u>{UNIT})s?\s+(?P<dir>(?i:later|earlier|ago|afterwards?|previously|before\s+that|after\s+that|before|after|since))\b",
    dur_mods=True,
)
def _r_ago(m: re.Match[str], st: _State) -> list[_R] | None:
    d = m["dir"].lower()
    u = _unit_key(m["u"])
    n = _num(m["n"])
    if d in ("before", "after", "since"):
        # "two years after the war": the anchor is an event we cannot date; keep the duration.
        end = m.start("dir")
        while end > m.start() and st.text[end - 1].isspace():
            end -= 1
        return [_R(m.start(), end, "DURATION", _duration(n, u), kind="duration")]
    sign = -1 if d in ("earlier", "ago", "previously", "before that") else 1
    if u in ("second", "minute", "hour", "quarter", "century", "night", "weekend", "fortnight"):
        return [_R(m.start(), m.end(), "DATE", None, anchor="anaphoric")]
    if n is None or n != int(n):
        return [
            _R(
                m.start(),
                m.end(),
                "DATE",
                "PAST_REF" if sign < 0 else "FUTURE_REF",
                anchor="anaphoric",
            )
        ]
    if d == "ago" and st.dct:
        base, anchor = st.dct, "deictic"
    else:
        base, anchor = _narrative_base(st, u), "anaphoric"
    if base is None:
        return [_R(m.start(), m.end(), "DATE", None, anchor=anchor)]
    return [_at(m.start(), m.end(), base, u, sign * int(n), anchor)]


@rule(
    "day_after",
    r"(?i:the\s+(?P<u>day|night|morning|week|month|year)\s+(?P<dir>before|after))(?=\s*[,.;:)]|\s+(?:and|when|that|which)\b)",
)
def _r_day_after(m: re.Match[str], st: _State) -> list[_R] | None:
    u = m["u"].lower()
    base = _narrative_base(st, u)
    if base is None:
        return [_R(m.start(), m.end(), "DATE", None, anchor="anaphoric")]
    return [
        _at(m.start(), m.end(), base, u, -1 if m["dir"].lower() == "before" else 1, "anaphoric")
    ]


@rule(
    "mod_the_unit",
    r"(?i:the\s+(?:very\s+)?(?P<w>end|beginning|start|middle|close|turn)\s+of\s+the\s+(?P<u>year|month|week|decade|century))\b",
)
def _r_mod_the_unit(m: re.Match[str], st: _State) -> list[_R] | None:
    u = m["u"].lower()
    base = _narrative_base(st, u)
    if base is None:
        return None
    r = _at(m.start(), m.end(), base, u, 0, "anaphoric")
    r.mod = {"end": "END", "close": "END", "middle": "MID", "turn": "END"}.get(
        m["w"].lower(), "START"
    )
    return [r]


# --- times of day ------------------------------------------------------------------------------

_TZ = r"(?P<tz>UTC|GMT|Z\b|EST|EDT|CST|CDT|PST|PDT|CET|CEST|BST|IST|local\s+time)"


def _time_value(
    st: _State, h: int, mi: int, ap: str | None, tz: str | None
) -> tuple[str, tuple[int, int, int] | None]:
    if ap:
        ap = ap.lower().replace(".", "")
        if ap == "pm" and h < 12:
            h += 12
        elif ap == "am" and h == 12:
            h = 0
    hm = f"T{h:02d}:{mi:02d}" + ("Z" if tz and tz.upper() in ("UTC", "GMT", "Z") else "")
    day = st.day
    return ((_fd(*day) if day else "XXXX-XX-XX") + hm, day)


@rule(
    "clock",
    rf"(?<![\d.:])(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d)(?:\s*(?P<ap>[AaPp]\.?[Mm]\.?)(?![\w]))?|\.(?P<mi2>[0-5]\d)\s*(?P<ap2>[AaPp]\.?[Mm]\.?)(?!\w)|\s*(?P<ap3>[AaPp]\.[Mm]\.|[AaPp][Mm]\b))(?:\s*{_TZ})?(?:\s+(?P<when>(?i:today|yesterday|tomorrow|on\s+)?{WEEKDAY}|(?i:today|yesterday|tomorrow)))?",
)
@rule("clock_mil", rf"(?<![\d.:])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?:(?i:hours|hrs)|{_TZ})")
def _r_clock(m: re.Match[str], st: _State) -> list[_R] | None:
    g = m.groupdict()
    mi = g.get("mi") or g.get("mi2") or "00"
    ap = g.get("ap") or g.get("ap2") or g.get("ap3")
    when = g.get("when")
    if when:  # "12:00 UTC Monday": date the clock time by the day word first
        sub = re.search(rf"(?i:today|yesterday|tomorrow)|{WEEKDAY}", when)
        if sub:
            inner = _first_rule_result(sub.group(0), st, m.start("when") + sub.start())
            if inner and inner.ymd and inner.ymd[2]:
                st.day = inner.ymd  # type: ignore[assignment]
    value, _ = _time_value(st, int(m["h"]), int(mi), ap, g.get("tz"))
    return [_R(m.start(), m.end(), "TIME", value, anchor="deictic", kind="time")]


def _first_rule_result(s: str, st: _State, offset: int) -> _R | None:
    for r in RULES:
        if r.name in ("today", "wd"):
            mm = r.rx.fullmatch(s)
            if mm:
                res = r.resolve(mm, st)
                return res[0] if res else None
    return None


@rule("noon", r"\b(?P<w>(?i:noon|midnight|midday))\b")
def _r_noon(m: re.Match[str], st: _State) -> list[_R] | None:
    hm = "T12:00" if m["w"].lower() in ("noon", "midday") else "T24:00"
    base = _fd(*st.day) if st.day else "XXXX-XX-XX"
    return [_R(m.start(), m.end(), "TIME", base + hm, anchor="anaphoric", kind="time")]


@rule("night", r"\b(?P<w>(?i:night|night-time|nighttime))\b", check=_after_word("at|by|during"))
def _r_night(m: re.Match[str], st: _State) -> list[_R] | None:
    return [_R(m.start(), m.end(), "TIME", "XXXX-XX-XXTNI", anchor="absolute", kind="time")]


# --- durations and sets ----------------------------------------------------------------------

_ADJ = r"(?:(?i:consecutive|straight|successive|full|more|additional|long|short|trading|working|business|calendar|bloody|whole|entire|hard|difficult|brief|further)\s+)?"


def _dur_check(m: re.Match[str], text: str) -> bool:
    n = m["n"].lower()
    u = m["u"].lower()
    if n in ("a", "an", "one") and u in ("second", "minute", "quarter"):
        return False  # "a second attack", "a quarter of the army"
    if u.startswith("quarter") and not re.match(r"\d|two|three|four|five|six|seven|eight", n):
        return False
    after = text[m.end() : m.end() + 12]
    # "a two-year-old boy" is an age, not a stretch of time.
    return not re.match(r"-(?!long|old)", after)


@rule(
    "duration",
    rf"(?:(?P<lead>(?i:the\s+(?:past|last|next|first|following|previous|coming|final|initial|ensuing|remaining)|another|a\s+further|(?:for|over)\s+the\s+(?:past|last|next)))\s+)?(?P<n>{NUM})(?:[- ]|\s+){_ADJ}(?P<u>{UNIT})(?P<pl>s|es)?(?:-(?:long|old))?(?![\w])",
    check=_dur_check,
    dur_mods=True,
)
def _r_duration(m: re.Match[str], st: _State) -> list[_R] | None:
    n = _num(m["n"])
    u = _unit_key(m["u"])
    start = m.start()
    if m["lead"] and m["lead"].lower().startswith(("for", "over")):
        start = m.start("lead") + m["lead"].lower().index("the")
    before = st.text[max(0, start - 30) : start].lower()
    if (
        m["n"].lower() in ("a", "an", "one")
        and not m["lead"]
        and re.search(r"(?:once|twice|times|\d|percent|%|million|billion|per)\s*$", before)
    ):
        return [_R(start, m.end(), "SET", _duration(1, u), kind="set")]
    return [_R(start, m.end(), "DURATION", _duration(n, u), kind="duration")]


@rule(
    "bare_units",
    r"\b(?P<u>(?i:years|months|weeks|days|decades|centuries|hours|minutes))\b",
    check=_after_word("for|within|over|lasting|took|and|or"),
)
def _r_bare_units(m: re.Match[str], st: _State) -> list[_R] | None:
    return [_R(m.start(), m.end(), "DURATION", _duration(None, m["u"]), kind="duration")]


@rule(
    "set_word",
    r"\b(?P<w>(?i:daily|weekly|monthly|annually|annual|yearly|hourly|nightly|quarterly|biannual|biennial))\b",
)
def _r_set_word(m: re.Match[str], st: _State) -> list[_R] | None:
    w = m["w"].lower()
    v = {
        "daily": "P1D",
        "weekly": "P1W",
        "monthly": "P1M",
        "annually": "P1Y",
        "annual": "P1Y",
        "yearly": "P1Y",
        "hourly": "PT1H",
        "nightly": "P1D",
        "quarterly": "P1Q",
        "biannual": "P6M",
        "biennial": "P2Y",
    }[w]
    return [_R(m.start(), m.end(), "SET", v, kind="set")]


@rule("set_every", rf"(?i:every|each|per)\s+(?:(?P<n>{NUM})\s+)?(?P<u>{UNIT})s?\b")
def _r_set_every(m: re.Match[str], st: _State) -> list[_R] | None:
    n = _num(m["n"]) if m["n"] else 1
    u = _unit_key(m["u"])
    return [_R(m.start(), m.end(), "SET", _duration(n, u), kind="set")]


@rule(
    "holiday",
    rf"(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)|New\s+Year's|Independence\s+Day|Bastille\s+Day|Armistice\s+Day|May\s+Day|Boxing\s+Day)(?:\s*,?\s*(?P<y>{YEARX}))?",
)
def _r_holiday(m: re.Match[str], st: _State) -> list[_R] | None:
    h = re.sub(r"\s+", " ", m["h"])
    md = {
        "Christmas": (12, 25),
        "Christmas Day": (12, 25),
        "Christmas Eve": (12, 24),
        "New Year's Day": (1, 1),
        "New Year's": (1, 1),
        "New Year's Eve": (12, 31),
        "Bastille Day": (7, 14),
        "Armistice Day": (11, 11),
        "May Day": (5, 1),
        "Boxing Day": (12, 26),
    }.get(h)
    if md is None:
        return None  # national days differ by country
    if m["y"]:
        y, anchor = _parse_year(m["y"]), "absolute"
    else:
        y, anchor = _year_for(st, md[0], md[1], m.start(), m.end())
    if y is None:
        return [_R(m.start(), m.end(), "DATE", f"XXXX-{md[0]:02d}-{md[1]:02d}", anchor="anaphoric")]
    return [
        _R(
            m.start(),
            m.end(),
            "DATE",
            _fd(y, *md),
            anchor=anchor,
            ymd=(y, md[0], md[1]),
            kind="day",
        )
    ]


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


def _temponym_resolver(tp: _Temponym) -> Callable[[re.Match[str], _State], list[_R] | None]:
    def resolve(m: re.Match[str], st: _State) -> list[_R] | None:
        ymd = None
        ym = re.match(r"(BC)?(\d{4})(?:-(\d\d))?(?:-(\d\d))?$", tp.value)
        if ym:
            y = int(ym.group(2)) * (-1 if ym.group(1) else 1)
            ymd = (
                y,
                int(ym.group(3)) if ym.group(3) else None,
                int(ym.group(4)) if ym.group(4) else None,
            )
        return [
            _R(m.start(), m.end(), tp.type, tp.value, anchor="absolute", ymd=ymd, kind="temponym")
        ]

    return resolve


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


def _parse_pubdate(pubdate: str | None) -> tuple[int, int, int] | None:
    if not pubdate:
        return None
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", pubdate)
    if not m:
        raise InputError("pubdate", f"not an ISO date: {pubdate!r} (expected YYYY-MM-DD)")
    y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    if not _ok_date(y, mo, d):
        raise InputError("pubdate", f"not a calendar date: {pubdate!r}")
    return (y, mo, d)


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
    text: str, pubdate: str | None = None, *, temponyms: str | Path | None = None
) -> list[Timex]:
    """Find and normalise the time expressions of ``text``, in document order.

    ``pubdate`` (``YYYY-MM-DD``, or a partial ISO date) anchors the deictic expressions; without
    it they get ``value=None`` (or ``PRESENT_REF``). ``temponyms`` adds a TSV of named dates to the
    packaged list. Offsets are exact: ``text[t.start:t.end] == t.text``.
    """
    st = _State(text, _parse_pubdate(pubdate))
    tps = load_temponyms(str(temponyms) if temponyms else None)
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


# ---------------------------------------------------------------------------------------------
# spaCy component


def _register_extensions() -> None:
    from spacy.tokens import Doc

    if not Doc.has_extension("pubdate"):
        Doc.set_extension("pubdate", default=None)
    if not Doc.has_extension("timexes"):
        Doc.set_extension("timexes", default=None)


def _component(doc: Any) -> Any:
    _register_extensions()
    doc._.timexes = tag(doc.text, doc._.pubdate)
    return doc


try:  # spaCy is a hard dependency, but keep the tagger importable without it for tools.
    from spacy.language import Language

    _register_extensions()
    if "detente_timex" not in Language.factories:
        Language.component("detente_timex", func=_component)
except ImportError:  # pragma: no cover
    pass
