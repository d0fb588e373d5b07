#!/usr/bin/env node
// Screenshots for the docs, from the built site, in headless Chromium (Debian's, with the
// tests' flags). Fails (exit 1) if a page logs a console error or throws.
//
//   node scripts/screenshot.mjs [distDir] [outPng]
//     the example article (blog.html) with its widgets, at 1000 px wide (defaults: dist/ and
//     docs/blog-example.png). Serves distDir on 127.0.0.1 with the e2e tests' server, waits
//     until every widget and the iframe have rendered and the iframe has taken its content's
//     height, and writes a full-page PNG, cut at 2400 px so the file stays small.
//
//   node scripts/screenshot.mjs --gallery [distDir]
//     the reader's first screen (issue 15) on the widget's own page and in each page of the
//     theme gallery (tests/e2e/hosts/gallery/), at 1280x800 and 390x844, in light and dark, as
//     docs/screen-<page>-<width>-<mode>.png: the viewport with the widget's top at its top, as a
//     reader scrolling to it sees it, and its figures (the controls' height, the first duty,
//     whole cards per role: tests/e2e/support/first-screen.mjs, as the tests measure them); and
//     the wide page's inherit widgets as docs/gallery-wide-inherit-<mode>.png (900 px of them).
//     The pages come from a second server, as in the gallery test, so the widget is embedded
//     cross-origin as on a blog.
//
//   node scripts/screenshot.mjs --builder [distDir]
//     the builder page (builder.html) as an author sees it after pasting
//     docs/examples/data-finance-people.csv, at 1280x800 and 390x844 (light), as
//     docs/builder-<width>.png; and at 1280 px with a bad cell in row 3, its problem listed and
//     the preview kept, as docs/builder-problem-1280.png.

import { mkdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from '../tests/e2e/support/server.mjs';
import { launch, watchErrors, describeErrors, bringEachWidgetNear } from '../tests/e2e/support/browser.mjs';
import { firstScreen } from '../tests/e2e/support/first-screen.mjs';
import { phoneScreen } from '../tests/e2e/support/phone-screen.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const gallery = process.argv[2] === '--gallery';
const builder = process.argv[2] === '--builder';
const args = gallery || builder ? process.argv.slice(3) : process.argv.slice(2);
const dist = path.resolve(args[0] ?? path.join(root, 'dist'));
const out = path.resolve(args[1] ?? path.join(root, 'docs', 'blog-example.png'));
const WIDTH = 1000;
const MAX_HEIGHT = 2400;
const TIMEOUT = 20_000;

if (!existsSync(path.join(dist, 'blog.html'))) {
  console.error(`${path.join(dist, 'blog.html')} is missing: run make dist first`);
  process.exit(1);
}

if (gallery) process.exit(await galleryShots());
if (builder) process.exit(await builderShots());

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

  // Every inline widget shows its duties: each mounts as the reader comes near it.
  await bringEachWidgetNear(page, { timeout: TIMEOUT });

  // Iframes are loading="lazy": bring each near the viewport, wait for its widget and its height.
  for (const iframe of await page.locator('iframe[data-role-compare-frame]').all()) {
    await iframe.scrollIntoViewIfNeeded();
    const element = await iframe.elementHandle();
    const frame = await element.contentFrame();
    await frame.locator('.rc [data-duty]').first().waitFor({ state: 'attached', timeout: TIMEOUT });
    // The iframe is on the page's origin: its document's height is readable from the page.
    await page
      .waitForFunction(
        (el) => Math.abs(Number(el.getAttribute('height')) - el.contentDocument.documentElement.getBoundingClientRect().height) <= 2,
        element,
        { timeout: TIMEOUT, polling: 'raf' },
      )
      .catch(async () => {
        const attribute = await iframe.getAttribute('height');
        const height = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
        throw new Error(`the iframe stayed ${attribute} px high for ${height} px of content`);
      });
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

/**
 * The gallery's pages, each in the host's light and dark mode. `mode(page, m)` switches the
 * page the way its theme does (null: by the reader's setting, emulated).
 */
/** The first screen's figures in the columns layout, for the log. */
function columnFigures(f) {
  const cards = f.roles.filter((r) => r.columnInView).map((r) => `${r.id} ${r.whole}`).join(', ');
  return `controls ${Math.round(f.controls)} px, first duty ${Math.round(f.firstDuty)} px down, whole cards ${cards}`;
}

/** The first screen's figures in the phone layout, for the log. */
function phoneFigures(f) {
  const cards = Object.entries(f.wholeByRole).map(([role, n]) => `${role} ${n}`).join(', ');
  return `phone layout: ${f.charsPerLine.toFixed(1)} characters a line, first duty ${Math.round(f.firstDuty)} px down, whole cards ${cards}`;
}

async function galleryShots() {
  const pages = [
    { name: 'index', file: null, mode: null },
    { name: 'narrow', file: 'narrow.html', mode: null },
    {
      name: 'article',
      file: 'article.html',
      mode: async (page, m) => {
        if (m === 'dark') await page.locator('[data-theme-toggle]').click();
      },
    },
    { name: 'wide', file: 'wide.html', mode: (page, m) => page.evaluate((m) => document.documentElement.setAttribute('data-bs-theme', m), m) },
    { name: 'phone', file: 'phone.html', mode: (page, m) => page.evaluate((m) => document.documentElement.setAttribute('data-theme', m), m) },
    { name: 'casper', file: 'casper.html', mode: (page, m) => page.evaluate((m) => document.documentElement.classList.toggle('dark-mode', m === 'dark'), m) },
  ];
  const widgetServer = await serve(dist, { cors: true });
  const blogServer = await serve(path.join(root, 'tests', 'e2e', 'hosts', 'gallery'), {
    transform: ({ ext, body }) =>
      ext === '.html' ? body.toString('utf8').replaceAll('{{WIDGET_ORIGIN}}', widgetServer.origin) : undefined,
  });
  const browser = await launch();
  let failed = false;
  try {
    for (const g of pages) {
      for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
        for (const m of ['light', 'dark']) {
          const context = await browser.newContext({
            viewport,
            deviceScaleFactor: 1,
            colorScheme: g.mode ? 'light' : m,
            reducedMotion: 'reduce',
          });
          const page = await context.newPage();
          const errors = watchErrors(page);
          await page.goto(g.file ? blogServer.url + g.file : widgetServer.url);
          const host = g.file ? '#widget' : '#role-compare';
          await page.locator(`${host} .rc-mount:not([data-prerendered]) [data-duty]`).first().waitFor({ state: 'attached', timeout: TIMEOUT });
          if (g.mode) await g.mode(page, m);
          if (g.file) await page.waitForFunction((m) => document.querySelector('#widget').getAttribute('data-rc-scheme') === m, m, { timeout: TIMEOUT });
          // The themes fade their colours: wait until nothing moves.
          await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
          await page.evaluate(() => document.fonts.ready);
          // The figures the tests hold, by the layout the widget's width gives it: the phone's
          // stacked sections (tests/e2e/support/phone-screen.mjs), which have no role bar, or
          // the columns.
          const phone = await page.evaluate((h) => {
            const bar = document.querySelector(`${h} .rc-rolebar`);
            return !bar || getComputedStyle(bar).display === 'none';
          }, host);
          const figures = phone ? phoneFigures(await phoneScreen(page, host)) : columnFigures(await firstScreen(page, host));
          const file = path.join(root, 'docs', `screen-${g.name}-${viewport.width}-${m}.png`);
          await page.screenshot({ path: file });
          console.log(`wrote ${path.relative(process.cwd(), file)}: ${figures}`);
          if (g.name === 'wide' && viewport.width === 1280) {
            // The three data-theme="inherit" widgets, in the blue and sepia boxes and on the page.
            const callouts = path.join(root, 'docs', `gallery-wide-inherit-${m}.png`);
            await page.evaluate(() => window.scrollTo(0, 0));
            const top = await page.locator('.row').boundingBox();
            await page.screenshot({ path: callouts, fullPage: true, clip: { x: 0, y: Math.max(0, top.y - 60), width: viewport.width, height: 900 } });
            console.log(`wrote ${path.relative(process.cwd(), callouts)}`);
          }
          if (errors.length > 0) {
            console.error(`${g.file ?? 'index.html'} (${m}) logged errors: ${describeErrors(errors)}`);
            failed = true;
          }
          await context.close();
        }
      }
    }
  } catch (error) {
    console.error(error);
    failed = true;
  } finally {
    await browser.close();
    await blogServer.close();
    await widgetServer.close();
  }
  return failed ? 1 : 0;
}

/** The builder with the example table pasted (docs/examples/), as an author sees it. */
async function builderShots() {
  const table = readFileSync(path.join(root, 'docs', 'examples', 'data-finance-people.csv'), 'utf8');
  const server = await serve(dist);
  const browser = await launch();
  let failed = false;
  try {
    const shots = [
      { viewport: { width: 1280, height: 800 }, file: 'builder-1280.png', text: table },
      { viewport: { width: 390, height: 844 }, file: 'builder-390.png', text: table },
      // Row 3's focus mistyped: the problem listed, the caret on its row, the preview kept.
      { viewport: { width: 1280, height: 800 }, file: 'builder-problem-1280.png', text: table.replace('usage reports.",external', 'usage reports.",extrenal'), problem: true },
    ];
    for (const shot of shots) {
      const context = await browser.newContext({ viewport: shot.viewport, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(server.url + 'builder.html');
      const input = page.locator('textarea[data-builder="input"]');
      await input.fill(table);
      await page.locator('[data-builder="preview"] [data-duty]').first().waitFor({ state: 'attached', timeout: TIMEOUT });
      if (shot.problem) {
        await input.fill(shot.text);
        await page.locator('[data-builder="problems"] li').first().waitFor({ timeout: TIMEOUT });
        await page.locator('[data-builder="problems"] li button').first().click();
      }
      await input.evaluate((el) => el.scrollTo(0, 0));
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.evaluate(() => document.fonts.ready);
      const file = path.join(root, 'docs', shot.file);
      await page.screenshot({ path: file });
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
      if (errors.length > 0) {
        console.error(`builder.html logged errors: ${describeErrors(errors)}`);
        failed = true;
      }
      await context.close();
    }
  } catch (error) {
    console.error(error);
    failed = true;
  } finally {
    await browser.close();
    await server.close();
  }
  return failed ? 1 : 0;
}
