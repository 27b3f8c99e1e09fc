// The dashboard: empty at first, then every filled-in KPI with its value,
// target and status in words; printable; in English and in French.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, SHOTS } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const box = (page, name) => page.getByRole('textbox', { name, exact: true });
const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ');
const cells = async (page, key) =>
  (await page.locator(`tr[data-kpi="${key}"]`).locator('th, td').allInnerTexts()).map((s) => plain(s.trim()));

test('dashboard in English: empty state, then filled-in KPIs with targets and status', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US', hash: '' });
  // The home page leads to the dashboard.
  await page.getByRole('link', { name: 'See every indicator' }).click();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  assert.equal(await page.getByText('No indicator yet.', { exact: false }).count(), 1);
  assert.equal(await page.getByRole('table').count(), 0);
  // The empty state leads to the cards.
  await page.locator('.dashboard-empty').getByRole('link', { name: 'NPS' }).click();
  await page.getByRole('heading', { name: 'NPS', level: 1 }).waitFor();
  // Defaults 120 / 60 / 40 → NPS 36.4; target ≥ 40 with NPS's 5-point band: near.
  await page.getByRole('button', { name: 'Set a target · NPS' }).click();
  await box(page, 'Target').fill('40');
  assert.equal(plain(await page.locator('[data-target="nps"] .target-status').innerText()), '≈ Near — 3.6 short of the target (NPS ≥ 40.0)');
  // Retention card: churn = (500 + 60 − 520) ÷ 500 = 8 %; target ≤ 2 %: missed.
  await page.getByRole('navigation').getByRole('link', { name: 'Retention and churn' }).click();
  await page.getByRole('heading', { name: 'Retention and churn', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Set a target · Customer churn rate' }).click();
  await page.locator('[data-target="churn"]').getByRole('combobox', { name: 'Direction' }).selectOption('at_most');
  await page.locator('[data-target="churn"]').getByRole('textbox', { name: 'Target', exact: true }).fill('2');
  assert.match(plain(await page.locator('[data-target="churn"] .target-status').innerText()), /^✗ Missed — 6.0 points short/);
  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  assert.deepEqual(await cells(page, 'nps'), ['NPS', '36.4', '≥ 40.0', '≈ Near', '3.6 short of the target']);
  assert.deepEqual(await cells(page, 'churn'), ['Customer churn rate', '8.0%', '≤ 2.0%', '✗ Missed', '6.0 points short of the target']);
  assert.deepEqual(await cells(page, 'retention'), ['Customer retention rate', '92.0%', 'No target', 'Set a target', '—']);
  assert.equal(await page.locator('tr[data-kpi="churn"]').getAttribute('data-status'), 'missed');
  assert.equal(await page.locator('tr[data-kpi]').count(), 3, 'only the KPIs of the cards opened');
  assert.equal(plain(await page.locator('[data-summary]').innerText()), '1 near its target, 1 target missed, 1 indicator without a target or a value.');
  // Each KPI links to its card.
  assert.equal(await page.getByRole('link', { name: 'Customer churn rate' }).getAttribute('href'), '#/retention');
  // Printable: the navigation and buttons go, the table stays.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), false);
  assert.equal(await page.locator('.site-nav').isVisible(), false);
  assert.equal(await page.getByRole('table').isVisible(), true);
  await page.screenshot({ path: SHOTS + 'dashboard-en-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: SHOTS + `dashboard-en-${width}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, `no horizontal scroll at ${width} px`);
  }
  // Meeting the target on the card shows on the dashboard.
  await page.getByRole('link', { name: 'NPS' }).first().click();
  await page.getByRole('heading', { name: 'NPS', level: 1 }).waitFor();
  await box(page, 'Detractors').fill('10');
  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  // 120 / 190 − 10 / 190 = 57.9
  assert.deepEqual(await cells(page, 'nps'), ['NPS', '57.9', '≥ 40.0', '✓ Met', '17.9 better than the target']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('dashboard in French, garbage in a stored form shows a reason, at 1280 and 360 px', async () => {
  for (const width of [1280, 360]) {
    const { page, context, errors } = await openApp(browser, server.url, { locale: 'fr-FR', hash: '#/csat', width });
    await page.getByRole('heading', { name: 'Satisfaction client (CSAT)', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Fixer un objectif · Satisfaction client (CSAT)' }).click();
    await box(page, 'Objectif').fill('65');
    await page.goto(server.url + '#/fcr');
    await page.getByRole('heading', { name: 'Résolution au premier contact (FCR)', level: 1 }).waitFor();
    await box(page, 'Résolues au premier contact').fill('abc');
    await page.goto(server.url + '#/dashboard');
    await page.getByRole('heading', { name: 'Tableau de bord', level: 1 }).waitFor();
    assert.deepEqual(await cells(page, 'csat'), ['Satisfaction client (CSAT)', '70,0 %', '≥ 65,0 %', '✓ Atteint', '5,0 points de mieux que l’objectif']);
    assert.deepEqual(await cells(page, 'fcr'),
      ['Résolution au premier contact (FCR)', 'Une saisie est à corriger sur la fiche.', 'Aucun objectif', 'Fixer un objectif', '—']);
    assert.equal(await page.getByRole('button', { name: 'Imprimer' }).count(), 1);
    await page.screenshot({ path: SHOTS + `dashboard-fr-${width}.png`, fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
