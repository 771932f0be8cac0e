"""Temponyms: named dates of international affairs ("9/11", "the partition") read from TSV files."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from detente.codebook._data import data_path
from detente.errors import InputError
from detente.nlp.timex.base import _R, _State

# ---------------------------------------------------------------------------------------------
# Temponyms


@dataclass(frozen=True)
class _Temponym:
    pattern: re.Pattern[str]
    value: str
    type: str


def _read_temponyms(lines: Sequence[str], where: str) -> list[_Temponym]:
    out: list[_Temponym] = []
    rows = csv.reader(
        (ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")), delimiter="\t"
    )
    for i, row in enumerate(rows, 1):
        if row and row[0] == "pattern":
            continue
        if len(row) < 2:
            raise InputError(
                where, f"temponym row {i}: expected pattern<TAB>value<TAB>type<TAB>note"
            )
        try:
            rx = re.compile(rf"(?<![\w/]){row[0]}(?![\w/])", re.IGNORECASE)
        except re.error as err:
            raise InputError(where, f"temponym row {i}: bad pattern {row[0]!r}: {err}") from err
        out.append(
            _Temponym(rx, row[1].strip(), (row[2].strip() if len(row) > 2 else "") or "DATE")
        )
    return out


def load_temponyms(
    extra: str | Path | Sequence[str | Path] | None = None,
) -> tuple[_Temponym, ...]:
    """The packaged temponyms plus those in ``extra`` (a TSV path, or several)."""
    if extra is None:
        paths: tuple[str, ...] = ()
    elif isinstance(extra, (str, Path)):
        paths = (str(extra),)
    else:
        paths = tuple(str(p) for p in extra)
    return _load_temponyms(paths)


@lru_cache(maxsize=16)
def _load_temponyms(paths: tuple[str, ...]) -> tuple[_Temponym, ...]:
    # Cached per list of files so that tagging many documents reads them once.
    text = data_path("temponyms.tsv").read_text("utf-8")
    items = _read_temponyms(text.splitlines(), "temponyms.tsv")
    for p in paths:
        try:
            items += _read_temponyms(Path(p).read_text("utf-8").splitlines(), p)
        except OSError as err:
            raise InputError(p, f"cannot read temponyms: {err.strerror or err}") from err
    return tuple(items)


def _temponym_resolver(tp: _Temponym) -> Callable[[re.Match[str], _State], list[_R] | None]:
    def resolve(m: re.Match[str], st: _State) -> list[_R] | None:
        ymd = None
        ym = re.match(r"(BC)?(\d{4})(?:-(\d\d))?(?:-(\d\d))?$", tp.value)
        if ym:
            y = int(ym.group(2)) * (-1 if ym.group(1) else 1)
            ymd = (
                y,
                int(ym.group(3)) if ym.group(3) else None,
                int(ym.group(4)) if ym.group(4) else None,
            )
        return [
            _R(m.start(), m.end(), tp.type, tp.value, anchor="absolute", ymd=ymd, kind="temponym")
        ]

    return resolve
