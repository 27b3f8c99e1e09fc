// What-if scenarios, driven like a consultant would: variants, sliders,
// deltas, retention, sensitivity, goal seek, undo, hand-off, FR and EN.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, SHOTS } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ').trim();
const box = (page, name) => page.getByRole('textbox', { name, exact: true });
/** The text of a comparison-table cell: row key, column (0 = baseline). */
const cell = async (page, row, col, part = '.value') =>
  plain(await page.locator(`[data-table="compare"] tr[data-row="${row}"] td[data-col="${col}"] ${part}`).first().innerText());
const open = (opts) => openApp(browser, server.url, { hash: '#/scenarios', ...opts });

test('create a variant, move a slider, read the delta (EN)', async () => {
  const { page, context, errors } = await open({ locale: 'en-US' });
  await page.getByRole('heading', { name: 'Scenarios', level: 1 }).waitFor();
  // Default baseline: CLV = 100 × 80 % ÷ 2 % = 4 000.
  assert.equal(await cell(page, 'clv', 0), '€4,000.00');
  await page.getByRole('button', { name: '+ Add a variant' }).click();
  await page.getByRole('textbox', { name: 'Variant name' }).fill('Better onboarding');
  assert.ok((await page.locator('[data-table="compare"] thead').innerText()).includes('Better onboarding'));
  // Five steps left on the churn slider: 2 % → 1.5 %.
  const slider = page.getByRole('slider', { name: 'Monthly churn' });
  await slider.focus();
  for (let i = 0; i < 5; i++) await slider.press('ArrowLeft');
  assert.equal(await box(page, 'Monthly churn').inputValue(), '1.5');
  // CLV = 80 ÷ 1.5 % = 5 333.33: +1 333.33, +33.3 % of 4 000.
  assert.equal(await cell(page, 'clv', 1), '€5,333.33');
  assert.equal(await cell(page, 'clv', 1, '.delta-abs'), '+€1,333.33');
  assert.equal(await cell(page, 'clv', 1, '.delta-pct'), '+33.3%');
  // The best CLV is marked in words too, not only by colour.
  assert.match(await page.locator('[data-table="compare"] tr[data-row="clv"] td[data-col="1"]').innerText(), /★/);
  assert.equal(await page.locator('[data-table="compare"] tr[data-row="clv"] td.best').getAttribute('data-col'), '1');
  // The number field and the slider stay in sync the other way too.
  await box(page, 'Monthly churn').fill('1');
  assert.equal(await slider.inputValue(), '1');
  assert.equal(await cell(page, 'clv', 1), '€8,000.00');
  // A bad value names its field, and the results say what to correct.
  await box(page, 'Monthly churn').fill('120');
  assert.match(await page.locator('[data-input="monthly_churn"] .error').innerText(), /Must be between 0 and 100/);
  assert.match(await cell(page, 'clv', 1, '.reason'), /Correct “Monthly churn”/);
  await box(page, 'Monthly churn').fill('abc');
  assert.match(await page.locator('.sc-stale').innerText(), /Monthly churn \(Better onboarding\)/);
  await box(page, 'Monthly churn').fill('1');
  // The charts draw one line per scenario, with a keyboard read-out.
  assert.equal(await page.locator('[data-chart="mrr"] path.line').count(), 2);
  await page.getByRole('application', { name: 'Customers over time' }).focus();
  await page.keyboard.press('Home');
  assert.match(await page.locator('[data-chart="customers"] .readout').innerText(), /Month 1\b/);
  await page.keyboard.press('ArrowRight');
  assert.match(await page.locator('[data-chart="customers"] .readout').innerText(), /Month 2\b[\s\S]*Baseline[\s\S]*Better onboarding/);
  await page.screenshot({ path: SHOTS + 'scenarios-en-1280.png', fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('deleting a variant can be undone; the one-click retention variant (EN)', async () => {
  const { page, context } = await open({ locale: 'en-US' });
  await page.getByRole('textbox', { name: 'Improve retention by' }).fill('5');
  await page.getByRole('button', { name: 'Add this variant' }).click();
  await page.getByRole('button', { name: /Retention \+5 pts \(annual\)/ }).waitFor();
  // +5 points of annual retention from 78.47 % lowers monthly churn to about 1.49 %.
  assert.match(await box(page, 'Monthly churn').inputValue(), /^1\.49/);
  await page.getByRole('button', { name: 'Delete this variant' }).click();
  assert.match(await page.locator('.sc-status').innerText(), /Variant “Retention \+5 pts \(annual\)” deleted/);
  assert.equal(await page.locator('[data-table="compare"] thead th').count(), 2);
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await page.locator('[data-table="compare"] thead th').count(), 3);
  // The retention panel: 1, 3 and 5 years and a plain-words verdict.
  await page.getByRole('link', { name: 'Retention', exact: true }).click();
  await page.locator('[data-verdict]').waitFor();
  assert.match(await page.locator('[data-verdict]').innerText(), /5-year cumulative profit .* (inside|below|above) the claim’s 25 to 95 % band/);
  assert.equal(await page.locator('.retention-table tbody tr').count(), 3);
  assert.ok(await page.locator('.drivers li').count() >= 1);
  await context.close();
});

test('sensitivity: a tornado sorted by impact, and the CLV view (FR)', async () => {
  const { page, context } = await open({ locale: 'fr-FR', hash: '#/scenarios?view=clv' });
  await page.locator('[data-sensitivity="clv"] .tornado-table').waitFor();
  // CLV = ARPA × marge ÷ attrition: churn swings it the most.
  assert.equal(await page.locator('[data-sensitivity="clv"] .tornado-table tbody tr').first().getAttribute('data-input'), 'monthly_churn');
  assert.equal(await page.locator('[data-sensitivity="clv"] .bars rect').count() >= 6, true);
  await page.getByRole('link', { name: 'Sensibilité' }).click();
  await page.locator('[data-sensitivity="main"] .tornado-table').waitFor();
  const swings = await page.locator('[data-sensitivity="main"] .tornado-table td.swing').allInnerTexts();
  const nums = swings.map((s) => Number(plain(s).replace(/[^\d,-]/g, '').replace(',', '.'))).filter((n) => !Number.isNaN(n));
  for (let i = 1; i < nums.length; i++) assert.ok(nums[i - 1] >= nums[i], `sorted: ${swings}`);
  await page.screenshot({ path: SHOTS + 'scenarios-sensitivity-fr-1280.png', fullPage: true });
  await context.close();
});

test('goal seek finds a churn that, typed back in, gives the target CLV; unreachable says so (FR)', async () => {
  const { page, context } = await open({ locale: 'fr-FR', hash: '#/scenarios?view=goal' });
  await box(page, 'Valeur visée').fill('6400');
  await page.getByRole('button', { name: 'Trouver la valeur' }).click();
  const value = await page.locator('[data-goal-value]').getAttribute('data-goal-value');
  assert.equal(value, '1,25'); // 100 × 80 % ÷ 6 400 = 1,25 %
  // Typed back in by hand, it gives the target.
  await box(page, 'Attrition mensuelle').fill(value);
  await page.getByRole('link', { name: 'Comparaison' }).click();
  assert.equal(await cell(page, 'clv', 0), '6 400,00 €');
  // Unreachable: a CLV of 50 € needs 160 % churn.
  await page.getByRole('link', { name: 'Valeur cible' }).click();
  await box(page, 'Valeur visée').fill('50');
  await page.getByRole('button', { name: 'Trouver la valeur' }).click();
  assert.match(plain(await page.locator('.goal-answer').innerText()), /Inatteignable : aucune valeur de « Attrition mensuelle »/);
  await context.close();
});

test('ROI view: the CS budget that gives ROI = 0, applied in one click (EN)', async () => {
  const { page, context } = await open({ locale: 'en-US' });
  await page.getByRole('button', { name: '+ Add a variant' }).click();
  await box(page, 'Monthly churn').fill('1.5');
  await box(page, 'Customer-success budget per month').fill('12000');
  await page.getByRole('link', { name: 'ROI', exact: true }).click();
  await page.getByRole('button', { name: 'Find the value' }).click();
  await page.getByRole('button', { name: 'Apply this value' }).click();
  assert.match(await page.locator('.sc-status').innerText(), /“Customer-success budget per month” of “Variant 1” set to/);
  assert.equal(plain(await page.locator('[data-table="roi"] tr[data-row="roi"] td[data-col="1"] .value').innerText()), '0.0%');
  await context.close();
});

test('numbers handed over by the import page land in the baseline, and the user is told (FR, 360 px)', async () => {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 800 } });
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('cadran.handoff.scenario', JSON.stringify({ v: 1, data: [['monthly_churn', '3'], ['arpa', '150']] }));
    }
  });
  const page = await context.newPage();
  await page.goto(server.url + '#/scenarios');
  await page.locator('.sc-status').waitFor();
  assert.match(plain(await page.locator('.sc-status').innerText()), /Valeurs reprises de l’import dans la référence : Attrition mensuelle, Revenu moyen par compte \(ARPA\)/);
  assert.equal(await box(page, 'Attrition mensuelle').inputValue(), '3');
  assert.equal(await cell(page, 'clv', 0), '4 000,00 €'); // 150 × 80 % ÷ 3 %
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 360 px (${overflow})`);
  await page.screenshot({ path: SHOTS + 'scenarios-fr-360.png', fullPage: true });
  await page.reload();
  await page.locator('[data-table="compare"]').waitFor();
  assert.equal(await box(page, 'Attrition mensuelle').inputValue(), '3', 'autosaved, hand-off taken once');
  assert.equal(await page.locator('.sc-status').count(), 0);
  await context.close();
});
