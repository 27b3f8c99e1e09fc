// Trunk post-build hook (Trunk.toml [[hooks]] stage = "post_build"): runs on
// the staging directory of every `trunk build` and `trunk serve` build.
//  1. Puts a Content-Security-Policy <meta> first in <head>, with the sha256
//     of every inline script the build produced (Trunk's wasm loader, and in
//     `trunk serve` its auto-reload script), so no other script can run.
//  2. Writes sw.js, the service worker, with the exact list of this build's
//     files (Trunk's hashed names) and a cache name derived from their content.
// Before both, it builds the page modules that use plain Leptos views
// (scripts/plain-views.mjs) and, in release builds, replaces the shell with
// its wasm-split build (scripts/split-cards.mjs), so that all of them are
// among the listed files.
import { createHash } from 'node:crypto';
import { buildPlainViewModules } from './plain-views.mjs';
import { splitShell } from './split-cards.mjs';
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error('post-build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
const release = process.env.TRUNK_PROFILE === 'release';
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
buildPlainViewModules(stage, { release, source });
// Release builds: the KPI cards and the dashboard as chunks of the shell (scripts/split-cards.mjs).
if (release) console.log(`post-build: shell split, ${splitShell(stage, { source })} chunks`);
const htmlPath = join(stage, 'index.html');
let html = readFileSync(htmlPath, 'utf8');

// 1. CSP. frame-ancestors, report-uri and sandbox are ignored in a <meta>
// policy: embedding stays open (the point of embed mode); a host that wants to
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

// 2. Service worker with the precache list.
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else files.push(relative(stage, full).split(sep).join('/'));
  }
})(stage);
const own = files.filter((f) => f !== 'sw.js' && !f.endsWith('.map'));
const digest = createHash('sha256');
for (const f of own) digest.update(f).update('\0').update(readFileSync(join(stage, f)));
const build = digest.digest('hex').slice(0, 16);
const template = readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8');
const sw = template
  .replace("'__CADRAN_BUILD__'", JSON.stringify(build))
  .replace("['__CADRAN_FILES__']", JSON.stringify(['./', ...own.map((f) => './' + f)], null, 2));
writeFileSync(join(stage, 'sw.js'), sw);
console.log(`post-build: CSP with ${hashes.length} script hash(es); sw.js caches ${own.length} files as cadran-${build}`);
