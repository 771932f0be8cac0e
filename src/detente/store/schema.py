"""The tables of the detente store: SQL, the Arrow schemas of staged rows, and upgrades.

Kept apart from :mod:`detente.store` (which reads and writes them) so that the shape of a
store file can be read in one place. The column order of each Arrow schema is the order of
its table's columns.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

from detente.model import EVENT_FIELDS

__all__ = [
    "DOCUMENTS",
    "DOC_SCHEMA",
    "EVENTS",
    "EVENT_SCHEMA",
    "EVENT_SOURCES",
    "EXPORT_FIELDS",
    "MIGRATIONS",
    "SCHEMA",
    "SCHEMA_VERSION",
    "SENTENCES",
    "SENT_SCHEMA",
    "SRC_SCHEMA",
    "TABLES",
    "Column",
    "Table",
]

#: Bumped whenever the tables change shape; a file with a larger number is refused, an
#: older one is upgraded in place (``MIGRATIONS``).
SCHEMA_VERSION = 3

#: The columns ``Store.export`` writes: the output contract, the number of documents that
#: report the event and the number of sentences that mention it.
EXPORT_FIELDS: tuple[str, ...] = (*EVENT_FIELDS, "sources", "mentions")

TABLES: tuple[str, ...] = ("documents", "sentences", "events", "event_sources", "meta")

#: DuckDB type -> Arrow type of the staged rows (explicit, so an all-null column has a type).
_ARROW: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "BIGINT": pa.int64(),
    "INTEGER": pa.int32(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "TIMESTAMP": pa.timestamp("us"),
}


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, DuckDB type and whether it may be NULL."""

    name: str
    type: str
    not_null: bool = False


def _c(spec: str) -> Column:
    # "name TYPE" or "name TYPE!" (NOT NULL): one line per column keeps each table readable.
    name, type_ = spec.split()
    return Column(name, type_.rstrip("!"), type_.endswith("!"))


@dataclass(frozen=True)
class Table:
    """A table of the store, written once: its SQL and the Arrow schema of its staged rows
    are both generated from ``columns``."""

    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def create_sql(self) -> str:
        lines = [f'"{c.name}" {c.type}' + (" NOT NULL" if c.not_null else "") for c in self.columns]
        if len(self.primary_key) == 1:
            i = self.names.index(self.primary_key[0])
            lines[i] = lines[i].replace(" NOT NULL", "") + " PRIMARY KEY"
        elif self.primary_key:
            keys = ", ".join(f'"{k}"' for k in self.primary_key)
            lines.append(f"PRIMARY KEY ({keys})")
        body = ",\n    ".join(lines)
        return f"CREATE TABLE IF NOT EXISTS {self.name} (\n    {body}\n)"

    def arrow_schema(self) -> pa.Schema:
        return pa.schema([(c.name, _ARROW[c.type]) for c in self.columns])


