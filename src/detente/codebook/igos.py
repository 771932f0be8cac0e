"""Intergovernmental organisations: acronyms, names and aliases → ``IGO`` + acronym codes.

The table is ``data/igos.tsv`` (hand-written; see ``data/SOURCE.md``). Codes follow the
gold guide: ``IGOSCO``, ``IGOUNO`` (the UN, its Security Council and General Assembly),
``IGOOIC``, ``IGOSEATO``, ``IGOCENTO``, ``IGONATO`` …
"""

from __future__ import annotations

from functools import cache

from detente.codebook._data import read_tsv
from detente.codebook.lexicon import LexEntry

__all__ = ["find_igo", "igo_codes", "igo_lexicon", "igo_name"]


@cache
def _rows() -> tuple[dict[str, str], ...]:
    return tuple(read_tsv("igos.tsv"))


@cache
def _entries() -> tuple[LexEntry, ...]:
    out: list[LexEntry] = []
    seen: set[str] = set()

    def add(text: str, code: str, kind: str) -> None:
        text = " ".join(text.split())
        if text and text.lower() not in seen:
            seen.add(text.lower())
            out.append(LexEntry(text, code, None, kind))

    for r in _rows():
        add(r["acronym"], r["code"], "acronym")
        add(r["name"], r["code"], "name")
        for alias in r["aliases"].split("|"):
            add(alias, r["code"], "alias")
    return tuple(out)


def igo_lexicon() -> list[LexEntry]:
    """Every IGO text with its code; kind is acronym, name or alias."""
    return list(_entries())


def find_igo(text: str) -> LexEntry | None:
    """The entry for an exact text: acronyms match case-sensitively, names in any case.

    Acronyms are case-sensitive because several are English words ("WHO", "AU", "Quad").
    """
    key = " ".join(text.split())
    for e in _entries():
        if e.kind == "acronym":
            if e.text == key:
                return e
        elif e.text.lower() == key.lower():
            return e
    return None


def igo_name(code: str) -> str:
    """The full name of an IGO code (the first row with that code).

    Raises:
        KeyError: an unknown code.
    """
    for r in _rows():
        if r["code"] == code:
            return r["name"]
    raise KeyError(code)


def igo_codes() -> list[str]:
    """Every IGO code, without repeats."""
    return list(dict.fromkeys(r["code"] for r in _rows()))
