"""`detente import gdelt|icews|polecat` and `detente export --format gdelt`."""

from __future__ import annotations

import gzip
import zipfile
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from builders import make_event
from detente.cli import app
from detente.codebook.cameo import cameo_info
from detente.imports import import_files
from detente.imports.gdelt_export import GDELT2_COLUMNS
from detente.model import Document
from detente.store import SCHEMA_VERSION, open_store

runner = CliRunner()
SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "data" / "samples"
needs_samples = pytest.mark.skipif(
    not SAMPLES.is_dir(), reason="needs ../shared/data/samples (real dataset rows, not in a clone)"
)
ICEWS = SAMPLES / "icews" / "events.2018.sample.tab"
GDELT = SAMPLES / "gdelt"


def gdelt_row(
    rid: int,
    date: str = "20180601",
    a1: tuple[str, str, str] = ("USAGOV", "USA", "GOV"),
    a2: tuple[str, str, str] = ("RUS", "RUS", ""),
    code: str = "042",
    url: str = "https://news.example/1",
) -> str:
    """One GDELT 2.0 line (61 columns) with the fields the importer reads filled in."""
    f = [""] * 61
    f[0], f[1], f[2], f[3] = str(rid), date, date[:6], date[:4]
    f[5], f[6], f[7], f[12] = a1[0], f"NAME {a1[0]}", a1[1], a1[2]
    f[15], f[16], f[17], f[22] = a2[0], f"NAME {a2[0]}", a2[1], a2[2]
    f[26], f[27], f[28] = code, code[:3], code[:2]
    f[59], f[60] = "20180602120000", url
    return "\t".join(f)


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def events(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT date, source, target, cameo, goldstein, quad, sources, mentions "
            "FROM event_records ORDER BY first_seq"
        ).fetchall()
    finally:
        con.close()


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


# -- the real samples ---------------------------------------------------------------------------


