"""Verbal conflict and requests (CAMEO 02, 10, 11, 12, 13): targets named in a content
clause or as the author of what is rejected, nouns of appeals and demands, lawsuits, and
infinitives of request nouns that are not acts."""

from __future__ import annotations

import pytest

from detente.extract import extract_text


def triples(events) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.cameo) for e in events if not e.negated}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A demand or warning is aimed at whom its content clause is about.
        ("Greece demanded on Monday that Turkey withdraw its warships.", ("GRC", "TUR", "100")),
        ("Ethiopia demanded in 2019 that Egypt stop the dam talks.", ("ETH", "EGY", "100")),
        # A rejection is aimed at the author of what is rejected.
        ("Hungary rejected the proposal by Austria in May.", ("HUN", "AUT", "120")),
        ("Sweden rejected a peace plan brokered by Ghana on Thursday.", ("SWE", "GHA", "120")),
    ],
)
def test_verbal_act_targets(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extract_text(text))


def test_content_clause_target_is_not_the_source_side() -> None:
    # "his country" is the speaker's own side: the threat is aimed at Ecuador.
    events = extract_text("Peru's foreign minister warned that his country would attack Ecuador.")
    assert all(e.target[:3] != "PER" for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile made a formal request to Argentina for the extradition.", ("CHL", "ARG", "020")),
        ("Amnesty International issued an appeal to Azerbaijan.", ("NGOHRIAMN", "AZE", "020")),
        ("The UN made a strong call on the government of Syria.", ("IGOUNO", "SYRGOV", "020")),
    ],
)
def test_request_nouns(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extract_text(text))


def test_call_on_x_to_act_is_not_the_act() -> None:
    # What is called for has not happened: no release by the UN.
    events = extract_text(
        "The UN commission made a strong call on the government of Syria to release the "
        "protesters.",
        domestic=True,
    )
    codes = {e.cameo for e in events}
    assert "020" in codes
    assert not any(c.startswith("08") for c in codes)


def test_lawsuit_is_accuse_115() -> None:
    events = extract_text(
        "The opposition in Kenya sued the government over the vote.", domestic=True
    )
    assert ("KENOPP", "KENGOV", "115") in triples(events)
    assert all(e.plover == "ACCUSE" for e in events if e.cameo == "115")


def test_demand_that_is_still_nothing_without_a_named_party() -> None:
    # No actor in the content clause and no object: no target, no event.
    assert not extract_text("Greece demanded that the talks resume soon.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran said on Tuesday it would impose sanctions on Britain if the tanker was not freed.",
         ("IRN", "GBR", "131")),
        ("Hamas said in 2014 it will attack Israel unless the blockade is lifted.",
         ("PSEREBHMS", "ISR", "138")),
        ("Armed opposition groups in Sudan warned they might resume attacks on the government.",
         ("SDNREB", "SDNGOV", "130")),
    ],
)  # fmt: skip
def test_implicit_threats(text: str, expected: tuple[str, str, str]) -> None:
    events = extract_text(text, domestic=True)
    assert expected in triples(events)
    # The threatened act itself did not happen.
    assert not any(e.cameo[:2] in {"16", "19"} for e in events)


def test_conditional_inside_the_condition_is_not_a_threat() -> None:
    assert not extract_text("If Peru attacked Chile, Bolivia said it would respond.")


def test_stated_refusal() -> None:
    events = extract_text(
        "The government of Chad vowed not to release the prisoners held by the rebels.",
        domestic=True,
    )
    assert ("TCDGOV", "TCDCVL", "124") in triples(events)


def test_a_reassurance_is_not_a_threat() -> None:
    assert not extract_text("Russia said on Monday it would not attack Ukraine.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rebels in Colombia turned down Venezuela's offer of talks.", ("COLREB", "VEN", "120")),
        ("Iran ruled out talks with the United States in 2019.", ("IRN", "USA", "120")),
        ("Chile requested a meeting with Australia on Friday.", ("CHL", "AUS", "026")),
        ("Bermuda is investigating whether a British military mission helped plan the murder.",
         ("BMU", "GBRMIL", "090")),
    ],
)  # fmt: skip
def test_refusals_requests_investigations(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extract_text(text, domestic=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A non-state group's threat or demand with no named target: its government.
        ("A trade union in Ghana threatened to strike.", ("GHALAB", "GHAGOV", "130")),
        ("Protesters in Peru were calling for the government to act swiftly.",
         ("PERCVL", "PERGOV", "020")),
        # The state's threat to arrest unnamed people: its civilians.
        ("Police in Bolivia have threatened to arrest anyone who joins the march.",
         ("BOLCOP", "BOLCVL", "130")),
        # Legal accusations (PLOVER ACCUSE): juries, rights organisations.
        ("A federal grand jury in the United States indicted two Russian hackers.",
         ("USAJUD", "RUS", "1121")),
        ("Egypt's main human rights organization accused the government of torture.",
         ("EGYHRI", "EGYGOV", "112")),
    ],
)  # fmt: skip
def test_domestic_verbal_acts(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extract_text(text, domestic=True))


def test_implied_targets_only_with_domestic() -> None:
    assert not extract_text("A trade union in Ghana threatened to strike.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A hostile act named by a noun under a stated or conditional future: a threat.
        ("The teachers union in Nigeria will stage protests unless the government pays the "
         "arrears.", ("NGALAB", "NGAGOV", "133")),
        ("Hamas said in 2012 it would launch attacks on Israel unless the siege ends.",
         ("PSEREBHMS", "ISR", "138")),
    ],
)  # fmt: skip
def test_noun_threats(text: str, expected: tuple[str, str, str]) -> None:
    events = extract_text(text, domestic=True)
    assert expected in triples(events)
    assert not any(e.cameo[:2] in {"14", "19"} for e in events)


def test_domestic_nominal_verbal_act_without_target() -> None:
    events = extract_text(
        "The teachers union in Ghana made fresh demands on Monday.", domestic=True
    )
    assert ("GHALAB", "GHAGOV", "100") in triples(events)
