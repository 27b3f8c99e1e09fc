// The customer-success ROI calculator, driven like a person would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, output, SHOTS } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const NBSP = /[\u00a0\u202f]/g;
const plain = (s) => s.replace(NBSP, ' ');

test('French by default for a French browser, defaults give the worked example', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'fr-FR' });
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  await page.getByRole('heading', { name: 'ROI du succès client' }).waitFor();
  // 80 000 cost, 76 000 gain (see the core's worked example) → −5 %.
  assert.equal(plain(await output(page, 'roi')), '−5,0 %');
  assert.equal(plain(await output(page, 'total_cost')), '80 000,00 €');
  await page.screenshot({ path: SHOTS + 'roi-fr-1280.png', fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('typing values recomputes on every keystroke, in English', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.getByRole('heading', { name: 'Customer-success ROI' }).waitFor();
  await page.getByLabel('Salaries').fill('10,000');
  for (const l of ['Training', 'Tools and software', 'Other costs']) await page.getByLabel(l).fill('0');
  await page.getByLabel('Upsell and cross-sell').fill('0');
  await page.getByLabel('Average order value increase').fill('0');
  await page.getByLabel('Customers at the start of the period').fill('500');
  await page.getByLabel('Monthly churn reduction').fill('2');
  await page.getByLabel('Average revenue per account (ARPA)').fill('100');
  await page.getByLabel('Length of the period').fill('12');
  // 500 × 2 % × 100 × 12 = 12 000 kept for 10 000 spent → ROI 20 %, payback 10 months.
  assert.equal(await output(page, 'roi'), '20.0%');
  assert.equal(await output(page, 'retained'), '€12,000.00');
  assert.equal(await output(page, 'payback'), '10.0 months');
  assert.equal(await output(page, 'break_even'), '1.67 points');
  // The exact value is on hover.
  assert.equal(await page.locator('[data-output="break_even"] .output-value').getAttribute('title'), '1.66666666666666666666666667');
  await context.close();
});

test('garbage, negatives, huge numbers and empty fields never crash and blank only what depends on them', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-GB' });
  const churn = page.getByLabel('Monthly churn reduction');
  for (const bad of ['abc', '-3', '1e999', '', '99999999999999999999999', '150', 'NaN', '1,2,3']) {
    await churn.fill(bad);
    const body = await page.locator('main').innerText();
    assert.ok(!/NaN|Infinity|∞|panicked|undefined/.test(body), `no raw error for ${JSON.stringify(bad)}`);
    assert.equal(await churn.getAttribute('aria-invalid'), 'true', `field marked invalid for ${JSON.stringify(bad)}`);
    // Total cost does not depend on churn: it stays.
    assert.equal(await output(page, 'total_cost'), '€80,000.00', `cost kept for ${JSON.stringify(bad)}`);
    assert.match(await output(page, 'roi'), /Correct “Monthly churn reduction”/);
  }
  await churn.fill('150');
  assert.match(await page.locator('.field.invalid .error').first().innerText(), /between 0 and 100/);
  for (const label of ['Salaries', 'Customers at the start of the period', 'Orders over the period']) {
    for (const bad of ['-1', 'x', '', '1000000000000000000']) {
      await page.getByLabel(label).fill(bad);
      assert.ok(!/NaN|Infinity|∞/.test(await page.locator('main').innerText()), `${label}=${bad}`);
    }
    await page.getByLabel(label).fill('1');
  }
  await page.screenshot({ path: SHOTS + 'roi-en-errors.png', fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('switching language converts typed numbers, is remembered, and back works', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'fr-FR' });
  await page.getByLabel('Salaires').fill('1234,5');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Customer-success ROI' }).waitFor();
  assert.equal(await page.getByLabel('Salaries').inputValue(), '1234.5');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.reload();
  await page.getByRole('heading', { name: 'Customer-success ROI' }).waitFor();
  assert.equal(await page.getByLabel('Salaries').inputValue(), '1234.5', 'value kept across reload');
  // Navigate away and come back with the browser's back button.
  await page.goto(server.url + '#/nowhere');
  await page.getByRole('heading', { name: 'This page does not exist.' }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { name: 'Customer-success ROI' }).waitFor();
  assert.ok(page.url().endsWith('#/roi'));
  await context.close();
});

test('currency choice changes how money is written', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.getByLabel('Currency').selectOption('USD');
  assert.equal(await output(page, 'total_cost'), '$80,000.00');
  await context.close();
});

test('looks right at 360 px in both languages', async () => {
  for (const locale of ['fr-FR', 'en-US']) {
    const { page, context } = await openApp(browser, server.url, { locale, width: 360 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scroll at 360 px (${locale}): ${overflow}px`);
    await page.screenshot({ path: SHOTS + `roi-${locale}-360.png`, fullPage: true });
    await context.close();
  }
});

test('garbage in storage before load: the app starts, says so, and shows defaults', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('cadran.form.roi', '{"v":1,"data":{"salaries":');
      localStorage.setItem('cadran.prefs', 'not json at all');
    }
  });
  const page = await context.newPage();
  await page.goto(server.url + '#/roi');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByText('could not be read').waitFor();
  assert.equal(await output(page, 'total_cost'), '€80,000.00');
  await context.close();
});

test('delete all my data asks first, then brings back the defaults', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.getByLabel('Salaries').fill('1');
  await page.getByRole('button', { name: 'Delete all my data' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.getByLabel('Salaries').inputValue(), '1', 'cancel keeps the data');
  await page.getByRole('button', { name: 'Delete all my data' }).click();
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Delete', exact: true }).click()]);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.getByLabel('Salaries').inputValue(), '60000');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cadran.') && k !== 'cadran.form.roi').length), 0);
  await context.close();
});
