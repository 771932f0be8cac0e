"""Event data from other projects, in and out: ``detente import`` (GDELT 1.0/2.0, ICEWS,
POLECAT) into the store, and GDELT 2.0 TSV out of it (``detente export --format gdelt``)."""

from detente.imports.loader import FileReport, ImportResult, import_files

__all__ = ["FileReport", "ImportResult", "import_files"]
