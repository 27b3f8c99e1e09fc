// Benchmark (not a test): the 1M-row subscription file, chosen in the import
// page of the release build, until the cohort table is on screen — the way a
// user does it: pick the file, see the preview and mapping, press Import.
//
//   node bench/gen.mjs                      # bench/data/ (once)
//   CADRAN_DIST=dist node bench/onscreen.mjs [runs=5] [file=bench/data/subs-en-1m.csv] [--pause=MS] [--dialog=MS]
//
// Clocks, all inside the page (performance.now()): the file input's `change`
// event; the preview ready (the Import button enabled); the click; the
// cohort chart of the results in the document. Reported: file → preview,
// click → cohort table, and the sum (the user's own pause left out). The app
// starts the import as soon as the preview is painted
// (src/pages/import/state.rs): with a pause, the click only adopts it.
import { resolve } from 'node:path';
import { serveDist, launch } from '../tests/e2e/harness.mjs';
import { median } from './stats.mjs';

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const file = resolve(args.find((a) => a.endsWith('.csv')) ?? 'bench/data/subs-en-1m.csv');
// --pause=MS: the reader looks at the preview this long before pressing Import (default 0: at once).
const pause = Number(args.find((a) => a.startsWith('--pause='))?.slice(8) ?? 0);
// --dialog=MS: the file is picked through the "Choose a CSV file" button, whose
// dialog stays open this long (default: the file is set on the input directly,
// with no button pressed, as a drop without a drag before it).
const dialog = args.find((a) => a.startsWith('--dialog='))?.slice(9);

const server = await serveDist();
const browser = await launch();
const results = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ locale: 'en-US', serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    document.addEventListener('change', (e) => { if (e.target.type === 'file') window.__chosen = performance.now(); }, true);
    // The worker's result message: when it reaches the page, and the worker's own clock.
    const Native = window.Worker;
    window.Worker = function (...a) {
      const w = new Native(...a);
      w.addEventListener('message', (e) => {
        if (e.data && e.data.type === 'result') { window.__result = performance.now(); window.__workerMs = e.data.ms; window.__jsonBytes = e.data.json.length; }
      });
      return w;
    };
    window.Worker.prototype = Native.prototype;
    // The cohort chart entering the document, seen by a MutationObserver (no polling delay).
    new MutationObserver(() => {
      if (!window.__shown && document.querySelector('.import-results [data-dataset="subscriptions"] [data-chart="cohorts"]')) {
        window.__shown = performance.now();
        requestAnimationFrame(() => setTimeout(() => { window.__painted = performance.now(); }, 0));
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(server.url + '#/import');
  await page.getByRole('heading', { name: 'Import data', level: 1 }).waitFor();
  if (dialog === undefined) {
    await page.getByLabel('Choose a CSV file').setInputFiles(file, { timeout: 120_000 });
  } else {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByText('Choose a CSV file', { exact: true }).click()]);
    await page.waitForTimeout(Number(dialog));
    await chooser.setFiles(file, { timeout: 120_000 });
  }
  await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Import' && !b.disabled), null, { timeout: 120_000 });
  const previewed = await page.evaluate(() => performance.now());
  if (pause) await page.waitForTimeout(pause);
  const clicked = await page.evaluate(() => {
    const t = performance.now();
    [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Import').click();
    return t;
  });
  await page.locator('.import-results [data-dataset="subscriptions"] [data-chart="cohorts"]').waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => window.__painted);
  const m = await page.evaluate(() => ({ chosen: window.__chosen, result: window.__result, workerMs: window.__workerMs, shown: window.__shown, painted: window.__painted, json: window.__jsonBytes }));
  results.push({ preview: previewed - m.chosen, table: m.shown - clicked, painted: m.painted - clicked, worker: m.workerMs, arrived: m.result - clicked, page: m.shown - Math.max(m.result, clicked), json: m.json, wall: m.shown - m.chosen });
  await context.close();
}
const p = median(results.map((r) => r.preview));
const t = median(results.map((r) => r.table));
const med = (k) => median(results.map((r) => r[k])).toFixed(0);
if (pause) console.log(`(Import pressed ${pause} ms after the preview was ready)`);
if (dialog !== undefined) console.log(`(file picked through the button, its dialog open ${dialog} ms)`);
console.log(`${file.split('/').pop()}, ${runs} runs, medians: file chosen → preview ${p.toFixed(0)} ms; Import → cohort table in the document ${t.toFixed(0)} ms (painted ${med('painted')} ms); together ${(p + t).toFixed(0)} ms`);
const arrived = median(results.map((r) => r.arrived));
const when = arrived >= 0 ? `${arrived.toFixed(0)} ms after the click` : `${(-arrived).toFixed(0)} ms before the click (import started with the preview)`;
console.log(`  of which: worker's own clock ${med('worker')} ms, result message on the page ${when}, then ${med('page')} ms on the page (report of ${med('json')} characters decoded, results drawn)`);
console.log(`  file chosen → cohort table in the document, wall clock${pause ? ', pause included' : ''}: ${med('wall')} ms`);
await browser.close();
await server.close();
