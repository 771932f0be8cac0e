"""Actors in news stories that name a country once and then only titles and pronouns:
a titled person in a one-country story takes that country, and "he" is the person the
sentence before was about even when that sentence coded no event."""

from __future__ import annotations

from detente.extract import extract_text


def triples(text: str) -> set[tuple[str, str, str]]:
    events = extract_text(text, domestic=True, pubdate="2021-05-01")
    return {(e.source, e.target, e.cameo[:2]) for e in events if not e.negated}


def test_titled_person_takes_the_story_country() -> None:
    text = (
        "Protests spread across Brazil on Monday. "
        "President Elena Varga criticized the police for the arrests."
    )
    assert ("BRAGOV", "BRACOP", "11") in triples(text)


def test_titled_person_without_country_in_two_country_story_is_left() -> None:
    text = (
        "Troops from Chile and Peru gathered near the border. "
        "President Elena Varga criticized the army."
    )
    assert not any(s.startswith(("CHL", "PER")) and s.endswith("GOV") for s, _, _ in triples(text))


def test_pronoun_after_a_sentence_without_event() -> None:
    text = (
        "Ghana's government faced criticism in 2019. "
        "Interior Minister Kwame Mensah said the curfew would end. "
        "He blamed the rebels for the attack."
    )
    assert ("GHAGOV", "GHAREB", "11") in triples(text)


def test_bare_authorities_are_the_state_where_the_act_happens() -> None:
    text = "Authorities detained two reporters in Caracas on Thursday."
    assert ("VENGOV", "VENMED", "17") in triples(text)


def test_bare_officials_in_a_one_country_story() -> None:
    text = (
        "Fighting resumed in Yemen on Sunday. Officials accused the rebels of breaking the truce."
    )
    assert ("YEMGOV", "YEMREB", "11") in triples(text)


def test_an_honorific_is_not_a_surname() -> None:
    # Phoenix lists people surnamed Lord; "Lord Curzon" is a British peer, not one of them.
    evs = extract_text("In 1920 the French declined Lord Curzon's invitation to the talks.")
    assert not any(e.target.startswith("USA") for e in evs)
