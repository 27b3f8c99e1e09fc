// The A/B-test card, read like a person would: type a textbook case, read
// the verdict, the intervals, the Bayesian probability, the plan and the
// split warning; import an experiment file into the card. Figures checked
// against an independent computation (the N−1 chi-square p-value:
// χ² × (N − 1) ÷ N, Campbell 2007) and the core's published cases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, output } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ');
const box = (page, name) => page.getByRole('textbox', { name, exact: true });

test('A/B test in French: verdict, intervals, Bayes, split warning, plan (1280 and 360 px)', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'fr-FR', hash: '#/ab-test' });
  await page.getByRole('heading', { name: 'Test A/B', level: 1 }).waitFor();
  // Defaults: 500 / 10 000 on A, 580 / 10 000 on B.
  assert.equal(plain(await output(page, 'ab_rate_a')), '5,0 %');
  assert.equal(plain(await output(page, 'ab_rate_b')), '5,8 %');
  assert.match(plain(await output(page, 'ab_verdict')),
    /^B convertit mieux que A : confiance de 95 % que l’écart est entre \+0,\d\d et \+1,\d\d points\.$/);
  // N−1 χ² = χ² × 19 999 ÷ 20 000 → p = 0.012322.
  assert.equal(plain(await output(page, 'ab_p_value')), '0,0123 — test du khi-deux N−1');
  assert.match(plain(await output(page, 'ab_lift')), /^\+0,80 \(\+0,\d\d … \+1,\d\d\)$/);
  const bayes = Number(plain(await output(page, 'ab_bayes')).replace(' %', '').replace(',', '.'));
  assert.ok(bayes > 99 && bayes < 100, `P(B > A) = ${bayes}`);
  assert.match(plain(await output(page, 'ab_split')), /^conforme : 50,0 % pour A \(prévu 50 %\)$/);
  assert.equal(plain(await output(page, 'ab_revenue')), 'Non renseigné.');
  // The plan: Evan Miller's published case, 20 % baseline, 5 points, 80 % power → 1 031 a version.
  await box(page, 'Conversion actuelle').fill('20');
  await box(page, 'Écart minimal à détecter').fill('5');
  assert.equal(plain(await output(page, 'ab_plan_visitors')), '1 031');
  assert.equal(plain(await output(page, 'ab_plan_days')), '2 jours');
  assert.match(plain(await page.locator('[data-output="ab_peeking"]').innerText()), /règle séquentielle simple d’Evan Miller/);
  // The split of Kohavi et al. (2020): 821 588 vs 815 482 on a 50/50 test is broken, whatever B does.
  await box(page, 'Visiteurs de A (contrôle)').fill('821588');
  await box(page, 'Conversions de A').fill('16432');
  await box(page, 'Visiteurs de B (variante)').fill('815482');
  await box(page, 'Conversions de B').fill('17940');
  assert.match(plain(await output(page, 'ab_verdict')), /^Le test lui-même est faussé : A a reçu 50,19 % des visiteurs au lieu de 50 %/);
  // Bad input names its field; nothing is NaN.
  await box(page, 'Conversions de B').fill('900000');
  assert.doesNotMatch(await page.locator('main').innerText(), /NaN|Infinity|∞/);
  await page.screenshot({ path: 'tests/e2e/screenshots/ab-test-fr-1280.png', fullPage: true });
  await page.setViewportSize({ width: 360, height: 900 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no horizontal scroll at 360 px');
  await page.screenshot({ path: 'tests/e2e/screenshots/ab-test-fr-360.png', fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('A/B test in English: the textbook 144/1 200 vs 192/1 200 case, one-sided, revenue and money', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US', hash: '#/ab-test' });
  await page.getByRole('heading', { name: 'A/B test', level: 1 }).waitFor();
  await box(page, 'Visitors of A (control)').fill('1200');
  await box(page, 'Conversions of A').fill('144');
  await box(page, 'Visitors of B (variant)').fill('1200');
  await box(page, 'Conversions of B').fill('192');
  assert.equal(await output(page, 'ab_p_value'), '0.0048 — N−1 chi-square test');
  assert.match(plain(await output(page, 'ab_verdict')), /^B converts better than A: 95% confident the lift is between \+\d\.\d\d and \+\d\.\d\d points\.$/);
  await page.getByRole('radio', { name: 'Only whether B is better (one-sided)' }).check();
  assert.match(plain(await output(page, 'ab_verdict')), /^B converts better than A: 95% confident the lift is at least \+\d\.\d\d points\.$/);
  // Revenue per visitor: Welch's test on typed means and standard deviations.
  await box(page, 'Mean revenue per visitor of A').fill('2');
  await box(page, 'Standard deviation of A’s revenue').fill('10');
  await box(page, 'Mean revenue per visitor of B').fill('3');
  await box(page, 'Standard deviation of B’s revenue').fill('12');
  // Welch (one-sided, as chosen above): se = √(10²/1 200 + 12²/1 200) = 0.4509, t = 2.218, p = 0.0133;
  // the bounds are 1 ± 1.645 × 0.4509.
  assert.equal(await output(page, 'ab_revenue'), '€1.00 (€0.26 … €1.74), p = 0.0133');
  // From lift to money: 10 000 visitors a month at +4 points → +400 customers × 50 = €20,000 MRR.
  await box(page, 'Visitors a month').fill('10000');
  await box(page, 'ARPA (revenue per customer a month)').fill('50');
  assert.equal(await output(page, 'ab_money'), '+400.0 customers, MRR €20,000.00');
  await page.screenshot({ path: 'tests/e2e/screenshots/ab-test-en-1280.png', fullPage: true });
  // Use in scenarios: B for everyone is a variant with 400 more new customers a month (baseline 50).
  await page.getByRole('button', { name: 'Try it in scenarios' }).click();
  await page.getByText('Variant “A/B test: B for everyone” added from the A/B test: the extra new customers a month if the measured lift holds.').waitFor();
  assert.match(await page.locator('[data-table="compare"] thead').innerText(), /A\/B test: B for everyone/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an experiment file imported into the A/B-test card (French)', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'fr-FR', hash: '#/import' });
  await page.getByRole('textbox', { name: 'Texte CSV collé', exact: true }).fill('version;visiteurs;conversions\ncontrôle;1200;144\nnouvelle page;1200;192\n');
  await page.getByRole('button', { name: 'Lire ce texte', exact: true }).click();
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await page.locator('.import-results [data-dataset="experiment"]').waitFor();
  assert.match(plain(await page.locator('[data-dataset="experiment"]').innerText()), /A \(contrôle\) : « contrôle » ; B : « nouvelle page »/);
  await page.getByRole('button', { name: 'Utiliser ces chiffres', exact: true }).click();
  await page.getByRole('link', { name: 'Ouvrir la carte test A/B', exact: true }).click();
  await page.getByRole('heading', { name: 'Test A/B', level: 1 }).waitFor();
  assert.equal(await box(page, 'Visiteurs de A (contrôle)').inputValue(), '1200');
  assert.equal(await box(page, 'Conversions de B').inputValue(), '192');
  assert.equal(plain(await output(page, 'ab_p_value')), '0,0048 — test du khi-deux N−1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the money part takes ARPA and CLV from their cards (English)', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US', hash: '#/ab-test' });
  await page.getByRole('heading', { name: 'A/B test', level: 1 }).waitFor();
  // Neither card was opened yet: nothing to take, and the card says so.
  await page.getByRole('button', { name: 'Use the values of the ARPA and CLV cards' }).click();
  await page.locator('.from-cards [role="status"]').filter({ hasText: 'The ARPA and CLV cards have no value yet' }).waitFor();
  assert.equal(await box(page, 'ARPA (revenue per customer a month)').inputValue(), '');
  await page.goto(server.url + '#/arpa');
  await page.getByRole('heading', { level: 1 }).waitFor();
  const arpa = Number(plain(await output(page, 'arpa')).replace(/[^0-9.]/g, ''));
  assert.ok(arpa > 0, `the ARPA card computes (${arpa})`);
  await page.goto(server.url + '#/clv');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.goto(server.url + '#/ab-test');
  await page.getByRole('heading', { name: 'A/B test', level: 1 }).waitFor();
  await box(page, 'Visitors a month').fill('20000');
  await page.getByRole('button', { name: 'Use the values of the ARPA and CLV cards' }).click();
  await page.locator('.from-cards [role="status"]').filter({ hasText: /^Taken: ARPA .*, CLV .*\.$/ }).waitFor();
  assert.equal(Number(await box(page, 'ARPA (revenue per customer a month)').inputValue()), arpa, 'the ARPA card\'s value, as typed');
  assert.notEqual(await box(page, 'CLV (customer lifetime value)').inputValue(), '');
  // The money line now carries MRR and CLV from those values.
  assert.match(plain(await output(page, 'ab_money')), /^\+[\d.]+ customers, MRR .*, CLV /);
  assert.deepEqual(errors, []);
  await context.close();
});
