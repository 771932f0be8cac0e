#!/usr/bin/env python3
"""Build detente's CAMEO table and precompiled PETRARCH actor index from the shared sources.

Run from the repository root (the shared data folder sits beside the repository):

    python scripts/build_codebook.py [--shared ../shared/data]

Writes, under ``src/detente/codebook/data/``:

- ``cameo.tsv``: one row per CAMEO code: names (CAMEO 1.1b3 as in ICEWS, and GDELT's),
  Goldstein score (GDELT's table, the output contract), quad class (GDELT's convention),
  PLOVER event type/mode/context (2021 mapping), ICEWS description and usage notes.
- ``cameo2plover_2021.tsv``: a verbatim copy of the CC BY-SA 4.0 mapping it uses.
- ``petrarch_actors.json.gz``: the Phoenix actor dictionaries, parsed once (see
  ``detente.petrarch.actors``) so that loading them at run time is fast.
- ``agents_phoenix.tsv``: every role word of Phoenix.agents.txt with its sector.
- ``places_phoenix.tsv``: the other names of each country in Phoenix.Countries.actors.txt
  (cities, provinces, regions, foreign spellings) that ``countries.tsv`` lacks.
- ``actors_phoenix.tsv``: the named organisations of Phoenix.International.actors.txt and
  Phoenix.MilNonState.actors.txt (IGOs, NGOs, companies, armed groups) with their codes.

The script only reorganises facts from the source files; every choice it makes on top
of them is listed in ``data/SOURCE.md``.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "detente" / "codebook" / "data"
DEFAULT_SHARED = REPO.parent / "shared" / "data"

#: PLOVER (2021) drops CAMEO roots 01 and 02. These are the types we give them, each
#: justified from the PLOVER manual's own definitions (see data/SOURCE.md).
ROOT01_PLOVER = {
    # "REJECT: all rejections and refusals": a denial rejects an accusation.
    "016": "REJECT",
    # "SUPPORT: express support for, commend, approve policy, action, or actor".
    "018": "SUPPORT",
    "019": "SUPPORT",
}

CAMEO_COLUMNS = (
    "code",
    "root",
    "level",
    "name",
    "name_gdelt",
    "goldstein",
    "quad",
    "plover",
    "plover_mode",
    "plover_context",
    "description",
    "usage_notes",
)


def quad_gdelt(root: str) -> int:
    """GDELT's quad class of a CAMEO root (checked on real GDELT rows, see ontology/SOURCE.md)."""
    r = int(root)
    if r <= 5:
        return 1
    if r <= 9:
        return 2
    if r <= 14:
        return 3
    return 4


def _fix_mojibake(text: str) -> str:
    """Repair ICEWS's smart quotes: UTF-8 read as Mac Roman, then saved as cp1252."""

    def fix(m: re.Match[str]) -> str:
        s = m.group(0)
        try:
            return s.encode("mac_roman").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return s

    text = re.sub(r"[^\x00-\x7f]+", fix, text)
    for a, b in (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("—", " - "), ("–", "-")):
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", text).strip()


def _na(text: str) -> str:
    """ICEWS writes R's "NA" for a missing description."""
    return "" if text == "NA" else text


