"""Input and output: documents in (text, HTML, JSONL/CSV corpora, folders, stdin), rows out."""

from detente.io.readers import decode_bytes, iter_documents, normalize_date
from detente.io.writers import FORMATS, read_records, write_records

__all__ = [
    "FORMATS",
    "decode_bytes",
    "iter_documents",
    "normalize_date",
    "read_records",
    "write_records",
]
