"""Score detente on the development texts (../shared/data/dev), one process, one model load.

    python scripts/dev_eval.py [--dev ../shared/data/dev] [--errors SLUG|all] [--json]

Prints strict P/R/F1 per text and the mean strict F1 (the figure the issue tracks). The texts
are for measuring only: never write a rule for one of their sentences.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from detente.evaluation.events import load_jsonl, score
from detente.extract import extract_documents
from detente.model import Document


def _text(path: Path) -> str:
    # Each text starts with "URL: <address>" and a blank line (the dev README).
    lines = path.read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[2:]) if lines and lines[0].startswith("URL:") else "\n".join(lines)


def _default_dev() -> Path:
    """../shared/data/dev beside the checkout (or beside the main checkout for a worktree)."""
    for up in Path(__file__).resolve().parents:
        cand = up / "shared" / "data" / "dev"
        if cand.is_dir():
            return cand
    return Path("../shared/data/dev")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dev", default=str(_default_dev()))
    ap.add_argument("--errors", default=None, help="a slug, or 'all', to list misses and spurious")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    dev = Path(a.dev)
    manifest = json.loads((dev / "MANIFEST.json").read_text(encoding="utf-8"))
    docs = [
        Document(id=m["slug"], text=_text(dev / m["text"]), pubdate=m.get("pubdate"))
        for m in manifest
    ]
    events = {ex.document.id: [e.to_record() for e in ex.events] for ex in extract_documents(docs)}
    rows = []
    for m in manifest:
        gold = load_jsonl(dev / m["gold"])
        opt = load_jsonl(dev / m["optional"]) if m.get("optional") else []
        r = score(gold, events.get(m["slug"], []), opt)
        rows.append((m["slug"], r))
        s = r["strict"]
        print(
            f"{m['slug']:<36} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}"
            f"  gold {r['gold']:>3} sys {r['system']:>3}  date@y {r['date_year']:.2f}"
        )
        if a.errors in (m["slug"], "all"):
            for g in r["missed"]:
                print(f"   MISS {g['src']}->{g['tgt']} {g['cameo']} {g.get('date')} | {g['sent']}")
            for e in r["spurious"]:
                print(
                    f"   SPUR {e['source']}->{e['target']} {e['cameo']} {e.get('date')}"
                    f" [{e.get('trigger')}] | {e['sentence'][:140]!r}"
                )
    mean = sum(r["strict"]["f1"] for _, r in rows) / len(rows)
    tp = sum(r["strict"]["matches"] for _, r in rows)
    print(
        f"mean strict F1 {mean:.3f}   (micro matches {tp} / gold {sum(r['gold'] for _, r in rows)})"
    )
    if a.json:
        json.dump({s: r["strict"] for s, r in rows}, sys.stdout, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
