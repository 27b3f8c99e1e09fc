// The CSAT and CES cards, driven like a person would: counts per score, the
// scale and threshold choices, the substituted formulas, a target, memory
// across reloads and reset, in English and in French.
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

async function fillScores(page, word, counts) {
  for (const [i, n] of counts.entries()) await box(page, `${word} ${i + 1}`).fill(String(n));
}

test('CSAT in English: counts per score, scale, threshold, formula, target, reload and reset', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US', hash: '#/csat' });
  await page.getByRole('heading', { name: 'Customer satisfaction (CSAT)', level: 1 }).waitFor();
  // 1–5 scale, satisfied = 4 or 5: (30 + 60) ÷ 100 = 90 %; mean (30 + 120 + 300) ÷ 100 = 4.5.
  await fillScores(page, 'Score', [0, 0, 10, 30, 60]);
  assert.equal(await output(page, 'csat'), '90.0%');
  assert.equal(await output(page, 'mean'), '4.50 / 5');
  assert.equal(await output(page, 'satisfied'), '90 of 100');
  assert.equal(await page.locator('[data-output="mean"] .output-value').getAttribute('title'), '4.5');
  await page.getByText('How is this computed?').click();
  const formulas = page.locator('[data-formula="csat"] li');
  assert.equal(await text(formulas.nth(0)), 'CSAT = 90 ÷ 100 × 100 = 90.0%');
  assert.equal(await text(formulas.nth(1)), 'Mean score = (1 × 0 + 2 × 0 + 3 × 10 + 4 × 30 + 5 × 60) ÷ 100 = 4.50');
  // A 1–7 scale shows two more scores; satisfied from 6: 25 ÷ 125 = 20 %.
  assert.equal(await box(page, 'Score 6').count(), 0);
  await page.getByRole('radio', { name: '1 to 7' }).check();
  await box(page, 'Score 6').fill('0');
  await box(page, 'Score 7').fill('25');
  await box(page, 'Satisfied from score').fill('6');
  assert.equal(await output(page, 'csat'), '20.0%');
  await box(page, 'Satisfied from score').fill('9');
  assert.equal(await page.getByText('Must be between 1 and 7.').count(), 1);
  assert.match(await output(page, 'csat'), /Correct “Satisfied from score”/);
  await box(page, 'Satisfied from score').fill('6');
  // Target CSAT ≥ 25 %: 20 % is 5 points short, beyond the 10 % band (2.5 points).
  await page.getByRole('button', { name: 'Set a target · Customer satisfaction (CSAT)' }).press('Enter');
  // The keyboard lands in the new field.
  await page.waitForFunction(() => document.activeElement?.id === 'target-csat-value');
  await page.keyboard.type('25');
  assert.equal(await status(page, 'csat'), '✗ Missed — 5.0 points short of the target (Customer satisfaction (CSAT) ≥ 25.0%)');
  assert.equal(await page.locator('[data-target="csat"] .target-status').getAttribute('class'), 'target-status missed');
  await box(page, 'Target').fill('21');
  assert.equal(await status(page, 'csat'), '≈ Near — 1.0 point short of the target (Customer satisfaction (CSAT) ≥ 21.0%)');
  await box(page, 'Target').fill('18');
  assert.equal(await status(page, 'csat'), '✓ Met — 2.0 points better than the target (Customer satisfaction (CSAT) ≥ 18.0%)');
  // Kept across a reload: scale, counts, threshold and target.
  await page.reload();
  await page.getByRole('heading', { name: 'Customer satisfaction (CSAT)', level: 1 }).waitFor();
  assert.equal(await page.getByRole('radio', { name: '1 to 7' }).isChecked(), true);
  assert.equal(await box(page, 'Score 7').inputValue(), '25');
  assert.equal(await output(page, 'csat'), '20.0%');
  assert.equal(await box(page, 'Target').inputValue(), '18');
  assert.match(await status(page, 'csat'), /^✓ Met/);
  // Reset puts the card's defaults back (the target is the user's, kept).
  await page.getByRole('button', { name: 'Restore defaults' }).click();
  assert.equal(await output(page, 'csat'), '70.0%');
  assert.equal(await page.getByRole('radio', { name: '1 to 5' }).isChecked(), true);
  await page.getByRole('button', { name: 'Remove the target' }).click();
  assert.equal(await box(page, 'Target').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('CSAT in French, with screenshots at 1280 and 360 px', async () => {
  for (const width of [1280, 360]) {
    const { page, context, errors } = await openApp(browser, server.url, { locale: 'fr-FR', hash: '#/csat', width });
    await page.getByRole('heading', { name: 'Satisfaction client (CSAT)', level: 1 }).waitFor();
    await fillScores(page, 'Note', [1, 2, 3, 4, 5]);
    // (4 + 5) ÷ 15 = 60 %; (1 + 4 + 9 + 16 + 25) ÷ 15 = 3,67.
    assert.equal(plain(await output(page, 'csat')), '60,0 %');
    assert.equal(plain(await output(page, 'mean')), '3,67 / 5');
    await box(page, 'Note 2').fill('2,5');
    assert.match(await output(page, 'csat'), /Corrigez « Note 2 »/);
    assert.equal(await page.getByText('Doit être un nombre entier.').count(), 1);
    await box(page, 'Note 2').fill('2');
    await page.getByText('Comment est-ce calculé ?').click();
    assert.equal(await text(page.locator('[data-formula="csat"] li').nth(0)), 'CSAT = 9 ÷ 15 × 100 = 60,0 %');
    await page.getByRole('button', { name: 'Fixer un objectif · Satisfaction client (CSAT)' }).click();
    await box(page, 'Objectif').fill('62,5');
    assert.equal(await status(page, 'csat'), '≈ Proche — 2,5 points en deçà de l’objectif (Satisfaction client (CSAT) ≥ 62,5 %)');
    await page.reload();
    await page.getByRole('heading', { name: 'Satisfaction client (CSAT)', level: 1 }).waitFor();
    assert.equal(await box(page, 'Note 5').inputValue(), '5');
    assert.equal(await box(page, 'Objectif').inputValue(), '62,5');
    await page.screenshot({ path: SHOTS + `csat-fr-${width}.png`, fullPage: true });
    if (width === 360) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(overflow, false, 'no horizontal scroll at 360 px');
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('CES in English: mean score, easy share, which end is easy, target; screenshots', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US', hash: '#/ces' });
  await page.getByRole('heading', { name: 'Customer effort (CES)', level: 1 }).waitFor();
  // The core's worked example: two 3s, two 4s, three 6s, three 7s → 5.3; 60 % at 5 or more.
  await fillScores(page, 'Score', [0, 0, 2, 2, 0, 3, 3]);
  assert.equal(await output(page, 'ces'), '5.30 / 7');
  assert.equal(await output(page, 'easy_share'), '60.0%');
  assert.equal(await text(page.locator('[data-output="ces"] .output-label')), 'CES (mean score) — higher is easier');
  await page.getByText('How is this computed?').click();
  const formulas = page.locator('[data-formula="ces"] li');
  assert.equal(await text(formulas.nth(0)), 'CES = (1 × 0 + 2 × 0 + 3 × 2 + 4 × 2 + 5 × 0 + 6 × 3 + 7 × 3) ÷ 10 = 5.30 / 7 (higher is easier)');
  assert.equal(await text(formulas.nth(1)), '“Easy” answers (scores ≥ 5) = 6 ÷ 10 × 100 = 60.0%');
  // CES 1.0 wording: low means easy, 3 or less → 2 of 10.
  await page.getByRole('radio', { name: /^Low scores/ }).check();
  await box(page, '“Easy” threshold').fill('3');
  assert.equal(await output(page, 'easy_share'), '20.0%');
  assert.equal(await text(page.locator('[data-output="ces"] .output-label')), 'CES (mean score) — lower is easier');
  assert.equal(await text(formulas.nth(1)), '“Easy” answers (scores ≤ 3) = 2 ÷ 10 × 100 = 20.0%');
  // Target on the mean, lower is better with this wording: ≤ 5 → 0.3 short, near (band 0.5).
  await page.getByRole('button', { name: 'Set a target · Customer effort (CES), mean score' }).click();
  await page.locator('[data-target="ces"]').getByRole('combobox', { name: 'Direction' }).selectOption('at_most');
  await page.locator('[data-target="ces"]').getByRole('textbox', { name: 'Target', exact: true }).fill('5');
  assert.equal(await status(page, 'ces'), '≈ Near — 0.3 short of the target (Customer effort (CES), mean score ≤ 5.0)');
  await page.reload();
  await page.getByRole('heading', { name: 'Customer effort (CES)', level: 1 }).waitFor();
  assert.equal(await page.getByRole('radio', { name: /^Low scores/ }).isChecked(), true);
  assert.equal(await output(page, 'easy_share'), '20.0%');
  assert.match(await status(page, 'ces'), /^≈ Near/);
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: SHOTS + `ces-en-${width}.png`, fullPage: true });
  }
  await page.getByRole('button', { name: 'Restore defaults' }).click();
  assert.equal(await output(page, 'ces'), '5.48 / 7');
  assert.deepEqual(errors, []);
  await context.close();
});

test('CES in French, with screenshots at 1280 and 360 px', async () => {
  for (const width of [1280, 360]) {
    const { page, context, errors } = await openApp(browser, server.url, { locale: 'fr-FR', hash: '#/ces', width });
    await page.getByRole('heading', { name: 'Effort client (CES)', level: 1 }).waitFor();
    await page.getByRole('radio', { name: '1 à 5' }).check();
    await fillScores(page, 'Note', [0, 0, 0, 1, 1]);
    await box(page, 'Seuil « facile »').fill('4');
    assert.equal(plain(await output(page, 'ces')), '4,50 / 5');
    assert.equal(plain(await output(page, 'easy_share')), '100,0 %');
    await page.getByText('Comment est-ce calculé ?').click();
    assert.equal(await text(page.locator('[data-formula="ces"] li').nth(1)), 'Réponses « facile » (notes ≥ 4) = 2 ÷ 2 × 100 = 100,0 %');
    for (let i = 1; i <= 5; i++) await box(page, `Note ${i}`).fill('0');
    assert.equal(await output(page, 'ces'), 'Aucune réponse : saisissez le nombre de réponses de chaque note.');
    await page.reload();
    await page.getByRole('heading', { name: 'Effort client (CES)', level: 1 }).waitFor();
    assert.equal(await page.getByRole('radio', { name: '1 à 5' }).isChecked(), true);
    await page.screenshot({ path: SHOTS + `ces-fr-${width}.png`, fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
