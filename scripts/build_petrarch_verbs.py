"""Compile PETRARCH's CAMEO verb dictionary into detente's packaged verb vocabulary.

    python scripts/build_petrarch_verbs.py [--dictionary PATH] [--out PATH]

Reads the PETRARCH-1-format CAMEO verb dictionary (``CAMEO.verbpatterns.150430.txt``,
openeventdata/petrarch2, MIT) with :mod:`detente.petrarch.verbs` (lemmas from spaCy's
rule lemmatizer, at build time only) and writes ``codebook/data/petrarch_verbs.json.gz``:

* ``slots``, ``seqs``: every distinct word slot and word sequence (a pattern's conditions),
  once;
* ``patterns``: every distinct converted :class:`~detente.nlp.patterns.VerbPattern`, once;
* ``verbs``: lemma → indices into ``patterns``, in the order they are tried (most specific
  first, the block default last);
* ``blocks``: lemma → the name of the verb block it came from (``PHYSICAL_CONFLICT``), so
  that the vetting file (``petrarch_verbs_vetting.yaml``) can decide by block;
* ``forms``: keys that are inflected forms ("met", "shot") → their lemma.

The runtime reads only this file (:mod:`detente.petrarch.vocabulary`); vetting is applied
when it is loaded, so a vetting decision needs no rebuild.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from detente.petrarch.verbs import load_verb_dictionary, spacy_lemmatizer, to_patterns
from detente.petrarch.vocabulary import encode_verbs

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DICT = (
    ROOT.parent / "shared/data/peers/petrarch2/dictionaries/CAMEO.verbpatterns.150430.txt"
)
DEFAULT_OUT = ROOT / "src/detente/codebook/data/petrarch_verbs.json.gz"


def _shared_dictionary() -> Path:
    for up in Path(__file__).resolve().parents:
        cand = up / "shared/data/peers/petrarch2/dictionaries/CAMEO.verbpatterns.150430.txt"
        if cand.is_file():
            return cand
    return DEFAULT_DICT


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dictionary", default=str(_shared_dictionary()))
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    a = ap.parse_args()
    d = load_verb_dictionary(a.dictionary)
    lemmatize = spacy_lemmatizer()
    names = d.block_names  # "PHYSICAL_CONFLICT", from "--- PHYSICAL_CONFLICT [190] ---"
    blocks: dict[str, str] = {}
    for v in d.verbs:
        for w in (v.verb, *v.forms):
            blocks.setdefault(lemmatize(w, "VERB"), names[v.block] if v.block < len(names) else "")
        blocks.setdefault(v.verb, names[v.block] if v.block < len(names) else "")
    pats = to_patterns(d, lemmatize)
    out = {
        "source": Path(a.dictionary).name,
        **encode_verbs(pats.verbs),
        "blocks": {k: blocks.get(k, "") for k in sorted(pats.verbs)},
        # Keys that are inflected forms ("met", "shot") and their lemmas: detente's own
        # lemma entry and a vetting decision on the lemma also govern the form.
        "forms": {k: lemmatize(k, "VERB") for k in sorted(pats.verbs) if lemmatize(k, "VERB") != k},
    }
    data = json.dumps(out, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    Path(a.out).write_bytes(gzip.compress(data.encode("utf-8"), mtime=0))
    print(
        f"{len(out['verbs'])} lemmas, {len(out['patterns'])} distinct patterns, "
        f"{sum(map(len, out['verbs'].values()))} alternatives; skipped {dict(d.skipped)} -> {a.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
