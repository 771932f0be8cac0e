"""Translating the actor and event codes of GDELT, ICEWS and POLECAT into detente's codes.

detente names an actor by an ISO 3166 alpha-3 country code, optionally followed by a
CAMEO sector (``PAKGOV``, ``RUSMIL``), or by ``IGO`` and an organisation's acronym
(``IGOUNO``); events by a CAMEO code, whose Goldstein score, quad class and PLOVER type
come from detente's codebook (:mod:`detente.codebook.cameo`). Each function here maps the
distinct values found in a file (a few thousand at most), never one call per row.
"""

from __future__ import annotations

import re
from functools import cache

from detente.codebook.cameo import all_codes, cameo_info
from detente.codebook.countries import country_codes, find_country
from detente.codebook.igos import find_igo, igo_codes

__all__ = [
    "GDELT_GROUPS",
    "SECTORS",
    "cameo_values",
    "gdelt_actor",
    "icews_actor",
    "icews_sector",
    "plover_to_cameo",
    "polecat_actor",
]

#: CAMEO's domestic role codes (GDELT's ``CAMEO.type.txt``), which follow a country code
#: in detente's actor codes. PLOVER's sector codes are the same three-letter codes.
SECTORS = frozenset(
    {
        *("GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "SEP", "SPY", "UAF", "AGR"),
        *("BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "MED", "REF"),
        *("REL", "PTY"),
    }
)

#: CAMEO country codes that are not ISO 3166 alpha-3 (the gold guide asks for ISO codes).
_CAMEO_TO_ISO = {"ROM": "ROU", "TMP": "TLS", "MTN": "MNE", "IMY": "IMN", "WBK": "PSE", "GZS": "PSE"}

#: GDELT known-group codes of intergovernmental bodies whose detente code is not
#: ``IGO`` + the same letters (GDELT's ``CAMEO.knowngroup.txt`` labels).
GDELT_GROUPS = {
    "NAT": "IGONATO",
    "ASN": "IGOASEAN",
    "EEC": "IGOEU",
    "UNO": "IGOUNO",
    "OAS": "IGOOAS",
    "WBK": "IGOWBK",
    "AFB": "IGOAFDB",
    "OPC": "IGOOPEC",
    "SCO": "IGOSCO",
    "CIS": "IGOCIS",
    "GCC": "IGOGCC",
    "ARL": "IGOARL",
    "AFU": "IGOAU",
}

#: ICEWS country names that detente's country table spells otherwise.
_ICEWS_COUNTRIES = {
    "the former yugoslav republic of macedonia": "MKD",
    "congo": "COG",
    "congo, democratic republic of": "COD",
    "occupied palestinian territory": "PSE",
    "serbia and montenegro": "SRB",
    "man, isle of": "IMN",
}

#: ICEWS sectors (the comma-separated ``Source Sectors``), in the order they decide the
#: CAMEO sector: the armed and coercive branches before government in general, which
#: ICEWS adds to most of them ("Military,Government").
_ICEWS_SECTORS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("MIL", ("Military", "Army", "Navy", "Air Force", "Marines", "Military Personnel")),
    ("COP", ("Police",)),
    ("SPY", ("Intelligence",)),
    ("JUD", ("Judicial",)),
    (
        "LEG",
        ("Legislative / Parliamentary", "Lower House", "Upper House", "Unicameral", "Legislature"),
    ),
    ("REB", ("Rebel", "Insurgents", "Separatists", "Unidentified Forces")),
    ("GOV", ("Government", "Executive", "Executive Office", "Cabinet", "Head of Government")),
    (
        "OPP",
        (
            "Dissident",
            "Protestors / Popular Opposition / Mobs",
            "Opposition Major Party (Out Of Government)",
        ),
    ),
    ("ELI", ("Elite",)),
    ("BUS", ("Business",)),
    ("MED", ("Media", "News", "State Media")),
    ("EDU", ("Education",)),
    ("LAB", ("Labor",)),
    ("CRM", ("Criminals / Gangs",)),
    ("HRI", ("Human Rights NGOs", "Human Rights IGOs")),
    ("HLH", ("Medical / Health", "Medical / Health NGOs")),
    ("AGR", ("Agricultural",)),
    ("REF", ("Refugees / Displaced",)),
    ("REL", ("International Religious", "National Religious")),
    ("CVL", ("General Population / Civilian / Social",)),
)
_PAREN = re.compile(r"\s*\([^)]*\)\s*$")


@cache
def _isos() -> frozenset[str]:
    return frozenset(country_codes())


def _iso(code: str) -> str | None:
    code = code.strip().upper()
    code = _CAMEO_TO_ISO.get(code, code)
    return code if code in _isos() else None


@cache
def _igos() -> frozenset[str]:
    return frozenset(igo_codes())


def gdelt_actor(code: str, country: str, group: str, type1: str) -> str | None:
    """detente's code for a GDELT actor (``Actor1Code``, ``Actor1CountryCode``,
    ``Actor1KnownGroupCode``, ``Actor1Type1Code``), or None when it names no country or
    known intergovernmental body (a bare role like ``GOV``, a region like ``AFR``)."""
    if country:
        iso = _iso(country)
        if iso is None:
            return None
        return iso + (type1 if type1 in SECTORS else "")
    if group or code.startswith("IGO"):
        igo = GDELT_GROUPS.get(group) or f"IGO{group}"
        if igo in _igos():
            return igo
        if code.startswith("IGO") and code[:6] in _igos():
            return code[:6]
    return None


def icews_sector(sectors: str) -> str:
    """The CAMEO sector of an ICEWS actor's sector list ("" when none applies)."""
    have = {s.strip() for s in sectors.split(",")}
    for sector, names in _ICEWS_SECTORS:
        if any(n in have for n in names):
            return sector
    if any(s.endswith("Ministry") for s in have):
        return "GOV"
    return ""


@cache
def _icews_country(name: str) -> str | None:
    key = " ".join(name.split()).lower()
    if key in _ICEWS_COUNTRIES:
        return _ICEWS_COUNTRIES[key]
    hit = find_country(name)
    if hit is None and "," in name:  # "Korea, Republic of" -> "Republic of Korea"
        head, _, tail = name.partition(",")
        hit = find_country(f"{tail.strip()} {head.strip()}")
        hit = hit or find_country(head)
    return hit.code[:3] if hit is not None and not hit.code.startswith("IGO") else None


def _igo_by_name(name: str) -> str | None:
    for text in (name, _PAREN.sub("", name)):
        hit = find_igo(text) if text else None
        if hit is not None:
            return hit.code
    return None


def icews_actor(name: str, sectors: str, country: str) -> str | None:
    """detente's code for an ICEWS actor (``Source Name``, ``Source Sectors``, ``Source
    Country``; ``NA`` is empty): the country's ISO3 code and the sector, or an IGO found by
    name when there is no country. None for anything else (people and firms without a
    country, regions such as "Africa")."""
    if country:
        iso = _icews_country(country)
        return None if iso is None else iso + icews_sector(sectors)
    return _igo_by_name(name)


def polecat_actor(country: str, sector: str, name: str) -> str | None:
    """detente's code for a POLECAT actor (``Actor Country`` ISO3, ``Primary Actor
    Sector``, ``Actor Name``)."""
    if country:
        iso = _iso(country)
        if iso is None:
            return None
        code = sector.strip().upper()
        return iso + (code if code in SECTORS else icews_sector(sector))
    return _igo_by_name(name)


def cameo_values(code: str) -> tuple[str, str, float, int, str | None] | None:
    """(cameo, root, goldstein, quad, plover) from detente's codebook, or None when the code
    is not CAMEO (a 4-digit code CAMEO lacks takes its parent's values, as GDELT does)."""
    try:
        info = cameo_info(code)
    except KeyError:
        return None
    return info.code, info.root, info.goldstein, info.quad, info.plover


@cache
def _plover_index() -> dict[tuple[str, str], str]:
    """(PLOVER type, mode) -> the first CAMEO code mapped to it; mode "" for the type."""
    out: dict[tuple[str, str], str] = {("ACCUSE", ""): "11"}  # disapprove, not investigate
    infos = sorted((cameo_info(c) for c in all_codes()), key=lambda i: i.level)  # stable
    for info in infos:
        code = info.code
        if not info.plover:
            continue
        out.setdefault((info.plover, (info.plover_mode or "").lower()), code)
        out.setdefault((info.plover, ""), code)
    return out


def plover_to_cameo(event_type: str, mode: str = "") -> str | None:
    """The CAMEO code for a PLOVER event type (and mode): the most general code (roots first,
    then codebook order) that the CAMEO→PLOVER table (Schrodt 2021) maps to that type and
    mode, else to the type (``CONSULT`` → ``04``, ``CONSULT``/``visit`` → ``042``;
    ``ACCUSE`` alone → ``11``, disapprove, rather than 09, investigate)."""
    key = event_type.strip().upper()
    index = _plover_index()
    return index.get((key, mode.strip().lower())) or index.get((key, ""))
