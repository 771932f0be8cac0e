"""Recall on encyclopedia and news prose (ndev branch): acts told as having happened, the
parties named by one adjective ("inter-Korean"), the halves of a divided country ("the
North"). Sentences written for these tests, about countries and years of our choosing."""

from __future__ import annotations

from detente.extract import extract_text


def coded(text: str) -> set[tuple[str, str, str, str | None]]:
    return {(e.source[:3], e.target[:3], e.cameo, e.date) for e in extract_text(text)}


# -- "a summit took place": an act told as having happened, parties from the context ---------


def test_a_summit_that_took_place_is_between_the_two_just_named() -> None:
    events = coded("India and Pakistan were at odds. A summit took place in Agra in July 2001.")
    assert {("IND", "PAK", "040", "2001-07"), ("PAK", "IND", "040", "2001-07")} <= events


def test_talks_that_occurred() -> None:
    events = coded("Relations between Chile and Peru were tense. Talks occurred in Lima in 1999.")
    assert {("CHL", "PER", "046", "1999"), ("PER", "CHL", "046", "1999")} <= events


def test_taking_place_needs_an_act_as_subject() -> None:
    # A ceremony is no act between the two.
    events = coded("Chile and Peru were tense. A ceremony took place in Lima in 1999.")
    assert not any(c.startswith("04") for _, _, c, _ in events)


# -- one adjective naming both parties ----------------------------------------------------------


def test_inter_korean_summit_is_a_meeting_of_the_two_koreas() -> None:
    events = coded("The inter-Korean summit took place in Pyongyang on 4 October 2007.")
    assert {("KOR", "PRK", "040", "2007-10-04"), ("PRK", "KOR", "040", "2007-10-04")} <= events


def test_inter_korean_summit_with_its_leaders_named_after_between() -> None:
    events = coded(
        "The inter-Korean summit was held on 13 June 2000 between Kim Dae-jung, President of "
        "South Korea, and Kim Jong-il, leader of North Korea."
    )
    assert {("KOR", "PRK", "040", "2000-06-13"), ("PRK", "KOR", "040", "2000-06-13")} <= events


def test_cross_strait_talks() -> None:
    events = coded("Cross-Strait talks were held in Singapore in April 1993.")
    assert {("CHN", "TWN", "046", "1993-04"), ("TWN", "CHN", "046", "1993-04")} <= events


def test_a_headline_does_not_hide_the_lead_that_restates_it() -> None:
    events = extract_text(
        "1985 inter-Korean talks\n\nThe 1985 inter-Korean talks took place in Seoul on 20 May 1985."
    )
    assert {(e.source, e.target) for e in events if e.cameo == "046"} >= {
        ("KOR", "PRK"),
        ("PRK", "KOR"),
    }
    assert all(e.sentence.startswith("The 1985") for e in events if e.cameo == "046")


# -- "the North", "the South" in a text about a divided country --------------------------------


def test_the_north_and_the_south_of_korea() -> None:
    events = coded(
        "North Korea and South Korea held talks in 1991. In 1992 the North accused the South "
        "of spying."
    )
    assert ("PRK", "KOR", "112", "1992") in events


def test_the_north_and_the_south_of_sudan() -> None:
    events = coded(
        "Sudan and South Sudan fought over Heglig in 2012. The North bombed the South in "
        "April 2012."
    )
    assert ("SDN", "SSD", "195", "2012-04") in events


def test_the_north_is_no_state_without_both_halves_named() -> None:
    events = coded("Italy and France met in 1990. In 1991 the North accused France of spying.")
    assert not any(c == "112" for _, _, c, _ in events)


# -- offers and invitations told through their answer ------------------------------------------


def test_an_accepted_offer_was_made_to_the_one_who_accepts() -> None:
    assert ("CHN", "JPN", "0311", "1978") in coded(
        "Japan accepted China's offer of a trade agreement in 1978."
    )


def test_a_declined_invitation_was_still_made() -> None:
    events = coded("In 1990 Chile declined Argentina's invitation to attend the summit.")
    assert ("ARG", "CHL", "036", "1990") in events
    assert any(s == "CHL" and t == "ARG" and c.startswith("12") for s, t, c, _ in events)


def test_a_rejected_settlement_proposal() -> None:
    assert ("ECU", "PER", "037", "1995-03") in coded(
        "Peru rejected Ecuador's proposal for a settlement in March 1995."
    )


def test_declining_to_act_is_still_no_act() -> None:
    assert not coded("In 1990 Chile declined to attend the summit.")


def test_received_support_is_not_an_answer() -> None:
    # Support received is not an offer answered: no 03x intent is read from it.
    assert not any(c.startswith("03") for _, _, c, _ in coded("Ghana received Togo's support."))


