#!/usr/bin/env bash
# README's second command: the whole test suite, as CI runs it.
#   1. static checks (clang-format, clang-tidy)
#   2. release build + web app; unit and API tests (ctest)
#   3. browser tests (Playwright, Debian chromium) against the real server
#   4. ASan+UBSan build; unit and API tests again under the sanitizers
# Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

scripts/install-deps.sh

echo "== static checks (clang-format, clang-tidy)"
scripts/lint.sh

echo "== release build"
scripts/build.sh release

echo "== unit and API tests (release)"
ctest --preset release -j "$(nproc)" --timeout 300

echo "== browser tests (Playwright + chromium)"
(cd web && npm run --silent test:e2e)

echo "== ASan+UBSan build"
scripts/build.sh asan
echo "== unit and API tests (ASan+UBSan)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0 \
  ctest --preset asan -j "$(nproc)" --timeout 600

echo "== all tests passed in $(( $(date +%s) - started )) s"
