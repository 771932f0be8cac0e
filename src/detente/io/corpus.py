"""Corpora: JSONL and CSV/TSV files, streamed one record (one document) at a time."""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import sys
from collections.abc import Iterator
from typing import Any, BinaryIO

from detente.dates import normalize_date
from detente.io._common import (
    _BOMS_UTF16,
    _BOMS_UTF32,
    _MAX_JUNK_RATIO,
    _SNIFF_BYTES,
    _SURROGATE,
    JSONL_EXTENSIONS,
    _note,
    _os_reason,
)
from detente.io.files import (
    _bomless_utf16,
    _detect_encoding,
    _junk_ratio,
    _Unreadable,
)
from detente.model import Document, Problems


class _Lines:
    """Decoded lines of a corpus file, numbered from 1, read lazily.

    The encoding is decided once from the first 64 KiB (UTF-8, UTF-16/32 with BOM, else a
    confident guess); ASCII-compatible encodings are decoded line by line so that one
    undecodable line costs one record, not the file.
    """

    def __init__(self, fh: BinaryIO, name: str) -> None:
        self.fh = fh
        self.name = name
        self.bad_lines: set[int] = set()
        head = fh.read(_SNIFF_BYTES)
        self.wide: str | None = None
        self.bom_len = 0
        for bom, enc in _BOMS_UTF32 + _BOMS_UTF16:
            if head.startswith(bom):
                self.wide = enc
                self.bom_len = len(bom)
                break
        self.encoding = "utf-8"
        if self.wide is None and b"\x00" in head:
            self.wide = _bomless_utf16(head)
            if self.wide is None:
                raise _Unreadable("binary file, not text")
        if self.wide is None:
            body = head.removeprefix(codecs.BOM_UTF8)
            if not _valid_utf8_prefix(body):
                guess = _detect_encoding(body)
                if guess is None:
                    if _junk_ratio(body.decode("latin-1")) > _MAX_JUNK_RATIO:
                        raise _Unreadable("binary file, not text")
                    raise _Unreadable(
                        "undecodable text (not UTF-8, UTF-16 or a recognisable encoding)"
                    )
                self.encoding = guess
        self.head = head

    def __iter__(self) -> Iterator[tuple[int, str]]:
        if self.wide is not None:
            # UTF-16/32 cannot be split on b"\n"; decode the stream as a whole.
            raw = io.BufferedReader(_Chain(self.head[self.bom_len :], self.fh))
            text = io.TextIOWrapper(raw, encoding=self.wide, newline="")
            try:
                for n, line in enumerate(text, start=1):
                    yield n, line
            except UnicodeDecodeError:
                raise _Unreadable(f"undecodable {self.wide.upper()[:6]} text") from None
            return
        raw_lines = _chain_lines(self.head, self.fh)
        for n, raw_line in enumerate(raw_lines, start=1):
            if n == 1:
                raw_line = raw_line.removeprefix(codecs.BOM_UTF8)
            try:
                yield n, raw_line.decode(self.encoding)
            except UnicodeDecodeError:
                self.bad_lines.add(n)
                yield n, raw_line.decode(self.encoding, errors="replace")


