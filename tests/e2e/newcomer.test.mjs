// What a newcomer sees first: the home page and its three ways in, a
// navigation whose current item is always on screen with nothing wider than
// the window, and values the app writes into fields as a person types them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, ROUTES } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const HOME = {
  fr: { h1: 'Vos indicateurs clients, calculés chez vous', ways: ['Un calculateur', 'Votre fichier', 'Un scénario'],
    nps: '120 promoteurs, 50 passifs, 30 détracteurs → NPS 45', go: 'Calculer un NPS', card: 'NPS' },
  en: { h1: 'Your customer KPIs, computed on your device', ways: ['A calculator', 'Your own file', 'A scenario'],
    nps: '120 promoters, 50 passives, 30 detractors → NPS 45', go: 'Compute an NPS', card: 'NPS' },
};

for (const [locale, lang] of [['fr-FR', 'fr'], ['en-US', 'en']]) {
  test(`the home page explains Cadran and leads three ways in (${lang})`, async () => {
    const t = HOME[lang];
    const { page, context, errors } = await openApp(browser, server.url, { locale, hash: '' });
    await page.getByRole('heading', { name: t.h1, level: 1 }).waitFor();
    const ways = page.getByRole('list').filter({ has: page.getByRole('heading', { level: 3 }) });
    assert.deepEqual(await ways.getByRole('heading', { level: 3 }).allInnerTexts(), t.ways);
    // One example number each, the calculator's computed by the core.
    assert.equal(await ways.getByRole('listitem').count(), 3);
    await page.getByText(t.nps, { exact: true }).waitFor();
    const scenario = (await ways.getByRole('listitem').nth(2).innerText());
    assert.match(scenario, /\d/, `the scenario way has its example figure: ${scenario}`);
    // The privacy promise is on the first screen.
    assert.match(await page.locator('main').innerText(), lang === 'fr' ? /ne quittent jamais votre appareil/ : /never leave your device/);
    await page.getByRole('link', { name: t.go }).click();
    await page.getByRole('heading', { name: t.card, level: 1 }).waitFor();
    // The logo leads back home.
    await page.getByRole('link', { name: 'Cadran', exact: true }).click();
    await page.getByRole('heading', { name: t.h1, level: 1 }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('every page: the current navigation item is on screen and nothing is wider than the window (360, 1280, 1920 px)', async () => {
  const problems = [];
  for (const width of [360, 1280, 1920]) {
    const { page, context } = await openApp(browser, server.url, { locale: 'fr-FR', width, hash: '#/dashboard' });
    for (const route of ROUTES) {
      await page.evaluate((h) => { location.hash = h; }, `#/${route}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForTimeout(100);
      const r = await page.evaluate(() => {
        const current = [...document.querySelectorAll('nav a[aria-current="page"]')];
        const boxes = current.map((a) => a.getBoundingClientRect());
        return {
          current: current.map((a) => a.textContent.trim()),
          inside: boxes.every((b) => b.left >= 0 && b.right <= window.innerWidth && b.width > 0),
          overflow: document.documentElement.scrollWidth - window.innerWidth,
        };
      });
      const home = route === '';
      if (!home && r.current.length === 0) problems.push(`#/${route} at ${width}: no current navigation item`);
      if (!r.inside) problems.push(`#/${route} at ${width}: current item ${r.current.join(' / ')} off screen`);
      if (r.overflow > 0) problems.push(`#/${route} at ${width}: ${r.overflow} px wider than the window`);
    }
    await context.close();
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('the one-click retention variant writes its fields as a person would type them', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'fr-FR', hash: '#/scenarios' });
  await page.getByRole('button', { name: 'Ajouter cette variante' }).click();
  const churn = page.getByRole('textbox', { name: /Attrition mensuelle/ }).first();
  await churn.waitFor();
  const values = await page.locator('.sc-panel input[inputmode="decimal"]').evaluateAll((els) => els.map((e) => e.value));
  assert.ok(values.length > 5, `the variant's fields: ${values}`);
  for (const v of values) assert.match(v, /^-?\d+(,\d{1,2})?$/, `a field holds « ${v} »`);
  // The default churn of 2 % improved by 5 points of annual retention.
  assert.notEqual(await churn.inputValue(), '2');
  await context.close();
});

test('the scenario editor at 360 px shows every value whole beside its unit', async () => {
  for (const locale of ['fr-FR', 'en-US']) {
    const { page, context } = await openApp(browser, server.url, { locale, width: 360, hash: '#/scenarios' });
    await page.locator('.sc-panel input[inputmode="decimal"]').first().waitFor();
    const clipped = await page.locator('.sc-panel input[inputmode="decimal"]').evaluateAll((els) =>
      els.filter((e) => e.scrollWidth > e.clientWidth).map((e) => `${e.id} « ${e.value} »`));
    assert.deepEqual(clipped, [], `${locale}: values cut off at 360 px`);
    await context.close();
  }
});
