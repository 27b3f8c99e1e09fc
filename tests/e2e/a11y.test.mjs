// Accessibility: axe-core (npm, injected by the test only, never shipped) on
// every page in French and English, on an embedded calculator and on the
// panic screen; fails on serious or critical violations. Keyboard: the skip
// link moves focus to the content, and focus is visible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serveDist, launch, ROUTES } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Serious and critical violations on the current page, as readable lines. */
async function audit(page, where) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const [locale, lang] of [['fr-FR', 'fr'], ['en-US', 'en']]) {
  test(`every page passes axe (serious, critical) in ${lang}`, async () => {
    // bypassCSP: the app's CSP would (rightly) refuse the test's injected axe script.
    const context = await browser.newContext({ locale, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(server.url + '#/dashboard');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const found = [];
    for (const route of ROUTES) {
      await page.evaluate((h) => { location.hash = h; }, `#/${route}`);
      await page.waitForFunction((h) => location.hash.startsWith(h), `#/${route}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForTimeout(150); // let charts and lazy parts render before auditing
      found.push(...await audit(page, `#/${route} (${lang})`));
    }
    await page.goto(server.url + `#/nps?embed=1&lang=${lang}&theme=dark`);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    found.push(...await audit(page, `embed dark (${lang})`));
    assert.deepEqual(found, [], found.join('\n'));
    await context.close();
  });
}

test('the skip link moves focus to the content, and focus is visible', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(server.url + '#/roi');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  assert.equal(await skip.evaluate((el) => el === document.activeElement), true, 'the skip link comes first');
  assert.ok(await skip.evaluate((el) => el.getBoundingClientRect().left >= 0), 'and shows when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  // The next Tab reaches the first control of the page, with a visible outline.
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const el = document.activeElement;
    const box = el.closest('.input-unit') ?? el;
    const s = getComputedStyle(box);
    return { tag: el.tagName, width: parseFloat(s.outlineWidth), style: s.outlineStyle };
  });
  assert.ok(outline.width >= 2 && outline.style !== 'none', JSON.stringify(outline));
  await context.close();
});
