#!/usr/bin/env bash
# RE2 program sizes of every shipped pattern (issue 7): programs over a few
# hundred instructions get no DFA under the lean per-pattern budget and run
# RE2's NFA, so their size is what matching costs (docs/scale.md, h-speed28).
#
#   bench/program_sizes.sh [RULES_DIR] [TOP_N]
#
# Builds a Release eventline_lib in build-bench/ and bench/program_sizes.cpp
# against it, then prints the size distribution, the sum and the TOP_N
# (default 20) largest programs. The per-pattern table goes to
# build-bench/program_sizes.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-bench
rules=${1:-rules}
top=${2:-20}

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DEVENTLINE_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target eventline_lib -j"${JOBS:-2}" >/dev/null
g++ -std=c++20 -O1 -Ilib bench/program_sizes.cpp "$build/libeventline_lib.a" \
  $(pkg-config --cflags --libs re2) -lyaml-cpp -lfmt -lxxhash -lsimdjson -pthread \
  -o "$build/program_sizes"
"$build/program_sizes" "$rules" > "$build/program_sizes.tsv"

python3 - "$build/program_sizes.tsv" "$top" <<'PY'
import sys
rows = []
for line in open(sys.argv[1]):
    f = line.rstrip("\n").split("\t")
    if len(f) < 2 or not f[0].isdigit():
        continue
    rows.append((int(f[0]), f))
sizes = [r[0] for r in rows]
edges = [(0, 300), (301, 1000), (1001, 3000), (3001, 6000), (6001, 10**12)]
print(f"patterns {len(sizes)}, instructions in all {sum(sizes):,}")
for lo, hi in edges:
    name = f"{lo:,}-{hi:,}" if hi < 10**12 else f">{lo - 1:,}"
    print(f"  {name:>13}: {sum(lo <= s <= hi for s in sizes):5d}")
print(f"largest {sys.argv[2]}:")
for s, f in sorted(rows, key=lambda r: -r[0])[: int(sys.argv[2])]:
    print("  " + "\t".join(f))
PY
