#!/usr/bin/env bash
# Runs every test Cadran has, after installing whatever is missing:
#   1. native unit, property and doc tests of the core (and the app's pure logic);
#   2. wasm-bindgen-test in headless Chromium (storage, mounting the app);
#   3. the release bundle, its size, and end-to-end tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "native tests (core: unit, property, doc)"
cargo test --workspace --exclude cadran
cargo test -p cadran --lib

step "browser tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown --test web

step "release bundle"
trunk build --release --offline
# What the first visit downloads before the app is interactive: the page, its
# stylesheet and the app's JS + WASM. The import worker loads only when data is
# given; the service worker precaches it (and the icons) afterwards, in the
# background: both are reported apart.
size() { gzip -9c "$1" | wc -c; }
first=0; later=0
for f in dist/*; do
  [ -f "$f" ] || continue
  case "$(basename "$f")" in
    index.html|cadran-[0-9a-f]*.js|cadran-[0-9a-f]*_bg.wasm|*.css) n=$(size "$f"); first=$((first + n)); printf '  %8d B gz  %s\n' "$n" "$f" ;;
    *) later=$((later + $(size "$f"))) ;;
  esac
done
printf '  %8d B gz  first visit, until interactive\n' "$first"
printf '  %8d B gz  loaded later (import worker on demand; service-worker precache, icons, manifest)\n' "$later"

step "ingest benchmark smoke run (WASM worker, PapaParse and native agree on 10k rows; no timing asserted)"
bash bench/run.sh --smoke

step "end-to-end tests (playwright-core + Debian Chromium)"
node --test --test-concurrency=1 tests/e2e/
