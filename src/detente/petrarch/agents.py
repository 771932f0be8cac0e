"""Readers for PETRARCH/TABARI-format agent and discard dictionaries (formats: see
:mod:`detente.petrarch.actors`, which reads the actor dictionaries and shares the comment
syntax). Dictionary data is MIT-licensed, Open Event Data Alliance; nothing here is PETRARCH
code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from detente.petrarch.actors import _strip_comments, normalise_phrase

__all__ = ["AgentEntry", "Discard", "load_agent_dictionary", "load_discards", "regular_plural"]


# ---------------------------------------------------------------------------- agents


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """One agent phrase (lowercase, single spaces) and its agent code.

    ``code`` keeps PETRARCH's tilde: ``"~GOV"`` is appended to the actor's code, ``"NGO~"``
    goes before it. ``plural`` marks forms generated or given as plurals.
    """

    phrase: str
    code: str
    plural: bool = False
    comment: str = ""

    @property
    def sector(self) -> str:
        """The code without its tilde (``"GOV"``, ``"NGO"``)."""
        return self.code.replace("~", "")

    @property
    def is_prefix(self) -> bool:
        """True for ``CODE~`` agents, whose code goes before the actor's."""
        return self.code.endswith("~") and not self.code.startswith("~")

    def apply(self, actor_code: str) -> str:
        """Combine with an actor code: ``PAK`` + ``~GOV`` → ``PAKGOV``; ``NGO~`` + ``PAK`` → ``NGOPAK``."""
        return self.sector + actor_code if self.is_prefix else actor_code + self.sector


_VOWELS = set("aeiou")


def regular_plural(phrase: str) -> str:
    """PETRARCH's automatic plural of a phrase's last word.

    The documented rule adds ``s``, ``ies`` for a final ``y`` and ``es`` for ``ss``; here
    a vowel before ``y`` keeps it (``attorney`` → ``attorneys``) and ``x/z/ch/sh`` also
    take ``es``, which is what English does.
    """
    head, _, last = phrase.rpartition(" ")
    if last.endswith("y") and len(last) > 1 and last[-2] not in _VOWELS:
        last = last[:-1] + "ies"
    elif last.endswith(("ss", "s", "x", "z", "ch", "sh")):
        last = last + "es"
    else:
        last = last + "s"
    return f"{head} {last}" if head else last


_SUBST_DEF_RE = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$", re.IGNORECASE)
_SUBST_USE_RE = re.compile(r"![A-Z0-9_]+!", re.IGNORECASE)
_AGENT_RE = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]")


def load_agent_dictionary(path: str | Path) -> list[AgentEntry]:
    """Parse a PETRARCH agent dictionary into phrase → code entries (plurals included)."""
    path = Path(path)
    subst: dict[str, list[str]] = {}
    out: list[AgentEntry] = []
    seen: set[tuple[str, str]] = set()

    def add(phrase: str, code: str, plural: bool, note: str) -> None:
        phrase = normalise_phrase(phrase)
        if phrase and (phrase, code) not in seen:
            seen.add((phrase, code))
            out.append(AgentEntry(phrase, code, plural, note))

    with path.open(encoding="utf-8", errors="replace") as f:
        for _n, line, note in _strip_comments(f):
            stripped = line.strip()
            if not stripped:
                continue
            m = _SUBST_DEF_RE.match(stripped)
            if m:
                subst[m[1].upper()] = [x.strip() for x in m[2].split(",") if x.strip()]
                continue
            m = _AGENT_RE.match(stripped)
            if not m:
                continue
            code = m["code"].replace(" ", "").upper()
            if not code:
                continue
            phrase = m["phrase"].strip()
            given = m["plural"]
            markers = _SUBST_USE_RE.findall(phrase)
            if markers:
                # Each item of the set replaces the marker; no plurals are generated.
                forms = [phrase]
                for mark in markers:
                    items = subst.get(mark.upper(), [])
                    forms = [x.replace(mark, it, 1) for x in forms for it in items]
                for form in forms:
                    add(form, code, False, note)
                continue
            add(phrase, code, False, note)
            if given is None:
                add(regular_plural(normalise_phrase(phrase)), code, True, note)
            else:
                for pl in given.split(","):
                    if pl.strip():
                        add(pl, code, True, note)
    return out


# -------------------------------------------------------------------------- discards


@dataclass(frozen=True, slots=True)
class Discard:
    """A discard phrase: a match drops the sentence, or the whole story when ``story``."""

    phrase: str
    story: bool = False


def load_discards(path: str | Path) -> list[Discard]:
    """Parse a PETRARCH discard list (``+phrase`` = story-level, else sentence-level)."""
    out: list[Discard] = []
    with Path(path).open(encoding="utf-8", errors="replace") as f:
        for _n, line, _note in _strip_comments(f):
            s = line.strip()
            if not s:
                continue
            story = s.startswith("+")
            phrase = normalise_phrase(s[1:] if story else s)
            if phrase:
                out.append(Discard(phrase, story))
    return out
