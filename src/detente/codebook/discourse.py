"""Loader of ``data/discourse.yaml``: facts of how texts about two countries are written."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import yaml

from detente.codebook._data import data_path


@dataclass(frozen=True, slots=True)
class DiscourseFacts:
    focus_roots: frozenset[str]
    focus_min_mentions: int
    focus_ratio: float
    mutual_lemmas: frozenset[str]
    pair_nouns: frozenset[str]
    divided_names: dict[str, tuple[str, ...]]
    pair_adjectives: dict[str, tuple[str, ...]]
    divided_halves: tuple[dict[str, str], ...]


@cache
def discourse_facts() -> DiscourseFacts:
    """The settings of ``discourse.yaml`` (read once)."""
    raw = yaml.safe_load(data_path("discourse.yaml").read_text(encoding="utf-8")) or {}
    return DiscourseFacts(
        focus_roots=frozenset(str(r).zfill(2) for r in raw.get("focus_roots", [])),
        focus_min_mentions=int(raw.get("focus_min_mentions", 2)),
        focus_ratio=float(raw.get("focus_ratio", 0.5)),
        mutual_lemmas=frozenset(str(w).lower() for w in raw.get("mutual_lemmas", [])),
        pair_nouns=frozenset(str(w).lower() for w in raw.get("pair_nouns", [])),
        divided_names={
            str(k).lower(): tuple(str(c) for c in v)
            for k, v in (raw.get("divided_names") or {}).items()
        },
        pair_adjectives={
            str(k).lower(): tuple(str(c) for c in v)
            for k, v in (raw.get("pair_adjectives") or {}).items()
        },
        divided_halves=tuple(
            {str(k).lower(): str(c) for k, c in h.items()} for h in raw.get("divided_halves") or []
        ),
    )
