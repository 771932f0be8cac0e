"""Tests of detente.nlp.timex: what users see in each Timex (span, value, mod, anchor)."""

from __future__ import annotations

import pytest

from detente.errors import InputError
from detente.model import Timex
from detente.nlp.timex import reference_time_at, tag


def by_text(timexes: list[Timex]) -> dict[str, Timex]:
    return {t.text: t for t in timexes}


def test_offsets_slice_back_exactly() -> None:
    text = "Ünïcode first.\n\nIn March 1965, Indian and Pakistani forces clashed — again in 1971."
    out = tag(text, "2017-03-02")
    assert [t.text for t in out] == ["March 1965", "1971"]
    for t in out:
        assert text[t.start : t.end] == t.text


def test_absolute_dates_and_month_inherits_year() -> None:
    text = "On 3 June 2014 the Chinese premier arrived in Athens. In March, Greece signed the port deal."
    t = by_text(tag(text, "2018-01-10"))
    assert t["3 June 2014"].value == "2014-06-03"
    assert t["3 June 2014"].anchor == "absolute"
    assert t["March"].value == "2014-03"
    assert t["March"].anchor == "anaphoric"


def test_following_year_and_years_later_follow_the_narrative() -> None:
    text = (
        "Brazil and Argentina signed the Foz do Iguaçu declaration in 1985. "
        "The following year they agreed on an integration programme, and two years later "
        "they set up a nuclear accounting agency."
    )
    t = by_text(tag(text, "2020-05-05"))
    assert t["The following year"].value == "1986"
    assert t["The following year"].anchor == "anaphoric"
    assert t["two years later"].value == "1988"


def test_deictic_expressions_use_the_publication_date() -> None:
    text = "In 1999, Nawaz Sharif visited Moscow. Last Tuesday the foreign ministers met, and this year a summit is planned."
    t = by_text(tag(text, "2017-03-02"))  # a Thursday
    assert t["1999"].value == "1999"
    assert t["Last Tuesday"].value == "2017-02-28"
    assert t["Last Tuesday"].anchor == "deictic"
    assert t["this year"].value == "2017"


def test_deictic_inside_history_does_not_move_the_narrative() -> None:
    text = "In 1962 the crisis peaked. Kennedy said this week mattered. In October, the ships turned back."
    t = by_text(tag(text, "2012-06-01"))
    assert t["October"].value == "1962-10"


def test_ranges_give_both_end_points() -> None:
    text = "Soviet troops stayed from 1979 to 1989; the 1979–89 war ended at Geneva. Trade grew between 2002 and 2004."
    out = tag(text, "2015-01-01")
    values = [(t.text, t.value, t.end_value) for t in out]
    assert ("1979", "1979", "1989") in values
    assert ("1989", "1989", None) in values
    assert ("89", "1989", None) in values
    assert ("2002", "2002", "2004") in values


def test_decades_centuries_and_modifiers() -> None:
    text = "In the 1990s Turkey courted Brussels; in early 2002 it passed reforms, and by the late 19th century the empire had shrunk."
    t = by_text(tag(text, "2010-01-01"))
    assert t["the 1990s"].value == "199"
    assert t["early 2002"].value == "2002"
    assert t["early 2002"].mod == "START"
    assert t["the late 19th century"].value == "18"
    assert t["the late 19th century"].mod == "END"


def test_temponyms_and_since() -> None:
    text = "Since 9/11, Washington and Islamabad have cooperated uneasily."
    t = tag(text, "2011-05-02")[0]
    assert (t.text, t.value, t.mod, t.end_value) == (
        "9/11",
        "2001-09-11",
        "ON_OR_AFTER",
        "2011-05-02",
    )


def test_extra_temponyms_file(tmp_path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "pattern\tvalue\ttype\tnote\nthe\\s+Velvet\\s+Revolution\t1989-11\tDATE\tCzechoslovakia\n"
    )
    text = "After the Velvet Revolution, Prague turned west."
    assert tag(text, "2000-01-01") == []
    t = tag(text, "2000-01-01", temponyms=extra)[0]
    assert (t.text, t.value) == ("the Velvet Revolution", "1989-11")
    # Several files at once, as DETENTE_TEMPONYMS lists them (the CLI passes them down).
    assert tag(text, "2000-01-01", temponyms=[extra, extra])[0].value == "1989-11"


