"""The column layouts of GDELT, ICEWS and POLECAT event files, as SQL over split lines.

Each layout turns a line split on tabs (``f``, a DuckDB list, 1-based; ``n`` its length)
into the same staged columns, so one importer handles all three:

    record_id    the dataset's id of the record (GLOBALEVENTID, Event ID)
    date_raw     the event's own date field as written (SQLDATE, Event Date)
    pub_raw      when the dataset saw the report (GDELT DATEADDED, POLECAT Publication Date)
    src_key      the actor fields that decide the source's detente code, joined by \\x1f
    tgt_key      the same for the target
    src_text     the source actor's name; tgt_text the target's
    src_orig     the dataset's own actor code(s), kept as provenance; tgt_orig
    code_key     the event code (and PLOVER mode) that decide the CAMEO code
    code_orig    the dataset's own event code
    doc_id       the report: GDELT's SOURCEURL, ICEWS's story, POLECAT's record
    url          the report's URL where the dataset gives one
    trigger      the dataset's words for the act (ICEWS Event Text)
    width_ok     whether the line has the layout's number of columns

GDELT files have no header: the number of columns tells 1.0 (57 in the 1979–2013 backfile,
58 in the daily files, which add SOURCEURL) from 2.0 (61; each geography has an ADM2 code).
Their first 35 columns are the same. ICEWS and POLECAT files start with a header line, and
columns are found by their documented names.
"""

from __future__ import annotations

from dataclasses import dataclass

from detente.errors import InputError

__all__ = ["DATASETS", "Layout", "layout_for"]

_SEP = "chr(31)"  # joins the fields of a lookup key


def _nz(expr: str, na: bool = False) -> str:
    """The field, or '' when missing (ICEWS writes missing values as ``NA``)."""
    if na:
        return f"coalesce(nullif(nullif({expr}, 'NA'), ''), '')"
    return f"coalesce({expr}, '')"


def _key(*exprs: str, na: bool = False) -> str:
    return f"concat_ws({_SEP}, {', '.join(_nz(e, na) for e in exprs)})"


@dataclass(frozen=True)
class Layout:
    """How to read one file: SQL for each staged column, the date formats, a width message."""

    dataset: str
    columns: dict[str, str]
    date_format: str  # strptime format of date_raw (after taking its first ``date_chars``)
    date_chars: int
    pub_format: str | None
    pub_chars: int
    width: str  # "57, 58 or 61" — what a good line has, for messages

    def select_sql(self) -> str:
        return ", ".join(f"{expr} AS {name}" for name, expr in self.columns.items())


def _gdelt() -> Layout:
    def actor(first: int) -> tuple[str, str, str, str]:
        # ActorCode, ActorName, CountryCode, KnownGroupCode at first..first+3; Type1 at +7.
        key = _key(f"f[{first}]", f"f[{first + 2}]", f"f[{first + 3}]", f"f[{first + 7}]")
        return key, f"f[{first + 1}]", f"nullif(f[{first}], '')", ""

    src_key, src_text, src_orig, _ = actor(6)
    tgt_key, tgt_text, tgt_orig, _ = actor(16)
    url = "CASE n WHEN 61 THEN nullif(f[61], '') WHEN 58 THEN nullif(f[58], '') END"
    return Layout(
        dataset="gdelt",
        columns={
            "record_id": "f[1]",
            "date_raw": "f[2]",
            "pub_raw": "CASE n WHEN 61 THEN f[60] ELSE f[57] END",
            "src_key": src_key,
            "tgt_key": tgt_key,
            "src_text": _nz(src_text),
            "tgt_text": _nz(tgt_text),
            "src_orig": src_orig,
            "tgt_orig": tgt_orig,
            "code_key": _nz("f[27]"),
            "code_orig": "f[27]",
            "doc_id": f"coalesce({url}, 'gdelt:' || f[1])",
            "url": url,
            "trigger": "''",
            "width_ok": "n IN (57, 58, 61)",
        },
        date_format="%Y%m%d",
        date_chars=8,
        pub_format="%Y%m%d",
        pub_chars=8,
        width="57, 58 or 61",
    )


#: ICEWS Dataverse column names (the 20 of the yearly ``events.YYYY.tab`` files).
ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)

