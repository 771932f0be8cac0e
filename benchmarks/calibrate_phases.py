"""How often do phases find a change that is there, and one that is not?

Simulates sparse yearly dyads (30 years, Poisson numbers of events a year, each event drawn
with its Goldstein score and quad class from a pool of acts) with and without a change in
year 15, and counts how often ``detente.relations.phases`` (default penalty) finds a turning
point within one year of it, or any turning point in a series without change. The changes
are of rate, of tone, and of the *kind* of relation at constant tone and rate: from verbal
to material cooperation, the two pools having the same mean score.

    python benchmarks/calibrate_phases.py [--runs 200] [--seed 11]
"""

from __future__ import annotations

import argparse
from typing import Any

import numpy as np

from detente.relations import phases, series

Pool = list[tuple[float, int]]  # (Goldstein score, quad class) of acts, as in GDELT's table

#: Cooperative acts (visits, consultations, praise, intents, agreements, military cooperation).
COOP: Pool = [(1.9, 1), (1.9, 1), (3.4, 1), (1.0, 1), (4.0, 1), (8.0, 1), (7.4, 2), (5.2, 1)]
#: Conflictual acts (criticism, rejection, demands, threats, force, embargo, and a visit).
CONF: Pool = [(-2.0, 3), (-2.0, 3), (-4.0, 3), (-5.0, 3), (-7.0, 3), (-10.0, 4), (-8.0, 4)]
CONF += [(1.9, 1)]
#: Verbal cooperation (agreements, negotiations, intents, visits, praise) and material
#: cooperation (military and economic cooperation, yielding, military aid, an inquiry):
#: both pools have the same mean score, +5.56, so a change between them is a change of kind
#: at constant tone.
VERBAL: Pool = [(8.0, 1), (8.0, 1), (7.0, 1), (5.2, 1), (4.0, 1), (1.9, 1), (3.4, 1), (7.0, 1)]
MATERIAL: Pool = [(7.4, 2), (6.4, 2), (5.0, 2), (5.0, 2), (8.3, 2), (-2.0, 2), (7.4, 2), (7.0, 2)]
HALF = VERBAL + MATERIAL  # half verbal, half material cooperation, same mean
CASES = [  # label, rate before, rate after, pool before, pool after (None: no change)
    ("no change, cooperative, 1.5 a year", 1.5, None, COOP, None),
    ("no change, cooperative, 4 a year", 4.0, None, COOP, None),
    ("no change, conflictual, 1 a year", 1.0, None, CONF, None),
    ("no change, verbal+material, 2 a year", 2.0, None, HALF, None),
    ("no change, all four classes, 2 a year", 2.0, None, COOP + CONF, None),
    ("conflict to cooperation, 1 a year", 1.0, 1.0, CONF, COOP),
    ("cooperation, 0.5 to 2 a year", 0.5, 2.0, COOP, COOP),
    ("cooperation to conflict, 2 a year", 2.0, 2.0, COOP, CONF),
    ("verbal to material coop., 1 a year", 1.0, 1.0, VERBAL, MATERIAL),
    ("verbal to material coop., 2 a year", 2.0, 2.0, VERBAL, MATERIAL),
    ("verbal to half material, 2 a year", 2.0, 2.0, VERBAL, HALF),
    ("verbal to half material, 4 a year", 4.0, 4.0, VERBAL, HALF),
]


def simulate(rng: np.random.Generator, case: tuple, years: int = 30, at: int = 15) -> list[Any]:
    _, r1, r2, p1, p2 = case
    events = []
    for i in range(years):
        after = r2 is not None and i >= at
        pool = p2 if after else p1
        for _ in range(rng.poisson(r2 if after else r1)):
            g, quad = pool[int(rng.integers(len(pool)))]
            events.append(
                {"source": "AAA", "target": "BBB", "date": str(1980 + i), "goldstein": g,
                 "quad": quad, "negated": False, "cameo": "042"}
            )  # fmt: skip
    return events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    print(f"{'case':<40}{'events':>7}  result")
    for case in CASES:
        rng = np.random.default_rng(args.seed)  # each case its own stream: comparable runs
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
        print(f"{case[0]:<40}{sizes / args.runs:>7.1f}  {found / args.runs:.0%} {what}")


if __name__ == "__main__":
    main()
