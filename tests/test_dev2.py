"""Constructions of encyclopedia and news prose about two countries (issue 8): joining an
organisation, ... Sentences written for these tests, about countries and years of our choosing."""

from __future__ import annotations

from detente.extract import extract_text


def coded(text: str) -> set[tuple[str, str, str, str | None]]:
    return {(e.source, e.target, e.cameo, e.date) for e in extract_text(text)}


# -- joining an organisation or alliance: 057 toward it ---------------------------------------


def test_entering_an_alliance_is_a_treaty_act_toward_it() -> None:
    assert ("POL", "IGONATO", "057", "1999") in coded("Poland entered NATO in 1999.")
    assert ("MNE", "IGONATO", "057", "2017") in coded("Montenegro joined NATO in 2017.")


def test_acceding_to_an_organisation() -> None:
    assert ("HRV", "IGOEU", "057", "2013") in coded(
        "Croatia acceded to the European Union in 2013."
    )


def test_both_countries_joining_gives_each_its_act() -> None:
    events = coded(
        "Spain and Portugal share a border. Both countries joined the European Union in 1986."
    )
    assert {("ESP", "IGOEU", "057", "1986"), ("PRT", "IGOEU", "057", "1986")} <= events


def test_entering_a_country_is_not_joining() -> None:
    assert not any(e.cameo == "057" for e in extract_text("Kenyan troops entered Somalia in 2011."))


# -- committing to an agreement: intent to settle (037), each party toward the other ----------


def test_both_countries_committing_to_a_peace_accord() -> None:
    events = coded(
        "Relations between Chad and Sudan were tense. "
        "Both countries committed to a peace accord on 15 January 2010."
    )
    assert {("TCD", "SDN", "037", "2010-01-15"), ("SDN", "TCD", "037", "2010-01-15")} <= events


def test_committing_troops_is_not_a_commitment_to_settle() -> None:
    assert not any(e.cameo == "037" for e in extract_text("Chad committed troops to Mali in 2013."))


def test_a_date_hung_on_the_object_dates_the_act() -> None:
    # The parser attaches "on 3 May 2009" to "ceasefire"; the commitment is dated by it, not by
    # the previous sentence's date.
    events = coded(
        "Relations between Chad and Sudan were tense in January 2010. "
        "Chad and Sudan committed to a ceasefire on 3 May 2009."
    )
    assert ("TCD", "SDN", "037", "2009-05-03") in events


# -- quarrels between states are verbal (110), not fighting ----------------------------------


def test_quarrelling_states_disapprove_of_each_other() -> None:
    events = coded("Chile and Bolivia quarrelled over access to the sea in 1978.")
    assert {("CHL", "BOL", "110", "1978"), ("BOL", "CHL", "110", "1978")} <= events
    assert not any(c.startswith("19") for _, _, c, _ in events)


def test_bickering_and_feuding_are_verbal() -> None:
    assert ("GHA", "TGO", "110", "1963") in coded("Ghana and Togo feuded over the border in 1963.")
    assert ("IRN", "IRQ", "110", "1975") in coded(
        "Iran and Iraq bickered over the waterway in 1975."
    )


# -- a shared name in the plural: "the two Koreas", "both Sudans" → the two states -------------


def test_the_two_koreas_are_both_states_without_a_pair_in_focus() -> None:
    events = coded("The two Koreas held a summit in 2000.")
    assert {("KOR", "PRK", "040", "2000"), ("PRK", "KOR", "040", "2000")} <= events


def test_the_two_sudans_sign_with_each_other() -> None:
    events = coded("The two Sudans signed a border agreement in September 2012.")
    assert {("SDN", "SSD", "057", "2012-09"), ("SSD", "SDN", "057", "2012-09")} <= events


# -- a reaction "in response to" an act told before takes that act's full date ---------------

_KUWAIT = (
    "Iraq–Kuwait relations\n\nOn 2 August 1990, Iraq launched an invasion of Kuwait, and Kuwait "
    "cut diplomatic ties with Iraq. Kuwait severed diplomatic relations with Iraq in response "
    "to the invasion. Egypt recalled its ambassador from Iraq in response to the invasion."
)


