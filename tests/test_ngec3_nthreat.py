"""Threats and rejections whose target the clause leaves out, in wire-news shapes (PLOVER
THREATEN, REJECT; nthreat branch)."""

from __future__ import annotations

import pytest

from detente.extract import extract_text


def coded(text: str, domestic: bool = True) -> set[tuple[str, str, str, str | None]]:
    events = extract_text(text, pubdate="2021-03-10", domestic=domestic)
    return {(e.source, e.target, e.cameo, e.plover) for e in events if not e.negated}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A plan of a hostile act made public is a threat against the party it would hit.
        ("Morocco announced on Monday a plan to invade Algeria.", ("MAR", "DZA", "138", "THREATEN")),
        # A present plan or intention of a coercive act (NGEC: threaten to ban, to arrest).
        ("The Zambian government plans to ban two opposition parties.", ("ZMBGOV", "ZMBOPP", "137", "THREATEN")),
        ("Kenyan police are planning to arrest opposition leaders.", ("KENCOP", "KENOPP", "137", "THREATEN")),
        # A vow whose infinitive the parser hangs across a circumstance ("vowed on Monday to").
        ("Sudanese rebels vowed to continue their attacks on government forces.", ("SDNREB", "SDN", "138", "THREATEN")),
        # A PETRARCH pattern that is a threat already (WOULD * MILITARY FORCE) under a statement.
        ("The Bolivian president told lawmakers that he will use military force if the opposition blocks the vote.", ("BOLGOV", "BOLOPP", "138", "THREATEN")),
        # Countermeasures vowed are a threat; taken, a cut in relations.
        ("China vowed on Tuesday to take countermeasures against Japan.", ("CHN", "JPN", "131", "THREATEN")),
        ("Russia took countermeasures against Norway on Friday.", ("RUS", "NOR", "160", "SANCTION")),
    ],
)  # fmt: skip
def test_threats(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in coded(text)


def test_targetless_threat_aimed_at_the_other_party_of_the_pair() -> None:
    text = (
        "Serbia and Kosovo traded accusations over the border crossing this week. "
        "Kosovo accused Serbia of massing troops near the frontier. "
        "Serbia denied the charge and said Kosovo had provoked the standoff. "
        "On Thursday, Serbia warned of serious consequences."
    )
    assert ("SRB", "XKX", "130", "THREATEN") in coded(text) or (
        "SRB",
        "KSV",
        "130",
        "THREATEN",
    ) in coded(text)


def test_targetless_threat_without_a_pair_stays_uncoded() -> None:
    # One country named: no pair in focus, no one to aim the warning at.
    assert not any(
        e[2].startswith("13") for e in coded("Chile warned of serious consequences on Tuesday.")
    )


def test_past_plan_is_not_a_threat() -> None:
    # History's plans were not held over anyone.
    assert not any(
        e[2].startswith("13") for e in coded("In 1940 Italy planned to invade Greece.", False)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The author of what is rejected, told in the sentence before.
        ("Ecuador proposed new talks on fishing rights on Monday. Colombia rejected the proposal on Tuesday.", ("COL", "ECU", "120", "REJECT")),
        ("Turkey offered on Monday to mediate between the two sides. Greece turned down the offer.", ("GRC", "TUR", "120", "REJECT")),
        ("Japan made a new proposal on fishing quotas on Monday. South Korea rejected the proposal.", ("KOR", "JPN", "120", "REJECT")),
        # The party of the act proposed.
        ("Senegal's president declined an invitation to visit Mauritania.", ("SENGOV", "MRT", "125", "REJECT")),
    ],
)  # fmt: skip
def test_rejections(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in coded(text)


def test_rejection_of_a_described_proposal_takes_no_author_from_before() -> None:
    # "a proposal to delay the vote" is described here; the sentence before did not make it.
    text = "Peru criticized Bolivia on Monday. Chile rejected a proposal to delay the vote."
    assert not any(e[0] == "CHL" and e[2].startswith("12") for e in coded(text, False))


def test_crowd_act_held_out_is_a_threat_not_the_act() -> None:
    # A crowd's strike stated as ready is a threat of dissent (133), not a strike (143).
    events = coded("Kenyan teachers are ready to strike if the government does not pay them.")
    assert ("KENEDU", "KENGOV", "133", "THREATEN") in events
    assert not any(e[2] == "143" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Iraq would face serious consequences, Iran said on Monday.",
        "Iran said on Monday that Iraq would face serious consequences.",
    ],
)
def test_facing_consequences_is_the_speakers_threat(text: str) -> None:
    events = coded(text.replace("Iraq", "Azerbaijan").replace("Iran", "Turkey"), False)
    assert ("TUR", "AZE", "130", "THREATEN") in events


def test_consequences_faced_are_no_threat() -> None:
    assert not coded("Azerbaijan faced serious consequences after the war in 1994.", False)


def test_hostile_act_held_out_as_a_possibility_is_a_threat() -> None:
    events = coded("Germany held out the prospect of an embargo on Belarus on Monday.", False)
    assert ("DEU", "BLR", "131", "THREATEN") in events
    # Discussing a possibility is no threat by the one who discusses it.
    assert not any(
        e[2].startswith("13")
        for e in coded("The EU discussed the possibility of an embargo on Belarus.", False)
    )


def test_strike_weighed_now_is_a_threat_and_in_the_past_is_not() -> None:
    assert ("NGALAB", "NGAGOV", "133", "THREATEN") in coded(
        "The Nigerian labour union is considering a strike over pay."
    )
    assert not coded("Nigerian teachers considered a strike in 2019.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A cooperative act an actor says it will not do is a refusal, not a negated promise.
        ("Morocco said on Monday it would not release the Algerian fishermen.", ("MAR", "DZACVL", "124", "REJECT")),
        # Not attending a summit abroad is a refusal to meet, not a meeting at a third place.
        ("Bolivia said on Friday it would not attend the summit in Chile.", ("BOL", "CHL", "125", "REJECT")),
    ],
)  # fmt: skip
def test_stated_refusals(text: str, expected: tuple[str, str, str, str]) -> None:
    events = coded(text)
    assert expected in events
    assert not any(e[2][:2] in {"03", "04"} for e in events)


def test_proposal_not_accepted_is_rejected() -> None:
    events = coded("Venezuela said on Monday it would not accept the proposal from Guyana.", False)
    assert ("VEN", "GUY", "120", "REJECT") in events
    assert ("VEN", "GUY", "030", "AGREE") in coded(
        "Venezuela accepted the Guyanese proposal on Monday.", False
    )


def test_pronoun_of_a_reported_refusal_is_the_reporter() -> None:
    # "they" is the rebels who say it, not the country the text names most.
    events = coded(
        "Malian rebels said on Sunday they would not attend the talks with the Malian government."
    )
    assert ("MLIREB", "MLIGOV", "125", "REJECT") in events
