"""The actor lexicon: every phrase that names a country, an IGO or a sector, as one type.

:class:`LexEntry` is the one entry type of the country and IGO tables, of the lexicon the
actor component matches (:func:`lexicon`), and of users' and PETRARCH-format dictionaries
(:mod:`detente.dictionaries`, :mod:`detente.evaluation.petrarch`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from detente.codebook._data import read_tsv_rows

__all__ = ["LexEntry", "combining_forms", "lexicon"]


@dataclass(frozen=True, slots=True)
class LexEntry:
    """A way a text names an actor.

    ``code`` is the ISO 3166 alpha-3 country code (``"RUS"``), the IGO code (``"IGOSCO"``),
    or None for a role word that names only a sector ("foreign minister" → ``GOV``);
    ``sector`` is a CAMEO sector (``"GOV"``) or None when the words name the actor as a
    whole. ``kind`` says what sort of name it is: for countries one of name, short, old,
    demonym, capital, metonym, combining; for IGOs acronym, name, alias in the IGO table
    and ``igo`` in the lexicon; ``agent`` for role words.
    """

    text: str
    code: str | None
    sector: str | None
    kind: str

    @property
    def actor_code(self) -> str | None:
        """The CAMEO-style actor code: country plus sector (``"RUSGOV"``), or the IGO code;
        None for a role word, which names no actor on its own."""
        return None if self.code is None else self.code + (self.sector or "")


@cache
def combining_forms() -> tuple[LexEntry, ...]:
    """Combining forms and clipped names used in compounds ("Indo-", "Sino-", "Pak-")."""
    return tuple(
        LexEntry(form, code, None, "combining")
        for form, code, *_ in read_tsv_rows("combining_forms.tsv")
    )


@cache
def lexicon() -> tuple[LexEntry, ...]:
    """Every phrase that names a country, an IGO or a sector, from the codebook tables.

    The order matters: among equal matches the earlier entry wins.
    """
    from detente.codebook import agents, countries, igos, organisations

    items: list[LexEntry] = list(countries.country_lexicon())
    items += (LexEntry(e.text, e.code, None, "igo") for e in igos.igo_lexicon())
    items += (LexEntry(e.text, e.code, None, "org") for e in organisations.organisation_lexicon())
    items += countries.place_lexicon()
    items += (LexEntry(e.text, None, e.sector, "agent") for e in agents.agent_lexicon())
    items += combining_forms()
    return tuple(items)
