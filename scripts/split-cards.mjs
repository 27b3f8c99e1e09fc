// Release builds only: replaces the shell's WebAssembly that Trunk built with
// one split by wasm-split, in which each KPI card and the dashboard are chunks
// fetched when first opened (src/lazy/chunks.rs says why).
//
// Trunk 0.21 runs `cargo build` and `wasm-bindgen` back to back, and
// wasm-split has to run between the two, on a module linked with
// `--emit-relocs`. So this hook builds the shell again, with
// `--cfg cadran_split` (the cards become split points) in its own target
// directory (`target/split`, so the flags do not rebuild Trunk's
// dependencies), then:
//   cargo build → wasm-split-cli → wasm-bindgen --keep-lld-exports → wasm-opt -Oz (terser for the JS)
// and writes the result over Trunk's `cadran-<hash>.js` / `_bg.wasm`, next to
// the chunks and their loader `__wasm_split.js`. index.html keeps Trunk's
// names; the integrity hashes of the two replaced files are updated.
//
// Called by scripts/post-build.mjs before it lists the build's files for the
// service worker, so the chunks are precached for offline use.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WASM_FEATURES } from './plain-views.mjs';

/** Splits the shell in `stage` (a release build by Trunk); returns the number of chunks written. */
export function splitShell(stage, { source }) {
  const html = readFileSync(join(stage, 'index.html'), 'utf8');
  const m = html.match(/import init, \* as bindings from '\.\/(cadran-[0-9a-f]+)\.js'/);
  if (!m) throw new Error("split-cards: Trunk's loader for cadran-<hash>.js not found in index.html");
  const name = m[1];

  const targetDir = join(source, 'target', 'split');
  // RUSTFLAGS replaces .cargo/config.toml's flags, so erase_components is repeated here.
  const env = { ...process.env, CARGO_TARGET_DIR: targetDir,
    RUSTFLAGS: '--cfg erase_components --cfg cadran_split -Clink-args=--emit-relocs' };
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: source, env, stdio: ['ignore', 'inherit', 'inherit'] });
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'cadran', '--bin', 'cadran']);

  const work = mkdtempSync(join(tmpdir(), 'cadran-split-'));
  try {
    const split = join(work, 'split');
    run('wasm-split-cli', ['--target', 'web', '--out-name', name,
      join(targetDir, 'wasm32-unknown-unknown', 'release', 'cadran.wasm'), split]);
    const bound = join(work, 'bound');
    // --keep-lld-exports: the chunks import the shell's functions by these exports.
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--no-demangle',
      '--out-dir', bound, '--out-name', name, join(split, `${name}.wasm`)]);
    // wasm-opt warns about every chunk's name subsection it does not know
    // (wasm-split writes one); quiet unless it fails, when the error carries its output.
    const opt = (from, to) => execFileSync('wasm-opt', ['-Oz', '--strip-debug', '--strip-producers', ...WASM_FEATURES, from, '-o', to],
      { cwd: source, env, stdio: ['ignore', 'inherit', 'pipe'] });
    opt(join(bound, `${name}_bg.wasm`), join(stage, `${name}_bg.wasm`));
    // The loader and wasm-bindgen's glue are part of every first visit: minified (terser, npm).
    const minify = (from, to) => run(join(source, 'node_modules', '.bin', 'terser'),
      [from, '--module', '--compress', '--mangle', '--output', to]);
    minify(join(bound, `${name}.js`), join(stage, `${name}.js`));
    cpSync(join(bound, 'snippets'), join(stage, 'snippets'), { recursive: true });
    const chunks = readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${name}.wasm`);
    for (const f of chunks) opt(join(split, f), join(stage, f));
    minify(join(split, '__wasm_split.js'), join(stage, '__wasm_split.js'));

    // Trunk's preload links carry the integrity of the files it built.
    const sri = (f) => 'sha384-' + createHash('sha384').update(readFileSync(join(stage, f))).digest('base64');
    let out = html;
    for (const f of [`${name}.js`, `${name}_bg.wasm`]) {
      const link = new RegExp(`(href="\\./${f.replace('.', '\\.')}"[^>]*integrity=")[^"]*(")`);
      if (!link.test(out)) throw new Error(`split-cards: no integrity attribute for ${f} in index.html`);
      out = out.replace(link, `$1${sri(f)}$2`);
    }
    writeFileSync(join(stage, 'index.html'), out);
    return chunks.length;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
