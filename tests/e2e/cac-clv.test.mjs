// The CAC (payback, LTV:CAC) and CLV cards, and the links that carry shared
// inputs between them, driven like a person would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, output, SHOTS } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const box = (page, name) => page.getByRole('textbox', { name, exact: true });
const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ');
const noHorizontalScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test('CAC → payback → LTV:CAC in English, then carried to the CLV card', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US', hash: '#/cac' });
  await box(page, 'Sales and marketing spend').fill('50000');
  await box(page, 'New customers').fill('25');
  await box(page, 'Average revenue per account (ARPA)').fill('100');
  await box(page, 'Gross margin').fill('80');
  await box(page, 'Customer lifetime value (LTV)').fill('4000');
  // Skok: 50 000 ÷ 25 = 2 000; 2 000 ÷ (100 × 80 %) = 25 months; 4 000 ÷ 2 000 = 2:1.
  assert.match(await output(page, 'cac'), /^.?2,000\.00$/);
  assert.equal(await output(page, 'payback'), '25.0 months');
  assert.match(await output(page, 'margin_per_period'), /^.?80\.00 \/ month$/);
  assert.equal(await output(page, 'ltv_cac'), '2.0:1');
  // The 3:1 reference is context, in words.
  assert.match(await page.locator('.reference').innerText(), /below this reference\. Reference often quoted: 3:1 \(D\. Skok, 2013\)\. It is context, not a rule/);
  await page.getByText('How is this computed?').click();
  const how = plain(await page.locator('[data-formula="cac"]').innerText());
  assert.match(how, /CAC = spend ÷ new customers = .50,000\.00 ÷ 25 = .2,000\.00/);
  assert.match(how, /Payback = CAC ÷ \(ARPA × gross margin\) = .2,000\.00 ÷ \(.100\.00 \/ month × 80\.0%\) = .2,000\.00 ÷ .80\.00 \/ month = 25\.0 months/);
  assert.match(how, /LTV:CAC = LTV ÷ CAC = .4,000\.00 ÷ .2,000\.00 = 2\.0:1/);

  // A yearly ARPA: the unit is a visible choice and the payback stays in months.
  await page.getByRole('radio', { name: 'Per year' }).check();
  await box(page, 'Average revenue per account (ARPA)').fill('1200');
  assert.equal(await output(page, 'payback'), '25.0 months');
  assert.match(await output(page, 'margin_per_period'), /960\.00 \/ year$/);
  // No new customer: CAC and what depends on it say why.
  await box(page, 'New customers').fill('0');
  assert.equal(await output(page, 'cac'), 'No new customers: enter the number of customers won in the period.');
  assert.equal(await output(page, 'payback'), 'No new customers: enter the number of customers won in the period.');
  await box(page, 'New customers').fill('25');
  await box(page, 'Gross margin').fill('120');
  assert.match(await page.locator('.field.invalid .error').innerText(), /Must be between 0 and 100/);
  await box(page, 'Gross margin').fill('80');

  // Link: CAC → CLV, carrying ARPA, margin, unit and CAC.
  await page.getByRole('button', { name: /Compute lifetime value \(CLV\) with this ARPA, margin and CAC/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Customer lifetime value (CLV)' }).waitFor();
  assert.match(page.url(), /#\/clv\?from=cac$/);
  assert.match(await page.getByRole('status').innerText(), /carried over from the CAC card/);
  assert.ok(await page.getByRole('radio', { name: 'Per year' }).isChecked(), 'the unit came along');
  assert.equal(await box(page, 'Average revenue per account (ARPA), per year').inputValue(), '1200');
  assert.equal(await box(page, 'Gross margin').inputValue(), '80');
  assert.equal(await box(page, 'Acquisition cost').inputValue(), '2000');
  // Margin ÷ churn with a yearly churn: 1 200 × 80 % ÷ 24 % = 4 000.
  await box(page, 'Churn rate, per year').fill('24');
  assert.match(await output(page, 'clv_margin_churn'), /^.?4,000\.00$/);
  assert.equal(await output(page, 'lifetime'), '4.2 years');
  assert.deepEqual(errors, []);
  await page.screenshot({ path: SHOTS + 'clv-en-1280.png', fullPage: true });
  await context.close();
});

test('CLV in French: three variants with their formulas, a link to LTV:CAC, kept across a reload', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'fr-FR', hash: '#/clv' });
  assert.ok(await page.getByRole('radio', { name: 'Par mois' }).isChecked(), 'monthly by default');
  // (a) Historic: 5 000 − (1 200 + 800) = 3 000.
  await box(page, 'Revenu reçu du client').fill('5000');
  await box(page, 'Coût d’acquisition').fill('1200');
  await box(page, 'Coût de service').fill('800');
  assert.equal(plain(await output(page, 'clv_simple')), '3 000,00 €');
  // (b) Skok: 100 × 80 % ÷ 2 % = 4 000, lifetime 50 months.
  await box(page, 'Revenu moyen par compte (ARPA), par mois').fill('100');
  await box(page, 'Marge brute').fill('80');
  await box(page, 'Taux d’attrition, par mois').fill('2');
  assert.equal(plain(await output(page, 'clv_margin_churn')), '4 000,00 €');
  assert.equal(plain(await output(page, 'lifetime')), '50,0 mois');
  // (c) Discounted at 1 % a month: 80 × 0,98 ÷ (1 + 0,01 − 0,98) = 2 613,33; over 36 months 1 730,73.
  await box(page, 'Taux d’actualisation, par mois').fill('1');
  await box(page, 'Horizon H, en mois').fill('36');
  assert.equal(plain(await output(page, 'clv_discounted')), '2 613,33 €');
  assert.equal(plain(await output(page, 'clv_horizon')), '1 730,73 €');
  for (const s of await page.locator('.variant details summary').all()) await s.click();
  assert.match(plain(await page.locator('[data-formula="clv_simple"]').innerText()),
    /CLV = revenu − \(acquisition \+ service\) = 5 000,00 € − \(1 200,00 € \+ 800,00 €\) = 3 000,00 €/);
  assert.match(plain(await page.locator('[data-formula="clv_margin_churn"]').innerText()),
    /CLV = ARPA × marge brute ÷ attrition = 100,00 € \/ mois × 80,0 % ÷ 2,0 % \/ mois = 4 000,00 €/);
  assert.match(plain(await page.locator('[data-formula="clv_discounted"]').innerText()),
    /CLV = m × r ÷ \(1 \+ d − r\) = 80,00 € × 0,98 ÷ \(1 \+ 0,01 − 0,98\) = 2 613,33 €[\s\S]*Σ t=1…36 .* = 1 730,73 €/);
  // Assumptions are spelled out, with their period.
  assert.match(plain(await page.locator('.variant').nth(1).locator('.assumptions').innerText()), /ARPA et attrition sont par mois/);
  // Zero churn: infinite, in words.
  await box(page, 'Taux d’attrition, par mois').fill('0');
  assert.equal(plain(await output(page, 'clv_margin_churn')), 'Infini : sans attrition, un client ne part jamais.');
  await box(page, 'Taux d’attrition, par mois').fill('2');
  // Switching the unit relabels every per-period field.
  await page.getByRole('radio', { name: 'Par an' }).check();
  assert.ok(await box(page, 'Taux d’attrition, par an').isVisible());
  await page.getByRole('radio', { name: 'Par mois' }).check();
  await page.screenshot({ path: SHOTS + 'clv-fr-1280.png', fullPage: true });

  // Reload: values kept.
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await box(page, 'Taux d’actualisation, par mois').inputValue(), '1');
  assert.equal(plain(await output(page, 'clv_horizon')), '1 730,73 €');

  // Link: CLV (b) → LTV:CAC on the CAC card.
  await page.locator('.variant').nth(1).getByRole('button', { name: /Utiliser cette CLV dans LTV:CAC/ }).click();
  await page.getByRole('heading', { level: 1, name: 'CAC, délai de remboursement et LTV:CAC' }).waitFor();
  assert.match(page.url(), /#\/cac\?from=clv$/);
  assert.match(await page.getByRole('status').innerText(), /Valeurs reprises de la carte CLV/);
  assert.equal(await box(page, 'Valeur vie client (LTV)').inputValue(), '4000');
  assert.equal(await box(page, 'Revenu moyen par compte (ARPA)').inputValue(), '100');
  // Defaults: CAC 60 000 ÷ 40 = 1 500 → 4 000 ÷ 1 500 = 2,7:1.
  assert.equal(plain(await output(page, 'ltv_cac')), '2,7:1');
  await page.getByText('Comment est-ce calculé ?').click();
  assert.match(plain(await page.locator('[data-formula="cac"]').innerText()), /LTV:CAC = LTV ÷ CAC = 4 000,00 € ÷ 1 500,00 € = 2,7:1/);
  await page.screenshot({ path: SHOTS + 'cac-fr-1280.png', fullPage: true });
  // And back: the CAC card's payback from the CLV card's ARPA and margin.
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Valeur vie client (CLV)' }).waitFor();
  await box(page, 'Revenu moyen par compte (ARPA), par mois').fill('250');
  await page.getByRole('button', { name: /Ouvrir le délai de remboursement du CAC avec cet ARPA et cette marge/ }).click();
  await page.getByRole('heading', { level: 1, name: 'CAC, délai de remboursement et LTV:CAC' }).waitFor();
  assert.equal(await box(page, 'Revenu moyen par compte (ARPA)').inputValue(), '250');
  // 1 500 ÷ (250 × 80 %) = 7,5 months.
  assert.equal(plain(await output(page, 'payback')), '7,5 mois');
  // 1 500 ÷ (300 × 80 %) = 6,25 months: two decimals, not "6,3".
  await box(page, 'Revenu moyen par compte (ARPA)').fill('300');
  assert.equal(plain(await output(page, 'payback')), '6,25 mois');
  assert.deepEqual(errors, []);
  await context.close();
});

test('CAC and CLV at 360 px in both languages, and CAC in English at 1280 px', async () => {
  for (const [locale, width, hash, name] of [
    ['fr-FR', 360, '#/cac', 'cac-fr-360'], ['en-US', 360, '#/cac', 'cac-en-360'],
    ['fr-FR', 360, '#/clv', 'clv-fr-360'], ['en-US', 360, '#/clv', 'clv-en-360'],
    ['en-US', 1280, '#/cac', 'cac-en-1280'],
  ]) {
    const { page, context, errors } = await openApp(browser, server.url, { locale, hash, width });
    await page.locator('[data-output]').first().waitFor();
    assert.ok(await noHorizontalScroll(page), `${name}: no horizontal scroll`);
    await page.screenshot({ path: SHOTS + name + '.png', fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
