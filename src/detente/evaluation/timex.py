"""Score :func:`detente.nlp.timex.tag` against TIMEX3 gold files, TempEval-3 style.

Two gold formats are read:

* **TimeML** (``.tml``): TIMEX3 tags inline in ``<TEXT>``; the document creation time is the
  TIMEX3 with ``functionInDocument="CREATION_TIME"`` (usually inside ``<DCT>``).
* **MEANTIME / CAT XML** (``.xml``): tokens plus TIMEX3 markables that point at tokens. Only the
  title and the first five sentences (sentence ids 0–5) are annotated, so the text given to the
  tagger is built from those sentences alone; tagging more would count unannotated expressions
  as false positives. The creation time is the CREATION_TIME markable's value, or, in the few
  files without one, the value of the dateline markable in sentence 1.

Figures (TE3 definitions): strict and relaxed extraction precision/recall/F1 (exact span /
any overlap, one-to-one), value accuracy and type accuracy over relaxed matches, and
value F1 = relaxed F1 × value accuracy.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from detente.errors import InputError
from detente.model import Timex
from detente.nlp.timex import tag

__all__ = ["GoldDoc", "evaluate_timex", "format_timex_scores", "read_cat_xml", "read_tml"]

#: MEANTIME annotates the title (sentence 0) and sentences 1–5.
MEANTIME_LAST_SENTENCE = 5


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class GoldDoc:
    """A gold document: the text the tagger reads, its creation time and its TIMEX3 spans."""

    id: str
    text: str
    dct: str | None
    timexes: tuple[GoldTimex, ...]


_TAG = re.compile(r"<(/?)([A-Za-z_][\w.-]*)([^>]*?)(/?)>", re.DOTALL)
_ATTR = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')


def read_tml(path: str | Path) -> GoldDoc:
    """Read a TimeML file: the text inside ``<TEXT>`` with tags removed, and its TIMEX3s."""
    p = Path(path)
    try:
        raw = p.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(str(p), f"cannot read TimeML file: {err}") from err
    dct = None
    for m in re.finditer(r"<TIMEX3\b([^>]*)>", raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = attrs.get("value")
            break
    tm = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
    if tm is None:
        raise InputError(str(p), "no <TEXT> element in TimeML file")
    body, text_parts, gold = tm.group(1), [], []
    pos, length = 0, 0
    open_stack: list[tuple[int, dict[str, str]]] = []
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        text_parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs_s, selfclose = m.groups()
        if name != "TIMEX3":
            continue
        if closing:
            if open_stack:
                s, attrs = open_stack.pop()
                gold.append(GoldTimex(s, length, attrs.get("type", ""), attrs.get("value", "")))
        elif not selfclose:
            open_stack.append((length, dict(_ATTR.findall(attrs_s))))
    text_parts.append(html.unescape(body[pos:]))
    gold.sort(key=lambda g: (g.start, g.end))
    return GoldDoc(p.stem, "".join(text_parts), dct, tuple(gold))


_NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "}",
    "%",
    "'s",
    "n't",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
    "’s",
}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "£", "€", "#"}


def read_cat_xml(path: str | Path, last_sentence: int = MEANTIME_LAST_SENTENCE) -> GoldDoc:
    """Read a MEANTIME CAT XML file, keeping only the annotated sentences 0..``last_sentence``.

    Tokens are joined the way English is written (no space before "," or "'s"), the title and
    the dateline each on their own line, so the tagger sees ordinary text.
    """
    p = Path(path)
    try:
        root = ET.parse(p).getroot()
    except (OSError, ET.ParseError) as err:
        raise InputError(str(p), f"cannot read CAT XML file: {err}") from err
    spans: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    length, prev_sent, prev_tok = 0, None, None
    for t in root.iter("token"):
        sent = int(t.get("sentence", "0"))
        if sent > last_sentence:
            continue
        tok = t.text or ""
        if prev_sent is None:
            sep = ""
        elif sent != prev_sent:
            sep = "\n" if prev_sent <= 1 else " "
        elif tok in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        parts.append(sep)
        length += len(sep)
        spans[t.get("t_id", "")] = (length, length + len(tok))
        parts.append(tok)
        length += len(tok)
        prev_sent, prev_tok = sent, tok
    text = "".join(parts)
    dct, dateline = None, None
    gold: list[GoldTimex] = []
    for tx in root.iter("TIMEX3"):
        ids = [a.get("t_id", "") for a in tx.iter("token_anchor")]
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = tx.get("value")
        if not ids or any(i not in spans for i in ids):
            continue  # empty markables (no text) and markables outside the annotated region
        g = GoldTimex(
            min(spans[i][0] for i in ids),
            max(spans[i][1] for i in ids),
            tx.get("type", ""),
            tx.get("value", ""),
        )
        gold.append(g)
        if (
            dateline is None
            and g.type == "DATE"
            and re.fullmatch(r"\d{4}-\d\d-\d\d", g.value)
            and text.count("\n", 0, g.start) == 1
        ):
            dateline = g.value  # sentence 1 is the dateline
    gold.sort(key=lambda g: (g.start, g.end))
    dct = dct or dateline
    if dct and (m := re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", dct)):
        dct = f"{m.group(3)}-{m.group(2)}-{m.group(1)}"  # one file writes its DCT day-first
    return GoldDoc(p.stem, text, dct, tuple(gold))


def _walk(paths: Sequence[str | Path]) -> Iterable[Path]:
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(
                q for q in p.rglob("*") if q.suffix in (".tml", ".xml") and q.is_file()
            )
        elif p.exists():
            yield p
        else:
            raise InputError(str(p), "no such file or directory")


def read_gold(path: str | Path) -> GoldDoc | None:
    """A .tml or CAT .xml file as a GoldDoc; None for XML that is neither (e.g. an .xsd)."""
    p = Path(path)
    if p.suffix == ".tml":
        return read_tml(p)
    head = p.read_text("utf-8", errors="replace")[:2000]
    if "<TimeML" in head:
        return read_tml(p)
    if "<Document" in head and "<token" in head:
        return read_cat_xml(p)
    return None


def _match(
    gold: Sequence[GoldTimex], pred: Sequence[Timex]
) -> tuple[int, list[tuple[GoldTimex, Timex]]]:
    """Strict matches (count) and one-to-one relaxed matches (exact spans first, then overlap)."""
    exact = {(t.start, t.end): t for t in pred}
    strict = sum(1 for g in gold if (g.start, g.end) in exact)
    used: set[int] = set()
    pairs: list[tuple[GoldTimex, Timex]] = []
    rest: list[GoldTimex] = []
    for g in gold:
        t = exact.get((g.start, g.end))
        if t is not None and id(t) not in used:
            used.add(id(t))
            pairs.append((g, t))
        else:
            rest.append(g)
    for g in rest:
        best, best_ov = None, 0
        for t in pred:
            if id(t) in used:
                continue
            ov = min(g.end, t.end) - max(g.start, t.start)
            if ov > best_ov:
                best, best_ov = t, ov
        if best is not None:
            used.add(id(best))
            pairs.append((g, best))
    return strict, pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "precision": p, "recall": r, "f1": f}


def evaluate_timex(paths: Sequence[str | Path], *, details: bool = False) -> dict[str, Any]:
    """Tag every gold document (with its creation time as pubdate) and score TE3-style.

    ``paths`` are .tml / CAT .xml files or folders (walked recursively). With ``details`` the
    result also lists every missed, spurious and wrongly valued expression.
    """
    n_gold = n_pred = n_strict = n_value = n_type = n_docs = 0
    n_relaxed = 0
    errors: list[dict[str, Any]] = []
    for path in _walk(paths):
        doc = read_gold(path)
        if doc is None:
            continue
        n_docs += 1
        pred = tag(doc.text, doc.dct)
        strict, pairs = _match(doc.timexes, pred)
        n_gold += len(doc.timexes)
        n_pred += len(pred)
        n_strict += strict
        n_relaxed += len(pairs)
        for g, t in pairs:
            n_value += t.value == g.value
            n_type += t.type == g.type
        if details:
            matched_g = {id(g) for g, _ in pairs}
            matched_t = {id(t) for _, t in pairs}
            for g, t in pairs:
                if t.value != g.value:
                    errors.append(
                        {
                            "doc": doc.id,
                            "kind": "value",
                            "gold": doc.text[g.start : g.end],
                            "gold_value": g.value,
                            "text": t.text,
                            "value": t.value,
                            "context": _ctx(doc.text, g.start, g.end),
                        }
                    )
            for g in doc.timexes:
                if id(g) not in matched_g:
                    errors.append(
                        {
                            "doc": doc.id,
                            "kind": "missed",
                            "gold": doc.text[g.start : g.end],
                            "gold_value": g.value,
                            "context": _ctx(doc.text, g.start, g.end),
                        }
                    )
            for t in pred:
                if id(t) not in matched_t:
                    errors.append(
                        {
                            "doc": doc.id,
                            "kind": "spurious",
                            "text": t.text,
                            "value": t.value,
                            "context": _ctx(doc.text, t.start, t.end),
                        }
                    )
    strict_s = _prf(n_strict, n_pred, n_gold)
    relaxed_s = _prf(n_relaxed, n_pred, n_gold)
    value_acc = n_value / n_relaxed if n_relaxed else 0.0
    out: dict[str, Any] = {
        "documents": n_docs,
        "gold": n_gold,
        "predicted": n_pred,
        "strict": strict_s,
        "relaxed": relaxed_s,
        "value_correct": n_value,
        "value_accuracy": value_acc,
        "value_f1": relaxed_s["f1"] * value_acc,
        "type_accuracy": n_type / n_relaxed if n_relaxed else 0.0,
    }
    if details:
        out["errors"] = errors
    return out


def _ctx(text: str, s: int, e: int) -> str:
    return (text[max(0, s - 50) : s] + "[" + text[s:e] + "]" + text[e : e + 40]).replace("\n", " ")


def format_timex_scores(d: dict[str, Any]) -> str:
    """A short human-readable table of the figures :func:`evaluate_timex` returns."""
    lines = [
        f"documents {d['documents']}   gold {d['gold']}   predicted {d['predicted']}",
        f"{'':10}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for k in ("strict", "relaxed"):
        s = d[k]
        lines.append(
            f"{k:10}{s['precision'] * 100:8.1f}{s['recall'] * 100:8.1f}{s['f1'] * 100:8.1f}"
        )
    lines.append(
        f"value accuracy {d['value_accuracy'] * 100:.1f}   value F1 {d['value_f1'] * 100:.1f}   type accuracy {d['type_accuracy'] * 100:.1f}"
    )
    return "\n".join(lines)
