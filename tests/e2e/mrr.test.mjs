// The MRR card and its waterfall, driven like a person would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, output, SHOTS } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const box = (page, name) => page.getByRole('textbox', { name, exact: true });
const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ');
/** The waterfall's table (its text alternative), as { step: [change, after] }. */
async function table(page) {
  const rows = await page.locator('table.wf-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.dataset.step, ...[...tr.querySelectorAll('td')].map((td) => td.innerText.trim())]));
  return Object.fromEntries(rows.map(([k, ...v]) => [k, v.map(plain)]));
}
const noHorizontalScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test('ChartMogul-style worked example in English: end MRR, GRR, NRR, churn, formulas and the waterfall', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US', hash: '#/mrr' });
  await box(page, 'MRR at the start').fill('100000');
  await box(page, 'New customers’ MRR').fill('8000');
  await box(page, 'Expansion').fill('5000');
  await box(page, 'Reactivation').fill('1000');
  await box(page, 'Contraction').fill('2000');
  await box(page, 'MRR lost to churn').fill('4000');
  // 100 000 + 8 000 + 5 000 + 1 000 − 2 000 − 4 000 = 108 000.
  assert.match(await output(page, 'end_mrr'), /^.?108,000\.00 \/ month$/);
  assert.equal(await output(page, 'grr'), '94.0%');
  assert.equal(await output(page, 'nrr'), '100.0%');
  assert.equal(await output(page, 'gross_churn'), '6.0%');
  assert.equal(await output(page, 'net_churn'), '0.0%');
  // The exact value is on hover.
  assert.equal(await page.locator('[data-output="grr"] .output-value').getAttribute('title'), '94 %');
  await page.getByText('How is this computed?').click();
  const how = plain(await page.locator('[data-formula="mrr"]').innerText());
  assert.match(how, /GRR = \(start − churn − contraction\) ÷ start × 100\s+= \(.100,000\.00 − .4,000\.00 − .2,000\.00\) ÷ .100,000\.00 × 100 = 94\.0%/);
  assert.match(how, /= .100,000\.00 \+ .8,000\.00 \+ .5,000\.00 \+ .1,000\.00 − .2,000\.00 − .4,000\.00 = .108,000\.00/);
  // The waterfall's text alternative: every step with its change and running total.
  const t = await table(page);
  assert.deepEqual(Object.keys(t), ['start_mrr', 'new_mrr', 'expansion_mrr', 'reactivation_mrr', 'contraction_mrr', 'churned_mrr', 'end_mrr']);
  assert.match(t.new_mrr.join(' | '), /^\+.8,000\.00 \| .108,000\.00$/);
  assert.match(t.churned_mrr.join(' | '), /^−.4,000\.00 \| .108,000\.00$/);
  assert.match(t.end_mrr[1], /108,000\.00/);
  const chart = page.locator('.wf-wide svg[role="img"]');
  assert.ok(await chart.isVisible(), 'the wide chart is shown at 1280 px');
  assert.match(await chart.getAttribute('aria-label'), /from .100,000\.00 to .108,000\.00/);
  assert.equal(await chart.locator('rect.wf-bar').count(), 7);
  // Axis cut above zero, and the chart says so.
  assert.match(await page.locator('.wf-note').innerText(), /starts at/);

  // Net negative churn is named.
  await box(page, 'Expansion').fill('20000');
  assert.equal(await output(page, 'net_churn'), '−15.0%');
  assert.equal(await output(page, 'nrr'), '115.0%');
  assert.equal(await output(page, 'grr'), '94.0%', 'GRR ignores expansion and never exceeds 100 %');
  assert.match(await page.locator('.note.good').innerText(), /Net negative churn/);

  // Impossible movements: the field says why, results say which field to fix.
  await box(page, 'Contraction').fill('200000');
  assert.match(await page.locator('.field.invalid .error').first().innerText(), /Cannot exceed “MRR at the start” \(100,000\)/);
  assert.match(await output(page, 'grr'), /Correct “Contraction”/);
  assert.equal(await page.locator('table.wf-table').count(), 0, 'no chart without valid movements');
  await box(page, 'Contraction').fill('2000');
  await box(page, 'MRR at the start').fill('0');
  await box(page, 'MRR lost to churn').fill('0');
  await box(page, 'Contraction').fill('0');
  assert.equal(await output(page, 'grr'), 'The starting revenue is zero: enter a starting revenue above zero.');
  assert.deepEqual(errors, []);
  await page.getByRole('button', { name: 'Restore defaults' }).click();
  await page.screenshot({ path: SHOTS + 'mrr-en-1280.png', fullPage: true });
  await context.close();
});

test('MRR in French, kept across a reload; the narrow waterfall at 360 px', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'fr-FR', hash: '#/mrr', width: 360 });
  // Defaults: 50 000 + 6 000 + 3 000 + 1 000 − 1 500 − 3 500 = 55 000.
  assert.equal(plain(await output(page, 'end_mrr')), '55 000,00 € / mois');
  assert.equal(plain(await output(page, 'grr')), '90,0 %');
  assert.equal(plain(await output(page, 'nrr')), '98,0 %');
  await box(page, 'MRR au début').fill('80000,5');
  await box(page, 'MRR perdu par attrition').fill('5000');
  assert.equal(plain(await output(page, 'end_mrr')), '83 500,50 € / mois');
  await page.getByText('Comment est-ce calculé ?').click();
  assert.match(plain(await page.locator('[data-formula="mrr"]').innerText()),
    /Attrition brute du MRR = \(attrition \+ contraction\) ÷ début × 100\s+= \(5 000,00 € \+ 1 500,00 €\) ÷ 80 000,50 € × 100 = 8,1 %/);
  const narrow = page.locator('.wf-narrow svg[role="img"]');
  assert.ok(await narrow.isVisible(), 'rows layout at 360 px');
  assert.ok(!(await page.locator('.wf-wide svg').isVisible()), 'the wide layout is hidden at 360 px');
  assert.match(plain(await narrow.getAttribute("aria-label")), /Cascade du MRR : de 80 000,50 € à 83 500,50 €/);
  const t = await table(page);
  assert.deepEqual(t.churned_mrr, ['−5 000,00 €', '83 500,50 €'].map(plain));
  assert.ok(await noHorizontalScroll(page), 'no horizontal scroll at 360 px');
  await page.screenshot({ path: SHOTS + 'mrr-fr-360.png', fullPage: true });

  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await box(page, 'MRR au début').inputValue(), '80000,5');
  assert.equal(plain(await output(page, 'end_mrr')), '83 500,50 € / mois');
  assert.deepEqual(errors, []);
  await context.close();
});

test('MRR screenshots: French at 1280 px, English at 360 px', async () => {
  for (const [locale, width, name] of [['fr-FR', 1280, 'mrr-fr-1280'], ['en-US', 360, 'mrr-en-360']]) {
    const { page, context } = await openApp(browser, server.url, { locale, hash: '#/mrr', width });
    await page.locator('table.wf-table').waitFor();
    assert.ok(await noHorizontalScroll(page), `${name}: no horizontal scroll`);
    await page.screenshot({ path: SHOTS + name + '.png', fullPage: true });
    await context.close();
  }
});