@needs_samples
def test_icews_sample_imports_with_counts_codes_and_provenance(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["import", "icews", str(ICEWS), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert "3705 rows, 3503 records imported" in result.stderr
    assert "202 skipped" in result.stderr
    # Unknown actors are reported with file and line (line 86: an EU official, no country).
    assert f"{ICEWS}:86: source actor has no country or organisation code" in result.stderr
    (row,) = query(
        db,
        "SELECT e.date, e.source, e.target, e.cameo, e.goldstein, e.quad, e.plover, s.doc_id, "
        "s.source_original, s.code_original, s.dataset, s.date_text "
        "FROM event_sources AS s JOIN events AS e USING (event_id) WHERE s.record_id = ?",
        ["32889836"],
    )
    assert row == (
        "2018-06-01",
        "BGDGOV",
        "VNMMIL",
        "040",
        1.0,
        1,
        "CONSULT",
        "icews:story:47400351",
        "Foreign Affairs (Bangladesh) | Executive,Foreign Ministry,Government | Bangladesh",
        "040",
        "icews",
        "2018-06-01",
    )
    # The 1999 Vajpayee–Sharif cooperation keeps the date ICEWS gives it (the article's).
    (old,) = query(
        db,
        "SELECT e.date, left(e.source, 3), left(e.target, 3), e.cameo FROM event_sources AS s "
        "JOIN events AS e USING (event_id) WHERE s.source_text = 'Atal Bihari Vajpayee'",
    )
    assert old == ("2018-06-02", "IND", "PAK", "050")
    # RUS–USA: 20 records (SOURCE.md) in 16 distinct events once deduplicated.
    dyad = query(
        db,
        "SELECT count(*), count(DISTINCT event_id) FROM event_sources JOIN events USING "
        "(event_id) WHERE {a} = 'RUS' AND {b} = 'USA' OR {a} = 'USA' AND {b} = 'RUS'".format(
            a="left(source, 3)", b="left(target, 3)"
        ),
    )
    assert dyad == [(20, 16)]
    counts = query(db, "SELECT count(*) FROM events")[0][0]
    assert counts == 3503 - query(db, "SELECT sum(mentions - 1) FROM event_records")[0][0]

    again = runner.invoke(app, ["import", "icews", str(ICEWS), "--db", str(db)])
    assert again.exit_code == 0, again.stderr
    assert "0 records imported" in again.stderr and "3503 already stored" in again.stderr
    assert query(db, "SELECT count(*) FROM event_sources") == [(3503,)]
    assert query(db, "SELECT count(*) FROM events") == [(counts,)]


@needs_samples
def test_icews_sample_without_dedup_keeps_one_event_per_record(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["import", "icews", str(ICEWS), "--db", str(db), "--no-dedup"])
    assert result.exit_code == 0, result.stderr
    assert "3503 new events, 0 merged" in result.stderr
    assert query(db, "SELECT count(*), max(mentions) FROM event_records") == [(3503, 1)]


@needs_samples
def test_gdelt_samples_of_both_versions_import(tmp_path: Path) -> None:
    db = tmp_path / "g.duckdb"
    result = runner.invoke(
        app, ["import", "gdelt", str(GDELT / "gdelt*_events*.tsv"), "--db", str(db)]
    )
    assert result.exit_code == 0, result.stderr
    assert "gdelt1_events.sample.tsv: 100 rows, 24 records imported" in result.stderr
    assert "gdelt2_events.sample.tsv: 100 rows, 20 records imported" in result.stderr
    assert "gdelt2_events_translingual.sample.tsv: 100 rows, 28 records imported" in result.stderr
    assert "3 files imported, 300 rows read, 72 records stored" in result.stderr
    # Monadic events (one actor) are skipped and reported, with their line.
    assert f"{GDELT / 'gdelt2_events.sample.tsv'}:1: no source actor" in result.stderr
    # 2.0: the SQLDATE, not DATEADDED; the source URL as the report; USAGOV kept as given.
    (row,) = query(
        db,
        "SELECT e.date, e.source, e.target, e.cameo, e.goldstein, e.quad, d.url, "
        "s.source_original, e.pubdate FROM event_sources AS s JOIN events AS e USING (event_id) "
        "JOIN documents AS d ON d.doc_id = s.doc_id WHERE s.record_id = '410412329'",
    )
    assert row[:6] == ("2015-02-18", "USAGOV", "RUS", "014", 0.0, 1)
    assert row[6].startswith("http://elorientalisabelino.blogspot.com/2015/02/")
    assert row[7:] == ("USAGOV", "2015-02-18")
    # 1.0 backfile (57 columns, no URL): USA uses force against RUS on 1979-12-31.
    (old,) = query(
        db,
        "SELECT e.date, e.source, e.target, e.cameo, e.goldstein, e.quad, s.doc_id "
        "FROM event_sources AS s JOIN events AS e USING (event_id) WHERE s.record_id = '230397977'",
    )
    assert old == ("1979-12-31", "USA", "RUS", "190", -10.0, 4, "gdelt:230397977")


# -- bad input ---------------------------------------------------------------------------------


def test_bad_rows_are_skipped_and_reported_with_file_and_line(tmp_path: Path) -> None:
    bad = write(
        tmp_path / "bad.tsv",
        [
            gdelt_row(1),
            "2\t20180601\tonly three",
            gdelt_row(3, date="20181345"),
            gdelt_row(4, code="999"),
            gdelt_row(5, a2=("AFR", "AFR", "")),
            gdelt_row(6, code="0874"),
            "",  # a blank line is no row
        ],
    )
    db = tmp_path / "b.duckdb"
    result = runner.invoke(app, ["import", "gdelt", str(bad), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert "6 rows, 2 records imported" in result.stderr and "4 skipped" in result.stderr
    assert f"{bad}:2: expected 57, 58 or 61 tab-separated columns, found 3" in result.stderr
    assert f"{bad}:3: bad date '20181345'" in result.stderr
    assert f"{bad}:4: unknown event code '999'" in result.stderr
    assert f"{bad}:5: target actor has no country or organisation code: 'AFR'" in result.stderr
    # 0874 (return, release property) with detente's Goldstein and quad for it.
    assert events(db) == [
        ("2018-06-01", "USAGOV", "RUS", "042", 1.9, 1, 1, 1),
        ("2018-06-01", "USAGOV", "RUS", "0874", 10.0, 2, 1, 1),
    ]


def test_a_file_that_fails_midway_stores_nothing_and_others_still_import(tmp_path: Path) -> None:
    rows = [gdelt_row(i, url=f"https://news.example/{i}") for i in range(1, 2001)]
    data = gzip.compress(("\n".join(rows) + "\n").encode())
    truncated = tmp_path / "cut.tsv.gz"
    truncated.write_bytes(data[: len(data) // 2])  # a download that stopped halfway
    good = write(tmp_path / "good.tsv", [gdelt_row(9001, code="043")])
    db = tmp_path / "t.duckdb"
    result = runner.invoke(app, ["import", "gdelt", str(truncated), str(good), "--db", str(db)])
    assert result.exit_code == 1
    assert f"{truncated}: the compressed file is truncated; nothing imported from it" in (
        result.stderr
    )
    assert "1 file could not be imported: cut.tsv.gz" in result.stderr
    assert [e[3] for e in events(db)] == ["043"]


def test_an_interrupted_import_leaves_nothing_of_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import detente.imports.loader as loader

    real_write = loader._write

    def write_then_interrupt(*args: object) -> int:
        real_write(*args)  # events and mentions inserted, transaction not yet committed
        raise KeyboardInterrupt

    path = write(tmp_path / "g.tsv", [gdelt_row(i) for i in range(1, 50)])
    db = tmp_path / "i.duckdb"
    monkeypatch.setattr(loader, "_write", write_then_interrupt)
    with open_store(db) as store, pytest.raises(KeyboardInterrupt):
        import_files(store, "gdelt", [str(path)])
    counts = "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM event_sources), "
    counts += "(SELECT count(*) FROM documents)"
    assert query(db, counts) == [(0, 0, 0)]
    monkeypatch.setattr(loader, "_write", real_write)
    with open_store(db) as store:
        result = import_files(store, "gdelt", [str(path)])
    assert result.total("imported") == 49


def test_an_icews_file_with_a_wrong_header_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "x.tab", ["Event ID\tDate\tWho", "1\t2018-06-01\tx"])
    db = tmp_path / "x.duckdb"
    result = runner.invoke(app, ["import", "icews", str(path), "--db", str(db)])
    assert result.exit_code == 1
    assert f"{path}: not an ICEWS events file: its header lacks the column(s) Event Date," in (
        result.stderr
    )
    assert events(db) == []


def test_unknown_dataset_and_missing_files_are_errors(tmp_path: Path) -> None:
    result = runner.invoke(app, ["import", "acled", "x.csv", "--db", str(tmp_path / "d.duckdb")])
    assert result.exit_code == 1 and "unknown dataset 'acled'" in result.stderr
    result = runner.invoke(
        app, ["import", "gdelt", str(tmp_path / "*.zip"), "--db", str(tmp_path / "d.duckdb")]
    )
    assert result.exit_code == 1 and "no file matches this pattern" in result.stderr
    assert not (tmp_path / "d.duckdb").exists()  # no store is created for nothing


# -- deduplication, compression ------------------------------------------------------------------


def test_dedup_merges_records_of_one_act_and_reports_rows_merged(tmp_path: Path) -> None:
    rows = [
        gdelt_row(1, url="https://a.example/1"),
        gdelt_row(2, url="https://b.example/2"),
        gdelt_row(3, url="https://b.example/2"),  # the same report coded twice
        gdelt_row(4, code="043", url="https://a.example/1"),
    ]
    path = write(tmp_path / "d.tsv", rows)
    db = tmp_path / "d.duckdb"
    result = runner.invoke(app, ["import", "gdelt", str(path), "--db", str(db)])
    assert "4 records imported (2 new events, 2 merged into events)" in result.stderr
    assert events(db) == [
        ("2018-06-01", "USAGOV", "RUS", "042", 1.9, 1, 2, 3),
        ("2018-06-01", "USAGOV", "RUS", "043", 2.8, 1, 1, 1),
    ]
    # A later file reporting the same act joins the stored event.
    later = write(tmp_path / "later.tsv", [gdelt_row(7, url="https://c.example/3")])
    result = runner.invoke(app, ["import", "gdelt", str(later), "--db", str(db)])
    assert "(0 new events, 1 merged into events)" in result.stderr
    assert events(db)[0][6:] == (3, 4)

    kept = tmp_path / "k.duckdb"
    result = runner.invoke(app, ["import", "gdelt", str(path), "--db", str(kept), "--no-dedup"])
    assert "4 records imported (4 new events, 0 merged into events)" in result.stderr
    assert len(events(kept)) == 4


def test_gzip_zip_and_globs_read_the_same_rows(tmp_path: Path) -> None:
    lines = [gdelt_row(i, url=f"https://news.example/{i}") for i in (1, 2, 3)]
    text = ("\n".join(lines) + "\n").encode()
    (tmp_path / "a.export.CSV.gz").write_bytes(gzip.compress(text))
    with zipfile.ZipFile(tmp_path / "b.export.CSV.zip", "w") as archive:
        archive.writestr("b.export.CSV", "\n".join(gdelt_row(i) for i in (4, 5)))
    db = tmp_path / "z.duckdb"
    result = runner.invoke(
        app, ["import", "gdelt", str(tmp_path / "*.export.CSV.*"), "--db", str(db)]
    )
    assert result.exit_code == 0, result.stderr
    assert "a.export.CSV.gz: 3 rows, 3 records imported" in result.stderr
    assert "b.export.CSV.zip:b.export.CSV: 2 rows, 2 records imported" in result.stderr
    assert query(db, "SELECT count(*) FROM event_sources WHERE dataset = 'gdelt'") == [(5,)]


def test_polecat_release_columns(tmp_path: Path) -> None:
    from detente.imports.formats import POLECAT_COLUMNS

    def row(**values: str) -> str:
        return "\t".join(values.get(c, "") for c in POLECAT_COLUMNS)

    base = {"Event Date": "2023-01-15", "Actor Name": "Joe Biden", "Actor Country": "USA"}
    base |= {"Primary Actor Sector": "GOV", "Recipient Country": "RUS"}
    path = write(
        tmp_path / "polecat.txt",
        [
            "\t".join(POLECAT_COLUMNS),
            row(**base, **{"Event ID": "a1", "Event Type": "consult", "Event Mode": "visit"}),
            row(**base, **{"Event ID": "a2", "Event Type": "ACCUSE"}),
            row(
                **base | {"Recipient Country": "", "Recipient Name": "United Nations"},
                **{"Event ID": "a3", "Event Type": "request"},
            ),
            row(**base, **{"Event ID": "a4", "Event Type": "gossip"}),
        ],
    )
    db = tmp_path / "p.duckdb"
    result = runner.invoke(app, ["import", "polecat", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert f"{path}:5: unknown event code 'gossip'" in result.stderr
    rows = query(
        db,
        "SELECT e.source, e.target, e.cameo, e.plover, s.code_original FROM event_sources AS s "
        "JOIN events AS e USING (event_id) ORDER BY s.seq",
    )
    assert rows == [
        ("USAGOV", "RUS", "042", "CONSULT", "consult/visit"),
        ("USAGOV", "RUS", "11", "ACCUSE", "ACCUSE"),
        ("USAGOV", "IGOUNO", "02", "REQUEST", "request"),
    ]


# -- export ----------------------------------------------------------------------------------------


def test_gdelt_export_round_trips_through_the_gdelt_importer(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    doc = Document(
        "a.txt",
        "Pakistan's government visited Russia. The UN criticised the US. "
        "France did not attack Germany. Japan met China.",
        pubdate="2017-05-02",
    )
    s = doc.text.split(". ")
    evs = [
        make_event(doc, s[0], source="PAKGOV", target="RUS", cameo="042", date="2017-05-01"),
        make_event(doc, s[1], source="IGOUNO", target="USA", cameo="111", date="2011-03"),
        make_event(doc, s[2], source="FRA", target="DEU", cameo="190", negated=True),
        make_event(doc, s[3], source="JPN", target="CHN", cameo="040", date=None),
    ]
    # The codebook's values, as detente's coder gives them (the importer recomputes them).
    evs = [
        replace(e, goldstein=cameo_info(e.cameo).goldstein, quad=cameo_info(e.cameo).quad)
        for e in evs
    ]
    with open_store(db) as store:
        store.ingest([(doc, [], evs)])
    out = tmp_path / "events.export.CSV"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "2 events left out" in result.stderr  # the negated and the undated one
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [len(line.split("\t")) for line in lines] == [61, 61]
    first = dict(zip(GDELT2_COLUMNS, lines[0].split("\t"), strict=True))
    assert (first["SQLDATE"], first["Actor1Code"], first["Actor1CountryCode"]) == (
        "20170501",
        "PAKGOV",
        "PAK",
    )
    assert (first["Actor1Type1Code"], first["EventRootCode"], first["FractionDate"]) == (
        "GOV",
        "04",
        "2017.3315",
    )
    second = dict(zip(GDELT2_COLUMNS, lines[1].split("\t"), strict=True))
    assert (second["SQLDATE"], second["Actor1KnownGroupCode"], second["QuadClass"]) == (
        "20110300",
        "UNO",
        "3",
    )

    back = tmp_path / "back.duckdb"
    result = runner.invoke(app, ["import", "gdelt", str(out), "--db", str(back)])
    assert result.exit_code == 0, result.stderr
    stored = [e[:6] for e in events(db)][:2]
    assert [e[:6] for e in events(back)] == stored
    assert stored == [
        ("2017-05-01", "PAKGOV", "RUS", "042", 1.9, 1),
        ("2011-03", "IGOUNO", "USA", "111", -2.0, 3),
    ]


# -- the store -------------------------------------------------------------------------------------


def test_a_store_of_schema_version_2_is_upgraded_and_takes_imports(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    doc = Document("a.txt", "France visited Germany in January 1963.")
    with open_store(db) as store:
        store.ingest([(doc, [], [make_event(doc, doc.text)])])
    con = duckdb.connect(str(db))
    for column in ("dataset", "record_id", "source_original", "target_original", "code_original"):
        con.execute(f"ALTER TABLE event_sources DROP COLUMN {column}")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    path = write(tmp_path / "g.tsv", [gdelt_row(1, a1=("FRA", "FRA", ""), a2=("DEU", "DEU", ""))])
    result = runner.invoke(app, ["import", "gdelt", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert query(db, "SELECT value FROM meta WHERE key = 'schema_version'") == [
        (str(SCHEMA_VERSION),)
    ]
    assert query(db, "SELECT doc_id, dataset, record_id FROM event_sources ORDER BY seq") == [
        ("a.txt", None, None),
        ("https://news.example/1", "gdelt", "1"),
    ]


def test_import_help_has_an_example() -> None:
    result = runner.invoke(app, ["import", "--help"])
    assert result.exit_code == 0
    assert "Example: detente import icews" in result.stdout


@needs_samples
def test_relations_of_the_imported_icews_sample(tmp_path: Path) -> None:
    db = tmp_path / "r.duckdb"
    assert runner.invoke(app, ["import", "icews", str(ICEWS), "--db", str(db)]).exit_code == 0
    result = runner.invoke(app, ["relations", "USA", "RUS", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = result.stdout.splitlines()
    assert rows[0].startswith("period,") and len(rows) == 2
    assert rows[1].startswith("2018,") and ",16," in rows[1]  # the 16 events of the dyad


def test_gdelt_dates_with_00_are_a_month_or_a_year(tmp_path: Path) -> None:
    path = write(
        tmp_path / "d.tsv",
        [gdelt_row(1, date="20110300"), gdelt_row(2, date="20110000"), gdelt_row(3, "20111300")],
    )
    db = tmp_path / "d.duckdb"
    result = runner.invoke(app, ["import", "gdelt", str(path), "--db", str(db)])
    assert f"{path}:3: bad date '20111300'" in result.stderr
    assert [e[0] for e in events(db)] == ["2011-03", "2011"]


def test_actor_and_event_codes_of_each_dataset() -> None:
    from detente.imports.codes import (
        gdelt_actor,
        icews_actor,
        icews_sector,
        plover_to_cameo,
        polecat_actor,
    )

    assert gdelt_actor("ROMMIL", "ROM", "", "MIL") == "ROUMIL"  # CAMEO's ROM is ISO's ROU
    assert gdelt_actor("USAELI", "USA", "", "ELI") == "USAELI"
    assert gdelt_actor("USAXYZ", "USA", "", "XYZ") == "USA"  # an unknown role: the country
    assert gdelt_actor("IGONAT", "", "NAT", "") == "IGONATO"
    assert gdelt_actor("GOV", "", "", "GOV") is None  # a role of no country
    assert gdelt_actor("AFR", "AFR", "", "") is None  # a region
    assert icews_sector("Military,Government") == "MIL"
    assert icews_sector("Police,Government") == "COP"
    assert icews_sector("Finance / Economy / Commerce / Trade Ministry") == "GOV"
    assert icews_sector("General Population / Civilian / Social,Social") == "CVL"
    assert icews_sector("Unspecified") == ""
    assert icews_actor("Citizen (Korea)", "NA", "South Korea") == "KOR"
    assert icews_actor("x", "Executive", "Moldova, Republic of") == "MDAGOV"
    assert icews_actor("x", "", "the former Yugoslav Republic of Macedonia") == "MKD"
    assert icews_actor("UN Security Council", "", "") == "IGOUNO"
    assert icews_actor("Africa", "", "") is None
    assert polecat_actor("USA", "GOV", "") == "USAGOV"
    assert polecat_actor("RUS", "Military", "") == "RUSMIL"
    assert polecat_actor("", "", "European Union") == "IGOEU"
    assert plover_to_cameo("assault") == "18"
    assert plover_to_cameo("sanction", "expel") is not None
    assert plover_to_cameo("gossip") is None
