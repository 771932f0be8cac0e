"""Material conflict and dissent in wire-news shapes (CAMEO 14-20, PLOVER PROTEST, MOBILIZE,
COERCE, SANCTION, ASSAULT) with ``domestic=True``: implicit targets of protests, shows of
force and restrictions, crowd protests, law-enforcement raids, unnamed courts, and the
PLOVER types NGEC's codebook gives sanctions and convictions."""

from __future__ import annotations

import pytest

from detente.extract import extract_text


def coded(text: str, domestic: bool = True) -> set[tuple[str, str, str, str | None]]:
    events = extract_text(text, pubdate="2019-06-01", domestic=domestic)
    return {(e.source, e.target, e.cameo, e.plover) for e in events if not e.negated}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A crowd's protest without a named target: the government where it happens.
        ("Thousands of students protested in Caracas on Monday.", ("VENCVL", "VENGOV", "141", "PROTEST")),
        ("Up to 20,000 people protested across Austria on Saturday.", ("AUTCVL", "AUTGOV", "141", "PROTEST")),
        ("Opposition supporters rallied outside the parliament in Kampala on Friday.", ("UGAOPP", "UGALEG", "141", "PROTEST")),
        # Shows of force aimed at a place's country.
        ("Egypt deployed troops to its border with Libya on Sunday.", ("EGY", "LBY", "154", "MOBILIZE")),
        ("Pakistan has massed troops along the border with India.", ("PAK", "IND", "154", "MOBILIZE")),
        # Restrictions a state imposes on its own people.
        ("The government of Chad imposed a nationwide curfew on Sunday.", ("TCDGOV", "TCDCVL", "1723", "COERCE")),
        ("Iran shut down the internet on Saturday.", ("IRN", "IRNCVL", "1721", "COERCE")),
        ("Belarus banned the main opposition party in 2005.", ("BLR", "BLROPP", "1722", "COERCE")),
        # A raid by a country's police on its own people is law enforcement.
        ("Egyptian police raided the offices of the opposition newspaper in Cairo on Thursday.", ("EGYCOP", "EGYOPP", "170", "COERCE")),
        # Convictions and sanctions are PLOVER SANCTION; an unnamed court is the country's.
        ("Former Peruvian president Alberto Fujimori was sentenced on Tuesday to 25 years in prison.", ("PERJUD", "PERGOV", "172", "SANCTION")),
        ("The United States imposed sanctions on Iran on Tuesday.", ("USA", "IRN", "163", "SANCTION")),
    ],
)  # fmt: skip
def test_conflict_acts(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in coded(text)


def test_state_protest_stays_a_complaint() -> None:
    # A state that protests lodges a complaint; it does not demonstrate.
    assert not any(
        c[2].startswith("14") for c in coded("Hungary protested the decision of Romania.")
    )


def test_military_raid_abroad_stays_an_assault() -> None:
    assert ("ISRMIL", "LBNCVL", "190", "ASSAULT") in coded(
        "Israeli troops raided a village in Lebanon in 2006."
    )


def test_implicit_targets_need_domestic() -> None:
    assert not coded("Thousands of students protested in Caracas on Monday.", domestic=False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thousands of U.S. troops were deployed to Kuwait in 1994.", ("USAMIL", "KWT", "154", "MOBILIZE")),
        ("Indian soldiers patrolled the border with Pakistan on Monday.", ("INDMIL", "PAK", "150", "MOBILIZE")),
        # "pro-Russian" is a stance, not a nationality: the separatists are Ukraine's (dev gold).
        ("Twenty-seven Ukrainian schoolchildren were abducted by pro-Russian separatists on Tuesday.", ("UKRREB", "UKR", "181", "ASSAULT")),
        ("Teachers joined the strike in Lagos on Monday.", ("NGAEDU", "NGAGOV", "143", "PROTEST")),
        ("About 200 students gathered outside the parliament in Nairobi on Monday.", ("KENCVL", "KENLEG", "141", "PROTEST")),
    ],
)  # fmt: skip
def test_force_posture_and_dissent_idioms(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in coded(text)


def test_accession_still_cooperation() -> None:
    assert not any(
        c[3] == "PROTEST"
        for c in coded("Kazakhstan joined the alliance of Russia and Belarus in 2001.")
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thailand declared a state of emergency in Bangkok on Monday.", ("THA", "THACVL", "1724", "COERCE")),
        ("The government imposed martial law in Mindanao in 2017.", ("PHLGOV", "PHLCVL", "1724", "COERCE")),
        ("Indonesian authorities have made arrests for illegal logging.", ("IDNGOV", "IDNCVL", "173", "COERCE")),
    ],
)  # fmt: skip
def test_state_coercion_of_its_people(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenyan police deployed thousands of officers on Monday.", ("KENCOP", "KENCVL", "153", "MOBILIZE")),
        ("The president ordered the recruitment of 2,000 troops in Papua New Guinea.", ("PNGGOV", "PNGCVL", "154", "MOBILIZE")),
        ("Al-Shabaab claimed responsibility for the attack on a hotel in Nairobi.", ("SOMREB", "KEN", "190", "ASSAULT")),
    ],
)  # fmt: skip
def test_force_at_home_and_claimed_attacks(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in coded(text)


def test_crowd_side_of_a_clash_is_a_riot() -> None:
    got = coded("Clashes between protesters and police erupted in Nairobi on Monday.")
    assert ("KENCVL", "KENCOP", "145", "PROTEST") in got
    assert ("KENCOP", "KENCVL", "190", "ASSAULT") in got


def test_rebels_fighting_troops_do_not_riot() -> None:
    got = coded("Malian troops clashed with Tuareg rebels near Kidal in March 2012.")
    assert got and not any(c[2].startswith("14") for c in got)


def test_attack_at_home_on_nobody_named_is_no_event() -> None:
    assert not coded("Kenyan police attacked Kenyan police in Nairobi.")


def test_agentless_arrest_is_by_the_police_of_the_place() -> None:
    assert ("BLRCOP", "RUSMED", "173", "COERCE") in coded(
        "Two Russian journalists were detained in Belarus on Monday."
    )
