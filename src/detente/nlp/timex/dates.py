"""Rules for calendar expressions: explicit dates, months, years, decades, centuries, seasons,
quarters and halves."""

from __future__ import annotations

import re

from detente.nlp.timex.base import _R, RuleSet, _after_word, _Rule, _State, _year_for
from detente.nlp.timex.calendar import (
    _AD,
    _BC,
    _ORD_WORDS,
    _YEAR_OK,
    YEARX,
    _day,
    _fd,
    _fm,
    _fy,
    _month,
    _ok_date,
    _parse_year,
)
from detente.nlp.timex.lexicon import (
    AMBIGUOUS_MONTHS,
    COUNT_NOUNS,
    DATE_PREP,
    DAY,
    MONTH,
    ORDINALS,
    SEASON,
    SEASONS,
    WEEKDAY,
    YEAR4,
)

rule = RuleSet()


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


RULES: tuple[_Rule, ...] = tuple(rule.rules)