def test_a_reaction_in_response_takes_the_full_date_of_the_act() -> None:
    assert ("EGY", "IRQ", "161", "1990-08-02") in coded(_KUWAIT)


def test_the_same_act_retold_in_response_is_one_event() -> None:
    cuts = [e for e in extract_text(_KUWAIT) if (e.source, e.cameo) == ("KWT", "161")]
    assert len(cuts) == 1 and cuts[0].date == "1990-08-02"


# -- a state "since" an act begins at that act's time; its later name is the same act ----------

_KASHMIR = "India–Pakistan relations\n\nThe two states have been at war since Pakistan invaded Kashmir in October 1947."
_NAMED = " Pakistani tribesmen entered Kashmir in 1947; these events marked the beginning of the Indo-Pakistani War in 1947."


def test_a_war_since_an_invasion_is_dated_by_the_invasion() -> None:
    events = coded(_KASHMIR)
    assert {("IND", "PAK", "190", "1947-10"), ("PAK", "IND", "190", "1947-10")} <= events


def test_the_named_war_after_its_dated_start_is_no_new_act() -> None:
    alone = coded("India–Pakistan relations\n\n" + _NAMED.strip())
    assert ("PAK", "IND", "190", "1947") in alone
    events = coded(_KASHMIR + _NAMED)
    assert ("PAK", "IND", "190", "1947") not in events
    assert ("PAK", "IND", "190", "1947-10") in events


# -- an agreement signed in an agentless passive, in a text about two countries ----------------


def test_an_agentless_signed_protocol_is_the_pairs() -> None:
    events = coded("Peru–Chile relations\n\nThe protocol to the treaty was signed in 1930.")
    assert {("PER", "CHL", "057", "1930"), ("CHL", "PER", "057", "1930")} <= events


def test_an_agentless_signed_accord_without_a_pair_is_not_coded() -> None:
    assert not coded("The accord was signed in 1930 after long talks.")


# -- admission to an organisation: the organisation acts (050 toward the state) ----------------


def test_a_state_admitted_to_an_organisation() -> None:
    assert ("IGOAU", "SSD", "050", "2011") in coded(
        "South Sudan was admitted into the African Union in 2011."
    )
    assert ("IGOUNO", "MNE", "050", "2006") in coded(
        "Montenegro was admitted to the United Nations in 2006."
    )


def test_students_admitted_to_a_university_are_no_event() -> None:
    assert not coded("Two Kenyan students were admitted to the university in 2010.")


# -- partners named "together with" / "along with" the act are not its target -----------------


def test_partners_together_with_the_subject_are_not_the_target() -> None:
    events = coded("In 2004, Chile sent troops to Haiti along with Brazil.")
    assert not any(t == "BRA" for _, t, _, _ in events)
    assert any(t == "HTI" for _, t, _, _ in events)
    assert not any(
        e.target.startswith("IGONATO")
        for e in extract_text("In 1999, Poland sent peacekeepers together with other NATO members.")
    )


# -- an act named inside "any ..." is a kind of act, not one that happened ---------------------


def test_talks_inside_any_settlement_are_not_an_event() -> None:
    text = (
        "Belize–Guatemala relations\n\nThe Caribbean states promised in 2008 to back any "
        "settlement reached through negotiations between the two countries."
    )
    assert not any(e.cameo == "046" for e in extract_text(text))
    assert ("BLZ", "GTM", "046", "2004") in coded("Belize held talks with Guatemala in 2004.")


# -- "pro-X" / "anti-X" tell a stance, not a nationality ---------------------------------------


def test_pro_russian_separatists_are_not_russian() -> None:
    events = [
        e
        for e in extract_text(
            "In 2014, pro-Russian separatists attacked Ukrainian troops in Donetsk.",
            domestic=True,
        )
        if e.trigger == "attacked"
    ]
    assert events and all(e.source == "UKRREB" for e in events)


def test_anti_american_protesters_are_not_american() -> None:
    events = extract_text(
        "Anti-American protesters stormed the embassy in Islamabad in 1979.", domestic=True
    )
    assert events and not any(e.source.startswith("USA") for e in events)
