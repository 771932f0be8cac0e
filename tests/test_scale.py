"""Faster than the parser, and out on a cluster: the sentence prefilter gives the same
events as the full parse, the Dask path the same as one process, and long runs say how far
they have got."""

from __future__ import annotations

import csv
import io
import json
import random
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.extract import extract_documents
from detente.model import Document
from detente.nlp.patterns import VerbPattern, default_patterns
from detente.nlp.pipeline import load_pipeline
from detente.prefilter import SentenceFilter, blank_units
from detente.progress import ProgressLog, expected_documents

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "pakistan-russia.txt"
SHARED = ROOT.parent / "shared" / "data"
NGEC = SHARED / "peers" / "NGEC-2025" / "train_classifiers"
DEV = SHARED / "dev" / "texts"
needs_shared = pytest.mark.skipif(
    not NGEC.is_dir() or not DEV.is_dir(),
    reason="needs ../shared/data (NGEC stories, dev texts: development data, not in a clone)",
)

#: A short story of our own: a headline, a lead with an act, sentences without actors or
#: acts, a dated sentence, and a pronoun that needs the sentence before it.
STORY = (
    "Pakistan and Russia sign trade pact\n\n"
    "ISLAMABAD - Pakistan signed a trade agreement with Russia on Monday. "
    "The weather was mild and the streets were quiet. "
    "Markets opened late. "
    "In 2019 the harvest was poor. "
    "Prime Minister Imran Khan spoke to reporters. "
    "He praised Russia for its support.\n"
)


def _records(documents, **kw):
    """(document id, every event as a full record, sentences) per document."""
    return [
        (ex.document.id, [e.to_record() for e in ex.events], ex.sentences)
        for ex in extract_documents(documents, **kw)
    ]


def _events(documents, **kw):
    return [(doc_id, events) for doc_id, events, _ in _records(documents, **kw)]


# ------------------------------------------------------------------------------ prefilter


def _units(text: str, patterns=None):
    nlp = load_pipeline()
    f = SentenceFilter(nlp, patterns or default_patterns())
    return [
        (text[u.start_char : u.end_char], u.candidate, u.parsed)
        for u in f.units(nlp.make_doc(text))
    ]


def test_filter_parses_candidates_their_context_and_the_title_only():
    units = {t.strip(): (cand, parsed) for t, cand, parsed in _units(STORY)}
    assert units["ISLAMABAD - Pakistan signed a trade agreement with Russia on Monday."] == (
        True,
        True,
    )
    assert units["He praised Russia for its support."] == (True, True)
    # The sentence before a candidate is parsed as its context (who "he" is).
    assert units["Prime Minister Imran Khan spoke to reporters."] == (False, True)
    # No actor, no act: skipped.
    assert units["The weather was mild and the streets were quiet."] == (False, False)
    assert units["Markets opened late."] == (False, False)
    assert units["In 2019 the harvest was poor."] == (False, False)
    # The headline is always parsed (a title names the dyad in focus).
    assert units["Pakistan and Russia sign trade pact"][1] is True


def test_filter_keeps_sentences_with_dates_when_told_which():
    nlp = load_pipeline()
    f = SentenceFilter(nlp, default_patterns())
    text = STORY
    at = text.index("2019")
    units = f.units(nlp.make_doc(text), [at])
    dated = next(u for u in units if u.start_char <= at < u.end_char)
    assert dated.parsed and not dated.candidate


def test_filter_follows_the_vocabulary():
    """A verb added to the patterns makes its sentences candidates: the word sets are built
    from the loaded vocabulary, not from a list of their own."""
    text = "Ruritania gronked Freedonia. Nothing else happened here at all."
    assert not any(cand for _, cand, _ in _units(text))
    base = default_patterns()
    extended = replace(base, verbs={**base.verbs, "gronk": (VerbPattern(code="173"),)})
    units = _units(text, extended)
    assert units[0] == ("Ruritania gronked Freedonia.", True, True)
    # A verb whose only pattern needs an object names that object as a condition.
    picky = replace(
        base, verbs={**base.verbs, "gronk": (VerbPattern(code="173", objects=frozenset({"aid"})),)}
    )
    assert _units(text, picky)[0][1] is False
    assert _units("Ruritania gronked aid to Freedonia.", picky)[0][1] is True


