// The NPS card, driven like a person would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, output, SHOTS } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const box = (page, name) => page.getByRole('textbox', { name, exact: true });
const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ');

test('NPS from counts, with shares, margin of error and the substituted formula (EN)', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US', hash: '#/roi' });
  await page.getByRole('link', { name: 'NPS' }).click();
  await page.getByRole('heading', { name: 'NPS', level: 1 }).waitFor();
  await box(page, 'Promoters').fill('50');
  await box(page, 'Passives').fill('30');
  await box(page, 'Detractors').fill('20');
  // 50 % − 20 % = 30; margin 1.96 × √((0.5 + 0.2 − 0.3²) / 100) = 15.3 points.
  assert.equal(await output(page, 'nps'), '30.0');
  assert.equal(await output(page, 'promoters_share'), '50.0%');
  assert.equal(await output(page, 'margin'), '± 15.3 (14.7 … 45.3)');
  await page.getByText('How is this computed?').click();
  assert.equal(await page.locator('[data-formula="nps"]').innerText(), 'NPS = % promoters − % detractors = 50.0% − 20.0% = 30.0');
  // Too few answers: the score stands, the margin says why it does not.
  await box(page, 'Promoters').fill('5');
  await box(page, 'Passives').fill('3');
  await box(page, 'Detractors').fill('2');
  assert.equal(await output(page, 'nps'), '30.0');
  assert.equal(await output(page, 'margin'), 'Too few answers to conclude (10 of the 30 needed).');
  // No answers at all, then garbage.
  for (const l of ['Promoters', 'Passives', 'Detractors']) await box(page, l).fill('0');
  assert.equal(await output(page, 'nps'), 'No answers yet: enter how many answers each score received.');
  await box(page, 'Passives').fill('2.5');
  assert.match(await output(page, 'nps'), /Correct “Passives”/);
  assert.equal(await box(page, 'Passives').getAttribute('aria-invalid'), 'true');
  await page.goBack();
  await page.getByRole('heading', { name: 'Customer-success ROI' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('NPS in French, kept across reloads, at 1280 and 360 px', async () => {
  for (const width of [1280, 360]) {
    const { page, context } = await openApp(browser, server.url, { locale: 'fr-FR', hash: '#/nps', width });
    await box(page, 'Promoteurs').fill('120');
    await box(page, 'Détracteurs').fill('40');
    await box(page, 'Passifs').fill('60');
    // 120/220 − 40/220 = 54,5 % − 18,2 % = 36,4
    assert.equal(plain(await output(page, 'nps')), '36,4');
    await page.reload();
    await page.getByRole('heading', { name: 'NPS', level: 1 }).waitFor();
    assert.equal(await box(page, 'Promoteurs').inputValue(), '120');
    await page.screenshot({ path: SHOTS + `nps-fr-${width}.png`, fullPage: true });
    await context.close();
  }
});
