"""Periods of a series (year, quarter, month) and where a partial ISO date falls in them.

Event dates are ISO partial dates (``"1999"``, ``"2012-10"``, ``"2014-06-03"``). A date
belongs to a period when it is at least as precise as the period: ``"1999-09"`` is in
``"1999"``, ``"1999-Q3"`` and ``"1999-09"``, but ``"1999"`` is in no quarter or month.
Such coarse dates are counted apart, never spread or guessed.
"""

from __future__ import annotations

from typing import Final, Literal

__all__ = ["BY", "COARSE", "Unit", "bound_period", "in_range", "period_of", "period_range"]

Unit = Literal["year", "quarter", "month"]
BY: Final[tuple[str, ...]] = ("year", "quarter", "month")

#: ``period_of`` for a date less precise than the period (a year, in a monthly series).
COARSE: Final = "coarse"


def _parts(date: str | None) -> tuple[int, int | None] | None:
    if not date or len(date) < 4 or not date[:4].isdigit():
        return None
    year = int(date[:4])
    if len(date) >= 7 and date[4] == "-" and date[5:7].isdigit() and 1 <= int(date[5:7]) <= 12:
        return year, int(date[5:7])
    return year, None


def period_of(date: str | None, by: str = "year") -> str | None:
    """The period ``date`` falls in: ``"1999"``, ``"1999-Q3"`` or ``"1999-09"``; ``None`` when
    undated (or unreadable); ``COARSE`` when the date is less precise than the period."""
    parts = _parts(date)
    if parts is None:
        return None
    year, month = parts
    if by == "year":
        return f"{year:04d}"
    if month is None:
        return COARSE
    if by == "quarter":
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if by == "month":
        return f"{year:04d}-{month:02d}"
    raise ValueError(f"unknown period {by!r} (year, quarter or month)")


def period_index(period: str, by: str) -> int:
    """A period's position on a line of consecutive periods (years, quarters or months)."""
    year = int(period[:4])
    if by == "year":
        return year
    if by == "quarter":
        return year * 4 + int(period[-1]) - 1
    return year * 12 + int(period[5:7]) - 1


def _label(index: int, by: str) -> str:
    if by == "year":
        return f"{index:04d}"
    if by == "quarter":
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def period_range(first: str, last: str, by: str = "year") -> list[str]:
    """Every period from ``first`` to ``last`` inclusive, empty ones included."""
    return [_label(i, by) for i in range(period_index(first, by), period_index(last, by) + 1)]


def in_range(date: str | None, date_from: str | None, date_to: str | None) -> bool:
    """Whether a dated event overlaps ``[date_from, date_to]`` (ISO partial dates, both
    inclusive: ``"1999"`` overlaps from ``"1999-06"``). Undated events are never in range."""
    if not date:
        return False
    if date_from:
        k = min(len(date), len(date_from))
        if date[:k] < date_from[:k]:
            return False
    if date_to:
        k = min(len(date), len(date_to))
        if date[:k] > date_to[:k]:
            return False
    return True


def bound_period(date: str, by: str, *, end: bool = False) -> str:
    """The period of a --from (or, with ``end``, --to) bound: ``"1999-06"`` by year is
    ``"1999"``; ``"1999"`` by month is ``"1999-01"`` (``"1999-12"`` as an end)."""
    if _parts(date) is None:
        raise ValueError(f"{date!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    p = period_of(date, by)
    if p == COARSE:
        p = period_of(date[:4] + ("-12" if end else "-01"), by)
    assert p is not None
    return p
