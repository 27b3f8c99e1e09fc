// Draws the PNG icons of the web app manifest from pwa/icon.svg with Debian's
// Chromium (run once by hand when the logo changes; the PNGs are committed):
//   node scripts/draw-icons.mjs
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const dir = new URL('../pwa/', import.meta.url).pathname;
const svg = readFileSync(dir + 'icon.svg', 'utf8');
// Maskable: full-bleed background, the dial inside the 80 % safe circle.
const maskable = svg.replace(' rx="104"', '').replace('r="156"', 'r="132"').replace('L256 136', 'L256 154')
  .replace('L340 304', 'L328 297').replaceAll('stroke-width="30"', 'stroke-width="26"');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [name, size, source] of [['icon-192.png', 192, svg], ['icon-512.png', 512, svg], ['icon-maskable-512.png', 512, maskable]]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`);
  await page.screenshot({ path: dir + name, omitBackground: true });
  await page.close();
}
await browser.close();
