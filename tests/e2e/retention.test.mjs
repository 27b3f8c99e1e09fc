// The retention and churn card, driven like a person would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, output, SHOTS } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const box = (page, name) => page.getByRole('textbox', { name, exact: true });
const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ');

test('retention + churn = 100 %, with the substituted formulas (EN)', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.getByRole('link', { name: 'Retention and churn' }).click();
  await box(page, 'Customers at the start (S)').fill('200');
  await box(page, 'Customers at the end (E)').fill('210');
  await box(page, 'New customers during the period (N)').fill('30');
  // (210 − 30) ÷ 200 = 90 %; lost = 200 + 30 − 210 = 20 → 10 %.
  assert.equal(await output(page, 'retention'), '90.0%');
  assert.equal(await output(page, 'churn'), '10.0%');
  assert.equal(await output(page, 'lost'), '20');
  await page.getByText('How is this computed?').click();
  assert.match(await page.locator('[data-formula="retention"]').innerText(), /Retention rate = \(210 − 30\) ÷ 200 × 100 = 90\.0%/);
  // More new customers than customers at the end is impossible: the field says why.
  await box(page, 'New customers during the period (N)').fill('300');
  assert.match(await page.locator('.field.invalid .error').innerText(), /Cannot exceed “Customers at the end \(E\)” \(210\)/);
  await box(page, 'Customers at the start (S)').fill('0');
  await box(page, 'New customers during the period (N)').fill('0');
  // Ending with more customers than S + N is impossible too.
  assert.match(await output(page, 'retention'), /Correct “Customers at the end \(E\)”/);
  await box(page, 'Customers at the end (E)').fill('0');
  assert.equal(await output(page, 'retention'), 'No customers yet: enter a number of customers above zero.');
  assert.deepEqual(errors, []);
  await context.close();
});

test('retention in French at 360 px', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'fr-FR', hash: '#/retention', width: 360 });
  // Defaults: (520 − 60) ÷ 500 = 92 %.
  assert.equal(plain(await output(page, 'retention')), '92,0 %');
  assert.equal(plain(await output(page, 'churn')), '8,0 %');
  await page.screenshot({ path: SHOTS + 'retention-fr-360.png', fullPage: true });
  await context.close();
});
