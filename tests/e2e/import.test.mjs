// The import flow, driven like a person would: drop, paste and pick files,
// check how they are read, change the mapping, skip or stop on bad rows,
// cancel a large import while the page stays responsive. FR and EN.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { serveDist, launch, openApp, SHOTS } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ');
const role = (page, fr, col) => page.getByRole('combobox', { name: fr ? `Rôle de la colonne « ${col} »` : `Role of column “${col}”`, exact: true });

/** A French Excel export of subscriptions: Windows-1252, `;`, decimal comma, dd/mm/yyyy. */
function frenchExcel() {
  const rows = ['Client;Début;Date de résiliation;MRR;Région'];
  for (let i = 1; i <= 40; i++) {
    const end = i % 5 === 0 ? `${String(1 + (i % 28)).padStart(2, '0')}/04/2024` : '';
    rows.push(`Société ${i};${String(1 + (i % 28)).padStart(2, '0')}/01/2024;${end};${1000 + i},50;Île-de-France`);
  }
  return Buffer.from(rows.join('\r\n') + '\r\n', 'latin1');
}

/** Drops `bytes` as a file named `name` onto the page, as a browser does. */
async function dropFile(page, name, bytes) {
  await page.evaluate(([name, data]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], name, { type: 'text/csv' }));
    const target = document.querySelector('main') ?? document.body;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, [...bytes]]);
}

test('drop a French Excel file: encoding, delimiter, mapping and values read, then import (FR); the worker loads only here', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'fr-FR', hash: '#/roi' });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.getByRole('link', { name: 'Importer' }).first().click();
  await page.getByRole('heading', { name: 'Importer des données', level: 1 }).waitFor();
  assert.ok(!requests.some((u) => /worker/.test(u)), `no worker download before data is given: ${requests}`);

  await dropFile(page, 'export-abonnements.csv', frenchExcel());
  await page.getByText('export-abonnements.csv').waitFor();
  await role(page, true, 'Début').waitFor();
  assert.ok(requests.some((u) => u.endsWith('import-worker.js')), 'the worker is fetched once data is given');
  assert.equal(await page.getByLabel('Encodage').inputValue(), 'cp1252');
  assert.equal(await page.getByLabel('Séparateur', { exact: true }).inputValue(), String(';'.charCodeAt(0)));
  assert.equal(await page.getByLabel('Type de données').inputValue(), 'subscriptions');
  assert.equal(await page.getByLabel('Séparateur décimal').inputValue(), 'comma');
  assert.equal(await role(page, true, 'Client').inputValue(), 'customer');
  assert.equal(await role(page, true, 'Début').inputValue(), 'start');
  assert.equal(await role(page, true, 'Date de résiliation').inputValue(), 'canceled_at');
  assert.equal(await role(page, true, 'MRR').inputValue(), 'mrr');
  assert.equal(await role(page, true, 'Région').inputValue(), 'segment');
  // Each value as read: dd/mm/yyyy dates (a day above 12 settles the order), decimal commas, accents.
  const table = page.locator('table.import-preview');
  assert.match(plain(await table.innerText()), /Société 1\s/);
  assert.match(await table.innerText(), /02\/01\/2024\s*→ 2024-01-02/);
  assert.match(plain(await table.innerText()), /1001,50\s*→ 1 001,5/);
  assert.match(await table.innerText(), /Île-de-France/);
  assert.equal(await page.getByRole('radio', { name: /Jour puis mois/ }).isChecked(), true);

  // Change a role: the region becomes the plan, the preview follows.
  await role(page, true, 'Région').selectOption('plan');
  await page.waitForFunction(() => document.querySelector('[data-column="5"]')?.value === 'plan');
  await role(page, true, 'Région').selectOption('segment');
  await page.waitForFunction(() => document.querySelector('[data-column="5"]')?.value === 'segment');
  await page.screenshot({ path: SHOTS + 'import-fr-1280-mapping.png', fullPage: true });

  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await page.getByText('40 lignes importées.').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

/** A small, clean survey export. */
const SURVEY_OK = 'Date,Score\n2024-03-01,9\n2024-03-02,7\n';

