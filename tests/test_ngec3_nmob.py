"""Acts whose doer news leaves unnamed (``domestic=True``): a protest is the civilians' of
the place, an attack is by unidentified attackers (UAF), a show of force is by the place's
own forces; and the vocabulary of protests, shows of force, attacks and meetings in wire
shapes (PLOVER PROTEST, MOBILIZE, ASSAULT, CONSULT)."""

from __future__ import annotations

import pytest

from detente.extract import extract_text


def coded(text: str, domestic: bool = True) -> set[tuple[str, str, str | None]]:
    events = extract_text(text, pubdate="2021-03-01", domestic=domestic)
    return {(e.source, e.target, e.plover) for e in events if not e.negated}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Agentless protests: the civilians of the place against its government.
        ("A general strike paralysed the port of Antwerp in Belgium on Tuesday.", ("BELCVL", "BELGOV", "PROTEST")),
        ("Riots erupted in Bujumbura, Burundi overnight.", ("BDICVL", "BDIGOV", "PROTEST")),
        ("A demonstration against fuel prices was held in Accra, Ghana on Friday.", ("GHACVL", "GHAGOV", "PROTEST")),
        # Agentless violence: unidentified attackers against the victims, or the place's people.
        ("Three Nigerian soldiers were shot dead near Maiduguri on Sunday.", ("NGAUAF", "NGAMIL", "ASSAULT")),
        ("A roadside bomb killed two civilians in Mogadishu on Wednesday.", ("SOMUAF", "SOMCVL", "ASSAULT")),
        ("The bombing of a market in Peshawar, Pakistan killed eleven shoppers.", ("PAKUAF", "PAKCVL", "ASSAULT")),
        ("An attacker stabbed two shoppers in Tunis, Tunisia on Monday.", ("TUNUAF", "TUN", "ASSAULT")),
        ("A blast ripped through a market in Maiduguri, Nigeria on Sunday.", ("NGAUAF", "NGACVL", "ASSAULT")),
        ("The killing of two Colombian journalists in Cali drew protests.", ("COLUAF", "COLMED", "ASSAULT")),
        # A show of force without a named force: the place's own.
        ("Hundreds of troops were deployed in Tripoli, Libya on Monday.", ("LBYMIL", "LBYCVL", "MOBILIZE")),
    ],
)  # fmt: skip
def test_unnamed_doers(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    "text",
    [
        # Deaths in an accident or a disaster are no attack.
        "Twelve passengers were killed in a bus crash near Arusha in Tanzania on Monday.",
        "Forty villagers were killed in floods in Assam, India last week.",
    ],
)
def test_no_attacker_in_accidents(text: str) -> None:
    assert not {e for e in coded(text) if e[2] == "ASSAULT"}


def test_unnamed_doers_only_domestic() -> None:
    # Interstate coding names no unidentified party.
    assert not coded("Riots erupted in Bujumbura, Burundi overnight.", domestic=False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Shows of force as news words them.
        ("Thai police were placed on high alert in Bangkok on Friday.", ("THACOP", "THACVL", "MOBILIZE")),
        ("Bolivian soldiers remained on alert along the border on Tuesday.", ("BOLMIL", "BOLCVL", "MOBILIZE")),
        ("The president of Mali ordered troops into Gao on Sunday.", ("MLIGOV", "MLICVL", "MOBILIZE")),
        ("Armenia called up its reservists on Thursday.", ("ARM", "ARMCVL", "MOBILIZE")),
        ("Turkish police stepped up security in Ankara after the blast.", ("TURCOP", "TUR", "MOBILIZE")),
        # Strikes and marches.
        ("Bus drivers walked off the job in Lisbon, Portugal on Wednesday.", ("PRTCVL", "PRT", "PROTEST")),
        ("Hundreds of Zambian miners staged a walkout on Tuesday.", ("ZMBCVL", "ZMBGOV", "PROTEST")),
        ("Tens of thousands of Colombians joined protest marches in Bogota.", ("COLCVL", "COLGOV", "PROTEST")),
        ("Ugandan students boycotted lectures for a week.", ("UGACVL", "UGAGOV", "PROTEST")),
        ("Hundreds of Bulgarian truckers blocked the main highway near Sofia on Friday.", ("BGRCVL", "BGRGOV", "PROTEST")),
    ],
)  # fmt: skip
def test_force_and_protest_words(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    "text",
    [
        # A purpose or a description is no report of an attack.
        "Peru formed a coalition to fight drug traffickers in Lima in 2019.",
        "Photographs of the decapitated bodies circulated in Kano, Nigeria.",
        # An attack in words or on computers, violence named as a cause.
        "A Kenyan bank was hit by a cyber attack in Nairobi on Friday.",
        "Thousands marched in Lusaka, Zambia against violence surrounding the vote.",
        # A verb of dissent whose subject is no crowd.
        "The problems plaguing Ecuador's economy worsened in 2019.",
    ],
)
def test_no_unnamed_doer(text: str) -> None:
    assert not {e for e in coded(text) if e[0].endswith(("UAF", "CVL"))}


