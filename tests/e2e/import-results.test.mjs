// The results of an import, read like a person would: paste a survey, a
// subscriptions, a transactions and a support CSV into the import page, read
// NPS, churn, MRR, the cohort heatmap and FCR by channel, split by segment,
// then "Use these numbers" to open the NPS card and the scenarios with the
// values. FR and EN; screenshots at 1280 and 360 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, output, SHOTS } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ').trim();

// 10 answers: promoters 10 9 9 10 9, passives 8 7, detractors 6 3 0 → NPS 50 − 30 = 20.
// January: 10 9 6 8 → 25; February: 9 3 10 7 0 9 → 16.7. SMB 33.3, Enterprise 0.
const SURVEY = `date,nps,segment
2024-01-05,10,SMB
2024-01-09,9,SMB
2024-01-12,6,Enterprise
2024-01-20,8,SMB
2024-02-02,9,Enterprise
2024-02-03,3,SMB
2024-02-10,10,Enterprise
2024-02-11,7,SMB
2024-02-15,0,Enterprise
2024-02-20,9,SMB
`;

// Four customers at 10 in January; in February b leaves, c expands to 25, d
// contracts to 5, e joins at 40 → churn 25 %, MRR 80, GRR 62.5 %, NRR 100 %.
const SUBSCRIPTIONS_FR = `Client;Début;Fin;MRR
a;15/01/2024;;10
b;15/01/2024;20/02/2024;10
c;15/01/2024;14/02/2024;10
c;14/02/2024;;25
d;16/01/2024;14/02/2024;10
d;14/02/2024;;5
e;23/02/2024;;40
`;

// 3 customers, 4 orders, 65 in total → AOV 16.25, repeat 33.3 %, historical CLV 21.67.
const TRANSACTIONS = `customer,date,amount
a,2024-01-05,10
b,2024-01-09,30
a,2024-02-02,20
c,2024-02-10,5
`;

// chat 0/1, email 2/3, phone 2/2.
const SUPPORT = `ticket,channel,date,resolved at first contact
1,email,2024-01-03,yes
2,email,2024-01-05,no
3,phone,2024-01-08,yes
4,phone,2024-02-01,yes
5,chat,2024-02-03,no
6,email,2024-02-05,yes
`;

/** Pastes `text`, reads it, imports it and waits for the dataset's results. */
async function importText(page, fr, text, dataset) {
  await page.getByRole('textbox', { name: fr ? 'Texte CSV collé' : 'Pasted CSV text', exact: true }).fill(text);
  await page.getByRole('button', { name: fr ? 'Lire ce texte' : 'Read this text', exact: true }).click();
  await page.getByRole('button', { name: fr ? 'Importer' : 'Import', exact: true }).click();
  await page.locator(`.import-results [data-dataset="${dataset}"]`).waitFor();
}

/** The rows of the table inside chart `id`, as arrays of cell texts. */
async function chartRows(page, id) {
  return page.locator(`[data-chart="${id}"] tbody tr`).evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent.replace(/[\u00a0\u202f]/g, ' ').trim())));
}

