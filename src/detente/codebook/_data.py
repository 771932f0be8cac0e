"""Reading the package's own data files (``detente/codebook/data``)."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    """Path of a data file shipped in ``detente.codebook.data``."""
    # The package is installed as plain files (editable or wheel), so the traversable
    # is a real path; Path() keeps callers simple.
    return Path(str(resources.files("detente.codebook").joinpath("data", name)))


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file with a header line; ``#`` lines are comments."""
    with data_path(name).open(encoding="utf-8", newline="") as f:
        lines = (line for line in f if line.strip() and not line.startswith("#"))
        return [
            {k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


def read_tsv_rows(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file without a header; ``#`` lines are comments."""
    with data_path(name).open(encoding="utf-8", newline="") as f:
        lines = (line for line in f if line.strip() and not line.startswith("#"))
        return [row for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]
