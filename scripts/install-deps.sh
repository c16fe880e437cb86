#!/usr/bin/env bash
# Installs what Qorgau needs to build, run and test, from Debian 12 packages
# and the npm registry only. Idempotent and non-interactive: packages already
# installed are skipped, and apt's package lists are refreshed only when
# something is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PACKAGES=(
  # toolchain
  g++ cmake ninja-build ccache pkg-config clang-format clang-tidy
  # libraries (see docs/architecture.md)
  libboost-dev nlohmann-json3-dev libsqlite3-dev libsodium-dev libtomlplusplus-dev
  libcli11-dev libspdlog-dev libfmt-dev libicu-dev libgtest-dev libgmock-dev
  # the server's memory allocator (CMakeLists.txt, docs/decisions.md 127)
  libmimalloc-dev
  # the help poster: PDF through cairo + pango, QR codes
  libcairo2-dev libpango1.0-dev libqrencode-dev
  # XLSX exports of case lists (src/cases/xlsx.h)
  libxlsxwriter-dev
  # the common-password list compiled into the binary
  john-data
  # tools and browser for tests and operations
  sqlite3 curl ca-certificates chromium fonts-dejavu-core
  # the poster tests read the PDF's text (pdftotext, pdftoppm) and decode its QR code (zbarimg)
  poppler-utils zbar-tools
  # the court-bundle and export tests open archives (the bundle, XLSX files) as a clerk would
  # (unzip) and with Python's zipfile
  unzip python3
  # the jurisdiction's time zone comes from the system database (core/time_zone.h)
  tzdata
  # benchmarks (bench/): HTTP load generator, and nginx as the constant-body baseline of
  # bench/verify
  wrk nginx-light
)

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if ! command -v node >/dev/null 2>&1; then missing+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 18 ]; then
  echo "Node.js 18 or newer is needed for the web app (found $(node --version))" >&2
  exit 1
fi

# npm packages of the web app, at the versions in package-lock.json. Skipped
# when up to date. `npm install --no-save` rather than `npm ci`: npm records
# only this platform's optional packages (rollup's native binaries) in the
# lock file, and `npm ci` then refuses the lock as incomplete (npm/cli#4828).
# --no-save keeps package.json and package-lock.json untouched.
if [ ! -f web/node_modules/.package-lock.json ] ||
  [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  echo "Installing npm packages of the web app"
  (cd web && npm install --no-save --no-audit --no-fund --loglevel=error)
fi
