"""Turn what the user points at into :class:`~detente.model.Document` records.

Accepted inputs: plain text files, HTML pages (main text via trafilatura), JSONL and
CSV/TSV corpora (one document per record), folders of any of these (recursive), and ``-``
for standard input.

Two kinds of failure are distinguished, because users need both:

* **Fatal** — something the user named directly cannot be read (missing, unreadable,
  binary, empty, undecodable). :class:`~detente.errors.InputError` is raised with a
  one-line message naming the file, so the CLI can print it and exit non-zero.
* **Skipped** — one bad file inside a folder, or one bad record inside a corpus. It is
  recorded in :class:`~detente.model.Problems` (``"file:line: what"``) and reading goes
  on, because one broken line must not cost a run over a million-record corpus.

Text is kept exactly as decoded (only a leading byte-order mark is removed): downstream
character offsets index ``Document.text``, so no newline or whitespace normalisation
happens here.
"""

from __future__ import annotations

import codecs
import csv
import fnmatch
import io
import json
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date as _date
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from detente.errors import DetenteError, InputError
from detente.model import Document, Problems

__all__ = [
    "CORPUS_EXTENSIONS",
    "HTML_EXTENSIONS",
    "TEXT_EXTENSIONS",
    "canonical_path",
    "check_inputs",
    "decode_bytes",
    "iter_documents",
    "json_error",
    "normalize_date",
    "stdin_document_id",
]

HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
CSV_EXTENSIONS = frozenset({".csv", ".tsv"})
CORPUS_EXTENSIONS = JSONL_EXTENSIONS | CSV_EXTENSIONS
#: Extensions read as plain text. Files without an extension are read too (many article
#: dumps name files by number); everything else is skipped when walking a folder unless a
#: ``glob`` asks for it.
TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md", ".markdown", ".rst", ".story"})
_FOLDER_EXTENSIONS = HTML_EXTENSIONS | CORPUS_EXTENSIONS | TEXT_EXTENSIONS

#: Bytes read to decide a corpus file's encoding before streaming it.
_SNIFF_BYTES = 1 << 16
#: Share of control / unassigned characters above which decoded "text" is judged binary.
_MAX_JUNK_RATIO = 0.05
#: charset-normalizer's "chaos" (mess) score above which a guessed encoding is rejected.
_MAX_CHAOS = 0.2

_BOMS_UTF32 = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"))
_BOMS_UTF16 = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))

_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_SURROGATE = re.compile("[\ud800-\udfff]")
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")


def _one_line(s: str) -> str:
    """Escape line breaks so every message stays one line (file names may contain them)."""
    return s.replace("\r", "\\r").replace("\n", "\\n")


def _input_error(where: str, what: str) -> InputError:
    return InputError(_one_line(where), _one_line(what))


def _note(problems: Problems, where: str, what: str) -> None:
    problems.add(_one_line(where), _one_line(what))


# --------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
# A trailing time of day / zone is allowed and ignored: only the calendar date matters.
_TAIL = r"(?:[\sT,]+.*)?$"
_DATE_FORMS = [
    # 2017-03-02, 2017-03, 2017, 2017/03/02, 2017-03-02T10:00:00Z, 2017-03-02 10:00
    re.compile(r"^(?P<year>\d{4})(?:[-/.](?P<month>\d{1,2})(?:[-/.](?P<day>\d{1,2}))?)?" + _TAIL),
    # 20170302 (compact ISO)
    re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})(?:T.*)?$"),
    # 2 March 2017, Thursday 2nd March 2017, 2 Mar. 2017 10:00 GMT, 02 Mar 2017 (RFC 2822)
    re.compile(r"^" + _WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + _TAIL, re.I),
    # March 2, 2017, Thursday, March 2nd 2017
    re.compile(r"^" + _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _TAIL, re.I),
    # March 2017
    re.compile(r"^" + _MONTH + r",?\s+" + _YEAR + _TAIL, re.I),
]


