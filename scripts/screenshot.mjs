#!/usr/bin/env node
// A screenshot of the example article with its widgets, for the docs:
//   node scripts/screenshot.mjs [distDir] [outPng]
// (defaults: dist/ and docs/blog-example.png). Serves distDir on 127.0.0.1 with the e2e tests'
// server, opens blog.html in headless Chromium (Debian's, with the tests' flags) at 1000 px wide,
// waits until every widget and the iframe have rendered and the iframe has taken its content's
// height, and writes a full-page PNG, cut at 2400 px so the file stays small. Fails (exit 1) if
// the page logs a console error or throws.

import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from '../tests/e2e/support/server.mjs';
import { launch, watchErrors, describeErrors } from '../tests/e2e/support/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const out = path.resolve(process.argv[3] ?? path.join(root, 'docs', 'blog-example.png'));
const WIDTH = 1000;
const MAX_HEIGHT = 2400;
const TIMEOUT = 20_000;

if (!existsSync(path.join(dist, 'blog.html'))) {
  console.error(`${path.join(dist, 'blog.html')} is missing: run make dist first`);
  process.exit(1);
}

const server = await serve(dist);
const browser = await launch();
let failed = false;
try {
  const context = await browser.newContext({
    viewport: { width: WIDTH, height: 800 },
    deviceScaleFactor: 1,
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url + 'blog.html');

  // Every inline widget shows its duties.
  await page.waitForFunction(
    () => {
      const hosts = [...document.querySelectorAll('[data-role-compare]')];
      return hosts.length > 0 && hosts.every((el) => el.querySelector('.rc [data-duty]'));
    },
    undefined,
    { timeout: TIMEOUT },
  );

  // Iframes are loading="lazy": bring each near the viewport, wait for its widget and its height.
  for (const iframe of await page.locator('iframe[data-role-compare-frame]').all()) {
    await iframe.scrollIntoViewIfNeeded();
    const frame = await (await iframe.elementHandle()).contentFrame();
    await frame.locator('.rc [data-duty]').first().waitFor({ state: 'attached', timeout: TIMEOUT });
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      const attribute = Number(await iframe.getAttribute('height'));
      const height = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
      if (Math.abs(attribute - height) <= 2) break;
      if (Date.now() > deadline) throw new Error(`the iframe stayed ${attribute} px high for ${height} px of content`);
      await page.waitForTimeout(50);
    }
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => document.fonts.ready);

  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await mkdir(path.dirname(out), { recursive: true });
  await page.screenshot({
    path: out,
    fullPage: true,
    clip: { x: 0, y: 0, width: WIDTH, height: Math.min(height, MAX_HEIGHT) },
  });
  console.log(`wrote ${path.relative(process.cwd(), out) || out}: ${WIDTH}×${Math.min(height, MAX_HEIGHT)} px of a ${height} px page`);

  if (errors.length > 0) {
    console.error(`blog.html logged errors: ${describeErrors(errors)}`);
    failed = true;
  }
  await context.close();
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
