// A/B of two import-worker builds in headless Chromium: the same File through each
// build's worker, runs interleaved (A B, B A, …) so that a machine shared with other
// builds slows both alike; medians, and whether the two cohort tables agree.
//
//   node bench/ab.mjs DIR_A DIR_B RUNS FILE…   (DIR: wasm-bindgen no-modules output +
//   import-worker.js, as bench/run.sh writes to bench/out/web; FILE: a name in bench/data)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { chromium } from 'playwright-core';
const [A, B, RUNS, ...FILES] = process.argv.slice(2);
const ROOT = new URL('..', import.meta.url).pathname;
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer(async (req, res) => {
  const p = new URL(req.url, 'http://x').pathname;
  const m = p.match(/^\/(a|b)\/(.*)$/);
  let file;
  if (m && m[2] === 'index.html') file = join(ROOT, 'bench/web/index.html');
  else if (m && m[2] === 'peer.js') file = join(ROOT, 'bench/web/peer.js');
  else if (m && m[2] === 'papaparse.min.js') file = join(ROOT, 'node_modules/papaparse/papaparse.min.js');
  else if (m) file = join(m[1] === 'a' ? A : B, m[2]);
  else return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(await readFile(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
const pages = {};
for (const k of ['a', 'b']) { pages[k] = await browser.newPage(); await pages[k].goto(base + k + '/index.html'); }
const med = (v) => { const s = [...v].sort((x, y) => x - y); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
for (const name of FILES) {
  const path = join(ROOT, 'bench/data', name);
  const t = { a: [], b: [] }; let rows = {}, size = 0, tables = {};
  for (const k of ['a', 'b']) { await pages[k].setInputFiles('#file', path); const w = await pages[k].evaluate(() => timed('cadran')); rows[k] = w.rows; size = w.bytes; tables[k] = JSON.stringify(w.table); }
  const loads = [];
  for (let i = 0; i < Number(RUNS); i++) {
    for (const k of (i % 2 ? ['b', 'a'] : ['a', 'b'])) { const r = await pages[k].evaluate(() => timed('cadran')); t[k].push(r.ms); }
    loads.push((await readFile('/proc/loadavg', 'utf8')).split(' ')[0]);
  }
  const mb = size / 1e6;
  console.log(`${name}: A ${(mb / (med(t.a) / 1e3)).toFixed(1)} MB/s (median ${med(t.a).toFixed(0)} ms), B ${(mb / (med(t.b) / 1e3)).toFixed(1)} MB/s (median ${med(t.b).toFixed(0)} ms), A/B time ${(med(t.a) / med(t.b)).toFixed(3)}; rows ${rows.a}/${rows.b}; tables ${tables.a === tables.b ? 'same' : 'DIFFER'}; load ${loads.join(' ')}`);
  console.log(`  A ms: ${t.a.map((x) => x.toFixed(0)).join(' ')}\n  B ms: ${t.b.map((x) => x.toFixed(0)).join(' ')}`);
}
await browser.close(); server.close();
