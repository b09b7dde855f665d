#!/usr/bin/env bash
# Post-build step for dist/ (or Trunk's staging directory): see scripts/postbuild.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/postbuild.mjs "${1:-${TRUNK_STAGING_DIR:-dist}}"