def read_icews(path: Path) -> dict[str, dict[str, str]]:
    raw = path.read_bytes().decode("cp1252", errors="replace")
    rows = {}
    for r in csv.DictReader(raw.splitlines()):
        rows[r["code"]] = {k: _fix_mojibake(v or "") for k, v in r.items()}
    return rows


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def build_cameo(shared: Path) -> list[dict[str, str]]:
    onto = shared / "ontology"
    codebook = read_tsv(onto / "cameo" / "derived" / "cameo_codebook.tsv")
    icews = read_icews(onto / "cameo" / "icews" / "cameo-codes.csv")
    gold = {
        r["CAMEOEVENTCODE"]: r["GOLDSTEINSCALE"]
        for r in read_tsv(onto / "cameo" / "gdelt" / "CAMEO.goldsteinscale.txt")
    }
    plover = {r["cameo"]: r for r in read_tsv(onto / "plover" / "cameo2plover_2021.tsv")}

    out = []
    for r in codebook:
        code = r["cameo"]
        root = r["root"]
        # GDELT's Goldstein table is the contract; a code GDELT lacks (1213) takes its
        # parent's GDELT value, as GDELT itself does for codes it does not list.
        g = gold.get(code) or gold.get(code[:3]) or gold[root]
        p = plover.get(code, {})
        ptype = p.get("plover_event", "")
        mode = p.get("plover_mode", "")
        ctx = p.get("plover_context", "")
        if ptype == "(dropped)" or root in ("01", "02"):
            ptype, mode, ctx = "", "", ""
            if root == "01":
                ptype = ROOT01_PLOVER.get(code, "")
            else:
                # CAMEO 02x (appeal) runs parallel to 10x (demand): 021x ~ 101x, 026 ~ 106 ...
                # PLOVER's REQUEST is "all requests, demands, and orders", and its manual
                # says SUPPORT is distinct from CAMEO APPEAL, "where the actor simply
                # requested support". So an appeal is a REQUEST with the 10x analogue's mode.
                twin = plover.get("10" + code[2:], {}) if len(code) > 2 else {}
                ptype = "REQUEST"
                mode = twin.get("plover_mode", "")
                ctx = twin.get("plover_context", "")
        if ptype == "CONCEDE;RETREAT":  # root 08 header covers both; the root itself concedes
            ptype = "CONCEDE"
        ic = icews.get(code, {})
        out.append(
            {
                "code": code,
                "root": root,
                "level": r["level"],
                "name": r["name_icews"] or r["name_gdelt"],
                "name_gdelt": r["name_gdelt"],
                "goldstein": f"{float(g):.1f}",
                "quad": str(quad_gdelt(root)),
                "plover": ptype,
                "plover_mode": mode,
                "plover_context": ctx,
                "description": _na(ic.get("description", "")),
                "usage_notes": _na(ic.get("usage_notes", "")),
            }
        )
    return out


