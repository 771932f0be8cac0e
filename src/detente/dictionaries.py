"""Users' own actor dictionaries: add actors and override detente's codes.

Three formats, chosen by the file's extension:

* **CSV / TSV** (``.csv``, ``.tsv``) with a header: ``text,code`` and optionally
  ``sector``, ``kind``, ``start``, ``end``. ``code`` is a CAMEO-style code (``KOS``,
  ``UKRGOV``, ``IGOAU``); ``sector`` may be given apart. Rows with ``start``/``end`` (ISO
  dates) are officials valid for that term: "Volodymyr Zelensky,UKRGOV,,,2019-05-20,".
* **YAML** (``.yaml``, ``.yml``): a list of ``{text|names, code, start, end}`` mappings, or
  a mapping of ``name: code``.
* **PETRARCH format** (anything else, e.g. ``.txt``): actor dictionaries as read by
  PETRARCH/TABARI (``NAME_WITH_UNDERSCORES [CODE]``, ``[CODE 19990101-20081231]``), or
  agent dictionaries (``PHRASE [~GOV]``) when loaded with :func:`load_agents`.

A phrase in a user file replaces the packaged entry with the same text, so users can
override any code (e.g. map "Soviet Union" to ``SUN`` instead of ``RUS``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from detente.codebook.lexicon import LexEntry, lexicon
from detente.errors import InputError
from detente.petrarch.actors import (
    ActorEntry,
    ActorIndex,
    DatedCode,
    load_actor_dictionary,
    load_compiled_actors,
)
from detente.petrarch.agents import load_agent_dictionary

_SECTOR_LEN = 3


@dataclass
class UserDictionaries:
    """Lexicon items (names → codes) and dated officials read from users' files."""

    items: list[LexEntry] = field(default_factory=list)
    officials: list[ActorEntry] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.items or self.officials)

    def lexicon(self) -> tuple[LexEntry, ...]:
        """detente's lexicon with the users' items added; users' phrases win."""
        mine = {_key(i.text) for i in self.items}
        return tuple(self.items) + tuple(i for i in lexicon() if _key(i.text) not in mine)

    def people_index(self) -> ActorIndex:
        """The packaged dictionary of officials plus the users' dated entries."""
        from detente.codebook._data import data_path
        from detente.petrarch.actors import PHOENIX_ACTORS_FILE

        entries = list(self.officials) + load_compiled_actors(data_path(PHOENIX_ACTORS_FILE))
        return ActorIndex.from_entries(entries)


def _key(text: str) -> str:
    """ "The Soviet Union" and "Soviet Union" name the same entry."""
    text = " ".join(text.casefold().split())
    return text[4:] if text.startswith("the ") else text


def _item(text: str, code: str, sector: str | None = None, kind: str | None = None) -> LexEntry:
    code = code.strip().upper()
    if len(code) < _SECTOR_LEN or not code[:_SECTOR_LEN].isalpha():
        raise ValueError(f"{text!r}: code {code!r} must start with a three-letter country or IGO")
    if code.startswith("IGO"):
        return LexEntry(text, code, None, kind or "igo")
    country, rest = code[:_SECTOR_LEN], code[_SECTOR_LEN:]
    return LexEntry(text, country, (sector or rest or None), kind or "name")


def _from_rows(rows: Iterable[dict[str, Any]], where: str) -> UserDictionaries:
    out = UserDictionaries()
    for n, row in enumerate(rows, 2):
        names = row.get("names") or [row.get("text") or row.get("name")]
        if isinstance(names, str):
            names = [names]
        code = str(row.get("code") or "").strip()
        names = [str(x).strip() for x in names if x and str(x).strip()]
        if not names or not code:
            raise InputError(f"{where}:{n}", "each entry needs a text and a code")
        start, end = row.get("start") or None, row.get("end") or None
        if start or end:
            out.officials.append(
                ActorEntry(
                    tuple(x.lower() for x in names),
                    (
                        DatedCode(
                            code.upper(), str(start) if start else None, str(end) if end else None
                        ),
                    ),
                )
            )
            continue
        for name in names:
            out.items.append(_item(name, code, row.get("sector") or None, row.get("kind") or None))
    return out


def load_actors(path: str | Path) -> UserDictionaries:
    """Read one user actor file (CSV/TSV, YAML or PETRARCH format)."""
    p = Path(path)
    if not p.is_file():
        raise InputError(str(path), "no such dictionary file")
    suffix = p.suffix.lower()
    try:
        if suffix in {".csv", ".tsv"}:
            with p.open(encoding="utf-8", newline="") as fh:
                reader = csv.DictReader(fh, delimiter="\t" if suffix == ".tsv" else ",")
                if not reader.fieldnames or not {"text", "code"} <= set(reader.fieldnames):
                    raise InputError(str(path), "needs a header with the columns text and code")
                return _from_rows(reader, str(path))
        if suffix in {".yaml", ".yml"}:
            data = yaml.safe_load(p.read_text(encoding="utf-8")) or []
            if isinstance(data, dict):
                data = [{"text": k, "code": v} for k, v in data.items()]
            if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
                raise InputError(str(path), "expected a list of entries or a mapping name: code")
            return _from_rows(data, str(path))
        return _from_petrarch(load_actor_dictionary(p))
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8 text") from None
    except yaml.YAMLError as exc:
        raise InputError(str(path), f"invalid YAML ({str(exc).splitlines()[0]})") from None
    except ValueError as exc:
        raise InputError(str(path), str(exc).splitlines()[0]) from None


def _from_petrarch(entries: Sequence[ActorEntry]) -> UserDictionaries:
    out = UserDictionaries()
    for e in entries:
        dated = any(c.start or c.end for c in e.codes)
        if dated:
            out.officials.append(e)
            continue
        code = e.default_code
        if not code:
            continue
        for name in e.names:
            out.items.append(_item(name, code))
    return out


def load_agents(path: str | Path) -> UserDictionaries:
    """Read a PETRARCH agent dictionary (``PHRASE [~GOV]``) as role words → sectors."""
    p = Path(path)
    if not p.is_file():
        raise InputError(str(path), "no such dictionary file")
    out = UserDictionaries()
    for a in load_agent_dictionary(p):
        out.items.append(LexEntry(a.phrase, None, a.sector, "agent"))
    return out


def load_user_dictionaries(
    actors: Sequence[str | Path] = (), agents: Sequence[str | Path] = ()
) -> UserDictionaries:
    """Merge several user files; later files come first, so they win over earlier ones."""
    merged = UserDictionaries()
    for loaded in [*(load_actors(a) for a in actors), *(load_agents(a) for a in agents)]:
        merged.items = loaded.items + merged.items
        merged.officials = loaded.officials + merged.officials
    return merged
