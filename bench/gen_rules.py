#!/usr/bin/env python3
"""Write a rules directory with N generated event rules, for bench_rules.sh.

  bench/gen_rules.py OUT_DIR [--rules 1000] [--no-trigger]

Each rule has the shape real rules have: an actor, a trigger word, an
optional particle and a target (`(?P<actor>...)\\s+(?P<trigger>WORD)\\s+...`),
with a distinct made-up trigger word per rule plus a few real verbs so some
rules fire. With --no-trigger the trigger group is dropped, so the set
prefilter has to hold whole patterns (the slow shape DESIGN.md warns of).
Deterministic: same arguments, same files.
"""
import argparse
import os
import random

REAL_VERBS = ["shelled", "attacked", "captured", "bombed", "seized", "struck", "hit",
              "said", "killed", "fired", "destroyed", "launched"]


def word(rng, i):
    syll = ["ka", "lo", "mi", "ren", "tu", "vas", "zor", "pel", "qui", "dan"]
    return "".join(rng.choice(syll) for _ in range(3)) + str(i)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--rules", type=int, default=1000)
    ap.add_argument("--no-trigger", action="store_true")
    a = ap.parse_args()
    rng = random.Random(42)
    os.makedirs(os.path.join(a.out, "events"), exist_ok=True)
    os.makedirs(os.path.join(a.out, "lexicons"), exist_ok=True)
    with open(os.path.join(a.out, "types.yaml"), "w") as f:
        f.write("types:\n  - name: generated\n")
    with open(os.path.join(a.out, "lexicons", "gen_force.txt"), "w") as f:
        f.write("\n".join(["troops", "forces", "soldiers", "militants", "rebels", "police",
                           "the army", "armed men", "artillery units", "drones"]) + "\n")
    per_file = 100
    for start in range(0, a.rules, per_file):
        with open(os.path.join(a.out, "events", f"gen_{start // per_file:04d}.yaml"), "w") as f:
            f.write("kind: event\nrules:\n")
            for i in range(start, min(a.rules, start + per_file)):
                trig = REAL_VERBS[i % len(REAL_VERBS)] if i % 50 == 0 else word(rng, i)
                t = "{}" if a.no_trigger else "(?P<trigger>{})"
                core = t.format(trig)
                pat = (r"(?P<actor>{GEN_FORCE}|\w+)\s+(?:have\s+|had\s+)?" + core +
                       r"\s+(?:on\s+|at\s+)?(?P<target>(?:the\s+)?\w+(?:\s+\w+)?)")
                f.write(f"  - id: gen.r{i:05d}\n    type: generated\n    pattern: '{pat}'\n"
                        f"    examples: [Troops {trig} the depot.]\n")


if __name__ == "__main__":
    main()
