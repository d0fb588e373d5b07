// Nothing lost at takeover (issue 16, point 5): what a reader does to the pre-rendered view before
// the wasm arrives (a click on a toggle, text typed into the search, the focus, the scroll) is
// still there, and applied, once the live widget has taken over. The wasm is held back (a
// Playwright route answers its request only when the test says so), so that the reader's moves
// surely come first. The standalone page's view is hydrated (src/mount.rs): the elements stay the
// very same; a snippet with an option the build's view was not rendered with is replaced, and the
// focus is found again in the new view.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from './support/server.mjs';
import { launch, watchErrors, waitForWidget, describeErrors } from './support/browser.mjs';
import { readView, waitForHash } from './support/widget.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.join(here, '..', '..');
const DIST = path.resolve(process.env.RC_DIST_DIR || path.join(ROOT, 'dist'));
const BUILT = existsSync(path.join(DIST, 'index.html'));
const DESKTOP = { width: 1280, height: 800 };
const CONTENT = JSON.parse(readFileSync(path.join(ROOT, 'content', 'roles.json'), 'utf8'));
const TOPIC_LABEL = new Map(CONTENT.topics.map((t) => [t.id, t.label]));
const topicsOf = (id) => CONTENT.duties.find((d) => d.id === id).topics.map((t) => TOPIC_LABEL.get(t)).join(', ');

let server;
let browser;

/**
 * A page whose wasm is held until `release()` is called; `requested` resolves once the page asked
 * for it (so the loader is running and the pre-rendered view is in place).
 */
async function holdWasm(context) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  let requested;
  const asked = new Promise((resolve) => (requested = resolve));
  await context.route(
    (url) => url.pathname.endsWith('.wasm'),
    async (route) => {
      requested();
      await released;
      await route.continue();
    },
  );
  return { release, requested: asked };
}

/**
 * Opens `url` in a new context with its wasm held (`holdWasm`), runs `body({page, wasm})` and
 * checks that the page logged no error.
 */
