// A file larger than the preview's 64 KiB makes the import worker warm up
// (crates/cadran-worker/js/import-worker.js: throwaway imports of the
// preview's bytes, so V8 optimises the hot code before the real import).
// The reader who looks at the preview meanwhile then imports as usual: every
// row counted, the results shown, nothing reported wrong.
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

test('a 100 KB subscriptions file imports whole after the worker has warmed up on its preview', async () => {
  // 2 500 customers starting in January 2024 at 10 a month; every fifth leaves in March.
  const rows = ['customer_id,status,start,canceled_at,mrr,plan'];
  for (let i = 0; i < 2500; i++) {
    const left = i % 5 === 0;
    rows.push(`cus_${String(i).padStart(6, '0')},${left ? 'canceled' : 'active'},2024-01-${String(1 + (i % 28)).padStart(2, '0')},${left ? '2024-03-10' : ''},10.00,pro`);
  }
  const text = rows.join('\n') + '\n';
  assert.ok(text.length > 64 * 1024, 'larger than the preview');
  const path = join(mkdtempSync(join(tmpdir(), 'cadran-warmup-')), 'subscriptions.csv');
  writeFileSync(path, text);

  const context = await browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + '#/import');
  await page.getByRole('heading', { name: 'Import data', level: 1 }).waitFor();
  await page.getByLabel('Choose a CSV file').setInputFiles(path);
  const importButton = page.getByRole('button', { name: 'Import', exact: true });
  await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Import' && !b.disabled));
  await page.waitForTimeout(1500); // the reader looks at the preview; the worker warms up (300 ms after it)
  await importButton.click();
  await page.locator('.import-results [data-dataset="subscriptions"] [data-chart="cohorts"]').waitFor();
  assert.equal(plain(await page.locator('.import-rows').innerText()), '2,500 rows imported.');
  assert.equal(await page.locator('.import-bad').count(), 0, 'no unreadable rows');
  assert.deepEqual(errors, []);
  await context.close();
});
