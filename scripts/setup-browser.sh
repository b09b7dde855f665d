#!/usr/bin/env bash
# Browser-test setup (idempotent): Debian's chromium + chromium-driver, and axe-core from npm.
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

# --- axe-core (package.json pins the exact version; package-lock.json is committed) -------
wanted="$(sed -nE 's/.*"axe-core"[[:space:]]*:[[:space:]]*"([^"]+)".*/\1/p' package.json | head -n1)"
have=""
if [ -f node_modules/axe-core/package.json ]; then
  have="$(sed -nE 's/^[[:space:]]*"version"[[:space:]]*:[[:space:]]*"([^"]+)".*/\1/p' node_modules/axe-core/package.json | head -n1)"
fi
if [ -n "$have" ] && [ "$have" = "$wanted" ] && [ -f node_modules/axe-core/axe.min.js ]; then
  say "axe-core $have: present"
else
  command -v npm >/dev/null || die "npm not found; install Node.js 20+ and npm"
  say "installing axe-core $wanted with npm ci (found: ${have:-none})"
  npm ci --no-audit --no-fund
fi

say "browser tooling ready"
