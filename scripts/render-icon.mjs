#!/usr/bin/env node
// Renders web/icon.svg as a square PNG of SIZE pixels (transparent where the SVG draws nothing)
// in headless Chromium, for the pages' favicon:
//
//   node scripts/render-icon.mjs 32 web/icon-32.png
//
// Why a PNG favicon and not the SVG: Chromium fetches a page's favicon again after each change
// of its URL (the widget writes the view into the link on every filter tap), and an SVG icon is
// a document of its own to parse, lay out and draw each time: about 8 ms of the main thread a
// click at 1x against about 2 ms for a PNG (docs/performance.md, "The favicon, fetched on every
// tap"). The SVG stays the source and the manifest's icon.

import { readFileSync } from 'node:fs';
import { launch } from '../tests/e2e/support/browser.mjs';

const [size, out] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(size) || size < 1 || !out) {
  console.error('usage: node scripts/render-icon.mjs SIZE OUT.png');
  process.exit(2);
}
const svg = readFileSync(new URL('../web/icon.svg', import.meta.url), 'utf8').replace('<svg ', `<svg width="${size}" height="${size}" `);
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(`<style>html, body { margin: 0; background: transparent } svg { display: block }</style>${svg}`);
  await page.screenshot({ path: out, omitBackground: true });
} finally {
  await browser.close();
}
