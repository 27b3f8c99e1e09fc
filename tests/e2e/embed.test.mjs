// Embedding: the "Embed a calculator" page makes the snippets; a plain host
// page on another origin (another port of 127.0.0.1) pastes them for two
// calculators with different themes. They render without the app's header,
// fit their height through postMessage, compute, store nothing, and nothing
// is requested from anywhere but the host and the app's own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { serveDist, launch, openApp, ownFiles, isOwn, SHOTS } from './harness.mjs';

let app, host, browser, hostPage = '';
before(async () => {
  app = await serveDist();
  browser = await launch();
  host = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage));
  await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
});
after(async () => { await browser?.close(); await app?.close(); await new Promise((ok) => host?.close(ok)); });

const hostUrl = () => `http://127.0.0.1:${host.address().port}/`;

/** Makes the snippets on the embed page; resolves to { iframe, resize }. */
async function snippets(page, fr, { card, theme, lang, accent, font, radius, prefill = {} }) {
  await page.getByLabel(fr ? 'Calculateur à intégrer' : 'Calculator to embed', { exact: true }).selectOption(card);
  if (theme === 'dark') await page.getByRole('radio', { name: fr ? 'Sombre' : 'Dark' }).check();
  else await page.getByRole('radio', { name: fr ? 'Clair' : 'Light' }).check();
  if (lang) await page.getByRole('combobox', { name: fr ? 'Langue' : 'Language', exact: true }).selectOption(lang);
  if (accent) await page.getByLabel(fr ? 'Couleur d’accent' : 'Accent colour', { exact: true }).fill(accent);
  if (font) await page.getByLabel(fr ? 'Police (polices du système)' : 'Font (system fonts)', { exact: true }).selectOption(font);
  if (radius !== undefined) await page.getByLabel(fr ? 'Arrondi des angles (px)' : 'Corner radius (px)', { exact: true }).fill(String(radius));
  await page.getByLabel(fr ? 'Arrondi des angles (px)' : 'Corner radius (px)', { exact: true }).press('Tab');
  for (const [label, value] of Object.entries(prefill)) {
    const field = page.getByRole('textbox', { name: label, exact: true });
    await field.fill(value);
    await field.press('Tab');
  }
  // The preview shows the same calculator.
  await page.frameLocator('.embed-preview iframe').getByRole('heading', { level: 1 }).waitFor();
  return {
    iframe: await page.locator('#embed-code-iframe').inputValue(),
    resize: await page.locator('#embed-code-resize').inputValue(),
  };
}

