"""Named officials with time-bounded roles, from the PETRARCH/Phoenix actor dictionaries.

The index is compiled into the package (``codebook/data/petrarch_actors.json.gz``) and
loaded once per process, lazily: only documents that name people pay for it.
"""

from __future__ import annotations

import os
from functools import cache

from detente.codebook.petrarch import ActorIndex, phoenix_actor_index


@cache
def people_index() -> ActorIndex:
    """The Phoenix actor index, plus the user's dictionaries in ``$DETENTE_ACTORS`` (os.pathsep-separated)."""
    index = phoenix_actor_index()
    extra = os.environ.get("DETENTE_ACTORS")
    if extra:
        from detente.codebook.petrarch import load_actor_dictionary

        for path in extra.split(os.pathsep):
            for entry in load_actor_dictionary(path):
                index.add(entry)
    return index
