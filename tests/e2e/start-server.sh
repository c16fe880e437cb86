#!/bin/sh
# Starts the real Qorgau server for the Playwright tests, on fresh demo data.
# Used by web/playwright.config.ts (webServer). Environment:
#   QORGAU_BIN       the server binary (default: <repo>/build/release/qorgau)
#   QORGAU_E2E_PORT  the port on 127.0.0.1 (default: 18080)
#   QORGAU_WEB_DIR   the built web app (default: <repo>/web/dist)
set -eu

repo=$(cd "$(dirname "$0")/../.." && pwd)
bin=${QORGAU_BIN:-"$repo/build/release/qorgau"}
port=${QORGAU_E2E_PORT:-18080}
web_dir=${QORGAU_WEB_DIR:-"$repo/web/dist"}

if [ ! -x "$bin" ]; then
  echo "start-server.sh: server binary not found at $bin (build it, or set QORGAU_BIN)" >&2
  exit 1
fi
if [ ! -f "$web_dir/index.html" ]; then
  echo "start-server.sh: $web_dir is missing; run 'npm run build' in web/ first" >&2
  exit 1
fi

tmp=${TMPDIR:-/tmp}
# Remove data dirs of earlier runs whose server has exited (the server is killed, so it cannot
# clean up after itself). A dir is only removed when the pid recorded in it is gone.
for old in "$tmp"/qorgau-e2e.*; do
  [ -f "$old/server.pid" ] || continue
  if ! kill -0 "$(cat "$old/server.pid")" 2>/dev/null; then rm -rf "$old"; fi
done

dir=$(mktemp -d "$tmp/qorgau-e2e.XXXXXX")
echo $$ >"$dir/server.pid" # exec keeps this pid for the server
if ! "$bin" demo-data --data-dir "$dir" >>"$dir/server.log" 2>&1; then
  cat "$dir/server.log" >&2
  exit 1
fi
# The server's log goes to a file unless QORGAU_E2E_VERBOSE=1, to keep the test output readable.
if [ "${QORGAU_E2E_VERBOSE:-0}" != 1 ]; then
  echo "start-server.sh: data in $dir, server log in $dir/server.log" >&2
  exec >>"$dir/server.log" 2>&1
fi
# Every test signs in from 127.0.0.1: the per-address login throttle (20 a minute by default)
# would refuse the suite's later sign-ins. Lockout after failed passwords stays as configured.
export QORGAU_LOGIN_ATTEMPTS_PER_MINUTE=${QORGAU_LOGIN_ATTEMPTS_PER_MINUTE:-1000}
# The report tests attach files from the same address: the per-address attachment throttle (60 an
# hour by default) is raised likewise; set QORGAU_INTAKE_ATTACHMENTS_PER_HOUR to test the 429.
export QORGAU_INTAKE_ATTACHMENTS_PER_HOUR=${QORGAU_INTAKE_ATTACHMENTS_PER_HOUR:-1000}
exec "$bin" serve --port "$port" --bind 127.0.0.1 --data-dir "$dir" --web-dir "$web_dir"
