"""Publication dates as users and corpora write them, normalised to ISO ``YYYY-MM-DD``.

The one date parser of detente: the readers normalise every document's date with it, and the
temporal tagger reads its publication date (``tag(text, pubdate)``) through it too. It imports
nothing of detente, so every layer may use it.
"""

from __future__ import annotations

import re
from datetime import date as _date

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
# A trailing time of day / zone is allowed and ignored: only the calendar date matters.
_TAIL = r"(?:[\sT,]+.*)?$"
_DATE_FORMS = [
    # 2017-03-02, 2017-03, 2017, 2017/03/02, 2017-03-02T10:00:00Z, 2017-03-02 10:00
    re.compile(r"^(?P<year>\d{4})(?:[-/.](?P<month>\d{1,2})(?:[-/.](?P<day>\d{1,2}))?)?" + _TAIL),
    # 20170302 (compact ISO)
    re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})(?:T.*)?$"),
    # 2 March 2017, Thursday 2nd March 2017, 2 Mar. 2017 10:00 GMT, 02 Mar 2017 (RFC 2822)
    re.compile(r"^" + _WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + _TAIL, re.I),
    # March 2, 2017, Thursday, March 2nd 2017
    re.compile(r"^" + _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _TAIL, re.I),
    # March 2017
    re.compile(r"^" + _MONTH + r",?\s+" + _YEAR + _TAIL, re.I),
]


def normalize_date(value: object) -> str | None:
    """Normalise a publication date to an ISO partial date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).

    Accepts ISO dates and timestamps (``"2017-03-02T10:00:00Z"``), compact ISO
    (``"20170302"``), ``"2 March 2017"``, ``"March 2, 2017"``, ``"March 2017"``, RFC 2822
    (``"Thu, 02 Mar 2017 10:00:00 +0000"``) and a bare year as an int. Numeric day/month
    orders such as ``"02/03/2017"`` are refused because they are ambiguous.

    Returns ``None`` for ``None`` or a blank string; raises ``ValueError`` for anything
    else that is not a real calendar date.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"not a date: {value!r}")
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    s = value.strip()
    if not s:
        return None
    for form in _DATE_FORMS:
        m = form.match(s)
        if m is None:
            continue
        parts = m.groupdict()
        year = int(parts["year"])
        month_s = parts.get("month")
        if month_s is None:
            month = None
        elif month_s.isdigit():
            month = int(month_s)
        else:
            month = _MONTHS.get(month_s.lower())
            if month is None:
                continue  # "Summit 2017" is not a month name; try the next form
        day = int(parts["day"]) if parts.get("day") else None
        try:
            # datetime.date validates month and day (30 February is refused).
            _date(year, month or 1, day or 1)
        except ValueError:
            raise ValueError(f"not a date: {value!r}") from None
        if year < 1:
            break
        if month is None:
            return f"{year:04d}"
        if day is None:
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}-{month:02d}-{day:02d}"
    raise ValueError(f"not a date: {value!r}")
