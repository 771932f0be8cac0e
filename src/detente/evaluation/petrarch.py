"""Score detente's coder on PETRARCH validation records with PETRARCH-format dictionaries.

The PETRARCH unit-test suite (``PETR.UnitTest.records.xml``) pairs sentences about
fictional actors with the events PETRARCH should code from its own test dictionaries
(``PETR.Validate.actors/agents/verbs/discards``). It tests coding mechanics: compound
actors, agents, passive voice, date-limited actors, verb patterns, discards.

How this evaluation runs:

* Records: every ``<Sentence sentence="true">``. The expected set is the ``(sourcecode,
  targetcode, eventcode)`` triples of its ``<EventCoding>`` elements, compared as the
  exact strings of the file (so ``"---GOV"`` or a quoted new-actor text can only be
  matched by the same string); ``noevents`` and ``error=`` codings (discards, datelines)
  expect nothing. Records whose expected outcome concerns the supplied parse tree
  (``error="bad_input_parse"``) are not scored, since detente parses ``<Text>`` itself
  and never reads ``<Parse>``. ``<Config>`` options between records are not applied.
* Dictionaries: actors and agents become detente's actor lexicon (codes split into a
  three-letter actor and a sector; ``IGO`` codes whole); actors with date restrictions are
  resolved at the record's date, as PETRARCH resolves them at the story date, and also go
  into the people index given to the resolver; the verb dictionary becomes detente event
  patterns (:mod:`detente.petrarch.verbs`); a sentence containing a discard
  phrase codes nothing.
* Coding: each record is one document whose publication date is the record's date, and
  it runs through :func:`detente.extract.extract_documents` — the path of ``detente
  extract`` (pieces, re-cased headlines, the same coder) — with the dictionaries as its
  actor lexicon, people index and event patterns, under PETRARCH's conventions
  (:data:`detente.nlp.conventions.PETRARCH`, ``detente extract --petrarch-conventions``):
  future and modal acts are coded, a target may come from a clause after the verb or,
  failing all else, from a circumstance ("fired shells at Seoul"), and an agentless
  passive's subject is the source. detente's events become triples ``(source, target,
  cameo)``; paired codes ``A:B`` give two triples, null codes none, and compound actor
  codes ``A/B`` one triple per actor. Negated events are kept (PETRARCH has no negation
  flag; its patterns code them).
* Scores: sentence accuracy under PETRARCH's own rule (the set of coded triples equals the
  expected set), and triple precision, recall and F1 over all scored sentences.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from detente.codebook.lexicon import LexEntry
from detente.errors import InputError
from detente.model import Document
from detente.nlp.conventions import PETRARCH, Conventions
from detente.nlp.patterns import Patterns
from detente.petrarch.actors import (
    ActorEntry,
    ActorIndex,
    load_actor_dictionary,
    normalise_phrase,
)
from detente.petrarch.agents import AgentEntry, Discard, load_agent_dictionary, load_discards
from detente.petrarch.verbs import (
    VerbDictionary,
    expand_paired,
    load_verb_dictionary,
    spacy_lemmatizer,
    to_patterns,
)
from detente.wording import count

__all__ = [
    "PetrarchDictionaries",
    "PetrarchRecord",
    "Triple",
    "actor_lexicon",
    "code_records",
    "discarded",
    "evaluate_petrarch",
    "format_petrarch_scores",
    "load_petrarch_dictionaries",
    "parse_records",
    "score_records",
]

Triple = tuple[str, str, str]

#: Expected outcomes that concern PETRARCH's handling of its input parse, not the text.
PARSE_ONLY_ERRORS = frozenset({"bad_input_parse"})


# ------------------------------------------------------------------------------ records


@dataclass(frozen=True, slots=True)
class PetrarchRecord:
    """One validation sentence and what PETRARCH should code from it."""

    id: str
    date: str | None  # ISO date of the story ("1995-01-01")
    category: str
    text: str
    expected: frozenset[Triple]
    error: str | None = None  # "sentencediscard", "storydiscard", "dateline", ...
    noevents: bool = False
    is_sentence: bool = True  # the sentence="true" flag

    @property
    def scored(self) -> bool:
        """True when the record takes part in the scores (see the module docstring)."""
        return self.is_sentence and self.error not in PARSE_ONLY_ERRORS


def _iso(date: str | None) -> str | None:
    if not date:
        return None
    d = date.strip()
    if re.fullmatch(r"\d{8}", d):
        return f"{d[:4]}-{d[4:6]}-{d[6:]}"
    if re.fullmatch(r"\d{6}", d):  # YYMMDD, KEDS/TABARI century rule
        yy = int(d[:2])
        return f"{2000 + yy if yy <= 30 else 1900 + yy:04d}-{d[2:4]}-{d[4:]}"
    return None


def parse_records(path: str | Path) -> list[PetrarchRecord]:
    """Read a PETRARCH validation XML file (``<Sentences><Sentence>…``) into records.

    Raises:
        InputError: the file is missing or not well-formed XML (the message names the line).
    """
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except ET.ParseError as exc:
        raise InputError(str(path), f"not well-formed XML ({exc})") from None
    out: list[PetrarchRecord] = []
    seen: Counter[str] = Counter()
    for n, s in enumerate(root.iter("Sentence"), 1):
        rid = (s.get("id") or f"record-{n}").strip()
        seen[rid] += 1
        if seen[rid] > 1:  # ids repeat in the suite; keep each record distinct
            rid = f"{rid}#{seen[rid]}"
        text_el = s.find("Text")
        text = " ".join((text_el.text or "").split()) if text_el is not None else ""
        expected: set[Triple] = set()
        error = None
        noevents = False
        for ec in s.iter("EventCoding"):
            if ec.get("error"):
                error = ec.get("error", "").strip()
            elif (ec.get("noevents") or "").strip().lower() == "true":
                noevents = True
            elif ec.get("eventcode") is not None:
                expected.add(
                    (
                        (ec.get("sourcecode") or "").strip(),
                        (ec.get("targetcode") or "").strip(),
                        (ec.get("eventcode") or "").strip(),
                    )
                )
        out.append(
            PetrarchRecord(
                id=rid,
                date=_iso(s.get("date")),
                category=(s.get("category") or "").strip(),
                text=text,
                expected=frozenset(expected),
                error=error,
                noevents=noevents,
                is_sentence=(s.get("sentence") or "true").strip().lower() == "true",
            )
        )
    return out


def environment_files(path: str | Path) -> dict[str, str]:
    """The dictionary file names a records file asks for in its ``<Environment>``."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return {}
    env = root.find("Environment")
    if env is None:
        return {}
    out = {}
    for tag, key in (
        ("Verbfile", "verbs"),
        ("Actorfile", "actors"),
        ("Agentfile", "agents"),
        ("Discardfile", "discards"),
    ):
        el = env.find(tag)
        if el is not None and (el.text or "").strip():
            out[key] = (el.text or "").strip()
    return out


