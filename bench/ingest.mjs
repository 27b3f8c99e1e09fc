// Ingest benchmark in headless Chromium (issue 7). Run through `bash bench/run.sh`,
// which generates the data, builds the import worker as the app ships it and the
// native example, then calls:
//
//   node bench/ingest.mjs [--runs N] [--smoke] [--memory]
//
// For each file, in one browser: (1) Cadran's WASM path as the app uses it (File →
// import worker → streaming wasm Importer → Report with the cohort table, MRR and
// churned customers by month, JSON-parsed on the page); (2) the peer: PapaParse in
// header mode + plain JavaScript computing the same table (bench/web/peer.js);
// (3) the native build of the core doing the same (bench/out/native.jsonl, written
// by run.sh). Checks that the three tables agree (the peer within float rounding,
// native and WASM to the digit), prints medians and writes bench/out/results.md.
// --smoke: the 10k-row files, one run, agreement only (CI); no timing is asserted.
import { createServer } from 'node:http';
import { readFile, writeFile, stat } from 'node:fs/promises';
import { readFileSync, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { execSync } from 'node:child_process';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { median } from './stats.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const memory = args.includes('--memory');
const runs = smoke ? 1 : Number(args[args.indexOf('--runs') + 1] || 5) || 5;

const FILES = smoke
  ? ['subs-en-10k.csv', 'subs-fr-10k.csv']
  : ['subs-en-10k.csv', 'subs-fr-10k.csv', 'subs-en-100k.csv', 'subs-fr-100k.csv', 'subs-en-1m.csv', 'subs-fr-1m.csv',
    'survey-en-1m.csv', 'transactions-en-1m.csv'];

// Static files: the page and the peer, the worker build, PapaParse.
const SERVED = {
  '/index.html': 'bench/web/index.html', '/peer.js': 'bench/web/peer.js',
  '/papaparse.min.js': 'node_modules/papaparse/papaparse.min.js',
  '/import-worker.js': 'bench/out/web/import-worker.js', '/cadran-worker.js': 'bench/out/web/cadran-worker.js',
  '/cadran-worker_bg.wasm': 'bench/out/web/cadran-worker_bg.wasm',
};
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer(async (req, res) => {
  const rel = SERVED[new URL(req.url, 'http://x').pathname];
  if (!rel) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' });
  res.end(await readFile(join(ROOT, rel)));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}/`;

const native = new Map();
for (const line of readFileSync(join(ROOT, 'bench/out/native.jsonl'), 'utf8').split('\n').filter(Boolean)) {
  const r = JSON.parse(line);
  native.set(r.file.split('/').pop(), r);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-sync', '--disable-quic', '--enable-precise-memory-info'],
});
const version = browser.version();
const page = await browser.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(base + 'index.html');

const problems = [];

/** Compares two tables: counts exactly, money within `tol` (0 = same digits). */
function compare(name, a, b, tol) {
  const bad = (what) => problems.push(`${name}: ${what}`);
  if (a.first_month !== b.first_month) return bad(`first month ${a.first_month} ≠ ${b.first_month}`);
  if (a.customers !== b.customers) bad(`customers ${a.customers} ≠ ${b.customers}`);
  const money = (x, y, where) => {
    if (tol === 0 ? String(x) !== String(y) : Math.abs(Number(x) - Number(y)) > tol) bad(`${where}: ${x} ≠ ${y}`);
  };
  const counts = (x, y, where) => { if (JSON.stringify(x) !== JSON.stringify(y)) bad(`${where} differ`); };
  counts(a.active, b.active, 'active customers');
  counts(a.churned, b.churned, 'churned customers');
  if (a.mrr.length !== b.mrr.length) bad('month count');
  a.mrr.forEach((x, i) => money(x, b.mrr[i], `MRR month ${i}`));
  if (a.cohorts.length !== b.cohorts.length) return bad('cohort count');
  a.cohorts.forEach((c, i) => {
    const d = b.cohorts[i];
    if (c.customers !== d.customers) bad(`cohort ${i} size`);
    counts(c.active, d.active, `cohort ${i} active`);
    c.mrr.forEach((x, k) => money(x, d.mrr[k], `cohort ${i} MRR +${k}`));
  });
}

const results = [];
for (const name of FILES) {
  const path = join(ROOT, 'bench/data', name);
  if (!existsSync(path)) throw new Error(`${path} missing: run node bench/gen.mjs`);
  const flavour = name.includes('-fr-') ? 'fr' : 'en';
  const subs = name.startsWith('subs-');
  await page.setInputFiles('#file', path);
  // One untimed run of each path first (wasm compiled, worker started, JIT warm).
  const warm = await page.evaluate(() => timed('cadran'));
  const cad = [], peer = [];
  let cadTable = warm.table, peerTable = null;
  for (let i = 0; i < runs; i++) {
    const c = await page.evaluate(() => timed('cadran'));
    cad.push(c.ms);
    cadTable = c.table;
    if (subs) {
      if (i === 0 && !smoke) await page.evaluate((f) => timed('peer', f), flavour); // warm-up
      const p = await page.evaluate((f) => timed('peer', f), flavour);
      peer.push(p.ms);
      peerTable = p.table;
    }
  }
  const nat = native.get(name);
  if (subs) {
    compare(`${name} Cadran WASM vs PapaParse`, cadTable, peerTable, 0.01);
    if (nat) compare(`${name} Cadran WASM vs native`, cadTable, nat.summary, 0);
  }
  if (nat && nat.rows !== warm.rows) problems.push(`${name}: rows ${warm.rows} (wasm) ≠ ${nat.rows} (native)`);
  const mb = warm.bytes / 1e6;
  const row = {
    name, mb, rows: warm.rows,
    wasm: mb / (median(cad) / 1e3), wasmRows: warm.rows / (median(cad) / 1e3),
    peer: peer.length ? mb / (median(peer) / 1e3) : null,
    native: nat ? mb / (nat.median_ms / 1e3) : null,
    nativeRows: nat ? nat.rows / (nat.median_ms / 1e3) : null,
  };
  results.push(row);
  console.log(`${name}: wasm ${median(cad).toFixed(0)} ms, peer ${peer.length ? median(peer).toFixed(0) + ' ms' : '—'}, native ${nat ? nat.median_ms.toFixed(0) + ' ms' : '—'}`);
}

let mem = '';
if (memory) {
  // Peak memory while importing the ≈100 MB file: the worker's wasm memory
  // (it never shrinks, so its size after the import is the peak) and the page's
  // JS heap sampled during each path.
  const path = join(ROOT, 'bench/data/subs-en-2m.csv');
  const size = (await stat(path)).size;
  await page.setInputFiles('#file', path);
  const heap = async (kind) => page.evaluate(async (kind) => {
    let peak = performance.memory.usedJSHeapSize;
    const base = peak;
    const t = setInterval(() => { peak = Math.max(peak, performance.memory.usedJSHeapSize); }, 5);
    await timed(kind, 'en');
    clearInterval(t);
    return { base, peak: Math.max(peak, performance.memory.usedJSHeapSize) };
  }, kind);
  const w = await newWorkerPage();
  const c = await heap('cadran');
  const wasmBytes = await w.evaluate(async () => (await ready).memory.buffer.byteLength);
  const p = await heap('peer');
  const f = (b) => `${(b / 1e6).toFixed(0)} MB (${(b / size).toFixed(2)}× the file)`;
  mem = `\nMemory, ${(size / 1e6).toFixed(0)} MB file (subs-en-2m.csv): Cadran worker wasm memory ${f(wasmBytes)}, page JS heap growth ${f(c.peak - c.base)}; PapaParse page JS heap growth ${f(p.peak - p.base)}.\n`;
  console.log(mem);
}

async function newWorkerPage() {
  for (let i = 0; i < 50 && page.workers().length === 0; i++) await new Promise((ok) => setTimeout(ok, 100));
  return page.workers()[0];
}

await browser.close();
server.close();

const fmt = (x, d = 0) => (x == null ? '—' : x.toFixed(d));
const cpu = os.cpus()[0]?.model ?? '?';
let md = `Machine: ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Chromium ${version}, node ${process.version}; median of ${runs} run(s).\n\n`;
md += '| file | MB | rows | Cadran WASM MB/s (M rows/s) | PapaParse + JS MB/s | Cadran native MB/s (M rows/s) | Cadran ÷ PapaParse | native ÷ WASM |\n|---|---|---|---|---|---|---|---|\n';
for (const r of results) {
  md += `| ${r.name} | ${fmt(r.mb, 1)} | ${r.rows} | ${fmt(r.wasm)} (${fmt(r.wasmRows / 1e6, 2)}) | ${fmt(r.peer)} | ${fmt(r.native)} (${r.nativeRows ? fmt(r.nativeRows / 1e6, 2) : '—'}) | ${r.peer ? fmt(r.wasm / r.peer, 1) + '×' : '—'} | ${r.native ? fmt(r.native / r.wasm, 2) + '×' : '—'} |\n`;
}
md += mem;
md += problems.length ? `\nDISAGREEMENTS:\n${problems.slice(0, 20).map((p) => '- ' + p).join('\n')}\n` : '\nAll paths agree: same cohort table, MRR and churn (PapaParse within 1 cent, native and WASM to the digit).\n';
console.log('\n' + md);
await writeFile(join(ROOT, 'bench/out/results.md'), md);
if (errors.length) console.error('page errors:', errors);
process.exit(problems.length || errors.length ? 1 : 0);
