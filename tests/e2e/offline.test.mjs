// Offline: after one visit the service worker has cached the build, so the
// app loads and works with the network cut; a new build replaces the old
// cache cleanly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, launch, output } from './harness.mjs';

const DIST = process.env.CADRAN_DIST ?? new URL('../../dist/', import.meta.url).pathname;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Waits until the service worker controls `page`; resolves to the cache names. */
async function controlled(page) {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
    return caches.keys();
  });
}

test('after one visit, the app reloads and computes with the network off, import included', async () => {
  const server = await serveDist();
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + '#/nps');
  await page.getByRole('heading', { level: 1 }).waitFor();
  const keys = await controlled(page);
  assert.equal(keys.length, 1);
  assert.match(keys[0], /^cadran-[0-9a-f]{16}$/);

  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: 'NPS', level: 1 }).waitFor();
  await page.getByRole('textbox', { name: 'Promoteurs', exact: true }).fill('300');
  await page.getByRole('textbox', { name: 'Passifs', exact: true }).fill('0');
  await page.getByRole('textbox', { name: 'Détracteurs', exact: true }).fill('100');
  assert.match(await output(page, 'nps'), /^\+?50/);

  // Another page, and an import (the worker's files come from the cache too).
  await page.evaluate(() => { location.hash = '#/import'; });
  await page.getByRole('textbox', { name: 'Texte CSV collé', exact: true }).fill('Date,Score\n2024-03-01,9\n2024-03-02,3\n');
  await page.getByRole('button', { name: 'Lire ce texte' }).click();
  await page.locator('table.import-preview').waitFor();
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await page.getByText(/2 lignes importées/).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
});

test('a new build installs its own cache and deletes the old one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cadran-sw-'));
  cpSync(DIST, dir, { recursive: true });
  const server = await serveDist(dir);
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(server.url + '#/roi');
  await page.getByRole('heading', { level: 1 }).waitFor();
  const [first] = await controlled(page);

  // "Deploy" a new build: same files, a different build id.
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  writeFileSync(join(dir, 'sw.js'), sw.replace(/const BUILD = "([0-9a-f]+)"/, 'const BUILD = "0000000000000000"'));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.waitForFunction(async () => {
    const keys = await caches.keys();
    return keys.length === 1 && keys[0] === 'cadran-0000000000000000';
  });
  assert.notEqual(first, 'cadran-0000000000000000');
  await page.reload();
  await page.getByRole('heading', { name: 'Customer-success ROI', level: 1 }).waitFor();
  await context.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