class _Chain(io.RawIOBase):
    """A raw stream that first returns ``head`` and then the rest of ``fh``."""

    def __init__(self, head: bytes, fh: BinaryIO) -> None:
        self._head = memoryview(head)
        self._fh = fh

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        if self._head.nbytes:
            n = min(len(buf), self._head.nbytes)
            buf[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._fh.read(len(buf))
        buf[: len(data)] = data
        return len(data)


def _chain_lines(head: bytes, fh: BinaryIO) -> Iterator[bytes]:
    """Lines (keeping their ending) of ``head`` followed by the rest of ``fh``.

    The pieces of a line are collected in a list and joined once, so a 50 MB single-line
    record costs linear time (growing one bytes object chunk by chunk is quadratic).
    """
    parts: list[bytes] = []
    chunk = head
    while chunk:
        start = 0
        while (i := chunk.find(b"\n", start)) >= 0:
            parts.append(chunk[start : i + 1])
            yield b"".join(parts)
            parts = []
            start = i + 1
        if start < len(chunk):
            parts.append(chunk[start:])
        chunk = fh.read(_SNIFF_BYTES)
    if parts:
        yield b"".join(parts)


def _valid_utf8_prefix(data: bytes) -> bool:
    """True when ``data`` is UTF-8, allowing a character cut off at the end of the sample."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _record_id(value: object) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _Unreadable(f"'id' must be a string or an integer, not {type(value).__name__}")
    return str(value)


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Unreadable(f"'{key}' must be a string, not {type(value).__name__}")
    return value or None


def _record_document(
    record: dict[str, Any],
    where: str,
    pubdate: str | None,
    problems: Problems,
) -> Document:
    """One corpus record (already a dict) → Document; raises ``_Unreadable`` if unusable."""
    text = record.get("text")
    if text is None:
        raise _Unreadable("missing 'text'")
    if not isinstance(text, str):
        raise _Unreadable(f"'text' must be a string, not {type(text).__name__}")
    if not text.strip():
        raise _Unreadable("empty 'text'")
    if text.startswith("\ufeff"):
        text = text[1:]
    if _SURROGATE.search(text):
        # JSON can smuggle lone surrogates ("\\ud800"), which no writer can encode later.
        # One replacement character per surrogate keeps every offset where it was.
        text = _SURROGATE.sub("\ufffd", text)
        _note(problems, where, "lone surrogates in 'text' replaced by U+FFFD")
    doc_id = _record_id(record.get("id")) or where
    title = _optional_str(record, "title")
    if title is not None:
        title = _SURROGATE.sub("\ufffd", title)
    url = _optional_str(record, "url")
    doc_date = pubdate
    if doc_date is None:
        raw_date = record.get("date")
        if raw_date is None:
            raw_date = record.get("pubdate")
        try:
            doc_date = normalize_date(raw_date)
        except ValueError:
            # A wrong date should not lose the text: keep it, undated, and say so.
            _note(problems, where, f"bad date {raw_date!r}; publication date left empty")
            doc_date = None
    return Document(id=doc_id, text=text, pubdate=doc_date, title=title, url=url, path=where)


def json_error(err: json.JSONDecodeError) -> str:
    """The reason of a JSON error with its place: "Invalid control character at column 12".

    ``err.msg`` alone is cut short ("Invalid control character at"): the position is kept
    apart. Records are one line each, so the column is what locates the fault.
    """
    where = f"column {err.colno}" if err.lineno == 1 else f"line {err.lineno} column {err.colno}"
    return f"{err.msg} {where}" if err.msg.endswith(" at") else f"{err.msg} at {where}"


def _iter_jsonl(
    fh: BinaryIO, name: str, pubdate: str | None, problems: Problems
) -> Iterator[Document]:
    lines = _Lines(fh, name)
    for n, line in lines:
        where = f"{name}:{n}"
        if not line.strip():
            continue  # blank lines (often a trailing one) are not records
        if n in lines.bad_lines:
            _note(problems, where, f"undecodable text (not {lines.encoding})")
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as err:
            msg = json_error(err) if isinstance(err, json.JSONDecodeError) else "nested too deeply"
            _note(problems, where, f"invalid JSON ({msg})")
            continue
        if not isinstance(record, dict):
            _note(problems, where, f"not a JSON object ({type(record).__name__})")
            continue
        try:
            yield _record_document(record, where, pubdate, problems)
        except _Unreadable as err:
            _note(problems, where, err.what)


def _raise_csv_field_limit() -> None:
    """Let the csv module read fields as large as a long article (default is 128 KiB)."""
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:  # C long is 32 bits on some platforms
            limit //= 2


def _iter_csv(
    fh: BinaryIO, name: str, pubdate: str | None, problems: Problems
) -> Iterator[Document]:
    _raise_csv_field_limit()
    delimiter = "\t" if name.lower().endswith(".tsv") else ","
    lines = _Lines(fh, name)
    line_no = 0  # number of the last physical line the csv reader consumed

    def feed() -> Iterator[str]:
        nonlocal line_no
        for n, line in lines:
            line_no = n
            yield line

    reader = csv.reader(feed(), delimiter=delimiter)
    header: list[str] | None = None
    last_end = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            _note(problems, f"{name}:{last_end + 1}", f"bad CSV ({err})")
            last_end = line_no
            continue
        start, last_end = last_end + 1, line_no
        where = f"{name}:{start}"
        if not row or all(not cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip().lower() for cell in row]
            if header and header[0].startswith("\ufeff"):
                header[0] = header[0][1:]
            if "text" not in header:
                shown = ", ".join(repr(h[:30]) for h in header[:8])
                more = ", ..." if len(header) > 8 else ""
                raise _Unreadable(f"no 'text' column in header (columns: {shown}{more})")
            continue
        if any(n in lines.bad_lines for n in range(start, last_end + 1)):
            _note(problems, where, f"undecodable text (not {lines.encoding})")
            continue
        if len(row) != len(header):
            _note(problems, where, f"ragged row: {len(row)} fields, header has {len(header)}")
            continue
        record: dict[str, Any] = {k: v for k, v in zip(header, row, strict=True) if k}
        for key in ("id", "date", "pubdate", "title", "url"):
            if key in record and not record[key].strip():
                record[key] = None  # an empty cell means "not given"
        try:
            yield _record_document(record, where, pubdate, problems)
        except _Unreadable as err:
            _note(problems, where, err.what)
    if header is None:
        raise _Unreadable("empty file")


def _iter_corpus(
    path: str, direct: bool, pubdate: str | None, problems: Problems
) -> Iterator[Document]:
    """Stream a JSONL/CSV corpus file.

    A corpus that yields no document at all is treated like an unreadable file, since a
    run over it would silently produce nothing.
    """
    ext = os.path.splitext(path)[1].lower()
    before = len(problems)
    count = 0
    try:
        with open(path, "rb") as fh:
            inner = _iter_jsonl if ext in JSONL_EXTENSIONS else _iter_csv
            for doc in inner(fh, path, pubdate, problems):
                count += 1
                yield doc
    except OSError as err:
        raise _Unreadable(_os_reason(err)) from None
    if count == 0:
        skipped = len(problems) - before
        if skipped:
            raise _Unreadable(f"no readable records ({skipped} skipped, see problems)")
        raise _Unreadable("empty file" if direct else "no records")