test('two calculators embedded by a plain page: themed, sized, computing, private', async () => {
  const files = ownFiles();
  const { page, context } = await openApp(browser, app.url, { locale: 'fr-FR', hash: '#/embed' });
  await page.getByRole('heading', { name: 'Intégrer un calculateur', level: 1 }).waitFor();
  const a = await snippets(page, true, { card: 'nps', theme: 'dark', lang: 'en', font: 'serif', prefill: { Promoters: '50' } });
  const b = await snippets(page, true, { card: 'roi', theme: 'light', lang: 'fr', accent: '#0a5c3a', font: 'system', radius: 0 });
  assert.match(a.iframe, /#\/nps\?embed=1&amp;theme=dark&amp;font=serif&amp;lang=en&amp;promoters=50"/);
  assert.match(b.iframe, /#\/roi\?embed=1&amp;accent=0a5c3a&amp;radius=0&amp;lang=fr"/);
  assert.equal(a.resize, b.resize);
  await page.screenshot({ path: SHOTS + 'embed-builder-fr-1280.png', fullPage: true });
  await context.close();

  hostPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
<body style="font-family:sans-serif;max-width:720px;margin:2rem auto"><h1>A marketing page</h1>
${a.iframe}<p>Between the two calculators.</p>${b.iframe}${a.resize}</body></html>`;

  const hostContext = await browser.newContext({ locale: 'fr-FR', viewport: { width: 800, height: 900 } });
  const requests = [];
  hostContext.on('request', (r) => requests.push(r.url()));
  const hp = await hostContext.newPage();
  const errors = [];
  hp.on('pageerror', (e) => errors.push(String(e)));
  await hp.goto(hostUrl());
  const frames = hp.locator('iframe[data-cadran]');
  const nps = hp.frameLocator('iframe[data-cadran] >> nth=0');
  const roi = hp.frameLocator('iframe[data-cadran] >> nth=1');
  await nps.getByRole('heading', { name: 'NPS', level: 1 }).waitFor();
  await roi.getByRole('heading', { name: 'ROI du succès client', level: 1 }).waitFor();

  // No header, navigation or footer of the full app; the theme applied.
  for (const f of [nps, roi]) {
    assert.equal(await f.locator('.site-header, .site-nav, .site-footer').count(), 0);
  }
  const look = (f) => f.locator('html').evaluate((el) => {
    const s = getComputedStyle(el);
    return { theme: el.dataset.theme ?? 'light', accent: s.getPropertyValue('--accent').trim(), radius: s.getPropertyValue('--radius').trim(),
      font: getComputedStyle(document.body).fontFamily, bg: getComputedStyle(document.body).backgroundColor };
  });
  const [la, lb] = [await look(nps), await look(roi)];
  assert.equal(la.theme, 'dark');
  assert.match(la.font, /^Georgia/);
  assert.equal(la.bg, 'rgb(27, 33, 41)');
  assert.equal(lb.theme, 'light');
  assert.equal(lb.accent, '#0a5c3a');
  assert.equal(lb.radius, '0px');

  // Prefill, then computing.
  const promoters = nps.getByRole('textbox', { name: 'Promoters', exact: true });
  assert.equal(await promoters.inputValue(), '50');
  await promoters.fill('300');
  await nps.getByRole('textbox', { name: 'Passives', exact: true }).fill('0');
  await nps.getByRole('textbox', { name: 'Detractors', exact: true }).fill('100');
  await nps.locator('[data-output="nps"] .output-value').filter({ hasText: /^\+?50\.0$/ }).waitFor();
  const roiBefore = await roi.locator('[data-output="roi"]').innerText();
  await roi.locator('main .field input[type="text"]').first().fill('1000000');
  await roi.locator('[data-output="roi"]').filter({ hasNotText: roiBefore }).waitFor();
  assert.notEqual(await roi.locator('[data-output="roi"]').innerText(), roiBefore);

  // Each iframe was resized to its content by the snippet (not the 640 px it starts with).
  await hp.waitForFunction(() => [...document.querySelectorAll('iframe[data-cadran]')].every((f) => f.style.height !== '640px'));
  for (const [i, f] of [[0, nps], [1, roi]]) {
    const set = parseFloat(await frames.nth(i).evaluate((el) => el.style.height));
    const content = await f.locator('body').evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
    assert.ok(Math.abs(set - content) <= 1, `iframe ${i}: height ${set} fits its content ${content}`);
    assert.equal(await f.locator('body').evaluate(() => localStorage.length), 0, 'an embed stores nothing');
  }
  await hp.screenshot({ path: SHOTS + 'embed-host-800.png', fullPage: true });

  const elsewhere = requests.filter((u) => !u.startsWith(hostUrl()) && !isOwn(app.url, files, u));
  assert.deepEqual(elsewhere, [], 'nothing requested from anywhere but the host and the app');
  assert.ok(!requests.some((u) => u.endsWith('/sw.js')), 'an embed installs no service worker');
  assert.deepEqual(errors, []);
  await hostContext.close();
});

test('embed parameters are validated: raw CSS or unknown values are ignored', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(app.url + '#/nps?embed=1&accent=red;background:url(http://evil.test/x)&font=Comic%20Sans&radius=999&theme=neon&promoters=%3Cb%3E1%3C/b%3E&passives=12');
  await page.getByRole('heading', { name: 'NPS', level: 1 }).waitFor();
  const style = await page.locator('html').evaluate((el) => el.getAttribute('style') ?? '');
  assert.equal(style, '', 'no custom property set from invalid values');
  assert.equal(await page.getByRole('textbox', { name: 'Promoters', exact: true }).inputValue(), '120', 'invalid prefill ignored');
  assert.equal(await page.getByRole('textbox', { name: 'Passives', exact: true }).inputValue(), '12');
  await context.close();
});

test('the embed page fits 360 px and 1280 px, FR and EN (screenshots)', async () => {
  for (const [locale, title] of [['fr-FR', 'Intégrer un calculateur'], ['en-US', 'Embed a calculator']]) {
    for (const width of [360, 1280]) {
      const { page, context } = await openApp(browser, app.url, { locale, width, hash: '#/embed' });
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      await page.frameLocator('.embed-preview iframe').getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('textbox', { name: locale === 'fr-FR' ? 'Promoteurs' : 'Promoters', exact: true }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, `no horizontal scroll at ${width}px`);
      await page.screenshot({ path: SHOTS + `embed-${locale.slice(0, 2)}-${width}.png`, fullPage: true });
      await context.close();
    }
  }
});

test('the starting-value fields follow the preview: card and language', async () => {
  const { page, context } = await openApp(browser, app.url, { locale: 'fr-FR', hash: '#/embed' });
  await page.getByRole('heading', { name: 'Intégrer un calculateur', level: 1 }).waitFor();
  const field = (name) => page.getByRole('textbox', { name, exact: true });
  await field('Promoteurs').waitFor();
  // A number is typed as in the calculator (French decimal comma) and kept
  // canonically in the address.
  await field('Promoteurs').fill('12,5');
  await field('Promoteurs').press('Tab');
  assert.match(await page.locator('#embed-code-iframe').inputValue(), /promoters=12\.5"/);
  assert.equal(await field('Promoteurs').inputValue(), '12,5');
  await page.getByRole('combobox', { name: 'Langue', exact: true }).selectOption('en');
  await field('Promoters').waitFor();
  assert.equal(await field('Promoteurs').count(), 0);
  await page.frameLocator('.embed-preview iframe').getByRole('heading', { name: 'NPS', level: 1 }).waitFor();
  assert.equal(await page.frameLocator('.embed-preview iframe').getByRole('textbox', { name: 'Promoters', exact: true }).count(), 1);
  await context.close();
});
