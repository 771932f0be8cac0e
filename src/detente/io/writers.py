"""Write event rows as JSONL, CSV or Parquet, and read such files back.

Rows are plain dicts in the field order of :data:`detente.model.EVENT_FIELDS` (the output
contract of DESIGN.md), but any dict rows work. Output goes to a file or to standard
output, streamed row by row (Parquet in batches), so exporting a large store does not
hold it in memory.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from detente.errors import DetenteError, InputError
from detente.io.readers import json_error
from detente.model import EVENT_FIELDS

__all__ = ["FORMATS", "atomic_output", "read_records", "write_records"]

FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")

#: Column types of the contract fields, so that an empty Parquet file still has the right
#: schema and a column that is None in the first rows is not typed as null.
_KNOWN_TYPES: dict[str, str] = {
    "start": "int64",
    "end": "int64",
    "quad": "int64",
    "goldstein": "float64",
    "negated": "bool",
    "sources": "int64",
}
_KNOWN_TYPES.update({f: "string" for f in EVENT_FIELDS if f not in _KNOWN_TYPES})

#: Rows buffered per Parquet row group (and used to infer the types of unknown fields).
_PARQUET_BATCH = 10_000


def _check_format(fmt: str) -> str:
    f = (fmt or "").lower().strip()
    if f == "ndjson":
        f = "jsonl"
    if f not in FORMATS:
        raise DetenteError(f"unknown output format {fmt!r} (choose jsonl, csv or parquet)")
    return f


def _is_stdout(out: str | Path | None) -> bool:
    return out is None or str(out) == "-"


@contextlib.contextmanager
def atomic_output(out: str | Path) -> Iterator[str]:
    """A temporary path beside ``out`` that becomes ``out`` only if the block succeeds.

    A run that fails or is interrupted midway leaves ``out`` as it was (absent, or its
    previous content) instead of a half-written file such as a CSV with only its header.
    The rename is atomic on one file system, hence the temporary file beside the target.
    """
    target = os.fspath(out)
    folder, name = os.path.split(target)
    tmp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        yield tmp
        os.replace(tmp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise DetenteError(f"{out}: cannot write ({(err.strerror or str(err)).lower()})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def _open_text(out: str | Path | None) -> Iterator[IO[str]]:
    """A UTF-8 text stream on ``out``; for stdout, on its byte buffer.

    Writing stdout through its buffer makes the output UTF-8 whatever the locale is, as
    JSONL and CSV consumers expect. The wrapper is detached afterwards so that closing it
    does not close the process's stdout.
    """
    if _is_stdout(out):
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a text-only stand-in (e.g. io.StringIO in a test harness)
            yield sys.stdout
            sys.stdout.flush()
            return
        sys.stdout.flush()
        # line_buffering: a user watching a long run sees each row as it is written.
        wrapper = io.TextIOWrapper(buffer, encoding="utf-8", newline="", line_buffering=True)
        try:
            yield wrapper
        finally:
            with contextlib.suppress(ValueError, OSError):
                wrapper.flush()
            wrapper.detach()
        return
    with atomic_output(out) as tmp:
        try:
            fh = open(tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as err:
            reason = (err.strerror or str(err)).lower()
            raise DetenteError(f"{out}: cannot write ({reason})") from None
        with fh:
            yield fh


def _project(record: dict[str, Any], fields: Sequence[str] | None) -> dict[str, Any]:
    if fields is None:
        return record
    return {f: record.get(f) for f in fields}


def _json_default(value: Any) -> Any:
    # Sets, tuples of codes, dates and other objects that show up in extra fields.
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _write_jsonl(records: Iterable[dict[str, Any]], out: Any, fields: Sequence[str] | None) -> int:
    n = 0
    with _open_text(out) as fh:
        for record in records:
            fh.write(
                json.dumps(_project(record, fields), ensure_ascii=False, default=_json_default)
            )
            fh.write("\n")
            n += 1
    return n


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, dict, set, frozenset)):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    return value


def _write_csv(records: Iterable[dict[str, Any]], out: Any, fields: Sequence[str] | None) -> int:
    n = 0
    columns = list(fields) if fields is not None else None
    with _open_text(out) as fh:
        writer = csv.writer(fh, lineterminator="\n")
        if columns is not None:
            writer.writerow(columns)
        for record in records:
            if columns is None:
                # Without explicit fields the first row decides the columns.
                columns = list(record)
                writer.writerow(columns)
            writer.writerow([_csv_cell(record.get(c)) for c in columns])
            n += 1
    return n


def _arrow_type(name: str, values: list[Any]) -> Any:
    """The Arrow type of a column: known contract types first, else from the values."""
    import pyarrow as pa

    known = _KNOWN_TYPES.get(name)
    if known is None:
        seen = {type(v) for v in values if v is not None}
        if seen == {bool}:
            known = "bool"
        elif seen and seen <= {int}:
            known = "int64"
        elif seen and seen <= {int, float}:
            known = "float64"
        else:
            known = "string"
    return {"int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}.get(
        known, pa.string()
    )


def _arrow_value(value: Any, kind: Any) -> Any:
    import pyarrow as pa

    if value is None:
        return None
    if kind == pa.string() and not isinstance(value, str):
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (list, tuple, dict, set, frozenset)):
            return json.dumps(value, ensure_ascii=False, default=_json_default)
        return str(value)
    if kind == pa.float64() and isinstance(value, float) and math.isnan(value):
        return None
    return value


def _write_parquet(
    records: Iterable[dict[str, Any]], out: Any, fields: Sequence[str] | None
) -> int:
    import pyarrow as pa

    rows = iter(records)
    batch: list[dict[str, Any]] = []
    for record in rows:
        batch.append(record)
        if len(batch) >= _PARQUET_BATCH:
            break
    columns = list(fields) if fields is not None else (list(batch[0]) if batch else [])
    schema = pa.schema([(c, _arrow_type(c, [r.get(c) for r in batch])) for c in columns])

    def table(chunk: list[dict[str, Any]]) -> Any:
        arrays = [
            pa.array([_arrow_value(r.get(f.name), f.type) for r in chunk], type=f.type)
            for f in schema
        ]
        return pa.Table.from_arrays(arrays, schema=schema)

    if _is_stdout(out):
        sys.stdout.flush()
        sink = getattr(sys.stdout, "buffer", None)
        if sink is None:
            raise DetenteError("-: cannot write Parquet to a text-only standard output")
        return _parquet_to(sink, out, batch, rows, schema, table)
    with atomic_output(out) as tmp:
        return _parquet_to(tmp, out, batch, rows, schema, table)


def _parquet_to(
    sink: Any,
    out: Any,
    batch: list[dict[str, Any]],
    rows: Iterator[dict[str, Any]],
    schema: Any,
    table: Any,
) -> int:
    """Write ``batch`` and then the rest of ``rows`` as Parquet row groups to ``sink``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    n = 0
    try:
        with pq.ParquetWriter(sink, schema) as writer:
            while True:
                if batch:
                    writer.write_table(table(batch))
                    n += len(batch)
                batch = []
                for record in rows:
                    batch.append(record)
                    if len(batch) >= _PARQUET_BATCH:
                        break
                if not batch:
                    break
            if n == 0:
                writer.write_table(table([]))  # a readable file with the schema and no rows
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, OverflowError) as err:
        raise DetenteError(f"{out or '-'}: cannot write Parquet ({err})") from None
    except OSError as err:
        raise DetenteError(
            f"{out or '-'}: cannot write ({(err.strerror or str(err)).lower()})"
        ) from None
    if _is_stdout(out):
        sink.flush()
    return n