def normalize_date(value: object) -> str | None:
    """Normalise a publication date to an ISO partial date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).

    Accepts ISO dates and timestamps (``"2017-03-02T10:00:00Z"``), compact ISO
    (``"20170302"``), ``"2 March 2017"``, ``"March 2, 2017"``, ``"March 2017"``, RFC 2822
    (``"Thu, 02 Mar 2017 10:00:00 +0000"``) and a bare year as an int. Numeric day/month
    orders such as ``"02/03/2017"`` are refused because they are ambiguous.

    Returns ``None`` for ``None`` or a blank string; raises ``ValueError`` for anything
    else that is not a real calendar date.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"not a date: {value!r}")
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    s = value.strip()
    if not s:
        return None
    for form in _DATE_FORMS:
        m = form.match(s)
        if m is None:
            continue
        parts = m.groupdict()
        year = int(parts["year"])
        month_s = parts.get("month")
        if month_s is None:
            month = None
        elif month_s.isdigit():
            month = int(month_s)
        else:
            month = _MONTHS.get(month_s.lower())
            if month is None:
                continue  # "Summit 2017" is not a month name; try the next form
        day = int(parts["day"]) if parts.get("day") else None
        try:
            # datetime.date validates month and day (30 February is refused).
            _date(year, month or 1, day or 1)
        except ValueError:
            raise ValueError(f"not a date: {value!r}") from None
        if year < 1:
            break
        if month is None:
            return f"{year:04d}"
        if day is None:
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}-{month:02d}-{day:02d}"
    raise ValueError(f"not a date: {value!r}")


# --------------------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------------------


class _Unreadable(Exception):
    """A file or record that cannot be used; ``what`` is the short user-facing reason."""

    def __init__(self, what: str, where: str | None = None) -> None:
        super().__init__(what)
        self.what = what
        self.where = where


def _junk_ratio(text: str) -> float:
    """Share of characters that do not occur in real text (controls, unassigned, surrogates)."""
    if not text:
        return 0.0
    junk = 0
    for ch in text:
        if ch < " " or "\x7f" <= ch <= "\x9f":
            if ch not in _ALLOWED_CONTROLS:
                junk += 1
        elif ch > "\x7f" and unicodedata.category(ch) in ("Cn", "Cs", "Co"):
            junk += 1
    return junk / len(text)


def _declared_html_charset(data: bytes) -> str | None:
    m = _HTML_CHARSET.search(data[:4096])
    if m is None:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _detect_encoding(data: bytes) -> str | None:
    """A confident charset-normalizer guess for non-UTF-8 bytes, or ``None``."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > _MAX_CHAOS:
        return None
    return best.encoding


