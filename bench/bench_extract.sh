#!/usr/bin/env bash
# bench/bench_extract.sh: end-to-end throughput of `eventline extract`.
#
# Measures, on the bulk corpora (decompressed ONCE to a temp dir, so xz is
# never timed):
#   * RSS news slice (default 100 MB of JSONL from 2023-01 on; --full for all
#     24 months, 559 MB) and Reuters-21578 (23 MB): wall time, MB/s (of JSONL
#     input bytes), documents/s, events/s, peak RSS (/usr/bin/time);
#   * CPU seconds (user+sys) next to wall time: MB per CPU second;
#   * the same bytes through `wc -w` (the floor) and the eventline/wc CPU ratio;
#   * --jobs 1 vs --jobs 2 on the RSS slice (skipped if the flag is missing);
#   * input size scaling on 10/100/300 MB prefixes of the RSS JSONL;
#   * cold start: one record with empty text, best of N wall times.
# Output rows are counted from `--format jsonl` piped into `wc -l`.
#
# Usage: bench/bench_extract.sh [options]
#   --bin PATH        eventline binary (default: build-eval, build-release,
#                     build-rel, build/release, build: the first that exists)
#   --slice-mb N      RSS slice size in MB (default 100)
#   --full            use the whole RSS corpus instead of a slice
#   --scale "A B C"   scaling sizes in MB (default "10 100 300"; "" skips)
#   --reps N          runs per throughput measurement, best wall kept (1)
#   --cold-n N        cold-start runs, best kept (20)
#   --tmp DIR         work dir for decompressed data (default
#                     ${TMPDIR:-/tmp}/eventline-bench; reused between runs)
#   --only LIST       comma list of sections: rss,reuters,jobs,scale,cold
#   --live-rules      read the rules the binary finds itself (default when
#                     the binary is outside this checkout); otherwise rules/
#                     is copied to the work dir once and every run uses that
#                     copy (--no-builtin-rules --rules), so rule edits made
#                     while the bench runs cannot change its counts
#   --clean           delete the work dir at the end
#   -h, --help        this text
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BULK=/work/shared/corpus/bulk
BIN=""
SLICE_MB=100
FULL=0
SCALE="10 100 300"
REPS=1
COLD_N=20
WORK=${TMPDIR:-/tmp}/eventline-bench
ONLY="rss,reuters,jobs,scale,cold"
CLEAN=0
LIVE_RULES=""

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --bin) BIN=$2; shift 2 ;;
    --slice-mb) SLICE_MB=$2; shift 2 ;;
    --full) FULL=1; shift ;;
    --scale) SCALE=$2; shift 2 ;;
    --reps) REPS=$2; shift 2 ;;
    --cold-n) COLD_N=$2; shift 2 ;;
    --tmp) WORK=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --clean) CLEAN=1; shift ;;
    --live-rules) LIVE_RULES=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench_extract.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [[ -z "$BIN" ]]; then
  for b in build-eval build-release build-rel build/release build; do
    if [[ -x "$ROOT/$b/eventline" ]]; then BIN="$ROOT/$b/eventline"; break; fi
  done
fi
if [[ -z "$BIN" || ! -x "$BIN" ]]; then
  echo "bench_extract.sh: no eventline binary (build one, or pass --bin)" >&2
  exit 2
fi
want() { [[ ",$ONLY," == *",$1,"* ]]; }

