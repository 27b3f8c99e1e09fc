// The value page (#/value), used like a person would: start from the
// example table, read the quadrants and the competitive gap, change the
// crosshairs, edit, delete and undo, paste a driver survey and read the
// derived importance. Expected figures are worked by hand from the
// definitions (ratings brought to 0–1 by (x − 1) ÷ 4 on the 1–5 scale):
// mean importance 0.65625, mean performance 0.5625; "concentrate here" are
// rows 1, 3 and 7, by iso-priority gap 3 (0.66), 1 (0.41), 7 (0.16).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, SHOTS } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ');
const quadrants = (page) => page.locator('.value-results-table [data-quadrant]').evaluateAll((cells) => cells.map((c) => c.dataset.quadrant));

test('value page in French: template, quadrants, gap, crosshairs, undo (1280 and 360 px)', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'fr-FR', hash: '#/value' });
  await page.getByRole('heading', { name: 'Valeur pour le client', level: 1 }).waitFor();
  assert.equal(await page.locator('.value-table tbody tr').count(), 8, 'the example has two drivers per dimension');
  assert.deepEqual(await quadrants(page), ['concentrate', 'keep', 'concentrate', 'keep', 'overkill', 'low', 'concentrate', 'overkill']);
  assert.equal(plain(await page.locator('.value-first').innerText()), 'À traiter d’abord : Rapidité du support, Fiabilité du produit, Prix.');
  assert.match(plain(await page.locator('.value-gap').innerText()), /^Écart concurrentiel pondéré par l’importance : −0,\d\d \(le concurrent est devant\)\.$/);
  // Eight drivers, seven places: 2 and 4 are rated alike and share one, labelled "2, 4".
  assert.deepEqual(await page.locator('.ipa-svg [data-point]').evaluateAll((g) => g.map((x) => x.dataset.point)), ['1', '2, 4', '3', '5', '6', '7', '8']);
  assert.equal(await page.locator('.ipa-svg .pt-many').evaluate((t) => getComputedStyle(t).fill), 'rgb(28, 36, 48)', 'the shared label is in the text colour, not the points\' white');
  // Value map (Gale): quality 3,19 vs 3,57 (importance-weighted ratings), price 100 vs 90.
  assert.equal(plain(await page.locator('.value-map-line').innerText()), 'Qualité relative 0,89 pour un prix relatif 1,11 : moins de valeur que le concurrent pour le prix.');
  // The same on the map: the own point below the fair-value line, the competitor above it.
  const sides = () => page.locator('.vm-svg [data-company]').evaluateAll((g) => g.map((x) => `${x.dataset.company}:${x.dataset.side}`));
  assert.deepEqual(await sides(), ['Vous:worse', 'Concurrent 1:better']);
  await page.getByRole('textbox', { name: 'Votre prix' }).fill('75');
  assert.match(plain(await page.locator('.value-map-line').innerText()), /prix relatif 0,83 : meilleure valeur que le concurrent\.$/);
  assert.deepEqual(await sides(), ['Vous:better', 'Concurrent 1:worse'], 'the chart follows the price');
  // A point is drawn where its numbers say: lower relative price is further left.
  const [own, other] = await page.locator('.vm-svg [data-company] circle').evaluateAll((c) => c.map((x) => Number(x.getAttribute('cx'))));
  assert.ok(own < other, `own cx ${own} left of competitor cx ${other}`);
  // ROX = (24 000 + 6 000 − 15 000) ÷ 15 000 = 100 %; no cost, no ratio.
  assert.match(plain(await page.locator('[data-formula="rox"]').innerText()), /^ROX = \(30 000.* − 15 000.*\) ÷ 15 000.* = 100,0 %$/);
  await page.getByRole('textbox', { name: 'Coût des améliorations' }).fill('0');
  assert.doesNotMatch(await page.locator('.value-rox').innerText(), /NaN|Infinity|∞|ROX =/);
  // Action ranks: support (gain 0,75 × feasibility 4 ÷ cost 2 = 1,5) first, reliability (0,375) second.
  assert.equal(await page.locator('[data-driver-row="3"] [data-rank]').innerText(), '1');
  assert.equal(await page.locator('[data-driver-row="1"] [data-rank]').innerText(), '2');
  // Dividing at the middle of the scale moves row 8 (importance 3 of 5, on the line) to "keep up".
  await page.getByRole('radio', { name: 'Au milieu de l’échelle' }).check();
  assert.equal((await quadrants(page))[7], 'keep');
  await page.getByRole('radio', { name: 'À la moyenne de vos leviers (usuel)' }).check();
  // A rating outside the scale names its row and column; nothing is NaN.
  const imp = page.getByRole('textbox', { name: 'Importance — Prix' });
  await imp.fill('9');
  assert.match(plain(await page.locator('.value-summary .reason').innerText()), /^Corrigez la ligne 7, colonne « Importance » : une note de 1 à 5 est attendue\.$/);
  await imp.fill('beaucoup');
  assert.match(plain(await page.locator('.value-summary .reason').innerText()), /ligne 7, colonne « Importance » : un nombre est attendu/);
  assert.doesNotMatch(await page.locator('main').innerText(), /NaN|Infinity|∞/);
  await imp.fill('4');
  // Delete, then undo.
  await page.getByRole('button', { name: 'Supprimer « Prix »' }).click();
  assert.equal(await page.locator('.value-table tbody tr').count(), 7);
  await page.getByRole('status').filter({ hasText: 'Levier « Prix » supprimé.' }).getByRole('button', { name: 'Annuler' }).click();
  assert.equal(await page.locator('.value-table tbody tr').count(), 8);
  assert.equal((await quadrants(page))[6], 'concentrate', 'the row is back in its place');
  // Saved like the other pages: a reload keeps an edit.
  await page.getByRole('textbox', { name: 'Levier 2' }).fill('Fonctions clés');
  await page.reload();
  await page.getByRole('textbox', { name: 'Levier 2' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Levier 2' }).inputValue(), 'Fonctions clés');
  await page.screenshot({ path: SHOTS + 'value-fr-1280.png', fullPage: true });
  // Use in scenarios: the top-ranked action (support) +1 point, assumed worth 0,2 point of churn.
  assert.equal(await page.getByRole('combobox', { name: 'Levier à améliorer' }).locator('option:checked').innerText(), 'Rapidité du support');
  assert.equal(await page.getByRole('textbox', { name: 'Baisse d’attrition mensuelle par point (points de %)' }).inputValue(), '0,2');
  await page.getByRole('button', { name: 'Ajouter comme variante dans Scénarios' }).click();
  await page.getByText('Variante « Rapidité du support +1 pt » ajoutée depuis la page Valeur. Son effet sur l’attrition est votre hypothèse, pas une mesure.').waitFor();
  assert.match(await page.locator('[data-table="compare"] thead').innerText(), /Rapidité du support \+1 pt/);
  await page.goto(server.url + '#/value');
  await page.getByRole('heading', { name: 'Valeur pour le client', level: 1 }).waitFor();
  await page.setViewportSize({ width: 360, height: 900 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no horizontal scroll at 360 px');
  await page.screenshot({ path: SHOTS + 'value-fr-360.png', fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('value page in English: a pasted driver survey gives derived importance beside stated importance', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US', hash: '#/value' });
  await page.getByRole('heading', { name: 'Value for customers', level: 1 }).waitFor();
  assert.equal(plain(await page.locator('.value-first').innerText()), 'Work on these first: Support response time, Product reliability, Price.');
  // The overall rating follows speed closely and price hardly at all; one answer is text.
  const survey = 'Speed,Price,Overall\n1,3,2\n2,2,3\n3,4,5\n4,3,6\n5,1,8\n2,5,3\n4,2,7\n5,4,9\n3,n/a,5\n';
  await page.getByRole('textbox', { name: 'Survey answers (pasted CSV)' }).fill(survey);
  const head = plain(await page.locator('.value-derived-head').innerText());
  assert.match(head, /^Complete answers used: 8; incomplete ones left out: 1; R² = 0\.9\d/);
  assert.match(plain(await page.locator('.value-derived').innerText()), /Unreadable cells, read as no answer: 1 \(the first: line 10, column “Price”, “n\/a”\)/);
  const weights = await page.locator('.value-derived-table [data-weight]').allInnerTexts();
  const [speed, price] = weights.map((w) => Number(w.replace('%', '')));
  assert.ok(speed > 80 && price < 20, `speed ${speed} %, price ${price} %`);
  assert.ok(Math.abs(speed + price - 100) < 0.15, 'relative weights share all of R²');
  // Stated importance beside it, for the columns named like a driver of the table.
  const stated = await page.locator('.value-derived-table [data-stated]').allInnerTexts();
  assert.equal(stated[0], '—', '"Speed" is not a driver of the table');
  assert.match(plain(stated[1]), /^100\.0 ?%$/, 'only "Price" is a driver of the table: it holds all the stated importance of the matched drivers');
  // The same survey from a file, with drivers named as in the table.
  const file = 'Support response time,Price,Overall\n1,3,2\n2,2,3\n3,4,5\n4,3,6\n5,1,8\n2,5,3\n4,2,7\n5,4,9\n';
  await page.getByLabel('Or choose a CSV file (or drop it here)').setInputFiles({ name: 'drivers.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  await page.locator('.value-derived-head').filter({ hasText: 'Complete answers used: 8; incomplete ones left out: 0' }).waitFor();
  const both = (await page.locator('.value-derived-table [data-stated]').allInnerTexts()).map((w) => Number(plain(w).replace(/ ?%/, '')));
  assert.equal(both.length, 2);
  assert.ok(both.every((x) => x > 0) && Math.abs(both[0] + both[1] - 100) < 0.15, `stated shares ${both} sum to 100 %`);
  // A survey with one column says what is missing.
  await page.getByRole('textbox', { name: 'Survey answers (pasted CSV)' }).fill('Overall\n5\n6\n');
  assert.match(await page.locator('.value-derived .reason').innerText(), /One column only/);
  await page.screenshot({ path: SHOTS + 'value-en-1280.png', fullPage: true });
  await page.setViewportSize({ width: 360, height: 900 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no horizontal scroll at 360 px');
  await page.screenshot({ path: SHOTS + 'value-en-360.png', fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
