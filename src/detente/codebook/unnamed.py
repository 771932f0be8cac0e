"""Loader of ``data/unnamed_doers.yaml``: who does an act that news leaves without a doer."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import yaml

from detente.codebook._data import data_path


@dataclass(frozen=True, slots=True)
class UnnamedDoers:
    crowd_sector: str
    violence_nouns: frozenset[str]
    attacker_sector: str
    weapon_subjects: frozenset[str]
    accidental_causes: frozenset[str]
    force_sectors: dict[str, str]
    exercise_words: frozenset[str]
    figurative_attacks: frozenset[str]


def _words(raw: dict, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in raw.get(key) or [])


@cache
def unnamed_doers() -> UnnamedDoers:
    """The settings of ``unnamed_doers.yaml`` (read once)."""
    raw = yaml.safe_load(data_path("unnamed_doers.yaml").read_text(encoding="utf-8")) or {}
    return UnnamedDoers(
        crowd_sector=str(raw.get("crowd_sector", "CVL")),
        violence_nouns=_words(raw, "violence_nouns"),
        attacker_sector=str(raw.get("attacker_sector", "UAF")),
        weapon_subjects=_words(raw, "weapon_subjects"),
        accidental_causes=_words(raw, "accidental_causes"),
        force_sectors={str(k): str(v) for k, v in (raw.get("force_sectors") or {}).items()},
        exercise_words=_words(raw, "exercise_words"),
        figurative_attacks=_words(raw, "figurative_attacks"),
    )
