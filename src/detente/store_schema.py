"""The tables of the detente store: SQL, the Arrow schemas of staged rows, and upgrades.

Kept apart from :mod:`detente.store` (which reads and writes them) so that the shape of a
store file can be read in one place. The column order of each Arrow schema is the order of
its table's columns.
"""

from __future__ import annotations

import pyarrow as pa

from detente.model import EVENT_FIELDS

__all__ = [
    "DOC_SCHEMA",
    "EVENT_SCHEMA",
    "EXPORT_FIELDS",
    "MIGRATIONS",
    "SCHEMA",
    "SCHEMA_VERSION",
    "SENT_SCHEMA",
    "SRC_SCHEMA",
    "TABLES",
]

#: Bumped whenever the tables change shape; a file with a larger number is refused, an
#: older one is upgraded in place (``MIGRATIONS``).
SCHEMA_VERSION = 2

#: The columns ``Store.export`` writes: the output contract, the number of documents that
#: report the event and the number of sentences that mention it.
EXPORT_FIELDS: tuple[str, ...] = (*EVENT_FIELDS, "sources", "mentions")

TABLES: tuple[str, ...] = ("documents", "sentences", "events", "event_sources", "meta")

SCHEMA: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS meta (
        key VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        pubdate VARCHAR,
        title VARCHAR,
        url VARCHAR,
        path VARCHAR,
        n_chars BIGINT NOT NULL,
        ingested_at TIMESTAMP NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS sentences (
        doc_id VARCHAR NOT NULL,
        start BIGINT NOT NULL,
        "end" BIGINT NOT NULL,
        text VARCHAR NOT NULL,
        PRIMARY KEY (doc_id, start)
    )""",
    # first_* and the *_text columns describe the earliest-ingested report still stored;
    # they are kept in step with event_sources whenever a document is replaced.
    """CREATE TABLE IF NOT EXISTS events (
        event_id VARCHAR PRIMARY KEY,
        date VARCHAR,
        source VARCHAR NOT NULL,
        target VARCHAR NOT NULL,
        cameo VARCHAR NOT NULL,
        root VARCHAR NOT NULL,
        goldstein DOUBLE NOT NULL,
        quad INTEGER NOT NULL,
        plover VARCHAR,
        negated BOOLEAN NOT NULL,
        date_text VARCHAR,
        date_source VARCHAR,
        source_text VARCHAR NOT NULL,
        target_text VARCHAR NOT NULL,
        trigger VARCHAR NOT NULL,
        pubdate VARCHAR,
        first_doc VARCHAR NOT NULL,
        first_sentence VARCHAR NOT NULL,
        first_start BIGINT NOT NULL,
        first_end BIGINT NOT NULL,
        first_seq BIGINT NOT NULL
    )""",
    # seq orders reports by ingestion, so "first source" is well defined and stable.
    """CREATE TABLE IF NOT EXISTS event_sources (
        event_id VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        start BIGINT NOT NULL,
        "end" BIGINT NOT NULL,
        sentence VARCHAR NOT NULL,
        source_text VARCHAR NOT NULL,
        target_text VARCHAR NOT NULL,
        date_text VARCHAR,
        date_source VARCHAR,
        trigger VARCHAR NOT NULL,
        pubdate VARCHAR,
        seq BIGINT NOT NULL,
        date VARCHAR,
        PRIMARY KEY (event_id, doc_id, start)
    )""",
    """CREATE OR REPLACE VIEW event_records AS
        SELECT
            e.first_doc AS doc, e.first_sentence AS sentence,
            e.first_start AS start, e.first_end AS "end",
            e.date, e.date_text, e.source, e.target, e.source_text, e.target_text,
            e.cameo, e.root, e.goldstein, e.quad, e.plover, e.negated,
            e.date_source, e.trigger, e.pubdate,
            coalesce(n.sources, 0) AS sources, coalesce(n.mentions, 0) AS mentions,
            e.event_id, e.first_seq
        FROM events AS e
        LEFT JOIN (
            SELECT event_id, count(DISTINCT doc_id) AS sources, count(*) AS mentions
            FROM event_sources GROUP BY event_id
        ) AS n USING (event_id)""",
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
}

# Arrow schemas of the staging tables: explicit, so that an all-null column still has a type.
DOC_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("content_hash", pa.string()),
        ("pubdate", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("path", pa.string()),
        ("n_chars", pa.int64()),
        ("ingested_at", pa.timestamp("us")),
    ]
)
SENT_SCHEMA = pa.schema(
    [("doc_id", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())]
)
SRC_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("doc_id", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("sentence", pa.string()),
        ("source_text", pa.string()),
        ("target_text", pa.string()),
        ("date_text", pa.string()),
        ("date_source", pa.string()),
        ("trigger", pa.string()),
        ("pubdate", pa.string()),
        ("seq", pa.int64()),
        ("date", pa.string()),
    ]
)
EVENT_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("date", pa.string()),
        ("source", pa.string()),
        ("target", pa.string()),
        ("cameo", pa.string()),
        ("root", pa.string()),
        ("goldstein", pa.float64()),
        ("quad", pa.int32()),
        ("plover", pa.string()),
        ("negated", pa.bool_()),
        ("date_text", pa.string()),
        ("date_source", pa.string()),
        ("source_text", pa.string()),
        ("target_text", pa.string()),
        ("trigger", pa.string()),
        ("pubdate", pa.string()),
        ("first_doc", pa.string()),
        ("first_sentence", pa.string()),
        ("first_start", pa.int64()),
        ("first_end", pa.int64()),
        ("first_seq", pa.int64()),
    ]
)
