// Builds the page modules that want speed over size without Leptos's
// `--cfg erase_components`, into Trunk's staging directory.
//
// Why: `.cargo/config.toml` sets `--cfg erase_components` for every wasm
// build, which makes the shell's first visit ≈ 8 % smaller. But it routes
// every reactive text through a shared, type-erased render path, and on the
// scenario workbench (5 scenarios × 60 months re-rendered per keystroke)
// that doubled the input → result time: median 15.6 ms against 7.9 ms
// without it (bench/interaction.mjs, quiet machine). The workbench is loaded
// on demand, so its size matters less than its speed: it is built here with
// plain views. A cfg is a compiler flag for the whole build, so this build
// has its own target directory (`target/plain-views`) — otherwise the two
// flag sets would rebuild each other's dependencies every time.
//
// Called by scripts/post-build.mjs (Trunk's post_build hook) before it
// lists the build's files for the service worker.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The binaries built here (`src/bin/<name>.rs`), each shipped as `<name>.js` + `<name>_bg.wasm`. */
export const PLAIN_VIEW_MODULES = ['cadran-scenarios'];

/** The wasm features wasm-opt may use: the same list as index.html's `data-wasm-opt-params` (also used by split-cards.mjs). */
export const WASM_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];

/** Builds every module of PLAIN_VIEW_MODULES into `stage` (release: LTO'd, `wasm-opt -Oz`). */
export function buildPlainViewModules(stage, { release, source }) {
  const targetDir = join(source, 'target', 'plain-views');
  const env = { ...process.env, CARGO_TARGET_DIR: targetDir, RUSTFLAGS: '--cfg cadran_plain_views' };
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: source, env, stdio: ['ignore', 'inherit', 'inherit'] });
  for (const name of PLAIN_VIEW_MODULES) {
    run('cargo', ['build', '--target', 'wasm32-unknown-unknown', '-p', 'cadran', '--bin', name, ...(release ? ['--release'] : [])]);
    const wasm = join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${name}.wasm`);
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', stage, '--out-name', name, wasm]);
    if (release) {
      const out = join(stage, `${name}_bg.wasm`);
      run('wasm-opt', ['-Oz', ...WASM_FEATURES, out, '-o', out]);
    }
  }
}
