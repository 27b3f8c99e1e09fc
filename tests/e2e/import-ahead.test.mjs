// The import starts ahead, as soon as the preview is shown
// (src/pages/import/state.rs): pressing Import adopts it when the options
// are the ones it ran with, and never shows it otherwise — another file, or
// "stop at the first bad row" chosen after the preview, gets its own import.
// The files are larger than the preview's 64 KiB, so the worker also warms
// up on the preview's bytes (crates/cadran-worker/js/import-worker.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, launch } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ').trim();
const dir = mkdtempSync(join(tmpdir(), 'cadran-ahead-'));

/** `n` customers starting in January 2024, every fifth leaving in March; `bad` rows get an unreadable MRR. */
function subscriptions(name, n, bad = []) {
  const rows = ['customer_id,status,start,canceled_at,mrr,plan'];
  for (let i = 0; i < n; i++) {
    const left = i % 5 === 0;
    const mrr = bad.includes(i) ? 'ten' : '10.00';
    rows.push(`cus_${String(i).padStart(6, '0')},${left ? 'canceled' : 'active'},2024-01-${String(1 + (i % 28)).padStart(2, '0')},${left ? '2024-03-10' : ''},${mrr},pro`);
  }
  const text = rows.join('\n') + '\n';
  assert.ok(text.length > 64 * 1024, 'larger than the preview');
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A page whose worker messages are counted: imports asked, cancels asked, results answered. */
async function countingPage() {
  const context = await browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  await context.addInitScript(() => {
    window.__sent = { import: 0, cancel: 0 };
    window.__results = 0;
    const Native = window.Worker;
    window.Worker = function (...a) {
      const w = new Native(...a);
      const post = w.postMessage.bind(w);
      w.postMessage = (m, ...rest) => { if (m && m.type in window.__sent) window.__sent[m.type]++; return post(m, ...rest); };
      w.addEventListener('message', (e) => { if (e.data?.type === 'result') window.__results++; });
      return w;
    };
    window.Worker.prototype = Native.prototype;
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + '#/import');
  await page.getByRole('heading', { name: 'Import data', level: 1 }).waitFor();
  return { context, page, errors };
}

const importButton = (page) => page.getByRole('button', { name: 'Import', exact: true });
const previewed = (page) => page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Import' && !b.disabled));
const sent = (page) => page.evaluate(() => ({ ...window.__sent, results: window.__results }));

test('the import started with the preview is the one Import shows: one import for the file, every row counted', async () => {
  const { context, page, errors } = await countingPage();
  await page.getByLabel('Choose a CSV file').setInputFiles(subscriptions('subscriptions.csv', 2500));
  await previewed(page);
  // The reader looks at the preview; meanwhile the import has run and answered, unseen.
  await page.waitForFunction(() => window.__results === 1);
  assert.equal(await page.locator('.import-results').count(), 0, 'nothing shown before Import');
  await importButton(page).click();
  await page.locator('.import-results [data-dataset="subscriptions"] [data-chart="cohorts"]').waitFor();
  assert.equal(plain(await page.locator('.import-rows').innerText()), '2,500 rows imported.');
  assert.equal(await page.locator('.import-bad').count(), 0, 'no unreadable rows');
  assert.deepEqual(await sent(page), { import: 1, cancel: 0, results: 1 }, 'Import adopted the import started ahead');
  assert.deepEqual(errors, []);
  await context.close();
});

test('another file chosen after the preview: the first file\'s import is dropped, Import reads the second', async () => {
  const { context, page, errors } = await countingPage();
  await page.getByLabel('Choose a CSV file').setInputFiles(subscriptions('first.csv', 2500));
  await previewed(page);
  await page.getByLabel('Choose a CSV file').setInputFiles(subscriptions('second.csv', 3100));
  await page.getByText('second.csv').waitFor();
  await previewed(page);
  await importButton(page).click();
  await page.locator('.import-results [data-dataset="subscriptions"] [data-chart="cohorts"]').waitFor();
  assert.equal(plain(await page.locator('.import-rows').innerText()), '3,100 rows imported.');
  assert.equal((await sent(page)).import, 2, 'one import started ahead for each file, none at the click');
  assert.deepEqual(errors, []);
  await context.close();
});

test('"stop at the first bad row" chosen after the preview: Import runs with it, not with the import started ahead', async () => {
  const { context, page, errors } = await countingPage();
  await page.getByLabel('Choose a CSV file').setInputFiles(subscriptions('with-a-bad-row.csv', 2500, [1200]));
  await previewed(page);
  await page.waitForFunction(() => window.__results === 1); // the ahead import skipped the bad row
  await page.getByRole('radio', { name: /Stop at the first one/ }).check();
  await importButton(page).click();
  const alert = page.locator('.import-outcome [role="alert"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Line 1202, column 5 \(mrr\): “ten”/);
  assert.equal(await page.locator('.import-results').count(), 0, 'the skipping import started ahead is not shown');
  assert.equal((await sent(page)).import, 2);
  assert.deepEqual(errors, []);
  await context.close();
});