def _bomless_utf16(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when ``data`` looks like UTF-16 written without a BOM.

    Windows tools sometimes write such files. Mostly-Latin UTF-16 has a NUL in every
    second byte and almost none in the others; binary data does not look like that.
    """
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.8 * len(odd) and even.count(0) <= 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.8 * len(even) and odd.count(0) <= 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, *, html: bool = False) -> str:
    """Decode a whole file's bytes to text, as described in the module docstring.

    Order: UTF-8 (a leading BOM is removed), UTF-32/UTF-16 with a BOM, the charset an
    HTML page declares, then a confident charset-normalizer guess. Raises ``ValueError``
    with a short reason (``"binary file, not text"``, ``"undecodable text ..."``).
    """
    text: str | None = None
    for bom, enc in _BOMS_UTF32 + _BOMS_UTF16:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(enc)
            except UnicodeDecodeError:
                raise ValueError(f"undecodable text (invalid {enc.upper()[:6]})") from None
            break
    if text is None and b"\x00" in data:
        wide = _bomless_utf16(data)
        if wide is None:
            # NUL never occurs in 8-bit text; without a UTF-16/32 BOM it means binary.
            raise ValueError("binary file, not text")
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            raise ValueError(f"undecodable text (invalid {wide.upper()[:6]})") from None
    if text is None:
        body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            encoding = _declared_html_charset(data) if html else None
            if encoding is not None and encoding != "utf-8":
                try:
                    text = data.decode(encoding)
                except UnicodeDecodeError:
                    text = None
            if text is None:
                encoding = _detect_encoding(data)
                if encoding is None:
                    if _junk_ratio(data.decode("latin-1")) > _MAX_JUNK_RATIO:
                        raise ValueError("binary file, not text") from None
                    raise ValueError(
                        "undecodable text (not UTF-8, UTF-16 or a recognisable encoding)"
                    ) from None
                text = data.decode(encoding, errors="strict")
    if text.startswith("\ufeff"):
        text = text[1:]
    if _junk_ratio(text) > _MAX_JUNK_RATIO:
        raise ValueError("binary file, not text")
    return text


# --------------------------------------------------------------------------------------
# Single documents: text and HTML
# --------------------------------------------------------------------------------------


def _looks_like_html(data: bytes | str) -> bool:
    head = data[:2048]
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    head = head.removeprefix(codecs.BOM_UTF8)
    return _HTML_START.match(head) is not None


_NOT_TEXT = re.compile(
    r"<(script|style|noscript|template|svg)\b.*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)", re.I | re.S
)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|section|article|blockquote)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[^>]*>")
_BLANKS = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


def _strip_markup(html: str) -> str:
    """The words of a page that HTML parsers refuse: no scripts, styles, comments or tags."""
    import html as htmllib

    text = _NOT_TEXT.sub(" ", html)
    text = _BLOCK_TAG.sub("\n\n", text)
    text = htmllib.unescape(_ANY_TAG.sub(" ", text))
    text = _BLANK_LINES.sub("\n\n", _BLANKS.sub(" ", text))
    return "\n\n".join(p.strip() for p in text.split("\n\n") if p.strip())


def _html_document(
    html: str, doc_id: str, path: str, pubdate: str | None, problems: Problems
) -> Document:
    """Main text, title and publication date of an HTML page."""
    import trafilatura

    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=True)
        if not text or not text.strip():
            # trafilatura refuses pages that do not look like articles (e.g. one short
            # paragraph); fall back to its plain text conversion before giving up.
            text = trafilatura.html2txt(html)
    except Exception:  # lxml/trafilatura failures on broken markup: this file only
        text = None
    if not text or not text.strip():
        # lxml gives up on some broken pages (e.g. nesting deeper than libxml2's limit):
        # their words are still worth reading, minus scripts, styles and tags.
        text = _strip_markup(html)
    if not text or not text.strip():
        raise _Unreadable("no text found in HTML")
    title: str | None = None
    meta_date: str | None = None
    try:
        meta = trafilatura.extract_metadata(html)
    except Exception:  # metadata is a bonus; a page whose head confuses lxml is still read
        meta = None
    if meta is not None:
        title = meta.title or None
        if pubdate is None and meta.date:
            try:
                meta_date = normalize_date(meta.date)
            except ValueError:
                _note(problems, path, f"ignored unreadable publication date {meta.date!r}")
    return Document(
        id=doc_id,
        text=_with_headline(title, text),
        pubdate=pubdate if pubdate is not None else meta_date,
        title=title,
        url=(meta.url or None) if meta is not None else None,
        path=path,
    )


_SITE_SUFFIX = re.compile(r"\s+\|\s+[^|]*$")


def _with_headline(title: str | None, text: str) -> str:
    """The page's text, led by its headline when the main text left it out.

    News pages often carry the headline only in ``<title>``; it states the story's main
    act, and the page's metadata date (the document's publication date) is the date
    it speaks of, so it is read as the first paragraph. A site name after ``" | "`` is
    not part of the headline.
    """
    if not title:
        return text
    headline = _SITE_SUFFIX.sub("", " ".join(title.split()))
    if not headline or _squash(headline) in _squash(text[: len(headline) * 3 + 500]):
        return text
    return f"{headline}\n\n{text}"


def _squash(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _file_document(
    data: bytes, doc_id: str, path: str, pubdate: str | None, problems: Problems
) -> Document:
    """A text or HTML file (HTML by extension, or sniffed from its first bytes)."""
    if not data.strip():
        raise _Unreadable("empty file")
    ext = os.path.splitext(path)[1].lower()
    is_html = ext in HTML_EXTENSIONS or _looks_like_html(data)
    try:
        text = decode_bytes(data, html=is_html)
    except ValueError as err:
        raise _Unreadable(str(err)) from None
    if not text.strip():
        raise _Unreadable("empty file")
    if is_html:
        return _html_document(text, doc_id, path, pubdate, problems)
    return Document(id=doc_id, text=text, pubdate=pubdate, path=path)


# --------------------------------------------------------------------------------------
# Corpora: JSONL and CSV, streamed
# --------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------
# Paths and folders
# --------------------------------------------------------------------------------------


def _os_reason(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "no such file or directory"
    if isinstance(err, PermissionError):
        return "permission denied"
    if isinstance(err, IsADirectoryError):
        return "is a directory"
    return (err.strerror or str(err)).lower()


def _read_path(
    path: str, direct: bool, pubdate: str | None, problems: Problems
) -> Iterator[Document]:
    """Documents of one regular file; raises ``_Unreadable`` for a file-level failure."""
    ext = os.path.splitext(path)[1].lower()
    if ext in CORPUS_EXTENSIONS:
        yield from _iter_corpus(path, direct, pubdate, problems)
        return
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as err:
        raise _Unreadable(_os_reason(err)) from None
    yield _file_document(data, path, path, pubdate, problems)


def _walk(folder: str, glob: str | None) -> Iterator[str]:
    """Files under ``folder`` in a stable (sorted) order, hidden files and folders skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            if glob is not None:
                # A pattern with a slash matches the path below the folder ("2019/*.txt");
                # otherwise just the file name, as users expect from "*.txt".
                target = os.path.relpath(path, folder) if "/" in glob else name
                if not fnmatch.fnmatch(target.replace(os.sep, "/"), glob):
                    continue
            else:
                ext = os.path.splitext(name)[1].lower()
                if ext and ext not in _FOLDER_EXTENSIONS:
                    continue
            yield path


