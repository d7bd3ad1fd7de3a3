#!/usr/bin/env python3
"""Guardian precision review: sample extracted events into a review sheet.

Sample mode (default): run `eventline extract --input jsonl --format jsonl`
over the Guardian dev JSONL (or read rows from --pred), draw N rows with a
fixed seed, and write a TSV review sheet OUTSIDE the repository (the sheet
quotes corpus sentences, which must never be committed).  Columns:

    event_id, event_type, date, location, sentence,      (what to judge)
    doc_id, pub_date, date_text, modality, rule,          (context)
    type_ok, date_ok, location_ok, note                   (filled by reviewer)

`date` is date_start, or "date_start..date_end" for an interval, followed by
[precision/source], e.g. "2022-03-01 [day/text]", "2022-03-04 [none/document]"
(no date in the text: the publication date stands in).  A reviewer writes y / n / ? (cannot tell) in each
*_ok column; location_ok is left empty when the row has no location.

`--exclude SHEET` (repeatable) leaves out every row whose sentence is on an
earlier sheet (judged or tuned on), so a fresh sheet is drawn from rows nobody
has read; the rows left out are counted on stderr.

Summary mode (--summarize SHEET): counts the judgements of a filled sheet and
prints precision per column and per event_type (y / (y + n); "?" and empty
cells are left out and counted separately).

Usage:
    sample_events.py --run build/eventline -o /tmp/review.tsv [-n 200]
    sample_events.py --pred rows.jsonl -o /tmp/review.tsv
    sample_events.py --run BIN --seed 7 --exclude /tmp/review.tsv -o /tmp/r7.tsv
    sample_events.py --summarize /tmp/review.tsv
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import random
import subprocess
import sys
import tempfile

DEFAULT_TEXTS = "/work/shared/corpus/dev/guardian_ukraine_2022_dev.jsonl"
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JUDGE = ["type_ok", "date_ok", "location_ok"]
COLUMNS = ["event_id", "event_type", "date", "location", "sentence",
           "doc_id", "pub_date", "date_text", "modality", "rule"] + JUDGE + [
           "note"]


def clean(value):
    if value is None:
        return ""
    return " ".join(str(value).split())


def date_cell(row):
    a, b = row.get("date_start"), row.get("date_end")
    tag = f"[{row.get('date_precision') or 'none'}/" \
          f"{row.get('date_source') or 'none'}]"
    if not a:
        return tag
    span = a if a == b or not b else f"{a}..{b}"
    return f"{span} {tag}"


def load_rows(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def sample(args):
    out = os.path.abspath(args.output)
    if out.startswith(REPO + os.sep):
        raise SystemExit("refusing to write the sheet inside the repository "
                         "(it quotes corpus text): choose e.g. /tmp/...")
    if args.run:
        fd, pred = tempfile.mkstemp(prefix="guardian-", suffix=".jsonl")
        os.close(fd)
        cmd = [args.run, "extract", args.texts, "--input", "jsonl",
               "--format", "jsonl", *args.run_arg]
        with open(pred, "wb") as fh:
            proc = subprocess.run(cmd, stdout=fh)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"eventline exited {proc.returncode}")
        rows = load_rows(pred)
        os.unlink(pred)
    else:
        rows = load_rows(args.pred)
    if args.types:
        wanted = set(args.types.split(","))
        rows = [r for r in rows if r.get("event_type") in wanted]
    excluded = 0
    if args.exclude:
        seen = set()
        for sheet in args.exclude:
            with open(sheet, encoding="utf-8", newline="") as fh:
                seen.update(r["sentence"] for r in csv.DictReader(fh, delimiter="\t"))
        kept = [r for r in rows if clean(r.get("sentence")) not in seen]
        excluded = len(rows) - len(kept)
        rows = kept
    n = min(args.n, len(rows))
    picked = random.Random(args.seed).sample(range(len(rows)), n)
    picked.sort()  # input order reads better than random order
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n",
                       quoting=csv.QUOTE_MINIMAL)
        w.writerow(COLUMNS)
        for i in picked:
            r = rows[i]
            w.writerow([clean(r.get("event_id")), clean(r.get("event_type")),
                        date_cell(r), clean(r.get("location")),
                        clean(r.get("sentence")), clean(r.get("doc_id")),
                        clean(r.get("pub_date")), clean(r.get("date_text")),
                        clean(r.get("modality")), clean(r.get("rule")),
                        "", "", "", ""])
    types = collections.Counter(rows[i].get("event_type") for i in picked)
    if args.exclude:
        sys.stderr.write(f"{excluded} rows left out (sentences on --exclude sheets)\n")
    sys.stderr.write(f"{len(rows)} rows, sampled {n} (seed {args.seed}) -> "
                     f"{out}\n  by type: " + ", ".join(
                         f"{t}={c}" for t, c in types.most_common()) + "\n")
    return 0


def summarize(path):
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    tally = collections.defaultdict(collections.Counter)  # (col, type) -> y/n/?
    for r in rows:
        for col in JUDGE:
            v = (r.get(col) or "").strip().lower()[:1]
            v = {"y": "y", "n": "n", "?": "?"}.get(v, "")
            for t in ("ALL", r.get("event_type") or "?"):
                tally[(col, t)][v or "empty"] += 1
    types = sorted({t for _, t in tally} - {"ALL"})
    print(f"{len(rows)} judged rows from {path}")
    hdr = f"{'event_type':<16} {'rows':>5}" + "".join(
        f" | {c:>11} {'y/(y+n)':>8} {'?':>3} {'-':>3}" for c in JUDGE)
    print(hdr)
    print("-" * len(hdr))
    for t in ["ALL"] + types:
        n = sum(tally[(JUDGE[0], t)].values())
        line = f"{t:<16} {n:>5}"
        for col in JUDGE:
            c = tally[(col, t)]
            yn = c["y"] + c["n"]
            p = f"{100.0 * c['y'] / yn:7.1f}%" if yn else "      - "
            line += f" | {str(c['y']) + '/' + str(yn):>11} {p:>8} " \
                    f"{c['?']:>3} {c['empty']:>3}"
        print(line)
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", metavar="BINARY", help="eventline binary to run")
    ap.add_argument("--run-arg", action="append", default=[], metavar="ARG",
                    help="extra argument for --run (repeatable)")
    ap.add_argument("--pred", metavar="JSONL",
                    help="read rows from this schema-v1 JSONL instead")
    ap.add_argument("--texts", default=DEFAULT_TEXTS,
                    help="input for --run (default: %(default)s)")
    ap.add_argument("-n", type=int, default=200, help="rows (default 200)")
    ap.add_argument("--seed", type=int, default=20220818,
                    help="sampling seed (default: %(default)s)")
    ap.add_argument("--types", help="comma list: sample only these types")
    ap.add_argument("--exclude", action="append", default=[], metavar="SHEET",
                    help="leave out rows whose sentence is on this sheet "
                         "(repeatable)")
    ap.add_argument("-o", "--output", help="review sheet TSV (outside repo)")
    ap.add_argument("--summarize", metavar="SHEET",
                    help="print precision from a filled review sheet")
    args = ap.parse_args(argv)
    if args.summarize:
        return summarize(args.summarize)
    if not args.output or not (args.run or args.pred):
        ap.error("sampling needs -o and one of --run / --pred")
    return sample(args)


if __name__ == "__main__":
    sys.exit(main())
