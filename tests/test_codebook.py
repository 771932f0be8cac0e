"""Tests for detente.codebook: CAMEO table, lexicons, and the PETRARCH dictionary readers."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from detente.codebook import agents, cameo, countries, igos
from detente.petrarch import actors as petrarch
from detente.petrarch import agents as petrarch_agents
from detente.petrarch.actors import ActorIndex, DatedCode

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
PETR_DICTS = SHARED / "peers" / "petrarch2" / "dictionaries"
needs_shared = pytest.mark.skipif(
    not PETR_DICTS.is_dir(),
    reason="needs ../shared/data/peers (PETRARCH dictionaries; development data, not in a clone)",
)


# ------------------------------------------------------------------------------ CAMEO


def test_make_a_visit() -> None:
    info = cameo.cameo_info("042")
    assert info.name == "Make a visit"
    assert info.goldstein == 1.9
    assert info.quad == 1
    assert info.plover == "CONSULT"
    assert info.root == "04"
    assert info.exact


def test_four_digit_codes_exist_or_fall_back_to_parent() -> None:
    info = cameo.cameo_info("0874")
    assert info.code == "0874" and info.root == "08" and info.quad == 2
    assert info.plover == "RETREAT"
    # 0879 is not CAMEO: it takes 087's values, keeps its own code, and says so.
    odd = cameo.cameo_info("0879")
    parent = cameo.cameo_info("087")
    assert (odd.code, odd.exact) == ("0879", False)
    assert (odd.goldstein, odd.quad, odd.plover, odd.name) == (
        parent.goldstein,
        parent.quad,
        parent.plover,
        parent.name,
    )
    assert not cameo.is_valid("0879")
    assert cameo.is_valid("0874")


@pytest.mark.parametrize(
    ("code", "quad"),
    [("06", 2), ("061", 2), ("09", 2), ("090", 2), ("10", 3), ("14", 3), ("141", 3),
     ("15", 4), ("20", 4), ("204", 4), ("05", 1), ("057", 1)],
)  # fmt: skip
def test_quad_class_follows_gdelt(code: str, quad: int) -> None:
    assert cameo.cameo_info(code).quad == quad
    assert cameo.quad_class(code) == quad


def test_goldstein_is_gdelt_not_icews() -> None:
    # The two tables disagree on these; the contract is GDELT's.
    assert cameo.cameo_info("164").goldstein == -7.0
    assert cameo.cameo_info("016").goldstein == -2.0
    # 1213 is only in ICEWS: it gets its parent's GDELT score.
    assert cameo.cameo_info("1213").goldstein == cameo.cameo_info("121").goldstein


def test_names_are_cameo_not_gdelt_glitches() -> None:
    assert cameo.cameo_info("106").name == "Demand meeting, negotiation"
    assert "third" in cameo.cameo_info("044").name
    assert cameo.cameo_info("1056").name == "Demand de-escalation of military engagement"


def test_plover_for_roots_plover_dropped() -> None:
    assert cameo.cameo_info("020").plover == "REQUEST"
    assert cameo.cameo_info("0212").plover == "REQUEST"
    assert cameo.cameo_info("026").plover_mode == "meet"  # as its twin 106
    assert cameo.cameo_info("016").plover == "REJECT"
    assert cameo.cameo_info("019").plover == "SUPPORT"
    assert cameo.cameo_info("010").plover is None


def test_every_code_is_consistent() -> None:
    codes = cameo.all_codes()
    assert len(codes) == 312 and len(set(codes)) == 312
    for code in codes:
        info = cameo.cameo_info(code)
        assert info.root == code[:2]
        assert info.quad == cameo.quad_class(code)
        assert -10.0 <= info.goldstein <= 10.0
        assert info.level == len(code) - 2
        if not code.startswith("01"):
            assert info.plover, code


@pytest.mark.parametrize("bad", ["", "4", "x42", "04a", "21", "00", "999", "12345", "2099"])
def test_unknown_codes_raise_key_error(bad: str) -> None:
    with pytest.raises(KeyError):
        cameo.cameo_info(bad)
    assert not cameo.is_valid(bad)


# -------------------------------------------------------------------------- countries


def _lex() -> dict[str, countries.LexEntry]:
    return {e.text: e for e in countries.country_lexicon()}


def test_country_lexicon_demonyms_and_names() -> None:
    lex = _lex()
    assert (lex["Pakistani"].code, lex["Pakistani"].kind) == ("PAK", "demonym")
    assert lex["Pakistanis"].code == "PAK"
    assert lex["the Chinese"].code == "CHN"
    assert lex["Americans"].code == "USA"
    assert lex["Russians"].code == "RUS"
    assert lex["Britain"].code == "GBR"
    assert lex["U.S."].code == "USA"
    assert lex["UAE"].code == "ARE"
    assert lex["the Netherlands"].code == "NLD"


def test_soviet_names_are_russia() -> None:
    lex = _lex()
    for text in ("Soviet Union", "the Soviet Union", "USSR", "Soviet", "Soviets"):
        assert lex[text].code == "RUS", text
        assert lex[text].kind == "old"
    assert lex["Yugoslavia"].code == "SRB"
    assert lex["Burma"].code == "MMR"
    assert lex["Zaire"].code == "COD"
    assert lex["East Germany"].code == "DEU"


def test_capitals_bare_and_metonyms_with_sector() -> None:
    lex = _lex()
    assert (lex["Moscow"].code, lex["Moscow"].sector, lex["Moscow"].kind) == (
        "RUS",
        None,
        "capital",
    )
    assert lex["Islamabad"].code == "PAK"
    assert lex["New Delhi"].code == "IND" and lex["Delhi"].code == "IND"
    kremlin = lex["Kremlin"]
    assert (kremlin.code, kremlin.sector, kremlin.kind) == ("RUS", "GOV", "metonym")
    assert kremlin.actor_code == "RUSGOV"
    assert lex["the White House"].actor_code == "USAGOV"
    assert lex["the Pentagon"].actor_code == "USAMIL"
    assert lex["Downing Street"].actor_code == "GBRGOV"
    assert lex["Zhongnanhai"].actor_code == "CHNGOV"


def test_find_country_and_names() -> None:
    assert countries.find_country("the kremlin").actor_code == "RUSGOV"
    assert countries.find_country("The Soviet Union").code == "RUS"
    assert countries.find_country("the Pakistanis").code == "PAK"  # "the" is optional
    assert countries.find_country("Narnia") is None
    assert countries.country_name("PAK") == "Pakistan"
    assert countries.country_name("ROU") == "Romania"  # ISO3, not CAMEO's ROM
    with pytest.raises(KeyError):
        countries.country_name("ZZZ")


def test_lexicon_shape() -> None:
    entries = countries.country_lexicon()
    assert {e.kind for e in entries} <= set(countries.KINDS)
    texts = [e.text.lower() for e in entries]
    assert len(texts) == len(set(texts)), "one row per text"
    # every code is ISO3-shaped; CAMEO's non-ISO codes are gone
    codes = {e.code for e in entries}
    assert all(len(c) == 3 and c.isupper() for c in codes)
    assert not {"ROM", "TMP", "MTN", "IMY", "MEA", "AFR"} & codes
    # demonyms for (nearly) every state: spot-check a spread
    demonyms = {e.code for e in entries if e.kind == "demonym"}
    for code in ("AFG", "BRA", "EGY", "FJI", "KAZ", "MNG", "NGA", "NZL", "PER", "VNM", "ZWE"):
        assert code in demonyms, code


# ------------------------------------------------------------------------------- IGOs


def test_igos() -> None:
    lex = {e.text: e for e in igos.igo_lexicon()}
    assert lex["SCO"].code == "IGOSCO"
    assert lex["Shanghai Cooperation Organization"].code == "IGOSCO"
    assert lex["UN"].code == "IGOUNO"
    assert lex["UNSC"].code == "IGOUNO"
    assert lex["Security Council"].code == "IGOUNO"
    assert lex["Organisation of Islamic Cooperation"].code == "IGOOIC"
    assert lex["Organization of the Islamic Conference"].code == "IGOOIC"
    assert lex["SEATO"].code == "IGOSEATO"
    assert lex["CENTO"].code == "IGOCENTO"
    assert lex["NATO"].code == "IGONATO"
    assert lex["BRICS"].code == "IGOBRICS"
    assert all(e.code.startswith("IGO") for e in lex.values())


def test_igo_acronyms_are_case_sensitive() -> None:
    assert igos.find_igo("WHO").code == "IGOWHO"
    assert igos.find_igo("who") is None
    assert igos.find_igo("the warsaw pact").code == "IGOWAR"
    assert igos.igo_name("IGOSCO") == "Shanghai Cooperation Organisation"


# ----------------------------------------------------------------------------- agents


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("foreign secretary", "GOV"),
        ("Foreign  Secretary", "GOV"),
        ("prime minister", "GOV"),
        ("envoys", "GOV"),
        ("defence minister", "GOV"),
        ("chief of army staff", "MIL"),
        ("troops", "MIL"),
        ("commanders-in-chief", "MIL"),
        ("duma", "LEG"),
        ("lawmakers", "LEG"),
        ("business delegation", "BUS"),
        ("police", "COP"),
        ("supreme court", "JUD"),
        ("spy agency", "SPY"),
        ("mujahideen", "REB"),
        ("pilgrims", "CVL"),
        ("opposition", "OPP"),
        ("journalists", "MED"),
    ],
)
def test_agent_sectors(text: str, sector: str) -> None:
    assert agents.agent_sector(text) == sector


def test_agent_lexicon_shape() -> None:
    terms = agents.agent_lexicon()
    assert all(t.sector in agents.SECTORS for t in terms)
    assert all(t.text == t.text.lower().strip() for t in terms)
    assert agents.agent_sector("aardvark") is None


# ------------------------------------------------------------------ PETRARCH: synthetic

ACTORS = """\
<!-- a test dictionary
     spanning lines -->
