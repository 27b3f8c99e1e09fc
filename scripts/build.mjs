// Cadran's release bundle, in dist/: `node scripts/build.mjs`.
//
// Seven named steps, run in order; each prints its name and time:
//   1. shell           cargo build of the app with `--cfg cadran_split`, linked
//                      with `--emit-relocs` → wasm-split-cli (each KPI card and
//                      the dashboard a chunk, src/lazy/chunks.rs) → wasm-bindgen
//   2. page modules    the import page and the embed builder (src/bin/), each a
//                      module of its own, loaded by the shell on demand → wasm-bindgen
//   3. plain-view module   the scenario workbench (src/bin/cadran-scenarios.rs),
//                      built without `erase_components`, for speed → wasm-bindgen
//   4. import worker   crates/cadran-worker (opt-level 3, SIMD) → wasm-bindgen
//   5. optimise        wasm-opt on every module (-Oz; the worker -O3 --enable-simd),
//                      terser on the JavaScript glue
//   6. index.html and files   index.html with content-hashed names and the
//                      preload links' integrity; the stylesheet; the copied files
//   7. CSP and service worker (scripts/csp-sw.mjs)
//
// Each cargo build whose rustflags differ has its own target directory, so
// that the builds do not rebuild each other's dependencies:
//   target/split        the shell  (erase_components, cadran_split, --emit-relocs)
//   target/             page modules and worker (erase_components, as .cargo/config.toml,
//                       which `trunk serve` and the tests also use)
//   target/plain-views  the scenario module (no flag)
// The flags are set explicitly (CARGO_ENCODED_RUSTFLAGS replaces both
// .cargo/config.toml's list and any RUSTFLAGS of the environment).
//
// Development builds are `trunk serve` (scripts/serve.sh): no split, no wasm-opt.
// Work files go to target/bundle/; dist/ is replaced only once every step succeeded.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { WASM_FEATURES, WORKER_FEATURES } from './wasm-features.mjs';
import { addCsp, writeServiceWorker } from './csp-sw.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const WASM_TARGET = 'wasm32-unknown-unknown';
const WORK = join(ROOT, 'target', 'bundle');
const BOUND = join(WORK, 'bound'); // wasm-bindgen's output for every module
const SPLIT = join(WORK, 'split'); // wasm-split-cli's output
const OUT = join(WORK, 'dist'); // becomes dist/
const DIST = join(ROOT, 'dist');

/** The rustflags of each target directory (see the top of this file). */
const BUILDS = {
  shell: { dir: join(ROOT, 'target', 'split'), rustflags: ['--cfg', 'erase_components', '--cfg', 'cadran_split', '-Clink-args=--emit-relocs'] },
  app: { dir: join(ROOT, 'target'), rustflags: ['--cfg', 'erase_components'] },
  plain: { dir: join(ROOT, 'target', 'plain-views'), rustflags: [] },
};
/** The page modules (`src/bin/<name>.rs`), shipped unhashed as `<name>.js` + `<name>_bg.wasm`: src/lazy/mod.rs names them. */
const PAGE_MODULES = ['cadran-import', 'cadran-embed'];
/** Built with BUILDS.plain: the scenario workbench re-renders 5 × 60 months per keystroke (README "Measured"). */
const PLAIN_VIEW_MODULES = ['cadran-scenarios'];
/** The import worker's files, unhashed: crates/cadran-worker/js/import-worker.js loads them by name. */
const WORKER = 'cadran-worker';

const env = { ...process.env, PATH: [join(ROOT, 'node_modules', '.bin'), join(homedir(), '.cargo', 'bin'), process.env.PATH].join(delimiter) };
delete env.RUSTFLAGS;

