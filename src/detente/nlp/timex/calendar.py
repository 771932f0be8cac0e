"""Calendar arithmetic and value formatting: years (BC/AD), months, days, ISO weeks, durations."""

from __future__ import annotations

import datetime as _dt
import re

from detente.dates import normalize_date
from detente.errors import InputError
from detente.nlp.timex.lexicon import (
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    UNITS,
    VAGUE_NUMBERS,
    YEAR4,
    alt,
)

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


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group())  # type: ignore[union-attr]


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


def _parse_pubdate(pubdate: str | None) -> tuple[int, int, int] | None:
    """The publication date as (year, month, day); a partial date takes the first month/day."""
    if not pubdate:
        return None
    try:
        iso = normalize_date(pubdate)
    except ValueError:
        raise InputError("pubdate", f"not a date: {pubdate!r} (expected YYYY-MM-DD)") from None
    if iso is None:
        return None
    y, mo, d = ([int(x) for x in iso.split("-")] + [1, 1])[:3]
    return (y, mo, d)