# -------------------------------------------------------------------------- dictionaries


@dataclass(slots=True)
class PetrarchDictionaries:
    """PETRARCH-format dictionaries, read and ready for detente."""

    actors: list[ActorEntry]
    agents: list[AgentEntry] = field(default_factory=list)
    discards: list[Discard] = field(default_factory=list)
    verbs: VerbDictionary | None = None
    patterns: Patterns | None = None
    files: dict[str, str] = field(default_factory=dict)

    @property
    def people_index(self) -> ActorIndex:
        """The date-restricted actors, for the resolver's look-up of named people."""
        return ActorIndex.from_entries(e for e in self.actors if _dated(e))

    def lexicon(self, date: str | None = None) -> tuple[LexEntry, ...]:
        """The actor lexicon with date-restricted actors resolved at ``date``."""
        return _intern(actor_lexicon(self.actors, self.agents, date))


#: Lexicons handed to the actor component, kept alive: its phrase matchers are cached by
#: the lexicon's ``id()``, which must never be reused by another lexicon in this process.
_LEXICONS: dict[tuple[LexEntry, ...], tuple[LexEntry, ...]] = {}


def _intern(items: tuple[LexEntry, ...]) -> tuple[LexEntry, ...]:
    return _LEXICONS.setdefault(items, items)


def _dated(entry: ActorEntry) -> bool:
    return any(not c.is_default for c in entry.codes)


def _find(directory: Path, key: str, wanted: str | None) -> Path | None:
    if wanted and (directory / wanted).is_file():
        return directory / wanted
    found = sorted(p for p in directory.glob(f"*{key}*") if p.is_file())
    return found[0] if found else None


