#!/usr/bin/env bash
# Builds the deployable site into dist/ (`make dist`). Where the nightly toolchain has rust-src
# and the wasm32 target (scripts/setup.sh adds both when nightly is there), the wasm is a size
# build: the standard library rebuilt for size (-Z build-std, optimize_for_size) and panics that
# trap at once (-Cpanic=immediate-abort), about 17 KB brotli smaller (docs/performance.md,
# "What a reader pays"), and no panic locations (-Zlocation-detail=none: a panic that aborts at
# once prints none, so the file names and line numbers were only bytes, 144 B brotli measured),
# and no `Debug` formatting (-Zfmt-debug=none: 2.7 KB brotli measured; nothing a reader sees is
# written with `Debug`, and the one serde message that names a value with it gets the value back
# from the text: src/content/file.rs, with_string_value). Elsewhere it falls back to stable, with
# one line saying so. Tests always run on stable.
# Writes which build it made to target/dist-build (read by the size guard).
set -euo pipefail
cd "$(dirname "$0")/.."

nightly_ready() {
  [ "${RC_STABLE:-}" != "1" ] \
    && rustup run nightly rustc --version >/dev/null 2>&1 \
    && rustup component list --installed --toolchain nightly 2>/dev/null | grep -q '^rust-src' \
    && rustup target list --installed --toolchain nightly 2>/dev/null | grep -qx wasm32-unknown-unknown
}

mkdir -p target
if nightly_ready; then
  echo "dist: nightly size build ($(rustup run nightly rustc --version))"
  # Only the wasm target gets these flags; the pre-render (a native build run by the post-build
  # hook) clears them and builds on stable.
  RUSTUP_TOOLCHAIN=nightly \
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
    CARGO_TARGET_DIR=target/nightly \
    trunk build --release
  echo nightly-size > target/dist-build
else
  echo "dist: stable build (no nightly toolchain with rust-src and wasm32 here; the size build needs them)"
  trunk build --release
  echo stable > target/dist-build
fi
