// The KPI cards and the dashboard are wasm-split chunks of the shell in the
// release build (src/lazy/chunks.rs, scripts/split-cards.mjs): a card fetches
// its own chunk and no other card's, works as before, and a chunk that cannot
// be fetched says so in words and loads on retry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, recordingContext, blockUntilReleased, output } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const chunk = (requests, name) => requests.filter((u) => new URL(u).pathname.endsWith(`/split_${name}.wasm`));

test("a card fetches its own chunk, not the other cards'; the next card fetches its own", async () => {
  const { context, requests } = await recordingContext(browser, { locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + '#/nps');
  const promoters = page.getByRole('textbox', { name: 'Promoters', exact: true });
  await promoters.waitFor();
  assert.equal(chunk(requests, 'card_nps').length, 1, 'the NPS chunk, once');
  for (const other of ['card_mrr', 'card_clv', 'card_roi', 'page_dashboard']) assert.deepEqual(chunk(requests, other), [], `${other} fetched by the NPS card`);
  // The card computes as the unsplit build did.
  await promoters.fill('200');
  await page.waitForFunction(() => document.querySelector('[data-output="nps"] .output-value')?.innerText.trim() === '53.3');
  assert.equal(await output(page, 'nps'), '53.3');

  await page.getByRole('navigation').getByRole('link', { name: 'MRR and revenue retention' }).click();
  await page.getByRole('heading', { level: 1, name: /MRR/ }).waitFor();
  assert.equal(chunk(requests, 'card_mrr').length, 1, 'the MRR chunk');
  await page.goto(server.url + '#/nps');
  await promoters.waitFor();
  assert.equal(chunk(requests, 'card_nps').length, 1, 'not fetched again');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a chunk that cannot be fetched says why, and loads on retry', async () => {
  const context = await browser.newContext({ locale: 'fr-FR', serviceWorkers: 'block' });
  const release = await blockUntilReleased(context, '**/split_card_csat.wasm');
  const page = await context.newPage();
  await page.goto(server.url + '#/csat');
  const alert = page.getByRole('alert').filter({ hasText: 'n’a pas pu être chargée' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /rien de ce que vous avez saisi n’est perdu/);
  release();
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await page.getByRole('heading', { name: 'CSAT', level: 1 }).waitFor();
  assert.equal(await alert.count(), 0);
  await context.close();
});
