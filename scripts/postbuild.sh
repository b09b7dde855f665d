#!/usr/bin/env bash
# Post-build step for dist/ (or Trunk's staging directory): see scripts/postbuild.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-${TRUNK_STAGING_DIR:-dist}}"

# Beside Trunk's English core build, two more builds of the same code, each in its own
# target directory so the feature sets do not evict each other's cache:
#   guidepost-core-tr  the Turkish core (Turkish strings compiled in), for Turkish pages;
#   guidepost-full     both languages and content overrides, only for pages that use one.
variant() {
  local name="$1" features="$2"
  cargo build --release --quiet --target wasm32-unknown-unknown --bin guidepost-core \
    --features "$features" --target-dir "target/$name"
  wasm-bindgen --target web --no-typescript --out-dir "target/$name/bindgen" --out-name "guidepost-$name" \
    "target/$name/wasm32-unknown-unknown/release/guidepost-core.wasm"
  cp "target/$name/bindgen/guidepost-$name.js" "target/$name/bindgen/guidepost-${name}_bg.wasm" "$out/"
}
variant core-tr turkish
variant full overrides

# The widget's stylesheet, which guidepost.js fetches for a widget that was not prerendered,
# and its first view in English, which postbuild.mjs puts into the offline file (native
# builds of src/bin/prerender.rs).
cargo run --quiet --bin prerender -- --css > "$out/guidepost.css"
cargo run --quiet --bin prerender -- en > target/prerender-en.html

node scripts/postbuild.mjs "$out"
