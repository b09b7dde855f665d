#!/usr/bin/env bash
# Toolchain setup for building Guidepost (idempotent: skips whatever is already in place).
#
#   - the wasm32-unknown-unknown target, rustfmt and clippy
#   - trunk, at the version pinned below (0.22+ needs a newer rustc than this project's)
#   - wasm-bindgen-cli, at exactly the version Cargo.toml pins for the `wasm-bindgen` crate
#     (Trunk refuses or tries to download on a mismatch, and downloads fail on these machines)
set -euo pipefail

TRUNK_VERSION="0.21.14"
WASM_TARGET="wasm32-unknown-unknown"

cd "$(dirname "${BASH_SOURCE[0]}")/.."
case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) export PATH="$HOME/.cargo/bin:$PATH" ;; esac

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

command -v cargo >/dev/null || die "cargo not found; install Rust (https://rustup.rs) first"
command -v rustup >/dev/null || die "rustup not found; it is needed to add the $WASM_TARGET target"

# --- Rust target and components -------------------------------------------------------
if rustup target list --installed | grep -qx "$WASM_TARGET"; then
  say "rust target $WASM_TARGET: present"
else
  say "adding rust target $WASM_TARGET"
  rustup target add "$WASM_TARGET"
fi
for component in rustfmt clippy; do
  if rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "rustup component $component: present"
  else
    say "adding rustup component $component"
    rustup component add "$component"
  fi
done

# --- trunk ------------------------------------------------------------------------------
have_trunk="$(trunk --version 2>/dev/null || true)"
if [ "$have_trunk" = "trunk $TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION: present"
else
  say "installing trunk $TRUNK_VERSION (found: ${have_trunk:-none}); a cold build takes ~7 minutes"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# --- wasm-bindgen-cli, matching the crate pin in Cargo.toml --------------------------------
# Accepts `wasm-bindgen = "=0.2.N"` or `wasm-bindgen = { version = "=0.2.N", ... }`.
bindgen_version="$(sed -nE \
  -e 's/^[[:space:]]*wasm-bindgen[[:space:]]*=[[:space:]]*"=([0-9]+\.[0-9]+\.[0-9]+)".*/\1/p' \
  -e 's/^[[:space:]]*wasm-bindgen[[:space:]]*=[[:space:]]*\{.*version[[:space:]]*=[[:space:]]*"=([0-9]+\.[0-9]+\.[0-9]+)".*/\1/p' \
  Cargo.toml | head -n1)"
[ -n "$bindgen_version" ] ||
  die 'Cargo.toml must pin the wasm-bindgen crate exactly (wasm-bindgen = "=0.2.N") so the CLI can match it'

have_bindgen="$(wasm-bindgen --version 2>/dev/null || true)"
if [ "$have_bindgen" = "wasm-bindgen $bindgen_version" ]; then
  say "wasm-bindgen-cli $bindgen_version: present"
else
  say "installing wasm-bindgen-cli $bindgen_version (found: ${have_bindgen:-none})"
  # Prefer the CLI's own lockfile; some registry mirrors lack a locked dependency
  # (seen: webpki-roots), so fall back to a fresh resolution of the same CLI version.
  if ! cargo install --locked wasm-bindgen-cli --version "$bindgen_version"; then
    say "locked install failed; retrying without --locked"
    cargo install wasm-bindgen-cli --version "$bindgen_version"
  fi
fi

# --- npm packages (package.json pins exact versions; package-lock.json is committed) -------
# terser and binaryen shrink what `make dist` ships; axe-core runs in the browser suite, and
# esbuild, React and Vue build and run its framework hosts (tests/browser/frameworks/).
if node -e 'const want = require("./package.json").devDependencies;
  for (const [name, version] of Object.entries(want))
    if (require(`./node_modules/${name}/package.json`).version !== version) process.exit(1);' 2>/dev/null; then
  say "npm packages: present"
else
  command -v npm >/dev/null || die "npm not found; install Node.js 20+ and npm"
  say "installing npm packages with npm ci"
  npm ci --no-audit --no-fund
fi

say "toolchain ready"
