"""General coding rules, seen through the PETRARCH-format coder and detente's own extractor.

The sentences are about made-up states (Veloria, Marand, Ostrava) so that only the rules,
not any dictionary entry for a real country, decide the outcome.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.evaluation.petrarch import PetrarchRecord, code_records, load_petrarch_dictionaries
from detente.model import Document

ACTORS = """\
VELORIA [VEL]
+VELORIAN
MARAND_ [MAR]
+MARANDI
OSTRAVA_ [OST]
"""

AGENTS = """\
GOVERNMENT [~GOV]
SOLDIER [~MIL]
TROOPS [~MIL]
ENVOY [~GOV]
LAWMAKER [~LEG]
"""

VERBS = """\
&NEGAUX
+DID N'T
+WILL NOT

&ARMS
+ROCKETS
+MORTAR SHELLS

--- CRITICIZE [121] ---
CRITICIZE
- SHARPLY_* [122]
- &NEGAUX * [904]

--- RECEIVE [033] ---
RECEIVE
- + * LOAN FROM $ [071]

--- FREE [066] ---
FREE
- + * FROM $ [067]

--- FIRE [190] ---
FIRE
- * &ARMS [195]

--- EXCLUDE [1721] ---
EXCLUDE
+SEAL_OFF

--- RECALL [---] ---
RECALL
- * ENVOY [161]

--- BELIEVE [023] ---
BELIEVE

--- SIGN [081] ---
SIGN
- * TRADE_PROTOCOL [085]
- * NEW_PROTOCOL [084]

--- RENEW [---] ---
RENEW
- * TIES [064]
- % * TIES [065:065]

--- SHOT [---] ---
SHOT
- *_AND_WOUND [223]

