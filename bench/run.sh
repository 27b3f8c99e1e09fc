#!/usr/bin/env bash
# Ingest benchmark (issue 7): Cadran WASM (the app's import worker) vs PapaParse
# in headless Chromium vs Cadran native, on generated files. Not a test: it prints
# figures and writes bench/out/results.md.
#
#   bash bench/run.sh            # full run: 10k/100k/1M rows, en + fr, survey, transactions, 5 runs, memory
#   bash bench/run.sh --smoke    # CI smoke: the 10k-row files once, checks the paths agree (< 1 min warm)
#   RUNS=9 bash bench/run.sh     # more runs per file
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
SMOKE=""
[[ "${1:-}" == "--smoke" ]] && SMOKE=1

# 1. Data (deterministic; regenerated only when missing).
if [[ -n "$SMOKE" ]]; then
  [[ -f bench/data/subs-fr-10k.csv ]] || node bench/gen.mjs --small
else
  [[ -f bench/data/transactions-en-1m.csv ]] || node bench/gen.mjs
fi

# 2. The import worker exactly as the app ships it (scripts/build.mjs, step "import worker":
#    release profile at opt-level 3, wasm-opt -O3 with the feature flags of scripts/wasm-features.mjs,
#    SIMD for the record splitter), built without the rest of the app (same target dir and flags).
read -ra WASM_FEATURES <<< "$(node scripts/wasm-features.mjs --worker)"
mkdir -p bench/out/web
nice -n 10 cargo build --release --target wasm32-unknown-unknown -p cadran-worker
wasm-bindgen --target no-modules --no-typescript --out-dir bench/out/web --out-name cadran-worker \
  target/wasm32-unknown-unknown/release/cadran_worker.wasm
wasm-opt -O3 "${WASM_FEATURES[@]}" bench/out/web/cadran-worker_bg.wasm -o bench/out/web/cadran-worker_bg.wasm
cp crates/cadran-worker/js/import-worker.js bench/out/web/

# 3. Native: the same import through the core's streaming Ingestor.
cargo build --release -p cadran-core --example ingest_file
if [[ -n "$SMOKE" ]]; then
  FILES=(subs-en-10k.csv subs-fr-10k.csv); RUNS=1
else
  FILES=(subs-en-10k.csv subs-fr-10k.csv subs-en-100k.csv subs-fr-100k.csv subs-en-1m.csv subs-fr-1m.csv survey-en-1m.csv transactions-en-1m.csv)
  RUNS=${RUNS:-5}
fi
target/release/examples/ingest_file --json --runs "$RUNS" "${FILES[@]/#/bench/data/}" > bench/out/native.jsonl

# 4. Browser: WASM and PapaParse, compared with each other and with native.
if [[ -n "$SMOKE" ]]; then
  node bench/ingest.mjs --smoke
else
  node bench/ingest.mjs --runs "$RUNS" --memory
fi
