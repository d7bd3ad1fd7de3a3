#!/usr/bin/env bash
# bench/bench_read.sh: throughput of the input side (read + clean + split).
#
# Runs `eventline sentences --input jsonl FILE > /dev/null` over RSS months of
# the bulk corpus, decompressed ONCE to a work dir so xz is never timed, and
# prints MB/s (of JSONL input bytes and of decoded text bytes), documents/s
# and sentences/s. Best wall time of --reps runs. A `wc -l` pass over the same
# file is printed as a floor. No rules are involved in `sentences`.
#
# Usage: bench/bench_read.sh [--bin PATH] [--months GLOB] [--reps N] [--tmp DIR]
#   --bin PATH      eventline binary (default: the first of build-release,
#                   build-input-rel, build that exists; use a Release build)
#   --months GLOB   RSS months to read (default "2023-0[1-3]", ~100 MB JSONL)
#   --reps N        runs, best wall time kept (default 3)
#   --tmp DIR       work dir (default ${TMPDIR:-/tmp}/eventline-bench-read)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RSS=/work/shared/corpus/bulk/rss
BIN=""
MONTHS="2023-0[1-3]"
REPS=3
TMP="${TMPDIR:-/tmp}/eventline-bench-read"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --bin) BIN="$2"; shift 2 ;;
    --months) MONTHS="$2"; shift 2 ;;
    --reps) REPS="$2"; shift 2 ;;
    --tmp) TMP="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "bench_read.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

if [[ -z "$BIN" ]]; then
  for d in build-release build-input-rel build; do
    if [[ -x "$ROOT/$d/eventline" ]]; then BIN="$ROOT/$d/eventline"; break; fi
  done
fi
[[ -x "$BIN" ]] || { echo "bench_read.sh: no eventline binary; pass --bin" >&2; exit 2; }

mkdir -p "$TMP"
DATA="$TMP/rss_${MONTHS//[^0-9A-Za-z-]/_}.jsonl"
if [[ ! -s "$DATA" ]]; then
  shopt -s nullglob
  files=( $RSS/news_rss_${MONTHS}.jsonl.xz )
  [[ ${#files[@]} -gt 0 ]] || { echo "bench_read.sh: no file matches $MONTHS" >&2; exit 2; }
  echo "decompressing ${#files[@]} file(s) to $DATA" >&2
  xz -dc "${files[@]}" > "$DATA.part" && mv "$DATA.part" "$DATA"
fi

bytes=$(stat -c %s "$DATA")
docs=$(wc -l < "$DATA")
# Text bytes: sum of the decoded `text` fields, measured once (python3 if present).
text_bytes=""
if command -v python3 >/dev/null; then
  text_bytes=$(python3 -c '
import json, sys
n = 0
for line in open(sys.argv[1], "rb"):
    try: n += len(json.loads(line).get("text", "").encode("utf-8", "surrogatepass"))
    except Exception: pass
print(n)' "$DATA")
fi

best() {  # best wall seconds of REPS runs of "$@" (stdout discarded)
  local b="" t
  for ((i = 0; i < REPS; i++)); do
    local s e
    s=$(date +%s.%N)
    "$@" > /dev/null 2>"$TMP/stderr"
    e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [[ -z "$b" ]] || (( $(echo "$t < $b" | bc -l) )); then b=$t; fi
  done
  echo "$b"
}

sentences=$("$BIN" sentences --input jsonl "$DATA" 2>/dev/null | tail -n +2 | wc -l)
t_el=$(best "$BIN" sentences --input jsonl "$DATA")
t_wc=$(best wc -l "$DATA")

mb=$(echo "$bytes / 1000000" | bc -l)
printf 'input    %s\n' "$DATA"
printf 'binary   %s\n' "$BIN"
printf 'size     %.1f MB JSONL, %s documents' "$mb" "$docs"
[[ -n "$text_bytes" ]] && printf ', %.1f MB text' "$(echo "$text_bytes / 1000000" | bc -l)"
printf ', %s sentences\n' "$sentences"
printf '%-28s %8s %10s %10s %12s %14s\n' command wall_s MB/s text_MB/s documents/s sentences/s
row() {
  local name=$1 t=$2
  local tmb="-"
  [[ -n "$text_bytes" ]] && tmb=$(printf '%.1f' "$(echo "$text_bytes / 1000000 / $t" | bc -l)")
  printf '%-28s %8.2f %10.1f %10s %12.0f %14.0f\n' "$name" "$t" \
    "$(echo "$mb / $t" | bc -l)" "$tmb" "$(echo "$docs / $t" | bc -l)" \
    "$(echo "$sentences / $t" | bc -l)"
}
row "eventline sentences" "$t_el"
row "wc -l (floor)" "$t_wc"
echo "diagnostics of the last run: $(wc -l < "$TMP/stderr") lines (first: $(head -1 "$TMP/stderr"))"
