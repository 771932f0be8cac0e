"""PETRARCH's CAMEO verb vocabulary, compiled and vetted (``codebook/data``).

``petrarch_verbs.json.gz`` is PETRARCH's CAMEO verb dictionary converted by
``scripts/build_petrarch_verbs.py`` (see :mod:`detente.petrarch.verbs`): every verb
lemma with its patterns, most specific first, and its block default last.
``petrarch_verbs_vetting.yaml`` records what detente keeps of it, decided on CAMEO semantics
and corpus counts: whole blocks or verbs dropped, defaults dropped (the verb then codes only
through its word-conditioned patterns) or recoded, patterns dropped. Vetting is applied
here, at load time, so a decision needs no rebuild. Loading needs neither spaCy nor the raw
dictionary.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field, fields, replace
from functools import cache
from typing import Any

import yaml

from detente.codebook._data import data_path
from detente.nlp.patterns import NULL_CODE, VerbPattern, WordSeq

__all__ = [
    "COMPILED",
    "VETTING",
    "Vetting",
    "decode_verbs",
    "encode_verbs",
    "load_petrarch_verbs",
    "load_vetting",
    "petrarch_blocks",
    "petrarch_forms",
]

COMPILED = "petrarch_verbs.json.gz"
VETTING = "petrarch_verbs_vetting.yaml"

_DEFAULTS = {f.name: f.default for f in fields(VerbPattern)}


class _Table:
    """Interning tables: a synset's phrases recur in hundreds of patterns, so each word
    slot and each word sequence is stored once and patterns refer to them by index."""

    def __init__(self) -> None:
        self.slots: dict[str, int] = {}
        self.seqs: dict[str, int] = {}
        self.patterns: dict[str, int] = {}

    @staticmethod
    def _add(table: dict[str, int], value: object) -> int:
        key = json.dumps(value, separators=(",", ":"))
        return table.setdefault(key, len(table))

    def seq(self, ws: WordSeq) -> int:
        ids = [self._add(self.slots, [list(p) for p in slot]) for slot in ws.slots]
        tight = "".join("1" if t else "0" for t in ws.tight)
        return self._add(self.seqs, [ids, tight, int(ws.forms_only)])

    def pattern(self, vp: VerbPattern) -> int:
        """The index of a pattern's dict of the fields that differ from their defaults."""
        out: dict[str, Any] = {}
        for f in fields(VerbPattern):
            value = getattr(vp, f.name)
            if value == _DEFAULTS[f.name]:
                continue
            if isinstance(value, WordSeq):
                value = self.seq(value)
            elif isinstance(value, frozenset):
                value = sorted(value)
            out[f.name] = value
        return self._add(self.patterns, out)

    def dump(self) -> dict[str, list[Any]]:
        return {
            name: [json.loads(k) for k in table]
            for name, table in (
                ("slots", self.slots),
                ("seqs", self.seqs),
                ("patterns", self.patterns),
            )
        }


def encode_verbs(verbs: dict[str, tuple[VerbPattern, ...]]) -> dict[str, Any]:
    """A JSON-able form of lemma → patterns (see the module docstring)."""
    table = _Table()
    index = {lemma: [table.pattern(vp) for vp in verbs[lemma]] for lemma in sorted(verbs)}
    return {**table.dump(), "verbs": index}


def decode_verbs(raw: dict[str, Any]) -> dict[str, tuple[VerbPattern, ...]]:
    """lemma → patterns from :func:`encode_verbs`' form."""
    slots = [tuple(tuple(p) for p in slot) for slot in raw["slots"]]
    seqs = [
        WordSeq(tuple(slots[i] for i in ids), tuple(c == "1" for c in tight), bool(forms))
        for ids, tight, forms in raw["seqs"]
    ]
    patterns: list[VerbPattern] = []
    for enc in raw["patterns"]:
        kw: dict[str, Any] = {}
        for name, value in enc.items():
            if name in {"before", "after"}:
                kw[name] = seqs[value]
            elif name in {"objects", "preps", "arg_preps"}:
                kw[name] = frozenset(value)
            else:
                kw[name] = value
        patterns.append(VerbPattern(**kw))
    return {lemma: tuple(patterns[i] for i in ids) for lemma, ids in raw["verbs"].items()}


