// End-to-end tests of the <role-compare> custom element (web/embed.js) in headless Chromium, on
// an article of another origin than the widget's files, as on a blog: its attributes are the
// options; it lives in the light DOM; it takes over a pre-rendered view and reads inline JSON
// content; a change of its attributes after mount re-renders it (several changes at once, once);
// taken out of the page it unmounts (moved, it keeps its widget); it mounts when the reader comes
// near; and two copies of embed.js on one page neither throw nor mount anything twice.
// Run `make dist` first, then `node --test --test-concurrency=1 tests/e2e/element.test.mjs`.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from './support/server.mjs';
import { launch, openPage, describeErrors } from './support/browser.mjs';
import { readView, pressedFilters, assertStatusMatchesDom, waitForView } from './support/widget.mjs';
import { readRelease } from './support/release.mjs';
import { EDGE_SLACK } from './support/first-screen.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');
const DIST = path.resolve(process.env.RC_DIST_DIR || path.join(ROOT, 'dist'));
const RELEASE = readRelease(DIST);
const DESKTOP = { width: 1280, height: 900 };
const CUSTOM = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'custom-valid.json'), 'utf8');
const CUSTOM_DUTIES = JSON.parse(CUSTOM).duties.map((d) => d.id);

let widgetServer;
let articleServer;
let dir;
let browser;

const ids = (view) => view.duties.map((d) => d.id);
/** The live widget in `within` has rendered its duties. */
const live = (page, within) => page.locator(`${within} > .rc-mount:not([data-prerendered]) [data-duty]`).first().waitFor({ state: 'attached', timeout: 15_000 });

/** An article page loading `scripts` (embed.js addresses) around `body`. */
function article(body, scripts = [`${widgetServer.url}embed.js`]) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title>
<link rel="stylesheet" href="./article.css">
${scripts.map((src) => `<script type="module" src="${src}"></script>`).join('\n')}</head>
<body><main class="article"><h1>An article</h1>${body}<p>The end.</p></main></body></html>`;
}

/** Opens `file` of the article origin, runs `body`, asserts nothing logged an error. */
async function withPage(file, body, { eager = true, ready } = {}) {
  const { context, page, errors } = await openPage(browser, articleServer.url + file, { viewport: DESKTOP, waitForWidget: false, eager });
  try {
    if (ready) await ready(page);
    await body(page, errors);
    assert.deepEqual(errors, [], `${file} logged errors: ${describeErrors(errors)}`);
  } finally {
    await context.close();
  }
}

describe('<role-compare>, the custom element', { skip: !RELEASE && 'dist/ is missing: make dist' }, () => {
  before(async () => {
    widgetServer = await serve(DIST, { cors: true });
    dir = mkdtempSync(path.join(os.tmpdir(), 'rc-element-'));
    writeFileSync(path.join(dir, 'article.css'), readFileSync(path.join(here, 'hosts', 'article.css')));
    writeFileSync(path.join(dir, 'tall.css'), '.tall { height: 6000px; }');
    // The build's snippet's pre-rendered view, inside the element instead of the div.
    const view = /<!--rc-prerendered-->[\s\S]*<!--\/rc-prerendered-->/.exec(readFileSync(path.join(DIST, 'snippet.html'), 'utf8'))[0];
    writeFileSync(
      path.join(dir, 'element.html'),
      article(`
