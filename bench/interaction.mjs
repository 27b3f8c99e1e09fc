// Benchmark (not a test): time from an input event on the scenario page to
// the updated results painted, with a baseline and four variants over 60
// months on screen (side-by-side table and three charts).
//
//   trunk build --release --offline --dist /tmp/dist-rel
//   CADRAN_DIST=/tmp/dist-rel node bench/interaction.mjs [changes=100]
//
// Each change sets the baseline's monthly churn field to a new value and
// dispatches `input`; the clock stops in a task posted from the next
// animation frame, i.e. after that frame's style, layout and paint. All of it
// runs inside the page, so no DevTools round trip is counted.
import { serveDist, launch } from '../tests/e2e/harness.mjs';

const changes = Number(process.argv[2] ?? 100);
const variant = (k) => ({ name: `Variant ${k + 1}`, overrides: { monthly_churn: String(1.5 - k * 0.1), cs_cost_per_month: String(12000 + 500 * k) } });
const saved = { v: 1, data: { title: 'bench', scenario: { baseline: { horizon_months: '60' }, variants: [0, 1, 2, 3].map(variant) } } };

const server = await serveDist();
const browser = await launch();
const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 3200 } });
await context.addInitScript((s) => localStorage.setItem('cadran.scenario', s), JSON.stringify(saved));
const page = await context.newPage();
await page.goto(server.url + '#/scenarios');
await page.locator('[data-table="compare"] td[data-col="4"]').first().waitFor();
const lines = await page.locator('[data-chart] path.line').count();
if (lines !== 15) throw new Error(`expected 3 charts × 5 lines, got ${lines}`);

const times = await page.evaluate(async (n) => {
  const input = document.getElementById('sc-b-monthly_churn');
  const watched = document.querySelector('[data-table="compare"] tr[data-row="customers_end"] td[data-col="0"] .value');
  const painted = () => new Promise((ok) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => ok();
    ch.port2.postMessage(0);
  }));
  const out = [];
  for (let i = 0; i < n + 10; i++) {
    await painted();
    const before = watched.textContent;
    const t0 = performance.now();
    input.value = (1.5 + (i % 20) / 20).toFixed(2);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Work: handlers, Leptos' queued effects (microtasks), then style and
    // layout forced synchronously.
    await new Promise((ok) => { const ch = new MessageChannel(); ch.port1.onmessage = () => ok(); ch.port2.postMessage(0); });
    void document.body.getBoundingClientRect().height;
    const tw = performance.now();
    await painted();
    const t1 = performance.now();
    const cell = document.querySelector('[data-table="compare"] tr[data-row="customers_end"] td[data-col="0"] .value');
    if (cell.textContent === before && i % 20 !== 0) throw new Error('the result did not change');
    if (i >= 10) out.push([tw - t0, t1 - t0]); // 10 warm-up changes
  }
  return out;
}, changes);

const report = (label, xs) => {
  xs.sort((a, b) => a - b);
  const q = (p) => xs[Math.min(xs.length - 1, Math.round((xs.length - 1) * p))];
  console.log(`${label}: median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${q(1).toFixed(2)} ms`);
};
console.log(`5 scenarios × 60 months on screen, ${times.length} changes (budget 16 ms):`);
report('  input → results updated and laid out', times.map((t) => t[0]));
report('  input → next frame painted (includes waiting for the frame)', times.map((t) => t[1]));
await browser.close();
await server.close();
