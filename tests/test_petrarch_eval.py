"""PETRARCH-format verb dictionaries and the PETRARCH validation-suite scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import InputError
from detente.evaluation.petrarch import (
    PetrarchRecord,
    actor_lexicon,
    code_records,
    discarded,
    evaluate_petrarch,
    format_petrarch_scores,
    load_petrarch_dictionaries,
    parse_records,
    score_records,
)
from detente.petrarch.verbs import (
    expand_paired,
    load_verb_dictionary,
    parse_verb_dictionary,
    to_patterns,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
PETRARCH = SHARED / "data" / "peers" / "petrarch2"
RECORDS = PETRARCH / "text" / "PETR.UnitTest.records.xml"
needs_shared = pytest.mark.skipif(
    not RECORDS.is_file(),
    reason="needs ../shared/data/peers/petrarch2 (development data, not in a clone)",
)

# A small verb dictionary in the PETRARCH-1 format, for made-up countries.
VERBS = """\
<!-- test verbs -->
&MONEY
+CROWNS
+SILVER MARKS

&TIES
+TRADE
+&MONEY

--- CONDEMN  [122] ---
CONDEMN   # a comment
+DENOUNCE
DEPLORE [123]

--- DONATE  [070] ---
DONATE
- * &MONEY  [071]
- * TO_HOSPITALS [073]
- SAID * [099]
- + * FROM $ [066]
- * BACK [065]

--- VISIT [032:033] ---
VISIT

