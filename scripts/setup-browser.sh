#!/usr/bin/env bash
# Browser-test setup (idempotent): Debian's chromium + chromium-driver, firefox-esr +
# geckodriver (a crate), and WebKitGTK's WebKitWebDriver + MiniBrowser under Xvfb (axe-core
# comes with the npm packages scripts/setup.sh installs).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf '[setup-browser] %s\n' "$*"; }
die() { printf '[setup-browser] error: %s\n' "$*" >&2; exit 1; }

CHROME_BIN="${CHROME_BIN:-/usr/bin/chromium}"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
FIREFOX_BIN="${FIREFOX_BIN:-/usr/bin/firefox-esr}"
WEBKIT_DRIVER="${WEBKIT_DRIVER:-/usr/bin/WebKitWebDriver}"
MINIBROWSER="${MINIBROWSER:-/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser}"
GECKODRIVER_VERSION=0.37.1

apt_install() {
  command -v apt-get >/dev/null ||
    die "missing $*; apt-get is not available, install them by hand"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "need root or sudo to apt-get install $*"
    sudo=(sudo)
  fi
  say "installing $* with apt-get"
  if [ -z "${APT_UPDATED:-}" ]; then
    "${sudo[@]}" apt-get update
    APT_UPDATED=1
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

# --- chromium + chromedriver --------------------------------------------------------------
if [ -x "$CHROME_BIN" ] && [ -x "$CHROMEDRIVER" ]; then
  say "chromium ($CHROME_BIN) and chromedriver ($CHROMEDRIVER): present"
else
  apt_install chromium chromium-driver
fi

# --- firefox-esr + geckodriver ------------------------------------------------------------
if [ -x "$FIREFOX_BIN" ]; then
  say "firefox ($FIREFOX_BIN): present"
else
  apt_install firefox-esr
fi
if command -v geckodriver >/dev/null && geckodriver --version | grep -q "$GECKODRIVER_VERSION"; then
  say "geckodriver $GECKODRIVER_VERSION: present"
else
  say "installing geckodriver $GECKODRIVER_VERSION with cargo (a few minutes)"
  cargo install --locked geckodriver --version "$GECKODRIVER_VERSION"
fi

# --- WebKitGTK: WebKitWebDriver, MiniBrowser, Xvfb ----------------------------------------
if [ -x "$WEBKIT_DRIVER" ] && [ -x "$MINIBROWSER" ] && command -v Xvfb >/dev/null; then
  say "WebKitWebDriver, MiniBrowser and Xvfb: present"
else
  apt_install webkit2gtk-driver xvfb
  [ -x "$MINIBROWSER" ] || die "MiniBrowser is not at $MINIBROWSER; set MINIBROWSER"
fi

say "browser tooling ready"
