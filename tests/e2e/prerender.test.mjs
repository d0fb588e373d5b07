// The build's pre-rendered first view (src/bin/prerender.rs): the standalone page and the iframe
// page carry the default view in their HTML, so it shows with JavaScript off, and the wasm takes
// it over without moving anything.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from './support/server.mjs';
import { launch, watchErrors, waitForWidget, describeErrors } from './support/browser.mjs';
import { readView, toggle, waitForHash } from './support/widget.mjs';
import { readRelease } from './support/release.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.join(here, '..', '..');
const DIST = path.resolve(process.env.RC_DIST_DIR || path.join(ROOT, 'dist'));
const BUILT = existsSync(path.join(DIST, 'index.html'));
const RELEASE = readRelease(DIST);
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

// The default view: every duty of the roles shown by default, from the built-in content file.
const content = JSON.parse(readFileSync(path.join(ROOT, 'content', 'roles.json'), 'utf8'));
const defaultRoles = content.roles.filter((r) => r.shownByDefault !== false).map((r) => r.id);
const DEFAULT_DUTIES = content.duties.filter((d) => defaultRoles.includes(d.role)).map((d) => d.id);

let server;
let browser;

/** Where each duty and column is, relative to the document. */
function positions(page) {
  return page.$$eval('[data-duty], [data-role], [data-filter]', (els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      const key = el.dataset.duty ?? el.dataset.role ?? el.dataset.filter;
      return { key, box: [r.left + scrollX, r.top + scrollY, r.width, r.height] };
    }),
  );
}

/**
 * The elements of `after` that are not where `before` had them: another element, or a box off
 * by half a pixel or more. (Text is laid out anew by the live render, so a box may differ in
 * its hundredths of a pixel, which no reader can see and no layout shift counts; rounding both
 * to whole pixels would turn such a difference into a 1 px move at a rounding boundary.)
 */
function moved(before, after) {
  const problems = [];
  if (before.length !== after.length) problems.push(`${before.length} elements before, ${after.length} after`);
  before.forEach((b, i) => {
    const a = after[i];
    const off = a && a.key === b.key && a.box.every((v, j) => Math.abs(v - b.box[j]) < 0.5);
    if (!off) problems.push(`${b.key} ${b.box.map(Math.round)} → ${a ? `${a.key} ${a.box.map(Math.round)}` : 'gone'}`);
  });
  return problems;
}

