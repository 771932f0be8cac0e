"""Readers for PETRARCH/TABARI-format actor dictionaries (agents and discards: :mod:`.agents`).

The formats are those documented in PETRARCH's ``dictionaries.rst`` and in the headers of
the dictionary files themselves:

* Comments: ``# ...`` and ``; ...`` to the end of the line, and ``<!-- ... -->`` (possibly
  over several lines). Blank lines are skipped.
* Actors: a primary phrase, optionally with codes on the same line; synonym lines start
  with ``+``; date-restriction lines start with whitespace and hold ``[CODE restriction]``.
  Words are joined by ``_`` or blanks (both become one space here); a trailing ``_`` only
  marks a complete word. Restrictions: ``<date`` (on or before), ``>date`` (on or after),
  ``date-date`` (between, inclusive); ``[CODE]`` alone is the default code. Dates are
  ``YYYYMMDD`` or ``YYMMDD``, where YY 00–30 means 20YY and otherwise 19YY (KEDS/TABARI
  rule). ``---`` is the null code: the phrase names no codable actor then.
* Agents: ``phrase {plural} [~CODE]``; ``~CODE`` is appended to the actor code
  (``PAK`` + ``~GOV`` → ``PAKGOV``), ``CODE~`` is put before it (``NGO~``). Regular
  plurals are generated unless ``{...}`` gives the plural (``{}``: no plural).
  ``!SET! = A, B, C`` defines substitution sets used as ``!SET!`` inside phrases.
* Discards: one phrase a line; ``+phrase`` discards the whole story, otherwise the sentence.

Dictionary data (the Phoenix files) is MIT-licensed, Open Event Data Alliance; see
``data/SOURCE.md``. Nothing here is PETRARCH code.
"""

from __future__ import annotations

import calendar
import gzip
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date as _date
from functools import cache
from pathlib import Path

__all__ = [
    "PHOENIX_ACTORS_FILE",
    "ActorEntry",
    "ActorIndex",
    "DatedCode",
    "compile_actor_dictionaries",
    "load_actor_dictionary",
    "load_compiled_actors",
    "name_tokens",
    "parse_dict_date",
    "phoenix_actor_index",
]

#: The precompiled Phoenix actor dictionaries shipped in ``detente/codebook/data``.
PHOENIX_ACTORS_FILE = "petrarch_actors.json.gz"

NULL_CODE = "---"

_BRACKET_RE = re.compile(r"\[([^\]]*)\]")
_XML_OPEN = "<!"
_XML_CLOSE = "-->"


# ---------------------------------------------------------------------------- dates


