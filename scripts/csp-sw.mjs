// The last two steps of every build, on its output directory: the release
// build (scripts/build.mjs) and `trunk serve` (scripts/post-build.mjs).
//  - addCsp: a Content-Security-Policy <meta> first in <head>, with the sha256
//    of every inline script of index.html (the wasm loader, and in `trunk
//    serve` its auto-reload script), so no other script can run;
//  - writeServiceWorker: sw.js, from scripts/sw.template.js, with the exact
//    list of the build's files and a cache name derived from their content.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Puts the CSP into `dir`/index.html; returns the number of inline scripts it allows. */
export function addCsp(dir) {
  const htmlPath = join(dir, 'index.html');
  let html = readFileSync(htmlPath, 'utf8');
  // frame-ancestors, report-uri and sandbox are ignored in a <meta> policy:
  // embedding stays open (the point of embed mode); a host that wants to
  // restrict who frames Cadran sends `frame-ancestors` as an HTTP header.
  const hashes = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/.test(m[1])) continue;
    hashes.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  }
  const csp = [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    // Its own files only: the wasm (fetched by the loader), the import worker's
    // files, and `trunk serve`'s same-origin reload socket ('self' covers ws:).
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    // The embed builder previews the app itself in an iframe.
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
  if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error('index.html already has a CSP');
  const charset = /<meta charset="utf-8"\s*\/?>/i;
  if (!charset.test(html)) throw new Error('index.html: <meta charset="utf-8"> not found');
  html = html.replace(charset, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);
  writeFileSync(htmlPath, html);
  return hashes.length;
}

/** Every file under `dir`, as `a/b.js` paths, sorted. */
export function listFiles(dir) {
  const files = [];
  (function walk(d) {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(relative(dir, full).split(sep).join('/'));
    }
  })(dir);
  return files;
}

/** Writes `dir`/sw.js precaching every other file of `dir`; returns { build, files } (cache id, file count). */
export function writeServiceWorker(dir) {
  const own = listFiles(dir).filter((f) => f !== 'sw.js' && !f.endsWith('.map'));
  const digest = createHash('sha256');
  for (const f of own) digest.update(f).update('\0').update(readFileSync(join(dir, f)));
  const build = digest.digest('hex').slice(0, 16);
  const template = readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8');
  const sw = template
    .replace("'__CADRAN_BUILD__'", JSON.stringify(build))
    .replace("['__CADRAN_FILES__']", JSON.stringify(['./', ...own.map((f) => './' + f)], null, 2));
  writeFileSync(join(dir, 'sw.js'), sw);
  return { build, files: own.length };
}
