"""How texts about two countries are written (issue 8): footnote markers, one act per listed
date, the pair in focus, mutual acts of a compound subject. Sentences written for these
tests, about country pairs of our choosing."""

from __future__ import annotations

from detente.extract import extract_text

PAIR = "Relations between Iraq and Kuwait were tense in the 1980s. Iraq and Kuwait are neighbours. "


def coded(text: str) -> set[tuple[str, str, str, str | None]]:
    return {(e.source, e.target, e.cameo, e.date) for e in extract_text(text)}


def dyads(text: str) -> set[tuple[str, str]]:
    return {(e.source[:3], e.target[:3]) for e in extract_text(text)}


# -- encyclopedia footnote markers ------------------------------------------------------


def test_footnote_marker_does_not_break_the_clause() -> None:
    text = (
        "Peru and Chile have a long history. On 4 June 2003 the two countries signed the "
        "Lima Accord,[7] whereby Chile recognized the maritime boundary.[8][9]"
    )
    events = extract_text(text)
    signed = {(e.source, e.target, e.cameo, e.date) for e in events if e.trigger == "signed"}
    assert signed == {("PER", "CHL", "057", "2003-06-04"), ("CHL", "PER", "057", "2003-06-04")}
    # Offsets and sentences are the original text's, markers included.
    for e in events:
        assert text[e.start : e.end] == e.sentence
    assert any("[7]" in e.sentence for e in events)


def test_bracketed_words_after_a_space_are_text() -> None:
    from detente.nlp.citations import blank_citations

    assert blank_citations("a list [2] of") == "a list [2] of"
    assert blank_citations("NATO.[3][citation needed] Then") == "NATO.                     Then"


# -- one act per listed date ------------------------------------------------------------


def test_one_act_per_listed_year() -> None:
    got = coded("India and China clashed in 1962, 1967 and 2020.")
    assert {d for *_, d in got} == {"1962", "1967", "2020"}
    assert ("IND", "CHN", "190", "1967") in got and ("CHN", "IND", "190", "2020") in got


def test_listed_months_with_a_repeated_preposition() -> None:
    got = coded("Ghana's president visited Togo in May 2013, June 2017 and again in June 2020.")
    assert {d for *_, d in got} == {"2013-05", "2017-06", "2020-06"}


def test_a_range_or_a_period_is_one_act() -> None:
    assert {d for *_, d in coded("India and China clashed between 1962 and 1967.")} == {"1962"}
    assert {d for *_, d in coded("Peru and Chile fought a war from 1879 to 1884.")} == {"1879"}


def test_dates_of_other_acts_are_not_a_list() -> None:
    got = coded("Kenya signed a treaty with Uganda in 1990, and Tanzania visited Uganda in 1995.")
    assert {d for s, _, c, d in got if s == "KEN"} == {"1990"}


# -- the pair in focus ----------------------------------------------------------------


def test_targetless_invasion_is_against_the_other_country_of_the_pair() -> None:
    got = coded(PAIR + "On 2 August 1990, Iraq launched a full-scale military invasion.")
    assert ("IRQ", "KWT", "192", "1990-08-02") in got


def test_targetless_suspension_in_a_pair_text() -> None:
    text = (
        "Ecuador and Colombia share a long border. Trade between Ecuador and Colombia grew. "
        "In 2008 Ecuador suspended the agreement."
    )
    assert ("ECU", "COL", "160", "2008") in coded(text)


def test_no_pair_in_focus_without_a_dominant_dyad() -> None:
    text = (
        "Brazil, Argentina, Chile and Peru met in 2001. Brazil, Argentina, Chile and Peru "
        "signed a charter. In 2003 Chile suspended the agreement."
    )
    assert not any(s == "CHL" and c == "160" for s, _, c, _ in coded(text))


def test_a_third_country_in_the_sentence_blocks_the_pair() -> None:
    got = coded(PAIR + "In 1991 Iraq deployed troops in Syria.")
    assert not any(t.startswith("KWT") for _, t, _, _ in got)


def test_an_undated_act_in_passing_is_left_alone() -> None:
    got = coded(PAIR + "Iraq launched an invasion.")
    assert not any(c == "192" for _, _, c, _ in got)


def test_an_act_inside_an_accusation_is_not_the_news() -> None:
    got = coded(PAIR + "In 1991 Kuwait accused Iraq of supporting militants.")
    assert ("IRQ", "KWT", "051", "1991") not in got


# -- mutual acts of a compound subject ---------------------------------------------------


def test_compound_subject_agrees_with_each_other() -> None:
    got = coded("In 2016 Peru and Chile agreed to resume dialogue.")  # intent to negotiate (036)
    assert ("PER", "CHL", "036", "2016") in got and ("CHL", "PER", "036", "2016") in got


def test_group_reference_agrees_with_each_other() -> None:
    got = coded(
        "Peru and Chile have a long history. In 2011 both sides agreed to reopen the border."
    )
    assert {("PER", "CHL"), ("CHL", "PER")} <= {(s, t) for s, t, _, _ in got}


def test_agreeing_that_is_a_shared_view() -> None:
    got = coded("In 2005 Norway and Sweden agreed that the dispute was over.")
    assert not got


def test_a_named_partner_is_not_replaced() -> None:
    assert dyads("In 2016 Peru and Chile agreed to sanction Bolivia.") == {
        ("PER", "BOL"),
        ("CHL", "BOL"),
    }


# -- group references ---------------------------------------------------------------------

SOURED = "Peru and Chile have a long history. Relations between Peru and Chile soured. "


