// The FCR and ARPA / MRR / ARR cards, driven like a person would: the
// definition choices, substituted formulas, field-named errors, targets,
// memory across reloads and reset, in English and in French.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, output, SHOTS } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const box = (page, name) => page.getByRole('textbox', { name, exact: true });
const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ');
const text = async (locator) => plain((await locator.innerText()).trim());
const status = (page, key) => text(page.locator(`[data-target="${key}"] .target-status`));
const targetBox = (page, key, name) => page.locator(`[data-target="${key}"]`).getByRole('textbox', { name, exact: true });

test('FCR in English: gross and net definitions, formula, errors, target, reload and reset', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US', hash: '#/fcr' });
  await page.getByRole('heading', { name: 'First contact resolution (FCR)', level: 1 }).waitFor();
  await box(page, 'Resolved at first contact').fill('630');
  await box(page, 'All first contacts').fill('900');
  assert.equal(await output(page, 'fcr'), '70.0%');
  assert.equal(await text(page.locator('[data-output="fcr"] .output-label')), 'FCR (gross: all first contacts)');
  await page.getByText('How is this computed?').click();
  assert.equal(await text(page.locator('[data-formula="fcr"]')), 'FCR = 630 ÷ 900 × 100 = 70.0% (gross: all first contacts)');
  // No contact at all: says what is missing and what to type, not "Undefined: no customers".
  await box(page, 'Resolved at first contact').fill('0');
  await box(page, 'All first contacts').fill('0');
  assert.equal(await output(page, 'fcr'), 'No contacts yet: enter the number of first contacts.');
  await box(page, 'All first contacts').fill('900');
  await box(page, 'Resolved at first contact').fill('630');
  // Net FCR: only the contacts level one can resolve.
  assert.equal(await box(page, 'Contacts level one can resolve').count(), 0);
  await page.getByRole('radio', { name: 'Only those level one can resolve (net FCR)' }).check();
  await box(page, 'Contacts level one can resolve').fill('700');
  assert.equal(await output(page, 'fcr'), '90.0%');
  assert.equal(await text(page.locator('[data-formula="fcr"]')), 'FCR = 630 ÷ 700 × 100 = 90.0% (net: contacts level one can resolve)');
  await box(page, 'Contacts level one can resolve').fill('1000');
  assert.equal(await output(page, 'fcr'), 'Correct “Contacts level one can resolve” to see this result.');
  assert.equal(await page.getByText('Cannot exceed “All first contacts” (900).').count(), 1);
  await box(page, 'Contacts level one can resolve').fill('700');
  // FCR ≥ 85 %: met by 5 points.
  await page.getByRole('button', { name: 'Set a target · First contact resolution (FCR)' }).click();
  await box(page, 'Target').fill('85');
  assert.equal(await status(page, 'fcr'), '✓ Met — 5.0 points better than the target (First contact resolution (FCR) ≥ 85.0%)');
  await page.reload();
  await page.getByRole('heading', { name: 'First contact resolution (FCR)', level: 1 }).waitFor();
  assert.equal(await page.getByRole('radio', { name: 'Only those level one can resolve (net FCR)' }).isChecked(), true);
  assert.equal(await box(page, 'Contacts level one can resolve').inputValue(), '700');
  assert.equal(await output(page, 'fcr'), '90.0%');
  assert.match(await status(page, 'fcr'), /^✓ Met/);
  await page.getByRole('button', { name: 'Restore defaults' }).click();
  assert.equal(await output(page, 'fcr'), '72.0%');
  assert.equal(await page.getByRole('radio', { name: /^All first contacts/ }).isChecked(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('FCR in French, with screenshots at 1280 and 360 px', async () => {
  for (const width of [1280, 360]) {
    const { page, context, errors } = await openApp(browser, server.url, { locale: 'fr-FR', hash: '#/fcr', width });
    await page.getByRole('heading', { name: 'Résolution au premier contact (FCR)', level: 1 }).waitFor();
    await box(page, 'Résolues au premier contact').fill('1 234');
    await box(page, 'Toutes les premières demandes').fill('2 000');
    assert.equal(plain(await output(page, 'fcr')), '61,7 %');
    await page.getByText('Comment est-ce calculé ?').click();
    assert.equal(await text(page.locator('[data-formula="fcr"]')), 'FCR = 1 234 ÷ 2 000 × 100 = 61,7 % (brut : toutes les premières demandes)');
    await page.getByRole('button', { name: 'Fixer un objectif · Résolution au premier contact (FCR)' }).click();
    await box(page, 'Objectif').fill('70');
    assert.equal(await status(page, 'fcr'), '✗ Manqué — 8,3 points en deçà de l’objectif (Résolution au premier contact (FCR) ≥ 70,0 %)');
    await page.reload();
    await page.getByRole('heading', { name: 'Résolution au premier contact (FCR)', level: 1 }).waitFor();
    assert.equal(await box(page, 'Toutes les premières demandes').inputValue(), '2000');
    await page.screenshot({ path: SHOTS + `fcr-fr-${width}.png`, fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('ARPA in English: from MRR, from ARPA, per user, ARR target; screenshots', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US', hash: '#/arpa' });
  await page.getByRole('heading', { name: 'ARPA, MRR and ARR', level: 1 }).waitFor();
  await box(page, 'Monthly recurring revenue (MRR)').fill('48000');
  await box(page, 'Active customers').fill('320');
  assert.equal(await output(page, 'arpa'), '€150.00 / month');
  assert.equal(await output(page, 'arr'), '€576,000.00 / year');
  await page.getByText('How is this computed?').click();
  const formulas = page.locator('[data-formula="arpa"] li');
  assert.equal(await text(formulas.nth(0)), 'ARPA = MRR ÷ active customers = €48,000.00 ÷ 320 = €150.00');
  assert.equal(await text(formulas.nth(1)), 'ARR = 12 × MRR = 12 × €48,000.00 = €576,000.00');
  await box(page, 'Active customers').fill('0');
  assert.equal(await output(page, 'arpa'), 'No customers yet: enter a number of customers above zero.');
  assert.equal(await output(page, 'arr'), '€576,000.00 / year');
  // From ARPA, per user: MRR = users × ARPU.
  await page.getByRole('radio', { name: 'My ARPA and number of customers → MRR' }).check();
  await page.getByRole('radio', { name: 'Per user (ARPU)' }).check();
  await box(page, 'Average revenue per user (ARPU)').fill('12.5');
  await box(page, 'Active users').fill('2000');
  assert.equal(await output(page, 'mrr'), '€25,000.00 / month');
  assert.equal(await output(page, 'arr'), '€300,000.00 / year');
  assert.equal(await text(page.locator('[data-output="arpa"] .output-label')), 'ARPU');
  assert.equal(await text(formulas.nth(0)), 'MRR = active users × ARPU = 2,000 × €12.50 = €25,000.00');
  await box(page, 'Active users').fill('-3');
  assert.equal(await page.getByText('Must be zero or more.').count(), 1);
  assert.equal(await output(page, 'mrr'), 'Correct “Active customers” to see this result.');
  await box(page, 'Active users').fill('2000');
  // ARR ≥ 360 000: 60 000 short, beyond the 10 % band (36 000).
  await page.getByRole('button', { name: 'Set a target · Annual recurring revenue (ARR)' }).click();
  await targetBox(page, 'arr', 'Target').fill('360000');
  assert.equal(await status(page, 'arr'), '✗ Missed — €60,000.00 short of the target (Annual recurring revenue (ARR) ≥ €360,000.00)');
  await page.reload();
  await page.getByRole('heading', { name: 'ARPA, MRR and ARR', level: 1 }).waitFor();
  assert.equal(await box(page, 'Average revenue per user (ARPU)').inputValue(), '12.5');
  assert.equal(await output(page, 'arr'), '€300,000.00 / year');
  assert.match(await status(page, 'arr'), /^✗ Missed/);
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: SHOTS + `arpa-en-${width}.png`, fullPage: true });
  }
  await page.getByRole('button', { name: 'Restore defaults' }).click();
  assert.equal(await output(page, 'arpa'), '€125.00 / month');
  assert.deepEqual(errors, []);
  await context.close();
});

test('ARPA in French, with screenshots at 1280 and 360 px', async () => {
  for (const width of [1280, 360]) {
    const { page, context, errors } = await openApp(browser, server.url, { locale: 'fr-FR', hash: '#/arpa', width });
    await page.getByRole('heading', { name: 'ARPA, MRR et ARR', level: 1 }).waitFor();
    await box(page, 'Revenu récurrent mensuel (MRR)').fill('10 000,50');
    await box(page, 'Clients actifs').fill('100');
    assert.equal(plain(await output(page, 'arpa')), '100,01 € / mois');
    assert.equal(await page.locator('[data-output="arpa"] .output-value').getAttribute('title'), '100,005');
    await page.getByText('Comment est-ce calculé ?').click();
    assert.equal(await text(page.locator('[data-formula="arpa"] li').nth(0)), 'ARPA = MRR ÷ clients actifs = 10 000,50 € ÷ 100 = 100,01 €');
    await page.getByRole('button', { name: 'Fixer un objectif · Revenu moyen par compte (ARPA / ARPU)' }).click();
    await targetBox(page, 'arpa', 'Objectif').fill('100');
    assert.equal(await status(page, 'arpa'), '✓ Atteint — 0,01 € / mois de mieux que l’objectif (Revenu moyen par compte (ARPA / ARPU) ≥ 100,00 € / mois)');
    await page.reload();
    await page.getByRole('heading', { name: 'ARPA, MRR et ARR', level: 1 }).waitFor();
    assert.equal(await box(page, 'Revenu récurrent mensuel (MRR)').inputValue(), '10000,5');
    await page.screenshot({ path: SHOTS + `arpa-fr-${width}.png`, fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
