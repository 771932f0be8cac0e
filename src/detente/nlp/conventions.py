"""Coding conventions: what counts as an event and who its participants are.

detente's own conventions code what the text asserts happened, between actors it names.
PETRARCH (and the event data sets built with it) code more widely; the three differences
are switches of the coder, chosen once (``detente extract --petrarch-conventions``) and
applied to every document, so that an evaluation against PETRARCH's unit tests measures
the same coder a user runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["DETENTE", "PETRARCH", "Conventions"]


@dataclass(frozen=True, slots=True)
class Conventions:
    """The coder's switches (see :func:`detente.nlp.events.extract_events`).

    ``realis_only``: only acts the text asserts as done; future, modal, conditional and
    intended acts ("will visit", "may impose sanctions") give no event.
    ``clausal_targets``: when the verb's own complements name no target, take it from a
    complement clause or a participle phrase ("believes Marand can cope" → Marand) and,
    failing all else, from a circumstance ("fired shells at Seoul").
    ``passive_subject_as_source``: the subject of a passive without a "by"-agent is the
    source ("X was criticized over its dispute with Y" → X→Y).
    ``domestic``: also code acts between two actors of one country whose codes differ (a
    government and its rebels, police and protesters), as GDELT, ICEWS and PETRARCH do;
    off by default so that interstate analyses stay clean.
    """

    realis_only: bool = True
    clausal_targets: bool = False
    passive_subject_as_source: bool = False
    domestic: bool = False

    def flags(self) -> dict[str, Any]:
        """The switches as keyword arguments of ``extract_events``."""
        return {
            "realis_only": self.realis_only,
            "clausal_targets": self.clausal_targets,
            "passive_subject_as_source": self.passive_subject_as_source,
            "domestic": self.domestic,
        }


#: detente's default: asserted acts between named participants.
DETENTE = Conventions()

#: PETRARCH's: future and modal acts coded, clausal and circumstantial targets, and the
#: subject of an agentless passive as the source.
PETRARCH = Conventions(realis_only=False, clausal_targets=True, passive_subject_as_source=True)
