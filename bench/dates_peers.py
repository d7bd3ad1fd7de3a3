#!/usr/bin/env python3
"""dateparser (Debian python3-dateparser) on the date table: agreement with the
expected start date, and sentences per second. Usage: dates_peers.py CASES.tsv"""
import datetime as dt
import json
import sys
import time
import warnings

warnings.filterwarnings("ignore")
from dateparser.search import search_dates  # noqa: E402

cases = []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if line.startswith("#") or not line.strip():
            continue
        p = line.rstrip("\n").split("\t")
        cases.append((p[0], p[1], p[2], p[3]))

agree = 0
t0 = time.process_time()  # CPU seconds, as for eventline
for text, ref, phrase, start in cases:
    base = dt.datetime.fromisoformat(ref + "T12:00:00")
    try:
        r = search_dates(text, languages=["en"],
                         settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    except Exception:  # dateparser raises on some inputs
        r = None
    if phrase == "-":
        agree += not r
    elif r and r[0][1].date().isoformat() == start:
        agree += 1
secs = time.process_time() - t0
print(json.dumps({"tool": "dateparser", "cases": len(cases), "agree": agree,
                  "sentences_per_s": len(cases) / secs}))
