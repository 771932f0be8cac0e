"""Which stored actor codes an actor a user names stands for.

A country code names the country and everything coded under it: ``PAK`` matches ``PAK``,
``PAKGOV``, ``PAKMIL`` … (CAMEO actor codes put the ISO 3166 alpha-3 country first and the
sector after it). A longer code matches itself and what is coded under it (``PAKMIL``
matches ``PAKMIL`` and ``PAKMILREB``). An organisation's code (``IGOSCO``) matches itself
only: ``IGO`` is a prefix shared by every organisation, not a country.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["actor_of", "check_actors", "matches", "pair_label"]


def matches(code: str | None, actor: str) -> bool:
    """Whether the stored ``code`` belongs to the actor a user named (``actor``)."""
    if not code:
        return False
    if actor.startswith("IGO"):
        return code == actor
    return code.startswith(actor)


def actor_of(code: str | None, actors: Sequence[str]) -> str | None:
    """The named actor a code belongs to (the most specific one when several match)."""
    best: str | None = None
    for actor in actors:
        if matches(code, actor) and (best is None or len(actor) > len(best)):
            best = actor
    return best


def check_actors(actors: Iterable[str]) -> tuple[str, ...]:
    """Upper-cased actor codes; ``ValueError`` for an empty, non-alphabetic or repeated one."""
    out: list[str] = []
    for raw in actors:
        code = raw.strip().upper()
        if len(code) < 3 or not code.isalpha():
            raise ValueError(
                f"{raw!r} is not an actor code (three letters for a country, e.g. PAK; "
                "IGO and an acronym for an organisation, e.g. IGOSCO)"
            )
        if code in out:
            raise ValueError(f"{code} is named twice")
        out.append(code)
    return tuple(out)


def pair_label(a: str, b: str, directed: bool = False) -> str:
    """``"PAK-RUS"`` for the pair, ``"PAK->RUS"`` for one direction."""
    return f"{a}->{b}" if directed else f"{a}-{b}"
