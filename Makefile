# The project's commands. `make serve` and `make test` are the two a newcomer needs; each first
# installs whatever is missing (scripts/setup.sh), so both work on a fresh machine and twice.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Trunk otherwise asks GitHub for newer releases at start-up; there is no route to it here.
export TRUNK_SKIP_VERSION_CHECK := true
# wasm-bindgen-test-runner prefers geckodriver when one is on PATH; use Debian's Chromium.
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROME_BIN ?= /usr/bin/chromium

.PHONY: help setup serve dist release test lint test-native test-content test-browser test-size test-release test-e2e test-repeat screenshots size bench

help:
	@echo "make serve   install what is missing, build, and serve the site on http://127.0.0.1:8080"
	@echo "make test    install what is missing and run every check and test"
	@echo "make dist    build the deployable site into dist/"
	@echo "make release build, then pack release/role-compare-<version>.tar.gz and .zip with SHA256SUMS"
	@echo "make size    report the compressed size of what the page downloads"
	@echo "make test-repeat N=10 [BUSY=1] [ALONE=1]  run the end-to-end suite N times on dist/, list every test that failed"
	@echo "make screenshots  build, then make every screenshot the documentation shows (docs/*.png)"
	@echo "make bench   build, then benchmark the widget against the plain reference page (BENCHMARKS.md)"

setup:
	@scripts/setup.sh

# A stable build (fast to rebuild while editing); the size guard reads which build dist/ holds.
serve: setup
	mkdir -p target && echo stable > target/dist-build
	trunk serve --release

# The nightly size build where nightly has rust-src and wasm32, else stable (scripts/dist.sh).
dist: setup
	scripts/dist.sh
	scripts/size-report.sh

test: setup lint test-native test-content test-browser dist test-size test-release test-e2e

lint:
	cargo fmt --all --check
	cargo clippy --all-targets --locked -- -D warnings
	cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test --locked

# The content files against the JSON Schema (Ajv), beside the widget's own validator in test-native;
# every relative link and anchor of the Markdown files; BENCHMARKS.md's sections each once; the test
# server's compression (the benchmark's Lighthouse part); what the bench copies for its wasm
# breakdown.
test-content:
	node --test tests/node/

test-browser:
	cargo test --locked --target wasm32-unknown-unknown --test browser

# Brotli sizes of dist/ against size-budget.json: they may only go down.
test-size:
	node --test tests/size/

# The release archives of the built dist/: reproducible, complete, verifiable (scripts/release.sh).
test-release:
	node --test tests/release/

# The archives authors download (release/): dist/ built afresh, then packed.
release: dist
	scripts/release.sh

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

# The end-to-end suite N times on the dist/ already built (no rebuild, no retries), then every
# test that failed at least once, how often and with what error (scripts/test-repeat.mjs).
# BUSY=1 runs a CPU-bound process per core beside it, killed at the end; ALONE=1 then runs each
# test on its own once (one that needs an earlier test fails there); E2E= other test files.
N ?= 10
test-repeat:
	node scripts/test-repeat.mjs --runs $(N) $(if $(filter-out 0,$(BUSY)),--busy) $(if $(filter-out 0,$(ALONE)),--alone) $(E2E)

size:
	scripts/size-report.sh

# Every screenshot in README.md and docs/ made again from a fresh build, the Hugo and WordPress
# ones in the real Hugo and WordPress the end-to-end tests run; fails if a .png shown in a *.md
# file was not made (scripts/screenshots.mjs).
screenshots: dist
	node scripts/screenshots.mjs

# Not part of `make test`: times depend on the machine. Builds the release site itself (make
# dist) unless given BENCH_ARGS="--no-build --dist DIR"; other flags: --runs N, --no-lighthouse.
bench: setup
	node scripts/bench.mjs $(BENCH_ARGS)
