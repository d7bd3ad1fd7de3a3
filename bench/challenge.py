#!/usr/bin/env python3
"""Score eventline on the challenge set (tests/data/challenge.tsv; docs/evaluation.md §5).

Usage: bench/challenge.py BIN [--rules DIR] [--table TSV] [--min-recall R]
                              [--min-precision P] [--min-date D] [-q]

Each sentence is one JSONL document. Expected types are space-separated; "a|b" means either
type is right (neither is an unexpected row). A sentence with "-" must give no event.
Rows whose modality is negated, hypothetical, expected or denied are not events that happened
and are ignored (neither right nor wrong). Recall: expected types found / expected types.
Precision: rows of an expected type / all counted rows. Date accuracy: sentences with a
date whose first found expected row has that date_start and date_end ("..": an open start,
empty date_start).
Exit 1 when a --min-* floor is not reached (the ctest uses this), 2 on a run error.
Stdlib only.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

IGNORED_MODALITIES = {"negated", "hypothetical", "expected", "denied"}


def load_table(path):
    cases = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 5:
                sys.exit(f"{path}:{n}: expected 5 tab-separated columns, got {len(cols)}")
            sentence, pub, types, start, end = cols
            groups = [] if types == "-" else [set(g.split("|")) for g in types.split()]
            cases.append({"n": n, "sentence": sentence, "pub": pub, "groups": groups,
                          # ".." = an open start (an earlier event the text does not date)
                          "start": None if start == "-" else ("" if start == ".." else start),
                          "end": None if end == "-" else end})
    return cases


def run(binary, rules, cases):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for i, c in enumerate(cases):
            f.write(json.dumps({"id": str(i), "date": c["pub"], "text": c["sentence"]}) + "\n")
        path = f.name
    cmd = [binary, "extract", "--format", "jsonl", "--input", "jsonl", "-q", "-j", "1"]
    if rules:
        cmd += ["--no-builtin-rules"]
        for r in rules:
            cmd += ["--rules", r]
    cmd.append(path)
    try:
        out = subprocess.run(cmd, capture_output=True, text=True)
    finally:
        os.unlink(path)
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        sys.exit(2)
    rows = collections.defaultdict(list)
    for line in out.stdout.splitlines():
        r = json.loads(line)
        rows[int(r["doc_id"])].append(r)
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("binary")
    ap.add_argument("--rules", action="append", help="rules directory (implies --no-builtin-rules)")
    ap.add_argument("--table", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                    "..", "tests", "data", "challenge.tsv"))
    ap.add_argument("--min-recall", type=float)
    ap.add_argument("--min-precision", type=float)
    ap.add_argument("--min-date", type=float)
    ap.add_argument("-q", "--quiet", action="store_true", help="no list of misses")
    a = ap.parse_args()
    cases = load_table(a.table)
    rows = run(a.binary, a.rules, cases)

    exp = collections.Counter()
    hit = collections.Counter()
    fp = collections.Counter()
    good_rows = 0
    counted_rows = 0
    dates_total = dates_ok = 0
    misses, extras, bad_dates = [], [], []
    for i, c in enumerate(cases):
        got = [r for r in rows.get(i, []) if r["modality"] not in IGNORED_MODALITIES]
        allowed = set().union(*c["groups"]) if c["groups"] else set()
        counted_rows += len(got)
        for r in got:
            if r["event_type"] in allowed:
                good_rows += 1
            else:
                fp[r["event_type"]] += 1
                extras.append((c, r))
        got_types = {r["event_type"] for r in got}
        for g in c["groups"]:
            name = "|".join(sorted(g))
            exp[name] += 1
            if g & got_types:
                hit[name] += 1
            else:
                misses.append((c, name, sorted(got_types)))
        if c["start"] is not None:
            dates_total += 1
            first = [r for r in got if c["groups"] and r["event_type"] in c["groups"][0]]
            if first and (first[0]["date_start"] or "") == c["start"] and first[0]["date_end"] == c["end"]:
                dates_ok += 1
            else:
                bad_dates.append((c, first[0] if first else None))

    def pct(x, y):
        return 100.0 * x / y if y else 100.0

    print(f"{'type':28} {'expected':>8} {'found':>6} {'recall':>7} {'unexpected rows':>16}")
    for t in sorted(set(exp) | set(fp)):
        r = f"{pct(hit[t], exp[t]):6.1f}%" if exp[t] else "      -"
        print(f"{t:28} {exp[t]:8} {hit[t]:6} {r} {fp[t]:16}")
    recall = pct(sum(hit.values()), sum(exp.values()))
    precision = pct(good_rows, counted_rows)
    date_acc = pct(dates_ok, dates_total)
    none_cases = [c for c in cases if not c["groups"]]
    none_clean = sum(1 for i, c in enumerate(cases) if not c["groups"] and not any(
        r["modality"] not in IGNORED_MODALITIES for r in rows.get(i, [])))
    print(f"sentences {len(cases)} (no-event {len(none_cases)}, clean {none_clean})")
    print(f"recall {sum(hit.values())}/{sum(exp.values())} = {recall:.1f}%")
    print(f"precision {good_rows}/{counted_rows} rows = {precision:.1f}%")
    print(f"dates {dates_ok}/{dates_total} = {date_acc:.1f}%")
    if not a.quiet:
        print("\nmisses (line: expected | got types):")
        for c, name, got in misses:
            print(f"  {c['n']}: {name} | {' '.join(got) or '-'} | {c['sentence']}")
        print("\nunexpected rows (line: type rule modality | sentence):")
        for c, r in extras:
            print(f"  {c['n']}: {r['event_type']} {r['rule']} {r['modality']} | {c['sentence']}")
        print("\nwrong or missing dates (line: expected | got):")
        for c, r in bad_dates:
            g = f"{r['date_start']}..{r['date_end']} ({r['date_text'] or r['date_source']})" if r else "no row"
            print(f"  {c['n']}: {c['start']}..{c['end']} | {g} | {c['sentence']}")
    failed = []
    if a.min_recall is not None and recall < a.min_recall:
        failed.append(f"recall {recall:.1f}% < {a.min_recall}")
    if a.min_precision is not None and precision < a.min_precision:
        failed.append(f"precision {precision:.1f}% < {a.min_precision}")
    if a.min_date is not None and date_acc < a.min_date:
        failed.append(f"date accuracy {date_acc:.1f}% < {a.min_date}")
    for f in failed:
        print(f"FAIL: {f}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