/** Runs a tool, its output on ours; throws if it fails. */
function run(cmd, args, extraEnv = {}) {
  execFileSync(cmd, args, { cwd: ROOT, env: { ...env, ...extraEnv }, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** `cargo build --release` for wasm with the flags and target directory of `build`; returns the directory of its outputs. */
function cargoBuild(build, args) {
  // nice: release builds take both cores for minutes; the machine stays usable.
  run('nice', ['-n', '10', 'cargo', 'build', '--release', '--target', WASM_TARGET, ...args],
    { CARGO_TARGET_DIR: build.dir, CARGO_ENCODED_RUSTFLAGS: build.rustflags.join('\x1f') });
  return join(build.dir, WASM_TARGET, 'release');
}

/** wasm-bindgen's JS glue for `wasm`, as BOUND/`name`.js + `name`_bg.wasm. */
function bindgen(wasm, name, { target = 'web', extra = [] } = {}) {
  run('wasm-bindgen', ['--target', target, '--no-typescript', ...extra, '--out-dir', BOUND, '--out-name', name, wasm]);
}

/** The first 16 hex digits of the sha256 of `bytes`: the content part of a file name. */
const contentHash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
/** Subresource integrity of a file of the bundle. */
const integrity = (file) => 'sha384-' + createHash('sha384').update(readFileSync(join(OUT, file))).digest('base64');

// What the steps hand on to each other.
const bundle = {
  shell: '', // `cadran-<hash>`: the shell's glue `.js` and its `_bg.wasm`
  chunks: [], // the shell's chunks, `split_*.wasm` and shared ones
  /** Every wasm-opt job: [input, file name in dist/, level, features]. */
  wasm: [],
  /** Every glue file to minify: [input, file name in dist/, is an ES module]. */
  js: [],
};

function shell() {
  const out = cargoBuild(BUILDS.shell, ['-p', 'cadran', '--bin', 'cadran']);
  const linked = join(out, 'cadran.wasm');
  // Named after the linked module's content; the name is written into the
  // chunk loader (__wasm_split.js imports the shell's glue), so it is chosen before the split.
  const name = `cadran-${contentHash(readFileSync(linked))}`;
  run('wasm-split-cli', ['--target', 'web', '--out-name', name, linked, SPLIT]);
  // --keep-lld-exports: the chunks import the shell's functions by these exports.
  bindgen(join(SPLIT, `${name}.wasm`), name, { extra: ['--keep-lld-exports', '--no-demangle'] });
  bundle.shell = name;
  bundle.chunks = readdirSync(SPLIT).filter((f) => f.endsWith('.wasm') && f !== `${name}.wasm`).sort();
  bundle.wasm.push([join(BOUND, `${name}_bg.wasm`), `${name}_bg.wasm`, '-Oz', WASM_FEATURES]);
  for (const f of bundle.chunks) bundle.wasm.push([join(SPLIT, f), f, '-Oz', WASM_FEATURES]);
  bundle.js.push([join(BOUND, `${name}.js`), `${name}.js`, true], [join(SPLIT, '__wasm_split.js'), '__wasm_split.js', true]);
  return `${name}, ${bundle.chunks.length} chunks`;
}

/** Builds `names` (binaries of src/bin/) with `build`'s flags and binds each as an ES module. */
function modules(build, names) {
  const out = cargoBuild(build, ['-p', 'cadran', ...names.flatMap((n) => ['--bin', n])]);
  for (const name of names) {
    bindgen(join(out, `${name}.wasm`), name);
    bundle.wasm.push([join(BOUND, `${name}_bg.wasm`), `${name}_bg.wasm`, '-Oz', WASM_FEATURES]);
    bundle.js.push([join(BOUND, `${name}.js`), `${name}.js`, true]);
  }
  return names.join(', ');
}

function worker() {
  const out = cargoBuild(BUILDS.app, ['-p', 'cadran-worker']);
  // no-modules: a classic worker script (import-worker.js loads it with importScripts).
  bindgen(join(out, 'cadran_worker.wasm'), WORKER, { target: 'no-modules' });
  bundle.wasm.push([join(BOUND, `${WORKER}_bg.wasm`), `${WORKER}_bg.wasm`, '-O3', [...WASM_FEATURES, ...WORKER_FEATURES]]);
  bundle.js.push([join(BOUND, `${WORKER}.js`), `${WORKER}.js`, false]);
  return WORKER;
}

function optimise() {
  for (const [from, name, level, features] of bundle.wasm) {
    // wasm-opt warns about each chunk's name subsection, which wasm-split
    // writes and it does not know: quiet unless it fails (the error then carries its output).
    execFileSync('wasm-opt', [level, '--strip-debug', '--strip-producers', ...features, from, '-o', join(OUT, name)],
      { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'pipe'] });
  }
  // The glue is part of every first visit (the shell's) or of a page's.
  for (const [from, name, module] of bundle.js) {
    run('terser', [from, ...(module ? ['--module'] : []), '--compress', '--mangle', '--output', join(OUT, name)]);
  }
  // wasm-bindgen's `inline_js` modules (src/lazy/host.rs's `import()`).
  if (existsSync(join(BOUND, 'snippets'))) cpSync(join(BOUND, 'snippets'), join(OUT, 'snippets'), { recursive: true });
  return `${bundle.wasm.length} wasm, ${bundle.js.length} js`;
}

/** The attributes of one `<link …/>` tag. */
const attributes = (tag) => Object.fromEntries([...tag.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].slice(1).map((m) => [m[1], m[2] ?? '']));

/** Removes CSS comments and the spaces a browser does not need (never inside strings or values' own spaces). */
function minifyCss(css) {
  return css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};,>])\s*/g, '$1').replace(/;}/g, '}').trim();
}

