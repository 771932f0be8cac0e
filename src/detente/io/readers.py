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

import fnmatch
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from detente.errors import DetenteError
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


from detente.dates import normalize_date
from detente.io._common import (
    _FOLDER_EXTENSIONS,
    _MAX_JUNK_RATIO,
    CORPUS_EXTENSIONS,
    HTML_EXTENSIONS,
    TEXT_EXTENSIONS,
    _input_error,
    _note,
    _os_reason,
)
from detente.io.corpus import _iter_corpus, json_error
from detente.io.files import (
    _file_document,
    _html_document,
    _junk_ratio,
    _looks_like_html,
    _Unreadable,
    decode_bytes,
)

# --------------------------------------------------------------------------------------
# Paths and folders
# --------------------------------------------------------------------------------------


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
