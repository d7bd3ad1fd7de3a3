#!/usr/bin/env python3
"""Guardian recall review: sample sentences into a sheet of gold event mentions.

Sample mode (default): run `eventline sentences --format jsonl` and
`eventline extract --format jsonl` over the Guardian dev JSONL, draw N
sentences with a fixed seed -- half from sentences holding a conflict keyword
(stratum "kw"), half from the others ("other"), so the sheet is not mostly
empty -- and write a TSV sheet OUTSIDE the repository (it quotes corpus
sentences, which must never be committed).  Columns:

    doc_id, sentence_index, stratum, pub_date, sentence,   (what to judge)
    found_types, found,                                   (eventline's rows)
    gold_events, missed, note                             (filled by the judge)

`found_types` lists the event_type of every row eventline wrote for the
sentence (space separated, repeated when several rows); `found` shows each
row as `type[rule: trigger text|modality]`.  A casualty phrase folded into
a violent event's row (its fatalities/injured set, or a vague toll kept as a
quantity "dozens killed", docs/design.md) is listed as a `casualties` entry
too, so a gold casualty mention there counts found.

The judge writes in `gold_events` the event types of every real-world event
mention a careful analyst would record from that sentence (types of
rules/types.yaml, docs/output.md), space separated, a type repeated once per
distinct mention ("shelling casualties casualties"); "-" for a sentence with
none.  A mention whose type is open between close types is written with
"|" ("air_strike|explosion"): a row of either type finds it.  `missed` holds, for each gold mention eventline did not find, the
cause as `type=category: detail` separated by ";" (--summarize counts the
categories, e.g. nominal, passive, participle, gerund, lexicon, verb).

Summary mode (--summarize SHEET): recall = gold mentions found with the right
type / gold mentions, overall, per stratum and per type.  A gold mention is
found when eventline wrote a row of its type for the sentence (multiset
intersection of gold_events and found_types; single types are matched
first, then "|" alternatives).  Also the miss causes counted.

Refresh mode (--refresh SHEET): re-run eventline and rewrite found_types and
found of an existing sheet, keeping the judge's columns (checks that each
sentence still has the same text).

`--exclude SHEET` (repeatable) leaves out every sentence whose text is on an
earlier sheet, so a fresh sheet drawn after tuning on those is held out (the
live blogs repeat sentences, so a new seed alone does not guarantee it).

Usage:
    recall_sample.py --run build/release/eventline -o /tmp/recall.tsv [-n 150]
    recall_sample.py --run BIN --seed 13 --exclude /tmp/recall.tsv -o /tmp/r13.tsv
    recall_sample.py --summarize /tmp/recall.tsv
    recall_sample.py --run BIN --run-arg=--no-builtin-rules \\
        --run-arg=--rules=rules --refresh /tmp/recall.tsv -o /tmp/recall2.tsv
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile

DEFAULT_TEXTS = "/work/shared/corpus/dev/guardian_ukraine_2022_dev.jsonl"
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLUMNS = ["doc_id", "sentence_index", "stratum", "pub_date", "sentence",
           "found_types", "found", "gold_events", "missed", "note"]
# Words that make a sentence likely to report a conflict event (stratum kw).
KEYWORD = re.compile(
    r"\b(?:shell\w*|strik\w*|struck|attack\w*|kill\w*|dead|died|wound\w*|"
    r"injur\w*|missile\w*|rocket\w*|bomb\w*|drone\w*|artillery|troops|"
    r"forces|soldiers|fight\w*|battle\w*|offensive|captur\w*|seiz\w*|"
    r"retak\w*|recaptur\w*|liberat\w*|withdr\w*|retreat\w*|explosion\w*|"
    r"blast\w*|explod\w*|destroy\w*|shot|fire[ds]?|siege|besieg\w*|"
    r"blockad\w*|annex\w*|surrender\w*|arrest\w*|detain\w*|protest\w*|"
    r"ceasefire|truce|deploy\w*|mobilis\w*|mobiliz\w*|hostage\w*|"
    r"kidnap\w*|abduct\w*|mutin\w*|desert\w*|downed|sunk|sank|pounded|"
    r"hit|targeted|raid\w*|ambush\w*|invad\w*|invasion|occup\w*)\b",
    re.IGNORECASE)


def clean(value):
    if value is None:
        return ""
    return " ".join(str(value).split())


def outside_repo(path):
    out = os.path.abspath(path)
    if out == REPO or out.startswith(REPO + os.sep):
        raise SystemExit("refusing to write the sheet inside the repository "
                         "(it quotes corpus text): choose e.g. /tmp/...")
    return out


def run_jsonl(args, command):
    fd, tmp = tempfile.mkstemp(prefix=f"recall-{command}-", suffix=".jsonl")
    os.close(fd)
    cmd = [args.run, command, args.texts, "--input", "jsonl", "--format",
           "jsonl"]
    if command == "extract":
        cmd += args.run_arg
    with open(tmp, "wb") as fh:
        proc = subprocess.run(cmd, stdout=fh)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"eventline {command} exited {proc.returncode}")
    rows = []
    with open(tmp, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
    os.unlink(tmp)
    return rows


def load_docs(path):
    docs = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                docs[str(d.get("id"))] = d
    return docs


def found_by_sentence(args, docs):
    """(doc_id, sentence_index) -> list of (type, description)."""
    found = collections.defaultdict(list)
    for r in run_jsonl(args, "extract"):
        key = (str(r.get("doc_id")), int(r.get("sentence_index") or 0))
        text = (docs.get(key[0]) or {}).get("text") or ""
        b = text.encode("utf-8")
        trig = b[r.get("byte_start") or 0:r.get("byte_end") or 0].decode(
            "utf-8", "replace")
        mod = r.get("modality") or ""
        desc = f"{r.get('event_type')}[{r.get('rule')}: {clean(trig)}" + (
            f"|{mod}]" if mod and mod != "asserted" else "]")
        found[key].append((r.get("event_type") or "", desc))
        # A casualty phrase in a sentence with a violent event sets that
        # row's counts instead of giving a row (docs/design.md): count it.
        # A vague toll ("dozens killed") folds as a quantity without a
        # value whose text ends in "killed" / "injured" (assemble.cpp): the
        # mention is on the row too (h-recall27).
        vague = any(q.get("value") is None and
                    str(q.get("what") or "").endswith((" killed", " injured"))
                    for q in (r.get("quantity") or []))
        if r.get("event_type") != "casualties" and (
                r.get("fatalities") is not None or
                r.get("injured") is not None or vague):
            tolls = "; ".join(str(q.get("what")) for q in (r.get("quantity") or [])
                              if q.get("value") is None and
                              str(q.get("what") or "").endswith((" killed", " injured")))
            found[key].append(("casualties", f"casualties[folded into "
                               f"{r.get('event_type')}: "
                               f"{r.get('fatalities')} killed, "
                               f"{r.get('injured')} injured"
                               + (f"; {tolls}" if tolls else "") + "]"))
    return found


def found_cells(found, key):
    rows = found.get(key, [])
    return " ".join(t for t, _ in rows), " ; ".join(d for _, d in rows)


def sample(args):
    out = outside_repo(args.output)
    docs = load_docs(args.texts)
    seen = set()
    for sheet in args.exclude:  # sentences already judged (or tuned on)
        seen.update(r["sentence"] for r in read_sheet(sheet))
    sents = [s for s in run_jsonl(args, "sentences")
             if len(clean(s.get("text"))) >= 20 and
             clean(s.get("text")) not in seen]
    kw = [s for s in sents if KEYWORD.search(s.get("text") or "")]
    other = [s for s in sents if not KEYWORD.search(s.get("text") or "")]
    rng = random.Random(args.seed)
    n_kw = min(len(kw), (args.n + 1) // 2)
    n_other = min(len(other), args.n - n_kw)
    picked = [("kw", s) for s in rng.sample(kw, n_kw)] + [
        ("other", s) for s in rng.sample(other, n_other)]
    order = {d: i for i, d in enumerate(docs)}
    picked.sort(key=lambda p: (order.get(str(p[1]["doc_id"]), 0),
                               int(p[1]["sentence_index"])))
    found = found_by_sentence(args, docs)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n",
                       quoting=csv.QUOTE_MINIMAL)
        w.writerow(COLUMNS)
        for stratum, s in picked:
            key = (str(s["doc_id"]), int(s["sentence_index"]))
            ft, fd = found_cells(found, key)
            pub = (docs.get(key[0]) or {}).get("date") or ""
            w.writerow([key[0], key[1], stratum, clean(pub)[:10],
                        clean(s.get("text")), ft, fd, "", "", ""])
    sys.stderr.write(
        f"{len(sents)} sentences ({len(kw)} with a conflict keyword), "
        f"sampled {n_kw} kw + {n_other} other (seed {args.seed}) -> {out}\n")
    return 0


def read_sheet(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def refresh(args):
    rows = read_sheet(args.refresh)
    out = outside_repo(args.output or args.refresh)
    docs = load_docs(args.texts)
    sents = {(str(s["doc_id"]), int(s["sentence_index"])): clean(s["text"])
             for s in run_jsonl(args, "sentences")}
    found = found_by_sentence(args, docs)
    changed = 0
    for r in rows:
        key = (r["doc_id"], int(r["sentence_index"]))
        if sents.get(key) != r["sentence"]:
            raise SystemExit(f"sentence {key} changed: the sheet no longer "
                             "matches this binary's sentence splitting")
        ft, fd = found_cells(found, key)
        changed += ft.split() != r["found_types"].split()
        r["found_types"], r["found"] = ft, fd
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, COLUMNS, delimiter="\t", lineterminator="\n",
                           quoting=csv.QUOTE_MINIMAL, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    sys.stderr.write(f"refreshed {len(rows)} sentences, {changed} with "
                     f"different found_types -> {out}\n")
    return 0


def gold_list(cell):
    return [t for t in re.split(r"[\s,]+", cell or "") if t and t != "-"]


def summarize(path):
    rows = read_sheet(path)
    judged = [r for r in rows if (r.get("gold_events") or "").strip()]
    tally = collections.defaultdict(collections.Counter)  # key -> gold/found
    causes = collections.Counter()
    extra = collections.Counter()
    for r in judged:
        got = collections.Counter(r["found_types"].split())
        gold = sorted(gold_list(r["gold_events"]), key=lambda g: "|" in g)
        for g in gold:
            hit = next((t for t in g.split("|") if got[t] > 0), None)
            if hit:
                got[hit] -= 1
            t = g.split("|")[0]
            for k in ("ALL", "stratum " + r["stratum"], t):
                tally[k]["gold"] += 1
                tally[k]["found"] += hit is not None
        for t, c in got.items():
            if c > 0:
                extra[t] += c
        for part in (r.get("missed") or "").split(";"):
            if "=" in part:
                cause = clean(part.split("=", 1)[1]).lower()
                causes[cause.split(":")[0] if ":" in cause else cause] += 1
    print(f"{len(judged)} judged sentences of {len(rows)} in {path}")
    print(f"{'':<16} {'found/gold':>11} {'recall':>8}")
    keys = ["ALL"] + sorted(k for k in tally if k.startswith("stratum ")) + \
        sorted((k for k in tally if k != "ALL" and
                not k.startswith("stratum ")),
               key=lambda k: (-tally[k]["gold"], k))
    for k in keys:
        g, f = tally[k]["gold"], tally[k]["found"]
        p = f"{100.0 * f / g:7.1f}%" if g else "      -"
        print(f"{k:<16} {str(f) + '/' + str(g):>11} {p:>8}")
    print("(a mention written a|b is counted under a)")
    if extra:
        print("rows beyond gold (type: count; not a precision measure): " +
              ", ".join(f"{t}: {c}" for t, c in extra.most_common()))
    if causes:
        print("miss causes (from the missed column):")
        for c, n in causes.most_common():
            print(f"  {n:>3}  {c}")
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", metavar="BINARY", help="eventline binary to run")
    ap.add_argument("--run-arg", action="append", default=[], metavar="ARG",
                    help="extra argument for `extract` (repeatable)")
    ap.add_argument("--texts", default=DEFAULT_TEXTS,
                    help="input JSONL (default: %(default)s)")
    ap.add_argument("-n", type=int, default=150,
                    help="sentences (default 150)")
    ap.add_argument("--seed", type=int, default=20221124,
                    help="sampling seed (default: %(default)s)")
    ap.add_argument("--exclude", action="append", default=[],
                    metavar="SHEET", help="leave out sentences of this sheet "
                    "(repeatable): a held-out sheet after tuning on others")
    ap.add_argument("-o", "--output", help="sheet TSV (outside the repo)")
    ap.add_argument("--refresh", metavar="SHEET",
                    help="re-run eventline on a judged sheet, keep judgements")
    ap.add_argument("--summarize", metavar="SHEET",
                    help="print recall from a judged sheet")
    args = ap.parse_args(argv)
    if args.summarize:
        return summarize(args.summarize)
    if not args.run:
        ap.error("sampling and --refresh need --run")
    if args.refresh:
        return refresh(args)
    if not args.output:
        ap.error("sampling needs -o")
    return sample(args)


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` is fine
    sys.exit(main())
