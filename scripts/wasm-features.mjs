// The WebAssembly features wasm-opt may use on Cadran's modules: the one list,
// read by scripts/build.mjs and (through `node scripts/wasm-features.mjs`,
// which prints it) by bench/run.sh. Every browser Cadran supports has them;
// rustc's wasm32 target emits bulk memory, sign extension, non-trapping
// float-to-int, mutable globals, reference types and multi-value, and
// wasm-opt must be told so or it refuses the module.
import { pathToFileURL } from 'node:url';

/** wasm-opt flags for every module. */
export const WASM_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];

/** Added for the import worker only: its record splitter uses simd128 (crates/cadran-core/src/ingest/simd.rs). */
export const WORKER_FEATURES = ['--enable-simd'];

// `node scripts/wasm-features.mjs [--worker]`: the flags on one line, for shell scripts.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const worker = process.argv.includes('--worker');
  console.log([...WASM_FEATURES, ...(worker ? WORKER_FEATURES : [])].join(' '));
}
