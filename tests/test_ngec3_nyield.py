"""Yields as news reports them (nyield branch, issue 8): resignations, withdrawals, eased
restrictions, ended strikes and ceasefires, with the implicit targets domestic coding gives
them (CAMEO 08, PLOVER CONCEDE / RETREAT)."""

from __future__ import annotations

import pytest

from detente.extract import extract_text


def coded(text: str, domestic: bool = True) -> set[tuple[str, str, str, str]]:
    return {
        (e.source, e.target, e.cameo, e.plover or "")
        for e in extract_text(text, domestic=domestic)
        if not e.negated
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An official who steps down yields power to the country's people; NGEC's codebook
        # counts a resignation that has happened as RETREAT.
        (
            "Romanian Defence Minister Victor Babiuc resigned on 12 March 1999.",
            ("ROUGOV", "ROUCVL", "0831", "RETREAT"),
        ),
        (
            "The Latvian prime minister stepped down on Thursday after a bank scandal.",
            ("LVAGOV", "LVACVL", "0831", "RETREAT"),
        ),
        # A state eases restrictions for its own people.
        (
            "The Vietnamese government eased restrictions on religious groups in 2004.",
            ("VNMGOV", "VNMREL", "081", "CONCEDE"),
        ),
        (
            "The Thai government lifted the state of emergency in Chiang Mai on Monday.",
            ("THAGOV", "THACVL", "0814", "RETREAT"),
        ),
        # Dissenters who end their strike or boycott yield to their government (082).
        (
            "Bolivian teachers called off a general strike on 4 June 2005.",
            ("BOLEDU", "BOLGOV", "082", "CONCEDE"),
        ),
        (
            "The Zimbabwean opposition suspended its boycott of parliament in 2009.",
            ("ZWEOPP", "ZWEGOV", "082", "CONCEDE"),
        ),
        # Armed groups that stop fighting yield to the government they fight; an army that
        # pulls back at home yields to the rebels.
        (
            "Maoist rebels in Nepal declared a unilateral ceasefire on 3 September 2005.",
            ("NPLREB", "NPLGOV", "0871", "RETREAT"),
        ),
        (
            "Rebels in Colombia suspended attacks on government forces on Friday.",
            ("COLREB", "COLGOV", "087", "RETREAT"),
        ),
        (
            "The Ethiopian army pulled its troops out of the Ogaden region in 2008.",
            ("ETHMIL", "ETHREB", "0874", "RETREAT"),
        ),
    ],
)
def test_domestic_yields(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Syria pulled its troops out of Lebanon in April 2005.",
            ("SYR", "LBN", "0874", "RETREAT"),
        ),
        (
            "Japan lifted its ban on American beef imports in 2006.",
            ("JPN", "USA", "085", "RETREAT"),
        ),
        (
            "Egypt returned the seized fishing boats' property to Sudan on Monday.",
            ("EGY", "SDN", "0842", "RETREAT"),
        ),
    ],
)
def test_interstate_yields(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in coded(text, domestic=False)


@pytest.mark.parametrize(
    "text",
    [
        # A promise to resign is not a resignation; a refusal to resign even less.
        "The Peruvian president will resign next year, his aides said.",
        "The Hungarian minister refused to resign on Monday.",
        # Police breaking up a protest do not ease dissent.
        "Police in Lima ended the protest by firing tear gas on Tuesday.",
        # Without --domestic a resignation has no second party.
        "Romanian Defence Minister Victor Babiuc resigned on 12 March 1999.",
    ],
)
def test_not_yields(text: str) -> None:
    domestic = "Babiuc" not in text
    assert not any(c[2].startswith("08") for c in coded(text, domestic=domestic))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Wanting another party to act is an appeal to it; seeking a meeting or aid asks for it.
        ("Uruguay wants Brazil to lower its tariffs on rice.", ("URY", "BRA", "020", "REQUEST")),
        (
            "Laos sought a meeting with the Thai prime minister in 2011.",
            ("LAO", "THAGOV", "026", "REQUEST"),
        ),
        (
            "Fiji sought emergency food aid from Australia in March.",
            ("FJI", "AUS", "0233", "REQUEST"),
        ),
        # A refusal to meet is coded, the meeting is not.
        (
            "The Serbian president declined to meet with the Croatian prime minister.",
            ("SRBGOV", "HRVGOV", "125", "REJECT"),
        ),
    ],
)
def test_requests_and_refusals(text: str, expected: tuple[str, str, str, str]) -> None:
    events = coded(text, domestic=False)
    assert expected in events
    assert not any(c[2] == "040" for c in events)


