#!/usr/bin/env bash
# Builds and runs the whole test suite: the CI build (warnings are errors),
# then everything again under AddressSanitizer + UBSan, then clang-format.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
for preset in ci asan; do
  echo "== $preset ==" >&2
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  ctest --preset "$preset" -j "$jobs"
done
if command -v clang-format >/dev/null; then
  echo "== clang-format ==" >&2
  git ls-files -z -- 'app/*.cpp' 'app/*.h' 'lib/*.cpp' 'lib/*.h' 'tests/*.cpp' 'bench/*.cpp' |
    xargs -0 -r clang-format --dry-run --Werror
fi
