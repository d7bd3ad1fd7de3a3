#!/usr/bin/env bash
# Builds and runs the whole test suite: the CI build (warnings are errors),
# then everything again under AddressSanitizer + UBSan, then clang-format.
# The ci tests run while the asan build compiles: each phase alone leaves a
# core idle at its tail (the longest test, the last links), so side by side
# they keep both busy (docs/scale.md, "session 30, h-ci1"). Their output is
# printed when they end, in one piece.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
log=$(mktemp)
ci_tests=
cleanup() {
  if [ -n "$ci_tests" ]; then kill "$ci_tests" 2>/dev/null || true; fi
  rm -f "$log"
}
trap cleanup EXIT

echo "== ci ==" >&2
cmake --preset ci >/dev/null
cmake --build --preset ci -j "$jobs"
ctest --preset ci -j "$jobs" >"$log" 2>&1 &
ci_tests=$!

echo "== asan (build; ci tests running) ==" >&2
# The asan build copies the ci build's table of checked patterns instead of
# running the generator under ASan (CMakeLists.txt, docs/scale.md "session
# 31, h-ci2").
cmake --preset asan -DEVENTLINE_KNOWN_PATTERNS_FROM="$PWD/build/ci/generated/known_patterns.cpp" \
  >/dev/null
cmake --build --preset asan -j "$jobs"

status=0
wait "$ci_tests" || status=$?
ci_tests=
echo "== ci tests ==" >&2
cat "$log"
[ "$status" -eq 0 ] || exit "$status"

echo "== asan tests ==" >&2
ctest --preset asan -j "$jobs"

if command -v clang-format >/dev/null; then
  echo "== clang-format ==" >&2
  git ls-files -z -- 'app/*.cpp' 'app/*.h' 'lib/*.cpp' 'lib/*.h' 'tests/*.cpp' 'bench/*.cpp' |
    xargs -0 -r clang-format --dry-run --Werror
fi