META = Table("meta", (_c("key VARCHAR!"), _c("value VARCHAR!")), ("key",))
DOCUMENTS = Table(
    "documents",
    tuple(
        map(
            _c,
            (
                "doc_id VARCHAR!",
                "content_hash VARCHAR!",
                "pubdate VARCHAR",
                "title VARCHAR",
                "url VARCHAR",
                "path VARCHAR",
                "n_chars BIGINT!",
                "ingested_at TIMESTAMP!",
            ),
        )
    ),
    ("doc_id",),
)
SENTENCES = Table(
    "sentences",
    tuple(map(_c, ("doc_id VARCHAR!", "start BIGINT!", "end BIGINT!", "text VARCHAR!"))),
    ("doc_id", "start"),
)
# first_* and the *_text columns describe the earliest-ingested report still stored;
# they are kept in step with event_sources whenever a document is replaced.
EVENTS = Table(
    "events",
    tuple(
        map(
            _c,
            (
                "event_id VARCHAR!",
                "date VARCHAR",
                "source VARCHAR!",
                "target VARCHAR!",
                "cameo VARCHAR!",
                "root VARCHAR!",
                "goldstein DOUBLE!",
                "quad INTEGER!",
                "plover VARCHAR",
                "negated BOOLEAN!",
                "date_text VARCHAR",
                "date_source VARCHAR",
                "source_text VARCHAR!",
                "target_text VARCHAR!",
                "trigger VARCHAR!",
                "pubdate VARCHAR",
                "first_doc VARCHAR!",
                "first_sentence VARCHAR!",
                "first_start BIGINT!",
                "first_end BIGINT!",
                "first_seq BIGINT!",
            ),
        )
    ),
    ("event_id",),
)
# seq orders reports by ingestion, so "first source" is well defined and stable.
EVENT_SOURCES = Table(
    "event_sources",
    tuple(
        map(
            _c,
            (
                "event_id VARCHAR!",
                "doc_id VARCHAR!",
                "start BIGINT!",
                "end BIGINT!",
                "sentence VARCHAR!",
                "source_text VARCHAR!",
                "target_text VARCHAR!",
                "date_text VARCHAR",
                "date_source VARCHAR",
                "trigger VARCHAR!",
                "pubdate VARCHAR",
                "seq BIGINT!",
                "date VARCHAR",
                # Records imported from an event dataset (``detente import``): its name, the
                # record's id there and its own actor and event codes, kept as given.
                "dataset VARCHAR",
                "record_id VARCHAR",
                "source_original VARCHAR",
                "target_original VARCHAR",
                "code_original VARCHAR",
            ),
        )
    ),
    ("event_id", "doc_id", "start"),
)

_EVENT_RECORDS_VIEW = """CREATE OR REPLACE VIEW event_records AS
        SELECT
            e.first_doc AS doc, e.first_sentence AS sentence,
            e.first_start AS start, e.first_end AS "end",
            e.date, e.date_text, e.source, e.target, e.source_text, e.target_text,
            e.cameo, e.root, e.goldstein, e.quad, e.plover, e.negated,
            e.date_source, e.trigger, e.pubdate,
            coalesce(n.sources, 0) AS sources, coalesce(n.mentions, 0) AS mentions,
            e.event_id, e.first_seq
        FROM events AS e
        LEFT JOIN LATERAL (
            SELECT count(DISTINCT s.doc_id) AS sources, count(*) AS mentions
            FROM event_sources AS s WHERE s.event_id = e.event_id
        ) AS n ON true"""

SCHEMA: tuple[str, ...] = (
    *(t.create_sql() for t in (META, DOCUMENTS, SENTENCES, EVENTS, EVENT_SOURCES)),
    _EVENT_RECORDS_VIEW,
)

#: Upgrades of an older store, by the version they start from (each one transaction).
MIGRATIONS: dict[int, tuple[str, ...]] = {
    # 1 -> 2: each mention keeps its own date (an event's date is its finest mention's),
    # and the view counts documents (sources) and sentences (mentions) apart.
    1: (
        "ALTER TABLE event_sources ADD COLUMN date VARCHAR",
        "UPDATE event_sources SET date = e.date FROM events AS e "
        "WHERE event_sources.event_id = e.event_id",
        SCHEMA[-1],
    ),
    # 2 -> 3: records imported from GDELT, ICEWS or POLECAT keep their dataset, id and
    # original codes (NULL for mentions read from texts); the view counts the reports of
    # the events a query selects only (a lateral join), not of the whole store, so that one
    # dyad's events come back in a fraction of a second from millions.
    2: (
        *(
            f"ALTER TABLE event_sources ADD COLUMN IF NOT EXISTS {name} VARCHAR"
            for name in (
                "dataset",
                "record_id",
                "source_original",
                "target_original",
                "code_original",
            )
        ),
        SCHEMA[-1],
    ),
}

# Arrow schemas of the staging tables, in the order of their table's columns.
DOC_SCHEMA = DOCUMENTS.arrow_schema()
SENT_SCHEMA = SENTENCES.arrow_schema()
SRC_SCHEMA = EVENT_SOURCES.arrow_schema()
EVENT_SCHEMA = EVENTS.arrow_schema()
