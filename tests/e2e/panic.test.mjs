// If the app panics anyway, the user sees why in words, with a way to reload,
// and keeps what they saved. The panic is provoked from outside, in the real
// release build: the test makes the browser's element creation fail, so the
// rendering library's own `unwrap` panics on the next page change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const snapshot = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

for (const fr of [true, false]) {
  test(`a panic shows a readable message with a reload button and keeps saved data (${fr ? 'FR' : 'EN'})`, async () => {
    const { page, context } = await openApp(browser, server.url, { locale: fr ? 'fr-FR' : 'en-US', hash: '#/nps' });
    const promoters = page.getByRole('textbox', { name: fr ? 'Promoteurs' : 'Promoters', exact: true });
    await promoters.fill('77');
    await page.waitForFunction(() => (localStorage.getItem('cadran.form.nps') ?? '').includes('"77"'));
    const saved = await snapshot(page);

    await page.evaluate(() => {
      const fail = () => { throw new Error('test: element creation disabled'); };
      Document.prototype.createElement = fail;
      Node.prototype.cloneNode = fail;
      location.hash = '#/roi';
    });
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), fr ? /Cadran a rencontré une erreur inattendue/ : /Cadran hit an unexpected error/);
    assert.match(await dialog.innerText(), fr ? /Vos valeurs enregistrées sont intactes/ : /Your saved values are intact/);
    const reload = page.getByRole('button', { name: fr ? 'Recharger la page' : 'Reload the page' });
    assert.equal(await reload.evaluate((el) => el === document.activeElement), true, 'focus moves to the reload button');
    // Everything saved before is still there, unchanged (the page being opened may add its own defaults).
    const now = await snapshot(page);
    for (const [k, v] of Object.entries(saved)) assert.equal(now[k], v, `${k} untouched by the panic`);

    await Promise.all([page.waitForEvent('load'), reload.click()]);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await page.getByRole('alertdialog').count(), 0);
    await page.evaluate(() => { location.hash = '#/nps'; });
    assert.equal(await page.getByRole('textbox', { name: fr ? 'Promoteurs' : 'Promoters', exact: true }).inputValue(), '77');
    await context.close();
  });
}