test('survey (EN): NPS, margin, distribution, trend and segments; Use these numbers fills the NPS card', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-GB', hash: '#/import' });
  await importText(page, false, SURVEY, 'survey');
  assert.equal(await output(page, 'survey_score'), '20.0');
  assert.equal(await output(page, 'survey_answers'), '10');
  assert.match(await output(page, 'survey_margin'), /Too few answers|too few/i, 'below 30 answers: no margin, in words');
  const dist = await chartRows(page, 'survey-distribution');
  assert.equal(dist.length, 11, 'scores 0 to 10');
  assert.deepEqual(dist[9], ['9', '', '3']);
  await page.locator('[data-chart="survey-trend"] summary').click();
  const trend = await chartRows(page, 'survey-trend');
  assert.deepEqual(trend.map((r) => r[0]), ['Jan 2024', 'Feb 2024']);
  assert.match(trend[0][1], /^25\.0 \(4 answers\)$/);
  assert.match(trend[1][1], /^16\.7 /);
  const seg = await chartRows(page, 'survey-segments');
  assert.deepEqual(seg.map((r) => [r[0], r[2]]), [['SMB', '33.3 · n = 6'], ['Enterprise', '0.0 · n = 4']]);
  await page.screenshot({ path: SHOTS + 'import-results-survey-en-1280.png', fullPage: true });
  await page.locator('.import-results').screenshot({ path: SHOTS + 'import-results-survey-en-1280-results.png' });

  // The segment picker splits every KPI.
  await page.getByLabel('Segment', { exact: true }).selectOption('SMB');
  await page.waitForFunction(() => document.querySelector('[data-output="survey_answers"] .output-value')?.textContent.trim() === '6');
  assert.equal(await output(page, 'survey_score'), '33.3');
  assert.equal(await page.locator('[data-chart="survey-segments"]').count(), 0, 'no per-segment chart inside one segment');
  await page.getByLabel('Segment', { exact: true }).selectOption('');
  await page.waitForFunction(() => document.querySelector('[data-output="survey_answers"] .output-value')?.textContent.trim() === '10');

  await page.getByRole('button', { name: 'Use these numbers', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Numbers sent to the NPS card.' }).waitFor();
  await page.getByRole('link', { name: 'Open the NPS card', exact: true }).click();
  await page.getByRole('heading', { name: 'NPS', level: 1 }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Promoters', exact: true }).inputValue(), '5');
  assert.equal(await page.getByRole('textbox', { name: 'Passives', exact: true }).inputValue(), '2');
  assert.equal(await page.getByRole('textbox', { name: 'Detractors', exact: true }).inputValue(), '3');
  assert.equal(await output(page, 'nps'), '20.0', 'the card computes the same NPS');
  assert.deepEqual(errors, []);
  await context.close();
});

test('abonnements (FR) : attrition, MRR, GRR/NRR, mouvements, heatmap, export CSV « ; » et base des scénarios', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'fr-FR', hash: '#/import' });
  await importText(page, true, SUBSCRIPTIONS_FR, 'subscriptions');
  assert.equal(plain(await output(page, 'active_customers')), '4');
  assert.equal(plain(await output(page, 'mrr')), '80,00 €');
  assert.equal(plain(await output(page, 'customer_churn')), '25,0 %');
  assert.equal(plain(await output(page, 'customer_retention')), '75,0 %');
  assert.equal(plain(await output(page, 'grr')), '62,5 %');
  assert.equal(plain(await output(page, 'nrr')), '100,0 %');
  assert.equal(plain(await output(page, 'arpa')), '20,00 €');
  const moves = await chartRows(page, 'mrr-movements');
  assert.deepEqual(moves.map((r) => r[1]), ['—', '+40,00 €', '+15,00 €', '+0,00 €', '−5,00 €', '−10,00 €', '—']);
  assert.equal(moves[6][2], '80,00 €');
  // The first month has no start: the rate is explained, not 0 or NaN.
  await page.getByLabel('Mois affiché').selectOption({ label: 'janv. 2024' });
  await page.waitForFunction(() => document.querySelector('[data-output="mrr"] .output-value')?.textContent.includes('40'));
  assert.doesNotMatch(await output(page, 'customer_churn'), /NaN|∞|^0/);
  await page.getByLabel('Mois affiché').selectOption({ label: 'févr. 2024' });

  const heat = await chartRows(page, 'cohorts');
  assert.deepEqual(heat[0], ['janv. 2024', '4', '100 %', '75 %']);
  assert.deepEqual(heat[1].slice(0, 3), ['févr. 2024', '1', '100 %']);
  assert.equal(await page.locator('[data-chart="cohorts"] td.heat-0').first().innerText(), '100\u00a0%');
  await page.getByRole('radio', { name: 'par revenu (MRR)' }).check();
  await page.waitForFunction(() => document.querySelector('[data-chart="cohorts"] .chart-title')?.textContent.startsWith('MRR'));
  assert.deepEqual((await chartRows(page, 'cohorts'))[0], ['janv. 2024', '4', '100 %', '100 %'], '40 → 40');

  // Export: a Blob download, `;` and decimal commas, no request.
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('blob:') && !r.url().startsWith('data:')) requests.push(r.url()); });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter les résultats (CSV)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^cadran-abonnements.*\.csv$/);
  const csv = (await import('node:fs')).readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff'), 'BOM for Excel');
  assert.match(csv, /^2024-02;4;80;1;0;1;25;75;62,5;100;20;40;15;0;5;10\r$/m);
  assert.deepEqual(requests, [], 'the export makes no request');

  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: SHOTS + 'import-results-subs-fr-360.png', fullPage: true });
  await page.locator('.import-results').screenshot({ path: SHOTS + 'import-results-subs-fr-360-results.png' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 360 px (${overflow})`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: SHOTS + 'import-results-subs-fr-1280.png', fullPage: true });

  await page.getByRole('button', { name: 'Utiliser ces chiffres', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Chiffres envoyés à la carte rétention, la carte ARPA, la carte MRR et la base des scénarios.' }).waitFor();
  // The baseline waits in storage for the scenarios page: last month's customers,
  // new per month (1 over February), churn 25 %, ARPA 20, net expansion (15 − 5) ÷ 40 = 25 %.
  const pending = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.includes('handoff.scenario'))?.[1] ?? '');
  for (const [k, v] of [['customers_start', '4'], ['new_customers_per_month', '1'], ['monthly_churn', '25'], ['arpa', '20'], ['monthly_expansion', '25']]) {
    assert.ok(pending.includes(`["${k}","${v}"]`), `${k} = ${v} in ${pending}`);
  }
  assert.equal(await page.getByRole('link', { name: 'Ouvrir les scénarios', exact: true }).getAttribute('href'), '#/scenarios');
  await page.getByRole('link', { name: 'Ouvrir la carte rétention', exact: true }).click();
  await page.getByRole('heading', { level: 1 }).filter({ hasText: /Rétention/i }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Clients au début (S)', exact: true }).inputValue(), '4');
  assert.equal(await page.getByRole('textbox', { name: 'Clients à la fin (E)', exact: true }).inputValue(), '4');
  // The scenarios page applies the baseline when it opens.
  await page.goto(server.url + '#/scenarios');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('input')].some((i) => i.value === '25'));
  assert.equal(await page.getByRole('textbox', { name: 'Clients au départ', exact: true }).first().inputValue(), '4');
  assert.deepEqual(errors, []);
  await context.close();
});

test('transactions (EN) and support (FR): orders, AOV, CLV, cohorts; FCR by channel and month', async () => {
  const en = await openApp(browser, server.url, { locale: 'en-GB', hash: '#/import' });
  await importText(en.page, false, TRANSACTIONS, 'transactions');
  assert.equal(await output(en.page, 'tx_customers'), '3');
  assert.equal(await output(en.page, 'tx_orders'), '4');
  assert.equal(await output(en.page, 'aov'), '€16.25');
  assert.equal(await output(en.page, 'repeat_rate'), '33.3%');
  assert.equal(await output(en.page, 'historical_clv'), '€21.67');
  assert.deepEqual((await chartRows(en.page, 'purchase-cohorts'))[0], ['Jan 2024', '2', '100%', '50%']);
  await en.page.screenshot({ path: SHOTS + 'import-results-tx-en-1280.png', fullPage: true });
  await en.page.locator('.import-results').screenshot({ path: SHOTS + 'import-results-tx-en-1280-results.png' });
  assert.deepEqual(en.errors, []);
  await en.context.close();

  const fr = await openApp(browser, server.url, { locale: 'fr-FR', hash: '#/import', width: 360 });
  await importText(fr.page, true, SUPPORT, 'support');
  assert.equal(plain(await output(fr.page, 'fcr')), '66,7 %');
  const channels = await chartRows(fr.page, 'fcr-channel');
  assert.deepEqual(channels.map((r) => [r[0], r[2]]), [['chat', '0,0 % (0 / 1)'], ['email', '66,7 % (2 / 3)'], ['phone', '100,0 % (2 / 2)']]);
  await fr.page.locator('[data-chart="fcr-month"] summary').click();
  assert.deepEqual((await chartRows(fr.page, 'fcr-month')).map((r) => r[0]), ['janv. 2024', 'févr. 2024']);
  await fr.page.getByRole('button', { name: 'Utiliser ces chiffres', exact: true }).click();
  await fr.page.getByRole('status').filter({ hasText: 'Chiffres envoyés à la carte FCR.' }).waitFor();
  await fr.page.screenshot({ path: SHOTS + 'import-results-support-fr-360.png', fullPage: true });
  await fr.page.locator('.import-results').screenshot({ path: SHOTS + 'import-results-support-fr-360-results.png' });
  assert.deepEqual(fr.errors, []);
  await fr.context.close();
});