# -- "X was the first country to V": the predicate noun is the subject ------------------------


def test_the_first_country_to_act_is_the_subject() -> None:
    assert ("EGY", "ISR", "054", "1979") in coded(
        "Egypt was the first Arab country to recognize Israel in 1979."
    )
    assert ("CHN", "JPN", "0311", "1978") in coded(
        "In 1978 Japan was the first country to accept China's offer of a trade agreement."
    )


# -- coordinated passive participles share their subject and their by-agent ------------------


def test_occupied_and_annexed_by_is_one_act_of_the_agent() -> None:
    events = coded("Latvia was occupied and annexed by the Soviet Union in 1940.")
    assert ("RUS", "LVA", "192", "1940") in events
    assert len([e for e in events if e[:3] == ("RUS", "LVA", "192")]) == 1


def test_a_pronoun_subject_shared_by_two_participles() -> None:
    events = coded(
        "Estonia and Lithuania were independent until they were occupied and annexed by the "
        "Soviet Union in 1940."
    )
    assert {("RUS", "EST", "192", "1940"), ("RUS", "LTU", "192", "1940")} <= events


def test_two_verbs_of_one_act_in_the_active() -> None:
    events = coded("Iraq invaded and occupied Kuwait in August 1990.")
    assert [e for e in events if e[:3] == ("IRQ", "KWT", "192")] == [
        ("IRQ", "KWT", "192", "1990-08")
    ]


def test_a_participle_with_its_own_subject_keeps_it() -> None:
    events = coded("Peru was invaded in 1879 and Chile was attacked by Bolivia in 1880.")
    assert not any(s == "BOL" and t == "PER" for s, t, _, _ in events)


# -- denying an accusation: 016 toward the accuser ----------------------------------------------


def test_denying_the_accusation_answers_the_accuser() -> None:
    events = coded(
        "Egypt accused Sudan of backing rebels in 1995. Sudan denied the accusation in 1995."
    )
    assert ("SDN", "EGY", "016", "1995") in events


def test_denying_a_named_accusers_charge() -> None:
    assert ("SDN", "EGY", "016", "1995") in coded("Sudan denied Egypt's accusation in 1995.")


def test_denying_a_request_stays_a_refusal() -> None:
    events = coded("In 2003 Chile denied Bolivia's request for access to the sea.")
    assert not any(c == "016" for _, _, c, _ in events)


def test_an_accusation_denied_by_the_accused() -> None:
    events = coded(
        "Egypt accused Sudan of backing rebels in March 1995. The accusation, denied by Sudan, "
        "strained ties."
    )
    assert ("SDN", "EGY", "016", "1995-03") in events


# -- a population exchange: each state expels the other's people (201) -----------------------


def test_a_population_exchange_named_by_the_pair() -> None:
    events = coded("The Bulgarian-Greek population exchange took place in 1919.")
    assert {("BGR", "GRC", "201", "1919"), ("GRC", "BGR", "201", "1919")} <= events


def test_a_population_exchange_between_two_states() -> None:
    events = coded(
        "The war was followed by a population exchange between Bulgaria and Greece in 1919."
    )
    assert {("BGR", "GRC", "201", "1919"), ("GRC", "BGR", "201", "1919")} <= events


def test_exchanging_prisoners_is_no_expulsion() -> None:
    assert not any(
        c == "201" for *_, c, _ in coded("Bulgaria and Greece exchanged prisoners in 1919.")
    )


def test_inter_korean_relations_are_the_two_koreas_not_the_last_pair_named() -> None:
    events = coded(
        "Japan and China met in 2017. Inter-Korean relations were restored in June 2018."
    )
    assert {("KOR", "PRK", "050", "2018-06"), ("PRK", "KOR", "050", "2018-06")} <= events
    assert not any(c == "050" and {s, t} == {"JPN", "CHN"} for s, t, c, _ in events)


# -- a coordinated clause with its own subject has its own tense --------------------------------


def test_a_done_act_after_a_promise_in_one_report() -> None:
    events = coded(
        "In response Correa said he would be willing to mediate again but that he had "
        "withdrawn Ecuador's ambassador to Peru in 2008."
    )
    assert any(s == "ECU" and t == "PER" and c == "161" for s, t, c, _ in events)


def test_coordinated_future_clauses_stay_unreal() -> None:
    assert not coded("Peru will attack Chile and Bolivia will invade Chile in 1879.")
    assert not any(
        c.startswith("19")
        for *_, c, _ in coded(
            "If Peru attacks Chile and Bolivia invades Chile, Argentina will protest."
        )
    )
