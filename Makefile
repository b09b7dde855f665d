# Guidepost — build and test entry points.
#   make serve   build and serve the widget at http://127.0.0.1:8080 (rebuilds on change)
#   make test    the whole gate: fmt, clippy (native + wasm), native tests, dist, size budget,
#                browser suite
# Every target sets up what it needs (idempotent; installed tools are skipped).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := test

export PATH := $(HOME)/.cargo/bin:$(PATH)
# Trunk must never try to download tools: setup puts the pinned ones on PATH.
export TRUNK_OFFLINE := true

DIST := $(CURDIR)/dist
WASM_TARGET := wasm32-unknown-unknown

.NOTPARALLEL:
.PHONY: setup setup-browser dist build-dist serve test lint native-test browser-test size check-content fuzz bench

## setup: rust wasm target, trunk, and wasm-bindgen-cli matching Cargo.toml's pin
setup:
	@bash scripts/setup.sh

## setup-browser: chromium + chromedriver, firefox-esr, WebKitGTK's WebKitWebDriver and
## MiniBrowser, Xvfb (apt), geckodriver (cargo install)
setup-browser:
	@bash scripts/setup-browser.sh

## dist: release build into dist/ (Trunk runs scripts/postbuild.sh as its post_build hook:
## the full build, the stripped wasm and the offline file)
dist: setup
	@$(MAKE) --no-print-directory build-dist

build-dist:
	trunk build --release

## serve: trunk's server on http://127.0.0.1:8080 (release build, rebuilds on change; no
## injected live-reload script, so the page is exactly what `make dist` produces)
serve: setup
	trunk serve --release --no-autoreload --address 127.0.0.1 --port 8080

## test: the full gate, in order
test: setup setup-browser
	@$(MAKE) --no-print-directory lint native-test build-dist size browser-test

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target $(WASM_TARGET) --lib --bin guidepost-core -- -D warnings
	cargo clippy --target $(WASM_TARGET) --lib --bin guidepost-core --features overrides -- -D warnings
	cargo clippy --target $(WASM_TARGET) --lib --bin guidepost-core --features turkish -- -D warnings

native-test:
	cargo test

# Compiled in the debug profile, the same build `cargo test` above already made.
browser-test:
	GUIDEPOST_DIST=$(DIST) cargo test --test browser -- --ignored --test-threads=1

## size: gzip bytes of everything a first visit downloads; fails over the 100 KB budget
size:
	node scripts/size.mjs $(DIST)

## check-content FILE=path.json: validate a content file (translation or override)
check-content:
	@if [ -z "$(FILE)" ]; then echo "usage: make check-content FILE=path/to/content.json" >&2; exit 2; fi
	cargo run --quiet --bin check-content -- $(FILE)

## fuzz: the hardening properties (content parser/validator, share links, saved progress)
## with many more cases than `make test` runs; FUZZ_CASES sets how many per property
FUZZ_CASES ?= 100000
fuzz:
	PROPTEST_CASES=$(FUZZ_CASES) cargo test --release --test content -- --nocapture

## bench: release build, native engine microbenchmarks (criterion), then the widget in
## headless Chromium over 127.0.0.1 (medians of BENCH_ROUNDS; trusted clicks, each kind's
## click-to-paint and Event Timing), then Lighthouse (mobile, simulated throttling) on the
## demo page; prints tables, writes target/bench.json. Lighthouse (pinned in tools/lighthouse)
## is installed on the first run: only this target needs it.
BENCH_ROUNDS ?= 5
bench: dist setup-browser
	@[ -d tools/lighthouse/node_modules ] || npm ci --prefix tools/lighthouse --no-audit --no-fund
	cargo bench --bench engine -- --noplot --warm-up-time 1 --measurement-time 3
	node scripts/bench.mjs $(DIST) $(BENCH_ROUNDS) --json target/bench.json
