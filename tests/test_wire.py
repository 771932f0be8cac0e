"""Wire-news structure: datelines, attribution frames, narrative and headline present, news dates."""

from __future__ import annotations

import pytest

from detente.extract import extract_text
from detente.nlp.dateline import blank, find_dateline
from detente.nlp.timex import tag


def triples(events):
    return {(e.source[:3], e.target[:3], e.cameo) for e in events}


# --------------------------------------------------------------------------------------
# Datelines


@pytest.mark.parametrize(
    ("text", "place", "agency", "value"),
    [
        ("HARARE, Oct. 3, 2016 (Reuters) - Zimbabwe ...", "HARARE", "Reuters", "2016-10-03"),
        ("Hanoi, 14 June 2011 (Xinhua) -- Vietnam ...", "Hanoi", "Xinhua", "2011-06-14"),
        ("LA PAZ, Bolivia (AP) — Bolivia ...", "LA PAZ, Bolivia", "AP", None),
        ("ANKARA - Turkey ...", "ANKARA", None, None),
        (
            "Chile Recalls Envoy\n\nSANTIAGO, May 2, 2019 (AFP) - Chile ...",
            "SANTIAGO",
            "AFP",
            "2019-05-02",
        ),
    ],
)
def test_datelines_are_read(text, place, agency, value):
    d = find_dateline(text)
    assert d is not None
    assert (d.place, d.agency, d.value()) == (place, agency, value)
    stripped = blank(text, d)
    assert len(stripped) == len(text)
    assert text[d.end :] == stripped[d.end :]


@pytest.mark.parametrize(
    "text",
    [
        "UN - EU talks resumed in Brussels.",
        "Peru - a country of the Andes - voted.",
        "2003: Libya renounces its weapons programme.",
        "UPDATE - Norway recalled its envoy.",
    ],
)
def test_ordinary_openings_are_not_datelines(text):
    assert find_dateline(text) is None


def test_yearless_dateline_takes_the_year_nearest_the_pubdate():
    d = find_dateline("LIMA, Dec. 30 (Reuters) - Peru ...")
    assert d is not None
    assert d.value("2018-01-02") == "2017-12-30"
    assert d.value(None) is None


def test_dateline_sentence_is_coded_and_dated_with_original_offsets():
    text = "HARARE, Oct. 3, 2016 (Reuters) - Zimbabwe expelled two Zambian diplomats."
    evs = extract_text(text)
    assert triples(evs) == {("ZWE", "ZMB", "161")}
    (ev,) = evs
    assert ev.date == "2016-10-03"
    assert ev.sentence == text[ev.start : ev.end]
    assert ev.sentence.startswith("HARARE")
    assert ev.pubdate == "2016-10-03"  # the dateline's date stands in for the pubdate


def test_dateline_date_is_the_reference_for_weekdays_and_later_sentences():
    text = (
        "HANOI, 14 June 2011 (Xinhua) -- Vietnam accused China of cutting survey cables "
        "on Thursday.\n\nChina condemned Vietnam on Monday."
    )
    evs = {e.cameo: e for e in extract_text(text)}
    # 14 June 2011 was a Tuesday: a past "Thursday" is the one before, a "Monday" the day before.
    assert evs["112"].date == "2011-06-09"
    assert evs["111"].date == "2011-06-13"


def test_pubdate_given_stays_the_reference_and_gives_a_yearless_dateline_its_year():
    text = "LIMA, March 12 (Reuters) - Peru recalled its ambassador from Venezuela."
    (ev,) = extract_text(text, pubdate="2017-03-13")
    assert (ev.source[:3], ev.target[:3], ev.cameo, ev.date) == ("PER", "VEN", "161", "2017-03-12")
    assert ev.pubdate == "2017-03-13"
    # Without any year the date stays unknown rather than guessed.
    (ev,) = extract_text(text)
    assert ev.date is None


