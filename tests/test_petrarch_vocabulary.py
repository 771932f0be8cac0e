"""PETRARCH's CAMEO verb vocabulary as a layer under detente's own event patterns.

The sentences are written for these tests (wire-news shapes, many country pairs and years);
each asserts the coded events (source, target, CAMEO code) that the vocabulary adds.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from detente.extract import extract_text
from detente.nlp.patterns import (
    NULL_CODE,
    VerbPattern,
    WordSeq,
    default_patterns,
    load_patterns,
    with_verb_layer,
)
from detente.petrarch.vocabulary import (
    load_petrarch_verbs,
    load_vetting,
    petrarch_blocks,
    petrarch_forms,
)


def _triples(text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.cameo) for e in extract_text(text) if not e.negated}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 01-05: verbal cooperation
        ("Ghana commended Togo for the peaceful elections in 2020.", ("GHA", "TGO", "051")),
        ("Uganda implored Kenya to reopen the border in March 2021.", ("UGA", "KEN", "020")),
        # 08: yield
        ("Argentina ceded the islands to Chile in 1984.", ("ARG", "CHL", "080")),
        # (detente has its own release of people since the nyield branch: 0841)
        ("Pakistan released 100 Indian fishermen in December 2019.", ("PAK", "IND", "0841")),
        ("Nigerian troops freed 12 Cameroonian hostages on Friday.", ("NGA", "CMR", "0841")),
        # 11: disapprove
        ("The Philippines castigated China over the incident in 2016.", ("PHL", "CHN", "111")),
        # 13: threaten
        ("Russia cautioned Ukraine against joining NATO in 2008.", ("RUS", "UKR", "130")),
        # 15: force posture
        ("Georgia mobilized its army along the border with Russia in August 2008.",
         ("GEO", "RUS", "154")),
        ("India deployed troops along the border with China in 2020.", ("IND", "CHN", "154")),
        # 16: reduce relations
        ("Morocco recalled its ambassador from Sweden in 2015.", ("MAR", "SWE", "161")),
        # 17: coerce
        ("Chile imprisoned two Peruvian fishermen in 2014.", ("CHL", "PER", "173")),
        ("Venezuela nationalized the Colombian cement company in 2008.", ("VEN", "COL", "1711")),
        ("Bolivia nationalised Spanish energy firms in May 2006.", ("BOL", "ESP", "1711")),
        ("Brazil extradited an Italian militant to Italy in 2019.", ("BRA", "ITA", "063")),
        ("Indian police tortured a Pakistani prisoner in 2013.", ("IND", "PAK", "1822")),
        # 18-20: violence
        ("Thai soldiers ambushed Cambodian troops near the border in 2011.", ("THA", "KHM", "180")),
        ("North Korean soldiers abducted a South Korean fisherman in 2009.", ("PRK", "KOR", "181")),
        ("Ethiopia massacred Eritrean civilians in 1998.", ("ETH", "ERI", "202")),
    ],
)  # fmt: skip
def test_petrarch_verbs_code_acts_detente_had_no_word_for(
    text: str, expected: tuple[str, str, str]
) -> None:
    src, tgt, code = expected
    found = {(s[:3], t[:3], c) for s, t, c in _triples(text)}
    assert (src, tgt, code) in found, found


def test_an_act_pledged_or_agreed_to_is_not_coded_as_done() -> None:
    # GUIDE R6: "agree to" / "pledge to" are 03x acts; the import itself has not happened.
    found = _triples("China pledged to import more beef from Argentina in 2019.")
    # The promised deed gives the intent's code (0311: economic cooperation).
    assert ("CHN", "ARG", "0311") in found
    assert not any(c.startswith("06") for _, _, c in found), found


def test_a_court_that_jails_foreigners_is_the_source_not_the_target() -> None:
    evs = extract_text("A court in Nairobi jailed two Ugandan opposition activists on Tuesday.")
    assert [(e.source[:3], e.target[:3], e.cameo) for e in evs] == [("KEN", "UGA", "173")]


def test_the_pattern_layer_keeps_detentes_own_verbs() -> None:
    own = load_patterns().verbs
    merged = default_patterns().verbs
    for lemma, alts in own.items():
        # detente's alternatives first; PETRARCH's word-conditioned ones may follow them.
        assert merged[lemma][: len(alts)] == alts, lemma
        assert all(vp.specificity for vp in merged[lemma][len(alts) :]), lemma
    # ... and a PETRARCH key that is an inflected form of one of detente's verbs is left out.
    for form, lemma in petrarch_forms().items():
        if lemma in own and form not in own:
            assert form not in merged, form
    assert len(merged) > 1000  # PETRARCH fills in a thousand verbs and more


def _events_with(layer: dict[str, tuple[VerbPattern, ...]], text: str) -> set[tuple[str, str, str]]:
    from detente.model import Document
    from detente.nlp.events import extract_events
    from detente.nlp.pipeline import load_pipeline

    patterns = with_verb_layer(load_patterns(), layer)
    doc = load_pipeline()(text)
    evs = extract_events(doc, Document(id="t", text=text), patterns=patterns)
    return {(e.source[:3], e.target[:3], e.cameo) for e in evs}


def test_null_coded_patterns_make_no_event() -> None:
    text = "Estonia lambasted Latvia over the fishing quota in 2011."
    assert _events_with({"lambaste": (VerbPattern("111"),)}, text) == {("EST", "LVA", "111")}
    assert _events_with({"lambaste": (VerbPattern(NULL_CODE),)}, text) == set()
    # A null pattern shadows the default where its words match, as in PETRARCH.
    quota = WordSeq(((("quota",),),), (False,))
    shadowed = (VerbPattern(NULL_CODE, after=quota), VerbPattern("111"))
    assert _events_with({"lambaste": shadowed}, text) == set()


def test_paired_codes_give_both_directions() -> None:
    text = "Estonian police scuffled with Latvian fans in Riga in 2011."
    layer = {"scuffle": (VerbPattern("175:145"),)}
    assert _events_with(layer, text) >= {("EST", "LVA", "175"), ("LVA", "EST", "145")}
    # Vetting turns a visit's paired host event into a plain visit (GUIDE R4).
    assert any(":" in vp.code for alts in load_petrarch_verbs(vetted=False).values() for vp in alts)
    vetted = {vp.code for alts in load_petrarch_verbs().values() for vp in alts}
    assert "042:043" not in vetted


def test_vetting_drops_and_recodes_are_honoured() -> None:
    vetting = load_vetting()
    raw = load_petrarch_verbs(vetted=False)
    vetted = load_petrarch_verbs()
    blocks = petrarch_blocks()
    forms = petrarch_forms()
    checked = 0
    for lemma in raw:
        decision = vetting.decision(lemma, blocks.get(lemma, ""))
        if lemma in forms and lemma not in vetting.verbs:
            decision = vetting.verbs.get(forms[lemma]) or decision
        action = (decision or {}).get("action")
        alts = vetted.get(lemma, ())
        bare = [vp for vp in alts if vp.specificity == 0 and vp.before is None and vp.after is None]
        if action == "drop":
            assert lemma not in vetted or lemma in forms, lemma
            checked += 1
        elif action == "no_default":
            assert not bare or lemma in forms, lemma
            checked += 1
        elif action == "recode":
            assert bare and bare[-1].code == str(decision["code"]), lemma  # type: ignore[index]
            checked += 1
    assert checked > 100
    every_code = {vp.code for alts in vetted.values() for vp in alts}
    assert not every_code & vetting.drop_codes
    assert not every_code & set(vetting.recode_codes)


def test_dropped_generic_verbs_code_nothing() -> None:
    # "say", "tell", "see", "face", "attend" are not acts between the parties (vetting file).
    merged = default_patterns().verbs
    for lemma in ("tell", "see", "face", "attend", "want", "plan", "take"):
        own = load_patterns().verbs.get(lemma)
        assert merged.get(lemma) == own, lemma
    # Detente's own "break" takes no PETRARCH patterns ("break: default_only" in the vetting).
    assert merged["break"] == load_patterns().verbs["break"]
    text = "Kenya told Somalia about the plan. France faced Germany in the final in 2006."
    assert _triples(text) == set()


def test_vocabulary_loads_from_package_data_alone(tmp_path: Path) -> None:
    code = (
        "import time, sys\n"
        "t = time.process_time()\n"
        "from detente.nlp.patterns import default_patterns\n"
        "p = default_patterns()\n"
        "assert 'nationalize' in p.verbs and 'jail' in p.verbs\n"
        "assert 'spacy' not in sys.modules\n"
        "print(time.process_time() - t)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,  # no ../shared beside it
        capture_output=True,
        text=True,
        check=True,
    )
    # CPU time, so that a busy machine does not fail the test (wall time ~0.7 s when idle).
    assert float(out.stdout.strip()) < 2.0


def test_verb_patterns_round_trip_through_the_compiled_form() -> None:
    from detente.petrarch.vocabulary import decode_verbs, encode_verbs

    vp = VerbPattern(
        code="175:145",
        reciprocal=True,
        needs_compound=True,
        swap=True,
        arg_preps=frozenset({"with"}),
        after=WordSeq(((("with",),), (("riot", "police"), ("police",))), (True, False)),
    )
    assert decode_verbs(encode_verbs({"clash": (vp, VerbPattern("190"))})) == {
        "clash": (vp, VerbPattern("190"))
    }


def test_a_swap_pattern_does_not_reverse_an_active_verb_with_its_patient() -> None:
    # PETRARCH's "+ * IN $" reads headlines ("two killed in raid"); with the victims as the
    # object the subject is the killer.
    got = {
        (e.source, e.target)
        for e in extract_text(
            "Rebels killed two villagers in northern Mali in 2012.", domestic=True
        )
    }
    assert got == {("MLIREB", "MLICVL")}


def test_words_of_a_relative_clause_are_not_the_verbs_own() -> None:
    # PETRARCH's word patterns look after the verb; a relative clause describes a noun there.
    got = _triples(
        "In 2001 Qatar provided a platform for groups which Bahrain considered a threat."
    )
    assert not any(c.startswith("13") for _, _, c in got)
