#!/usr/bin/env bash
# Static checks: clang-format (whole tree) and clang-tidy (.clang-tidy) over
# the C++ sources. clang-tidy needs a compilation database without GCC's
# precompiled headers, so it gets a configure-only build directory.
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t sources < <(git ls-files 'src/*.h' 'src/*.cc' 'tests/api/*.h' 'tests/api/*.cc' 'bench/*.cc')
clang-format --dry-run --Werror "${sources[@]}"
echo "clang-format: ${#sources[@]} files clean"

cmake -S . -B build/tidy -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON \
  -DCMAKE_CXX_COMPILER_LAUNCHER= >/dev/null
mapfile -t units < <(git ls-files 'src/*.cc' | grep -v '_test\.cc$')
run-clang-tidy -quiet -p build/tidy -j "$(nproc)" -extra-arg=-Wno-unknown-warning-option \
  -extra-arg=-DBOOST_ASIO_HAS_CO_AWAIT=1 -extra-arg=-DBOOST_ASIO_HAS_STD_COROUTINE=1 \
  "${units[@]}" >build/tidy/report.txt 2>&1 || {
  grep -E "error:|warning:" build/tidy/report.txt | grep -v "warnings generated" | head -50
  echo "clang-tidy found problems (full report: build/tidy/report.txt)" >&2
  exit 1
}
echo "clang-tidy: ${#units[@]} files clean"
