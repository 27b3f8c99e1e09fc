#!/usr/bin/env bash
# Installs, only when missing, every tool Cadran needs to build, serve and test.
# Idempotent: a second run on a set-up machine takes a few seconds.
# Everything comes from crates.io, npm or Debian's packages; nothing else is downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Splits the release shell into the KPI cards' chunks (scripts/build.mjs, step "shell").
WASM_SPLIT_VERSION=0.2.4
BINARYEN_VERSION=132
# The wasm-bindgen CLI must match the library version in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (several minutes the first time)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\b"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: the CLI's lock file pins a webpki-roots release that the
  # crates.io index no longer offers; the resolved set builds and is pinned
  # where it matters (the CLI version itself).
  cargo install --force wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  log "installing wasm-split-cli $WASM_SPLIT_VERSION (about 3 minutes the first time)"
  cargo install --locked "wasm_split_cli_support@$WASM_SPLIT_VERSION" --features build-binary
fi

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm build and test dependencies (binaryen, terser, playwright-core, axe-core, papaparse)"
  npm ci --no-audit --no-fund --loglevel=error
fi
if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  echo "wasm-opt $BINARYEN_VERSION not found in node_modules/.bin (npm package binaryen)" >&2
  exit 1
fi
log "tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -1)"
