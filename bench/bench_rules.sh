#!/usr/bin/env bash
# Rule engine benchmark: load time and matching throughput (MB/s, one core)
# with the shipped rules, and with 100 / 1,000 generated rules with and
# without a trigger group, to show the RE2::Set prefilter keeps matching
# near flat as rules grow.
#
#   bench/bench_rules.sh [TEXT_FILE]
#
# TEXT_FILE defaults to the text of the Guardian dev corpus (extracted to a
# temp file, never into the repo). Builds a Release eventline_lib in
# build-bench/ and bench/bench_rules.cpp against it.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-bench
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DEVENTLINE_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target eventline_lib -j"${JOBS:-2}" >/dev/null
g++ -std=c++20 -O2 -Ilib bench/bench_rules.cpp "$build/libeventline_lib.a" \
  $(pkg-config --libs re2) -lyaml-cpp -lfmt -lxxhash -lsimdjson -pthread -o "$build/bench_rules"

text=${1:-}
if [[ -z "$text" ]]; then
  text="$tmp/text.txt"
  python3 -c '
import json, sys
with open(sys.argv[1]) as f, open(sys.argv[2], "w") as out:
    for line in f:
        out.write(json.loads(line)["text"] + "\n\n")
' /work/shared/corpus/dev/guardian_ukraine_2022_dev.jsonl "$text"
fi

echo "text: $(wc -c <"$text") bytes; machine: $(nproc) cores; one thread"
echo "== shipped rules"
"$build/bench_rules" "$text" rules
for n in 100 1000; do
  python3 bench/gen_rules.py "$tmp/gen$n" --rules "$n"
  python3 bench/gen_rules.py "$tmp/gen$n-nt" --rules "$n" --no-trigger
  echo "== $n generated rules, trigger group (set holds trigger words)"
  "$build/bench_rules" "$text" "$tmp/gen$n"
  echo "== $n generated rules, no trigger group (set holds whole patterns)"
  "$build/bench_rules" "$text" "$tmp/gen$n-nt"
done
