"""Score extracted events against a gold file, exactly as ``examples/GUIDE.md`` says.

A gold event matches a system event when the system's sentence contains the gold quote
(after lower-casing and dropping punctuation and quote marks), the actors agree on the
first three letters (IGO codes whole), ``negated`` equals ``neg`` and the CAMEO roots are
equal. Matching is one-to-one (a maximum bipartite matching, so the order of events never
changes a score). Looser levels replace the root test by the quad class (``quad``) or
drop the code and direction altogether (``dyad``: the same unordered pair of actors).
System events that match a line of the optional ("don't care") file and no main gold
event are left out of precision. Date accuracy is measured on the strict matches.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # extract imports spaCy; only its type is needed here
    from detente.extract import Coding

Record = Mapping[str, Any]

_QUAD_BY_ROOT = {
    f"{r:02d}": 1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4 for r in range(1, 21)
}


def normalise_quote(text: str) -> str:
    """Lower-case, drop punctuation and quote marks, fold white space."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(" " if ch.isspace() else ch for ch in text if not _is_punct(ch))
    return " ".join(text.split())


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS" and ch not in "$%"


def actor_key(code: str | None) -> str:
    """What scoring compares of an actor code: IGO codes whole, countries by three letters."""
    code = (code or "").upper()
    return code if code.startswith("IGO") else code[:3]


def quad_of(root: str) -> int:
    return _QUAD_BY_ROOT.get(str(root)[:2].zfill(2), 0)


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSONL file of records; a bad line is a fatal error naming file and line."""
    from detente.io import read_records

    return list(read_records(path))


@dataclass(frozen=True)
class _Event:
    """What scoring compares of a gold or a system event."""

    text: str  # gold: the quote; system: the sentence (both normalised)
    src: str
    tgt: str
    root: str
    neg: bool
    date: str | None


#: Field names of a gold line (GUIDE.md) and of a system event (the output contract).
_GOLD_KEYS = ("sent", "src", "tgt", "neg")
_SYSTEM_KEYS = ("sentence", "source", "target", "negated")


def _event(rec: Record, keys: tuple[str, str, str, str]) -> _Event:
    text, src, tgt, neg = keys
    cameo = str(rec.get("cameo") or "")
    return _Event(
        text=normalise_quote(str(rec.get(text, ""))),
        src=actor_key(rec.get(src)),
        tgt=actor_key(rec.get(tgt)),
        root=str(rec.get("root") or cameo[:2]),
        neg=bool(rec.get(neg, False)),
        date=rec.get("date"),
    )


def _strict(g: _Event, s: _Event) -> bool:
    return g.src == s.src and g.tgt == s.tgt and g.neg == s.neg and g.root == s.root


def _quad(g: _Event, s: _Event) -> bool:
    return (
        g.src == s.src and g.tgt == s.tgt and g.neg == s.neg and quad_of(g.root) == quad_of(s.root)
    )


def _dyad(g: _Event, s: _Event) -> bool:
    return {g.src, g.tgt} == {s.src, s.tgt}


def _assignment(weights: list[list[float]]) -> list[int]:
    """Maximum-weight assignment of rows to columns (Hungarian method with potentials,
    Kuhn 1955 / Munkres 1957), for ``len(rows) <= len(columns)``; returns each row's column."""
    n, m = len(weights), len(weights[0]) if weights else 0
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: the row (1-based) assigned to column j
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], inf, 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                cur = -weights[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j], way[j] = cur, j0
                if minv[j] < delta:
                    delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    col = [-1] * n
    for j in range(1, m + 1):
        if owner[j]:
            col[owner[j] - 1] = j - 1
    return col


def _match(
    gold: Sequence[_Event], system: Sequence[_Event], same: Callable[[_Event, _Event], bool]
) -> dict[int, int]:
    """A maximum one-to-one matching; among those, the one with the most date agreement
    (so that which of two equal candidates is paired never lowers date accuracy)."""
    edges = {
        (i, j): 1000.0 + 2.0 * (_year(g.date) == _year(s.date)) + 1.0 * (g.date == s.date)
        for i, g in enumerate(gold)
        for j, s in enumerate(system)
        if g.text in s.text and same(g, s)
    }
    if not edges:
        return {}
    rows = sorted({i for i, _ in edges})
    cols = sorted({j for _, j in edges})
    # Dummy columns make the problem square-or-wide: a row may stay unmatched (weight 0).
    width = len(cols) + len(rows)
    w = [[edges.get((i, j), 0.0) for j in cols] + [0.0] * len(rows) for i in rows]
    out: dict[int, int] = {}
    for r, c in enumerate(_assignment(w) if width else []):
        if 0 <= c < len(cols) and (rows[r], cols[c]) in edges:
            out[rows[r]] = cols[c]
    return out


