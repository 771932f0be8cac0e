"""The static report: series with gaps, legend, counts, escaping, and `detente report`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from builders import make_event
from detente.cli import app
from detente.model import Document
from detente.report import render_report
from detente.report.series import choose_resolution, dyad_series_of, period_of
from detente.report.view import DocInfo, highlight, safe_href
from detente.store import open_store


def ev(source, target, date, goldstein=1.9, quad=1, negated=False, cameo="042", **kw):
    return {"source": source, "target": target, "date": date, "goldstein": goldstein,
            "quad": quad, "negated": negated, "cameo": cameo, "sentence": "s", **kw}  # fmt: skip


def test_series_keeps_empty_periods_as_gaps_in_both_directions() -> None:
    events = [
        ev("FRAGOV", "DEU", "2005-03"),
        ev("DEU", "FRA", "2005-11", goldstein=-4.0, quad=4),
        ev("FRA", "DEU", "2007"),
        ev("FRA", "DEU", None),
        ev("FRA", "DEU", "2006", negated=True),
    ]
    s = dyad_series_of(events, ("DEU", "FRA"), "year")
    assert s.periods == ["2005", "2006", "2007"]
    both = s.lines["both"]
    assert [p.n for p in both] == [2, 0, 1]
    assert both[0].goldstein_mean == round((1.9 - 4.0) / 2, 2) and both[1].goldstein_mean is None
    assert both[0].net_cooperation == 0.0 and both[0].quad == {"1": 1, "2": 0, "3": 0, "4": 1}
    assert [p.n for p in s.lines["FRA→DEU"]] == [1, 0, 1]
    assert [p.n for p in s.lines["DEU→FRA"]] == [1, 0, 0]
    assert (s.undated, s.negated, s.coarser) == (1, 1, 0)
    q = dyad_series_of(events, ("DEU", "FRA"), "quarter")
    assert q.periods[0] == "2005-Q1" and q.periods[-1] == "2005-Q4" and q.coarser == 1


def test_resolution_follows_what_the_dates_allow() -> None:
    assert choose_resolution(["1999", "2004-05", "2010"]) == "year"
    assert choose_resolution(["2014-03-01", "2014-05", "2015-01-09"]) == "month"
    assert choose_resolution([f"{y}-06" for y in range(1990, 2010)]) == "quarter"
    assert period_of("1999-11-30", "quarter") == "1999-Q4" and period_of("1999", "month") is None


def test_highlight_escapes_and_marks() -> None:
    html = str(highlight("<b>Chile</b> thanked Peru & friends", ["Chile", "Peru"], "thanked"))
    assert html == (
        "&lt;b&gt;<mark class='actor'>Chile</mark>&lt;/b&gt; "
        "<mark class='trigger'>thanked</mark> <mark class='actor'>Peru</mark> &amp; friends"
    )
    assert safe_href("javascript:alert(1)") is None and safe_href(" JaVaScRiPt:x") is None
    assert safe_href("https://example.org/a?b=1") == "https://example.org/a?b=1"


def test_report_shows_legend_counts_documents_and_no_script_links() -> None:
    docs = {
        "d1": DocInfo("d1", "A <i>title</i>", "javascript:alert(1)", None),
        "d2": DocInfo("d2", "Wire", "https://example.org/w", None),
    }
    events = [
        ev("PAKGOV", "RUS", "1999", doc="d1", sources=3, source_text="Pakistan", trigger="met"),
        ev("RUS", "PAK", None, doc="d2"),
        ev("RUS", "PAK", "2001", negated=True, doc="d2"),
    ]
    page = render_report(events, docs=docs)
    assert "Pakistan, government" in page and "Russia" in page  # actor codes named
    assert "Goldstein scale" in page and "material conflict" in page
    assert "1 undated</span>" in page and "1 negated</span>" in page
    assert "A &lt;i&gt;title&lt;/i&gt;" in page and 'href="javascript' not in page
    assert '<a href="https://example.org/w" rel="noopener noreferrer">Wire</a>' in page
    assert '<td class="num">3</td>' in page  # the number of reports


def _store(tmp_path: Path) -> Path:
    db = tmp_path / "s.duckdb"
    text = "In 2005 France met Germany. In 2007 France met Germany again."
    doc = Document(id="d", text=text, title="Two meetings")
    events = [
        make_event(doc, "In 2005 France met Germany.", date="2005", trigger="met"),
        make_event(doc, "In 2007 France met Germany again.", date="2007", trigger="met"),
        make_event(doc, "In 2007 France met Germany again.", source="ITA", target="ESP",
                   date="2007", source_text="France", target_text="Germany", trigger="met"),
    ]  # fmt: skip
    sentences = [(0, 27, text[:27]), (28, len(text), text[28:])]
    with open_store(db) as store:
        store.ingest([(doc, sentences, events)])
    return db


def test_report_command_whole_store_and_one_dyad(tmp_path: Path) -> None:
    db = _store(tmp_path)
    runner = CliRunner()
    out = tmp_path / "all.html"
    result = runner.invoke(app, ["report", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "DEU – FRA" in page and "ESP – ITA" in page
    assert "data-period='2006'" in page  # the empty year is drawn as a gap
    one = tmp_path / "one.html"
    result = runner.invoke(app, ["report", "fra", "deu", "--db", str(db), "-o", str(one)])
    assert result.exit_code == 0, result.output
    page = one.read_text(encoding="utf-8")
    assert "DEU – FRA" in page and "ESP – ITA" not in page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["PAK"], "give two actor codes"),
        (["--by", "week"], "--by: 'week'"),
    ],
)
def test_report_command_errors(tmp_path: Path, args: list[str], message: str) -> None:
    db = _store(tmp_path)
    result = CliRunner().invoke(
        app, ["report", *args, "--db", str(db), "-o", str(tmp_path / "r.html")]
    )
    assert result.exit_code != 0 and message in result.output
    assert not (tmp_path / "r.html").exists()
    missing = CliRunner().invoke(app, ["report", "--db", str(tmp_path / "nope.duckdb")])
    assert missing.exit_code != 0 and "nope.duckdb: no such store" in missing.output


def test_report_shades_phases_and_explains_the_turn() -> None:
    """Ten years of quarrels, then ten of visits: one turning point, up, in the eleventh year,
    driven by that year's events, and a summary whose sentences cite their sources."""
    events = []
    for year in range(1990, 2010):
        warm = year >= 2000
        for k in range(3):
            events.append(
                ev("AAA", "BBB", f"{year}", goldstein=7.0 if warm else -7.0, quad=2 if warm else 4,
                   cameo="057" if warm else "190", doc="d", start=year * 10 + k,
                   sentence=f"In {year} Aland {'signed with' if warm else 'attacked'} Bbland ({k}).")
            )  # fmt: skip
    page = render_report(events, by="year")
    assert "<h3>Turning points</h3>" in page
    assert "<b>2000</b> ▲ up" in page
    assert "In 2000 Aland signed with Bbland" in page
    assert "class='phase'" in page and "class='turn' data-period='2000'" in page
    assert "<h3>Summary</h3>" in page and 'href="#cite-AAA-BBB-1"' in page
    assert 'id="cite-AAA-BBB-1"' in page
    assert "Actor network" in page and '<option value="1999">' in page
