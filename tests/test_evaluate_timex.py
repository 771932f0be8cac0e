"""Tests of detente.evaluation.timex: reading TimeML and CAT XML gold, and TE3-style scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import InputError
from detente.evaluation.timex import evaluate_timex, format_timex_scores, read_cat_xml, read_tml

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>toy</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2016-09-20">2016-09-20</TIMEX3></DCT>
<TEXT>
On <TIMEX3 tid="t1" type="DATE" value="2016-09-18">18 September 2016</TIMEX3> militants attacked Uri &amp; killed soldiers.
<TIMEX3 tid="t2" type="DATE" value="2016-09-19">Yesterday</TIMEX3> Delhi protested; talks were held <TIMEX3 tid="t3" type="SET" value="P1W">every week</TIMEX3> for <TIMEX3 tid="t4" type="DURATION" value="P2Y">two years</TIMEX3> in the <TIMEX3 tid="t5" type="DATE" value="PAST_REF">past</TIMEX3>.
</TEXT>
</TimeML>
"""

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "temporal"


def test_read_tml_strips_tags_and_keeps_offsets(tmp_path: Path) -> None:
    p = tmp_path / "toy.tml"
    p.write_text(TML)
    doc = read_tml(p)
    assert doc.dct == "2016-09-20"
    assert "Uri & killed" in doc.text
    assert [doc.text[g.start : g.end] for g in doc.timexes] == [
        "18 September 2016",
        "Yesterday",
        "every week",
        "two years",
        "past",
    ]


def test_scores_on_a_hand_made_file(tmp_path: Path) -> None:
    p = tmp_path / "toy.tml"
    p.write_text(TML)
    d = evaluate_timex([tmp_path])
    assert d["documents"] == 1 and d["gold"] == 5
    # The tagger marks "the past" where the gold marks only "past": relaxed, not strict.
    assert d["predicted"] == 5
    assert d["strict"]["tp"] == 4
    assert d["strict"]["recall"] == pytest.approx(4 / 5)
    assert d["relaxed"]["recall"] == 1.0
    assert d["relaxed"]["precision"] == 1.0
    assert d["value_accuracy"] == 1.0
    assert d["value_f1"] == pytest.approx(d["relaxed"]["f1"])
    text = format_timex_scores(d)
    assert "value F1" in text and "relaxed" in text


def test_relaxed_match_counts_overlap_and_wrong_value(tmp_path: Path) -> None:
    tml = TML.replace('value="P2Y">two years', 'value="P3Y">two years').replace(
        '<TIMEX3 tid="t1" type="DATE" value="2016-09-18">18 September 2016</TIMEX3>',
        '<TIMEX3 tid="t1" type="DATE" value="2016-09-18">On 18 September 2016</TIMEX3>',
    )
    tml = tml.replace("On <TIMEX3", "<TIMEX3", 1)
    (tmp_path / "toy.tml").write_text(tml)
    d = evaluate_timex([tmp_path / "toy.tml"])
    assert d["strict"]["tp"] == 3  # "On 18 September 2016" and "past" overlap but are not exact
    assert d["relaxed"]["tp"] == 5
    assert d["value_correct"] == 4  # two years ≠ P3Y
    assert d["value_f1"] == pytest.approx(d["relaxed"]["f1"] * 4 / 5)


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        evaluate_timex([tmp_path / "nope.tml"])


CAT = """<?xml version="1.0" ?><Document doc_id="1" doc_name="toy" lang="en">
<token number="0" sentence="0" t_id="1">Talks</token>
<token number="1" sentence="0" t_id="2">resume</token>
<token number="2" sentence="1" t_id="3">May</token>
<token number="3" sentence="1" t_id="4">4</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2010</token>
<token number="6" sentence="2" t_id="7">Envoys</token>
<token number="7" sentence="2" t_id="8">met</token>
<token number="8" sentence="2" t_id="9">on</token>
<token number="9" sentence="2" t_id="10">Monday</token>
<token number="10" sentence="2" t_id="11">.</token>
<token number="11" sentence="6" t_id="12">In</token>
<token number="12" sentence="6" t_id="13">2011</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2010-05-04"><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2010-05-03"><token_anchor t_id="10"/></TIMEX3>
</Markables>
</Document>
"""


def test_cat_xml_keeps_only_annotated_sentences(tmp_path: Path) -> None:
    p = tmp_path / "toy.xml"
    p.write_text(CAT)
    doc = read_cat_xml(p)
    assert doc.text == "Talks resume\nMay 4, 2010\nEnvoys met on Monday."
    assert doc.dct == "2010-05-04"
    d = evaluate_timex([p])
    assert d["gold"] == 2 and d["predicted"] == 2
    assert d["value_accuracy"] == 1.0


@pytest.mark.skipif(
    not DATA.exists(), reason="needs ../shared/data/temporal (development data, not in a clone)"
)
def test_floor_on_wikiwars_and_meantime_samples() -> None:
    ww = sorted((DATA / "wikiwars" / "timeml_timex3").glob("*.tml"))[:5]
    mt = sorted((DATA / "meantime_en" / "intra-doc_annotation").rglob("*.xml"))[:5]
    d_ww = evaluate_timex(ww)
    d_mt = evaluate_timex(mt)
    assert d_ww["documents"] == 5 and d_mt["documents"] == 5
    # Floors well under the full-corpus figures (WikiWars value F1 ≈ 85, MEANTIME ≈ 81).
    assert d_ww["relaxed"]["f1"] > 0.88
    assert d_ww["value_f1"] > 0.75
    assert d_mt["relaxed"]["f1"] > 0.75
    assert d_mt["value_f1"] > 0.65
