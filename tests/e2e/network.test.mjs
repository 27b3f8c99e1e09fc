// Privacy: after the page has loaded, Cadran requests nothing but its own
// files (the service worker's precache, the import worker), through a full
// journey: every page in both languages, a CSV paste import, scenarios with
// export and share link, a language switch. The CSP reports no violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, ownFiles, isOwn, recordingContext, ROUTES } from './harness.mjs';


let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function go(page, route) {
  await page.evaluate((h) => { location.hash = h; }, `#/${route}`);
  await page.waitForFunction((h) => location.hash.startsWith(h), `#/${route}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

test('a full journey requests nothing but the app’s own files, and breaks no CSP rule', async () => {
  const files = ownFiles();
  const { context, requests } = await recordingContext(browser, { locale: 'fr-FR' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + '#/roi');
  await page.getByRole('heading', { level: 1 }).waitFor();
  const loaded = requests.length;
  assert.ok(requests.every((u) => u.startsWith(server.url)), `load stays on the app's origin: ${requests}`);

  for (const fr of [true, false]) {
    for (const route of ROUTES) {
      await go(page, route);
      // Type into the first field of each calculator, and open its explanation.
      const field = page.locator('main .field input[type="text"]').first();
      if (await field.count()) await field.fill('42');
      const how = page.locator('main details summary').first();
      if (await how.count()) await how.click();
    }
    // A CSV paste import, read by the worker.
    await go(page, 'import');
    await page.getByRole('textbox', { name: fr ? 'Texte CSV collé' : 'Pasted CSV text', exact: true })
      .fill('Date,Score\n2024-03-01,9\n2024-03-02,7\n2024-03-03,10\n');
    await page.getByRole('button', { name: fr ? 'Lire ce texte' : 'Read this text' }).click();
    await page.locator('table.import-preview').waitFor();
    await page.getByRole('button', { name: fr ? 'Importer' : 'Import', exact: true }).click();
    await page.getByText(fr ? /3 lignes importées/ : /3 rows imported/).waitFor();
    // Scenarios: export a file and make a share link.
    await go(page, 'scenarios');
    const exp = page.getByRole('button', { name: fr ? 'Exporter le fichier' : 'Export file' });
    if (await exp.count()) {
      const download = page.waitForEvent('download');
      await exp.click();
      await download;
    }
    const share = page.getByRole('button', { name: fr ? 'Lien de partage' : 'Share link' });
    if (await share.count()) await share.click();
    if (fr) await page.getByRole('button', { name: 'English' }).click();
  }
  await page.getByLabel('Currency').selectOption('CHF');
  await page.goto(server.url + '#/nowhere');
  await page.goBack();
  await page.getByRole('heading', { level: 1 }).first().waitFor();

  const after = requests.slice(loaded).filter((u) => !isOwn(server.url, files, u));
  assert.deepEqual(after, [], 'no request after the initial load other than the app’s own files');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the built page carries a CSP that allows only the app’s own files', async () => {
  const html = await (await fetch(server.url)).text();
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(csp, 'a CSP meta tag');
  const rules = Object.fromEntries(csp.split(';').map((r) => r.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(rules['default-src'], ["'none'"]);
  assert.deepEqual(rules['connect-src'], ["'self'"]);
  assert.ok(rules['script-src'].every((s) => ["'self'", "'wasm-unsafe-eval'"].includes(s) || /^'sha256-[A-Za-z0-9+/=]+'$/.test(s)), csp);
  assert.ok(!csp.includes('unsafe-inline') && !csp.includes("'unsafe-eval'") && !csp.includes('http'), csp);
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the CSP comes before any script');
});

test('a first visit logs no console warning or error, and downloads the shell’s WebAssembly once', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const said = [];
  page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') said.push(`${m.type()}: ${m.text()}`); });
  const wasm = [];
  page.on('request', (r) => { if (/\/cadran-[0-9a-f]+_bg\.wasm$/.test(r.url())) wasm.push(r.url()); });
  await page.goto(server.url + '#/nps');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForTimeout(500);
  assert.deepEqual(said, [], 'no warning (the preload of the WebAssembly carries no ignored integrity attribute)');
  assert.equal(wasm.length, 1, `the preload is the download the loader uses: ${wasm}`);
  await context.close();
});
