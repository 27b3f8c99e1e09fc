// CSV reading as a user meets it in the browser: a survey whose header is
// longer than the first 64 KiB the worker looks at, trial subscriptions set
// aside and then counted, the columns in use shown first, and one stray
// Windows-1252 byte in a UTF-8 file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveDist, launch, openApp } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const pick = (page, name, buffer) => page.getByLabel('Choose a CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer });

test('a survey with an 80 KB header previews and imports (the worker reads past its first 64 KiB)', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US', hash: '#/import' });
  const questions = Array.from({ length: 300 }, (_, i) => `Question ${i + 1}: ${'how satisfied are you with this part of the service '.repeat(5)}`);
  const rows = ['9', '7', '3'].map((s) => [s, ...questions.map(() => 'yes')].join(','));
  const csv = ['Score', ...questions].join(',') + '\n' + rows.join('\n') + '\n';
  assert.ok(csv.indexOf('\n') > 64 * 1024, 'the header alone is longer than 64 KiB');
  await pick(page, 'long-header.csv', Buffer.from(csv));
  await page.locator('table.import-preview tbody tr').first().waitFor();
  assert.equal(await page.locator('table.import-preview tbody tr').count(), 3);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText('3 rows imported.').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('trial subscriptions are named as set aside, can be counted, and the columns in use come first (EN)', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US', hash: '#/import' });
  // Stripe's export with a column Cadran has no use for, second from the left.
  const stripe = (await readFile(new URL('../../crates/cadran-core/tests/fixtures/subs_stripe.csv', import.meta.url), 'utf8'))
    .trim().split('\n').map((line, i) => line.replace(',', i === 0 ? ',Internal reference,' : `,ref-${i},`)).join('\n') + '\n';
  await pick(page, 'subscriptions.csv', Buffer.from(stripe));
  await page.locator('table.import-preview').waitFor();
  // Roles in the order shown: once an ignored column appears, no used column follows.
  const roles = await page.locator('table.import-preview thead select').evaluateAll((s) => s.map((x) => x.value));
  const firstIgnored = roles.indexOf('');
  assert.ok(firstIgnored > 0, `some columns are used: ${roles}`);
  assert.ok(roles.slice(firstIgnored).every((r) => r === ''), `used columns first: ${roles}`);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText('4 rows imported.').waitFor();
  const trials = page.locator('.import-trials');
  assert.match(await trials.innerText(), /^Trial or incomplete subscriptions set aside: 1 \(status “trialing”, “incomplete”…\)\. They have not paid, so they count in neither MRR nor churn\./);
  await trials.getByRole('button', { name: 'Count them too' }).click();
  await page.getByText('Trial or incomplete subscriptions counted as paying, as you asked: 1.').waitFor();
  await page.locator('.import-trials').getByRole('button', { name: 'Set them aside' }).click();
  await page.getByText(/subscriptions set aside: 1/).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('one Windows-1252 byte in a UTF-8 survey keeps the accented headers and is counted (FR)', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'fr-FR', hash: '#/import' });
  const head = Buffer.from('Client;Début de la relation;Note\n', 'utf8');
  const body = Buffer.concat([Buffer.from('c1;2024-01-01;9\nAndr', 'utf8'), Buffer.from([0xe9]), Buffer.from(';2024-01-02;7\nc3;2024-01-03;10\n', 'utf8')]);
  await page.getByLabel('Choisir un fichier CSV').setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.concat([head, body]) });
  await page.locator('table.import-preview').waitFor();
  const preview = await page.locator('table.import-preview').innerText();
  assert.match(preview, /Début de la relation/, 'the UTF-8 header is not turned into mojibake');
  assert.match(preview, /André/, 'the stray byte reads as Windows-1252');
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await page.getByText('3 lignes importées.').waitFor();
  assert.match((await page.locator('[data-not-utf8]').innerText()).replace(/\u00a0/g, ' '), /^Lignes lues en partie en Windows-1252 : 1\. Le fichier est en UTF-8/);
  assert.deepEqual(errors, []);
  await context.close();
});
