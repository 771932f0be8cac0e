"""Threats, coercion, sanctions and accusations in wire-news shapes (PLOVER THREATEN, COERCE,
SANCTION, ACCUSE; nconf branch), mostly with ``domestic=True``."""

from __future__ import annotations

import pytest

from detente.extract import extract_text


def coded(text: str, domestic: bool = True) -> set[tuple[str, str, str, str | None]]:
    events = extract_text(text, pubdate="2019-06-01", domestic=domestic)
    return {(e.source, e.target, e.cameo, e.plover) for e in events if not e.negated}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A hostile act stated as possible, with the statement after it (wire style).
        ("Estonia could expel the Belarusian ambassador, its foreign minister told reporters on Monday.", ("EST", "BLRGOV", "131", "THREATEN")),
        ("Ghana could break off diplomatic ties with Togo, an official said on Friday.", ("GHA", "TGO", "131", "THREATEN")),
        # A warning whose clause joins two acts: the target is the second act's object.
        ("Venezuela warned on Sunday that it could invade and annex Guyana.", ("VEN", "GUY", "130", "THREATEN")),
        # Curfews and emergency rule put in force.
        ("Police in Peru enforced a nightly curfew on Saturday.", ("PERCOP", "PERCVL", "1723", "COERCE")),
        # A court's sentence after a light verb is a conviction (PLOVER SANCTION).
        ("The Zambian court handed down death sentences to two opposition politicians on Monday.", ("ZMBJUD", "ZMBOPP", "172", "SANCTION")),
        # Rights groups and aid agencies pulling out reduce their involvement; troops retreat.
        ("Doctors Without Borders pulled out of Somalia in 2013.", ("NGOHLHMSF", "SOM", "166", "SANCTION")),
        ("Bolivia withdrew from the talks with Chile in 2011.", ("BOL", "CHL", "164", "SANCTION")),
    ],
)  # fmt: skip
def test_nconf_acts(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in coded(text)


def test_troops_still_retreat() -> None:
    # Armed forces leaving a country retreat (0874), they do not reduce relations.
    events = coded(
        "Armenian troops withdrew from Nagorno-Karabakh's Lachin district in 2020.", False
    )
    assert not any(c == "166" for _, _, c, _ in events)


def test_unnamed_prosecutors_charge() -> None:
    # Only prosecutors and courts charge or indict: the country's judiciary.
    events = coded(
        "Former Zambian finance minister Felix Mutati was charged with fraud on Tuesday."
    )
    assert any(
        s == "ZMBJUD" and t == "ZMBGOV" and p in {"ACCUSE", "COERCE"} for s, t, _, p in events
    )
    assert not coded("Former Zambian finance minister Felix Mutati was charged with fraud.", False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An investigation names a deed; whom it looks into is the deed's doer.
        ("Jamaica launched an inquiry into abuses by British forces.", ("JAM", "GBRMIL", "090", "ACCUSE")),
        ("Kenya is investigating allegations of abuse by Ugandan troops.", ("KEN", "UGAMIL", "090", "ACCUSE")),
        ("Nepal opened a probe into abuses by Indian border guards on Monday.", ("NPL", "INDMIL", "090", "ACCUSE")),
    ],
)  # fmt: skip
def test_investigated_party(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in coded(text, False)


@pytest.mark.parametrize(
    "text",
    [
        "Police in Bolivia warned of arrests if the blockades continued.",
        "Peruvian authorities warned that anyone joining the march would face arrest.",
    ],
)
def test_warning_of_coercion_aimed_at_civilians(text: str) -> None:
    # A state's warning of arrests names no one: its own civilians (domestic convention).
    assert any(t.endswith("CVL") and c == "130" for _, t, c, _ in coded(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Cyber attacks and hacking are coercion short of violence (PLOVER COERCE "cyber").
        ("A Russian cyber attack on Estonia crippled banks in 2007.", ("RUS", "EST", "170", "COERCE")),
        ("Chinese hackers breached the Indian defence ministry's network.", ("CHN", "IND", "170", "COERCE")),
        ("Iran hacked the websites of Saudi ministries.", ("IRN", "SAUMED", "170", "COERCE")),
        # A rights group with no country of its own is the country's the story is about.
        ("A leading rights group accused the Bolivian government of torture.", ("BOLHRI", "BOLGOV", "112", "ACCUSE")),
    ],
)  # fmt: skip
def test_cyber_and_rights_groups(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A conditional threat is aimed at whoever must meet the condition.
        ("Russia threatened to retaliate if Finland joined NATO.", ("RUS", "FIN", "130", "THREATEN")),
        # A threat named by a noun is aimed at the party its infinitive acts on.
        ("Turkey issued a threat to impose sanctions on Greece.", ("TUR", "GRC", "130", "THREATEN")),
        ("Ethiopia's threat to invade Eritrea alarmed the region.", ("ETH", "ERI", "130", "THREATEN")),
    ],
)  # fmt: skip
def test_threat_targets(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in coded(text)
    assert ("RUS", "RUSCVL", "130", "THREATEN") not in coded(text)


def test_weighing_a_hostile_step_is_a_threat() -> None:
    assert ("KENGOV", "KENOPP", "137", "THREATEN") in coded(
        "The Kenyan government is considering banning the opposition party."
    )
    # A cooperative step weighed is no threat.
    assert not any(
        p == "THREATEN" for *_, p in coded("India is considering buying jets from France.")
    )


def test_one_threat_per_statement() -> None:
    events = extract_text("Japan said it would impose sanctions on North Korea.", domestic=True)
    assert [(e.source, e.target, e.cameo) for e in events] == [("JPN", "PRK", "131")]


def test_ready_to_attack_is_a_threat_not_an_attack() -> None:
    events = coded("North Korea is ready to attack South Korea, its army said.")
    assert ("PRK", "KOR", "138", "THREATEN") in events
    assert not any(c == "190" for _, _, c, _ in events)
    # A cooperative act one is ready to do stays a commitment (03x).
    assert ("CHL", "PER", "033", "AGREE") in coded("Chile is ready to send aid to Peru.")


def test_unnamed_people_arrested_at_a_place() -> None:
    # An agentless arrest of people no actor word names: the police of the place's country
    # arrest its citizens (--domestic); no place, no guess.
    assert ("IDNCOP", "IDNCVL", "173", "COERCE") in coded(
        "Rahman was arrested in Jakarta on Monday."
    )
    assert not coded("Rahman was arrested on Monday.")
    assert not coded("Rahman was arrested in Jakarta on Monday.", False)
