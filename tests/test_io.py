"""Tests for detente.io: reading documents and writing/reading event rows."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.errors import DetenteError, InputError
from detente.io import iter_documents, normalize_date, read_records, write_records
from detente.model import EVENT_FIELDS, Problems

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ministers meet in Ankara | The Example Herald</title>
<meta property="og:title" content="Ministers meet in Ankara">
<meta property="article:published_time" content="2019-11-05T08:30:00+00:00">
<script>var trackingBlob = "XYZZY_SCRIPT_PAYLOAD";</script>
<style>.x { color: red }</style>
</head><body>
<nav><a href="/">Home</a></nav>
<article>
<h1>Ministers meet in Ankara</h1>
<p>The foreign ministers of Greece and Turkey met in Ankara on Monday to discuss maritime
boundaries in the Aegean, the first such meeting in two years.</p>
<p>Both delegations described the talks as frank and said technical teams would continue
the work before a further round in the spring.</p>
</article>
<script>console.log("XYZZY_SCRIPT_PAYLOAD");</script>
</body></html>
"""


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> str:
    data = content.encode(encoding) if isinstance(content, str) else content
    path.write_bytes(data)
    return str(path)


def read_all(paths: list[str], **kwargs: object) -> list:
    return list(iter_documents(paths, **kwargs))  # type: ignore[arg-type]


def assert_one_line_naming(err: InputError, name: str) -> None:
    msg = str(err)
    assert name in msg
    assert "\n" not in msg


# ----------------------------------------------------------------------- plain text


def test_text_file_is_read_verbatim_with_path_as_id(tmp_path: Path) -> None:
    text = "Chile recalled its ambassador.\r\nPeru protested.\n\n  Indented line.\n"
    p = write(tmp_path / "note.txt", text)
    [doc] = read_all([p])
    assert doc.id == p
    assert doc.path == p
    assert doc.text == text  # CRLF and spacing kept: offsets index the text as read
    assert doc.pubdate is None


