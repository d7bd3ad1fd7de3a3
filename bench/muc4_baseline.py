#!/usr/bin/env python3
"""Naive keyword baseline for the MUC-4 incident scorer.

For every JSONL record (id, date, text) it emits one schema-v1 JSONL row per
keyword family found anywhere in the text, dated with the record's date
(date_source "document"; null when the record has no date).  Families and the
eventline type each one stands for:

    attack     attack(s|ed|ing), clash(es|ed), ambush(ed), raid(s|ed),
               machinegun(ned), shot at, fired on, gunfire, offensive
    explosion  bomb(s|ed|ing|ings), explosion(s), explosive(s), dynamite,
               blast(s), detonated, grenade(s)
    abduction  kidnap(ped|ping|pers), abduct(ed|ion), hostage(s)
    arson      arson, set fire, set on fire, set ablaze, burn(ed|t|ing),
               torched, fire-bomb
    killing    murder(s|ed), killed, killing(s), assassinat(e|ed|ion),
               massacre(d), executed

Word-bounded, case-insensitive.  No sentence splitting, no negation, no
dates from the text: this is the floor any rule system must beat.

Usage: muc4_baseline.py [--texts muc4_dev.jsonl] [-o out.jsonl]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys

DEFAULT_TEXTS = "/work/shared/corpus/dev/muc4_dev.jsonl"

FAMILIES = [
    ("attack", r"attack(?:s|ed|ing)?|clash(?:es|ed)?|ambush(?:es|ed)?|"
               r"raid(?:s|ed)?|machine-?gun(?:ned)?|shot at|fired (?:on|at)|"
               r"gunfire|offensive"),
    ("explosion", r"bomb(?:s|ed|ing|ings)?|explosions?|explosives?|dynamite|"
                  r"blasts?|detonated|grenades?"),
    ("abduction", r"kidnap(?:s|ped|ping|pers?)?|abduct(?:s|ed|ion|ions)?|"
                  r"hostages?"),
    ("arson", r"arson|set (?:on )?fire|set ablaze|burn(?:s|ed|t|ing)?|"
              r"torched|fire-?bombs?"),
    ("killing", r"murder(?:s|ed)?|killed|killings?|"
                r"assassinat(?:e|ed|ion|ions)|massacred?|executed"),
]
PATTERNS = [(name, re.compile(r"\b(?:" + rx + r")\b", re.IGNORECASE))
            for name, rx in FAMILIES]

SCHEMA_V1 = [
    "event_id", "doc_id", "pub_date", "date_start", "date_end",
    "date_precision", "date_text", "date_source", "event_type",
    "acled_event_type", "acled_sub_event_type", "cameo", "plover", "actor",
    "target", "location", "country", "latitude", "longitude", "quantity",
    "fatalities", "injured", "modality", "source", "sentence_index",
    "byte_start", "byte_end", "sentence", "rule", "file",
]


def rows_for(record, path="", line_no=0):
    text = record.get("text") or ""
    data = text.encode("utf-8")
    date = record.get("date") or None
    for name, rx in PATTERNS:
        m = rx.search(text)
        if not m:
            continue
        b0 = len(text[:m.start()].encode("utf-8"))
        b1 = b0 + len(m.group(0).encode("utf-8"))
        eid = hashlib.sha1(
            f"{record['id']}\0{b0}\0{b1}\0{name}".encode()).hexdigest()[:16]
        row = dict.fromkeys(SCHEMA_V1)
        row.update(
            event_id=eid, doc_id=record["id"], pub_date=date,
            date_start=date, date_end=date,
            date_precision="day" if date else "none", date_text="",
            date_source="document" if date else "none", event_type=name,
            quantity=[], modality="asserted", sentence_index=None,
            byte_start=b0, byte_end=b1,
            sentence=data[max(0, b0 - 60):b1 + 60].decode("utf-8", "replace")
            .replace("\n", " "),
            rule=f"baseline.{name}", file=f"{path}:{line_no}")
        yield row


def run(texts_path, out):
    n_docs = n_rows = 0
    with open(texts_path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            n_docs += 1
            for row in rows_for(rec, texts_path, line_no):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                n_rows += 1
    return n_docs, n_rows


def main(argv=None):
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", default=DEFAULT_TEXTS,
                    help="JSONL with id, date, text (default: %(default)s)")
    ap.add_argument("-o", "--output", default="-",
                    help="output JSONL (default: stdout)")
    args = ap.parse_args(argv)
    if args.output == "-":
        n_docs, n_rows = run(args.texts, sys.stdout)
    else:
        with open(args.output, "w", encoding="utf-8") as out:
            n_docs, n_rows = run(args.texts, out)
    sys.stderr.write(f"baseline: {n_docs} documents, {n_rows} rows\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
