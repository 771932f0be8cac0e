"""Input files of ``detente import``: globs, plain / ``.gz`` / ``.zip`` files, and their lines.

Event datasets are published as large tab-separated files, often compressed (GDELT's
``*.export.CSV.zip``, ICEWS's yearly ``.tab`` inside a ``.zip``). Lines are read in big
blocks and handed on as Arrow arrays with their line numbers, so that the parsing and the
checks happen in DuckDB, not in a Python loop per row.
"""

from __future__ import annotations

import contextlib
import glob
import gzip
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

import pyarrow as pa
import pyarrow.compute as pc

from detente.errors import InputError

__all__ = ["Source", "expand_paths", "iter_line_blocks"]

#: Bytes read at a time; a block ends at the last line break inside it.
_BLOCK = 16 << 20


@dataclass(frozen=True)
class Source:
    """One input of an import: a file, or one member of a zip archive.

    ``name`` is what messages and provenance show (``"events.zip:events.tab"`` for a member).
    """

    path: str
    member: str | None = None

    @property
    def name(self) -> str:
        return f"{self.path}:{self.member}" if self.member else self.path

    @contextlib.contextmanager
    def open(self) -> Iterator[IO[bytes]]:
        """The file's bytes, decompressed (the archive is closed with the member)."""
        with contextlib.ExitStack() as stack:
            try:
                if self.member is not None:
                    archive = stack.enter_context(zipfile.ZipFile(self.path))
                    fh: IO[bytes] = stack.enter_context(archive.open(self.member))
                elif self.path.endswith(".gz"):
                    gz = stack.enter_context(gzip.open(self.path, "rb"))
                    gz.peek(1)  # a file that is not gzip fails here, with its name
                    fh = gz  # type: ignore[assignment]
                else:
                    fh = stack.enter_context(open(self.path, "rb"))
            except (OSError, zipfile.BadZipFile, EOFError) as exc:
                raise InputError(self.name, _reason(exc)) from None
            yield fh


def _reason(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, gzip.BadGzipFile):
        return "not a gzip file"
    if isinstance(exc, zipfile.BadZipFile):
        return "not a zip archive (or a damaged one)"
    if isinstance(exc, EOFError):
        return "the compressed file is truncated"
    return (getattr(exc, "strerror", None) or str(exc)).lower()


def expand_paths(paths: list[str]) -> list[Source]:
    """Files to import, in the order given: globs are expanded (sorted), zip archives opened.

    A name that matches nothing, or a glob that matches no file, is an error naming it; a
    zip archive contributes each of its files (folders and hidden files skipped).
    """
    out: list[Source] = []
    for given in paths:
        if glob.has_magic(given):
            matches = sorted(p for p in glob.glob(given, recursive=True) if os.path.isfile(p))
            if not matches:
                raise InputError(given, "no file matches this pattern")
        else:
            if not os.path.exists(given):
                raise InputError(given, "no such file")
            if os.path.isdir(given):
                raise InputError(given, "is a directory (give the files, or a glob like dir/*.tab)")
            matches = [given]
        for path in matches:
            if path.lower().endswith(".zip"):
                out.extend(_zip_members(path))
            else:
                out.append(Source(path))
    return out


def _zip_members(path: str) -> list[Source]:
    try:
        with zipfile.ZipFile(path) as archive:
            names = [
                info.filename
                for info in archive.infolist()
                if not info.is_dir() and not os.path.basename(info.filename).startswith(".")
            ]
    except (OSError, zipfile.BadZipFile) as exc:
        raise InputError(path, _reason(exc)) from None
    if not names:
        raise InputError(path, "the zip archive holds no file")
    return [Source(path, name) for name in names]


def iter_line_blocks(source: Source) -> Iterator[tuple[int, pa.Array]]:
    """(number of the first line, the lines) for each block of the file.

    Lines are decoded as UTF-8 (an invalid byte becomes U+FFFD rather than failing the
    file: GDELT's names are occasionally mis-encoded), without their line break.
    """
    line_no = 1
    rest = b""
    with source.open() as fh:
        while True:
            try:
                chunk = fh.read(_BLOCK)
            except (OSError, zipfile.BadZipFile, EOFError) as exc:
                raise InputError(source.name, _reason(exc)) from None
            if not chunk:
                break
            data = rest + chunk
            cut = data.rfind(b"\n")
            if cut < 0:
                rest = data
                continue
            rest = data[cut + 1 :]
            lines = _split(data[:cut])
            yield line_no, lines
            line_no += len(lines)
        if rest:
            yield line_no, _split(rest)


def _split(data: bytes) -> pa.Array:
    text = data.decode("utf-8", "replace")
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    # Split in Arrow: no Python object per line.
    return pc.split_pattern(pa.array([text], pa.large_string()), "\n").flatten().cast(pa.string())
