"""One coding path: `eval-petrarch` scores what `detente extract` codes, under the same
conventions, and PETRARCH's conventions are a user-visible option of `extract`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.evaluation.petrarch import PetrarchRecord, code_records, load_petrarch_dictionaries
from detente.extract import extract_documents, extract_text
from detente.model import Document
from detente.nlp.conventions import DETENTE, PETRARCH

runner = CliRunner()

ACTORS = """\
SELVARA [SEL]
+SELVARAN
KOTH_ [KTH]
+KOTHI
"""

AGENTS = """\
GOVERNMENT [~GOV]
MINISTER [~GOV]
ARMY [~MIL]
"""

VERBS = """\
--- CONDEMN  [122] ---
CONDEMN

--- SHELL  [195] ---
SHELL
"""

TEXTS = [
    # A plain past act, a future act (coded only under PETRARCH's conventions), an agentless
    # passive, and an act with an agent word.
    "The Selvaran government condemned Koth on Tuesday.",
    "Selvara will condemn Koth at the summit next week.",
    "Koth was condemned over its quarrel with Selvara.",
    "The Kothi army shelled Selvaran border posts on Friday.",
]


def _folder(tmp_path: Path, verbs: bool = True) -> Path:
    d = tmp_path / "dicts"
    d.mkdir()
    (d / "T.actors.txt").write_text(ACTORS, encoding="utf-8")
    (d / "T.agents.txt").write_text(AGENTS, encoding="utf-8")
    if verbs:
        (d / "T.verbs.txt").write_text(VERBS, encoding="utf-8")
    return d


def _triples(events) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.cameo) for e in events}


def test_eval_petrarch_codes_what_extract_documents_codes(tmp_path: Path) -> None:
    from detente.nlp.pipeline import build_pipeline

    dicts = load_petrarch_dictionaries(_folder(tmp_path))
    records = [
        PetrarchRecord(f"r{n}", "2011-04-05", "T", t, frozenset()) for n, t in enumerate(TEXTS)
    ]
    scored = code_records(records, dicts)
    nlp = build_pipeline(None, lexicon=dicts.lexicon("2011-04-05"))
    docs = [Document(id=r.id, text=r.text, pubdate=r.date) for r in records]
    for conventions in (PETRARCH, DETENTE):
        extracted = {
            ex.document.id: _triples(ex.events)
            for ex in extract_documents(
                docs,
                nlp=nlp,
                patterns=dicts.patterns,
                people_index=dicts.people_index,
                conventions=conventions,
            )
        }
        if conventions is PETRARCH:
            assert extracted == scored
    assert scored["r0"] == {("SELGOV", "KTH", "122")}
    assert scored["r1"] == {("SEL", "KTH", "122")}  # future act: PETRARCH codes it
    assert extracted["r1"] == set()  # detente's own conventions do not
    assert scored["r2"] == {("KTH", "SEL", "122")}  # agentless passive: subject is the source
    assert extracted["r2"] == set()
    assert scored["r3"] == {("KTHMIL", "SEL", "195")}


def _cli_triples(stdout: str) -> set[tuple[str, str, str]]:
    return {(r["source"], r["target"], r["cameo"]) for r in map(json.loads, stdout.splitlines())}


def test_eval_petrarch_and_extract_command_agree(tmp_path: Path) -> None:
    """The same text through `eval-petrarch`'s coder and through `detente extract` with
    the same dictionaries (actors, agents; detente's own verbs) and --petrarch-conventions."""
    folder = _folder(tmp_path, verbs=False)
    dicts = load_petrarch_dictionaries(folder)
    text = " ".join(TEXTS[:3])
    rec = PetrarchRecord("r", "2011-04-05", "T", text, frozenset())
    scored = code_records([rec], dicts)["r"]
    src = tmp_path / "story.txt"
    src.write_text(text, encoding="utf-8")
    args = [
        "extract",
        str(src),
        "--pubdate",
        "2011-04-05",
        "--actors",
        str(folder / "T.actors.txt"),
        "--agents",
        str(folder / "T.agents.txt"),
    ]
    wide = runner.invoke(app, [*args, "--petrarch-conventions"])
    assert wide.exit_code == 0, wide.stderr
    got = _cli_triples(wide.stdout)
    assert got == scored
    assert ("SEL", "KTH", "111") in got  # the future act, with detente's own "condemn" code
    plain = runner.invoke(app, args)
    assert plain.exit_code == 0, plain.stderr
    narrow = _cli_triples(plain.stdout)
    assert narrow < got and ("SEL", "KTH", "111") not in narrow


@pytest.mark.parametrize(
    ("text", "petrarch", "detente"),
    [
        # Real countries, detente's packaged vocabulary.
        # (Stated by Chile itself, "..., the ministry said", it is a threat: 131.)
        ("Chile will expel two Peruvian diplomats next month.", True, False),
        ("Norway may impose sanctions on Mali next year.", True, False),
        ("Argentina could recall its ambassador from Uruguay, officials warned.", True, False),
    ],
)
def test_extract_text_conventions(text: str, petrarch: bool, detente: bool) -> None:
    wide = extract_text(text, pubdate="2016-02-01", conventions=PETRARCH)
    narrow = extract_text(text, pubdate="2016-02-01")
    assert bool(wide) is petrarch
    assert bool(narrow) is detente


def test_options_listed_in_help() -> None:
    for command in ("extract", "analyze", "eval"):
        result = runner.invoke(app, [command, "--help"])
        assert "--petrarch-conventions" in result.stdout


def test_conventions_reach_worker_processes() -> None:
    docs = [
        Document(
            id="a", text="Norway may impose sanctions on Mali next year.", pubdate="2016-02-01"
        ),
        Document(id="b", text="Peru will expel two Chilean diplomats.", pubdate="2016-02-01"),
    ]
    got = {
        ex.document.id: _triples(ex.events)
        for ex in extract_documents(docs, workers=2, batch_size=1, conventions=PETRARCH)
    }
    assert got == {"a": {("NOR", "MLI", "163")}, "b": {("PER", "CHLGOV", "161")}}
