"""Errors that end a run with a one-line message naming the file (and line)."""

from __future__ import annotations

import os


def debug_enabled() -> bool:
    """``DETENTE_DEBUG=1`` (or ``--debug``): let unexpected errors show their traceback."""
    return os.environ.get("DETENTE_DEBUG", "") not in ("", "0")


class DetenteError(Exception):
    """A fatal, user-facing error. ``str(err)`` is the one line the CLI prints."""


class InputError(DetenteError):
    """Input that cannot be read: missing, unreadable, binary, empty or undecodable."""

    def __init__(self, where: str, what: str) -> None:
        super().__init__(f"{where}: {what}")
        self.where = where
        self.what = what


class StoreError(DetenteError):
    """The store cannot be opened or written (locked by another process, not a database)."""