def test_crowd_without_country() -> None:
    # "Thousands of protesters" names no country: the place does.
    text = "Thousands of protesters marched through the centre of Harare, Zimbabwe on Saturday."
    assert any(e[0] == "ZWECVL" and e[2] == "PROTEST" for e in coded(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An exercise with no partner is a show of force; with one it stays cooperation.
        ("Iran held naval exercises in the Strait of Hormuz on Friday.", ("IRNMIL", "IRNCVL", "MOBILIZE")),
        ("Brazil and Argentina held joint military exercises in 2018.", ("BRAMIL", "ARGMIL", "COOPERATE")),
        # Police called to a place, forces growing in strength.
        ("Greek police were called to the port of Piraeus on Sunday.", ("GRCCOP", "GRCCVL", "MOBILIZE")),
        ("Iran tested a new cruise missile on Sunday.", ("IRN", "IRNCVL", "MOBILIZE")),
        # Its own forces' readiness names no target: the show of force is at home.
        ("Serbia raised the combat readiness of its army on Friday.", ("SRB", "SRBCVL", "MOBILIZE")),
        # A person called is a telephone call, a person called something is not.
        ("Mexican President Lopez Obrador called Canadian Prime Minister Justin Trudeau on Monday.", ("MEXGOV", "CANGOV", "CONSULT")),
    ],
)  # fmt: skip
def test_more_force_and_calls(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(text)


def test_called_a_name_is_no_phone_call() -> None:
    text = (
        "Bolivian President Evo Morales called Chilean President Sebastian Pinera a liar in 2019."
    )
    assert not {e for e in coded(text) if e[2] == "CONSULT"}


def test_name_beside_a_role_is_that_official_later() -> None:
    text = (
        "Ghana's foreign minister, Kwame Asante, left Accra on Sunday. "
        "Asante arrived in Togo on Monday for two days."
    )
    events = extract_text(text, pubdate="2021-03-01", domestic=True)
    assert any(e.source == "GHAGOV" and e.target == "TGO" and e.plover == "CONSULT" for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Attending a meeting consults the organisation that holds it, or the host abroad.
        ("Nepalese Prime Minister Oli attended the SAARC summit in Kathmandu in 2014.", ("NPLGOV", "IGOSAARC", "CONSULT")),
        ("The Chilean foreign minister attended the conference in Lima, Peru on Monday.", ("CHLGOV", "PER", "CONSULT")),
    ],
)  # fmt: skip
def test_attending_meetings(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Beating people is physical assault (182); beating a country is a match or a vote.
        ("Police beat protesters outside parliament in Nairobi on Monday.", {"182"}),
        ("India beat Pakistan in the final in Dubai on Sunday.", set()),
        # Mass killings are CAMEO 202, a single killing 1823.
        ("The mass killing of Armenian civilians by Ottoman troops began in 1915.", {"202"}),
        ("Chadian rebels were blamed for the killing of a Sudanese diplomat in 2006.", {"1823"}),
    ],
)
def test_beatings_and_mass_killings(text: str, expected: set[str]) -> None:
    codes = {e.cameo for e in extract_text(text, pubdate="2020-01-01", domestic=True)}
    assert codes == expected
