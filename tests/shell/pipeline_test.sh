#!/usr/bin/env bash
# End-to-end properties of the binary as a pipeline citizen (run by ctest):
#  1. --jobs 1 and --jobs 2 give byte-identical output;
#  2. stdin gives the same rows as the file;
#  3. GNU parallel --pipe -k over JSONL gives the rows of a single run
#     (all columns but `file`, whose line numbers are shard-relative);
#  4. a closed pipe is a quiet success under pipefail;
#  5. two runs give identical bytes;
#  6. a tiny --memory-limit drops the pattern caches between windows and
#     changes no byte of the output.
set -euo pipefail
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# EVENTLINE_SANITIZED=1 (the asan build's ctest, tests/CMakeLists.txt): every
# start of the sanitized binary costs seconds of CPU, so the checks that only
# compare repeated runs for equality start it fewer times there; the code
# they run is the same (docs/scale.md, "session 31, h-ci2"). The CI build
# runs them in full.
sanitized=${EVENTLINE_SANITIZED:-0}

# A JSONL stream of 300 records written from the samples (our own text), each
# with its own id and date, so the work spreads over many windows and shards.
python3 - "$src/samples" > "$work/in.jsonl" <<'PY'
import json, pathlib, sys
samples = pathlib.Path(sys.argv[1])
texts = [p.read_text(encoding="utf-8") for p in sorted(samples.glob("*.txt"))]
for line in (samples / "feed.jsonl").read_text(encoding="utf-8").splitlines():
    texts.append(json.loads(line)["text"])
for i in range(300):
    day = 1 + i % 28
    rec = {"id": f"rec-{i:04d}", "date": f"2022-{1 + i % 12:02d}-{day:02d}",
           "text": texts[i % len(texts)]}
    print(json.dumps(rec))
PY

"$bin" extract --jobs 1 "$work/in.jsonl" > "$work/j1.csv"
"$bin" extract --jobs 2 "$work/in.jsonl" > "$work/j2.csv"
cmp -s "$work/j1.csv" "$work/j2.csv" || fail "--jobs 1 and --jobs 2 differ"
[ "$(wc -l < "$work/j1.csv")" -gt 100 ] || fail "too few rows: $(wc -l < "$work/j1.csv")"
# Two identical runs: a determinism check, a third start of the same code.
if [ "$sanitized" != 1 ]; then
  "$bin" extract --jobs 2 "$work/in.jsonl" > "$work/j2b.csv"
  cmp -s "$work/j2.csv" "$work/j2b.csv" || fail "two runs differ"
fi

# stdin: same rows, with `-` in place of the path in the file column.
"$bin" extract --input jsonl - < "$work/in.jsonl" > "$work/stdin.csv"
sed "s|$work/in.jsonl:|-:|" "$work/j1.csv" > "$work/j1-as-stdin.csv"
cmp -s "$work/stdin.csv" "$work/j1-as-stdin.csv" || fail "stdin differs from file"

# GNU parallel: shards of the stream, kept in order.
if command -v parallel >/dev/null; then
  "$bin" extract --input jsonl --format jsonl - < "$work/in.jsonl" > "$work/single.jsonl"
  # 20 kB blocks: seven shards of the 138 kB stream; sanitized, two (one
  # start each: the same reading of a partial stream, still kept in order).
  block=20k
  [ "$sanitized" != 1 ] || block=80k
  parallel --will-cite --pipe -k --block "$block" -j 2 \
    "$bin" extract --input jsonl --format jsonl --no-header - < "$work/in.jsonl" > "$work/par.jsonl"
  strip_file() { python3 -c 'import json,sys
for l in sys.stdin:
    r = json.loads(l); r.pop("file"); print(json.dumps(r, sort_keys=False))'; }
  strip_file < "$work/single.jsonl" > "$work/a"
  strip_file < "$work/par.jsonl" > "$work/b"
  cmp -s "$work/a" "$work/b" || fail "GNU parallel output differs from a single run"
else
  fail "GNU parallel is not installed (tools/deps.sh installs it)"
fi

# A reader that goes away early: exit 0 under pipefail, nothing on stderr.
set +e
(set -o pipefail; "$bin" extract --jobs 2 "$work/in.jsonl" 2> "$work/pipe.err" | head -n 2 > /dev/null)
rc=$?
set -e
[ "$rc" -eq 0 ] || fail "closed pipe gave exit $rc"
[ ! -s "$work/pipe.err" ] || fail "closed pipe wrote to stderr: $(cat "$work/pipe.err")"

# A full disk is an error (exit 2), not a silent loss.
if [ -w /dev/full ]; then
  set +e
  "$bin" extract "$work/in.jsonl" > /dev/full 2> "$work/full.err"
  rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "/dev/full gave exit $rc"
  grep -q "cannot write output" "$work/full.err" || fail "/dev/full: no error message"
fi
# Bounded memory: with a 1 MB limit every window ends in a cache release
# (three windows of 128 records with --jobs 2).
"$bin" extract -v --jobs 2 --memory-limit 1 "$work/in.jsonl" > "$work/mem.csv" 2> "$work/mem.err"
cmp -s "$work/j1.csv" "$work/mem.csv" || fail "--memory-limit 1 changed the output"
grep -Eq "pattern caches dropped [1-9][0-9]* times" "$work/mem.err" ||
  fail "--memory-limit 1: no release reported: $(cat "$work/mem.err")"

echo "pipeline_test: all checks passed"