<role-compare id="plain" roles="cio,cto" focus="external" heading-level="3"></role-compare>
<role-compare id="inline"><script type="application/json">${CUSTOM.replaceAll('<', '\\u003c')}</script></role-compare>
<role-compare id="odd" colour="red" theme="neon" class="odd" data-analytics="x" aria-label="Duties compared" title="Compared"></role-compare>`),
    );
    writeFileSync(
      path.join(dir, 'prerendered.html'),
      article(`<div class="tall"></div><role-compare id="prerendered">${view}</role-compare>`).replace('</head>', '<link rel="stylesheet" href="./tall.css"></head>'),
    );
    writeFileSync(
      path.join(dir, 'far.html'),
      article('<div class="tall"></div><role-compare id="far" roles="cmo"></role-compare>').replace('</head>', '<link rel="stylesheet" href="./tall.css"></head>'),
    );
    // Two copies of the loader: the root one ("latest") and the versioned one, as a theme and an
    // article might each bring.
    writeFileSync(
      path.join(dir, 'two.html'),
      article('<role-compare id="el" roles="cto"></role-compare><div id="div" data-role-compare data-roles="cmo"></div>', [
        `${widgetServer.url}embed.js`,
        `${widgetServer.url}v${RELEASE.version}/embed.js`,
      ]),
    );
    articleServer = await serve(dir);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await articleServer?.close();
    await widgetServer?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('its attributes are the options; it is a block in the light DOM, styled by the one stylesheet', async () => {
    await withPage('element.html', async (page) => {
      await live(page, '#plain');
      const view = await readView(page, { within: '#plain' });
      assert.deepEqual(view.roles, ['cio', 'cto'], 'roles="cio,cto"');
      assert.deepEqual(pressedFilters(view), ['focus:external'], 'focus="external"');
      assert.ok(view.duties.length > 0 && view.duties.every((d) => d.focus === 'external'));
      assert.equal(await page.locator('#plain .rc h3.rc-role-title').count(), 2, 'heading-level="3"');
      assert.equal(view.notice, null, 'no option was ignored');
      assertStatusMatchesDom(view, '#plain: ');
      const element = await page.$eval('#plain', (el) => ({
        defined: customElements.get('role-compare') === el.constructor,
        shadow: el.shadowRoot,
        display: getComputedStyle(el).display,
        reachable: document.querySelector('#plain .rc [data-duty]') !== null,
        stylesheets: [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.href).filter((h) => h.includes('role-compare')),
      }));
      assert.equal(element.defined, true, 'an instance of the defined element');
      assert.equal(element.shadow, null, 'no shadow root');
      assert.equal(element.display, 'block');
      assert.equal(element.reachable, true, 'the hooks are reachable from the page');
      assert.deepEqual(element.stylesheets, [`${widgetServer.url}${RELEASE.files.css.path}`], 'one stylesheet, the release’s');
    });
  });

  test('it reads inline JSON content, and names unknown attributes without data-, leaving the page’s own alone', async () => {
    await withPage('element.html', async (page) => {
      await live(page, '#inline');
      const inline = await readView(page, { within: '#inline' });
      assert.deepEqual(ids(inline), CUSTOM_DUTIES, 'the inline content’s duties');
      await page.locator('#odd .rc .rc-notice').waitFor({ timeout: 15_000 });
      const notice = (await readView(page, { within: '#odd' })).notice;
      assert.match(notice, /colour: unknown option; known: roles, focus/);
      assert.match(notice, /theme: expected auto, light, dark or inherit, got "neon"/);
      assert.doesNotMatch(notice, /data-|class|analytics|aria|title/, `only the two options are named: ${notice}`);
    });
  });

  test('it takes over the pre-rendered view inside it, with the same duties in the same places', async () => {
    // Each duty's place within the element.
    const places = (page) =>
      page.$$eval('#prerendered [data-duty]', (els) => {
        const top = document.querySelector('#prerendered').getBoundingClientRect().top;
        return els.map((el) => ({ id: el.dataset.duty, top: el.getBoundingClientRect().top - top }));
      });
    await withPage(
      'prerendered.html',
      async (page) => {
        // Far below the fold, so it is still the build's view.
        assert.equal(await page.locator('#prerendered > .rc-mount[data-prerendered]').count(), 1, 'the pre-rendered view, not mounted yet');
        const before = await places(page);
        assert.ok(before.length > 0, 'the pre-rendered duties show before the wasm');
        assert.equal(await page.$eval('#prerendered', (el) => el.hasAttribute('data-rc-loading')), false, 'no room held: the view is there');
        await page.locator('#prerendered').scrollIntoViewIfNeeded();
        await live(page, '#prerendered');
        const after = await places(page);
        assert.deepEqual(after.map((p) => p.id), before.map((p) => p.id), 'the live widget shows the same duties, in the same order');
        // Where they were: none moved by a pixel (EDGE_SLACK), the least a reader sees move;
        // rounding each top to a whole pixel instead would call 0.49 and 0.51 a move.
        const moved = after
          .map((p, i) => ({ id: p.id, was: before[i].top, is: p.top }))
          .filter((p) => Math.abs(p.is - p.was) >= EDGE_SLACK)
          .map((p) => `${p.id}: ${p.was.toFixed(2)} → ${p.is.toFixed(2)} px`);
        assert.deepEqual(moved, [], 'the live widget shows the duties where they were');
        assert.equal(await page.locator('#prerendered .rc').count(), 1, 'one widget: the live one replaced the pre-rendered view');
      },
      { eager: false },
    );
  });

  test('a change of its attributes re-renders it; changes made together re-mount it once; other attributes do not', async () => {
    await withPage('element.html', async (page) => {
      await live(page, '#plain');
      // Count the widget's mounts: each puts a fresh .rc-mount into the element.
      await page.$eval('#plain', (el) => {
        window.__mounts = 0;
        new MutationObserver((records) => {
          for (const r of records) for (const n of r.addedNodes) if (n.classList?.contains('rc-mount')) window.__mounts++;
        }).observe(el, { childList: true });
      });
      await page.$eval('#plain', (el) => el.setAttribute('roles', 'cmo'));
      await waitForView(page, 'the CMO column alone', `document.querySelector('#plain .rc-mount:not([data-prerendered])') && [...document.querySelectorAll('#plain .rc [data-role]')].map((c) => c.dataset.role).join() === 'cmo'`);
      assert.deepEqual(pressedFilters(await readView(page, { within: '#plain' })), ['focus:external'], 'the other options stay');

      await page.$eval('#plain', (el) => {
        el.setAttribute('roles', 'cio');
        el.setAttribute('focus', 'internal');
        el.removeAttribute('heading-level');
      });
      await waitForView(page, 'CIO, internal', `[...document.querySelectorAll('#plain .rc [data-role]')].map((c) => c.dataset.role).join() === 'cio' && document.querySelector('#plain .rc button[data-filter="focus:internal"]')?.getAttribute('aria-pressed') === 'true'`);
      const view = await readView(page, { within: '#plain' });
      assert.deepEqual(pressedFilters(view), ['focus:internal']);
      assert.ok(view.duties.length > 0 && view.duties.every((d) => d.role === 'cio' && d.focus === 'internal'), `the CIO's internal duties: ${view.status}`);
      assert.equal(await page.locator('#plain .rc h2.rc-role-title').count(), 1, 'without heading-level, the default h2');
      assert.equal(await page.evaluate(() => window.__mounts), 2, 'one mount for the first change, one for the three made together');

      await page.$eval('#plain', (el) => {
        el.className = 'highlighted';
        el.dataset.note = 'x';
      });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal(await page.evaluate(() => window.__mounts), 2, 'class and data-* are the page’s: no re-mount');
    });
  });

  test('taken out of the page it unmounts; moved within it, it keeps its widget; put back, it mounts again', async () => {
    await withPage('element.html', async (page) => {
      await live(page, '#plain');
      await page.locator('#plain .rc button[data-filter="focus:internal"]').click();
      const moved = await page.$eval('#plain', async (el) => {
        const widget = el.querySelector('.rc-mount');
        document.querySelector('main').prepend(el); // a move: removed and inserted in one task
        await new Promise((r) => setTimeout(r));
        return { same: el.querySelector('.rc-mount') === widget, pressed: el.querySelector('button[data-filter="focus:internal"]').getAttribute('aria-pressed') };
      });
      assert.deepEqual(moved, { same: true, pressed: 'true' }, 'moved, the same widget with the reader’s filter');

      const removed = await page.$eval('#plain', async (el) => {
        el.remove();
        await new Promise((r) => setTimeout(r));
        window.__removed = el;
        return { children: el.children.length, unmountAgain: window.RoleCompare.unmount(el) };
      });
      assert.deepEqual(removed, { children: 0, unmountAgain: false }, 'its widget is gone, and unmounted: nothing is left to unmount');

      await page.evaluate(() => document.querySelector('main').prepend(window.__removed));
      await live(page, '#plain');
      assert.equal(await page.locator('#plain .rc').count(), 1, 'put back, it mounts again');
    });
  });

  test('it mounts when the reader comes near, not before; an element added later does too', async () => {
    await withPage(
      'far.html',
      async (page) => {
        const fetched = [];
        page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
        await page.waitForLoadState('networkidle');
        const wasm = `/${RELEASE.files.wasm.path}`;
        assert.equal(fetched.includes(wasm), false, 'no wasm while the element is far below');
        assert.ok(Number.parseFloat(await page.$eval('#far', (el) => getComputedStyle(el).minHeight)) > 100, 'room is held for it');
        await page.locator('#far').scrollIntoViewIfNeeded();
        await live(page, '#far');
        assert.ok(fetched.includes(wasm), 'the wasm came when needed');
        assert.deepEqual((await readView(page, { within: '#far' })).roles, ['cmo']);

        await page.evaluate(() => {
          const el = document.createElement('role-compare');
          el.id = 'late';
          el.setAttribute('roles', 'cto');
          document.querySelector('#far').after(el);
        });
        await page.locator('#late').scrollIntoViewIfNeeded();
        await live(page, '#late');
        assert.deepEqual((await readView(page, { within: '#late' })).roles, ['cto']);
      },
      { eager: false },
    );
  });

  test('two copies of embed.js on one page: no error, each widget mounted once, the wasm loaded once', async () => {
    const requests = [];
    await withPage(
      'two.html',
      async (page) => {
        await Promise.all([live(page, '#el'), live(page, '#div')]);
        assert.deepEqual((await readView(page, { within: '#el' })).roles, ['cto']);
        assert.deepEqual((await readView(page, { within: '#div' })).roles, ['cmo']);
        assert.equal(await page.locator('.rc').count(), 2, 'one widget each');
        assert.equal(await page.evaluate(() => window.RoleCompare.version), RELEASE.version);
        const wasm = requests.filter((p) => p.endsWith('.wasm'));
        assert.equal(wasm.length, 1, `the wasm fetched once: ${wasm}`);
      },
      {
        ready: async (page) => {
          page.on('request', (r) => requests.push(new URL(r.url()).pathname));
          await page.reload();
          await page.evaluate(() => window.RoleCompare.mountAll());
        },
      },
    );
  });
});