test('opening the file picker starts the worker: loaded while the dialog is open, then the file is read (EN)', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US', hash: '#/import' });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.getByRole('heading', { name: 'Import data', level: 1 }).waitFor();
  await page.waitForTimeout(300);
  assert.ok(!requests.some((u) => /worker/.test(u)), `a visit alone downloads no worker: ${requests}`);
  // The dialog opens (Playwright holds it): the worker's wasm is fetched before any file is given.
  const wasm = page.waitForRequest((r) => r.url().endsWith('cadran-worker_bg.wasm'));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByText('Choose a CSV file', { exact: true }).click()]);
  await wasm;
  await chooser.setFiles({ name: 'survey.csv', mimeType: 'text/csv', buffer: Buffer.from(SURVEY_OK) });
  await role(page, false, 'Score').waitFor();
  assert.equal(await page.getByLabel('Kind of data').inputValue(), 'survey');
  assert.equal(requests.filter((u) => u.endsWith('import-worker.js')).length, 1, 'one worker, reused for the file');
  assert.deepEqual(errors, []);
  await context.close();
});

const SURVEY = [
  'Date,Score,Comment',
  '2024-03-01,9,great',
  '2024-03-02,abc,oops',
  '2024-03-03,7,',
  '2024-03-04,10,"fast, kind"',
  '2024-03-05,8,très bien',
].join('\n');

