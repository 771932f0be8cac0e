#!/usr/bin/env python3
"""Build ``src/detente/codebook/data/countries.tsv``: every way a text names a country.

Run from the repository root (the shared data folder sits beside the repository):

    python scripts/build_countries.py [--shared ../shared/data]

Merges, in this order (the first row for a text wins):

1. a canonical name per country (GeoNames' name unless overridden below),
2. GeoNames ``countryInfo.txt`` (CC BY 4.0): names and capitals,
3. GDELT's ``CAMEO.country.txt``: names, with CAMEO's non-ISO codes mapped to ISO 3166
   alpha-3 (the gold guide asks for ISO3) and its regions (Africa, Middle East …) left out,
4. ``data/countries_curated.tsv`` (hand-written): demonyms, short names, historical names,
   more capitals and the seats of government used as metonyms.

Output columns: ``text, code, sector, kind, source``; kind is one of name, short, old,
demonym, capital, metonym. When one text names two countries, the more populous one keeps
it (Kingston: Jamaica, not Norfolk Island) and the script says so on stderr.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "detente" / "codebook" / "data"
DEFAULT_SHARED = REPO.parent / "shared" / "data"

KINDS = ("name", "short", "old", "demonym", "capital", "metonym")

#: CAMEO codes that are not ISO 3166 alpha-3, and the ISO code that replaces them.
CAMEO_TO_ISO = {"ROM": "ROU", "TMP": "TLS", "MTN": "MNE", "IMY": "IMN", "WSB": "PSE", "GZS": "PSE"}
#: CAMEO's regional and sub-national codes: not countries.
CAMEO_REGIONS = {
    "AFR", "ASA", "BAG", "BLK", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR",
    "LAM", "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WST",
}  # fmt: skip
#: Misspellings and outdated labels in CAMEO.country.txt, not to be used as names.
CAMEO_BAD_LABELS = {"Columbia", "Runion", "Brunei Darussalam"}
CAMEO_OLD_LABELS = {"People's Republic of the Congo"}
#: GeoNames codes of states that no longer exist (their names are in the curated file).
GEONAMES_SKIP = {"SCG", "ANT"}
#: Canonical names where GeoNames' label is not the current English short name.
CANONICAL = {
    "MKD": "North Macedonia",
    "SWZ": "Eswatini",
    "PSE": "Palestine",
    "VAT": "Vatican City",
    "CZE": "Czech Republic",
    "UKR": "Ukraine",
}
#: Capitals that are also common personal or place names elsewhere: too ambiguous to ship.
CAPITAL_STOP = {"Victoria", "Hamilton", "Plymouth", "The Valley", "Stanley", "Douglas", "Jamestown"}


def read_geonames(path: Path) -> dict[str, dict[str, str]]:
    out = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            p = line.rstrip("\n").split("\t")
            if p[1] == "ISO3":  # the header line
                continue
            out[p[1]] = {
                "name": p[4].strip(),
                "capital": p[5].strip(),
                "population": p[7].strip() or "0",
            }
    return out


def read_cameo(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    return [(r[0].strip(), r[1].strip()) for r in rows[1:] if len(r) >= 2]


def read_curated(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for n, r in enumerate(rows, 2):
        if r["kind"] not in KINDS or len(r["code"]) != 3:
            raise ValueError(f"{path.name}: bad row {n}: {r}")
    return rows


def build(shared: Path) -> list[dict[str, str]]:
    geo = read_geonames(shared / "ontology" / "geo" / "countryInfo.txt")
    cameo = read_cameo(shared / "ontology" / "cameo" / "gdelt" / "CAMEO.country.txt")
    curated = read_curated(DATA / "countries_curated.tsv")
    population = {code: int(g["population"]) for code, g in geo.items()}

    candidates: list[dict[str, str]] = []

    def add(text: str, code: str, sector: str, kind: str, source: str) -> None:
        text = " ".join(text.split())
        if text:
            candidates.append(
                {"text": text, "code": code, "sector": sector, "kind": kind, "source": source}
            )

    cameo_codes = []
    for code, label in cameo:
        if code in CAMEO_REGIONS or code == "CODE":
            continue
        iso = CAMEO_TO_ISO.get(code, code)
        cameo_codes.append((iso, label, code))

    # 1. canonical names: every country code that either source knows
    codes = dict.fromkeys(
        [c for c in geo if c not in GEONAMES_SKIP] + [c for c, _, _ in cameo_codes]
    )
    cameo_label = {iso: label for iso, label, orig in cameo_codes if orig == iso}
    for code in codes:
        name = CANONICAL.get(code) or (geo[code]["name"] if code in geo else cameo_label.get(code))
        if name:
            add(name, code, "", "name", "canonical")
    # 2. GeoNames names and capitals
    for code, g in geo.items():
        if code in GEONAMES_SKIP:
            continue
        add(g["name"], code, "", "name", "geonames")
        if g["capital"] and g["capital"] not in CAPITAL_STOP:
            add(g["capital"], code, "", "capital", "geonames")
    # 3. CAMEO labels
    for iso, label, orig in cameo_codes:
        if label in CAMEO_BAD_LABELS:
            continue
        kind = "old" if label in CAMEO_OLD_LABELS else "name" if orig == iso else "short"
        add(label, iso, "", kind, "cameo")
    # 4. curated
    for r in curated:
        add(r["text"], r["code"], r["sector"], r["kind"], "curated")

    # One row per text: first row wins for the same code; between codes, the more
    # populous country keeps an ambiguous text.
    chosen: dict[str, dict[str, str]] = {}
    for row in candidates:
        key = row["text"].lower()
        old = chosen.get(key)
        if old is None:
            chosen[key] = row
        elif old["code"] != row["code"]:
            keep = max((old, row), key=lambda r: population.get(r["code"], 0))
            print(
                f"build_countries: {row['text']!r} names {old['code']} and {row['code']};"
                f" keeping {keep['code']}",
                file=sys.stderr,
            )
            chosen[key] = keep
    order = {id(r): i for i, r in enumerate(candidates)}
    return sorted(chosen.values(), key=lambda r: order[id(r)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="shared/data folder")
    args = ap.parse_args(argv)
    if not (args.shared / "ontology").is_dir():
        print(f"build_countries: {args.shared}/ontology not found", file=sys.stderr)
        return 1
    rows = build(args.shared)
    out = DATA / "countries.tsv"
    with out.open("w", encoding="utf-8", newline="") as f:
        f.write(
            "# Generated by scripts/build_countries.py; do not edit (edit countries_curated.tsv).\n"
        )
        w = csv.DictWriter(
            f,
            fieldnames=["text", "code", "sector", "kind", "source"],
            delimiter="\t",
            lineterminator="\n",
            quoting=csv.QUOTE_NONE,
        )
        w.writeheader()
        w.writerows(rows)
    print(
        f"countries.tsv: {len(rows)} rows, {len({r['code'] for r in rows})} codes", file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
