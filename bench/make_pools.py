#!/usr/bin/env python3
"""Draws evaluation pools from the bulk RSS corpus, reproducibly.

  python3 bench/make_pools.py war  --months 2023-05 --salt s29 --split 2 -o /tmp/s29/war
  python3 bench/make_pools.py war  --months 2023-06 -o /tmp/s29/war_2306
  python3 bench/make_pools.py gen  --months 2023-10 --salt s29 -n 20000 -o /tmp/s29/gen_2310
  python3 bench/make_pools.py all  --months 2022-01:2022-08 --salt s29 --head 8000 -o /tmp/s29/dates

A pool is a JSONL file of corpus records, as stored (`id`, `date`, `title`, `text`, ...): it
quotes the corpus, so it is written outside the repository. `war` keeps the items with at
least two distinct conflict words in title and text (WAR_WORDS); `gen` the others; `all`
every item. With `--split K` the items go by a salted hash of their id into K files
`OUT_0.jsonl` ... (file 0 is the design half by our convention, file 1 the held-out half);
with `-n N` the items are shuffled by the salt and the first N kept (`OUT.jsonl`); with
`--head N` they are ordered by the salted hash, the first N written to `OUT_head.jsonl` and the
rest to `OUT_rest.jsonl`. The same
corpus, months, kind and salt give the same pools byte for byte, so a pool lost with a
machine's /tmp is drawn again exactly (docs/evaluation.md, "Pools").
"""
import argparse
import hashlib
import json
import lzma
import random
import re
import sys

RSS = "/work/shared/corpus/bulk/rss/news_rss_{}.jsonl.xz"
WAR_WORDS = re.compile(
    r"\b(killed|kills?|killing|attack(?:s|ed)?|strikes?|struck|missiles?|drones?|shell(?:ed|ing)"
    r"|bomb(?:s|ed|ing)?|explosions?|blasts?|troops|soldiers|militants?|hostages?|gunmen|gunman"
    r"|airstrikes?|air strikes?|rockets?|army|forces|fighting|clashes|ceasefire|war|invasion"
    r"|shot dead|wounded|injured|militia|insurgents?|offensive|shooting|arrested|protesters?"
    r"|detained|abducted|kidnapped)\b", re.I)


def months(spec):
    """'2023-05' or '2022-01:2022-08' (inclusive) or a comma list of either."""
    out = []
    for part in spec.split(","):
        a, _, b = part.partition(":")
        y, m = map(int, a.split("-"))
        y2, m2 = map(int, (b or a).split("-"))
        while (y, m) <= (y2, m2):
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def is_war(rec):
    text = (rec.get("title") or "") + "\n" + (rec.get("text") or "")
    return len({w.lower() for w in WAR_WORDS.findall(text)}) >= 2


def salted(salt, key):
    return int(hashlib.sha1(f"{salt}:{key}".encode()).hexdigest()[:8], 16)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kind", choices=["war", "gen", "all"])
    ap.add_argument("--months", required=True)
    ap.add_argument("--salt", default="pool")
    ap.add_argument("--split", type=int, default=0, help="K files by salted id hash")
    ap.add_argument("-n", type=int, default=0, help="keep N items, shuffled by the salt")
    ap.add_argument("--head", type=int, default=0,
                    help="order by salted id hash: first N to OUT_head, the rest to OUT_rest")
    ap.add_argument("-o", "--out", required=True, help="output path without .jsonl")
    a = ap.parse_args()
    keep = {"war": is_war, "gen": lambda r: not is_war(r), "all": lambda r: True}[a.kind]
    lines = []
    for m in months(a.months):
        with lzma.open(RSS.format(m), "rt", encoding="utf-8") as f:
            lines += [line for line in f if keep(json.loads(line))]
    if a.split > 1:
        parts = [[] for _ in range(a.split)]
        for line in lines:
            parts[salted(a.salt, json.loads(line)["id"]) % a.split].append(line)
        for i, part in enumerate(parts):
            with open(f"{a.out}_{i}.jsonl", "w", encoding="utf-8") as f:
                f.writelines(part)
            print(f"{a.out}_{i}.jsonl\t{len(part)}", file=sys.stderr)
        return
    if a.head:
        lines.sort(key=lambda line: salted(a.salt, json.loads(line)["id"]))
        for name, part in (("head", lines[:a.head]), ("rest", lines[a.head:])):
            with open(f"{a.out}_{name}.jsonl", "w", encoding="utf-8") as f:
                f.writelines(part)
            print(f"{a.out}_{name}.jsonl\t{len(part)}", file=sys.stderr)
        return
    if a.n:
        random.Random(a.salt).shuffle(lines)
        lines = lines[:a.n]
    with open(f"{a.out}.jsonl", "w", encoding="utf-8") as f:
        f.writelines(lines)
    print(f"{a.out}.jsonl\t{len(lines)}", file=sys.stderr)


if __name__ == "__main__":
    main()