def parse_dict_date(text: str) -> str:
    """A dictionary date (``YYYYMMDD`` or ``YYMMDD``) as an ISO date ``YYYY-MM-DD``.

    Two-digit years follow KEDS/TABARI/PETRARCH: 00–30 → 20YY, 31–99 → 19YY.

    Raises:
        ValueError: not a date of either form.
    """
    s = text.strip()
    if not s.isdigit():
        raise ValueError(f"bad dictionary date {text!r}")
    if len(s) == 6:
        yy = int(s[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(s[2:4]), int(s[4:6])
    elif len(s) == 8:
        year, month, day = int(s[:4]), int(s[4:6]), int(s[6:8])
    elif len(s) == 7:  # a typo seen in the data ("2004017"): YYYYMM + one day digit
        year, month, day = int(s[:4]), int(s[4:6]), int(s[6:])
    else:
        raise ValueError(f"bad dictionary date {text!r}")
    if not 1 <= month <= 12:
        raise ValueError(f"bad month in dictionary date {text!r}")
    day = max(1, min(day, calendar.monthrange(year, month)[1]))
    return f"{year:04d}-{month:02d}-{day:02d}"


def _partial_bounds(value: str) -> tuple[str, str]:
    """First and last day covered by an ISO partial date: ``"1999"``, ``"199"``, ``"1999-10"``."""
    v = value.strip()[:10]
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v)
    if m:
        return v, v
    m = re.fullmatch(r"(\d{4})-(\d{2})", v)
    if m:
        y, mo = int(m[1]), int(m[2])
        return f"{y:04d}-{mo:02d}-01", f"{y:04d}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}"
    m = re.match(r"(\d{2,4})", v)
    if not m:
        raise ValueError(f"not an ISO partial date: {value!r}")
    digits = m[1]
    pad = 4 - len(digits)  # "199" = the 1990s, "19" = the 1900s (TIMEX3)
    lo, hi = int(digits) * 10**pad, int(digits) * 10**pad + 10**pad - 1
    return f"{lo:04d}-01-01", f"{hi:04d}-12-31"


def _ordinal(iso: str) -> int:
    return _date.fromisoformat(iso).toordinal()


# ---------------------------------------------------------------------------- actors


@dataclass(frozen=True, slots=True)
class DatedCode:
    """One code of an actor entry, valid from ``start`` to ``end`` (ISO dates, inclusive).

    ``None`` bounds are open; a code with neither bound is the entry's default.
    """

    code: str
    start: str | None = None
    end: str | None = None

    @property
    def is_default(self) -> bool:
        return self.start is None and self.end is None

    def covers(self, day: str) -> bool:
        """True when the ISO day ``day`` lies within the restriction."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def overlap_days(self, lo: str, hi: str) -> int:
        """How many days of ``lo..hi`` the restriction covers (0 when disjoint)."""
        a = max(lo, self.start) if self.start else lo
        b = min(hi, self.end) if self.end else hi
        return 0 if a > b else _ordinal(b) - _ordinal(a) + 1


def _code_or_none(code: str) -> str | None:
    return None if code == NULL_CODE or not code else code


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """An actor: its names (lowercase, words separated by single spaces) and codes."""

    names: tuple[str, ...]
    codes: tuple[DatedCode, ...]
    comment: str = ""

    @property
    def name(self) -> str:
        """The primary phrase."""
        return self.names[0]

    @property
    def default_code(self) -> str | None:
        """The code that applies when no date restriction does (None if there is none)."""
        for dc in self.codes:
            if dc.is_default:
                return _code_or_none(dc.code)
        return None

    def code_at(self, date: str | None = None) -> str | None:
        """The code valid at ``date`` (ISO partial: ``"1999"``, ``"1999-10"``, ``"1999-10-12"``).

        * An exact day takes the first restriction that covers it, in file order (as
          PETRARCH does: an earlier, narrower restriction overrides a later one).
        * A partial date (a year, a month, a decade) takes the restriction that covers most
          of it, file order breaking ties — "Nawaz Sharif" in 1999 is PAKGOV, since his
          term ran to October 1999.
        * With no restriction matching, the default code; else None.
        * With no date: the default code if there is one, else the most recent
          restriction (latest end; an open end is latest).
        The null code ``---`` gives None.
        """
        dated = [dc for dc in self.codes if not dc.is_default]
        if date is None:
            if any(dc.is_default for dc in self.codes) or not dated:
                return self.default_code
            latest = max(
                enumerate(dated),
                key=lambda p: (p[1].end or "9999-99-99", p[1].start or "", p[0]),
            )[1]
            return _code_or_none(latest.code)
        lo, hi = _partial_bounds(date)
        if lo == hi:
            for dc in dated:
                if dc.covers(lo):
                    return _code_or_none(dc.code)
        else:
            best, best_days = None, 0
            for dc in dated:
                days = dc.overlap_days(lo, hi)
                if days > best_days:
                    best, best_days = dc, days
            if best is not None:
                return _code_or_none(best.code)
        return self.default_code


def _strip_comments(lines: Iterable[str]) -> Iterator[tuple[int, str, str]]:
    """Yield ``(line number, text without comments, comment)``; XML comments may span lines."""
    in_xml = False
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\n\r")
        comment = ""
        if in_xml:
            end = line.find(_XML_CLOSE)
            if end < 0:
                continue
            line = " " * (end + 3) + line[end + 3 :]
            in_xml = False
        while True:  # "<!-- ... -->" anywhere on the line, or opening a multi-line one
            start = line.find(_XML_OPEN)
            if start < 0:
                break
            end = line.find(_XML_CLOSE, start)
            if end < 0:
                line = line[:start]
                in_xml = True
                break
            line = line[:start] + line[end + 3 :]
        for mark in ("#", ";"):
            i = line.find(mark)
            if i >= 0:
                comment = (line[i + 1 :].strip() + " " + comment).strip()
                line = line[:i]
        yield n, line.rstrip(), comment


def normalise_phrase(phrase: str) -> str:
    """A dictionary phrase as detente matches it: lowercase, ``_`` → space, single spaces."""
    return " ".join(phrase.replace("_", " ").lower().split())


def name_tokens(text: str | Sequence[str]) -> tuple[str, ...]:
    """Tokens used as index keys: lowercase words, hyphens as their own tokens.

    Splitting hyphens makes ``"Ki-moon"`` match whether the tokenizer kept it whole or
    split it (spaCy gives ``Ki``, ``-``, ``moon``).
    """
    words = text.replace("_", " ").split() if isinstance(text, str) else list(text)
    out: list[str] = []
    for w in words:
        w = w.lower()
        if "-" in w and w != "-":
            parts = w.split("-")
            for i, p in enumerate(parts):
                if i:
                    out.append("-")
                if p:
                    out.append(p)
        elif w:
            out.append(w)
    return tuple(out)


def _parse_code(body: str, where: str) -> DatedCode | None:
    """``"USAGOV 930120-010120"`` and friends → DatedCode; None for an empty bracket."""
    body = body.strip()
    if not body:
        return None
    parts = body.split(None, 1)
    code = parts[0].upper()
    rest = parts[1].replace(" ", "") if len(parts) > 1 else ""
    # A restriction glued to the code, e.g. "[ONO<911226]".
    m = re.fullmatch(r"([^<>\d]+)([<>].*)", code)
    if m and not rest:
        code, rest = m[1], m[2]
    try:
        if not rest:
            return DatedCode(code)
        if rest.startswith("<"):
            return DatedCode(code, None, parse_dict_date(rest[1:]))
        if rest.startswith(">"):
            return DatedCode(code, parse_dict_date(rest[1:]), None)
        a, sep, b = rest.partition("-")
        if sep:
            return DatedCode(code, parse_dict_date(a), parse_dict_date(b))
    except ValueError:
        pass
    raise ValueError(f"{where}: bad code restriction [{body}]")


def _split_codes(text: str, where: str, strict: bool) -> tuple[str, list[DatedCode]]:
    """Split ``"NAME [A] [B 990101-991231]"`` into the name part and its codes.

    A malformed bracket is dropped on its own (PETRARCH warns and goes on) unless ``strict``.
    """
    i = text.find("[")
    if i < 0:
        return text, []
    codes = []
    for body in _BRACKET_RE.findall(text[i:]):
        try:
            dc = _parse_code(body, where)
        except ValueError:
            if strict:
                raise
            continue
        if dc is not None:
            codes.append(dc)
    return text[:i], codes


def load_actor_dictionary(path: str | Path, *, strict: bool = False) -> list[ActorEntry]:
    """Parse a PETRARCH actor dictionary into entries, in file order.

    A malformed restriction is skipped on its own (PETRARCH warns and goes on); with
    ``strict=True`` it raises ``ValueError`` naming the file and line. Entries left with no code at all
    are dropped: they could never code anything.
    """
    path = Path(path)
    entries: list[ActorEntry] = []
    names: list[str] = []
    codes: list[DatedCode] = []
    comment = ""

    def flush() -> None:
        if names and codes:
            entries.append(ActorEntry(tuple(dict.fromkeys(names)), tuple(codes), comment))

    with path.open(encoding="utf-8", errors="replace") as f:
        for n, line, note in _strip_comments(f):
            stripped = line.strip()
            if not stripped:
                continue
            where = f"{path.name}:{n}"
            if stripped.startswith("["):
                # A restriction line: belongs to the entry being read.
                _, more = _split_codes(stripped, where, strict)
                codes.extend(more)
                continue
            if stripped.startswith("+"):
                text, more = _split_codes(stripped[1:], where, strict)
                phrase = normalise_phrase(text)
                if phrase:
                    names.append(phrase)
                codes.extend(more)
                continue
            text, more = _split_codes(stripped, where, strict)
            phrase = normalise_phrase(text)
            if not phrase:
                continue
            if names and not codes:
                # A primary phrase whose codes never came ("U.N._" on a line of its own
                # just before "UN_SECRETARY_GENERAL ... [IGOUNO]"): TABARI treats it as
                # part of the next record, so it joins the next entry as a synonym.
                names.append(phrase)
                codes = list(more)
                comment = comment or note
                continue
            flush()
            names, codes, comment = [phrase], list(more), note
    flush()
    return entries


# ------------------------------------------------------------------------ the index


@dataclass(slots=True)
class ActorIndex:
    """Longest-match lookup of actor names over token sequences.

    Build it with :meth:`from_entries` (or :func:`phoenix_actor_index` for the shipped
    Phoenix dictionaries). Keys are :func:`name_tokens` of every name; when several entries
    share a name, all are kept in dictionary order and :meth:`lookup` prefers the first one
    that has a code at the date asked for.
    """

    _by_first: dict[str, dict[tuple[str, ...], list[ActorEntry]]] = field(default_factory=dict)
    _max_len: dict[str, int] = field(default_factory=dict)
    size: int = 0

    @classmethod
    def from_entries(cls, entries: Iterable[ActorEntry]) -> ActorIndex:
        idx = cls()
        for e in entries:
            idx.add(e)
        return idx

    @classmethod
    def from_files(cls, paths: Iterable[str | Path]) -> ActorIndex:
        idx = cls()
        for p in paths:
            for e in load_actor_dictionary(p):
                idx.add(e)
        return idx

    def add(self, entry: ActorEntry) -> None:
        self.size += 1
        for name in entry.names:
            key = name_tokens(name)
            if not key:
                continue
            bucket = self._by_first.setdefault(key[0], {})
            found = bucket.setdefault(key, [])
            if entry not in found:
                found.append(entry)
            if len(key) > self._max_len.get(key[0], 0):
                self._max_len[key[0]] = len(key)

    def candidates(self, name: str | Sequence[str]) -> list[ActorEntry]:
        """Every entry with exactly this name (empty list when none)."""
        key = name_tokens(name)
        if not key:
            return []
        return list(self._by_first.get(key[0], {}).get(key, []))

    def longest_match(
        self, tokens: Sequence[str], start: int = 0, date: str | None = None
    ) -> tuple[int, ActorEntry] | None:
        """The longest name starting at ``tokens[start]``: ``(tokens consumed, entry)``.

        ``tokens`` are the words of a text (any case). The count is in the caller's
        tokens, so hyphenated words count once however :func:`name_tokens` split them.
        """
        words = [t.lower() for t in tokens[start:]]
        if not words:
            return None
        # Normalised tokens, and for each the index of the caller token it came from.
        norm: list[str] = []
        origin: list[int] = []
        for i, w in enumerate(words):
            for t in name_tokens([w]):
                norm.append(t)
                origin.append(i)
        if not norm:
            return None
        bucket = self._by_first.get(norm[0])
        if not bucket:
            return None
        for n in range(min(self._max_len[norm[0]], len(norm)), 0, -1):
            # Only whole caller tokens: the match must end at a token boundary.
            if n < len(norm) and origin[n] == origin[n - 1]:
                continue
            found = bucket.get(tuple(norm[:n]))
            if found:
                return origin[n - 1] + 1, _pick(found, date)
        return None

    def lookup(self, tokens: str | Sequence[str], date: str | None = None) -> ActorEntry | None:
        """The entry for the longest name at the start of ``tokens`` (a string is split)."""
        seq = tokens.split() if isinstance(tokens, str) else tokens
        hit = self.longest_match(seq, 0, date)
        return hit[1] if hit else None

    def __len__(self) -> int:
        return self.size


def _pick(found: list[ActorEntry], date: str | None) -> ActorEntry:
    if len(found) == 1 or date is None:
        return found[0]
    for e in found:
        if e.code_at(date) is not None:
            return e
    return found[0]


# ------------------------------------------------------------- compiled form (gzip JSON)


def compile_actor_dictionaries(paths: Iterable[str | Path], out: str | Path) -> int:
    """Parse actor dictionaries and write them as gzipped JSON; returns the entry count.

    Format: ``{"format": 1, "sources": [file names], "entries": [[names, codes, comment]]}``
    with each code ``[code, start, end]``.
    """
    paths = [Path(p) for p in paths]
    entries = [e for p in paths for e in load_actor_dictionary(p)]
    doc = {
        "format": 1,
        "sources": [p.name for p in paths],
        "entries": [
            [list(e.names), [[c.code, c.start, c.end] for c in e.codes], e.comment] for e in entries
        ],
    }
    data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # mtime=0 keeps the file byte-identical between builds (clean diffs).
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        f.write(data)
    return len(entries)


def load_compiled_actors(path: str | Path) -> list[ActorEntry]:
    """Read a file written by :func:`compile_actor_dictionaries`."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        doc = json.load(f)
    if doc.get("format") != 1:
        raise ValueError(f"{path}: unknown compiled actor format {doc.get('format')!r}")
    return [
        ActorEntry(tuple(names), tuple(DatedCode(c, s, e) for c, s, e in codes), comment)
        for names, codes, comment in doc["entries"]
    ]


@cache
def phoenix_actor_index() -> ActorIndex:
    """Index of the Phoenix country, international and non-state actor dictionaries.

    Read from the precompiled package file (built by ``scripts/build_codebook.py``).
    """
    from detente.codebook._data import data_path

    return ActorIndex.from_entries(load_compiled_actors(data_path(PHOENIX_ACTORS_FILE)))