def _prf(matches: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = matches / n_sys if n_sys else 0.0
    r = matches / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "matches": matches}


def score(
    gold: Iterable[Record], system: Iterable[Record], optional: Iterable[Record] = ()
) -> dict[str, Any]:
    """Score system events against gold events (and optional "don't care" events).

    Returns ``{"strict": {...}, "quad": {...}, "dyad": {...}, "date_year": float,
    "date_exact": float, "gold": n, "system": n, "ignored": n, "missed": [...],
    "spurious": [...]}``; each level holds precision, recall, f1 and matches.
    """
    gold_recs = list(gold)
    sys_recs = list(system)
    g = [_event(r, _GOLD_KEYS) for r in gold_recs]
    s_all = [_event(r, _SYSTEM_KEYS) for r in sys_recs]
    opt = [_event(r, _GOLD_KEYS) for r in optional]

    result: dict[str, Any] = {"gold": len(g)}
    strict_match: dict[int, int] = {}
    for level, same in (("strict", _strict), ("quad", _quad), ("dyad", _dyad)):
        m = _match(g, s_all, same)
        # A system event that matches no main gold event but an optional one is "don't care".
        used = set(m.values())
        free = [j for j in range(len(s_all)) if j not in used]
        opt_m = _match(opt, [s_all[j] for j in free], same)
        ignored = len(opt_m)
        result[level] = _prf(len(m), len(s_all) - ignored, len(g))
        result[level]["ignored"] = ignored
        if level == "strict":
            strict_match = m
            result["system"] = len(s_all)
            result["ignored"] = ignored
            ignored_idx = {free[k] for k in opt_m.values()}
            result["spurious"] = [
                sys_recs[j] for j in range(len(s_all)) if j not in used and j not in ignored_idx
            ]
            result["missed"] = [gold_recs[i] for i in range(len(g)) if i not in m]

    n = len(strict_match)
    years = sum(1 for i, j in strict_match.items() if _year(g[i].date) == _year(s_all[j].date))
    exact = sum(
        1 for i, j in strict_match.items() if (g[i].date or None) == (s_all[j].date or None)
    )
    result["date_year"] = round(years / n, 4) if n else 0.0
    result["date_exact"] = round(exact / n, 4) if n else 0.0
    result["matched"] = [
        {"gold": gold_recs[i], "system": sys_recs[j]} for i, j in sorted(strict_match.items())
    ]
    return result


def _year(date: str | None) -> str | None:
    return str(date)[:4] if date else None


def optional_path_for(gold_path: str | Path) -> Path | None:
    """``seed.jsonl`` → ``seed.optional.jsonl`` beside it, if it exists."""
    p = Path(gold_path)
    name = re.sub(r"\.jsonl$", "", p.name) + ".optional.jsonl"
    cand = p.with_name(name)
    return cand if cand.exists() and cand != p else None


def format_scores(result: Mapping[str, Any]) -> str:
    """A short human-readable table of a ``score`` result."""
    lines = [
        f"gold events: {result['gold']}   system events: {result['system']}"
        f"   ignored (optional): {result['ignored']}",
        f"{'level':<8}{'P':>8}{'R':>8}{'F1':>8}{'matches':>9}",
    ]
    for level in ("strict", "quad", "dyad"):
        r = result[level]
        lines.append(
            f"{level:<8}{r['precision']:>8.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}{r['matches']:>9}"
        )
    lines.append(f"date@year {result['date_year']:.3f}   date@exact {result['date_exact']:.3f}")
    return "\n".join(lines)


def evaluate_files(
    gold: str | Path,
    *,
    text: str | Path | None = None,
    system: str | Path | None = None,
    optional: str | Path | None = None,
    pubdate: str | None = None,
    model: str | None = None,
    coding: Coding | None = None,
) -> dict[str, Any]:
    """Score a system events file, or detente's extraction from ``text``, against ``gold``.

    ``coding`` passes ``nlp``/``people_index``/``conventions`` on to the extraction (users'
    dictionaries, coding conventions)."""
    gold_recs = load_jsonl(gold)
    opt_path = optional or optional_path_for(gold)
    opt_recs = load_jsonl(opt_path) if opt_path else []
    if system is not None:
        from detente.io import read_records

        sys_recs = list(read_records(system))
    else:
        from detente.extract import extract_documents
        from detente.io import iter_documents

        docs = iter_documents([str(text)], pubdate=pubdate)
        extractions = extract_documents(docs, model=model, **(coding or {}))
        sys_recs = [ev.to_record() for ex in extractions for ev in ex.events]
    return score(gold_recs, sys_recs, opt_recs)
