"""All tagging rules, as one ordered tuple.

The order is the tie-break between equally long matches: a rule listed earlier wins. Calendar
dates come first, then expressions relative to now or to the narrative, then times of day,
durations, sets and holidays; within each module the rules keep the order they are written in.
"""

from __future__ import annotations

from detente.nlp.timex import dates, periods, relative
from detente.nlp.timex.base import _Rule

RULES: tuple[_Rule, ...] = (*dates.RULES, *relative.RULES, *periods.RULES)
