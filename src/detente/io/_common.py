"""What the readers share: the file extensions they recognise, decoding limits, one-line messages."""

from __future__ import annotations

import codecs
import re

from detente.errors import InputError
from detente.model import Problems

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


def _os_reason(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "no such file or directory"
    if isinstance(err, PermissionError):
        return "permission denied"
    if isinstance(err, IsADirectoryError):
        return "is a directory"
    return (err.strerror or str(err)).lower()
