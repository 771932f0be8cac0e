"""The scorer follows GUIDE.md: quote containment, actor prefixes, roots, one-to-one."""

from __future__ import annotations

from detente.evaluation.events import normalise_quote, score


def gold(sent, src, tgt, cameo, date=None, neg=False):
    return {
        "sent": sent,
        "src": src,
        "tgt": tgt,
        "cameo": cameo,
        "root": cameo[:2],
        "neg": neg,
        "date": date,
    }


def system(sentence, source, target, cameo, date=None, negated=False):
    return {"sentence": sentence, "source": source, "target": target, "cameo": cameo,
            "root": cameo[:2], "negated": negated, "date": date}  # fmt: skip


S1 = "In 1962, the Soviet Union’s “envoy” visited Havana, and Cuba praised Moscow."


def test_quotes_match_after_dropping_case_punctuation_and_quote_marks():
    assert normalise_quote("the Soviet Union's envoy") in normalise_quote(S1)
    r = score([gold("soviet union's envoy visited Havana", "RUSGOV", "CUB", "042")],
              [system(S1, "RUS", "CUB", "043")])  # fmt: skip
    assert r["strict"]["matches"] == 1  # same root 04, sectors ignored


def test_roots_quads_and_dyads_are_separate_levels():
    g = [gold("Cuba praised Moscow", "CUB", "RUS", "051")]
    wrong_root = [system(S1, "CUB", "RUS", "036")]  # root 03, same quad 1
    r = score(g, wrong_root)
    assert (r["strict"]["matches"], r["quad"]["matches"], r["dyad"]["matches"]) == (0, 1, 1)
    reversed_ = [system(S1, "RUS", "CUB", "190")]
    r = score(g, reversed_)
    assert (r["strict"]["matches"], r["quad"]["matches"], r["dyad"]["matches"]) == (0, 0, 1)


def test_negation_must_agree_and_igo_codes_compare_whole():
    g = [gold("Cuba praised Moscow", "IGOUNO", "CUB", "051", neg=True)]
    assert score(g, [system(S1, "IGOUNOSEC", "CUB", "051", negated=True)])["strict"]["matches"] == 0
    assert score(g, [system(S1, "IGOUNO", "CUB", "051", negated=False)])["strict"]["matches"] == 0
    assert score(g, [system(S1, "IGOUNO", "CUB", "051", negated=True)])["strict"]["matches"] == 1


def test_matching_is_one_to_one_and_prefers_agreeing_dates():
    g = [
        gold("visited Havana", "RUS", "CUB", "042", "1962"),
        gold("visited Havana", "RUS", "CUB", "040", "1963"),
    ]
    s = [system(S1, "RUS", "CUB", "042", "1963"), system(S1, "RUS", "CUB", "046", "1962")]
    r = score(g, s)
    assert r["strict"]["matches"] == 2
    assert r["date_year"] == 1.0  # each gold paired with the system event of its own year
    r = score(g, s[:1])
    assert (
        r["strict"]["matches"] == 1
        and r["strict"]["precision"] == 1.0
        and r["strict"]["recall"] == 0.5
    )


def test_optional_events_are_left_out_of_precision():
    g = [gold("visited Havana", "RUS", "CUB", "042")]
    opt = [gold("Cuba praised Moscow", "CUB", "RUS", "051")]
    s = [
        system(S1, "RUS", "CUB", "042"),
        system(S1, "CUB", "RUS", "051"),
        system(S1, "USA", "CUB", "163"),
    ]
    r = score(g, s, opt)
    assert r["ignored"] == 1
    assert r["strict"]["precision"] == 0.5  # 1 match of 2 counted events
    assert [e["source"] for e in r["spurious"]] == ["USA"]