def test_the_parties_are_the_pair_in_focus() -> None:
    got = coded(SOURED + "In 2001 the parties signed a border treaty.")
    assert {("PER", "CHL", "057", "2001"), ("CHL", "PER", "057", "2001")} <= got


def test_the_neighbours_clashed() -> None:
    assert {("PER", "CHL"), ("CHL", "PER")} <= dyads(SOURED + "In 2001 the neighbours clashed.")


def test_modified_parties_are_not_the_pair() -> None:
    assert not dyads(SOURED + "In 2001 the opposition parties signed a border treaty.")


def test_a_temporal_clause_narrates_the_pair_act() -> None:
    text = "Relations between Iraq and Iran were tense. Iraq and Iran are neighbours. "
    got = coded(text + "The two states have fought since Iraq invaded the Faw peninsula in 1986.")
    assert ("IRQ", "IRN", "192", "1986") in got


# -- a compound subject after a fronted phrase ------------------------------------------------


def test_compound_subject_after_a_fronted_phrase() -> None:
    got = dyads("As a result of the deadlock, Peru, Chile and Brazil opened negotiations in 1999.")
    assert {("PER", "CHL"), ("BRA", "PER"), ("CHL", "BRA")} <= got


def test_fronted_phrase_with_a_country_list_then_a_subject() -> None:
    # The verb has its own subject: the list in the fronted phrase stays there.
    got = dyads("After talks with Kenya, Uganda and Tanzania, Rwanda signed a pact with Burundi.")
    assert ("RWA", "BDI") in got and ("UGA", "BDI") not in got


# -- a named war of the pair in focus ---------------------------------------------------------

TENSE = "Relations between Peru and Ecuador were tense. Trade between Peru and Ecuador grew "


def test_a_named_war_without_parties_is_the_pairs() -> None:
    got = coded(TENSE + "until the Cenepa War in 1995.")
    assert {("PER", "ECU", "190", "1995"), ("ECU", "PER", "190", "1995")} <= got


def test_an_unnamed_or_undated_war_is_left_alone() -> None:
    assert not coded(TENSE + "until the war in 1995.")
    assert not coded(TENSE + "during the Cold War.")


def test_a_list_dating_another_clause_is_not_split() -> None:
    got = coded(
        "Peru and Ecuador fought a war in 1941, which was followed by a truce and a period "
        "of calm in the 1950s and 1960s."
    )
    assert {d for s, t, c, d in got if c == "190"} == {"1941"}


# -- a counted act and its listed instances ------------------------------------------------


def test_counted_wars_with_listed_instances() -> None:
    got = coded(
        "Since then, Peru and Ecuador have faced each other in three wars: the Zarumilla War "
        "(1941), the Paquisha War (1981) and the Cenepa War (1995), which were followed by "
        "a period of calm in the 2000s."
    )
    assert {d for s, t, c, d in got if c == "190" and s == "PER"} == {"1941", "1981", "1995"}


def test_counted_instances_after_a_dash_with_ranges() -> None:
    got = coded(
        "Peru and Ecuador have fought three wars—one in 1941, another in 1981, and the last "
        "from 1995 to 1998."
    )
    assert {d for s, t, c, d in got if c == "190" and s == "ECU"} == {"1941", "1981", "1995"}


# -- the title names the pair in focus --------------------------------------------------------


def test_the_title_pair_is_the_pair_in_focus() -> None:
    text = (
        "Iran–Iraq relations\n\n"
        "The Ottoman Empire and Britain shaped the border. The Ottoman Empire ruled Basra and "
        "Britain ruled Kuwait. In September 1980 Iraq launched a full-scale invasion."
    )
    assert ("IRQ", "IRN", "192", "1980-09") in coded(text)


def test_the_two_countries_of_the_title() -> None:
    text = (
        "Iran–Iraq relations\n\n"
        "The Ottoman Empire and Britain shaped the border for a century. Britain left. "
        "In 1975 the two countries signed a border treaty."
    )
    got = coded(text)
    assert ("IRN", "IRQ", "057", "1975") in got and ("IRQ", "IRN", "057", "1975") in got


def test_a_sentence_is_not_a_title() -> None:
    from detente.nlp.focus import title_pair
    from detente.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    assert title_pair(nlp("Iran–Iraq relations\n\nThey are tense.")) == ("IRN", "IRQ")
    assert title_pair(nlp("Iran and Iraq fought a war in 1980.\nIt lasted.")) is None


def test_talks_without_parties_are_the_pairs() -> None:
    got = coded(PAIR + "Talks resumed in 2005.")
    assert {("IRQ", "KWT", "046", "2005"), ("KWT", "IRQ", "046", "2005")} <= got


def test_talks_in_passing_are_left_alone() -> None:
    got = coded(PAIR + "The minister, who had prepared for talks in 2005, resigned.")
    assert not any(c == "046" for _, _, c, _ in got)


def test_an_act_held_by_a_counted_pair() -> None:
    text = "Sudan–South Sudan relations\n\nRelations were tense. "
    got = coded(text + "The two Sudans' officials held talks on 3 May 2013.")
    assert {("SDN", "SSD"), ("SSD", "SDN")} <= {(s[:3], t[:3]) for s, t, _, _ in got}


def test_a_later_direct_statement_replaces_the_summary_item() -> None:
    events = extract_text(
        "Peru and Ecuador have fought three wars—one in 1941, another in 1981, and the last "
        "from 1995 to 1998. In 1941 Peru and Ecuador fought a war over the border."
    )
    in_1941 = [e for e in events if e.date == "1941" and e.source == "PER"]
    assert len(in_1941) == 1 and in_1941[0].sentence.startswith("In 1941")
