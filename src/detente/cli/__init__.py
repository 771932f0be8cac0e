"""The ``detente`` command line: each command is one library call (sqlite-utils style).

Data goes to stdout, progress and messages to stderr. A fatal error is one line naming the
file (and line), with a non-zero exit code; bad records in a corpus are skipped, counted and
reported at the end.

The application and its helpers live in :mod:`detente.cli.base`; the commands that read
documents in :mod:`detente.cli.documents`, those that score against gold data in
:mod:`detente.cli.evaluation`, those that read relations from the store in
:mod:`detente.cli.relations`. Importing this package registers all of them on ``app``.
"""

from __future__ import annotations

from detente.cli import (  # noqa: F401  (register the commands)
    documents,
    evaluation,
    interop,
    relations,
    web,
)
from detente.cli.base import app, main

__all__ = ["app", "main"]
