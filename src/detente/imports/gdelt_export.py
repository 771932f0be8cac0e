"""Writing the stored events as a GDELT 2.0 event export (``detente export --format gdelt``).

The file has GDELT 2.0's 61 tab-separated columns in their documented order, no header and
no quoting, so tools written for GDELT's ``*.export.CSV`` files read detente's events:

* ``SQLDATE`` / ``MonthYear`` / ``Year`` / ``FractionDate`` come from the event's date
  (``FractionDate`` as GDELT computes it: year + ((month − 1) × 30 + day) / 365). An event
  dated to a month or a year only gets ``00`` for the unknown day or month — GDELT has no
  such dates, but inventing a day would misdate the event. Undated events, events dated
  otherwise (a decade, a season) and negated events ("decided not to visit", which GDELT
  cannot express) are left out and counted.
* Actors: ``Actor1Code`` is detente's code, ``Actor1CountryCode`` its country (ISO3),
  ``Actor1Type1Code`` its sector, ``Actor1KnownGroupCode`` the organisation of an ``IGO``
  code (in GDELT's three-letter form where it has one), ``Actor1Name`` the words of the text.
* ``EventCode``, ``EventBaseCode``, ``EventRootCode``, ``QuadClass`` and ``GoldsteinScale``
  are detente's; ``NumMentions`` is the event's mentions, ``NumSources`` and ``NumArticles``
  its distinct reports; ``SOURCEURL`` the first report's URL (or its document id) and
  ``DATEADDED`` when that report was stored. Tone and geography are left empty.
"""

from __future__ import annotations

import sys
from pathlib import Path

from detente.imports.codes import GDELT_GROUPS
from detente.io.writers import atomic_output
from detente.store import Store

__all__ = ["GDELT2_COLUMNS", "write_gdelt"]

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "Fullname", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

#: GDELT 2.0 event table columns, in file order (GDELT 2.0 Event Codebook, 2015).
GDELT2_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED",
    "SOURCEURL",
)
assert len(GDELT2_COLUMNS) == 61

_DATED = r"regexp_full_match(e.date, '\d{4}(-\d{2}(-\d{2})?)?')"


def _clean(expr: str) -> str:
    """A field without the tabs and line breaks that would break GDELT's format."""
    return f"regexp_replace(coalesce(CAST({expr} AS VARCHAR), ''), '[\\t\\r\\n]+', ' ', 'g')"


def _actor(code: str, text: str) -> list[str]:
    igo = f"starts_with({code}, 'IGO')"
    groups = " ".join(
        f"WHEN '{igo_code}' THEN '{group}'"
        for group, igo_code in sorted(GDELT_GROUPS.items(), key=lambda kv: kv[1])
    )
    return [
        _clean(code),
        _clean(f"upper({text})"),
        f"CASE WHEN {igo} THEN '' ELSE left({code}, 3) END",
        f"CASE WHEN {igo} THEN CASE {code} {groups} ELSE substr({code}, 4) END ELSE '' END",
        "''",
        "''",
        "''",
        f"CASE WHEN {igo} THEN '' ELSE substr({code}, 4, 3) END",
        "''",
        "''",
    ]


def _select() -> str:
    month = "CASE WHEN length(e.date) >= 7 THEN substr(e.date, 6, 2) ELSE '00' END"
    day = "CASE WHEN length(e.date) = 10 THEN substr(e.date, 9, 2) ELSE '00' END"
    fraction = (
        f"printf('%.4f', CAST(left(e.date, 4) AS INTEGER) + "
        f"(greatest(CAST({month} AS INTEGER) - 1, 0) * 30 + CAST({day} AS INTEGER)) / 365.0)"
    )
    geo = ["'0'", *["''"] * 7]
    fields = [
        "CAST(row_number() OVER (ORDER BY e.first_seq, e.event_id) AS VARCHAR)",
        f"left(e.date, 4) || {month} || {day}",
        f"left(e.date, 4) || {month}",
        "left(e.date, 4)",
        fraction,
        *_actor("e.source", "e.source_text"),
        *_actor("e.target", "e.target_text"),
        "'0'",
        "e.cameo",
        "left(e.cameo, 3)",
        "e.root",
        "CAST(e.quad AS VARCHAR)",
        "CAST(e.goldstein AS VARCHAR)",
        "CAST(e.mentions AS VARCHAR)",
        "CAST(e.sources AS VARCHAR)",
        "CAST(e.sources AS VARCHAR)",
        "''",
        *geo,
        *geo,
        *geo,
        "coalesce(strftime(d.ingested_at, '%Y%m%d%H%M%S'), '')",
        _clean("coalesce(d.url, e.doc)"),
    ]
    assert len(fields) == 61
    return (
        f"SELECT concat_ws(chr(9), {', '.join(fields)}) AS line "
        "FROM event_records AS e LEFT JOIN documents AS d ON d.doc_id = e.doc "
        f"WHERE {_DATED} AND NOT e.negated ORDER BY e.first_seq, e.event_id"
    )


def write_gdelt(store: Store, out: str | Path | None) -> tuple[int, int]:
    """Write the store's events as GDELT 2.0 TSV to ``out`` (``None`` or ``"-"``: stdout).

    Returns (events written, events left out: undated, dated otherwise, or negated). A file
    is written atomically: an interrupted export leaves no half-written file.
    """
    con = store._connection()
    total = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    reader = con.sql(_select()).to_arrow_reader(50_000)

    def write(fh) -> int:  # type: ignore[no-untyped-def]
        n = 0
        for batch in reader:
            lines = batch.column(0).to_pylist()
            if lines:
                fh.write("\n".join(lines) + "\n")
                n += len(lines)
        return n

    if out is None or str(out) == "-":
        written = write(sys.stdout)
        sys.stdout.flush()
    else:
        with atomic_output(out) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
            written = write(fh)
    return written, total - written
