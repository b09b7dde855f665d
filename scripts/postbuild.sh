#!/usr/bin/env bash
# Post-build step for dist/ (or Trunk's staging directory): see scripts/postbuild.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-${TRUNK_STAGING_DIR:-dist}}"

# The full build (content overrides), beside Trunk's lean core build. Its own target
# directory keeps the two feature sets from evicting each other's cache.
bindgen_out="target/full/bindgen"
cargo build --release --quiet --target wasm32-unknown-unknown --bin guidepost-core --features overrides --target-dir target/full
wasm-bindgen --target web --no-typescript --out-dir "$bindgen_out" --out-name guidepost-full \
  target/full/wasm32-unknown-unknown/release/guidepost-core.wasm
cp "$bindgen_out/guidepost-full.js" "$bindgen_out/guidepost-full_bg.wasm" "$out/"

node scripts/postbuild.mjs "$out"
