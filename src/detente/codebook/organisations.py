"""Named organisations from the Phoenix dictionaries: IGOs and their organs, NGOs,
companies and non-state armed groups, each with its CAMEO-style code.

The table is ``data/actors_phoenix.tsv``, compiled by ``scripts/build_codebook.py`` from
Phoenix.International.actors.txt and Phoenix.MilNonState.actors.txt (MIT, see
``data/SOURCE.md``): "Boko Haram" → NGAREB, "Amnesty International" → NGOHRIAMN, a company
→ its country + BUS. Names the hand-written country and IGO tables already have are left to
those tables (their codes follow the gold guide: IGONATO, not Phoenix's IGOWSTNAT).
"""

from __future__ import annotations

from functools import cache

from detente.codebook._data import read_tsv
from detente.codebook.lexicon import LexEntry

__all__ = ["organisation_lexicon"]


def _display(text: str) -> str:
    """The form a name is matched in: an acronym in capitals ("HSM"), a one-word name
    capitalised ("Hamas"); longer names stay lowercase and match in any case."""
    if " " in text:
        return text
    if len(text) <= 5 and not any(ch in "aeiou" for ch in text[1:]):
        return text.upper()
    if len(text) <= 4:
        return text.upper()
    return text[:1].upper() + text[1:]


@cache
def _entries() -> tuple[LexEntry, ...]:
    from detente.codebook.countries import country_lexicon
    from detente.codebook.igos import igo_lexicon

    known = {e.text.lower() for e in [*country_lexicon(), *igo_lexicon()]}
    return tuple(
        LexEntry(_display(r["text"]), r["code"], None, "org")
        for r in read_tsv("actors_phoenix.tsv")
        if r["text"] not in known
    )


def organisation_lexicon() -> list[LexEntry]:
    """Every organisation name with its code (kind ``org``)."""
    return list(_entries())