def test_pubdate_argument_is_normalised_and_applied(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", "Norway hosted the talks.")
    [doc] = read_all([p], pubdate="4 July 2016")
    assert doc.pubdate == "2016-07-04"


def test_bad_pubdate_argument_is_a_user_error(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", "Norway hosted the talks.")
    with pytest.raises(DetenteError, match="pubdate"):
        read_all([p], pubdate="next tuesday-ish")


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    p = write(tmp_path / "bom.txt", b"\xef\xbb\xbfKenya and Uganda signed a deal.")
    [doc] = read_all([p])
    assert doc.text == "Kenya and Uganda signed a deal."


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    text = (
        "Le président sénégalais a reçu à Dakar le ministre des Affaires étrangères "
        "du Mali, où les deux délégations ont signé un accord de coopération régionale."
    )
    p = write(tmp_path / "fr.txt", text, encoding="latin-1")
    [doc] = read_all([p])
    assert doc.text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_bom_is_decoded(tmp_path: Path, encoding: str) -> None:
    text = "Japan and South Korea agreed to share intelligence — «finally»."
    data = text.encode("utf-16")  # little-endian with BOM
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    p = write(tmp_path / "u16.txt", data)
    [doc] = read_all([p])
    assert doc.text == text


# ----------------------------------------------------------------------------- HTML


def test_html_main_text_title_and_pubdate(tmp_path: Path) -> None:
    p = write(tmp_path / "story.html", ARTICLE_HTML)
    [doc] = read_all([p])
    assert doc.id == p
    assert "foreign ministers of Greece and Turkey met in Ankara" in doc.text
    assert "XYZZY_SCRIPT_PAYLOAD" not in doc.text
    assert "color: red" not in doc.text
    assert doc.title == "Ministers meet in Ankara"
    assert doc.pubdate == "2019-11-05"


def test_pubdate_argument_beats_html_metadata(tmp_path: Path) -> None:
    p = write(tmp_path / "story.htm", ARTICLE_HTML)
    [doc] = read_all([p], pubdate="2020-01-31")
    assert doc.pubdate == "2020-01-31"


def test_html_is_sniffed_without_extension(tmp_path: Path) -> None:
    p = write(tmp_path / "download.txt", ARTICLE_HTML)
    [doc] = read_all([p])
    assert "<p>" not in doc.text
    assert "Greece and Turkey" in doc.text
    assert doc.pubdate == "2019-11-05"


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    html = (
        '<html><head><meta charset="windows-1252"><title>Süd</title></head><body>'
        "<p>Der Außenminister traf in Zürich seinen Amtskollegen aus Österreich; "
        "die Gespräche über Grenzfragen dauerten länger als geplant.</p></body></html>"
    )
    p = write(tmp_path / "de.html", html, encoding="cp1252")
    [doc] = read_all([p])
    assert "Außenminister traf in Zürich" in doc.text


# ---------------------------------------------------------------------------- JSONL


def test_jsonl_records_become_documents(tmp_path: Path) -> None:
    lines = [
        {"id": "a1", "text": "Egypt mediated.", "date": "2017-03-02T10:00:00Z", "title": "T"},
        {"id": 42, "text": "Qatar hosted.", "date": "March 2, 2017", "url": "http://x.test/q"},
        {"text": "Oman abstained.", "date": "2 March 2017"},
    ]
    p = write(tmp_path / "c.jsonl", "\n".join(json.dumps(r) for r in lines) + "\n")
    docs = read_all([p])
    assert [d.id for d in docs] == ["a1", "42", f"{p}:3"]
    assert [d.path for d in docs] == [f"{p}:1", f"{p}:2", f"{p}:3"]
    assert [d.pubdate for d in docs] == ["2017-03-02"] * 3
    assert docs[0].title == "T"
    assert docs[1].url == "http://x.test/q"


def test_jsonl_bad_lines_are_skipped_with_line_numbers(tmp_path: Path) -> None:
    content = "\n".join(
        [
            json.dumps({"id": "ok1", "text": "Brazil recognised the new government."}),
            "{not json",
            json.dumps(["a", "list"]),
            json.dumps({"id": "x"}),
            json.dumps({"id": "y", "text": 17}),
            json.dumps({"id": "z", "text": "   "}),
            "",
            json.dumps({"id": "ok2", "text": "Argentina protested.", "date": "soonish"}),
        ]
    )
    p = write(tmp_path / "mixed.ndjson", content)
    problems = Problems()
    docs = read_all([p], problems=problems)
    assert [d.id for d in docs] == ["ok1", "ok2"]
    assert docs[1].pubdate is None  # bad date: kept, undated
    joined = "\n".join(problems.items)
    for line in (2, 3, 4, 5, 6, 8):
        assert f"{p}:{line}:" in joined
    assert f"{p}:7:" not in joined  # a blank line is not a record
    assert "invalid JSON" in joined
    assert "missing 'text'" in joined


def test_jsonl_markup_in_text_is_kept_verbatim(tmp_path: Path) -> None:
    text = '<b>Accord</b> signed: if (a < b) { x = "&amp;"; } <script>alert(1)</script>'
    p = write(tmp_path / "m.jsonl", json.dumps({"id": "m", "text": text}) + "\n")
    [doc] = read_all([p])
    assert doc.text == text


def test_jsonl_lone_surrogates_are_replaced_in_place(tmp_path: Path) -> None:
    p = write(tmp_path / "s.jsonl", '{"id": "s", "text": "Oslo \\ud800 accord"}\n')
    problems = Problems()
    [doc] = read_all([p], problems=problems)
    assert doc.text == "Oslo \ufffd accord"  # same length: offsets unchanged
    assert problems.items and problems.items[0].startswith(f"{p}:1:")


def test_utf16_jsonl_from_windows_tools_is_read(tmp_path: Path) -> None:
    lines = [{"id": "w1", "text": "Türkiye and Iraq reopened the border."}, {"text": "Ça va."}]
    content = "\r\n".join(json.dumps(r, ensure_ascii=False) for r in lines) + "\r\n"
    p = write(tmp_path / "ps.jsonl", content, encoding="utf-16")
    docs = read_all([p])
    assert [d.text for d in docs] == ["Türkiye and Iraq reopened the border.", "Ça va."]
    assert docs[1].id == f"{p}:2"


def test_jsonl_is_streamed(tmp_path: Path) -> None:
    p = write(
        tmp_path / "s.jsonl",
        "".join(json.dumps({"id": i, "text": f"Text {i}."}) + "\n" for i in range(3)),
    )
    gen = iter_documents([p])
    first = next(gen)
    assert first.id == "0"
    gen.close()


def test_jsonl_with_only_bad_records_is_fatal_when_named(tmp_path: Path) -> None:
    p = write(tmp_path / "junk.jsonl", "[1]\n{oops\n")
    with pytest.raises(InputError) as exc:
        read_all([p])
    assert_one_line_naming(exc.value, p)


# ------------------------------------------------------------------------------ CSV


def test_csv_records_and_ragged_rows(tmp_path: Path) -> None:
    content = (
        "id,title,date,text\n"
        'c1,First,2015-06,"Cuba and the United States, after decades,\nrestored ties."\n'
        "c2,Second\n"
        "c3,Third,,Mexico extradited a suspect.,extra\n"
        "c4,,1999,India tested a missile.\n"
    )
    p = write(tmp_path / "c.csv", content)
    problems = Problems()
    docs = read_all([p], problems=problems)
    assert [d.id for d in docs] == ["c1", "c4"]
    assert docs[0].text == "Cuba and the United States, after decades,\nrestored ties."
    assert docs[0].pubdate == "2015-06"
    assert docs[0].title == "First"
    assert docs[1].pubdate == "1999"
    assert docs[1].title is None
    assert docs[1].path == f"{p}:6"  # the two-line record c1 counts both of its lines
    joined = "\n".join(problems.items)
    assert f"{p}:4: ragged row" in joined
    assert f"{p}:5: ragged row" in joined


def test_tsv_and_large_field(tmp_path: Path) -> None:
    big = "Sweden joined the alliance. " * 10_000  # above csv's default 128 KiB limit
    p = write(tmp_path / "t.tsv", f"id\ttext\nbig\t{big}\n")
    [doc] = read_all([p])
    assert doc.text == big


def test_csv_without_text_column(tmp_path: Path) -> None:
    p = write(tmp_path / "notext.csv", "id,body\n1,hello\n")
    with pytest.raises(InputError, match="text") as exc:
        read_all([p])
    assert_one_line_naming(exc.value, p)
    # Inside a folder the same file is only a problem.
    good = write(tmp_path / "good.txt", "Ghana hosted the summit.")
    problems = Problems()
    docs = read_all([str(tmp_path)], problems=problems)
    assert [d.id for d in docs] == [good]
    assert any(item.startswith(p) and "text" in item for item in problems.items)


# -------------------------------------------------------------------------- folders


def test_folder_recursive_with_glob_and_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    a = write(tmp_path / "a.txt", "Fiji voted.")
    b = write(tmp_path / "sub" / "deeper" / "b.txt", "Tonga abstained.")
    write(tmp_path / "sub" / "c.md", "Samoa objected.")
    write(tmp_path / ".secret.txt", "hidden")
    write(tmp_path / ".hidden" / "d.txt", "hidden too")
    write(tmp_path / "img.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    docs = read_all([str(tmp_path)], glob="*.txt")
    assert [d.id for d in docs] == [a, b]
    assert b == os.path.join(str(tmp_path), "sub", "deeper", "b.txt")
    # Without a glob, text-like extensions are read and the .png is not even tried.
    problems = Problems()
    docs = read_all([str(tmp_path)], problems=problems)
    assert sorted(Path(d.id).name for d in docs) == ["a.txt", "b.txt", "c.md"]
    assert len(problems) == 0


def test_glob_with_a_slash_matches_the_relative_path(tmp_path: Path) -> None:
    (tmp_path / "2019").mkdir()
    (tmp_path / "2020").mkdir()
    keep = write(tmp_path / "2019" / "jan.txt", "Bhutan and Nepal met.")
    write(tmp_path / "2020" / "feb.txt", "Nepal and India met.")
    assert [d.id for d in read_all([str(tmp_path)], glob="2019/*.txt")] == [keep]


def test_extensionless_files_in_folder_are_read(tmp_path: Path) -> None:
    p = write(tmp_path / "article0001", "Estonia expelled a diplomat.")
    assert [d.id for d in read_all([str(tmp_path)])] == [p]


def test_bad_file_in_folder_is_a_problem_not_fatal(tmp_path: Path) -> None:
    write(tmp_path / "ok.txt", "Laos signed.")
    bad = write(tmp_path / "bin.txt", b"\x00\x01\x02binary\x00")
    empty = write(tmp_path / "empty.txt", "   \n")
    problems = Problems()
    docs = read_all([str(tmp_path)], problems=problems)
    assert [Path(d.id).name for d in docs] == ["ok.txt"]
    assert f"{bad}: binary file, not text" in problems.items
    assert f"{empty}: empty file" in problems.items


def test_folder_without_documents_is_fatal(tmp_path: Path) -> None:
    write(tmp_path / "x.txt", "")
    with pytest.raises(InputError) as exc:
        read_all([str(tmp_path)])
    assert_one_line_naming(exc.value, str(tmp_path))
    with pytest.raises(InputError, match=r"\*\.html"):
        read_all([str(tmp_path)], glob="*.html")


# ---------------------------------------------------------------------------- stdin


def test_stdin_text_stream() -> None:
    [doc] = read_all(["-"], stdin=io.StringIO("Peru and Chile settled the dispute."))
    assert doc.text == "Peru and Chile settled the dispute."
    assert doc.path == "-"


def test_stdin_binary_stream_is_decoded_and_dated() -> None:
    raw = io.BytesIO("Zambia et Angola: accord signé.".encode("utf-8-sig"))
    [doc] = read_all(["-"], stdin=raw, pubdate="2001")
    assert doc.text == "Zambia et Angola: accord signé."
    assert doc.pubdate == "2001"


def test_empty_stdin_is_fatal() -> None:
    with pytest.raises(InputError, match=r"^-: empty input$"):
        read_all(["-"], stdin=io.StringIO("\n \n"))


# ------------------------------------------------------------------------ fatal cases


def test_missing_path_is_fatal_before_reading_anything(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Serbia objected.")
    missing = str(tmp_path / "nope.txt")
    gen = iter_documents([good, missing])
    with pytest.raises(InputError) as exc:
        next(gen)  # checked up front, not after the first file
    assert_one_line_naming(exc.value, missing)
    assert "no such file" in str(exc.value)


def test_unreadable_file_is_fatal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = write(tmp_path / "locked.txt", "Secret.")
    os.chmod(p, 0)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # root reads anything; make the access check see what an ordinary user would.
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda f, m: f != p and real_access(f, m))
    try:
        with pytest.raises(InputError, match="permission denied") as exc:
            read_all([p])
        assert_one_line_naming(exc.value, p)
    finally:
        os.chmod(p, 0o644)


def test_messages_stay_one_line_for_odd_names(tmp_path: Path) -> None:
    p = write(tmp_path / "two\nlines.txt", b"")
    with pytest.raises(InputError) as exc:
        read_all([p])
    assert "\n" not in str(exc.value)
    assert "two\\nlines.txt: empty file" in str(exc.value)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("x.bin", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00", "binary file, not text"),
        ("x.txt", b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11", "binary file, not text"),
        ("zero.txt", b"", "empty file"),
        ("blank.txt", b" \n\t\r\n", "empty file"),
        ("blank.jsonl", b"\n\n", "empty file"),
        ("blank.html", b"<html><body><script>x()</script></body></html>", "no text"),
    ],
)
def test_fatal_file_cases(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    p = write(tmp_path / name, data)
    with pytest.raises(InputError) as exc:
        read_all([p])
    assert str(exc.value).startswith(f"{p}: ")
    assert reason in str(exc.value)
    assert_one_line_naming(exc.value, p)


def test_undecodable_text_is_fatal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Force "no confident guess" so the test does not depend on the detector's mood.
    import detente.io.files as files

    monkeypatch.setattr(files, "_detect_encoding", lambda data: None)
    p = write(tmp_path / "odd.txt", "Façade of the résumé — naïve.", encoding="cp1252")
    with pytest.raises(InputError, match="undecodable") as exc:
        read_all([p])
    assert_one_line_naming(exc.value, p)


# ------------------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2017-03-02T10:00:00Z", "2017-03-02"),
        ("2017-03-02 10:00", "2017-03-02"),
        ("2 March 2017", "2017-03-02"),
        ("March 2, 2017", "2017-03-02"),
        ("Thursday, March 2nd, 2017", "2017-03-02"),
        ("Thu, 02 Mar 2017 10:00:00 +0000", "2017-03-02"),
        ("Sept. 11 2001", "2001-09-11"),
        ("March 2017", "2017-03"),
        ("2017-3", "2017-03"),
        ("20170302", "2017-03-02"),
        (1999, "1999"),
        ("  ", None),
    ],
)
def test_normalize_date_accepts_common_forms(raw: object, iso: str | None) -> None:
    assert normalize_date(raw) == iso


@pytest.mark.parametrize("raw", ["2017-02-30", "02/03/2017", "Smarch 2, 2017", "yesterday", True])
def test_normalize_date_refuses_non_dates(raw: object) -> None:
    with pytest.raises(ValueError):
        normalize_date(raw)


# ---------------------------------------------------------------------------- writers

ROWS = [
    {
        "doc": "a.txt",
        "sentence": "Ankara hosted Athens — «talks».",
        "start": 0,
        "end": 31,
        "date": "2019-11",
        "date_text": "in November",
        "source": "TUR",
        "target": "GRC",
        "source_text": "Ankara",
        "target_text": "Athens",
        "cameo": "042",
        "root": "04",
        "goldstein": 1.9,
        "quad": 1,
        "plover": "CONSULT",
        "negated": False,
        "date_source": "own",
        "trigger": "hosted",
        "pubdate": None,
    },
    {
        "doc": "b.txt",
        "sentence": 'India did not "sanction" Nepal,\nofficials said.',
        "start": 12,
        "end": 60,
        "date": None,
        "date_text": None,
        "source": "IND",
        "target": "NPL",
        "source_text": "India",
        "target_text": "Nepal",
        "cameo": "163",
        "root": "16",
        "goldstein": -8.0,
        "quad": 4,
        "plover": "SANCTION",
        "negated": True,
        "date_source": None,
        "trigger": "sanction",
        "pubdate": "2020-05-01",
    },
]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_writers_round_trip(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    n = write_records(iter(ROWS), fmt, out, fields=EVENT_FIELDS)
    assert n == 2
    back = list(read_records(out))
    assert back == ROWS
    assert list(back[0]) == list(EVENT_FIELDS)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_writers_zero_rows(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"empty.{fmt}"
    assert write_records([], fmt, out, fields=EVENT_FIELDS) == 0
    assert list(read_records(out)) == []
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pq.read_schema(out)
        assert schema.names == list(EVENT_FIELDS)
        assert schema.field("start").type == pa.int64()
        assert schema.field("goldstein").type == pa.float64()
        assert schema.field("negated").type == pa.bool_()
        assert schema.field("cameo").type == pa.string()
    if fmt == "csv":
        assert out.read_text(encoding="utf-8").strip() == ",".join(EVENT_FIELDS)


def test_csv_writes_booleans_and_nulls_readably(tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    write_records(ROWS, "csv", out, fields=["doc", "negated", "date"])
    assert out.read_text(encoding="utf-8") == "doc,negated,date\na.txt,false,2019-11\nb.txt,true,\n"


def test_jsonl_to_stdout_is_utf8(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    n = write_records(ROWS[:1], "jsonl", "-", fields=["doc", "sentence"])
    assert n == 1
    out = capsysbinary.readouterr().out
    assert json.loads(out.decode("utf-8")) == {"doc": "a.txt", "sentence": ROWS[0]["sentence"]}
    assert "«talks»".encode() in out  # not \u-escaped


def test_parquet_to_stdout(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    import pyarrow.parquet as pq

    write_records(ROWS, "parquet", None, fields=EVENT_FIELDS)
    data = capsysbinary.readouterr().out
    table = pq.read_table(io.BytesIO(data))
    assert table.to_pylist() == ROWS


def test_unknown_format_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DetenteError, match="xml"):
        write_records(ROWS, "xml", tmp_path / "x.xml")


def test_parquet_infers_extra_field_types(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{"doc": "d", "sources": 3, "weight": 0.5, "flag": True, "codes": ["a"]}]
    out = tmp_path / "x.parquet"
    write_records(rows, "parquet", out)
    schema = pq.read_schema(out)
    assert schema.field("sources").type == pa.int64()
    assert schema.field("weight").type == pa.float64()
    assert schema.field("flag").type == pa.bool_()
    [row] = read_records(out)
    assert row["codes"] == '["a"]'


def test_read_records_reports_bad_line(tmp_path: Path) -> None:
    p = write(tmp_path / "ev.jsonl", '{"doc": "a"}\n{broken\n')
    with pytest.raises(InputError, match="^" + re.escape(p) + ":2: invalid JSON") as exc:
        list(read_records(p))
    assert_one_line_naming(exc.value, p)


# ------------------------------------------------------------------- property test


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=200).map(lambda s: s.encode("utf-8")),
        st.text(max_size=200).map(lambda s: s.encode("utf-16")),
        st.lists(st.text(max_size=30), max_size=5).map(lambda xs: "\n".join(xs).encode()),
    ),
    ext=st.sampled_from([".txt", ".html", ".jsonl", ".csv", ".tsv", ""]),
)
def test_random_bytes_yield_documents_or_input_error(tmp_path: Path, data: bytes, ext: str) -> None:
    p = write(tmp_path / f"fuzz{ext}", data)
    problems = Problems()
    try:
        docs = read_all([p], problems=problems)
    except InputError as err:
        assert p in str(err)
        assert "\n" not in str(err)
        return
    assert docs
    for doc in docs:
        assert isinstance(doc.text, str) and doc.text.strip()