def write_tsv(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    """Plain tab-separated lines, no quoting (values never hold tabs or newlines)."""
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("\t".join(columns) + "\n")
        for r in rows:
            values = [str(r.get(k, "")) for k in columns]
            if any("\t" in v or "\n" in v for v in values):
                raise ValueError(f"tab or newline in a value of {r.get('code')}")
            f.write("\t".join(values) + "\n")


#: Phoenix's religion codes (CAMEO's religious types) are detente's REL sector.
RELIGION_CODES = {"MUS", "CHR", "BUD", "HIN", "JEW", "CTH", "PRO", "SHI", "SUN", "SIK", "JAN"}


def phoenix_sector(code: str) -> str | None:
    """The primary sector of a Phoenix agent code (``~GOVDEV`` → GOV, ``~MUSRAD`` → REL);
    None for prefix codes (``IGO~``), which name no sector of a country."""
    if not code.startswith("~"):
        return None
    primary = code[1:4]
    if primary in RELIGION_CODES:
        return "REL"
    # Phoenix's "people" (men, women, persons) are CAMEO's civilians (GUIDE R5: CVL).
    return "CVL" if primary == "PPL" else primary or None


def build_agents(path: Path) -> list[dict[str, str]]:
    """Phoenix.agents.txt as rows (text, sector, phoenix); the first code of a phrase wins."""
    from detente.petrarch.agents import load_agent_dictionary

    rows: dict[str, dict[str, str]] = {}
    for e in load_agent_dictionary(path):
        sector = phoenix_sector(e.code)
        if sector and e.phrase not in rows and re.fullmatch(r"[a-z][a-z .'-]*", e.phrase):
            rows[e.phrase] = {"text": e.phrase, "sector": sector, "phoenix": e.code}
    return list(rows.values())


def organisation_code(code: str) -> str:
    """A Phoenix organisation code as detente codes it: a company of a country
    (``MNCUSAHLH``) is that country's business sector (``USABUS``, GUIDE R1/R5)."""
    if code.startswith("MNC") and len(code) >= 6 and code[3:6].isalpha():
        return code[3:6] + "BUS"
    return code


def build_organisations(paths: list[Path]) -> list[dict[str, str]]:
    """Named organisations (rows text, code, source) from Phoenix actor dictionaries.

    Only entries with a single, undated code: an entry with dated codes is a person whose
    office changes (resolved at the act's date by the people index, not by this table).
    Names with brackets or digits (embedded acronyms, file debris) are left out.
    """
    from detente.petrarch import actors as petrarch

    rows: dict[str, dict[str, str]] = {}
    for path in paths:
        for e in petrarch.load_actor_dictionary(path):
            if len(e.codes) != 1 or not e.codes[0].is_default:
                continue
            code = e.default_code
            if not code or not re.fullmatch(r"[A-Z]{3,12}", code):
                continue
            for name in e.names:
                if not re.fullmatch(r"[a-z][a-z .'&-]*[a-z.]", name) or len(name) < 3:
                    continue
                rows.setdefault(
                    name, {"text": name, "code": organisation_code(code), "source": path.name}
                )
    return list(rows.values())


def build_places(path: Path) -> list[dict[str, str]]:
    """Rows (text, code): every synonym of a country entry of Phoenix.Countries.actors.txt
    (an entry whose default code is a bare country) that ``countries.tsv`` does not have."""
    from detente.codebook.countries import country_lexicon
    from detente.petrarch import actors as petrarch

    known = {e.text.lower() for e in country_lexicon()}
    rows: dict[str, dict[str, str]] = {}
    for e in petrarch.load_actor_dictionary(path):
        code = e.default_code
        if not code or not re.fullmatch(r"[A-Z]{3}", code):
            continue
        for name in e.names:
            if name not in known and re.fullmatch(r"[a-z][a-z .'-]*[a-z]", name):
                rows.setdefault(name, {"text": name, "code": code})
    return list(rows.values())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="shared/data folder")
    args = ap.parse_args(argv)
    shared: Path = args.shared
    if not (shared / "ontology").is_dir():
        print(f"build_codebook: {shared}/ontology not found", file=sys.stderr)
        return 1
    DATA.mkdir(parents=True, exist_ok=True)

    rows = build_cameo(shared)
    write_tsv(DATA / "cameo.tsv", CAMEO_COLUMNS, rows)
    print(f"cameo.tsv: {len(rows)} codes", file=sys.stderr)

    shutil.copyfile(
        shared / "ontology" / "plover" / "cameo2plover_2021.tsv", DATA / "cameo2plover_2021.tsv"
    )

    # Imported here so that the CAMEO table can be rebuilt even if the package is broken.
    sys.path.insert(0, str(REPO / "src"))
    from detente.petrarch import actors as petrarch

    dicts = shared / "peers" / "petrarch2" / "dictionaries"
    n = petrarch.compile_actor_dictionaries(
        [
            dicts / "Phoenix.Countries.actors.txt",
            dicts / "Phoenix.International.actors.txt",
            dicts / "Phoenix.MilNonState.actors.txt",
        ],
        DATA / petrarch.PHOENIX_ACTORS_FILE,
    )
    print(f"{petrarch.PHOENIX_ACTORS_FILE}: {n} entries", file=sys.stderr)

    agents = build_agents(dicts / "Phoenix.agents.txt")
    write_tsv(DATA / "agents_phoenix.tsv", ("text", "sector", "phoenix"), agents)
    print(f"agents_phoenix.tsv: {len(agents)} role words", file=sys.stderr)
    places = build_places(dicts / "Phoenix.Countries.actors.txt")
    write_tsv(DATA / "places_phoenix.tsv", ("text", "code"), places)
    print(f"places_phoenix.tsv: {len(places)} place names", file=sys.stderr)
    orgs = build_organisations(
        [dicts / "Phoenix.International.actors.txt", dicts / "Phoenix.MilNonState.actors.txt"]
    )
    write_tsv(DATA / "actors_phoenix.tsv", ("text", "code", "source"), orgs)
    print(f"actors_phoenix.tsv: {len(orgs)} organisation names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