def write_records(
    records: Iterable[dict[str, Any]],
    fmt: str,
    out: str | Path | None,
    fields: Sequence[str] | None = None,
) -> int:
    """Write ``records`` as ``jsonl``, ``csv`` or ``parquet`` to ``out`` (``None``/``"-"``: stdout).

    ``fields`` fixes the columns and their order (missing keys are written as null);
    without it JSONL rows are written as they are and CSV/Parquet take the first row's
    keys. CSV writes booleans as ``true``/``false`` and None as an empty cell. Parquet
    types come from the contract (``start``/``end``/``quad`` int64, ``goldstein``
    float64, ``negated`` bool, other contract fields string) or else from the values.

    Returns the number of rows written. Raises :class:`DetenteError` for an unknown
    format or an output that cannot be written.
    """
    f = _check_format(fmt)
    if f == "jsonl":
        return _write_jsonl(records, out, fields)
    if f == "csv":
        return _write_csv(records, out, fields)
    return _write_parquet(records, out, fields)


# --------------------------------------------------------------------------------------
# Reading back
# --------------------------------------------------------------------------------------


def _csv_value(name: str, value: str, where: str) -> Any:
    if value == "":
        return None
    kind = _KNOWN_TYPES.get(name)
    try:
        if kind == "int64":
            return int(value)
        if kind == "float64":
            return float(value)
    except ValueError:
        raise InputError(where, f"column {name!r}: not a number: {value!r}") from None
    if kind == "bool":
        low = value.strip().lower()
        if low in ("true", "1", "yes"):
            return True
        if low in ("false", "0", "no"):
            return False
        raise InputError(where, f"column {name!r}: not true/false: {value!r}")
    return value


