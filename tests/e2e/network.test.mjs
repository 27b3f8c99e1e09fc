// Privacy: after the page has loaded its own files, Cadran makes no request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a full ROI journey requests nothing but the app’s own files', async () => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(server.url + '#/roi');
  await page.getByRole('heading', { level: 1 }).waitFor();
  const loaded = requests.length;
  assert.ok(requests.every((u) => u.startsWith(server.url)), `load stays on the app's origin: ${requests}`);
  await page.getByLabel('Salaires').fill('12345,67');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Currency').selectOption('CHF');
  await page.getByText('How is this computed?').click();
  await page.goto(server.url + '#/nowhere');
  await page.goBack();
  await page.getByRole('heading', { name: 'Customer-success ROI' }).waitFor();
  const after = requests.slice(loaded).filter((u) => !u.startsWith(server.url + '#'));
  assert.deepEqual(after, [], 'no request after the initial load');
  await context.close();
});
