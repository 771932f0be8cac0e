"""Load the event patterns (``codebook/data/event_patterns.yaml``): data apart from code."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import yaml


@dataclass(frozen=True, slots=True)
class VerbPattern:
    code: str
    objects: frozenset[str] | None = None
    preps: frozenset[str] | None = None
    reciprocal: bool = False
    domains: bool = False
    aid: bool = False
    needs_actor_object: bool = False
    person_object: bool = False
    sector: str | None = None


#: Prepositions that introduce the patient of a nominal act when its pattern names none.
DEFAULT_NOUN_TARGETS = ("to", "with", "for", "on", "against")


@dataclass(frozen=True, slots=True)
class NounPattern:
    code: str
    reciprocal: bool = False
    targets: tuple[str, ...] = ()
    modifiers: frozenset[str] | None = None
    objects: frozenset[str] | None = None
    sector: str | None = None
    role: bool = False
    plural_only: bool = False
    needs_participants: bool = False


@dataclass(frozen=True, slots=True)
class Patterns:
    verbs: dict[str, tuple[VerbPattern, ...]]
    nouns: dict[str, NounPattern]
    domains: dict[str, frozenset[str]]
    nominalizations: dict[str, str] = field(default_factory=dict)
    unilateral: frozenset[str] = frozenset()

    def act_lemma(self, lemma: str) -> str:
        """The verb a noun names ("invasion" → "invade"); a verb is its own act."""
        return self.nominalizations.get(lemma, lemma)


def _words(value: object, named: dict[str, frozenset[str]]) -> frozenset[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return named[value]  # a named list such as "weapons"
    return frozenset(str(v).lower() for v in value)  # type: ignore[union-attr]


def load_patterns(path: str | Path | None = None) -> Patterns:
    """Read a patterns file (the packaged one by default)."""
    if path is None:
        text = (
            resources.files("detente.codebook")
            .joinpath("data", "event_patterns.yaml")
            .read_text(encoding="utf-8")
        )
    else:
        text = Path(path).read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    named = {
        "weapons": frozenset(raw.get("weapons", [])),
        "agreements": frozenset(raw.get("agreements", [])),
    }
    domains = {k: frozenset(v) for k, v in raw.get("domains", {}).items()}
    verbs: dict[str, tuple[VerbPattern, ...]] = {}
    for lemma, alts in raw.get("verbs", {}).items():
        verbs[lemma] = tuple(
            VerbPattern(
                code=str(a["code"]),
                objects=_words(a.get("objects"), named),
                preps=_words(a.get("preps"), named),
                reciprocal=bool(a.get("reciprocal", False)),
                domains=bool(a.get("domains", False)),
                aid=bool(a.get("aid", False)),
                needs_actor_object=bool(a.get("needs_actor_object", False)),
                person_object=bool(a.get("person_object", False)),
                sector=a.get("sector"),
            )
            for a in alts
        )
    nouns: dict[str, NounPattern] = {}
    for lemma, a in raw.get("nouns", {}).items():
        nouns[lemma] = NounPattern(
            code=str(a["code"]),
            reciprocal=bool(a.get("reciprocal", False)),
            targets=tuple(a.get("targets", DEFAULT_NOUN_TARGETS)),
            modifiers=_words(a.get("modifiers"), named),
            objects=_words(a.get("objects"), named),
            sector=a.get("sector"),
            role=bool(a.get("role", False)),
            plural_only=bool(a.get("plural_only", False)),
            needs_participants=bool(a.get("needs_participants", False)),
        )
    return Patterns(
        verbs,
        nouns,
        domains,
        {str(k): str(v) for k, v in (raw.get("nominalizations") or {}).items()},
        frozenset(raw.get("unilateral") or ()),
    )


@cache
def default_patterns() -> Patterns:
    return load_patterns()


def refine_by_domain(code: str, words: set[str], patterns: Patterns) -> str:
    """030 → 0311/0312, 033 → 0331/0332/0333, 070 → 071/072/073 by the words of the object."""
    dom = patterns.domains
    military = bool(words & dom.get("military", frozenset()))
    economic = bool(words & dom.get("economic", frozenset()))
    humanitarian = bool(words & dom.get("humanitarian", frozenset()))
    if code == "030":
        return "0312" if military else "0311" if economic else code
    if code == "033":
        return "0332" if military else "0333" if humanitarian else "0331" if economic else code
    if code == "070":
        return "072" if military else "073" if humanitarian else "071" if economic else code
    return code