async function withHeldWasm(url, body) {
  const context = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' });
  try {
    const wasm = await holdWasm(context);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(url);
    await body({ page, wasm });
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally {
    await context.close();
  }
}

/** Marks the pre-rendered view, so that the test can tell whether the live one is the same. */
async function markView(page, within) {
  await page.$eval(`${within} .rc-mount[data-prerendered]`, (view) => {
    window.__preView = view;
  });
}

describe('what a reader does before the wasm arrives survives the takeover', { skip: !BUILT && 'dist/ is missing' }, () => {
  before(async () => {
    server = await serve(DIST);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('standalone page: a click, typed search text, the focus and the scroll are kept and applied (hydrated)', async () => {
    await withHeldWasm(server.url, async ({ page, wasm }) => {
      await wasm.requested;
      await markView(page, '[data-role-compare-page]');
      // The reader scrolls a little, clicks a toggle that does nothing yet, then types a search.
      await page.mouse.wheel(0, 120);
      await page.waitForFunction(() => scrollY > 0);
      await page.click('[data-filter="focus:internal"]');
      await page.click('input[type="search"]');
      await page.keyboard.type('vendor');
      const scrolled = await page.evaluate(() => scrollY);
      assert.equal(await page.locator('.rc-mount[data-prerendered]').count(), 1, 'still the pre-rendered view');

      wasm.release();
      await waitForWidget(page);
      await waitForHash(page, '#focus=internal&q=vendor');
      const after = await page.evaluate(() => ({
        same: window.__preView === document.querySelector('.rc-mount'),
        focused: document.activeElement?.matches('input[type="search"]') ?? false,
        value: document.querySelector('input[type="search"]').value,
        caret: document.activeElement?.selectionStart,
        y: scrollY,
      }));
      assert.ok(after.same, 'the live widget kept the pre-rendered elements (hydrated, not rebuilt)');
      assert.ok(after.focused, 'the focus is still in the search field');
      assert.equal(after.value, 'vendor', 'the typed text is still there');
      assert.equal(after.caret, 'vendor'.length, 'the caret where the reader left it');
      assert.equal(after.y, scrolled, 'the page did not scroll');
      const view = await readView(page);
      assert.ok(view.duties.length > 0, 'some duties fit');
      assert.ok(view.duties.every((d) => d.focus === 'internal'), 'the early click was applied');
      // The search finds a duty by its sentence, its topics and its role (filter::SearchIndex).
      assert.ok(view.duties.every((d) => /vendor/i.test(`${d.sentence} ${topicsOf(d.id)}`)), 'the typed search was applied');
      assert.equal(await page.locator('[data-filter="focus:internal"][aria-pressed="true"]').count(), 1, 'the toggle reads pressed');
    });
  });

  // What a browser's page translation, a host page's script or a cache plugin may do to the
  // pre-rendered view before the wasm arrives: Yew's hydration would stop the wasm on such a DOM,
  // so mount() checks the view first and replaces one that is not as the build wrote it.
  for (const [what, change] of [
    ['an element added inside it (a translation wraps text in <font>)', 'const text = view.querySelector(".rc-duty-text"); const font = document.createElement("font"); font.append(...text.childNodes); text.append(font);'],
    ['its hydration marks stripped (an HTML minifier)', 'const marks = []; for (const walker = document.createTreeWalker(view, NodeFilter.SHOW_COMMENT); walker.nextNode(); ) marks.push(walker.currentNode); for (const mark of marks) mark.remove();'],
  ]) {
    test(`a pre-rendered view changed before takeover, ${what}, is replaced and works`, async () => {
      await withHeldWasm(server.url, async ({ page, wasm }) => {
        await wasm.requested;
        await markView(page, '[data-role-compare-page]');
        await page.evaluate(`{ const view = document.querySelector(".rc-mount[data-prerendered]"); ${change} }`);
        wasm.release();
        await waitForWidget(page);
        assert.ok(await page.evaluate(() => window.__preView !== document.querySelector('.rc-mount')), 'replaced, not hydrated');
        await page.click('[data-filter="focus:internal"]');
        await waitForHash(page, '#focus=internal');
        const view = await readView(page);
        assert.ok(view.duties.length > 0 && view.duties.every((d) => d.focus === 'internal'), 'the widget works');
        assert.equal(await page.locator('.rc-crashed').count(), 0, 'no crash box');
      });
    });
  }

  describe('a snippet whose options differ from the view it carries (replaced, not hydrated)', () => {
    let widgetServer;
    let hostServer;
    let dir;

    before(async () => {
      widgetServer = await serve(DIST, { cors: true });
      dir = mkdtempSync(path.join(os.tmpdir(), 'rc-takeover-'));
      // The build's snippet, with an option the pre-render was not made with (the default
      // roles, named: the same view, but not the same options, so it is not hydrated).
      const snippet = readFileSync(path.join(DIST, 'snippet.html'), 'utf8')
        .replaceAll('https://example.org/role-compare/', widgetServer.url)
        .replace('<div data-role-compare>', '<div id="w" data-role-compare data-roles="cio,cto,cmo">');
      writeFileSync(
        path.join(dir, 'index.html'),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title></head>
<body><main><h1>An article</h1><p>Before the comparison.</p>${snippet}</main></body></html>`,
      );
      hostServer = await serve(dir);
    });

    after(async () => {
      await hostServer?.close();
      await widgetServer?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('the focus moves to the same control of the new view, and an early key press is applied', async () => {
      await withHeldWasm(hostServer.url, async ({ page, wasm }) => {
        await page.locator('#w .rc-mount[data-prerendered] [data-filter="line:top"]').waitFor();
        await markView(page, '#w');
        // Tabbing into the widget mounts it at once (embed.js); the wasm is held meanwhile.
        await page.focus('#w [data-filter="line:top"]');
        await wasm.requested;
        await page.keyboard.press('Space');

        wasm.release();
        await page.locator('#w .rc-mount:not([data-prerendered]) [data-duty]').first().waitFor({ state: 'attached', timeout: 15_000 });
        await page.waitForFunction(() => document.querySelector('#w [data-filter="line:top"]')?.getAttribute('aria-pressed') === 'true');
        const after = await page.evaluate(() => ({
          replaced: window.__preView !== document.querySelector('#w .rc-mount'),
          focused: document.activeElement?.getAttribute('data-filter'),
          inWidget: document.querySelector('#w').contains(document.activeElement),
        }));
        assert.ok(after.replaced, 'the view was replaced (its options differ from the pre-render)');
        assert.ok(after.inWidget, 'the focus is still in the widget');
        assert.equal(after.focused, 'line:top', 'on the same toggle');
        const view = await readView(page, { within: '#w' });
        assert.ok(view.duties.length > 0 && view.duties.every((d) => d.line === 'top'), 'the key press before takeover was applied');
      });
    });
  });
});
