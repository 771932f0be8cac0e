"""Sub-state actors (courts, police, protesters, rebels, named armed groups, peacekeepers,
companies, students), their country (modifier, possessor, location, discourse), group
references, place names, and domestic events behind ``domestic=True``."""

from __future__ import annotations

import json

import pytest

from detente.extract import extract_text
from detente.model import Actor
from detente.nlp.actors import ActorResolver
from detente.nlp.parties import distinct_parties
from detente.nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(None)


def resolved(nlp, text: str) -> dict[str, list[str]]:
    """Every noun's actors, by word, as the coder's resolver sees them sentence by sentence."""
    doc = nlp(text)
    resolver = ActorResolver()
    out: dict[str, list[str]] = {}
    for sent in doc.sents:
        resolver.observe_sentence(sent)
        for tok in sent:
            if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ not in {"compound", "amod"}:
                found = resolver.resolve(tok)
                if found:
                    out[tok.text] = [a.code for a in found]
    return out


def triples(events):
    return {(e.source, e.target, e.cameo) for e in events}


@pytest.mark.parametrize(
    ("text", "word", "codes"),
    [
        ("A court in Ghana jailed the editor.", "court", ["GHAJUD"]),
        ("Two Togolese men were detained.", "men", ["TGOCVL"]),
        ("Zambia's police closed the road.", "police", ["ZMBCOP"]),
        ("Police in Mombasa closed the road.", "Police", ["KENCOP"]),  # a city of Kenya
        ("Chilean students marched.", "students", ["CHLCVL"]),
        ("A Bolivian mining company signed the deal.", "company", ["BOLBUS"]),
        ("Nigerian soldiers entered the town.", "soldiers", ["NGAMIL"]),
        ("Boko Haram claimed the raid.", "Haram", ["NGAREB"]),
        ("UN peacekeepers patrolled the border.", "peacekeepers", ["IGOUNOMIL"]),
        ("The Kenyan President spoke on Monday.", "President", ["KENGOV"]),
    ],
)
def test_sub_state_actors_and_their_country(nlp, text, word, codes):
    assert resolved(nlp, text)[word] == codes


def test_role_words_take_the_country_the_text_is_about(nlp):
    got = resolved(nlp, "Unrest spread across Malawi in July. Police fired at protesters.")
    assert got["Police"] == ["MWICOP"]
    assert got["protesters"] == ["MWICVL"]


def test_no_country_is_guessed_between_two(nlp):
    got = resolved(nlp, "Chad and Sudan traded accusations. Police fired at protesters.")
    assert "Police" not in got and "protesters" not in got


def test_a_sea_named_after_a_country_is_a_place(nlp):
    got = resolved(nlp, "Manila sent ships to the South China Sea.")
    assert got.get("Manila") == ["PHL"]
    assert "Sea" not in got
    doc = nlp("Mexico drilled new wells in the Gulf of Mexico.")
    # Only the subject is a country mention; the gulf names no actor.
    assert [(m.start, m.code) for m in doc._.mentions if m.is_country] == [(0, "MEX")]


def test_the_two_leaders_are_the_parties_of_the_meeting(nlp):
    got = resolved(
        nlp, "The Peruvian president met the Bolivian president in La Paz. The two leaders spoke."
    )
    assert sorted(got["leaders"]) == ["BOLGOV", "PERGOV"]


def test_the_two_leaders_who_just_met_not_the_countries_most_named():
    events = extract_text(
        "Kenya and Uganda have long disputed Migingo island, and Kenya and Uganda still do. "
        "In March 2019, Tanzanian President John Magufuli met Rwandan President Paul Kagame "
        "in Dar es Salaam. The two leaders signed a trade agreement."
    )
    signed = {(e.source, e.target) for e in events if e.trigger == "signed"}
    assert signed == {("TZAGOV", "RWAGOV"), ("RWAGOV", "TZAGOV")}


def test_a_relative_pronoun_is_the_phrase_its_clause_describes():
    events = extract_text(
        "Ethiopian Prime Minister Abiy Ahmed, who accused Eritrea of backing rebels, "
        "met Kenyan officials in 2019."
    )
    assert ("ETHGOV", "ERI", "112") in triples(events)


def test_domestic_pairs_need_two_different_codes():
    gov, reb = Actor("NGAGOV", "government"), Actor("NGAREB", "rebels")
    assert not distinct_parties(gov, reb)  # interstate by default
    assert distinct_parties(gov, reb, domestic=True)
    assert not distinct_parties(gov, Actor("NGAGOV", "ministry"), domestic=True)
    # A bare country and its own organs are one side ("Australia recalled its ambassador").
    assert not distinct_parties(Actor("AUS", "Australia"), Actor("AUSGOV", "envoy"), True)
    assert distinct_parties(Actor("KEN", "Kenya"), Actor("KENCVL", "protesters"), True)
    # An organisation and its own forces or agencies are one side, even with domestic.
    for domestic in (False, True):
        assert not distinct_parties(
            Actor("IGOUNO", "UN"), Actor("IGOUNOMIL", "UN troops"), domestic
        )
    assert distinct_parties(Actor("IGOUNOMIL", "peacekeepers"), Actor("CODREB", "rebels"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Malian government accused the rebels of attacking civilians.", ("MLIGOV", "MLIREB", "112")),
        ("Malian troops attacked Tuareg rebels near Kidal in March 2012.", ("MLIMIL", "MLIREB", "190")),
        ("Nigerian soldiers attacked Boko Haram fighters in Borno in 2015.", ("NGAMIL", "NGAREB", "190")),
        ("Students protested against the Chilean government in 2011.", ("CHLCVL", "CHLGOV", "141")),
        ("Ecuador's president criticized the company for polluting rivers.", ("ECUGOV", "ECUBUS", "111")),
    ],
)  # fmt: skip
def test_domestic_events_only_with_the_option(text, expected):
    assert expected in triples(extract_text(text, domestic=True))
    assert not extract_text(text)


def test_interstate_events_are_the_same_with_or_without_domestic():
    text = (
        "Al-Shabaab militants attacked Kenyan troops in Somalia in January 2016. "
        "Vietnam condemned China for deploying an oil rig in the South China Sea in May 2014."
    )
    plain = triples(extract_text(text))
    assert ("SOMREB", "KENMIL", "190") in plain
    assert ("VNM", "CHN", "111") in plain
    assert plain == triples(extract_text(text, domestic=True))


def test_cli_domestic_option_reaches_the_worker_processes(tmp_path):
    from typer.testing import CliRunner

    from detente.cli import app

    src = tmp_path / "story.txt"
    src.write_text("Malian troops attacked Tuareg rebels near Kidal in March 2012.\n")
    runner = CliRunner()
    for extra in ([], ["--workers", "2"]):
        out = tmp_path / "events.jsonl"
        res = runner.invoke(app, ["extract", str(src), "-o", str(out), "--domestic", *extra])
        assert res.exit_code == 0, res.output
        rows = [json.loads(line) for line in out.read_text().splitlines() if line]
        assert [(r["source"], r["target"], r["cameo"]) for r in rows] == [
            ("MLIMIL", "MLIREB", "190")
        ]
    res = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "plain.jsonl")])
    assert res.exit_code == 0
    assert (tmp_path / "plain.jsonl").read_text().strip() == ""


def test_identical_codes_are_never_an_event():
    assert not extract_text("Kenyan police attacked Kenyan police in Nairobi.", domestic=True)