def load_petrarch_dictionaries(
    directory: str | Path,
    *,
    files: dict[str, str] | None = None,
    nlp: object | None = None,
) -> PetrarchDictionaries:
    """Read the actor, agent, discard and verb dictionaries of a folder.

    ``files`` names them (keys ``actors``, ``agents``, ``discards``, ``verbs``, as in a
    records file's ``<Environment>``); otherwise the first file whose name contains the
    key is used. Only the actor dictionary is required. ``nlp`` lemmatises verb forms.

    Raises:
        InputError: the folder or its actor dictionary is missing.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise InputError(str(directory), "no such dictionary folder")
    files = files or {}
    paths = {
        k: _find(directory, k, files.get(k)) for k in ("actors", "agents", "discards", "verbs")
    }
    if paths["actors"] is None:
        raise InputError(str(directory), "no actor dictionary (*actors*) found")
    d = PetrarchDictionaries(actors=load_actor_dictionary(paths["actors"]))
    if paths["agents"] is not None:
        d.agents = load_agent_dictionary(paths["agents"])
    if paths["discards"] is not None:
        d.discards = load_discards(paths["discards"])
    if paths["verbs"] is not None:
        d.verbs = load_verb_dictionary(paths["verbs"])
        d.patterns = to_patterns(d.verbs, spacy_lemmatizer(nlp))
    d.files = {k: str(p) for k, p in paths.items() if p is not None}
    return d


def actor_lexicon(
    actors: Iterable[ActorEntry], agents: Iterable[AgentEntry] = (), date: str | None = None
) -> tuple[LexEntry, ...]:
    """detente lexicon items for PETRARCH actors and agents.

    An actor code is split into its first three letters (the actor) and the rest (its
    sector) — ``HOBGOV`` → ``HOB`` + ``GOV`` — except ``IGO`` codes, kept whole. A code
    with restrictions is taken at ``date`` (its default or latest without one); null-coded
    names (``---``) name nothing and are left out. Agents become sector words (the tilde
    dropped: ``~GOV`` → ``GOV``).
    """
    items: list[LexEntry] = []
    seen: set[str] = set()
    for e in actors:
        code = e.code_at(date)
        if not code:
            continue
        for name in e.names:
            if name in seen:  # the first entry of a name wins, as in dictionary order
                continue
            seen.add(name)
            if code.startswith("IGO"):
                items.append(LexEntry(name, code, None, "igo"))
            else:
                items.append(LexEntry(name, code[:3], code[3:] or None, "name"))
    for a in agents:
        if a.phrase and a.phrase not in seen and a.sector:
            seen.add(a.phrase)
            items.append(LexEntry(a.phrase, None, a.sector, "agent"))
    return tuple(items)


_WORD_RE = re.compile(r"[\w'-]+")


def discarded(text: str, discards: Sequence[Discard]) -> Discard | None:
    """The first discard phrase that occurs in ``text`` as whole words, if any."""
    low = " " + " ".join(_WORD_RE.findall(text.lower())) + " "
    for dc in discards:
        phrase = " ".join(_WORD_RE.findall(normalise_phrase(dc.phrase)))
        if phrase and f" {phrase} " in low:
            return dc
    return None


# --------------------------------------------------------------------------------- coding


def _triples(events: Iterable[Any]) -> set[Triple]:
    """Coded triples as PETRARCH reports them: paired codes give two, null codes none, and
    a compound actor code ("FRO/BIL/SAM") one triple per actor."""
    out: set[Triple] = set()
    for ev in events:
        for s, t, c in expand_paired(ev.source, ev.target, ev.cameo):
            for s1 in s.split("/"):
                for t1 in t.split("/"):
                    out.add((s1, t1, c))
    return out


def code_records(
    records: Sequence[PetrarchRecord],
    dicts: PetrarchDictionaries,
    *,
    nlp: Any | None = None,
    model: str | None = None,
    conventions: Conventions = PETRARCH,
) -> dict[str, set[Triple]]:
    """Code each record with detente and the dictionaries: record id → coded triples.

    Records run through :func:`detente.extract.extract_documents`, the path of ``detente
    extract``, with the dictionaries as its pipeline (actor lexicon), event patterns and
    people index (without a verb dictionary, detente's own patterns), under
    ``conventions``. Records are coded date by date, each date with
    the lexicon of its date-restricted actors at that date.
    """
    from detente.extract import extract_documents
    from detente.nlp.pipeline import build_pipeline

    if nlp is None:
        nlp = build_pipeline(model, lexicon=dicts.lexicon(None))
    component = nlp.get_pipe("detente_actors")
    people = dicts.people_index
    patterns = dicts.patterns  # None: detente's own event patterns, as in `detente extract`
    out: dict[str, set[Triple]] = {}
    by_date: dict[str | None, list[Document]] = {}
    for rec in records:
        if discarded(rec.text, dicts.discards) is not None:
            out[rec.id] = set()
            continue
        document = Document(id=rec.id, text=rec.text, pubdate=rec.date)
        by_date.setdefault(rec.date, []).append(document)
    for date, documents in by_date.items():
        component.items = dicts.lexicon(date)
        for ex in extract_documents(
            documents, nlp=nlp, patterns=patterns, people_index=people, conventions=conventions
        ):
            out[ex.document.id] = _triples(ex.events)
    return out


# -------------------------------------------------------------------------------- scoring


def score_records(
    records: Sequence[PetrarchRecord], coded: dict[str, set[Triple]]
) -> dict[str, Any]:
    """Sentence accuracy (coded set == expected set) and triple P/R/F1 over scored records."""
    scored = [r for r in records if r.scored]
    correct = tp = n_exp = n_got = 0
    failures: list[dict[str, Any]] = []
    by_cat: dict[str, list[int]] = {}
    for r in scored:
        got = coded.get(r.id, set())
        exp = set(r.expected)
        hit = got == exp
        correct += hit
        tp += len(got & exp)
        n_exp += len(exp)
        n_got += len(got)
        cat = by_cat.setdefault(r.category or "-", [0, 0])
        cat[0] += hit
        cat[1] += 1
        if not hit:
            failures.append(
                {
                    "id": r.id,
                    "category": r.category,
                    "text": r.text,
                    "expected": sorted(exp),
                    "got": sorted(got),
                    "missed": sorted(exp - got),
                    "spurious": sorted(got - exp),
                }
            )
    p = tp / n_got if n_got else 0.0
    rec = tp / n_exp if n_exp else 0.0
    f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
    return {
        "records": len(records),
        "scored": len(scored),
        "not_scored": len(records) - len(scored),
        "correct": correct,
        "sentence_accuracy": correct / len(scored) if scored else 0.0,
        "expected_triples": n_exp,
        "coded_triples": n_got,
        "true_positives": tp,
        "precision": p,
        "recall": rec,
        "f1": f1,
        "by_category": {k: {"correct": v[0], "scored": v[1]} for k, v in sorted(by_cat.items())},
        "failures": failures,
    }


def evaluate_petrarch(
    records_xml: str | Path,
    dictionaries_dir: str | Path | None = None,
    *,
    model: str | None = None,
) -> dict[str, Any]:
    """Code a PETRARCH validation file with detente and score it (see the module docstring).

    ``dictionaries_dir`` defaults to the records file's folder and then to a sibling
    ``dictionaries`` folder; the files named in the records' ``<Environment>`` are
    preferred there.

    Raises:
        InputError: the records file or the dictionaries cannot be read.
    """
    from detente.nlp.pipeline import build_pipeline

    records_xml = Path(records_xml)
    records = parse_records(records_xml)
    if dictionaries_dir is None:
        sibling = records_xml.resolve().parent.parent / "dictionaries"
        dictionaries_dir = sibling if sibling.is_dir() else records_xml.parent
    wanted = environment_files(records_xml)
    nlp = build_pipeline(model, lexicon=())
    dicts = load_petrarch_dictionaries(dictionaries_dir, files=wanted, nlp=nlp)
    coded = code_records([r for r in records if r.scored], dicts, nlp=nlp)
    result = score_records(records, coded)
    result["dictionaries"] = dict(dicts.files)
    if dicts.verbs is not None:
        result["verb_patterns_skipped"] = dict(dicts.verbs.skipped)
    return result


def format_petrarch_scores(d: dict[str, Any], *, failures: bool = False) -> str:
    """A readable summary of :func:`evaluate_petrarch`'s result."""
    lines = [
        f"sentences  {d['correct']}/{d['scored']} coded exactly  "
        f"accuracy {d['sentence_accuracy']:.1%}  ({count(d['not_scored'], 'record')} not scored)",
        f"triples    P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  "
        f"(expected {d['expected_triples']}, coded {d['coded_triples']}, "
        f"matched {d['true_positives']})",
        "by category:",
    ]
    for cat, v in d.get("by_category", {}).items():
        lines.append(f"  {cat:<10} {v['correct']:>3}/{v['scored']:<3}")
    if failures:
        lines.append("failures:")
        for f in d.get("failures", []):
            lines.append(f"  {f['id']}: {f['text']}")
            lines.append(f"      expected {_fmt(f['expected'])}")
            lines.append(f"      got      {_fmt(f['got'])}")
    return "\n".join(lines)


def _fmt(triples: Sequence[Sequence[str]]) -> str:
    return ", ".join(f"{s}→{t} {c}" for s, t, c in triples) or "(nothing)"
