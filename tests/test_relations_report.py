"""The cooperation–conflict index per dyad and period, and the static HTML report."""

from __future__ import annotations

from html.parser import HTMLParser

from detente.relations import dyad_series
from detente.report import render_report


def ev(source, target, date, cameo, goldstein, quad, negated=False, sentence="s"):
    return {"source": source, "target": target, "date": date, "cameo": cameo,
            "goldstein": goldstein, "quad": quad, "negated": negated, "sentence": sentence}  # fmt: skip


EVENTS = [
    ev("INDGOV", "PAK", "1999-02", "042", 1.9, 1),
    ev("PAK", "IND", "1999-05", "190", -10.0, 4),
    ev("IND", "PAKMIL", "1999-06", "195", -10.0, 4),
    ev("PAK", "IND", "2004", "057", 8.0, 1),
    ev("IND", "PAK", "2004", "129", -5.0, 3, negated=True),
    ev("RUS", "PAK", None, "051", 3.4, 1),
]


def test_index_is_the_mean_goldstein_of_both_directions_per_year():
    s = dyad_series(EVENTS)
    ind_pak = s[("IND", "PAK")]
    assert [p.period for p in ind_pak] == ["1999", "2004"]
    assert ind_pak[0].events == 3 and ind_pak[0].index == round((1.9 - 20) / 3, 2)
    assert ind_pak[0].quads == (1, 0, 0, 2)
    assert ind_pak[1].index == 8.0  # the negated veto does not count
    assert ("PAK", "RUS") not in s  # undated events have no period


def test_report_lists_dyads_and_escapes_text():
    evil = ev(
        "USA", "CUB", "1962-10", "191", -9.5, 4, sentence="<script>alert(1)</script> blockade"
    )
    page = render_report([*EVENTS, evil], title="Crises & <talks>")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "IND – PAK" in page and "CUB – USA" in page
    assert "Crises &amp; &lt;talks&gt;" in page
    # The summary mean leaves out the negated veto, as the index does: IND–PAK 1999 + 2004.
    assert f"{(1.9 - 20 + 8.0) / 4:+.2f}" in page

    class Check(HTMLParser):
        svgs = 0
        scripts = 0

        def handle_starttag(self, tag, attrs):
            if tag == "svg":
                self.svgs += 1
            if tag == "script":
                self.scripts += 1

    c = Check()
    c.feed(page)
    assert c.svgs >= 2
    # One script: the report's own (filters, sorting, chart points), allowed by its hash.
    assert c.scripts == 1 and "script-src 'sha256-" in page
