"""Which two actors can be the two sides of one act: interstate by default, or domestic.

Interstate coding (detente's default, GUIDE R1) never codes an act between two actors of the
same country. Domestic coding (``--domestic``), as GDELT, ICEWS and PETRARCH do, also codes
an act between two actors of one country whose codes differ: a government and its own
rebels (NGAGOV→NGAREB), police and civilians (KENCOP→KENCVL), a court and a citizen. Two
identical codes are never an event, and a bare country never acts on its own state organs
("Australia recalled its ambassador": AUS and AUSGOV are one side, not two).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from detente.model import Actor

#: Sectors that are the state itself: with the bare country they are one side.
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "SPY", "ELI"})
_STATE_OR_BARE = STATE_SECTORS | {""}


def _side(actor: Actor) -> str:
    """The country, or the organisation: the UN's peacekeepers (IGOUNOMIL) and agencies
    (IGOUNOKID) are the UN (IGOUNO)."""
    return actor.code[:6] if actor.code.startswith("IGO") else actor.country


def distinct_parties(a: Actor, b: Actor, domestic: bool = False) -> bool:
    """Can ``a`` act on ``b``? Different countries always; one country only when domestic."""
    if _side(a) != _side(b):
        return True
    if not domestic or a.code == b.code or a.code.startswith("IGO"):
        return False
    sa, sb = a.code[3:6], b.code[3:6]
    if not sa or not sb:
        # The bare country against one of its own organs is the same side.
        return (sa or sb) not in STATE_SECTORS
    return sa != sb


@dataclass(frozen=True, slots=True)
class OwnSide:
    """The source side of an act, to pass over its own members when looking for a target
    ("Australia recalled its ambassador from France": the ambassador is Australia's)."""

    sources: tuple[Actor, ...] = ()
    domestic: bool = False

    def __contains__(self, actor: object) -> bool:
        return isinstance(actor, Actor) and any(
            not distinct_parties(s, actor, self.domestic) for s in self.sources
        )


#: Nobody's side: pass over no one.
NO_SIDE = OwnSide()


def own_side(sources: Iterable[Actor], domestic: bool = False) -> OwnSide:
    """The :class:`OwnSide` of ``sources``."""
    return OwnSide(tuple(sources), domestic)


def one_side_per_country(targets: list[Actor]) -> list[Actor]:
    """Interstate coding: a government and its own rebels (or protesters ...) named together
    as targets are that one country ("mediated between the FARC and the government of
    Colombia" → one event to Colombia, GUIDE R4): the state's actor stays, the others of the
    same country go."""
    state = {
        t.country for t in targets if not t.code.startswith("IGO") and t.code[3:6] in _STATE_OR_BARE
    }
    return [
        t
        for t in targets
        if t.code.startswith("IGO") or t.country not in state or t.code[3:6] in _STATE_OR_BARE
    ]