def test_headings_govern_what_follows() -> None:
    text = "1987:\nIn March, the Indian army began Operation Brasstacks exercises.\n\n1999 - A THAW\nIn February, Vajpayee rode the bus to Lahore."
    out = tag(text, "2017-01-01")
    t = by_text(out)
    assert t["March"].value == "1987-03"
    assert t["February"].value == "1999-02"
    ref = reference_time_at(out, text.index("Vajpayee"))
    assert ref is not None and ref.value == "1999-02"
    assert reference_time_at(out, text.index("In March")).value == "1987"
    assert reference_time_at(tag("No dates here."), 5) is None


def test_yearless_list_entries_take_the_year_of_the_publication() -> None:
    text = "Timeline\nOct. 30 -- Talks open in Oman.\nNov. 2 -- A ceasefire is announced.\nJan. 5 -- Envoys meet in Geneva."
    vals = [t.value for t in tag(text, "2015-01-20")]
    assert vals == ["2014-10-30", "2014-11-02", "2015-01-05"]


def test_same_day_next_day_and_durations() -> None:
    text = (
        "On July 14, 1958, officers overthrew the Iraqi monarchy. The next day Jordan appealed "
        "for help, and that same day Britain agreed. The crisis lasted about three months, "
        "and patrols went out twice a day."
    )
    t = by_text(tag(text))
    assert t["The next day"].value == "1958-07-15"
    assert t["that same day"].value == "1958-07-15"
    assert t["about three months"].type == "DURATION"
    assert t["about three months"].value == "P3M"
    assert t["about three months"].mod == "APPROX"
    assert t["a day"].type == "SET"


def test_present_past_future_refs_and_no_pubdate() -> None:
    out = by_text(tag("Relations are now warm; yesterday's row was forgotten."))
    assert out["now"].value == "PRESENT_REF"
    assert out["yesterday"].value is None


def test_counts_are_not_years() -> None:
    assert tag("The army sent 1500 troops and 2000 tanks to the border.") == []


def test_month_words_that_are_verbs_are_not_dates() -> None:
    assert tag("Protesters may march on the capital.") == []


def test_bad_pubdate_raises_input_error() -> None:
    with pytest.raises(InputError):
        tag("In 1999.", "yesterday")


def test_spacy_component_sets_doc_extension() -> None:
    import spacy

    import detente.nlp.timex  # noqa: F401  (registers the component)

    nlp = spacy.blank("en")
    nlp.add_pipe("detente_timex")
    doc = nlp.make_doc("Last week Ankara recalled its ambassador.")
    doc._.pubdate = "2016-07-20"
    doc = nlp(doc)
    assert [(t.text, t.value) for t in doc._.timexes] == [("Last week", "2016-W28")]


def test_the_nearest_verb_governs_a_year_less_date() -> None:
    # A past verb earlier in the sentence does not make a planned event past, and a future
    # verb in the main clause does not make the attribution's weekday future.
    t = by_text(
        tag("The ministry announced on Monday a summit to be held on June 20.", "2019-06-03")
    )
    assert t["June 20"].value == "2019-06-20"
    t = by_text(
        tag("Chile will buy two frigates from Spain, a Chilean admiral said Friday.", "2021-04-10")
    )
    assert t["Friday"].value == "2021-04-09"  # 10 April 2021 was a Saturday
    # The nearest verb is past: a date after the publication date is last year's.
    t = by_text(tag("Officials expect growth, but talks collapsed in November.", "2015-03-01"))
    assert t["November"].value == "2014-11"


def test_the_september_11_attacks_are_a_named_date() -> None:
    text = "Shares had their worst week since the September 11th terrorist attacks."
    assert by_text(tag(text, "2008-10-10"))["September 11th"].value == "2001-09-11"
    # Any other September 11 is a date of its own year.
    assert by_text(tag("They met on September 11.", "2008-10-10"))["September 11"].value == (
        "2008-09-11"
    )
