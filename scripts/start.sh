#!/usr/bin/env bash
# README's first command: install, build, create the data directory with demo
# data, and run Qorgau on http://127.0.0.1:8080 (Ctrl+C stops it cleanly).
# Environment: QORGAU_DATA_DIR (default var/data), QORGAU_PORT (default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
scripts/build.sh release

data_dir=${QORGAU_DATA_DIR:-var/data}
port=${QORGAU_PORT:-8080}
build/release/qorgau demo-data --data-dir "$data_dir"
echo
echo "Data directory: $data_dir (database qorgau.db, key file qorgau.key: back both up)"
echo "Open http://127.0.0.1:$port/ in a browser."
exec build/release/qorgau serve --data-dir "$data_dir" --port "$port" --bind 127.0.0.1
