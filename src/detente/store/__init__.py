"""The embedded DuckDB store (see :mod:`detente.store.database` for what it holds and why).

:mod:`~detente.store.schema` writes each table once (its SQL and the Arrow schema of its staged
rows come from one column list); :mod:`~detente.store.database` opens, reads and upgrades a
store; :mod:`~detente.store.writing` writes a batch into it.
"""

from detente.store.database import IngestStats, Store, open_store
from detente.store.schema import EXPORT_FIELDS, SCHEMA_VERSION
from detente.store.writing import event_id

__all__ = [
    "EXPORT_FIELDS",
    "SCHEMA_VERSION",
    "IngestStats",
    "Store",
    "event_id",
    "open_store",
]