def test_bare_dateline_no_longer_doubles_the_source():
    evs = extract_text("ANKARA - Turkey condemned Greece over the island dispute.")
    assert [(e.source, e.target, e.cameo) for e in evs] == [("TUR", "GRC", "111")]


def test_headline_restating_the_lead_is_coded_once():
    text = (
        "Chile Recalls Envoy From Bolivia\n\n"
        "SANTIAGO, May 2, 2019 (AFP) - Chile recalled its ambassador from Bolivia on Wednesday."
    )
    evs = extract_text(text)
    assert len(evs) == 1
    assert evs[0].date == "2019-05-01"
    assert evs[0].sentence.startswith("SANTIAGO")


# --------------------------------------------------------------------------------------
# Attribution frames


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sudanese jets bombed South Sudanese villages, the army spokesman said on Friday.",
            {("SDN", "SSD", "195")},
        ),
        (
            "Turkish troops attacked Syrian positions, state television reported.",
            {("TUR", "SYR", "190")},
        ),
        (
            "According to the foreign ministry, Morocco expelled two Algerian diplomats.",
            {("MAR", "DZA", "161")},
        ),
        (
            "Officials said Armenian forces had shelled Azerbaijani villages.",
            {("ARM", "AZE", "194")},
        ),
        # "X says Y attacked Z" is Y's attack; "its" is the reporter's.
        ("Georgia says Russian troops attacked its border posts.", {("RUS", "GEO", "190")}),
        ("Serbia said its police arrested two Kosovar officials.", {("SRB", "XKX", "173")}),
        ("According to Peru, Chilean ships attacked its fishing boats.", {("CHL", "PER", "190")}),
        ("Chilean jets bombed its border towns, Peru said.", {("CHL", "PER", "195")}),
        ('"Chilean jets bombed our border towns," Peru said.', {("CHL", "PER", "195")}),
        ('"Our government condemns Chile," the Peruvian minister said.', {("PER", "CHL", "111")}),
    ],
)
def test_attributed_acts_are_coded(text, expected):
    assert triples(extract_text(text, pubdate="2016-04-09")) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Georgia believes Russia armed the separatists.",
        "Georgia fears Russian troops will attack its border posts.",
        "Georgia said Russia plans to expel its diplomats.",
        "Morocco denied that its troops attacked Algerian posts.",
        "Algeria suspects Morocco attacked its border posts.",
    ],
)
def test_beliefs_intentions_and_denials_are_not_events(text):
    assert not [e for e in extract_text(text, pubdate="2016-04-09") if e.cameo.startswith("1")]


def test_accusation_codes_the_statement_not_the_act():
    evs = extract_text("Georgia accused Russia of shelling its villages.", pubdate="2016-04-09")
    assert triples(evs) == {("GEO", "RUS", "112")}


# --------------------------------------------------------------------------------------
# Narrative and headline present


def test_chronology_in_the_historical_present_is_coded_and_dated():
    text = (
        "1962: Tanzania expels the Portuguese consul.\n"
        "1974: Portugal and Tanzania sign an agreement in September and Portugal withdraws "
        "its consul from Tanzania in December."
    )
    evs = extract_text(text)
    found = {(e.source[:3], e.target[:3], e.cameo, (e.date or "")[:4]) for e in evs}
    assert ("TZA", "PRT", "161", "1962") in found
    assert ("PRT", "TZA", "057", "1974") in found


def test_headline_in_the_present_takes_the_pubdate():
    (ev,) = extract_text("Finland Condemns Russia Over Airspace Violation\n", pubdate="2022-08-20")
    assert (ev.source, ev.target, ev.cameo, ev.date) == ("FIN", "RUS", "111", "2022-08-20")


# --------------------------------------------------------------------------------------
# Dates in news


def by_text(timexes):
    return {t.text: t for t in timexes}