#: POLECAT release column names (the weekly/yearly ``.txt`` files on Dataverse,
#: doi:10.7910/DVN/AJGVIT); only those the import needs are required.
POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Intensity",
    "Quad Code",
    "Contexts",
    "Actor Name",
    "Actor Country",
    "Actor COW",
    "Primary Actor Sector",
    "Actor Sectors",
    "Actor Title",
    "Actor Name Raw",
    "Wikipedia Actor ID",
    "Recipient Name",
    "Recipient Country",
    "Recipient COW",
    "Primary Recipient Sector",
    "Recipient Sectors",
    "Recipient Title",
    "Recipient Name Raw",
    "Wikipedia Recipient ID",
    "Placename",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Story People",
    "Story Organizations",
    "Story Locations",
    "Language",
    "Version",
)
_ICEWS_NEEDED = ICEWS_COLUMNS[:13]
_POLECAT_NEEDED = (
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Actor Name",
    "Actor Country",
    "Primary Actor Sector",
    "Recipient Name",
    "Recipient Country",
    "Primary Recipient Sector",
)


def _positions(header: list[str], needed: tuple[str, ...], where: str, what: str) -> dict[str, str]:
    names = [h.strip().lstrip("\ufeff") for h in header]
    missing = [c for c in needed if c not in names]
    if missing:
        raise InputError(
            where,
            f"not {what} file: its header lacks the column(s) {', '.join(missing)} "
            f"(line 1 has {len(names)} columns)",
        )
    return {c: f"f[{names.index(c) + 1}]" for c in names}


def _icews(header: list[str], where: str) -> Layout:
    c = _positions(header, _ICEWS_NEEDED, where, "an ICEWS events")

    def orig(side: str) -> str:
        parts = ", ".join(_nz(c[f"{side} {p}"], na=True) for p in ("Name", "Sectors", "Country"))
        return f"concat_ws(' | ', {parts})"

    story = f"nullif(nullif({c['Story ID']}, 'NA'), '')"
    return Layout(
        dataset="icews",
        columns={
            "record_id": c["Event ID"],
            "date_raw": c["Event Date"],
            "pub_raw": "NULL",
            "src_key": _key(c["Source Name"], c["Source Sectors"], c["Source Country"], na=True),
            "tgt_key": _key(c["Target Name"], c["Target Sectors"], c["Target Country"], na=True),
            "src_text": _nz(c["Source Name"], na=True),
            "tgt_text": _nz(c["Target Name"], na=True),
            "src_orig": orig("Source"),
            "tgt_orig": orig("Target"),
            "code_key": _nz(c["CAMEO Code"]),
            "code_orig": c["CAMEO Code"],
            "doc_id": f"coalesce('icews:story:' || {story}, 'icews:event:' || {c['Event ID']})",
            "url": "NULL",
            "trigger": _nz(c["Event Text"], na=True),
            "width_ok": f"n = {len(header)}",
        },
        date_format="%Y-%m-%d",
        date_chars=10,
        pub_format=None,
        pub_chars=0,
        width=str(len(header)),
    )


def _polecat(header: list[str], where: str) -> Layout:
    c = _positions(header, _POLECAT_NEEDED, where, "a POLECAT events")

    def orig(side: str, sector: str) -> str:
        parts = ", ".join(_nz(c[k]) for k in (f"{side} Name", f"{side} Country", sector))
        return f"concat_ws(' | ', {parts})"

    return Layout(
        dataset="polecat",
        columns={
            "record_id": c["Event ID"],
            "date_raw": c["Event Date"],
            "pub_raw": c.get("Publication Date", "NULL"),
            "src_key": _key(c["Actor Country"], c["Primary Actor Sector"], c["Actor Name"]),
            "tgt_key": _key(
                c["Recipient Country"], c["Primary Recipient Sector"], c["Recipient Name"]
            ),
            "src_text": _nz(c["Actor Name"]),
            "tgt_text": _nz(c["Recipient Name"]),
            "src_orig": orig("Actor", "Primary Actor Sector"),
            "tgt_orig": orig("Recipient", "Primary Recipient Sector"),
            "code_key": _key(c["Event Type"], c["Event Mode"]),
            "code_orig": f"concat_ws('/', {c['Event Type']}, nullif({c['Event Mode']}, ''))",
            "doc_id": f"'polecat:' || {c['Event ID']}",
            "url": "NULL",
            "trigger": "''",
            "width_ok": f"n = {len(header)}",
        },
        date_format="%Y-%m-%d",
        date_chars=10,
        pub_format="%Y-%m-%d",
        pub_chars=10,
        width=str(len(header)),
    )


#: Dataset name -> whether its files start with a header line.
DATASETS: dict[str, bool] = {"gdelt": False, "icews": True, "polecat": True}


def layout_for(dataset: str, header: list[str] | None, where: str) -> Layout:
    """The layout of a file of ``dataset`` (``header``: its first line split on tabs)."""
    if dataset == "gdelt":
        return _gdelt()
    if header is None:
        raise InputError(where, "the file is empty (no header line)")
    return _icews(header, where) if dataset == "icews" else _polecat(header, where)
