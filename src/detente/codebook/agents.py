"""Role words ("foreign secretary", "troops", "the Duma") → CAMEO sector codes.

The table is ``data/agents.tsv``, hand-written after the gold guide's sector table (R5)
and cross-checked against Phoenix.agents.txt (see ``data/SOURCE.md``). Decisions: defence
ministers and ministries are GOV (they are government); spokespeople are GOV (they speak for
a government); protesters, students and pilgrims are CVL; militants are REB.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from detente.codebook._data import read_tsv

__all__ = ["SECTORS", "AgentTerm", "agent_lexicon", "agent_sector"]

#: The sectors the gold guide uses, plus OPP/MED/EDU/REL from CAMEO's type table.
SECTORS: tuple[str, ...] = (
    "GOV", "MIL", "LEG", "JUD", "SPY", "COP", "BUS", "CVL", "REB", "OPP", "MED", "EDU", "REL",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class AgentTerm:
    """A role word or phrase (lowercase) and the sector it gives an actor."""

    text: str
    sector: str
    phoenix: str | None = None  # Phoenix.agents.txt's code for the same phrase, if any


@cache
def _terms() -> tuple[AgentTerm, ...]:
    return tuple(
        AgentTerm(r["text"], r["sector"], r["phoenix"] or None) for r in read_tsv("agents.tsv")
    )


@cache
def _by_text() -> dict[str, str]:
    return {t.text: t.sector for t in _terms()}


def agent_lexicon() -> list[AgentTerm]:
    """Every role term with its sector, multiword phrases included."""
    return list(_terms())


def agent_sector(text: str) -> str | None:
    """The sector of a role phrase (case-insensitive, extra spaces ignored), or None."""
    return _by_text().get(" ".join(text.lower().split()))
