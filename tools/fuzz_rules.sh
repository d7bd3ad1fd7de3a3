#!/usr/bin/env bash
# Fuzz the rule loader and matcher with libFuzzer + ASan + UBSan.
#
#   tools/fuzz_rules.sh [SECONDS]     (default 120)
#
# Builds tests/fuzz/rules_fuzz in build-fuzz/ with clang, seeds the corpus
# from every rule file and lexicon under rules/, and runs for SECONDS. Crash
# inputs land in build-fuzz/crashes/; reproduce one with
#   build-fuzz/tests/fuzz/rules_fuzz build-fuzz/crashes/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
build=build-fuzz
san="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="$san" -DEVENTLINE_FUZZ=ON -DEVENTLINE_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target rules_fuzz -j"${JOBS:-2}"
corpus="$build/corpus"
mkdir -p "$corpus" "$build/crashes"
find rules -name '*.yaml' -o -name '*.txt' | while read -r f; do
  cp "$f" "$corpus/seed-$(echo "$f" | tr '/' '_')"
done
cp tests/golden/rules-*/rules/*/*.yaml "$corpus/" 2>/dev/null || true
UBSAN_OPTIONS=print_stacktrace=1 \
"$build/tests/fuzz/rules_fuzz" "$corpus" -max_total_time="$seconds" -max_len=8192 \
  -timeout=10 -rss_limit_mb=4096 -artifact_prefix="$build/crashes/" -print_final_stats=1