def test_blanked_text_keeps_offsets_and_line_breaks():
    nlp = load_pipeline()
    units = SentenceFilter(nlp, default_patterns()).units(nlp.make_doc(STORY))
    blanked = blank_units(STORY, units)
    assert len(blanked) == len(STORY)
    assert [i for i, c in enumerate(blanked) if c == "\n"] == [
        i for i, c in enumerate(STORY) if c == "\n"
    ]
    assert "weather" not in blanked and "Markets" not in blanked
    assert "Pakistan signed a trade agreement" in blanked


def test_filter_gives_the_same_events_and_stored_sentences_on_the_story():
    doc = [Document(id="story", text=STORY, pubdate="2019-06-03")]
    full = _records(doc, prefilter=False)
    fast = _records(doc)
    assert full[0][1] and fast[0][1] == full[0][1]
    # Skipped sentences are stored too (cut by punctuation instead of by the parser).
    assert [s[2].strip() for s in fast[0][2]] == [s[2].strip() for s in full[0][2]]


def test_filter_gives_the_same_events_on_the_example():
    doc = [Document(id="ex", text=EXAMPLE.read_text(encoding="utf-8"))]
    full = _events(doc, prefilter=False)
    assert len(full[0][1]) > 20
    assert _events(doc) == full


def _ngec_stories(n: int, seed: int) -> list[str]:
    texts: list[str] = []
    for archive in sorted(NGEC.glob("*.zip")):
        with zipfile.ZipFile(archive) as zf:
            for name in (x for x in zf.namelist() if x.endswith(".csv")):
                with zf.open(name) as fh:
                    rows = csv.DictReader(io.TextIOWrapper(fh, encoding="utf-8"))
                    texts += [r["text"] for r in rows if (r.get("text") or "").strip()]
    return random.Random(seed).sample(texts, n)


@needs_shared
def test_filter_gives_the_same_events_on_news_stories_and_dev_texts():
    """150 NGEC news stories (a fixed random sample) and the development pages: every event
    record identical with and without the filter."""
    docs = [
        Document(id=f"ngec{i}", text=t, pubdate="2023-05-01")
        for i, t in enumerate(_ngec_stories(150, seed=11))
    ]
    docs += [
        Document(id=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.txt"))
    ]
    full = _events(docs, prefilter=False)
    assert sum(len(e) for _, e in full) > 200
    fast = _events(docs)
    differing = [doc_id for (doc_id, a), (_, b) in zip(full, fast, strict=True) if a != b]
    assert differing == []


# ------------------------------------------------------------------------------ Dask

CORPUS = [
    ("ex", EXAMPLE.read_text(encoding="utf-8"), None),
    ("story", STORY, "2019-06-03"),
    (
        "a",
        "India and China held border talks in Beijing on Tuesday. They agreed to cut troops.",
        "2021-02-02",
    ),
    (
        "b",
        "Egyptian police arrested 12 protesters in Cairo. The army deployed tanks.",
        "2013-07-04",
    ),
    ("c", "Nothing happened in the garden today.", None),
    (
        "d",
        "Turkey criticized Greece over its drilling. Greece rejected the criticism.",
        "2020-08-20",
    ),
    ("e", "Kenya expelled two Ugandan diplomats on Wednesday.", "2009-03-12"),
]


def _corpus(ids=None) -> list[Document]:
    return [Document(id=i, text=t, pubdate=p) for i, t, p in CORPUS if ids is None or i in ids]


@pytest.fixture(scope="module")
def cluster():
    from dask.distributed import LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as c:
        yield c


def test_dask_gives_the_same_events_as_one_process_and_resumes(cluster, tmp_path):
    single = _records(_corpus())
    parts = tmp_path / "parts"
    # A first, partial run (as if interrupted): its documents are coded once.
    first = _records(_corpus({"ex", "a"}), dask=cluster.scheduler_address, parts=str(parts))
    assert first == [r for r in single if r[0] in {"ex", "a"}]
    assert len(list((parts / "documents").glob("part-*.parquet"))) == 1
    # The whole corpus: same events and sentences, in input order; only the rest is coded.
    got = _records(_corpus(), dask=cluster.scheduler_address, parts=str(parts))
    assert got == single
    import duckdb

    coded = duckdb.sql(
        f"SELECT id, count(*) FROM read_parquet('{parts}/documents/*.parquet') GROUP BY id"
    ).fetchall()
    assert sorted(coded) == sorted((i, 1) for i, _, _ in CORPUS)


def test_analyze_on_dask_stores_the_same_events(cluster, tmp_path):
    from detente.analyze import analyze
    from detente.store import open_store

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": i, "text": t, "date": p}) + "\n" for i, t, p in CORPUS),
        encoding="utf-8",
    )
    one = analyze([str(corpus)], db=str(tmp_path / "one.duckdb"))
    on_dask = analyze(
        [str(corpus)], db=str(tmp_path / "dask.duckdb"), dask=cluster.scheduler_address
    )
    assert on_dask.events == one.events and len(one.events) > 20
    assert (tmp_path / "dask.duckdb.parts" / "documents").is_dir()
    for db in ("one", "dask"):
        with open_store(str(tmp_path / f"{db}.duckdb")) as store:
            assert sorted(store.stored_ids([i for i, _, _ in CORPUS])) == sorted(
                i for i, _, _ in CORPUS
            )


