"""Aid, material cooperation and intents to cooperate in wire-news shapes (CAMEO 03, 06, 07;
PLOVER AGREE, COOPERATE, AID): goods flown or rushed as aid, transfers and packages of aid,
relief efforts, joint exercises staged or joined, shared intelligence, trade by direction,
willingness to act with a named party, and the implicit recipient of a state's aid under
``domestic=True``."""

from __future__ import annotations

import pytest

from detente.extract import extract_text


def coded(text: str, domestic: bool = True) -> set[tuple[str, str, str, str | None]]:
    events = extract_text(text, pubdate="2021-03-01", domestic=domestic)
    return {(e.source, e.target, e.cameo, e.plover) for e in events if not e.negated}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Aid goods and nominal acts of aid.
        ("Italy airlifted relief supplies to Mozambique on Tuesday.", ("ITA", "MOZ", "073", "AID")),
        ("Norway announced the transfer of humanitarian aid to Yemen in 2018.", ("NOR", "YEM", "073", "AID")),
        ("Canada announced a relief package for Lebanon on Thursday.", ("CAN", "LBN", "073", "AID")),
        ("The German relief effort in Pakistan began in August 2010.", ("DEU", "PAK", "073", "AID")),
        ("Cuba sent doctors and nurses to Peru in 2020.", ("CUB", "PER", "070", "AID")),
        # Sums of money given or pledged are monetary aid or its promise.
        ("Japan gave 10 million euros to Nepal in 2015.", ("JPN", "NPL", "071", "AID")),
        ("Serbia pledged $5 million to Montenegro on Monday.", ("SRB", "MNE", "0331", "AGREE")),
        # Sums "in" aid and loads "of" goods name what is given.
        ("Australia sent $12 million in humanitarian relief to Tonga in 2022.", ("AUS", "TON", "073", "AID")),
        ("Kenya sent 300 tonnes of food to Somalia in 2011.", ("KEN", "SOM", "073", "AID")),
        ("The Emir of Qatar signed a $2 billion aid package for Sudan in 2019.", ("QATGOV", "SDN", "071", "AID")),
        # A team sent to help is aid; the place it helps in is the recipient (domestic).
        ("China dispatched a medical team to help fight the outbreak in Liberia in 2014.", ("CHN", "LBR", "073", "AID")),
        # Material cooperation (06).
        ("Indian troops conducted joint exercises with Mongolia in 2019.", ("INDMIL", "MNG", "062", "COOPERATE")),
        ("Polish soldiers joined a military exercise with Lithuania in June.", ("POLMIL", "LTU", "062", "COOPERATE")),
        ("Joint naval drills between India and France began in May 2019.", ("INDMIL", "FRAMIL", "062", "COOPERATE")),
        ("Japan launched a joint infrastructure project with Vietnam in 2016.", ("JPN", "VNM", "061", "COOPERATE")),
        ("Jordan and Egypt share intelligence on smuggling networks.", ("JOR", "EGY", "064", "COOPERATE")),
        ("Uruguay began exporting beef to Japan in 2019.", ("URY", "JPN", "061", "COOPERATE")),
        ("Bhutan imported electricity from India in 2015.", ("BTN", "IND", "061", "COOPERATE")),
        ("Senegal expanded trade with Morocco in 2017.", ("SEN", "MAR", "061", "COOPERATE")),
        # Intents (03): offers of goods, willingness to act with a named party.
        ("Kenya offered food and medicine to Somalia on Monday.", ("KEN", "SOM", "0333", "AGREE")),
        ("Ecuador expressed willingness to work with Colombia.", ("ECU", "COL", "030", "AGREE")),
        # A future act the actor itself states is its intent (03x).
        ("The Chilean minister reaffirmed that Chile would send aid to Haiti.", ("CHL", "HTI", "033", "AGREE")),
        # Readiness for a nominal act offers it (036 for talks).
        ("Armenia is ready for negotiations with Azerbaijan.", ("ARM", "AZE", "036", "AGREE")),
        # Commitment to a gerund's act: the one committed promises it (03x).
        ("Tunisia is open to working with Algeria.", ("TUN", "DZA", "032", "AGREE")),
        ("Oman said it is committed to providing aid to Yemen.", ("OMN", "YEM", "033", "AGREE")),
        # A non-state group's promise to no one named is made to its government (domestic).
        ("Ugandan rebels agreed to a ceasefire on Monday.", ("UGAREB", "UGAGOV", "030", "AGREE")),
        # "his country": the country of the one who speaks.
        ("The president of Fiji said his country would cooperate with Japan.", ("FJI", "JPN", "032", "AGREE")),
        # Working or partnering with a party is cooperating with it (050).
        ("Kenya partnered with Ethiopia on the dam project in 2011.", ("KEN", "ETH", "050", "SUPPORT")),
    ],
)  # fmt: skip
def test_cooperative_acts(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in coded(text)


def test_state_aid_at_home_goes_to_its_people() -> None:
    # No recipient named and no other country in the sentence: the state's own civilians.
    assert ("PHLGOV", "PHLCVL", "071", "AID") in coded(
        "The Philippine government provided $8 million in aid to typhoon victims on Friday."
    )
    # Without domestic coding no such event is made.
    assert not any(
        e[2].startswith("07")
        for e in coded("The Philippine government provided $8 million in aid.", domestic=False)
    )


def test_state_rushes_goods_home() -> None:
    assert ("PAKGOV", "PAKCVL", "070", "AID") in coded(
        "Pakistani authorities rushed truckloads of aid supplies to flooded districts on Friday."
    )


def test_aid_recipient_is_the_one_other_country_named() -> None:
    # One other country in the sentence: it, not the donor's people, receives the aid.
    events = coded(
        "Officials in Nepal said India sent $5 million in relief to the stricken country."
    )
    assert ("IND", "NPL", "073", "AID") in events
    assert not any(t.endswith("CVL") and c.startswith("07") for _, t, c, _ in events)
    # Two others: no guess.
    events = coded("After talks with Chile and Bolivia, Peru provided $3 million in aid.")
    assert not any(c.startswith("07") for _, _, c, _ in events)


@pytest.mark.parametrize(
    "text",
    [
        # A unilateral exercise is no cooperation; sharing a border is no intelligence.
        "Malta conducted naval exercises off its coast in April 2015.",
        "Chad and Niger share a long border.",
        # A team sent with no purpose of help is no aid.
        "Russia sent a team of investigators to Ukraine in 2014.",
        # Cooperation in general stays with PETRARCH's diplomatic code (050), not 06x.
        "Russia and Pakistan increased cooperation in 2007.",
        # Readiness for war is no offer of anything.
        "Armenia is ready for war with Azerbaijan.",
    ],
)
def test_no_material_cooperation_or_aid(text: str) -> None:
    assert not any(c[:2] in {"03", "06", "07"} for _, _, c, _ in coded(text))
