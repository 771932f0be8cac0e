"""Rules for expressions relative to now or to the narrative: "last week", "today", "on Tuesday",
"two years later", "the following month"."""

from __future__ import annotations

import datetime as _dt
import re

from detente.nlp.timex.base import _R, RuleSet, _after_word, _Rule, _State
from detente.nlp.timex.calendar import (
    _REL_UNIT,
    _duration,
    _fd,
    _fm,
    _fy,
    _num,
    _shift,
    _unit_key,
    _week_value,
)
from detente.nlp.timex.lexicon import (
    NUM,
    PART,
    PARTS_OF_DAY,
    SEASONS,
    UNIT,
    UNITS,
    WEEKDAY,
    WEEKDAYS,
    alt,
)

rule = RuleSet()


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


RULES: tuple[_Rule, ...] = tuple(rule.rules)
