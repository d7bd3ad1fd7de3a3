#!/usr/bin/env python3
"""Scores `eventline dates` against a date table (tests/data/dates_*.tsv).

  python3 bench/dates_table.py BIN [TABLE ...] [-- extra eventline args]

A row is "right" when a phrase found in its sentence has the expected text,
start, end, precision and (unless the table says '*') alternative; a '-' row
is right when nothing is found. "dates right" relaxes the text: any phrase
overlapping the expected one with the right interval and precision; "interval
right" relaxes the precision too (start and end only); "first start right" is
bench_dates.sh's agreement (the first phrase found starts on the expected
start date), the figure the peers get. Failures are listed.
"""
import csv
import io
import json
import subprocess
import sys

args = sys.argv[1:]
extra = []
if "--" in args:
    i = args.index("--")
    args, extra = args[:i], args[i + 1:]
binary, tables = args[0], args[1:] or ["tests/data/dates_phrases.tsv"]
rows = []
for t in tables:
    for line in open(t, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            f = line.rstrip("\n").split("\t")
            rows.append((f + [""] * 7)[:7])
jsonl = "".join(json.dumps({"id": str(i), "date": r[1], "text": r[0]}) + "\n"
                for i, r in enumerate(rows))
res = subprocess.run([binary, "dates", "--input", "jsonl", "-j1", "-q", *extra, "-"],
                     input=jsonl, capture_output=True, text=True, check=True)
found = {}
for g in csv.DictReader(io.StringIO(res.stdout)):
    found.setdefault(int(g["doc_id"]), []).append(g)
right = loose = span_ok = first = 0
for i, (sent, pub, text, s, e, prec, alt) in enumerate(rows):
    got = found.get(i, [])
    shown = "; ".join(f"[{g['date_text']}] {g['date_start']}..{g['date_end']} {g['date_precision']}"
                      + (f" alt {g['date_alternative']}" if g["date_alternative"] else "")
                      for g in got)
    # as bench_dates.sh scores the peers: the first phrase's start is the expected start
    lead = sorted(got, key=lambda g: int(g["byte_start"]))
    first += (not got) if text == "-" else bool(lead) and lead[0]["date_start"] == s
    if text == "-":
        ok = not got
        right += ok
        loose += ok
        span_ok += ok
    else:
        b = sent.find(text)
        span = (b, b + len(text))

        def same(g):
            return (g["date_start"] == s and g["date_end"] == e and g["date_precision"] == prec
                    and (alt == "*" or g["date_alternative"] == alt))
        ok = any(" ".join(g["date_text"].split()) == " ".join(text.split()) and same(g)
                 for g in got)
        lo = ok or any(same(g) and int(g["byte_start"]) < len(sent[:span[1]].encode())
                       and int(g["byte_end"]) > len(sent[:span[0]].encode()) for g in got)
        sp = lo or any(g["date_start"] == s and g["date_end"] == e
                       and int(g["byte_start"]) < len(sent[:span[1]].encode())
                       and int(g["byte_end"]) > len(sent[:span[0]].encode()) for g in got)
        right += ok
        loose += lo
        span_ok += sp
    if not ok:
        want = "nothing" if text == "-" else f"[{text}] {s}..{e} {prec}" + (f" alt {alt}" if alt not in ("", "*") else "")
        print(f"FAIL {pub} {sent!r}\n     want {want}\n     got  {shown or 'nothing'}")
print(f"{right} of {len(rows)} right, {loose} dates right (text relaxed), "
      f"{span_ok} interval right (precision relaxed too), {first} first start right")
