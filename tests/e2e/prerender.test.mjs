// The build's pre-rendered first view (src/bin/prerender.rs): the standalone page and the iframe
// page carry the default view in their HTML, so it shows with JavaScript off, and the wasm takes
// it over without moving anything.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from './support/server.mjs';
import { launch, watchErrors, waitForWidget, describeErrors } from './support/browser.mjs';
import { readView, toggle, waitForHash } from './support/widget.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.join(here, '..', '..');
const DIST = path.resolve(process.env.RC_DIST_DIR || path.join(ROOT, 'dist'));
const BUILT = existsSync(path.join(DIST, 'index.html'));
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
      return `${key} ${Math.round(r.left + scrollX)},${Math.round(r.top + scrollY)} ${Math.round(r.width)}x${Math.round(r.height)}`;
    }),
  );
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
      // The same page twice: as the HTML alone paints it, then live.
      const still = await browser.newContext({ javaScriptEnabled: false, viewport });
      let before;
      try {
        const page = await still.newPage();
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
        assert.deepEqual(await positions(page), before, 'every duty, column and toggle where the HTML put it');
        const shifts = await page.evaluate(() => window.__shifts);
        assert.deepEqual(shifts, [], 'no layout shift');

        // A phone-sized widget folds its filters behind the "Filters" button.
        const unfold = page.locator('.rc [data-action="filters"]');
        if (await unfold.isVisible()) await unfold.click();
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
});
