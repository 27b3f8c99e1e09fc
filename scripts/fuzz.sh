#!/usr/bin/env bash
# Fuzzes CSV ingestion with cargo-fuzz / libFuzzer for a bounded time.
# Targets (fuzz/fuzz_targets/):
#   ingest        ingest, preview and chunked Ingestor on arbitrary bytes: never a panic
#   records_diff  Cadran's records (fast path + csv-core, in chunks) vs csv-core's
#                 on the same bytes: same records, same lines (differential)
#
#   bash scripts/fuzz.sh                    # ingest, 60 s
#   bash scripts/fuzz.sh records_diff       # the differential target
#   TARGET=records_diff FUZZ_SECONDS=600 bash scripts/fuzz.sh
#
# cargo-fuzz needs nightly compiler flags (-Z sanitizer); this project uses
# stable Rust, so RUSTC_BOOTSTRAP=1 enables them for this build only (the fuzz
# crate has its own workspace and target dir, fuzz/target, so nothing else is
# rebuilt). A crash is saved under fuzz/artifacts/<target>/ and the script fails;
# reproduce with `RUSTC_BOOTSTRAP=1 cargo fuzz run <target> <file>` in fuzz/, then
# add the input to crates/cadran-core/tests/fixtures and corpus.rs.
# Cold cost: installing cargo-fuzz (≈ 3–12 min) and the first build (≈ 2–7 min).
set -euo pipefail
TARGET="${1:-${TARGET:-ingest}}"
case "$TARGET" in
  ingest|records_diff) ;;
  *) echo "unknown fuzz target: $TARGET (ingest or records_diff)" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/../fuzz"
export PATH="$HOME/.cargo/bin:$PATH"
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install --locked cargo-fuzz --version 0.13.2
fi
mkdir -p "corpus/$TARGET"
# Seed with the fixture corpus so the fuzzer starts from real exports.
cp -n ../crates/cadran-core/tests/fixtures/* "corpus/$TARGET/" 2>/dev/null || true
RUSTC_BOOTSTRAP=1 cargo fuzz run "$TARGET" -- -max_total_time="${FUZZ_SECONDS:-60}" -max_len=4096 -print_final_stats=1
