"""CAMEO event codes: names, Goldstein scores, quad classes and PLOVER types.

The table is ``data/cameo.tsv``, built by ``scripts/build_codebook.py`` from GDELT's and
ICEWS's CAMEO tables and the 2021 CAMEO→PLOVER mapping (see ``data/SOURCE.md``).
Goldstein scores are GDELT's and quad classes follow GDELT's convention, as the output
contract requires.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from detente.codebook._data import read_tsv

__all__ = ["CameoInfo", "all_codes", "cameo_info", "is_valid", "quad_class"]

_CODE_RE = re.compile(r"\d{2,4}")


@dataclass(frozen=True, slots=True)
class CameoInfo:
    """What detente needs to know about one CAMEO code.

    ``exact`` is False when the code itself is not in CAMEO and its values were taken from
    its parent code (a 4-digit code that CAMEO does not list, e.g. a coder's extension).
    """

    code: str
    root: str
    name: str
    goldstein: float
    quad: int
    plover: str | None
    level: int = 1  # 0 root ("04"), 1 three-digit ("042"), 2 four-digit ("0874")
    plover_mode: str | None = None
    description: str = ""
    usage_notes: str = ""
    exact: bool = True


@cache
def _table() -> dict[str, CameoInfo]:
    table = {}
    for r in read_tsv("cameo.tsv"):
        table[r["code"]] = CameoInfo(
            code=r["code"],
            root=r["root"],
            name=r["name"],
            goldstein=float(r["goldstein"]),
            quad=int(r["quad"]),
            plover=r["plover"] or None,
            level=int(r["level"]),
            plover_mode=r["plover_mode"] or None,
            description=r["description"],
            usage_notes=r["usage_notes"],
        )
    return table


def _normalise(code: str) -> str:
    code = str(code).strip()
    if not _CODE_RE.fullmatch(code):
        raise KeyError(f"not a CAMEO code: {code!r}")
    return code


def cameo_info(code: str) -> CameoInfo:
    """The entry for a CAMEO code (``"042"``, ``"0874"``, ``"19"``).

    A 4-digit code that CAMEO does not list takes the values of its 3-digit parent (as
    GDELT and Phoenix do), with ``exact=False`` and the code kept as given.

    Raises:
        KeyError: the string is not a CAMEO code, or neither it nor its parent exists.
    """
    code = _normalise(code)
    table = _table()
    info = table.get(code)
    if info is not None:
        return info
    if len(code) == 4 and code[:3] in table:
        parent = table[code[:3]]
        return CameoInfo(
            code=code,
            root=parent.root,
            name=parent.name,
            goldstein=parent.goldstein,
            quad=parent.quad,
            plover=parent.plover,
            level=2,
            plover_mode=parent.plover_mode,
            description=parent.description,
            usage_notes=parent.usage_notes,
            exact=False,
        )
    raise KeyError(f"unknown CAMEO code: {code!r}")


def is_valid(code: str) -> bool:
    """True when ``code`` is itself a CAMEO code (no parent fallback)."""
    try:
        return _normalise(code) in _table()
    except KeyError:
        return False


def all_codes() -> list[str]:
    """Every CAMEO code in the table, in codebook order (roots before their children)."""
    return list(_table())


def quad_class(code: str) -> int:
    """GDELT quad class from the root alone: 01–05 → 1, 06–09 → 2, 10–14 → 3, 15–20 → 4.

    Works for any code whose first two digits are a root, even one not in the table.
    """
    root = int(_normalise(code)[:2])
    if not 1 <= root <= 20:
        raise KeyError(f"unknown CAMEO root: {code!r}")
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