--- SEVER  [---] ---
SEVER
- * TIES  [161]
- * CONTACTS [###]

--- MET  [031:032] ---
MET

--- MEET  [031:031] ---
MEET
- % * [036]

--- WIRE_+TAP [1711] ---
WIRE_+TAP {WIRE_+TAPPED}
"""

ACTORS = """\
VELORIA [VEL]
+VELORIAN
MARAND_ [MAR]
+MARANDI
TESSEL_LEAGUE [IGOTSL]
HOLLOW_REACH [---]
KORVAN_DUSK
\t[VELGOV 20000101-20091231]
\t[VELREB >20100101]
"""

AGENTS = """\
GOVERNMENT [~GOV]
SOLDIER [~MIL]
HUMAN_RIGHTS_BODY [NGO~]
"""

DISCARDS = """\
FOOTBALL
+CHESS TOURNAMENT
"""


@pytest.fixture(scope="module")
def lemmatize():
    """A tiny lemmatizer for the verbs and nouns of the test dictionary (no spaCy needed)."""
    table = {"denounced": "denounce", "met": "meet", "tapped": "tap", "marks": "mark"}

    def lem(word: str, pos: str) -> str:
        return table.get(word, word[:-1] if pos == "NOUN" and word.endswith("s") else word)

    return lem


def test_verb_dictionary_blocks_synonyms_and_synsets(lemmatize) -> None:
    d = parse_verb_dictionary(VERBS.splitlines(keepends=True))
    heads = {v.verb: v for v in d.verbs}
    assert heads["condemn"].code == "122"
    assert heads["denounce"].code == "122"  # "+SYNONYM" shares the block's code
    assert heads["deplore"].code == "123"  # "WORD [code]" has a code of its own
    assert heads["sever"].code is None  # a null-coded block codes only through patterns
    assert heads["tap"].words == ("wire", "tap") and heads["tap"].forms == ("tapped",)
    assert d.expand("&ties") == [("trade",), ("crowns",), ("silver", "marks")]
    # "[###]" is a code, not the start of a comment.
    assert [p.code for p in d.patterns[3]] == ["161", "###"]


def test_verb_patterns_become_detente_conditions(lemmatize) -> None:
    d = parse_verb_dictionary(VERBS.splitlines(keepends=True))
    p = to_patterns(d, lemmatize)
    donate = p.verbs["donate"]
    # Every pattern is kept, most word slots first, then the default.
    assert [vp.code for vp in donate] == ["073", "071", "099", "066", "065", "070"]
    to_hosp, money, said, swapped, back, default = donate
    # "* TO_HOSPITALS": "to" anywhere after the verb, "hospitals" right after it.
    assert to_hosp.after is not None and to_hosp.after.tight == (False, True)
    assert to_hosp.arg_preps == frozenset({"to"})
    assert to_hosp.after.matches([("to", "to"), ("hospitals", "hospital")])
    assert not to_hosp.after.matches([("to", "to"), ("the", "the"), ("hospitals", "hospital")])
    # A synset gives alternative phrases; written forms only.
    assert {("crowns",), ("silver", "marks")} <= set(money.after.slots[0])
    assert money.after.matches([("ten", "ten"), ("silver", "silver"), ("marks", "mark")])
    assert not money.after.matches([("crown", "crown")])
    # "SAID *": a word before the verb; "+ * FROM $": roles swapped, "from" an argument.
    assert said.before is not None and said.before.matches([("it", "it"), ("said", "say")])
    assert swapped.swap and swapped.arg_preps == frozenset({"from"})
    assert back.after is not None and back.after.matches([("back", "back")])
    assert default.before is None and default.after is None
    assert d.skipped == {}
    assert [vp.code for vp in p.verbs["sever"]] == ["161", "###"]  # no default code
    assert p.verbs["visit"][-1].code == "032:033"
    # MEET's own default wins for the lemma; MET is also keyed by its written form.
    assert p.verbs["meet"][-1].code == "031:031"
    assert p.verbs["meet"][0].reciprocal and p.verbs["meet"][0].code == "036"
    assert p.verbs["met"][-1].code == "031:032"
    # A multi-word verb needs its other words right next to it: "wire tap".
    tap = p.verbs["tap"][0]
    assert tap.code == "1711" and tap.before is not None
    assert tap.before.matches([("wire", "wire"), ("will", "will")])
    assert not tap.before.matches([("not", "not"), ("wire", "wire")])
    assert p.nouns == {}


def test_pattern_words_joined_and_spaced(lemmatize) -> None:
    """``_`` demands adjacent words, a blank allows words between (TABARI/PETRARCH)."""
    text = (
        "&NEG\n+DID N'T\n+WILL NOT\n\n--- CLASH [223] ---\nCLASH\n"
        "- MOST_CERTAINLY_&NEG_EVER * [907]\n- &NEG EVER * [905]\n- &NEG * [904]\n"
    )
    p = to_patterns(parse_verb_dictionary(text.splitlines(keepends=True)), lemmatize)
    alts = p.verbs["clash"]

    def code(before_verb: str) -> str:
        words = [(w, w) for w in reversed(before_verb.lower().split())]
        return next(vp.code for vp in alts if vp.before is None or vp.before.matches(words))

    assert code("they most certainly did n't ever") == "907"
    assert code("they most certainly really did n't ever") == "905"  # not adjacent
    assert code("it will not now ever") == "905"
    assert code("it did n't") == "904"
    assert code("it did") == "223"


def test_load_verb_dictionary_from_file(tmp_path: Path, lemmatize) -> None:
    f = tmp_path / "test.verbs.txt"
    f.write_text(VERBS, encoding="utf-8")
    d = load_verb_dictionary(f)
    assert len(d.verbs) == 9
    with pytest.raises(ValueError, match=r"bad\.txt:1"):
        parse_verb_dictionary(["- * TIES [161]\n"], "bad.txt")


def test_expand_paired() -> None:
    assert expand_paired("VEL", "MAR", "032:033") == [("VEL", "MAR", "032"), ("MAR", "VEL", "033")]
    assert expand_paired("VEL", "MAR", "122") == [("VEL", "MAR", "122")]
    assert expand_paired("VEL", "MAR", "---") == []
    assert expand_paired("VEL", "MAR", "042:---") == [("VEL", "MAR", "042")]


def _dictionaries(tmp_path: Path) -> Path:
    d = tmp_path / "dicts"
    d.mkdir()
    (d / "Test.actors.txt").write_text(ACTORS, encoding="utf-8")
    (d / "Test.agents.txt").write_text(AGENTS, encoding="utf-8")
    (d / "Test.discards.txt").write_text(DISCARDS, encoding="utf-8")
    (d / "Test.verbs.txt").write_text(VERBS, encoding="utf-8")
    return d


def test_actor_lexicon_splits_codes_and_resolves_dates(tmp_path: Path) -> None:
    dicts = load_petrarch_dictionaries(_dictionaries(tmp_path))
    by_text = {i.text: i for i in actor_lexicon(dicts.actors, dicts.agents, "2005-06-01")}
    assert (by_text["veloria"].code, by_text["veloria"].sector) == ("VEL", None)
    assert by_text["marandi"].code == "MAR"
    assert (by_text["tessel league"].code, by_text["tessel league"].kind) == ("IGOTSL", "igo")
    assert "hollow reach" not in by_text  # the null code names nothing
    assert (by_text["korvan dusk"].code, by_text["korvan dusk"].sector) == ("VEL", "GOV")
    assert (by_text["soldiers"].sector, by_text["soldiers"].kind) == ("MIL", "agent")
    later = {i.text: i for i in actor_lexicon(dicts.actors, dicts.agents, "2012-01-01")}
    assert later["korvan dusk"].sector == "REB"
    # Date-restricted actors also go to the people index given to the resolver.
    assert len(dicts.people_index) == 1


def test_discards_match_whole_words(tmp_path: Path) -> None:
    dicts = load_petrarch_dictionaries(_dictionaries(tmp_path))
    assert discarded("Veloria hosted the Chess Tournament.", dicts.discards) is not None
    assert discarded("Marandi football fans rioted.", dicts.discards) is not None
    assert discarded("Veloria hosted the footballers.", dicts.discards) is None


RECORDS_XML = """\
<Validation>
<Sentences>
<Sentence date="20050301" id="T-01" category="DEMO" sentence="true">
<!-- a comment -->
<EventCoding sourcecode="VEL" targetcode="MAR" eventcode="122"></EventCoding>
<Text>
Veloria condemned Marand on Tuesday.
</Text>
<Parse>(ROOT (S (NP (NNP Veloria))))</Parse>
</Sentence>
<Sentence date="20050301" id="T-02" category="DEMO" sentence="true">
<EventCoding sourcecode="VELGOV" targetcode="MAR" eventcode="032"></EventCoding>
<EventCoding sourcecode="MAR" targetcode="VELGOV" eventcode="033"></EventCoding>
<Text>The Velorian government visited Marand.</Text>
</Sentence>
<Sentence date="20050301" id="T-03" category="ERROR" sentence="true">
<EventCoding error="sentencediscard"></EventCoding>
<Text>Veloria condemned Marand after the football match.</Text>
</Sentence>
<Sentence date="20050301" id="T-04" category="DATE" sentence="true">
<EventCoding sourcecode="VELGOV" targetcode="MAR" eventcode="122"></EventCoding>
<Text>Korvan Dusk condemned Marand.</Text>
</Sentence>
<Sentence date="20050301" id="T-05" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>The weather was mild in the hills.</Text>
</Sentence>
<Sentence date="20050301" id="T-06" category="ERROR" sentence="true">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Veloria condemned Marand on Tuesday.</Text>
</Sentence>
<Sentence date="20050301" id="T-07" category="DEMO" sentence="false">
<EventCoding sourcecode="VEL" targetcode="MAR" eventcode="042"></EventCoding>
<Text>Veloria praised Marand.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def test_parse_records(tmp_path: Path) -> None:
    f = tmp_path / "records.xml"
    f.write_text(RECORDS_XML, encoding="utf-8")
    recs = {r.id: r for r in parse_records(f)}
    assert len(recs) == 7
    t1 = recs["T-01"]
    assert t1.date == "2005-03-01" and t1.text == "Veloria condemned Marand on Tuesday."
    assert t1.expected == {("VEL", "MAR", "122")}
    assert recs["T-02"].expected == {("VELGOV", "MAR", "032"), ("MAR", "VELGOV", "033")}
    assert recs["T-03"].error == "sentencediscard" and not recs["T-03"].expected
    assert recs["T-05"].noevents and recs["T-05"].scored
    assert not recs["T-06"].scored  # about the supplied parse, which detente never reads
    assert not recs["T-07"].scored  # sentence="false"


def test_parse_records_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        parse_records(tmp_path / "missing.xml")
    bad = tmp_path / "bad.xml"
    bad.write_text("<Validation><Sentence>", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.xml: not well-formed"):
        parse_records(bad)
    with pytest.raises(InputError, match="no such dictionary folder"):
        load_petrarch_dictionaries(tmp_path / "nowhere")


def test_score_records_arithmetic() -> None:
    def rec(rid: str, expected: set, scored: bool = True) -> PetrarchRecord:
        return PetrarchRecord(rid, None, "X", "text", frozenset(expected), is_sentence=scored)

    a, b, c = ("VEL", "MAR", "122"), ("MAR", "VEL", "033"), ("VEL", "MAR", "042")
    records = [rec("1", {a, b}), rec("2", {a}), rec("3", set()), rec("4", {c}, scored=False)]
    coded = {"1": {a, b}, "2": {a, c}, "3": set(), "4": set()}
    d = score_records(records, coded)
    # Sentences 1 and 3 are exact; 2 has a spurious triple. Record 4 is not scored.
    assert (d["scored"], d["correct"], d["not_scored"]) == (3, 2, 1)
    assert d["sentence_accuracy"] == pytest.approx(2 / 3)
    assert (d["expected_triples"], d["coded_triples"], d["true_positives"]) == (3, 4, 3)
    assert d["precision"] == pytest.approx(0.75) and d["recall"] == pytest.approx(1.0)
    assert d["f1"] == pytest.approx(2 * 0.75 / 1.75)
    assert [f["id"] for f in d["failures"]] == ["2"]
    assert d["failures"][0]["spurious"] == [c]
    text = format_petrarch_scores(d, failures=True)
    assert "2/3 coded exactly" in text and "VEL→MAR 042" in text


def test_evaluate_tiny_suite(tmp_path: Path) -> None:
    f = tmp_path / "records.xml"
    f.write_text(RECORDS_XML, encoding="utf-8")
    d = evaluate_petrarch(f, _dictionaries(tmp_path))
    assert d["scored"] == 5 and d["not_scored"] == 2
    # A plain act; a paired code (the visit and the reverse "host" event); a discarded
    # sentence; an actor with date restrictions coded at the story date; no actors at all.
    assert d["failures"] == []
    assert d["correct"] == 5 and d["sentence_accuracy"] == 1.0
    assert (d["expected_triples"], d["coded_triples"], d["true_positives"]) == (4, 4, 4)
    assert set(d["dictionaries"]) == {"actors", "agents", "discards", "verbs"}


@needs_shared
def test_real_records_and_dictionaries() -> None:
    recs = parse_records(RECORDS)
    assert len(recs) == 284
    assert sum(r.is_sentence for r in recs) == 279
    by_id = {r.id: r for r in recs}
    assert by_id["DEMO-02"].expected == {("DAGGOV", "GON", "032"), ("GON", "DAGGOV", "033")}
    assert by_id["DISCARD-03"].error == "sentencediscard"
    d = load_verb_dictionary(PETRARCH / "dictionaries" / "PETR.Validate.verbs.txt")
    p = to_patterns(d)
    assert p.verbs["abandon"][-1].code == "345"
    assert p.verbs["left"][-1].code == "032:033"
    assert p.verbs["restore"][-1].code == "064"


@needs_shared
def test_real_records_coded() -> None:
    from detente.evaluation.petrarch import environment_files

    dicts = load_petrarch_dictionaries(PETRARCH / "dictionaries", files=environment_files(RECORDS))
    by_id = {r.id: r for r in parse_records(RECORDS)}
    picked = [by_id[i] for i in ("DISCARD-03", "DISCARD-04", "AGENT-09", "FINAL-RECORD")]
    coded = code_records(picked, dicts)
    assert coded["DISCARD-03"] == set() and coded["DISCARD-04"] == set()
    assert coded["FINAL-RECORD"] == set()
    assert ("CALGOV", "OSGMIL", "122") in coded["AGENT-09"]


@needs_shared
def test_full_suite_scores() -> None:
    d = evaluate_petrarch(RECORDS, PETRARCH / "dictionaries")
    assert d["scored"] == 277 and d["expected_triples"] == 352
    assert 0.0 < d["sentence_accuracy"] < 1.0
    assert d["correct"] + len(d["failures"]) == d["scored"]
