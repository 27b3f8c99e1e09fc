// Scenarios: export → clear → import, bad files, share links in a fresh
// browser, and the printed report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, launch, openApp, SHOTS } from './harness.mjs';

let server, browser, dir;
before(async () => { server = await serveDist(); browser = await launch(); dir = await mkdtemp(join(tmpdir(), 'cadran-sc-')); });
after(async () => { await browser?.close(); await server?.close(); });

const box = (page, name) => page.getByRole('textbox', { name, exact: true });
const table = (page) => page.locator('[data-table="compare"]').innerText();
const open = (opts) => openApp(browser, server.url, { hash: '#/scenarios', ...opts });

/** Baseline ARPA 120, a variant "CS plan" with churn 1.5 % and CS 12 000. */
async function build(page, en = true) {
  await box(page, en ? 'Average revenue per account (ARPA)' : 'Revenu moyen par compte (ARPA)').fill('120');
  await page.getByRole('button', { name: en ? '+ Add a variant' : '+ Ajouter une variante' }).click();
  await page.getByRole('textbox', { name: en ? 'Variant name' : 'Nom de la variante' }).fill('CS plan');
  await box(page, en ? 'Monthly churn' : 'Attrition mensuelle').fill(en ? '1.5' : '1,5');
  await box(page, en ? 'Customer-success budget per month' : 'Budget succès client par mois').fill('12000');
}

test('export → clear → import restores the same view (EN)', async () => {
  const { page, context, errors } = await open({ locale: 'en-US' });
  await build(page);
  await page.getByRole('textbox', { name: 'Report title' }).fill('Acme — retention plan');
  const before = await table(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export file' }).click()]);
  assert.match(download.suggestedFilename(), /^cadran-scenario-\d{4}-\d{2}-\d{2}\.json$/);
  const path = join(dir, 'plan.json');
  await download.saveAs(path);
  const file = JSON.parse(await readFile(path, 'utf8'));
  assert.equal(file.schema, 'cadran.scenario');
  assert.equal(file.version, 1);
  assert.equal(file.title, 'Acme — retention plan');
  // Clear everything, as a fresh browser would be.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('[data-table="compare"]').waitFor();
  assert.notEqual(await table(page), before);
  await page.locator('#sc-import').setInputFiles(path);
  await page.getByText('Scenario imported from “plan.json”.').waitFor();
  assert.equal(await table(page), before);
  assert.equal(await page.getByRole('textbox', { name: 'Report title' }).inputValue(), 'Acme — retention plan');
  // Import is undoable.
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.notEqual(await table(page), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a bad or foreign file changes nothing and says why (FR)', async () => {
  const { page, context } = await open({ locale: 'fr-FR' });
  await build(page, false);
  const before = await table(page);
  const cases = [
    ['pas-json.json', '{ "schema": "cadran.scenario", ', /n’est pas un fichier JSON lisible \(erreur ligne 1, colonne \d+\)/],
    ['autre.json', JSON.stringify({ name: 'budget', rows: [1, 2] }), /n’est pas un fichier de scénario Cadran/],
    ['futur.json', JSON.stringify({ schema: 'cadran.scenario', version: 9, scenario: {} }), /version plus récente de Cadran/],
    ['faux.json', JSON.stringify({ schema: 'cadran.scenario', version: 1, scenario: { baseline: { monthly_churn: '250' }, variants: [] } }),
      /Référence — Attrition mensuelle\s*: Doit être entre 0 et 100/],
  ];
  for (const [name, text, why] of cases) {
    const path = join(dir, name);
    await writeFile(path, text);
    await page.locator('#sc-import').setInputFiles(path);
    const alert = page.locator('.sc-status.error');
    await alert.waitFor();
    const said = (await alert.innerText()).replace(/[\u00a0\u202f]/g, ' ');
    assert.match(said, new RegExp(`« ${name} » n’a pas été importé, rien n’a changé`));
    assert.match(said, why, name);
    assert.equal(await table(page), before, `${name} changed nothing`);
    await page.getByRole('button', { name: 'Fermer' }).last().click();
  }
  await context.close();
});

test('a share link opened in a fresh browser shows the same numbers (EN → FR)', async () => {
  const { page, context } = await open({ locale: 'en-US' });
  await build(page);
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByRole('textbox', { name: /Share link/ }).inputValue();
  assert.match(link, /#\/scenarios\?s=1z?\./);
  const before = await table(page);
  await context.close();
  // A brand-new context: no storage, another language.
  const fresh = await browser.newContext({ locale: 'en-GB' });
  const p2 = await fresh.newPage();
  await p2.goto(link);
  await p2.locator('[data-table="compare"]').waitFor();
  await p2.getByText('Scenario opened from the share link.').waitFor();
  assert.equal(await table(p2), before);
  assert.ok(!(await p2.evaluate(() => location.hash)).includes('s='), 'the link is taken out of the address');
  // A damaged link says why and changes nothing.
  await p2.goto(server.url + '#/scenarios?s=1z.%%%');
  await p2.getByText(/This share link cannot be opened: it is damaged/).waitFor();
  assert.equal(await table(p2), before);
  await fresh.close();
});

test('the print view is a clean report of one or two pages (FR and EN)', async () => {
  for (const [locale, en] of [['fr-FR', false], ['en-US', true]]) {
    const { page, context } = await open({ locale });
    await build(page, en);
    await page.getByRole('textbox', { name: en ? 'Report title' : 'Titre du rapport' }).fill('Acme');
    await page.emulateMedia({ media: 'print' });
    const head = page.locator('.report-head');
    assert.ok(await head.isVisible(), 'report head printed');
    assert.ok(!(await page.locator('.sc-editor').isVisible()), 'editor not printed');
    // Key results come first, on page 1; inputs and assumptions after the table and charts.
    const key = page.locator('.report-key li');
    assert.equal(await key.count(), 2, 'one line of key results per scenario (baseline and the variant)');
    assert.match(await key.nth(1).innerText(), en ? /Cumulative profit at 3 years .+ \(Δ [+−].+ against the baseline\)/ : /Profit cumulé à 3 ans .+ \(Δ [+−].+ par rapport à la référence\)/);
    const appendix = page.locator('.report-appendix');
    assert.match(await appendix.innerText(), en ? /Model assumptions/ : /Hypothèses du modèle/);
    assert.equal(await appendix.locator('.assumptions sup').innerText(), en ? '−month' : '−mois', 'the exponent is typeset, not written with a caret');
    assert.ok(!(await appendix.innerText()).includes('^'), 'no caret notation');
    const order = await page.evaluate(() => ['.report-key', '.sc-table', '.report-appendix'].map((s) => document.querySelector(s).getBoundingClientRect().top));
    assert.ok(order[0] < order[1] && order[1] < order[2], `key results, then the table, then the appendix: ${order}`);
    await page.screenshot({ path: SHOTS + `scenarios-print-${locale}.png`, fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await writeFile(SHOTS + `scenarios-report-${locale}.pdf`, pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.ok(pages >= 1 && pages <= 3, `report is ${pages} page(s)`);
    // Page 1 of A4 (297 mm less the 14 mm margins, at 96 px per inch) holds the key results.
    await page.setViewportSize({ width: Math.round((210 - 24) / 25.4 * 96), height: 900 });
    const bottom = await page.evaluate(() => document.querySelector('.report-key').getBoundingClientRect().bottom + window.scrollY);
    assert.ok(bottom < (297 - 28) / 25.4 * 96, `key results end at ${bottom} px, within page 1`);
    await context.close();
  }
});