mkdir -p "$WORK"
RULE_ARGS=""
if [[ -z $LIVE_RULES && "$(cd "$(dirname "$BIN")" && pwd)" == "$ROOT"/* ]]; then
  rm -rf "$WORK/rules" && cp -r "$ROOT/rules" "$WORK/rules"
  RULE_ARGS="--no-builtin-rules --rules '$WORK/rules'"
fi
TIME=/usr/bin/time
[[ -x $TIME ]] || TIME=""

# ---------------------------------------------------------------- data
# prefix SRC DST MB: the first MB megabytes of SRC, cut at a line end.
prefix() {
  local src=$1 dst=$2 mb=$3
  [[ -s $dst ]] && return 0
  head -c $((mb * 1000000)) "$src" | sed '$!b; /}$/!d' > "$dst.part"
  mv "$dst.part" "$dst"
}

rss_all() {  # all 24 months in order, decompressed once
  local dst=$WORK/rss_all.jsonl
  if [[ ! -s $dst ]]; then
    echo "decompressing the full RSS corpus into $dst ..." >&2
    xz -dc "$BULK"/rss/news_rss_20*.jsonl.xz > "$dst.part"
    mv "$dst.part" "$dst"
  fi
  echo "$dst"
}

rss_2023() {  # 2023 months (dense, all feeds), up to MB megabytes
  local mb=$1 dst=$WORK/rss_2023_${1}MB.jsonl
  if [[ ! -s $dst ]]; then
    echo "decompressing ${mb} MB of 2023 RSS into $dst ..." >&2
    # xz stops on SIGPIPE once head has enough bytes.
    { for f in "$BULK"/rss/news_rss_2023-*.jsonl.xz; do xz -dc "$f"; done; } \
      2>/dev/null | head -c $((mb * 1000000)) | sed '$!b; /}$/!d' \
      > "$dst.part" || true
    mv "$dst.part" "$dst"
  fi
  echo "$dst"
}

reuters() {
  local dst=$WORK/reuters21578.jsonl
  if [[ ! -s $dst ]]; then
    xz -dc "$BULK/reuters21578.jsonl.xz" > "$dst.part"
    mv "$dst.part" "$dst"
  fi
  echo "$dst"
}

# ---------------------------------------------------------------- timing
# run_timed CMD: runs CMD (a bash string) once; sets WALL (s), CPU (user+sys
# s, all processes of the pipeline) and RSS_KB.
run_timed() {
  local cmd=$1
  if [[ -n $TIME ]]; then
    if ! $TIME -f '%e %M %U %S' -o "$WORK/time.txt" bash -o pipefail -c "$cmd" \
        2> "$WORK/stderr.txt"; then
      echo "FAILED: $cmd" >&2; tail -5 "$WORK/stderr.txt" >&2; return 1
    fi
    local u sy
    read -r WALL RSS_KB u sy < <(tail -1 "$WORK/time.txt")
    CPU=$(awk -v a="$u" -v b="$sy" 'BEGIN{printf "%.2f", a+b}')
  else
    local t0=$EPOCHREALTIME
    bash -o pipefail -c "$cmd" 2> "$WORK/stderr.txt" || {
      echo "FAILED: $cmd" >&2; tail -5 "$WORK/stderr.txt" >&2; return 1; }
    WALL=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.3f", b-a}')
    RSS_KB=0 CPU=$WALL
  fi
}

# best_of N CMD: best wall of N runs (WALL, with that run's CPU), max RSS.
best_of() {
  local n=$1 cmd=$2 best="" cpu="" rss=0 i
  for ((i = 0; i < n; i++)); do
    run_timed "$cmd" || return 1
    if [[ -z $best ]] || awk -v a="$WALL" -v b="$best" 'BEGIN{exit !(a<b)}'; then
      best=$WALL cpu=$CPU
    fi
    ((RSS_KB > rss)) && rss=$RSS_KB
  done
  WALL=$best CPU=$cpu RSS_KB=$rss
}

has_flag() { "$BIN" extract --help 2>&1 | grep -q -- "$1"; }

ROWS=()
header() {
  printf '%-14s %6s %7s %7s %4s %7s %7s %6s %7s %7s %8s %6s %6s %6s\n' \
    input MB docs events jobs wall_s cpu_s MB/s MB/cpu docs/s events/s RSS_MB wc_cpu ratio
  printf '%s\n' "---------------------------------------------------------------------------------------------------------"
}

# measure LABEL FILE JOBS: one table row.
measure() {
  local label=$1 file=$2 jobs=$3 jobflag=""
  [[ $jobs != "-" ]] && jobflag="--jobs $jobs"
  local bytes docs
  bytes=$(stat -c %s "$file")
  docs=$(wc -l < "$file")
  best_of "$REPS" "'$BIN' extract '$file' --input jsonl --format jsonl $jobflag $RULE_ARGS | wc -l > '$WORK/count.txt'" || {
    printf '%-16s  (eventline failed)\n' "$label"; return 0; }
  local wall=$WALL cpu=$CPU rss=$RSS_KB events
  events=$(cat "$WORK/count.txt")
  best_of "$REPS" "LC_ALL=C wc -w < '$file' > /dev/null"
  local wcc=$CPU
  awk -v l="$label" -v b="$bytes" -v d="$docs" -v e="$events" -v j="$jobs" \
      -v w="$wall" -v u="$cpu" -v r="$rss" -v c="$wcc" 'BEGIN {
    if (w <= 0) w = 0.01; if (u <= 0) u = 0.01; if (c <= 0) c = 0.01;
    printf "%-14s %6.1f %7d %7d %4s %7.2f %7.2f %6.1f %7.1f %7.0f %8.0f %6.0f %6.2f %6.1f\n",
      l, b/1e6, d, e, j, w, u, b/1e6/w, b/1e6/u, d/w, e/w, r/1024, c, u/c }'
}

# ---------------------------------------------------------------- run
echo "eventline: $BIN ($("$BIN" --version 2>/dev/null || echo '?'))"
echo "machine:   $(nproc) cores, $(uname -r); work dir $WORK"
echo "rules:     ${RULE_ARGS:-as the binary finds them} (commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'))"
JOBS_OK=0; has_flag "--jobs" && JOBS_OK=1
echo

RSS="" RSS_LABEL="rss-${SLICE_MB}MB"
if want rss || want jobs; then
  if [[ $FULL == 1 ]]; then RSS=$(rss_all); RSS_LABEL="rss-full"
  else RSS=$(rss_2023 "$SLICE_MB"); fi
fi

header
if want rss; then measure "$RSS_LABEL" "$RSS" "-"; fi
if want reuters; then measure "reuters21578" "$(reuters)" "-"; fi
if want jobs; then
  if [[ $JOBS_OK == 1 ]]; then
    measure "$RSS_LABEL" "$RSS" 1
    measure "$RSS_LABEL" "$RSS" 2
  else
    echo "(jobs: 'extract --jobs' not supported by this binary: skipped)"
  fi
fi
if want scale && [[ -n $SCALE ]]; then
  max=0; for s in $SCALE; do ((s > max)) && max=$s; done
  big=$(rss_2023 "$max")
  for s in $SCALE; do
    f=$WORK/rss_2023_${max}MB_head${s}.jsonl
    if [[ $s == "$max" ]]; then f=$big; else prefix "$big" "$f" "$s"; fi
    measure "scale-${s}MB" "$f" "-"
  done
fi
if want cold; then
  printf '{"id":"empty","date":"2023-01-01","text":""}\n' > "$WORK/empty.jsonl"
  best=""
  for ((i = 0; i < COLD_N; i++)); do
    t0=$EPOCHREALTIME
    eval "'$BIN' extract '$WORK/empty.jsonl' --input jsonl --format jsonl $RULE_ARGS" > /dev/null 2>&1 || true
    t1=$EPOCHREALTIME
    w=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.4f", b-a}')
    if [[ -z $best ]] || awk -v a="$w" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$w; fi
  done
  run_timed "'$BIN' extract '$WORK/empty.jsonl' --input jsonl --format jsonl $RULE_ARGS > /dev/null" || true
  awk -v b="$best" -v n="$COLD_N" -v r="${RSS_KB:-0}" 'BEGIN {
    printf "\ncold start (one empty record, best of %d): %.1f ms, peak RSS %.0f MB\n", n, b*1000, r/1024 }'
fi
echo
echo "MB = 10^6 bytes of JSONL input; events = output rows; cpu = user+sys of the pipeline;"
echo "MB/s and docs/s over wall time, MB/cpu over CPU time; ratio = eventline cpu / wc -w cpu"
echo "(CPU time is what a loaded, shared machine distorts least); jobs '-' = all cores."
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $CLEAN == 1 ]]; then rm -rf "$WORK"; fi