@pytest.mark.parametrize(
    "text",
    [
        # The act asked for has not happened: no release, no withdrawal.
        "The Japanese government called on North Korea to release the abductees.",
        "Ghana pressed Togo to withdraw its troops from the border in 2004.",
        # A wish for oneself is no appeal to anyone.
        "Georgia wants to join NATO.",
    ],
)
def test_appeals_are_not_the_acts_asked_for(text: str) -> None:
    events = coded(text, domestic=True)
    assert not any(c[2].startswith("08") for c in events)
    if "wants" in text:
        assert not events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A resignation reported done, named by its noun.
        (
            "Slovak Prime Minister Iveta Radicova announced her resignation on Tuesday.",
            ("SVKGOV", "SVKCVL", "0831", "RETREAT"),
        ),
        # Handing back seized property, handing over power, laying down arms.
        (
            "Peruvian rebels handed back the land seized from the farmers' cooperative.",
            ("PERREB", "PERGOV", "0842", "RETREAT"),
        ),
        (
            "The Guinean junta handed over power to an elected president in 2010.",
            ("GINGOV", "GINCVL", "0831", "RETREAT"),
        ),
    ],
)
def test_nominal_and_phrasal_yields(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in coded(text)


def test_a_demanded_resignation_is_a_demand() -> None:
    events = coded("Moldovan students demanded the resignation of the Moldovan president.")
    assert not any(c[2] == "0831" for c in events)
    assert any(c[3] == "REQUEST" for c in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Refusing to yield is aimed at whoever the yield would have been made to.
        (
            "The Bahraini government refused to lift the curfew on Sunday.",
            ("BHRGOV", "BHRCVL", "120", "REJECT"),
        ),
        (
            "The Eritrean government's refusal to ease restrictions on the press drew criticism.",
            ("ERIGOV", "ERICVL", "120", "REJECT"),
        ),
    ],
)
def test_refused_yields(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in coded(text)


def test_refusing_other_acts_has_no_implicit_target() -> None:
    events = coded("The Nepalese government refused to end the talks on Friday.")
    assert not any(c[1] == "NPLCVL" for c in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A release reported in speech is a release, not a comment; "they" is the police
        # who report it (nact: a plural reporter speaks of itself).
        (
            "The Malaysian police said they had freed 40 hostages in Sabah on Sunday.",
            # ("they" is the police who say it: nthreat's reported-clause pronoun rule.)
            ("MYSCOP", "MYSCVL", "0841", "RETREAT"),
        ),
        (
            "Indonesia released the Australian fishermen on Tuesday.",
            ("IDN", "AUSCVL", "0841", "RETREAT"),
        ),
        # "cease-fire" is parsed as "fire".
        (
            "Sudanese President Omar al-Bashir declared a cease-fire in Darfur in 2010.",
            ("SDNGOV", "SDNREB", "0871", "RETREAT"),
        ),
        (
            "Togo's president requested talks with Ghana's president.",
            ("TGOGOV", "GHAGOV", "026", "REQUEST"),
        ),
    ],
)
def test_releases_ceasefires_talks(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in coded(text)


def test_released_report_is_no_release() -> None:
    assert not coded("The Kenyan ministry released a report on Monday.", domestic=False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Letting international actors in is CAMEO 086x toward them, however the parser
        # attaches them ("allowed X to visit" is a clause with X as its subject).
        (
            "North Korea allowed IAEA inspectors to visit Yongbyon in 2007.",
            ("PRK", "IGOIAEA", "0862", "RETREAT"),
        ),
        (
            "Chad allowed United Nations peacekeepers into the east in 2008.",
            ("TCD", "IGOUNOMIL", "0861", "RETREAT"),
        ),
    ],
)
def test_allowing_international_actors_in(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in coded(text, domestic=False)


def test_letting_inspectors_in_is_not_done_for_the_people() -> None:
    events = coded("The Iraqi government allowed inspectors to visit the palaces.")
    assert not any(c[1].endswith("CVL") for c in events)


def test_refusing_an_offer_made_by_another_party() -> None:
    events = coded(
        "Nepal refused to accept the relief supplies offered by India in 2015.", domestic=False
    )
    assert ("NPL", "IND", "120", "REJECT") in events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Concessions made are a yield; giving in to demands accedes to them.
        ("Armenia made concessions to Azerbaijan in 2020.", ("ARM", "AZE", "080", "CONCEDE")),
        (
            "The Bahraini government gave in to the demands of the opposition.",
            ("BHRGOV", "BHROPP", "083", "CONCEDE"),
        ),
    ],
)
def test_concessions(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in coded(text)


def test_offered_concessions_are_an_intent() -> None:
    events = coded("Armenia offered concessions to Azerbaijan in 2020.", domestic=False)
    assert ("ARM", "AZE", "035", "AGREE") in events
    assert not any(c[2] == "080" for c in events)


@pytest.mark.parametrize(
    "text",
    [
        # Loose yields and publications release nothing to anyone.
        "The Moldovan ministry approved the proposals on Monday.",
        "Photos released by the Belarusian police showed the crowd.",
        "A press release from the Nepalese ministry was published on Monday.",
    ],
)
def test_no_implicit_recipient_for_loose_yields(text: str) -> None:
    assert not any(c[2].startswith("08") for c in coded(text))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # A ban on arms or military supplies is an arms embargo: lifting it is 085.
        ("Germany lifted its ban on arms exports to Saudi Arabia in March 2019.", "085"),
        ("Moscow lifted its embargo on military hardware sales to Hanoi in 1992.", "085"),
        # Other bans are administrative sanctions (081).
        ("Kenya lifted a ban on Somali newspapers in 2015.", "081"),
    ],
)
def test_lifted_bans_by_what_they_stop(text: str, code: str) -> None:
    assert {c[2] for c in coded(text, domestic=False)} == {code}