@dataclass(frozen=True, slots=True)
class Vetting:
    """Decisions on PETRARCH's verbs, by block name or by lemma (a lemma's own wins).

    action ``drop``: the verb is not taken at all; ``no_default``: only its word-conditioned
    patterns code; ``default_only``: only its block default codes; ``recode``: the default
    takes ``code`` (with ``patterns: false``, the verb codes only that, patterns dropped). ``drop_codes``: patterns (and defaults) with these codes are dropped
    everywhere; ``recode_codes``: codes replaced everywhere (``"042:043"`` → ``"042"``).
    """

    blocks: dict[str, dict[str, Any]]
    verbs: dict[str, dict[str, Any]]
    drop_codes: frozenset[str]
    recode_codes: dict[str, str] = field(default_factory=dict)

    def decision(self, lemma: str, block: str) -> dict[str, Any] | None:
        return self.verbs.get(lemma) or self.blocks.get(block)


def load_vetting(text: str | None = None) -> Vetting:
    """The vetting decisions (the packaged file by default)."""
    if text is None:
        text = data_path(VETTING).read_text(encoding="utf-8")
    raw = yaml.safe_load(text) or {}
    return Vetting(
        {str(k).upper(): v for k, v in (raw.get("blocks") or {}).items()},
        {str(k).lower(): v for k, v in (raw.get("verbs") or {}).items()},
        frozenset(str(c) for c in (raw.get("drop_codes") or {})),
        {str(k): str(v["code"]) for k, v in (raw.get("recode_codes") or {}).items()},
    )


_ACTIONS = frozenset({None, "drop", "no_default", "default_only", "recode", "keep"})


def _vet(
    alts: tuple[VerbPattern, ...], decision: dict[str, Any] | None, vetting: Vetting
) -> tuple[VerbPattern, ...]:
    action = (decision or {}).get("action")
    if action not in _ACTIONS:
        raise ValueError(f"{VETTING}: unknown action {action!r}")
    if action == "drop":
        return ()
    if action == "recode" and decision.get("patterns") is False:  # type: ignore[union-attr]
        return (VerbPattern(code=str(decision["code"])),)  # type: ignore[index]
    out: list[VerbPattern] = []
    for vp in alts:
        bare = vp.before is None and vp.after is None and not vp.needs_compound
        if bare and action == "no_default":
            continue
        if not bare and action == "default_only":
            continue
        if bare and action == "recode":
            vp = replace(vp, code=str(decision["code"]))  # type: ignore[index]
        if vp.code in vetting.recode_codes:
            vp = replace(vp, code=vetting.recode_codes[vp.code])
        if vp.code in vetting.drop_codes:
            continue
        out.append(vp)
    return tuple(out)


@cache
def load_petrarch_verbs(vetted: bool = True) -> dict[str, tuple[VerbPattern, ...]]:
    """lemma → PETRARCH verb patterns (tried in order), vetted unless ``vetted=False``.

    Null-coded (``---``) patterns are kept: they shadow the default where their words match,
    as in PETRARCH; the trigger finder codes nothing for them.
    """
    raw = json.loads(gzip.decompress(data_path(COMPILED).read_bytes()))
    vetting = load_vetting() if vetted else Vetting({}, {}, frozenset())
    blocks: dict[str, str] = raw.get("blocks", {})
    out: dict[str, tuple[VerbPattern, ...]] = {}
    forms: dict[str, str] = raw.get("forms", {})
    for lemma, alts in decode_verbs(raw).items():
        if vetted:
            decision = vetting.decision(lemma, blocks.get(lemma, ""))
            if lemma in forms and lemma not in vetting.verbs:
                # "killed": the decision on "kill" governs the form.
                decision = vetting.verbs.get(forms[lemma]) or decision
            alts = _vet(alts, decision, vetting)
        # A verb left with nothing but null patterns codes nothing: leave it out.
        if any(vp.code != NULL_CODE for vp in alts):
            out[lemma] = alts
    for form, lemma in forms.items():
        # A block headed by a form ("KILLED") is looked up before the lemma's ("KILL"):
        # the lemma's patterns and default follow the form's own.
        if form in out and lemma in out and form != lemma:
            out[form] = out[form] + tuple(vp for vp in out[lemma] if vp not in out[form])
    return out


@cache
def _compiled_maps() -> tuple[dict[str, str], dict[str, str]]:
    raw = json.loads(gzip.decompress(data_path(COMPILED).read_bytes()))
    return dict(raw.get("blocks", {})), dict(raw.get("forms", {}))


def petrarch_blocks() -> dict[str, str]:
    """lemma → the PETRARCH verb block it came from."""
    return _compiled_maps()[0]


def petrarch_forms() -> dict[str, str]:
    """Keys of the vocabulary that are inflected forms ("met") → their lemma ("meet")."""
    return _compiled_maps()[1]
