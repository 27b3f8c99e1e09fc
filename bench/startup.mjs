// Benchmark (not a test): what a first visit downloads and how long until the
// first calculator answers, in headless Chromium on a release build.
//
//   node scripts/build.mjs
//   node bench/startup.mjs [runs=10]       # CADRAN_DIST=… for another build
//   node bench/startup.mjs --smoke          # one run: the bytes only (test command)
//   node bench/startup.mjs --cards          # the bytes of a first visit to each of the ten cards
//   node bench/startup.mjs --cards --files  # the same, with each file's bytes (what grew)
//
// A visit is a fresh browser context (empty cache, no service worker: it
// registers after the page is up and precaches in the background, which is
// reported apart). "Interactive" is the moment the page's first number field
// is in the document — an init script's MutationObserver notes
// performance.now(), i.e. milliseconds since navigation started — and the
// run then checks that typing in it changes the result, so a field shown
// before the app could react would fail the run instead of flattering it.
// Bytes: every file requested until then, gzip -9 of the file as served.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, launch } from '../tests/e2e/harness.mjs';
import { median } from './stats.mjs';

const smoke = process.argv.includes('--smoke');
// --cards: the bytes of a first visit to every KPI card (one run each, no timing).
const cards = process.argv.includes('--cards');
const runs = smoke ? 1 : Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 10);
const DIST = process.env.CADRAN_DIST ?? new URL('../dist/', import.meta.url).pathname;

// Landing pages: a KPI card (what an embed or a shared link opens), the
// default page, and a page loaded on demand (for comparison).
const VISITS = cards
  ? JSON.parse(readFileSync(new URL('../tests/e2e/routes.json', import.meta.url), 'utf8')).cards.map((c) => ({ hash: `#/${c}`, field: null }))
  : [
    { hash: '#/nps', field: 'f-nps-promoters', output: 'nps', value: '300' },
    { hash: '#/dashboard', field: null },
    { hash: '#/scenarios', field: 'sc-b-monthly_churn', output: null, value: '2,5' },
  ];

const server = await serveDist(DIST);
const browser = await launch();
const gz = new Map();
const gzOf = (path) => {
  if (!gz.has(path)) gz.set(path, gzipSync(readFileSync(join(DIST, path)), { level: 9 }).length);
  return gz.get(path);
};

async function visit({ hash, field, output, value }) {
  const context = await browser.newContext({ locale: 'fr-FR', serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  await context.addInitScript((id) => {
    const seen = () => (id ? document.getElementById(id) : document.querySelector('main h1'));
    new MutationObserver((_, obs) => {
      if (seen()) { window.__ready = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  }, field);
  const files = [];
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin + '/' === server.url) files.push({ path: u.pathname.slice(1) || 'index.html', at: Date.now() });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const started = Date.now();
  await page.goto(server.url + hash);
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 30000 });
  const ready = await page.evaluate(() => window.__ready);
  const readyAt = started + ready;
  if (field && output) {
    const before = await page.locator(`[data-output="${output}"]`).innerText();
    await page.locator(`#${field}`).fill(value);
    await page.waitForFunction(([o, b]) => document.querySelector(`[data-output="${o}"]`).innerText !== b, [output, before]);
  } else if (field) {
    await page.locator(`#${field}`).fill(value);
  }
  if (errors.length) throw new Error(`${hash}: ${errors.join('; ')}`);
  // Requests issued before the page was interactive (a few ms of slack for
  // the clock of the request event).
  const first = [...new Set(files.filter((f) => f.at <= readyAt + 5).map((f) => f.path))];
  await context.close();
  return { ready, first };
}

for (const v of VISITS) {
  const results = [];
  const once = smoke || cards;
  for (let i = 0; i < (once ? 1 : runs + 1); i++) results.push(await visit(v));
  if (!once) results.shift(); // the first visit warms Chromium's own start-up
  const files = results[0].first;
  const bytes = files.reduce((s, f) => s + gzOf(f), 0);
  console.log(`${v.hash}: first visit ${(bytes / 1024).toFixed(1)} KiB gzipped (${bytes} B) in ${files.length} files` +
    (once ? '' : `; interactive after median ${median(results.map((r) => r.ready)).toFixed(0)} ms (min ${Math.min(...results.map((r) => r.ready)).toFixed(0)}, max ${Math.max(...results.map((r) => r.ready)).toFixed(0)}, ${runs} runs)`));
  if (!cards || process.argv.includes('--files')) for (const f of files) console.log(`    ${String(gzOf(f)).padStart(8)} B gz  ${f}`);
}
await browser.close();
await server.close();