describe('the pre-rendered first view (dist/)', { skip: !BUILT && 'dist/ is missing' }, () => {
  before(async () => {
    server = await serve(DIST);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [file, what] of [['', 'the standalone page'], ['embed.html', 'the iframe page']]) {
    test(`${what} shows every default duty with JavaScript disabled`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
      try {
        const page = await context.newPage();
        await page.goto(server.url + file);
        const view = await readView(page);
        assert.deepEqual(view.roles, defaultRoles, 'the default columns, in order');
        assert.deepEqual(view.duties.map((d) => d.id), DEFAULT_DUTIES, 'every default duty, in order');
        assert.match(view.status, new RegExp(`^${DEFAULT_DUTIES.length} of ${DEFAULT_DUTIES.length} duties`));
        assert.equal(await page.locator('.rc-loading').count(), 0, 'no "Loading" placeholder left');
        assert.equal(await page.locator('[style]').count(), 0, 'no style attribute (strict CSP)');
      } finally {
        await context.close();
      }
    });
  }

  for (const viewport of [DESKTOP, PHONE]) {
    test(`${viewport.width} px: the wasm takes the view over without a layout shift, and it works`, async () => {
      // The same page twice: as the HTML alone paints it for a reader whose browser runs
      // scripts (the page's scripts answered empty, so no wasm ever comes; the stylesheet lays
      // out a phone's sections as it will live, `scripting: enabled`), then live.
      const still = await browser.newContext({ viewport });
      let before;
      try {
        const page = await still.newPage();
        await page.route('**/*.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
        await page.goto(server.url);
        before = await positions(page);
      } finally {
        await still.close();
      }

      const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
      try {
        const page = await context.newPage();
        const errors = watchErrors(page);
        await page.addInitScript(() => {
          window.__shifts = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(server.url);
        await waitForWidget(page);
        // Two frames after the takeover, so any shift it caused has been reported.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        assert.equal(await page.locator('[data-prerendered]').count(), 0, 'the live widget replaced the pre-rendered one');
        assert.deepEqual(moved(before, await positions(page)), [], 'every duty, column and toggle where the HTML put it');
        const shifts = await page.evaluate(() => window.__shifts);
        assert.deepEqual(shifts, [], 'no layout shift');

        await toggle(page, 'focus:internal');
        await waitForHash(page, '#focus=internal');
        const view = await readView(page);
        assert.ok(view.duties.length > 0 && view.duties.every((d) => d.focus === 'internal'), 'the filter works');
        assert.deepEqual(errors, [], describeErrors(errors));
      } finally {
        await context.close();
      }
    });
  }

  test('when the wasm cannot be loaded, the pre-rendered duties stay, with a note that filtering is missing', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await page.route(`**/${RELEASE.files.wasm.path}`, (route) => route.abort());
      const logged = [];
      page.on('console', (message) => message.type() === 'error' && logged.push(message.text()));
      await page.goto(server.url);
      const note = page.locator('[data-role-compare-page] > .rc-load-failed');
      await note.waitFor({ timeout: 15_000 });
      assert.match(await note.textContent(), /^The filters of this comparison could not be loaded \(.+\); the duties below are all shown\.$/);
      assert.equal(await note.getAttribute('role'), 'alert');
      const view = await readView(page);
      assert.deepEqual(view.duties.map((d) => d.id), DEFAULT_DUTIES, 'every default duty is still there');
      assert.ok(logged.some((text) => text.startsWith('role-compare:')), 'the failure is in the console too');
    } finally {
      await context.close();
    }
  });

  describe('an article with the widget far below the fold', () => {
    let widgetServer;
    let articleServer;
    let dir;

    before(async () => {
      widgetServer = await serve(DIST, { cors: true });
      dir = mkdtempSync(path.join(os.tmpdir(), 'rc-lazy-'));
      const embed = `${widgetServer.url}embed.js`;
      const spacer = '<p class="spacer">The article goes on for a while before the comparison.</p>';
      const page = (widget) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>A long article</title><link rel="stylesheet" href="./article.css">
<script type="module" src="${embed}"></script></head>
<body><main><h1>A long article</h1>${spacer.repeat(3)}<div class="tall"></div>${widget}<p>The end.</p></main></body></html>`;
      writeFileSync(path.join(dir, 'article.css'), '.tall { height: 6000px; } main { max-width: 760px; margin: auto; }');
      writeFileSync(path.join(dir, 'plain.html'), page('<div id="w" data-role-compare data-roles="cio,cto"></div>'));
      // The snippet form: the build's snippet, the default view inside the element (its
      // stylesheet from the release's versioned folder, as an author would paste it).
      const snippet = readFileSync(path.join(DIST, 'snippet.html'), 'utf8')
        .replace(/<script[^>]*><\/script>\s*$/, '')
        .replaceAll('https://example.org/role-compare/', widgetServer.url)
        .replace('<div data-role-compare>', '<div id="w" data-role-compare>');
      writeFileSync(path.join(dir, 'snippet.html'), page(snippet));
      articleServer = await serve(dir);
    });

    after(async () => {
      await articleServer?.close();
      await widgetServer?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    for (const file of ['plain.html', 'snippet.html']) {
      test(`${file}: no wasm is fetched until the reader scrolls near the widget; then it works`, async () => {
        const context = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' });
        try {
          const page = await context.newPage();
          const errors = watchErrors(page);
          const fetched = [];
          page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
          await page.goto(articleServer.url + file);
          await page.waitForLoadState('networkidle');
          assert.ok(fetched.includes('/embed.js'), 'the loader is there');
          assert.deepEqual(
            fetched.filter((p) => p.endsWith(RELEASE.files.wasm.path) || p.endsWith(RELEASE.files.glue.path)),
            [],
            'neither the wasm nor its glue while the widget is far below',
          );
          const before = await page.locator('#w [data-duty]').count();
          if (file === 'snippet.html') assert.equal(before, DEFAULT_DUTIES.length, 'the pre-rendered view shows at once');
          else assert.equal(before, 0, 'nothing to show yet');
          // Styled before any wasm: the columns sit side by side, not as a bare list.
          const tops = await page.$$eval('#w [data-role]', (cols) => cols.map((c) => Math.round(c.getBoundingClientRect().top)));
          if (file === 'snippet.html') assert.ok(tops.length >= 2 && tops.every((t) => t === tops[0]), `columns side by side: ${tops}`);
          else assert.ok(Number.parseFloat(await page.$eval('#w', (el) => getComputedStyle(el).minHeight)) > 100, 'room is held');

          await page.locator('#w').scrollIntoViewIfNeeded();
          await page.locator('#w .rc-mount:not([data-prerendered]) [data-duty]').first().waitFor({ state: 'attached', timeout: 15_000 });
          assert.ok(fetched.includes(`/${RELEASE.files.wasm.path}`) && fetched.includes(`/${RELEASE.files.glue.path}`), 'the wasm came when needed');
          await toggle(page, 'focus:internal', { within: '#w' });
          await page.waitForFunction(() => {
            const duties = [...document.querySelectorAll('#w [data-duty]:not([hidden])')];
            return duties.length > 0 && duties.every((d) => d.dataset.focus === 'internal');
          });
          assert.deepEqual(errors, [], describeErrors(errors));
        } finally {
          await context.close();
        }
      });
    }
  });
});
