#!/usr/bin/env bash
# The CLI's diagnostics and exit codes on bad usage and hostile inputs (run by ctest):
#  1. a mistyped command is named (not "A subcommand is required"), exit 2;
#  2. '-' named twice reads standard input once, with a warning;
#  3. `rules` and `test` into a full disk say so on stderr, exit 2;
#  4. a binary rule file gives a one-line diagnostic (no raw NUL on stderr);
#  5. `explain`: a match, its slots and its fate; --text with paths is a usage error; its
#     rows are `extract`'s on samples/ (same event ids), and no match is left unexplained.
set -euo pipefail
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export NO_COLOR=1
# EVENTLINE_SANITIZED=1: the asan build's ctest (tests/CMakeLists.txt); see below.
sanitized=${EVENTLINE_SANITIZED:-0}

set +e
"$bin" extrct x > /dev/null 2> "$work/err"
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "unknown command gave exit $rc"
grep -q "^eventline: error: unknown command 'extrct'; .*did you mean 'extract'?$" "$work/err" ||
  fail "unknown command: $(cat "$work/err")"

printf 'Published 14 May 2023\nArtillery units shelled the port on Friday.\n' > "$work/doc.txt"
"$bin" extract -v - - < "$work/doc.txt" > "$work/out.csv" 2> "$work/err"
grep -q "^eventline: -: warning: standard input named more than once; read once$" "$work/err" ||
  fail "stdin twice: no warning: $(cat "$work/err")"
grep -q " 1 documents read," "$work/err" || fail "stdin twice: $(cat "$work/err")"
! grep -q "no publication date" "$work/err" || fail "stdin twice read an empty document"

if [ -w /dev/full ]; then
  for cmd in rules test; do
    set +e
    "$bin" "$cmd" > /dev/full 2> "$work/err"
    rc=$?
    set -e
    [ "$rc" -eq 2 ] || fail "$cmd > /dev/full gave exit $rc"
    grep -q "^eventline: error: cannot write output: " "$work/err" ||
      fail "$cmd > /dev/full: no message: $(cat "$work/err")"
  done
fi

mkdir -p "$work/rules/events"
cp "$src/tests/golden/rules-yaml-syntax/rules/types.yaml" "$work/rules/"
printf 'kind: "\\\0"\n' > "$work/rules/events/bin.yaml"
set +e
"$bin" extract --no-builtin-rules --rules "$work/rules" "$work/doc.txt" > /dev/null 2> "$work/err"
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "binary rule file gave exit $rc"
! grep -qa $'\x01' <(tr '\0' '\1' < "$work/err") || fail "a NUL byte reached stderr"
grep -q 'error\[E001\]: .*\\x00$' "$work/err" || fail "binary rule file: $(cat -A "$work/err")"

# 5. explain
"$bin" explain --pub-date 2023-05-14 --text "Artillery units shelled the port on Friday." \
  > "$work/explain.txt" 2> "$work/err"
grep -q "^text sentence 1 (bytes 0-43): Artillery units shelled the port on Friday\.$" \
  "$work/explain.txt" || fail "explain --text: no sentence line: $(cat "$work/explain.txt")"
grep -q "^  shelling\.[a-z_]* (.*rules/events/shelling\.yaml:[0-9]*) [0-9]*-[0-9]* '" \
  "$work/explain.txt" || fail "explain --text: no match line: $(cat "$work/explain.txt")"
grep -q "^    slots: .*trigger='shelled'" "$work/explain.txt" ||
  fail "explain --text: no slots: $(cat "$work/explain.txt")"
grep -q "^    => row 1: shelling, 2023-05-12\.\.2023-05-12 (day, text)" "$work/explain.txt" ||
  fail "explain --text: no row: $(cat "$work/explain.txt")"
"$bin" explain --format jsonl --pub-date 2023-05-14 \
  --text "In the sequel, artillery units shelled the port on Friday." > "$work/explain.jsonl"
grep -q '"fate":"dropped","reason":"vetoed by a sentence cue: fiction at 7-13 ' \
  "$work/explain.jsonl" || fail "explain: no cue veto: $(cat "$work/explain.jsonl")"
set +e
"$bin" explain --text "Troops shelled the port." "$work/doc.txt" > /dev/null 2> "$work/err"
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "explain --text with a path gave exit $rc"
grep -q "^eventline: error: explain: --text and input paths exclude each other$" "$work/err" ||
  fail "explain --text with a path: $(cat "$work/err")"
# explain's rows are extract's rows, sample by sample. Sanitized, explain
# alone: extract over the same samples runs there in golden_test's
# [samples] case, so the comparison (the CI build's) starts the binary three
# more times for no code that runs nowhere else (docs/scale.md, "session 31,
# h-ci2").
for f in "$src"/samples/*; do
  "$bin" explain -j1 -q --format jsonl "$f" > "$work/xp.jsonl"
  grep -o '"event_id":"[^"]*"' "$work/xp.jsonl" | sort > "$work/xp"
  [ -s "$work/xp" ] || fail "explain golden: $f gave no rows"
  ! grep -q '"fate":"unexplained"' "$work/xp.jsonl" || fail "explain: a match unexplained in $f"
  [ "$sanitized" != 1 ] || continue
  "$bin" extract -j1 -q --format jsonl "$f" | grep -o '"event_id":"[^"]*"' | sort > "$work/ex"
  [ -s "$work/ex" ] || fail "explain golden: $f gave no rows"
  cmp -s "$work/ex" "$work/xp" || fail "explain rows differ from extract's on $f: $(diff "$work/ex" "$work/xp")"
done

echo "cli_test: all checks passed"
