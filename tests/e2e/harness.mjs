// Shared helpers for the end-to-end tests: a static server for dist/ on
// 127.0.0.1 and Debian's Chromium driven by playwright-core. Nothing here
// downloads a browser.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

// CADRAN_DIST lets a developer test another build (e.g. a quick debug one).
const DIST = process.env.CADRAN_DIST ?? new URL('../../dist/', import.meta.url).pathname;
export const SHOTS = new URL('./screenshots/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.png': 'image/png' };

/** The paths of every file of the build under test (e.g. `index.html`, `sw.js`): the app's own files. */
export function ownFiles(dir = DIST) {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(normalize(dir + '/').length)).filter((f) => !f.startsWith('.'));
}

/** Serves dist/ (or `dir`) on a free loopback port; resolves to { url, close }. */
export async function serveDist(dir = DIST) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? path + 'index.html' : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's Chromium, headless, with no background traffic. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/** A fresh page in `locale`, at `width` px wide, waiting for the app to mount. */
export async function openApp(browser, base, { locale = 'fr-FR', width = 1280, hash = '#/roi' } = {}) {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + hash);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { context, page, errors };
}

/** The text of the output named `name` (data-output attribute). */
export async function output(page, name) {
  return (await page.locator(`[data-output="${name}"] .output-value, [data-output="${name}"] .output-reason`).innerText()).trim();
}

// Every page and the cards, as the page table declares them (src/pages/mod.rs);
// a unit test keeps routes.json equal to the table.
const routes = JSON.parse(readFileSync(new URL('./routes.json', import.meta.url), 'utf8'));
export const ROUTES = routes.all;
export const CARDS = routes.cards;

/** A context that records every request (pages, workers, service worker) and every CSP violation. */
export async function recordingContext(browser, options = {}) {
  const context = await browser.newContext(options);
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { context, requests };
}

/** Whether `url` is one of the app's own files on `base` (or a page of it: `base`, `base#…`). */
export function isOwn(base, files, url) {
  if (url.startsWith('blob:') || url.startsWith('data:')) return true;
  if (!url.startsWith(base)) return false;
  const path = new URL(url).pathname.slice(new URL(base).pathname.length);
  return path === '' || files.includes(path);
}


/** Makes requests matching `glob` fail as if offline until the returned function is called. */
export async function blockUntilReleased(context, glob) {
  let blocked = true;
  await context.route(glob, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  return () => { blocked = false; };
}
