"""How relations between states warm and cool: indices over dyads and periods."""

from detente.relations.index import DyadPeriod, dyad_key, dyad_series

__all__ = ["DyadPeriod", "dyad_key", "dyad_series"]
