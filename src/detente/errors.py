"""Errors that end a run with a one-line message naming the file (and line)."""

from __future__ import annotations


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