def _sniff_format(path: str, head: bytes) -> str:
    ext = os.path.splitext(path)[1].lower()
    if ext in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if ext in (".csv", ".tsv"):
        return "csv"
    if ext in (".parquet", ".pq"):
        return "parquet"
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.lstrip().removeprefix(b"\xef\xbb\xbf").startswith(b"{"):
        return "jsonl"
    return "csv"


def _read_jsonl(lines: Iterable[str], name: str) -> Iterator[dict[str, Any]]:
    for n, line in enumerate(lines, start=1):
        if n == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{name}:{n}", f"invalid JSON ({json_error(err)})") from None
        if not isinstance(record, dict):
            raise InputError(f"{name}:{n}", "not a JSON object")
        yield record


def _read_csv(fh: IO[str], name: str) -> Iterator[dict[str, Any]]:
    delimiter = "\t" if name.lower().endswith(".tsv") else ","
    reader = csv.reader(fh, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as err:
        raise InputError(f"{name}:1", f"bad CSV ({err})") from None
    if header:
        header[0] = header[0].removeprefix("\ufeff")
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise InputError(f"{name}:{reader.line_num}", f"bad CSV ({err})") from None
        if not row:
            continue
        where = f"{name}:{reader.line_num}"
        if len(row) != len(header):
            raise InputError(where, f"{len(row)} fields, header has {len(header)}")
        yield {h: _csv_value(h, v, where) for h, v in zip(header, row, strict=True)}


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """Read back rows written by :func:`write_records` (JSONL, CSV or Parquet), lazily.

    The format comes from the extension (``.jsonl``/``.ndjson``/``.json``, ``.csv``/``.tsv``,
    ``.parquet``) or, failing that, from the content. ``"-"`` reads JSONL or CSV from
    stdin. CSV cells are typed back for the contract fields (ints, float, booleans) and
    empty cells become None. A malformed file raises :class:`InputError` naming the file
    and line: a score computed over silently dropped rows would mislead.
    """
    name = str(path)
    if name == "-":
        text = sys.stdin.read()
        stripped = text.lstrip().removeprefix("\ufeff")
        if stripped.startswith("{"):
            yield from _read_jsonl(io.StringIO(text, newline=None), name)
        else:
            yield from _read_csv(io.StringIO(text, newline=""), name)
        return
    try:
        with open(name, "rb") as fh:
            head = fh.read(8)
    except OSError as err:
        reason = (
            "no such file or directory"
            if isinstance(err, FileNotFoundError)
            else ((err.strerror or str(err)).lower())
        )
        raise InputError(name, reason) from None
    fmt = _sniff_format(name, head)
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            pf = pq.ParquetFile(name)
            for batch in pf.iter_batches():
                yield from batch.to_pylist()
        except (pa.ArrowInvalid, OSError) as err:
            raise InputError(name, f"not a readable Parquet file ({err})") from None
        return
    try:
        with open(name, encoding="utf-8", newline="" if fmt == "csv" else None) as fh:
            if fmt == "jsonl":
                yield from _read_jsonl(fh, name)
            else:
                yield from _read_csv(fh, name)
    except UnicodeDecodeError:
        raise InputError(name, "not UTF-8 text") from None
