"""Actor resolution for domestic news (nact branch): a country's people named by a plural
demonym, legislators and groups without a country, "they"/"them" pointing back at a group."""

from __future__ import annotations

import pytest

from detente.extract import extract_text


def coded(text: str, domestic: bool = True) -> set[tuple[str, str, str, str | None]]:
    events = extract_text(text, pubdate="2019-06-01", domestic=domestic)
    return {(e.source, e.target, e.cameo, e.plover) for e in events if not e.negated}


def pairs(text: str, domestic: bool = True) -> set[tuple[str, str, str | None]]:
    return {(s, t, p) for s, t, _, p in coded(text, domestic)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bare plural demonym is the country's people (Phoenix CVL), distinct from its state.
        (
            "Malawi raised fuel prices in May. Malawians protested against the government on Friday.",
            ("MWICVL", "MWIGOV", "PROTEST"),
        ),
        (
            "Chileans criticized the government on Tuesday over the pension reform.",
            ("CHLCVL", "CHLGOV", "ACCUSE"),
        ),
        # Legislators with no country named are the story's.
        (
            "Peru's cabinet faced a vote. Opposition lawmakers accused the government of fraud on Monday.",
            ("PERLEG", "PERGOV", "ACCUSE"),
        ),
        # "they" in a reported clause is the reporter when that is a plural group.
        (
            "The Colombian army said guerrilla fighters announced they had suspended attacks on the police.",
            ("COLREB", "COLCOP", "RETREAT"),
        ),
        # An object "them" is the group of people named just before.
        (
            "Police in Bolivia broke up a march by students on Monday and arrested them.",
            ("BOLCOP", "BOLCVL", "COERCE"),
        ),
        (
            "Bolivian teachers marched in La Paz on Monday. Police later detained them.",
            ("BOLCOP", "BOLEDU", "COERCE"),
        ),
    ],
)
def test_domestic_actors(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in pairs(text)


def test_article_keeps_the_state() -> None:
    # "the Americans" in a history is the state; no civilians are invented.
    found = pairs("In 1962 the Americans accused Cuba of hosting missiles.", domestic=False)
    assert ("USA", "CUB", "ACCUSE") in found


def test_state_of_mind_is_no_event() -> None:
    assert coded("Hungarians are divided over the new constitution.") == set()


def test_no_story_country_without_a_lead() -> None:
    # Two countries named equally: militants get no country by guess.
    found = coded("Mali and Niger held talks on Monday. Militants attacked a convoy on Tuesday.")
    assert not any(s.endswith("REB") for s, _, _, _ in found)


def test_named_institution_with_a_role_word() -> None:
    # The dictionary's whole name beats the role word's country of the sentence.
    found = pairs("The Royal Navy seized a Portuguese trawler on Friday.", domestic=False)
    assert ("GBR", "PRT", "COERCE") in {(s[:3], t[:3], p) for s, t, p in found}


def test_surname_after_a_suffix() -> None:
    text = (
        "Kenyan Attorney General Samuel Mbugua Jr. filed charges on Monday. "
        "Mbugua accused the governor of fraud."
    )
    assert any(s.startswith("KEN") and p == "ACCUSE" for s, _, p in pairs(text))


def test_part_of_a_group_acts_for_it() -> None:
    text = "Ethiopian troops shelled the camp on Monday. Some of the rebels rejected the truce on Tuesday."
    assert any(s == "ETHREB" and p == "REJECT" for s, _, p in pairs(text))


def test_story_country_for_roles_without_one() -> None:
    # Two other countries in the sentence; the story is about Sri Lanka (named most).
    text = (
        "Sri Lanka's economy shrank again. Sri Lanka's president met Indian envoys in Colombo. "
        "Protesters accused India and China of meddling on Sunday."
    )
    assert any(s == "LKACVL" and p == "ACCUSE" for s, _, p in pairs(text))


def test_group_noun_takes_its_modifier_role() -> None:
    # "rebel factions" are rebels, not the country; so their accusation is domestic.
    text = "Chad's rebel factions accused the government of breaking the truce on Friday."
    assert ("TCDREB", "TCDGOV", "ACCUSE") in pairs(text)


def test_unnamed_crowd_in_the_story_country() -> None:
    text = (
        "Gabon raised fuel prices. Gabon's president defended the rise. "
        "Angry demonstrations have taken place since March 3."
    )
    assert any(s.startswith("GAB") and p == "PROTEST" for s, _, p in pairs(text))


def test_kin_are_civilians() -> None:
    text = "Relatives of the miners in Peru accused the mining company of negligence on Monday."
    assert any(s == "PERCVL" and p == "ACCUSE" for s, _, p in pairs(text))


def test_it_opening_a_sentence_is_the_previous_subject() -> None:
    text = "Nepal's main opposition party met government envoys on Monday. It accused the army of torture on Tuesday."
    assert any(s == "NPLREB" or s.startswith("NPL") for s, _, p in pairs(text) if p == "ACCUSE")


def test_it_for_a_thing_is_no_actor() -> None:
    text = "The treaty was signed in 1990 by Chile. It angered Argentina deeply."
    assert not any(t == "ARG" and s == "" for s, t, _ in pairs(text, domestic=False))


def test_former_officer_is_an_elite_of_the_country() -> None:
    text = (
        "Uganda's parliament passed the budget in May. Uganda's president signed it. "
        "On Monday a former colonel accused the government of fraud."
    )
    assert ("UGAELI", "UGAGOV", "ACCUSE") in pairs(text)


def test_party_members_named_after_a_role() -> None:
    text = "Canada's budget went to Parliament in March. Senate Conservatives criticized the government on Friday."
    assert any(s == "CANLEG" and p == "ACCUSE" for s, _, p in pairs(text))


def test_names_with_accents_the_tables_lack() -> None:
    found = pairs("Curaçao expelled twelve Venezuelan diplomats on Saturday.", domestic=False)
    assert any(s == "CUW" and t.startswith("VEN") for s, t, _ in found)


def test_the_countrys_government_is_the_discourse_country() -> None:
    text = "Observers in Belarus say the country's government has arrested dozens of students this week."
    assert any(s == "BLRGOV" and p == "COERCE" for s, _, p in pairs(text))


def test_they_opening_a_sentence_is_the_group_before() -> None:
    text = (
        "Hundreds of dock workers marched through Mombasa on Monday. "
        "They accused the port authority of unpaid wages."
    )
    assert any(s.startswith("KEN") and s != "KEN" and p == "ACCUSE" for s, _, p in pairs(text))
