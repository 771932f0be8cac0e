"""Input and output: documents in (text, HTML, JSONL/CSV corpora, folders, stdin), rows out."""

from detente.io.readers import (
    canonical_path,
    check_inputs,
    decode_bytes,
    iter_documents,
    normalize_date,
    stdin_document_id,
)
from detente.io.writers import FORMATS, read_records, write_records

__all__ = [
    "FORMATS",
    "canonical_path",
    "check_inputs",
    "decode_bytes",
    "iter_documents",
    "normalize_date",
    "read_records",
    "stdin_document_id",
    "write_records",
]
