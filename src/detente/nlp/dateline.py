"""Wire-news datelines: "NAIROBI, March 12 (Reuters) -", "KABUL -", "Beijing, 3 May (Xinhua) --".

A dateline is not part of the sentence it opens: parsed with it, the place becomes a
subject ("NAIROBI ... Kenya expelled") and the date a modifier of nothing. detente reads the
dateline (place, date, agency), parses a copy of the text in which its characters are
blanked (same length, so every offset into the copy is an offset into the original, as
with re-cased headlines), and uses its date as the document's reference date when no
publication date is given. The sentence it opens keeps its original text.

Only the opening of a story is searched: a dateline stands at the start of the first
line of body text, possibly under a headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d\d"
#: "March 12", "Jan. 5, 2014", "3 May", "3 May 2014", optionally after a weekday.
_DATE_PARTS = re.compile(
    rf"(?:{_WEEKDAY},?\s+)?(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?|{_WEEKDAY})"
)
_DATE = re.sub(r"\?P<\w+>", "", _DATE_PARTS.pattern)
#: A place in capitals ("NAIROBI", "RIO DE JANEIRO", "WASHINGTON, D.C.", "TONGA (Nigeria)").
_CAPS_PLACE = (
    r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]*){0,3}"
    rf"(?:,\s+(?!{_WEEKDAY}|{_MONTH}\b)[A-Z][A-Za-z.]{{1,12}})?"
)
#: A place in Title Case ("Beijing", "Addis Ababa"): a dateline only with a date or agency.
_TITLE_PLACE = r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}"
_AGENCY = r"\([A-Z][\w .&/'’-]{1,30}\)"
_DASH = r"\s*(?:-{1,2}|–|—|:)\s*"
_DATELINE = re.compile(
    rf"(?P<place>{_CAPS_PLACE})(?:\s+(?P<paren>\([A-Z][\w .'-]{{1,30}}\)))?"
    rf"(?:,\s*(?P<date>{_DATE}))?\s*(?P<agency>{_AGENCY})?{_DASH}(?=[\"“‘']?[A-Z0-9])"
    rf"|(?P<tplace>{_TITLE_PLACE})(?:,\s*(?P<tdate>{_DATE}))?\s*(?P<tagency>{_AGENCY})?{_DASH}"
    r"(?=[\"“‘']?[A-Z0-9])"
)
#: How far into a document a dateline may start (a headline and a byline may come first).
_SEARCH_CHARS = 400


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline and where it is: ``[start, end)`` covers it with its dash."""

    start: int
    end: int
    place: str
    agency: str | None
    date_text: str | None
    month: int | None = None
    day: int | None = None
    year: int | None = None

    def value(self, pubdate: str | None = None) -> str | None:
        """The dateline's date as ISO ``YYYY-MM-DD``. A year-less dateline takes the year that
        puts it nearest ``pubdate``; without a publication date it has no value."""
        if self.month is None or self.day is None:
            return self._weekday_value(pubdate)
        year = self.year
        if year is None:
            ref = _ymd(pubdate)
            if ref is None:
                return None
            here = date(*ref)
            options = [
                y for y in (ref[0] - 1, ref[0], ref[0] + 1) if _valid(y, self.month, self.day)
            ]
            if not options:
                return None
            year = min(options, key=lambda y: abs((date(y, self.month, self.day) - here).days))
        if not _valid(year, self.month, self.day):
            return None
        return f"{year:04d}-{self.month:02d}-{self.day:02d}"

    def _weekday_value(self, pubdate: str | None) -> str | None:
        """ "NAIROBI, Wednesday (AFP) -": the last such weekday on or before ``pubdate``."""
        ref = _ymd(pubdate)
        m = _WEEKDAY_ONLY.fullmatch(self.date_text or "")
        if ref is None or m is None:
            return None
        here = date(*ref)
        wd = _WEEKDAYS.index(m[1].lower()[:3])
        return (here - timedelta(days=(here.weekday() - wd) % 7)).isoformat()


_WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_WEEKDAY_ONLY = re.compile(rf"({_WEEKDAY})")


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _ymd(pubdate: str | None) -> tuple[int, int, int] | None:
    m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", pubdate or "")
    if not m or not _valid(int(m[1]), int(m[2]), int(m[3])):
        return None
    return int(m[1]), int(m[2]), int(m[3])


def find_dateline(text: str) -> Dateline | None:
    """The dateline that opens a story, if any: at the start of a line in its first
    :data:`_SEARCH_CHARS` characters, on the line that starts the body (not a headline)."""
    pos = 0
    n = min(len(text), _SEARCH_CHARS)
    while pos < n:
        eol = text.find("\n", pos)
        eol = len(text) if eol < 0 else eol
        line_start = pos
        while line_start < eol and text[line_start] in " \t\r\f\v":
            line_start += 1
        if line_start < eol:
            found = _match_at(text, line_start, eol)
            if found is not None:
                return found
        pos = eol + 1
    return None


def _match_at(text: str, start: int, eol: int) -> Dateline | None:
    m = _DATELINE.match(text, start, eol)
    if m is None:
        return None
    place = m["place"] or m["tplace"]
    date_text = m["date"] or m["tdate"]
    agency = (m["agency"] or m["tagency"] or m["paren"] or "").strip("()") or None
    if m["tplace"] is not None and (not (date_text or agency) or place.split()[0] in _NOT_PLACES):
        return None  # "Kenya - a country of ..." is not a dateline
    if m["place"] is not None and not (date_text or agency) and not _known_place(place):
        return None
    month = day = year = None
    parts = _DATE_PARTS.fullmatch(date_text) if date_text else None
    if parts is not None:
        mon = parts["m1"] or parts["m2"]
        if mon:
            month = _MONTHS[_mkey(mon)]
            day = int(re.match(r"\d+", parts["d1"] or parts["d2"])[0])  # type: ignore[index]
            y = parts["y1"] or parts["y2"]
            year = int(y) if y else None
    return Dateline(m.start(), m.end(), place.strip(), agency, date_text, month, day, year)


def _mkey(mon: str) -> str:
    key = mon.lower().rstrip(".")
    return key if key in _MONTHS else key[:3]


#: Capitalised line openings that are not places ("UPDATE -", "BREAKING:", "MONDAY -").
_NOT_PLACES = {
    "Update", "Breaking", "Note", "Editor", "Correction", "Urgent", "Flash", "Analysis",
    "Opinion", "Photo", "Video", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
}  # fmt: skip


def _known_place(place: str) -> bool:
    """A bare "KABUL -" dateline, with neither date nor agency: the place must be a country
    or capital detente knows, so that "READ MORE:" or "DETAILS -" are not taken for one."""
    city = place.split(",")[0].strip().lower()
    letters = sum(ch.isalpha() for ch in city)
    return letters >= 4 and city.title() not in _NOT_PLACES and city in _places()


@cache
def _places() -> frozenset[str]:
    from detente.codebook.lexicon import lexicon

    return frozenset(item.text.lower() for item in lexicon() if item.kind in {"name", "capital"})


def blank(text: str, dateline: Dateline | None) -> str:
    """``text`` with the dateline's characters replaced by spaces (same length)."""
    if dateline is None:
        return text
    return text[: dateline.start] + " " * (dateline.end - dateline.start) + text[dateline.end :]