def test_extract_command_on_dask_writes_the_same_file_and_its_parts(cluster, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": i, "text": t, "date": p}) + "\n" for i, t, p in CORPUS[1:]),
        encoding="utf-8",
    )
    runner = CliRunner()
    one = runner.invoke(app, ["extract", str(corpus), "-o", str(tmp_path / "one.jsonl")])
    assert one.exit_code == 0, one.stderr
    args = ["extract", str(corpus), "-o", str(tmp_path / "dask.jsonl")]
    on_dask = runner.invoke(app, [*args, "--dask", cluster.scheduler_address])
    assert on_dask.exit_code == 0, on_dask.stderr
    expected = (tmp_path / "one.jsonl").read_text(encoding="utf-8")
    assert expected.count("\n") > 5
    assert (tmp_path / "dask.jsonl").read_text(encoding="utf-8") == expected
    assert list((tmp_path / "dask.jsonl.parts" / "documents").glob("part-*.parquet"))


# ------------------------------------------------------------------------------ progress


def test_progress_log_tells_total_rate_and_time_left():
    lines: list[str] = []
    log = ProgressLog("extracting", 1000, lines.append, every=250, started=0.0)
    for _ in range(250):
        log.done += 1
    assert log.line(now=50.0) == (
        "detente: extracting 250/1,000 documents (25%), 5.0 documents/s, "
        "0:00:50 elapsed, about 0:02:30 left"
    )
    unknown = ProgressLog("analyzing", None, lines.append, every=2, started=0.0)
    unknown.advance()
    assert lines == []
    unknown.advance()
    assert len(lines) == 1 and "2 documents," in lines[0] and "left" not in lines[0]


def test_expected_documents_counts_records_without_reading_them(tmp_path):
    (tmp_path / "c.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}\n')
    (tmp_path / "d.csv").write_text("id,text\n1,a\n2,b\n")
    (tmp_path / "e.txt").write_text("One text.")
    assert expected_documents([str(tmp_path / "c.jsonl")]) == 3
    assert expected_documents([str(tmp_path)]) == 3 + 2 + 1
    assert expected_documents(["-"]) is None


def test_extract_prints_progress_lines_when_stderr_is_not_a_terminal(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t, _ in CORPUS[1:]),
        encoding="utf-8",
    )
    monkeypatch.setenv("DETENTE_PROGRESS_EVERY", "3")
    result = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.stderr
    lines = [ln for ln in result.stderr.splitlines() if "documents/s" in ln]
    assert len(lines) == 2
    assert lines[0].startswith("detente: extracting 3/6 documents (50%)")
    assert "left" in lines[0]
    assert lines[1].startswith("detente: extracting 6/6 documents (100%)")
