#!/bin/sh
# Starts the real Qorgau server for the Playwright tests, on fresh demo data.
# Used by web/playwright.config.ts (webServer). Environment:
#   QORGAU_BIN       the server binary (default: <repo>/build/release/qorgau)
#   QORGAU_E2E_PORT  the port on 127.0.0.1 (default: 18080)
set -eu

repo=$(cd "$(dirname "$0")/../.." && pwd)
bin=${QORGAU_BIN:-"$repo/build/release/qorgau"}
port=${QORGAU_E2E_PORT:-18080}

if [ ! -x "$bin" ]; then
  echo "start-server.sh: server binary not found at $bin (build it, or set QORGAU_BIN)" >&2
  exit 1
fi
if [ ! -f "$repo/web/dist/index.html" ]; then
  echo "start-server.sh: $repo/web/dist is missing; run 'npm run build' in web/ first" >&2
  exit 1
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/qorgau-e2e.XXXXXX")
"$bin" demo-data --data-dir "$dir" >/dev/null
exec "$bin" serve --port "$port" --bind 127.0.0.1 --data-dir "$dir" --web-dir "$repo/web/dist"