// index.html is the template: its `<link data-trunk …>` tags are what
// `trunk serve` builds; here the stylesheet (hashed) and the copied files are
// taken from them, the rust ones replaced by this build's loader.
function page() {
  let html = readFileSync(join(ROOT, 'index.html'), 'utf8');
  const head = [];
  for (const m of html.matchAll(/<link data-trunk\b[^>]*\/>/g)) {
    const a = attributes(m[0]);
    if (a.rel === 'copy-file') cpSync(join(ROOT, a.href), join(OUT, basename(a.href)));
    else if (a.rel === 'css') {
      const css = minifyCss(readFileSync(join(ROOT, a.href), 'utf8'));
      const name = `${basename(a.href, '.css')}-${contentHash(css)}.css`;
      writeFileSync(join(OUT, name), css);
      head.push(`<link rel="stylesheet" href="./${name}" integrity="${integrity(name)}" />`);
    } else if (a.rel !== 'rust') throw new Error(`build: index.html: <link data-trunk rel="${a.rel}"> not handled`);
  }
  const js = `${bundle.shell}.js`;
  const wasm = `${bundle.shell}_bg.wasm`;
  const [jsSri, wasmSri] = [integrity(js), integrity(wasm)];
  // The preloads start both downloads at once. A preload is used only by a
  // request of the same mode and credentials: `crossorigin` (CORS,
  // same-origin credentials) is what `import` and `fetch` do by default. The
  // WebAssembly is checked by the loader's fetch, which states its integrity;
  // on an `as="fetch"` preload Chromium ignores `integrity` and warns in the
  // console (crbug.com/981419), so that preload does not carry one (measured:
  // still one download of the shell's WebAssembly, used by the fetch).
  head.push(
    `<link rel="modulepreload" href="./${js}" crossorigin="anonymous" integrity="${jsSri}" />`,
    `<link rel="preload" href="./${wasm}" as="fetch" type="application/wasm" crossorigin="anonymous" />`,
    `<script type="module">import init from './${js}';init({module_or_path:fetch('./${wasm}',{integrity:'${wasmSri}'})});</script>`,
  );
  html = html
    .replace(/\s*<link data-trunk\b[^>]*\/>/g, '')
    .replace(/\s*<!--[\s\S]*?-->/g, '') // notes for the reader of index.html
    .replace('</head>', `${head.map((l) => `    ${l}\n`).join('')}  </head>`);
  writeFileSync(join(OUT, 'index.html'), html);
  return `${head.length} tags`;
}

function cspAndServiceWorker() {
  const scripts = addCsp(OUT);
  const sw = writeServiceWorker(OUT);
  return `CSP with ${scripts} script hash(es); sw.js caches ${sw.files} files as cadran-${sw.build}`;
}

const STEPS = [
  ['shell', shell],
  ['page modules', () => modules(BUILDS.app, PAGE_MODULES)],
  ['plain-view module', () => modules(BUILDS.plain, PLAIN_VIEW_MODULES)],
  ['import worker', worker],
  ['optimise', optimise],
  ['index.html and files', page],
  ['CSP and service worker', cspAndServiceWorker],
];

rmSync(WORK, { recursive: true, force: true });
for (const d of [BOUND, SPLIT, OUT]) mkdirSync(d, { recursive: true });
const started = performance.now();
const seconds = (t) => ((performance.now() - t) / 1000).toFixed(1);
for (const [i, [name, step]] of STEPS.entries()) {
  console.log(`\n\x1b[1mbuild ${i + 1}/${STEPS.length}: ${name}\x1b[0m`);
  const t = performance.now();
  const what = step();
  console.log(`\x1b[1mbuild ${i + 1}/${STEPS.length}: ${name}\x1b[0m done in ${seconds(t)} s (${what})`);
}
rmSync(DIST, { recursive: true, force: true });
renameSync(OUT, DIST);
console.log(`\nbuild: dist/ written in ${seconds(started)} s`);
