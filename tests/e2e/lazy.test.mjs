// Pages loaded on demand (src/lazy/): a first visit to a card fetches none of
// them; opening one fetches its module once, follows the language and the
// currency chosen in the header, and leaves nothing behind when the reader
// moves on; a module that cannot load says so and can be retried.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, recordingContext, blockUntilReleased } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const MODULES = ['cadran-scenarios', 'cadran-import', 'cadran-embed'];
const fetched = (requests, name) => requests.filter((u) => new URL(u).pathname.endsWith(`/${name}.js`) || new URL(u).pathname.endsWith(`/${name}_bg.wasm`));

test('a card loads no page module; the scenario page loads its own once and follows the header', async () => {
  const { context, requests } = await recordingContext(browser, { locale: 'fr-FR', serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + '#/nps');
  await page.getByRole('textbox', { name: 'Promoteurs', exact: true }).waitFor();
  for (const m of MODULES) assert.deepEqual(fetched(requests, m), [], `${m} fetched by a card`);

  await page.getByRole('link', { name: 'Scénarios', exact: true }).first().click();
  await page.getByRole('heading', { name: 'Scénarios', level: 1 }).waitFor();
  assert.equal(fetched(requests, 'cadran-scenarios').length, 2, 'the module: its JS and its WASM');
  assert.deepEqual(fetched(requests, 'cadran-import'), []);

  // The header's language and currency reach the module's page.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Scenarios', level: 1 }).waitFor();
  await page.getByRole('combobox', { name: 'Currency' }).selectOption('USD');
  await page.waitForFunction(() => document.querySelector('[data-table="compare"] tr[data-row="clv"] td[data-col="0"]')?.innerText.includes('$'));

  // Away and back: one page, not two, and the module is not fetched again.
  await page.goto(server.url + '#/mrr');
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.locator('[data-table="compare"]').count(), 0, 'the scenario page was removed');
  await page.goto(server.url + '#/scenarios');
  await page.getByRole('heading', { name: 'Scenarios', level: 1 }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
  assert.equal(await page.locator('[data-table="compare"]').count(), 1);
  assert.equal(fetched(requests, 'cadran-scenarios').length, 2, 'fetched once');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a module that cannot load says why, and loads on retry', async () => {
  const context = await browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  const release = await blockUntilReleased(context, '**/cadran-import.js');
  const page = await context.newPage();
  await page.goto(server.url + '#/import');
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /nothing you entered is lost/);
  release();
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { name: 'Import data', level: 1 }).waitFor();
  assert.equal(await alert.count(), 0);
  await context.close();
});
