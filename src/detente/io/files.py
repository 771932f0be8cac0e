"""Bytes to text (encoding detection, binary refusal) and single text or HTML files to documents."""

from __future__ import annotations

import codecs
import os
import re
import unicodedata

from detente.dates import normalize_date
from detente.io._common import (
    _ALLOWED_CONTROLS,
    _BOMS_UTF16,
    _BOMS_UTF32,
    _HTML_CHARSET,
    _HTML_START,
    _MAX_CHAOS,
    _MAX_JUNK_RATIO,
    HTML_EXTENSIONS,
    _note,
)
from detente.model import Document, Problems


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
