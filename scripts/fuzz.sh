#!/usr/bin/env bash
# Fuzzes CSV ingestion (fuzz/fuzz_targets/ingest.rs: ingest, preview and chunked
# Ingestor on arbitrary bytes) with cargo-fuzz / libFuzzer for a bounded time.
#
#   bash scripts/fuzz.sh            # 60 s
#   FUZZ_SECONDS=600 bash scripts/fuzz.sh
#
# cargo-fuzz needs nightly compiler flags (-Z sanitizer); this project uses
# stable Rust, so RUSTC_BOOTSTRAP=1 enables them for this build only (the fuzz
# crate has its own workspace and target dir, fuzz/target, so nothing else is
# rebuilt). A crash is saved under fuzz/artifacts/ingest/ and the script fails;
# reproduce with `RUSTC_BOOTSTRAP=1 cargo fuzz run ingest <file>` in fuzz/, then
# add the input to crates/cadran-core/tests/fixtures and corpus.rs.
# Cold cost: installing cargo-fuzz (≈ 3–12 min) and the first build (≈ 2–7 min).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export PATH="$HOME/.cargo/bin:$PATH"
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install --locked cargo-fuzz --version 0.13.2
fi
mkdir -p corpus/ingest
# Seed with the fixture corpus so the fuzzer starts from real exports.
cp -n ../crates/cadran-core/tests/fixtures/* corpus/ingest/ 2>/dev/null || true
RUSTC_BOOTSTRAP=1 cargo fuzz run ingest -- -max_total_time="${FUZZ_SECONDS:-60}" -max_len=4096 -print_final_stats=1
