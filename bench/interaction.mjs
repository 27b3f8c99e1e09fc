// Benchmark (not a test): time from an input event to the updated results
// painted, on the scenario page with a baseline and four variants over 60
// months on screen (side-by-side table and three charts), then on a KPI card
// (MRR movements, with its waterfall chart).
//
//   node scripts/build.mjs   (then CADRAN_DIST=dist)
//   CADRAN_DIST=/tmp/dist-rel node bench/interaction.mjs [changes=100]
//
// Each change sets a field to a new value and dispatches `input`; the clock stops in a task posted from the next
// animation frame, i.e. after that frame's style, layout and paint. All of it
// runs inside the page, so no DevTools round trip is counted.
import { serveDist, launch } from '../tests/e2e/harness.mjs';
import { quantile } from './stats.mjs';

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

// One measurement loop, run inside the page: `inputId` gets a new value per
// change (from `values`), `watched` must change (unless the value repeats).
async function measure(page, inputId, watched, values) {
  return page.evaluate(async ([n, inputId, watched, values]) => {
    const input = document.getElementById(inputId);
    const painted = () => new Promise((ok) => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => ok();
      ch.port2.postMessage(0);
    }));
    const out = [];
    for (let i = 0; i < n + 10; i++) {
      await painted();
      const before = document.querySelector(watched).textContent;
      const t0 = performance.now();
      input.value = values[i % values.length];
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // Work: handlers, Leptos' queued effects (microtasks), then style and
      // layout forced synchronously.
      await new Promise((ok) => { const ch = new MessageChannel(); ch.port1.onmessage = () => ok(); ch.port2.postMessage(0); });
      void document.body.getBoundingClientRect().height;
      const tw = performance.now();
      await painted();
      const t1 = performance.now();
      if (document.querySelector(watched).textContent === before && i % values.length !== 0) throw new Error('the result did not change');
      if (i >= 10) out.push([tw - t0, t1 - t0]); // 10 warm-up changes
    }
    return out;
  }, [changes, inputId, watched, values]);
}

const report = (label, xs) => {
  const q = (p) => quantile(xs, p);
  console.log(`${label}: median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${q(1).toFixed(2)} ms`);
};
const show = (title, times) => {
  console.log(`${title}, ${times.length} changes (budget 16 ms):`);
  report('  input → results updated and laid out', times.map((t) => t[0]));
  report('  input → next frame painted (includes waiting for the frame)', times.map((t) => t[1]));
};

const churn = Array.from({ length: 20 }, (_, i) => (1.5 + i / 20).toFixed(2));
show('Scenarios: 5 scenarios × 60 months on screen', await measure(page, 'sc-b-monthly_churn',
  '[data-table="compare"] tr[data-row="customers_end"] td[data-col="0"] .value', churn));

// A KPI card: MRR movements (five outputs, the waterfall chart and its table).
await page.goto(server.url + '#/mrr');
await page.locator('#f-mrr-new_mrr').waitFor();
const newMrr = Array.from({ length: 20 }, (_, i) => String(6000 + 250 * i));
show('KPI card: MRR movements (outputs + waterfall)', await measure(page, 'f-mrr-new_mrr', '[data-output="end_mrr"]', newMrr));
await browser.close();
await server.close();