--- SHOT [---] ---
SHOT
- + WAS * DEAD IN $ [224]
"""


@pytest.fixture(scope="module")
def dicts(tmp_path_factory: pytest.TempPathFactory):
    d: Path = tmp_path_factory.mktemp("dicts")
    (d / "Rules.actors.txt").write_text(ACTORS, encoding="utf-8")
    (d / "Rules.agents.txt").write_text(AGENTS, encoding="utf-8")
    (d / "Rules.verbs.txt").write_text(VERBS, encoding="utf-8")
    return load_petrarch_dictionaries(d)


def code(dicts, text: str) -> set[tuple[str, str, str]]:
    rec = PetrarchRecord("r", "2010-05-01", "T", text, frozenset())
    return code_records([rec], dicts)["r"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Words right before the verb ("SHARPLY_*"), a synset of negative auxiliaries.
        ("Veloria sharply criticized Marand on Monday.", {("VEL", "MAR", "122")}),
        ("Veloria criticized Marand on Monday.", {("VEL", "MAR", "121")}),
        ("Veloria sharply and loudly criticized Marand.", {("VEL", "MAR", "121")}),
        ("Veloria did n't criticize Marand.", {("VEL", "MAR", "904")}),
        ("Veloria will not openly criticize Marand.", {("VEL", "MAR", "904")}),
        # Words in the object phrase: "mortar shells" must be adjacent, "rockets" a form.
        ("Veloria fired two mortar shells at Marand.", {("VEL", "MAR", "195")}),
        ("Veloria fired mortar and other shells at Marand.", {("VEL", "MAR", "190")}),
        ("Veloria fired a dozen rockets at Marand.", {("VEL", "MAR", "195")}),
        # The most specific pattern wins: "trade protocol" vs "new protocol".
        ("Veloria signed a trade protocol with Marand.", {("VEL", "MAR", "085")}),
        ("Veloria signed a new protocol with Marand.", {("VEL", "MAR", "084")}),
        ("Veloria signed a protocol with Marand.", {("VEL", "MAR", "081")}),
    ],
)
def test_pattern_words_around_the_verb(dicts, text: str, expected: set) -> None:
    assert code(dicts, text) == expected


def test_swapped_roles(dicts) -> None:
    # "+ * LOAN FROM $": the subject receives, the one after "from" gives.
    assert code(dicts, "Marand received a large loan from Veloria.") == {("VEL", "MAR", "071")}
    assert code(dicts, "Marand received envoys from Veloria.") == {("MAR", "VEL", "033")}
    # A passive without "by": the pattern still names who freed whom.
    assert code(dicts, "Marandi soldiers were freed from Veloria.") == {("VEL", "MARMIL", "067")}


def test_multi_word_verb_needs_its_particle(dicts) -> None:
    text = "Soldiers from Ostrava sealed off the roads leading into Marand."
    assert code(dicts, text) == {("OSTMIL", "MAR", "1721")}
    # Without "off" it is another verb, not in the dictionary.
    assert code(dicts, "Soldiers from Ostrava sealed the letter to Marand.") == set()


def test_role_nouns_take_their_country_from_from_and_in(dicts) -> None:
    assert code(dicts, "Lawmakers in Ostrava criticized Marand.") == {("OSTLEG", "MAR", "121")}
    # Every role of every country listed, however the parser grouped the list.
    assert code(dicts, "Lawmakers and soldiers in Ostrava and Veloria criticized Marand.") == {
        ("OSTLEG", "MAR", "121"),
        ("OSTMIL", "MAR", "121"),
        ("VELLEG", "MAR", "121"),
        ("VELMIL", "MAR", "121"),
    }
    # A possessive says whose envoy it is: "from Marand" is where the envoy was.
    assert code(dicts, "Veloria recalled its envoy from Marand.") == {("VEL", "MAR", "161")}


def test_targets_in_complement_clauses_and_dates(dicts) -> None:
    # PETRARCH codes the first actor after the verb, also inside a complement clause.
    assert code(dicts, "Veloria believes Marand will cope with the drought.") == {
        ("VEL", "MAR", "023")
    }
    # A clause before "said" is what was said, not to whom.
    assert code(dicts, "Marand will cope, Velorian lawmakers believe.") == set()
    # A date phrase names no actor, but its possessor may.
    assert code(dicts, "Veloria criticized Marand's last five years of policy.") == {
        ("VEL", "MAR", "121")
    }


def test_detente_default_keeps_statements_without_a_patient() -> None:
    """Without ``clausal_targets`` detente does not make the subject of a reported clause
    the target of the report (verbal acts, roots 02 and 10-13, read their content clause;
    see test_ngec_verbal)."""
    from detente.nlp.events import extract_events
    from detente.nlp.patterns import Patterns, VerbPattern
    from detente.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    doc = nlp("France believes Germany will cope with the crisis.")
    patterns = Patterns({"believe": (VerbPattern(code="051"),)}, {}, {})
    document = Document(id="d", text=doc.text, pubdate="2010-01-01")
    plain = extract_events(doc, document, patterns=patterns, realis_only=False)
    wide = extract_events(
        nlp(doc.text), document, patterns=patterns, realis_only=False, clausal_targets=True
    )
    assert plain == []
    assert [(e.source, e.target, e.cameo) for e in wide] == [("FRA", "DEU", "051")]


def test_reporter_and_raised_subjects(dicts) -> None:
    # "it" in a reported clause is the reporter; the passive subject of "was seen to"
    # does the infinitive's act.
    assert code(dicts, "Veloria indicated it would criticize Marand.") == {("VEL", "MAR", "121")}
    assert code(dicts, "Veloria was seen to criticize Marand.") == {("VEL", "MAR", "121")}


def test_compound_subject_patterns(dicts) -> None:
    # "% * TIES": only a compound subject, whose members act on each other.
    assert code(dicts, "Veloria and Marand renewed ties on Monday.") == {
        ("VEL", "MAR", "065"),
        ("MAR", "VEL", "065"),
    }
    assert code(dicts, "Veloria renewed ties with Marand.") == {("VEL", "MAR", "064")}


def test_every_block_of_an_inflected_form(dicts) -> None:
    # Two "SHOT" blocks: the second one's pattern is not lost to the first.
    assert code(dicts, "A Marandi was shot dead in Veloria.") == {("VEL", "MAR", "224")}


def test_agentless_passive_is_an_option(dicts) -> None:
    from detente.nlp.events import extract_events
    from detente.nlp.patterns import Patterns, VerbPattern
    from detente.nlp.pipeline import load_pipeline

    # PETRARCH's convention: the subject of an agentless passive is the source.
    text = "Veloria was criticized over its dispute with Marand."
    assert code(dicts, text) == {("VEL", "MAR", "121")}
    # detente's default: nobody is named as the critic, so no event.
    nlp = load_pipeline()
    patterns = Patterns({"criticize": (VerbPattern(code="121"),)}, {}, {})
    text = "France was criticized over its dispute with Germany."
    document = Document(id="d", text=text, pubdate="2010-01-01")
    assert extract_events(nlp(text), document, patterns=patterns, realis_only=False) == []
    wide = extract_events(
        nlp(text), document, patterns=patterns, realis_only=False, passive_subject_as_source=True
    )
    assert [(e.source, e.target) for e in wide] == [("FRA", "DEU")]


def test_mentions_do_not_depend_on_matcher_order() -> None:
    """A word listed both as a combining form ("Sino-Soviet") and as a name ("Soviet")
    is a mention only as the name outside a hyphenated compound, whatever the order."""
    from detente.codebook.lexicon import LexEntry
    from detente.nlp.actors import find_mentions
    from detente.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    doc = nlp.make_doc("Soviet suspicions grew after the Sino-Soviet split.")
    name = LexEntry("Soviet", "RUS", None, "old")
    combining = LexEntry("Soviet", "RUS", None, "combining")
    sino = LexEntry("Sino", "CHN", None, "combining")
    for items in ((name, combining, sino), (combining, name, sino)):
        found = [(doc[m.start].text, m.kind) for m in find_mentions(doc, nlp, items)]
        assert found[0] == ("Soviet", "old")
        assert ("Sino", "combining") in found
