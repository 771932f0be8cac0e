"""Rules for times of day, durations, sets ("every year") and holidays."""

from __future__ import annotations

import re

from detente.nlp.timex import relative
from detente.nlp.timex.base import _R, RuleSet, _after_word, _Rule, _State, _year_for
from detente.nlp.timex.calendar import (
    YEARX,
    _duration,
    _fd,
    _num,
    _parse_year,
    _unit_key,
)
from detente.nlp.timex.lexicon import (
    NUM,
    UNIT,
    WEEKDAY,
)

rule = RuleSet()


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
    # "today at 10 a.m.", "Tuesday at noon": the day-naming rules live with the relative ones.
    for r in relative.RULES:
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


RULES: tuple[_Rule, ...] = tuple(rule.rules)
