#!/usr/bin/env bash
# Builds the C++ server (CMake preset, default "release") and the web app.
# Usage: scripts/build.sh [release|debug|asan]
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-release}

# ccache with precompiled headers needs these relaxations to get cache hits.
export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
export CCACHE_BASEDIR="$PWD"  # relative paths: clones in other folders share the cache
jobs=$(nproc)

cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$jobs"

if [ "$preset" = release ]; then
  (cd web && npm run --silent build)
fi
