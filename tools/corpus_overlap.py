#!/usr/bin/env python3
"""Finds text in the repository that repeats corpus text word for word.

The corpora (../shared/corpus: seed, Guardian dev, MUC-4 dev, bulk RSS) must
never be copied into the repository: rule examples, tests and docs are written
in our own words. This check lists every run of N words (default 8; lower-cased
letters and digits only) that a tracked text file shares with a corpus text.
Stock phrases of the language ("on the eve of the new year") show up at
N <= 7; at 8 nearly every hit is a quotation.

Usage:
    python3 tools/corpus_overlap.py CORPUS... [-n 8] [--files F...]
    python3 tools/corpus_overlap.py ../shared/corpus/seed/*.txt \\
        ../shared/corpus/dev/guardian_ukraine_2022_dev.jsonl \\
        ../shared/corpus/dev/muc4_dev.jsonl

CORPUS files are plain text, JSONL (the `text` field of each record) or
.xz-compressed JSONL. Without --files the tracked files under rules/, tests/,
docs/, lib/, app/, bench/, samples/ and README.md are checked (git ls-files).
Prints `file: words` per hit; exit status 1 when there is any hit, 0 when
none, 2 when a corpus file cannot be read: run it before committing rule examples or docs that were written while
reading the corpus.
"""
import argparse
import json
import lzma
import re
import subprocess
import sys

WORD = re.compile(r"[a-z0-9]+")


def words(text):
    return WORD.findall(text.lower())


def corpus_texts(path):
    opener = lzma.open if path.endswith(".xz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        if ".jsonl" not in path:
            yield fh.read()
            return
        for line in fh:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            yield " ".join(str(record.get(k) or "") for k in ("title", "text"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("-n", type=int, default=8, help="run length in words (default 8)")
    ap.add_argument("--files", nargs="*", help="files to check (default: tracked text files)")
    args = ap.parse_args()
    n = args.n
    files = args.files
    if not files:
        out = subprocess.run(
            ["git", "ls-files", "rules", "tests", "docs", "lib", "app", "bench", "samples",
             "README.md"], capture_output=True, text=True, check=True).stdout
        files = out.split()
    grams = {}  # n-gram -> files holding it
    for f in files:
        try:
            with open(f, encoding="utf-8") as fh:
                t = words(fh.read())
        except (UnicodeDecodeError, OSError):
            continue  # binary data (the gazetteer image) holds no prose
        for i in range(len(t) - n + 1):
            grams.setdefault(" ".join(t[i:i + n]), set()).add(f)
    found = {}
    for path in args.corpus:
        try:
            for text in corpus_texts(path):  # streamed: the bulk files are large
                t = words(text)
                for i in range(len(t) - n + 1):
                    g = " ".join(t[i:i + n])
                    if g in grams and g not in found:
                        found[g] = path
        except (OSError, EOFError, lzma.LZMAError) as err:
            print(f"corpus_overlap.py: {path}: {err}", file=sys.stderr)
            return 2
    for g in sorted(found, key=lambda g: sorted(grams[g])):
        for f in sorted(grams[g]):
            print(f"{f}: {g}  [{found[g].rsplit('/', 1)[-1]}]")
    print(f"{len(found)} shared runs of {n} words", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
