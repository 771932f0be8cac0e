"""How often do phases find a change that is there, and one that is not?

Simulates sparse yearly dyads (30 years, Poisson numbers of events a year, Goldstein scores
drawn from a pool of cooperative or conflictual acts) with and without a change in year 15,
and counts how often ``detente.relations.phases`` (default penalty) finds a turning point
within one year of it, or any turning point in a series without change.

    python benchmarks/calibrate_phases.py [--runs 200] [--seed 11]
"""

from __future__ import annotations

import argparse
from typing import Any

import numpy as np

from detente.relations import phases, series

#: Scores of cooperative acts (visits, praise, consultations, intents, agreements, military
#: cooperation) and of conflictual ones (criticism, rejection, threats, force, and a visit).
COOP = [1.9, 1.9, 3.4, 1.0, 4.0, 8.0, 7.4, 5.2]
CONF = [-2.0, -2.0, -4.0, -5.0, -7.0, -10.0, -8.0, 1.9]
CASES = [  # label, rate before, rate after, pool before, pool after (None: no change)
    ("no change, cooperative, 1.5 a year", 1.5, None, COOP, None),
    ("no change, conflictual, 1 a year", 1.0, None, CONF, None),
    ("conflict to cooperation, 1 a year", 1.0, 1.0, CONF, COOP),
    ("cooperation, 0.5 to 2 a year", 0.5, 2.0, COOP, COOP),
    ("cooperation to conflict, 2 a year", 2.0, 2.0, COOP, CONF),
]


def simulate(rng: np.random.Generator, case: tuple, years: int = 30, at: int = 15) -> list[Any]:
    _, r1, r2, p1, p2 = case
    events = []
    for i in range(years):
        after = r2 is not None and i >= at
        for _ in range(rng.poisson(r2 if after else r1)):
            g = float(rng.choice(p2 if after else p1))
            events.append(
                {"source": "AAA", "target": "BBB", "date": str(1980 + i), "goldstein": g,
                 "quad": 1 if g >= 0 else 3, "negated": False, "cameo": "042"}
            )  # fmt: skip
    return events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    print(f"{'case':<38}{'events':>7}  result")
    for case in CASES:
        found = sizes = 0
        for _ in range(args.runs):
            events = simulate(rng, case)
            sizes += len(events)
            turns = phases(series(events, "AAA", "BBB")).turning_points
            if case[2] is None:
                found += bool(turns)
            else:
                found += any(abs(int(t.period) - 1995) <= 1 for t in turns)
        what = "a spurious turning point" if case[2] is None else "found within one year"
        print(f"{case[0]:<38}{sizes / args.runs:>7.1f}  {found / args.runs:.0%} {what}")


if __name__ == "__main__":
    main()