def test_month_names_anchor_by_tense():
    t = by_text(tag("Talks with Ankara broke down in early November.", "2009-02-10"))
    assert t["early November"].value == "2008-11"
    t = by_text(tag("The minister visited Baku in June.", "2009-02-10"))
    assert t["June"].value == "2008-06"
    t = by_text(tag("The minister will visit Baku in June.", "2009-02-10"))
    assert t["June"].value == "2009-06"
    t = by_text(tag("The minister will visit Baku in January.", "2009-02-10"))
    assert t["January"].value == "2010-01"


def test_weekdays_anchor_by_tense():
    # 10 February 2009 was a Tuesday.
    assert tag("Oslo protested on Friday.", "2009-02-10")[0].value == "2009-02-06"
    assert tag("Oslo will protest on Friday.", "2009-02-10")[0].value == "2009-02-13"


def test_former_is_not_the_time_of_an_act():
    text = "In 2008 Russia and Georgia fought a war. Georgia's former president accused Russia of aggression."
    evs = [e for e in extract_text(text) if e.cameo == "112"]
    assert [e.date for e in evs] == ["2008"]


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("a decade", "P10Y"),
        ("three decades", "P30Y"),
        ("half a century", "P50Y"),
        ("a century", "P100Y"),
        ("several decades", "PXDE"),
        ("a fortnight", "P2W"),
    ],
)
def test_decade_and_century_durations(phrase, value):
    (t,) = tag(f"The blockade lasted {phrase}.", "2012-01-01")
    assert (t.text, t.type, t.value) == (phrase, "DURATION", value)


@pytest.mark.parametrize(
    "text",
    [
        "Qatari television routinely criticized Saudi Arabia.",
        "Chile regularly holds joint exercises with Argentina.",
    ],
)
def test_habits_are_not_single_acts(text):
    assert extract_text(text, pubdate="2015-01-05") == []


def test_repeated_acts_are_still_acts():
    evs = extract_text("Iran repeatedly criticized Israel in 2010.")
    assert triples(evs) == {("IRN", "ISR", "111")}


def test_present_tense_verb_read_as_a_plural_noun_is_coded():
    text = "Timeline:\nOct. 3 -- Japan protests to China over the patrol boats.\n"
    evs = extract_text(text, pubdate="2013-11-02")
    assert [(e.source, e.target, e.cameo, e.date) for e in evs] == [
        ("JPN", "CHN", "111", "2013-10-03")
    ]


def test_plural_nouns_stay_nouns():
    evs = extract_text("The protests in Cairo worried Israel in 2011.")
    assert evs == []


def test_former_is_not_a_time_expression():
    assert tag("The former prime minister of Nepal visited Delhi.", "2016-03-01") == []


def test_a_coordinated_month_shares_the_year():
    t = by_text(tag("Iraq shelled the border in March and April 1981.", "2010-01-01"))
    assert t["March"].value == "1981-03"


def test_a_planned_year_does_not_move_the_narrative():
    text = (
        "On 2 May 1972 the army crossed the river, preparing an offensive planned for 1973. "
        "The town fell on 9 May."
    )
    t = by_text(tag(text, "2010-01-01"))
    assert t["9 May"].value == "1972-05-09"


def test_weekday_dateline_is_dated_from_the_pubdate():
    d = find_dateline("QUITO, Thursday (AFP) - Ecuador ...")
    assert d is not None and d.date_text == "Thursday"
    assert d.value("2016-04-09") == "2016-04-07"  # the Thursday before that Saturday
    assert d.value(None) is None


@pytest.mark.parametrize(
    "text",
    ["US - China talks resumed.", "READ MORE: Peru expels envoy", "DETAILS - The ministry said"],
)
def test_bare_capitals_need_a_known_place(text):
    assert find_dateline(text) is None


def test_mid_year_and_the_day_in_focus():
    t = by_text(tag("In mid-2007 Turkey shelled the border.", "2008-01-09"))
    assert (t["mid-2007"].value, t["mid-2007"].mod) == ("2007", "MID")
    t = by_text(tag("The Istanbul index ended the day lower.", "2008-01-09"))
    assert t["the day"].value == "2008-01-09"
    assert tag("The day after the vote, Ankara protested.", "2008-01-09") == []