def _iter_folder(
    folder: str, glob: str | None, pubdate: str | None, problems: Problems
) -> Iterator[Document]:
    count = 0
    for path in _walk(folder, glob):
        try:
            for doc in _read_path(path, False, pubdate, problems):
                count += 1
                yield doc
        except _Unreadable as err:
            _note(problems, path, err.what)
    if count == 0:
        what = "no readable documents in folder"
        if glob is not None:
            what += f" matching {glob!r}"
        raise _input_error(folder, what)


def _read_stdin(stdin: TextIO | BinaryIO | Any) -> bytes | str:
    buffer = getattr(stdin, "buffer", None)
    if buffer is not None:
        # Read bytes so that our decoding rules apply rather than the locale's.
        return buffer.read()
    return stdin.read()


def stdin_document_id(text: str) -> str:
    """The id of a document read from stdin: ``stdin:`` and a hash of its text.

    Two different piped texts get two ids (neither replaces the other), the same text
    piped twice the same one (stored once).
    """
    import hashlib

    return "stdin:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def canonical_path(name: str) -> str:
    """The one id of a file however it is named: ``news/x``, ``./news/x`` and ``/abs/news/x``
    (from ``/abs``) are all ``/abs/news/x``. Symbolic links are kept, not resolved."""
    return os.path.abspath(name)


def _stdin_document(
    stdin: TextIO | BinaryIO | Any,
    pubdate: str | None,
    problems: Problems,
    doc_id: str | None = None,
) -> Document:
    try:
        data = _read_stdin(stdin)
    except OSError as err:
        raise _input_error("-", _os_reason(err)) from None
    except UnicodeDecodeError:
        raise _input_error("-", "undecodable text on standard input") from None
    try:
        if isinstance(data, bytes):
            doc = _file_document(data, "stdin", "-", pubdate, problems)
        else:
            text = data.removeprefix("\ufeff")
            if not text.strip():
                raise _Unreadable("empty input")
            if _looks_like_html(text):
                doc = _html_document(text, "stdin", "-", pubdate, problems)
            elif _junk_ratio(text) > _MAX_JUNK_RATIO or "\x00" in text:
                raise _Unreadable("binary data, not text")
            else:
                doc = Document(id="stdin", text=text, pubdate=pubdate, path="-")
        # Named by the user (--id), or by its content: never one id for every piped text.
        return replace(doc, id=doc_id or stdin_document_id(doc.text))
    except _Unreadable as err:
        what = "empty input" if err.what == "empty file" else err.what
        raise _input_error("-", what) from None


