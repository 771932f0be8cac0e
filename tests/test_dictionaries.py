"""Users add actors and override codes with CSV, YAML or PETRARCH-format files."""

from __future__ import annotations

import pytest

from detente.dictionaries import load_actors, load_user_dictionaries
from detente.errors import InputError
from detente.extract import extract_documents
from detente.model import Document
from detente.nlp.pipeline import build_pipeline


def events_with(dicts, text):
    nlp = build_pipeline(lexicon=dicts.lexicon())
    (ex,) = extract_documents([Document("t", text)], nlp=nlp, people_index=dicts.people_index())
    return {(e.source, e.target, e.cameo) for e in ex.events}


@pytest.fixture(scope="module")
def csv_dicts(tmp_path_factory):
    d = tmp_path_factory.mktemp("dicts")
    f = d / "actors.csv"
    f.write_text(
        "text,code,sector,start,end\n"
        "Freedonia,FRE,,,\n"
        "Sylvania,SYL,,,\n"
        "Freedonian,FRE,,,\n"
        "Rufus Firefly,FREGOV,,1933-01-01,1933-12-31\n"
        "Soviet Union,SUN,,,\n",
        encoding="utf-8",
    )
    return load_user_dictionaries([f])


def test_csv_adds_countries(csv_dicts):
    assert ("FRE", "SYL", "190") in events_with(csv_dicts, "In 1933, Freedonia attacked Sylvania.")


def test_dated_official_resolves_within_his_term(csv_dicts):
    assert ("FREGOV", "SYL", "042") in events_with(
        csv_dicts, "In 1933, Rufus Firefly visited Sylvania."
    )
    assert not events_with(csv_dicts, "In 1950, Rufus Firefly visited Sylvania.")


def test_user_entry_overrides_a_packaged_code(csv_dicts):
    evs = events_with(csv_dicts, "In 1979, the Soviet Union invaded Afghanistan.")
    assert ("SUN", "AFG", "192") in evs


def test_yaml_mapping_and_petrarch_format(tmp_path):
    y = tmp_path / "a.yaml"
    y.write_text("Ruritania: RUR\nStrelsau: RURGOV\n", encoding="utf-8")
    p = tmp_path / "a.txt"
    p.write_text("GRAUSTARK [GRA]\nKING_DANILO [GRAGOV 19000101-19201231]\n", encoding="utf-8")
    dicts = load_user_dictionaries([y, p])
    assert ("RUR", "GRA", "111") in events_with(dicts, "In 1910, Ruritania condemned Graustark.")
    assert ("GRAGOV", "RURGOV", "042") in events_with(
        dicts, "In 1905, King Danilo visited Strelsau."
    )


def test_bad_dictionary_is_a_one_line_error_naming_the_file(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("name,value\nX,Y\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.csv"):
        load_actors(f)
    with pytest.raises(InputError, match=r"missing\.yaml"):
        load_actors(tmp_path / "missing.yaml")
