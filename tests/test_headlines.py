"""Title Case headlines are parsed from a re-cased copy; offsets and sentences stay original."""

from __future__ import annotations

import pytest

from detente.extract import extract_text
from detente.nlp.truecase import recase_headlines


def test_recasing_keeps_length_names_and_ordinary_sentences():
    head = "United States Imposes New Sanctions On North Korea In May"
    out = recase_headlines(head)
    assert len(out) == len(head)
    assert out == "United States imposes new sanctions on North Korea in May"
    prose = "In 1999, Pakistan's Prime Minister visited Moscow."
    assert recase_headlines(prose) == prose


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Egypt and Kenya Sign Trade Agreement", {("EGY", "KEN", "057"), ("KEN", "EGY", "057")}),
        ("Iran Commends France for Its Action", {("IRN", "FRA", "051")}),
        ("Canada City Blockaded by Turkish Troops", {("TURMIL", "CAN", "191")}),
    ],
)
def test_title_case_headlines_yield_events_with_original_sentences(headline, expected):
    evs = extract_text(headline + "\n\nThe story follows.", pubdate="2023-05-02")
    assert {(e.source, e.target, e.cameo) for e in evs} == expected
    assert all(e.sentence == headline for e in evs)
