#!/usr/bin/env bash
# Browser-test setup (idempotent): Debian's chromium + chromium-driver (axe-core comes with
# the npm packages scripts/setup.sh installs).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf '[setup-browser] %s\n' "$*"; }
die() { printf '[setup-browser] error: %s\n' "$*" >&2; exit 1; }

CHROME_BIN="${CHROME_BIN:-/usr/bin/chromium}"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

# --- chromium + chromedriver --------------------------------------------------------------
if [ -x "$CHROME_BIN" ] && [ -x "$CHROMEDRIVER" ]; then
  say "chromium ($CHROME_BIN) and chromedriver ($CHROMEDRIVER): present"
else
  command -v apt-get >/dev/null ||
    die "$CHROME_BIN or $CHROMEDRIVER is missing and apt-get is not available; install chromium and its driver"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "need root or sudo to apt-get install chromium chromium-driver"
    sudo=(sudo)
  fi
  say "installing chromium and chromium-driver with apt-get"
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

say "browser tooling ready"