def iter_documents(
    paths: Sequence[str | os.PathLike[str]],
    *,
    pubdate: str | None = None,
    glob: str | None = None,
    problems: Problems | None = None,
    stdin: TextIO | BinaryIO | None = None,
    stdin_id: str | None = None,
) -> Iterator[Document]:
    """Yield one :class:`Document` per text file, HTML page or corpus record, lazily.

    ``paths`` are files, folders (walked recursively; ``glob`` such as ``"*.txt"`` filters
    file names, otherwise every text-like, HTML, JSONL or CSV file is read, hidden ones
    skipped) or ``"-"`` for ``stdin`` (default ``sys.stdin``).

    A file's id is its :func:`canonical_path` (a corpus record's is its ``id`` field, else
    ``file:line``); stdin's is ``stdin_id`` if given, else derived from its text.

    ``pubdate`` (any form :func:`normalize_date` accepts) overrides every document's
    publication date; otherwise a record's ``date`` field or an HTML page's metadata date
    is used.

    Raises :class:`InputError` for a named path that cannot be used; bad files inside a
    folder and bad records inside a corpus are skipped and recorded in ``problems``.
    Corpus files are streamed, so memory use does not grow with corpus size.
    """
    if problems is None:
        problems = Problems()
    pub = check_inputs(paths, pubdate=pubdate, stdin_id=stdin_id)
    for name in (os.fspath(p) for p in paths):
        if name == "-":
            source = stdin if stdin is not None else sys.stdin
            yield _stdin_document(source, pub, problems, stdin_id)
        elif os.path.isdir(name):
            yield from _iter_folder(canonical_path(name), glob, pub, problems)
        else:
            try:
                yield from _read_path(canonical_path(name), True, pub, problems)
            except _Unreadable as err:
                raise _input_error(err.where or name, err.what) from None


def check_inputs(
    paths: Sequence[str | os.PathLike[str]],
    *,
    pubdate: str | None = None,
    stdin_id: str | None = None,
) -> str | None:
    """Fail with :class:`InputError` / :class:`DetenteError` unless every named path is usable.

    Run before anything is created (a store, an output file) and before any reading, so
    that a typo in the last argument fails fast instead of after an hour of extraction.
    Returns the normalised ``pubdate``.
    """
    try:
        pub = normalize_date(pubdate)
    except ValueError:
        raise DetenteError(f"--pubdate: not a date: {pubdate!r} (use YYYY-MM-DD)") from None
    names = [os.fspath(p) for p in paths]
    if stdin_id is not None and "-" not in names:
        raise DetenteError("--id: names the document read from standard input; add - to the inputs")
    if stdin_id is not None and not stdin_id.strip():
        raise DetenteError("--id: must not be empty")
    for name in names:
        if name != "-":
            _check_named_path(name)
    return pub


def _check_named_path(name: str) -> None:
    try:
        st = os.stat(name)
    except OSError as err:
        raise _input_error(name, _os_reason(err)) from None
    if stat.S_ISDIR(st.st_mode):
        if not os.access(name, os.R_OK | os.X_OK):
            raise _input_error(name, "permission denied")
        return
    if not stat.S_ISREG(st.st_mode) and not stat.S_ISFIFO(st.st_mode):
        raise _input_error(name, "not a regular file")
    if not os.access(name, os.R_OK):
        raise _input_error(name, "permission denied")


def document_paths(paths: Iterable[str], glob: str | None = None) -> list[str]:
    """The files ``iter_documents`` would open for ``paths`` (folders expanded), in order."""
    out: list[str] = []
    for p in paths:
        if p != "-" and Path(p).is_dir():
            out.extend(_walk(p, glob))
        else:
            out.append(p)
    return out