test('paste a file with a bad row: stop shows where, skip imports the rest and lists it (EN); the pasted text is kept', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US', hash: '#/import' });
  const paste = page.getByRole('textbox', { name: 'Pasted CSV text', exact: true });
  await paste.fill(SURVEY);
  await page.getByRole('button', { name: 'Read this text' }).click();
  await role(page, false, 'Score').waitFor();
  assert.equal(await page.getByLabel('Kind of data').inputValue(), 'survey');
  assert.match(await page.locator('table.import-preview').innerText(), /abc\s*✗ A number was expected/);

  // Stop at the first bad row: line, column and raw text, nothing lost.
  await page.getByRole('radio', { name: /Stop at the first one/ }).check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const alert = page.locator('.import-outcome [role="alert"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Line 3, column 2 \(Score\): “abc”/);
  assert.match(await alert.innerText(), /Your data and previous results are kept\./);
  assert.equal(await paste.inputValue(), SURVEY);

  // Skip: 4 rows read, 1 skipped and listed with line, column and raw text.
  await page.getByRole('button', { name: 'Skip unreadable rows and import' }).click();
  await page.getByText('4 rows imported.').waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Unreadable rows skipped: 1' }).count(), 1);
  const bad = page.locator('.import-bad table');
  assert.deepEqual((await bad.locator('tbody td').allInnerTexts()).slice(0, 3), ['3', '2 (Score)', 'abc']);
  assert.equal(await page.getByRole('radio', { name: /Skip them/ }).isChecked(), true);
  // The encoding can be switched: this UTF-8 text read as Windows-1252 shows its accents garbled.
  assert.equal(await page.getByLabel('Encoding').inputValue(), 'utf8');
  await page.getByLabel('Encoding').selectOption('cp1252');
  await page.waitForFunction(() => document.querySelector('table.import-preview')?.innerText.includes('trÃ¨s bien'));
  await page.getByLabel('Encoding').selectOption('utf8');
  await page.waitForFunction(() => document.querySelector('table.import-preview')?.innerText.includes('très bien'));

  // A failed import later keeps the previous result and the text.
  await paste.fill('Date,Score\n');
  await page.getByRole('button', { name: 'Read this text' }).click();
  await page.getByText('The file has headers but no data rows.').waitFor();
  assert.equal(await page.getByText('4 rows imported.').count(), 1);
  await page.reload();
  await page.getByRole('heading', { name: 'Import data', level: 1 }).waitFor();
  assert.equal(await paste.inputValue(), 'Date,Score\n');

  // Ambiguous dates: the page asks, and the import waits for the answer.
  await paste.fill('Date,Score\n01/02/2024,9\n03/04/2024,7\n');
  await page.getByRole('button', { name: 'Read this text' }).click();
  await page.getByText('These dates can be read both ways: which one is right?').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled(), true);
  await page.getByRole('radio', { name: /Month then day/ }).check();
  await page.waitForFunction(() => document.querySelector('table.import-preview')?.innerText.includes('2024-01-02'));
  assert.equal(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('pick a file with the file picker; screenshots at 1280 and 360 px, FR and EN', async () => {
  const tickets = ['Ticket ID;Canal;Résolu au premier contact', 'T1;email;oui', 'T2;téléphone;non', 'T3;chat;oui', 'T4;email;peut-être'].join('\n');
  for (const [locale, width] of [['fr-FR', 1280], ['fr-FR', 360], ['en-US', 1280], ['en-US', 360]]) {
    const fr = locale === 'fr-FR';
    const { page, context, errors } = await openApp(browser, server.url, { locale, width, hash: '#/import' });
    await page.getByLabel(fr ? 'Choisir un fichier CSV' : 'Choose a CSV file').setInputFiles({ name: 'tickets.csv', mimeType: 'text/csv', buffer: Buffer.from(tickets) });
    await role(page, fr, 'Résolu au premier contact').waitFor();
    assert.equal(await page.getByLabel(fr ? 'Type de données' : 'Kind of data').inputValue(), 'support');
    assert.equal(await role(page, fr, 'Canal').inputValue(), 'channel');
    await page.getByRole('button', { name: fr ? 'Importer' : 'Import', exact: true }).click();
    await page.getByText(fr ? '3 lignes importées.' : '3 rows imported.').waitFor();
    await page.getByRole('heading', { name: fr ? 'Lignes illisibles ignorées : 1' : 'Unreadable rows skipped: 1' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no horizontal scroll');
    await page.screenshot({ path: SHOTS + `import-${fr ? 'fr' : 'en'}-${width}.png`, fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

/** About `mb` MB of transactions, built quickly. */
function bigFile(mb) {
  const head = 'customer,date,amount\n';
  const block = [];
  for (let i = 0; i < 20000; i++) block.push(`c${i % 5000},2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${(i % 997) + 0.25}`);
  const chunk = Buffer.from(block.join('\n') + '\n');
  const n = Math.ceil((mb * 1e6) / chunk.length);
  return Buffer.concat([Buffer.from(head), ...Array(n).fill(chunk)]);
}

for (const [locale, mb] of [['en-US', 45], ['fr-FR', 30]]) {
  test(`cancel a large import (${mb} MB): progress shown, page responsive, cancelled, previous state kept (${locale})`, async () => {
    const fr = locale === 'fr-FR';
    const { page, context, errors } = await openApp(browser, server.url, { locale, hash: '#/import' });
    // Written to disk and picked by path: the browser reads it like a user's file
    // (a buffer would be copied through the driver protocol, slowly).
    const path = join(mkdtempSync(join(tmpdir(), 'cadran-import-')), 'orders.csv');
    writeFileSync(path, bigFile(mb));
    await page.getByLabel(fr ? 'Choisir un fichier CSV' : 'Choose a CSV file').setInputFiles(path, { timeout: 120_000 });
    await role(page, fr, 'amount').waitFor();
    assert.equal(await page.getByLabel(fr ? 'Type de données' : 'Kind of data').inputValue(), 'transactions');
    // The import started with the preview may already be done by the click
    // (then no progress to see): choosing "stop at the first one" makes the
    // click start its own import, from the first byte.
    await page.getByRole('radio', { name: fr ? /M’arrêter à la première/ : /Stop at the first one/ }).check();
    await page.getByRole('button', { name: fr ? 'Importer' : 'Import', exact: true }).click();
    const bar = page.getByRole('progressbar', { name: fr ? 'Progression de l’import' : 'Import progress' });
    await bar.waitFor();
    await page.waitForFunction(() => Number(document.querySelector('progress')?.value) > 0);
    // The page answers while the worker reads: typing and the language still work.
    const paste = page.getByRole('textbox', { name: fr ? 'Texte CSV collé' : 'Pasted CSV text', exact: true });
    await paste.fill('still typing');
    assert.equal(await paste.inputValue(), 'still typing');
    assert.match(plain(await page.locator('.progress-text').innerText()), fr ? /(ko|Mo) sur \d+(,\d)? Mo lus/ : /(KB|MB) of \d+(\.\d)? MB read/);
    if (!fr) await page.screenshot({ path: SHOTS + 'import-en-1280-progress.png' });
    await page.getByRole('button', { name: fr ? 'Annuler' : 'Cancel' }).click();
    await page.getByText(fr ? 'Import annulé.' : 'Import cancelled.').waitFor();
    assert.equal(await bar.count(), 0);
    // The file is still there: importing again works after a cancel (with a fresh worker).
    assert.equal(await page.getByRole('button', { name: fr ? 'Importer' : 'Import', exact: true }).isDisabled(), false);
    assert.deepEqual(errors, []);
    await context.close();
    rmSync(dirname(path), { recursive: true, force: true });
  });
}
