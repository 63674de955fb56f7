#!/usr/bin/env bash
# Installs what sendplan needs to build, test and run: Debian 12 packages (apt) and the web
# app's npm packages (pinned in package.json / package-lock.json, installed into node_modules/).
# help2man makes the man page, nginx checks the packaged nginx example (nginx -t), systemd brings
# systemd-analyze for the unit's test; Debian starts nginx when it installs it.
# Idempotent: installs only what is missing. Needs root (or sudo) the first time.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libgtest-dev libgmock-dev libbenchmark-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev libspdlog-dev
  libsqlite3-dev zlib1g-dev libcpp-httplib-dev
  libsodium-dev libpqxx-dev libpq-dev postgresql curl jq
  clang libclang-rt-14-dev
  nodejs npm chromium
  help2man nginx openssl systemd
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# A machine may already have Node.js and npm from elsewhere (e.g. a newer Node): keep it.
if command -v node >/dev/null && command -v npm >/dev/null; then
  kept=()
  for p in "${missing[@]}"; do
    if [[ $p != nodejs && $p != npm ]]; then kept+=("$p"); fi
  done
  missing=("${kept[@]+"${kept[@]}"}")
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all Debian packages present"
else
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "install-deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The web app's libraries and the browser-test driver, exactly as locked.
repo=$(cd "$(dirname "$0")/.." && pwd)
if [[ ! -d $repo/node_modules/leaflet || ! -d $repo/node_modules/chart.js ||
      ! -d $repo/node_modules/playwright-core ||
      $repo/package-lock.json -nt $repo/node_modules/.package-lock.json ]]; then
  echo "install-deps: npm ci (leaflet, chart.js, playwright-core)"
  (cd "$repo" && npm ci --no-audit --no-fund --loglevel=error)
else
  echo "install-deps: npm packages present"
fi