# comment line
ERUSSIA_  [ERU]  # trailing comment
+ERUSSIAN
+ERU_CAPITAL ; old-style comment

JANE_Q_LEADER_
+PRESIDENT_LEADER
\t[ERUELI 450101-991231]
\t[ERUGOV 000101-041231]
\t[ERUGOV >20080101]
\t[ERUELI]

OLD_NAME_ONLY
NEW_ORG_NAME [IGOXYZ]

GHOST_ACTOR
\t[--- <950101]
\t[GHO]

BAD_DATES  [BAD 9008223-911221] [BAD2]
+BAD_SYNONYM
"""


def test_actor_dictionary_format(tmp_path: Path) -> None:
    path = tmp_path / "t.actors.txt"
    path.write_text(ACTORS, encoding="utf-8")
    entries = petrarch.load_actor_dictionary(path)
    by_name = {e.name: e for e in entries}
    assert by_name["erussia"].names == ("erussia", "erussian", "eru capital")
    assert by_name["erussia"].codes == (DatedCode("ERU"),)
    leader = by_name["jane q leader"]
    assert leader.names == ("jane q leader", "president leader")
    # YYMMDD: 45 → 1945, 99 → 1999; YYYYMMDD as is
    assert leader.codes[0] == DatedCode("ERUELI", "1945-01-01", "1999-12-31")
    assert leader.codes[2] == DatedCode("ERUGOV", "2008-01-01", None)
    assert leader.code_at("2002-06-01") == "ERUGOV"
    assert leader.code_at("2002") == "ERUGOV"
    assert leader.code_at("1980") == "ERUELI"
    assert leader.code_at("2006") == "ERUELI"  # no restriction: the default
    assert leader.code_at("2015-03") == "ERUGOV"
    assert leader.code_at(None) == "ERUELI"  # the undated default
    # a primary phrase with no code joins the next record
    assert by_name["old name only"].names == ("old name only", "new org name")
    assert by_name["old name only"].code_at(None) == "IGOXYZ"
    # the null code "---" means "not an actor" while it applies
    ghost = by_name["ghost actor"]
    assert ghost.code_at("1990") is None
    assert ghost.code_at("1999") == "GHO"
    # a malformed restriction is dropped alone; the rest of the record stays
    bad = by_name["bad dates"]
    assert bad.codes == (DatedCode("BAD2"),) and "bad synonym" in bad.names
    with pytest.raises(ValueError, match=r"t\.actors\.txt:\d+"):
        petrarch.load_actor_dictionary(path, strict=True)


def test_code_at_without_default_takes_latest() -> None:
    e = petrarch.ActorEntry(
        ("x",), (DatedCode("AAA", "1990-01-01", "1995-12-31"), DatedCode("BBB", "1996-01-01", None))
    )
    assert e.code_at(None) == "BBB"
    assert e.code_at("1993") == "AAA"
    assert e.code_at("1980") is None
    assert e.code_at("199") == "AAA"  # the 1990s: AAA covers 6 years, BBB 4


def test_dict_dates() -> None:
    assert petrarch.parse_dict_date("300101") == "2030-01-01"
    assert petrarch.parse_dict_date("310101") == "1931-01-01"
    assert petrarch.parse_dict_date("19990815") == "1999-08-15"
    assert petrarch.parse_dict_date("19990231") == "1999-02-28"  # clamped
    with pytest.raises(ValueError):
        petrarch.parse_dict_date("1999")


AGENTS = """\
!PERSON! = MAN, MEN, WOMAN
ENVOY [~GOV] # plain: regular plural made
SPY_AGENCY [~SPY]
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
BOX [~BOX]
ALLY [~ALY]
CHAMBER!PERSON! [~LEG]
HUMAN_RIGHTS_GROUP [NGO~]
# COMMENTED_OUT [~XXX]
"""


def test_agent_dictionary_format(tmp_path: Path) -> None:
    path = tmp_path / "t.agents.txt"
    path.write_text(AGENTS, encoding="utf-8")
    got = {(a.phrase, a.code, a.plural) for a in petrarch_agents.load_agent_dictionary(path)}
    assert ("envoy", "~GOV", False) in got and ("envoys", "~GOV", True) in got
    assert ("spy agencies", "~SPY", True) in got
    assert ("police", "~COP", False) in got
    assert not any(p == "polices" for p, _, _ in got)
    assert ("attorneys general", "~JUD", True) in got
    assert ("boxes", "~BOX", True) in got
    assert ("allies", "~ALY", True) in got
    assert {p for p, c, _ in got if c == "~LEG"} == {"chamberman", "chambermen", "chamberwoman"}
    assert not any(c == "~XXX" for _, c, _ in got)
    ngo = next(a for a in petrarch_agents.load_agent_dictionary(path) if a.code == "NGO~")
    assert ngo.is_prefix and ngo.sector == "NGO" and ngo.apply("PAK") == "NGOPAK"
    envoy = next(a for a in petrarch_agents.load_agent_dictionary(path) if a.phrase == "envoy")
    assert envoy.apply("PAK") == "PAKGOV"


def test_index_longest_match() -> None:
    entries = [
        petrarch.ActorEntry(("new york",), (DatedCode("USA"),)),
        petrarch.ActorEntry(("new york times",), (DatedCode("USAMED"),)),
        petrarch.ActorEntry(("ban ki-moon",), (DatedCode("IGOUNO", "2007-01-01", None),)),
    ]
    idx = ActorIndex.from_entries(entries)
    toks = ["The", "New", "York", "Times", "reported"]
    assert idx.longest_match(toks, 1) == (3, entries[1])
    assert idx.longest_match(["New", "York", "said"]) == (2, entries[0])
    assert idx.longest_match(toks, 0) is None
    # hyphenated names match whether the tokenizer split the hyphen or not
    assert idx.longest_match(["Ban", "Ki-moon", "said"]) == (2, entries[2])
    assert idx.longest_match(["Ban", "Ki", "-", "moon"]) == (4, entries[2])
    assert idx.lookup("ban ki-moon").code_at("2010") == "IGOUNO"


# ------------------------------------------------------------- PETRARCH: real files


@needs_shared
def test_phoenix_leader_dates_in_source_file() -> None:
    entries = petrarch.load_actor_dictionary(PETR_DICTS / "Phoenix.Countries.actors.txt")
    idx = ActorIndex.from_entries(entries)
    clinton = idx.lookup("Bill Clinton")
    assert clinton is not None
    assert clinton.code_at("1995-06-01") == "USAGOV"
    assert clinton.code_at("1998") == "USAGOV"
    assert clinton.code_at("1990") != "USAGOV"
    assert clinton.code_at("2005") != "USAGOV"
    assert idx.lookup("president clinton") is clinton


@needs_shared
def test_validate_dictionaries() -> None:
    entries = petrarch.load_actor_dictionary(PETR_DICTS / "PETR.Validate.actors.txt")
    idx = ActorIndex.from_entries(entries)
    assert idx.lookup("Arnor").code_at(None) == "ARN"
    assert idx.lookup("Minas Tirith").code_at(None) == "GON"  # a synonym of GONDOR
    gollum = idx.lookup("Smeagol")
    assert gollum.code_at("1990") == "HOB"
    assert gollum.code_at("1997-01-01") == "HOBGOV"
    assert gollum.code_at("2001") == "HOBREB"
    sam = idx.lookup("Sam Gamgee")
    assert sam.code_at("2010-01-10") == "ORCHOB"  # the narrower, earlier restriction wins
    assert sam.code_at("2011-05-05") == "HOBMIL"
    assert sam.code_at(None) == "HOB"
    assert idx.lookup("Prince of Dol Amroth").code_at("1990") is None  # null code ---
    assert idx.lookup("Interpol").code_at(None) == "IGOCOPITP"

    agents_ = petrarch_agents.load_agent_dictionary(PETR_DICTS / "PETR.Validate.agents.txt")
    codes = {a.phrase: a.code for a in agents_}
    assert codes["foreign minister"] == "~GOVFRM"
    assert codes["congresswomen"] == "~LEG"
    assert codes["ministries of silly walks"] == "~GOV"
    assert codes["golden geese"] == "~GGS"
    assert codes["human rights organization"] == "NGO~"

    discards = petrarch_agents.load_discards(PETR_DICTS / "PETR.Validate.discards.txt")
    assert petrarch_agents.Discard("baseball", False) in discards
    assert petrarch_agents.Discard("manchester united", True) in discards


# -------------------------------------------------------- PETRARCH: the shipped index


def test_shipped_phoenix_index_resolves_officials_by_date() -> None:
    t0 = time.perf_counter()
    idx = petrarch.phoenix_actor_index()
    assert time.perf_counter() - t0 < 5  # measured ~0.3 s; generous for slow CI
    assert len(idx) > 20000
    sharif = idx.lookup("Nawaz Sharif")
    assert sharif.code_at("1999") == "PAKGOV"
    assert sharif.code_at("1999-11") != "PAKGOV"  # ousted in October 1999
    assert sharif.code_at("2014") == "PAKGOV"
    n, entry = idx.longest_match(["President", "Bill", "Clinton", "visited"])
    assert n == 3 and entry.code_at("1999") == "USAGOV"
    assert idx.lookup("Pakistan").code_at(None) == "PAK"


# --------------------------------------------------------------------------- lexicon


def test_one_lexicon_entry_type() -> None:
    """The tables and the lexicon the actor component matches share one entry type."""
    from detente.codebook.lexicon import LexEntry, lexicon

    lex = lexicon()
    assert all(type(e) is LexEntry for e in lex)
    assert all(type(e) is LexEntry for e in countries.country_lexicon() + igos.igo_lexicon())
    by = {(e.text, e.kind): e for e in lex}
    assert by[("Kremlin", "metonym")].actor_code == "RUSGOV"
    assert by[("NATO", "igo")].actor_code == "IGONATO"
    assert by[("Sino", "combining")].code == "CHN"
    role = by[("foreign minister", "agent")]
    assert (role.code, role.sector, role.actor_code) == (None, "GOV", None)
    assert lex is lexicon()  # read once


def test_users_dictionary_entries_are_lexicon_entries(tmp_path) -> None:
    from detente.codebook.lexicon import LexEntry
    from detente.dictionaries import load_actors

    f = tmp_path / "mine.csv"
    f.write_text("text,code\nSomaliland,SOMREB\n", encoding="utf-8")
    (entry,) = load_actors(f).items
    assert entry == LexEntry("Somaliland", "SOM", "REB", "name")


def _duplicate_keys(text: str) -> list[str]:
    import yaml

    dups: list[str] = []

    class Loader(yaml.SafeLoader):
        pass

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
        keys = [str(loader.construct_object(k, deep=deep)) for k, _ in node.value]
        dups.extend(k for k in set(keys) if keys.count(k) > 1)
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    yaml.load(text, Loader=Loader)
    return dups


@pytest.mark.parametrize("name", ["event_patterns.yaml", "petrarch_verbs_vetting.yaml"])
def test_pattern_files_name_each_word_once(name: str) -> None:
    """YAML keeps the last of two equal keys silently: a verb written twice loses its first
    entry (it happened once when two branches added the same verb)."""
    from importlib import resources

    text = resources.files("detente.codebook").joinpath("data", name).read_text(encoding="utf-8")
    assert _duplicate_keys(text) == []
