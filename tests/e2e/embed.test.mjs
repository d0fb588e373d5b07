// End-to-end tests of the blog embeds in headless Chromium, cross-origin as on a real blog: the
// built widget (dist/) is served on one 127.0.0.1 port (the "widget origin", with
// `Access-Control-Allow-Origin: *`, as a CDN would send) and the pages in tests/e2e/hosts/ on
// another (the "blog origin"), which writes the widget origin where they say {{WIDGET_ORIGIN}}:
// article.html (seven widgets A–G and an iframe), hostile.html (a theme with hostile global
// rules) and api.html (for RoleCompare.mount).
// Run `make dist` first, then `node --test --test-concurrency=1 tests/e2e/`.
// One browser for the file; every test opens its own context and fails if the page (or its
// iframe) threw an uncaught error or logged a console error, except the 404 of the one content
// file that is missing on purpose.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve, widgetOriginIn } from './support/server.mjs';
import { readRelease } from './support/release.mjs';
import { launch, openPage, describeErrors, bringEachWidgetNear } from './support/browser.mjs';
import { readView, pressedFilters, assertStatusMatchesDom, waitForView, toggle, openFilters } from './support/widget.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(process.env.RC_DIST_DIR || path.join(here, '..', '..', 'dist'));
const HOSTS = path.join(here, 'hosts');

const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

// The widgets of hosts/article.html, by the id of their host element.
const A = '#widget-a'; // data-roles="cio,cmo" data-focus="external" data-url-state
// The CIO, whose duties the built-in content gives both foci and both lines, so that each of its
// two facets narrows it (every CTO duty is external and top-line, as its two articles say).
const B = '#widget-b'; // data-roles="cio" data-facets="focus,line" data-compact data-heading-level="3"
const C = '#widget-c'; // inline custom content: editor, platform-lead
const D = '#widget-d'; // inline content with duties[0].focus "inside"
const E = '#widget-e'; // data-content="./content/newsroom.json" (blog origin)
const F = '#widget-f'; // data-content="./content/missing.json" (404)
const G = '#widget-g'; // data-colour="red" data-theme="neon"
const WORKING = [A, B, C, E, G];
const BROKEN = [D, F];

const C_DUTIES = ['editor-headlines', 'editor-budget', 'platform-uptime', 'platform-paywall'];
const E_DUTIES = ['reporter-sources', 'reporter-expenses', 'desk-chief-rota', 'desk-chief-scoops'];

let widgetServer;
let blogServer;
let browser;

const ids = (view) => view.duties.map((d) => d.id);
/** What a test compares to see that a widget did not change. */
const snapshot = (view) => ({ roles: view.roles, duties: ids(view), pressed: view.pressed.slice().sort(), status: view.status });
const nextFrames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Polls `probe()` until `accept(value)` holds; on timeout fails with `what` and the last value. */
async function eventually(what, probe, accept, { timeout = 5_000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  let value;
  for (;;) {
    value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeout} ms waiting for ${what}; last seen: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Ready for the API page: the loader has defined window.RoleCompare. */
const apiReady = (page) => page.waitForFunction(() => typeof window.RoleCompare?.mount === 'function', undefined, { timeout: 15_000 });
/** Host elements of the page: id, widget roots directly inside, column ids. */
const hostsOf = (page) =>
  page.$$eval('[data-role-compare], #slot > div', (els) =>
    els.map((el) => ({
      id: el.id,
      roots: el.querySelectorAll('.rc').length,
      roles: [...el.querySelectorAll('.rc [data-role]')].map((c) => c.dataset.role),
    })),
  );

/** Waits until every widget of article.html has rendered (duties, or its error box) and the iframe's widget too. */
async function waitForArticle(page) {
  const timeout = 15_000;
  await Promise.all([
    ...WORKING.map((w) => page.locator(`${w} .rc-mount:not([data-prerendered]) [data-duty]`).first().waitFor({ state: 'attached', timeout })),
    ...BROKEN.map((w) => page.locator(`${w} .rc .rc-error`).waitFor({ state: 'attached', timeout })),
    page.frameLocator('#frame').locator('.rc-mount:not([data-prerendered]) [data-duty]').first().waitFor({ state: 'attached', timeout }),
  ]);
}

/**
 * Opens `file` from the blog origin (or `url` as given) in a fresh context, waits with `ready`,
 * runs `body`, then asserts that nothing threw and nothing logged a console error but the
 * expected 404s; closes the context whatever happened.
 */
async function withPage(file, body, { viewport = DESKTOP, ready = waitForArticle, url, expectedMissing } = {}) {
  const target = url ?? blogServer.url + file;
  const missing = expectedMissing ?? (file.startsWith('article.html') ? [blogServer.url + 'content/missing.json'] : []);
  const { context, page, errors } = await openPage(browser, target, { viewport, waitForWidget: false, expectedMissing: missing });
  try {
    await ready(page);
    await body(page, errors);
    assert.deepEqual(errors, [], `${target} logged errors: ${describeErrors(errors)}`);
  } finally {
    await context.close();
  }
}

const BUILT = existsSync(path.join(DIST, 'embed.js'));
const CSS = readRelease(DIST)?.files.css.path;

if (!BUILT) {
  test('the site is built', () => {
    assert.fail(`${path.join(DIST, 'embed.js')} is missing: run make dist first`);
  });
}

describe('blog embeds, cross-origin (dist/ on one port, the article on another)', { skip: !BUILT && 'dist/ is missing' }, () => {
  before(async () => {
    widgetServer = await serve(DIST, { cors: true });
    blogServer = await serve(HOSTS, { transform: widgetOriginIn(widgetServer.origin) });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await blogServer?.close();
    await widgetServer?.close();
  });

  test('each widget shows only its chosen roles', async () => {
    await withPage('article.html', async (page) => {
      // Really cross-origin: the article on one origin, the widget's files on the other.
      const origins = await page.evaluate((css) => ({
        page: location.origin,
        css: [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.href).find((h) => h.endsWith(`/${css}`)),
      }), CSS);
      assert.equal(origins.page, blogServer.origin);
      assert.notEqual(blogServer.origin, widgetServer.origin);
      assert.equal(origins.css, `${widgetServer.origin}/${CSS}`, 'the loader adds the stylesheet from the widget origin');

      const a = await readView(page, { within: A });
      assert.deepEqual(a.roles, ['cio', 'cmo'], 'A: the CIO and CMO columns, in that order');
      assert.deepEqual([...new Set(a.duties.map((d) => d.role))], ['cio', 'cmo'], 'A: duties of cio and cmo only');
      assert.deepEqual(a.duties.filter((d) => d.focus !== 'external').map((d) => d.id), [], 'A: data-focus="external" shows external duties only');
      assert.deepEqual(pressedFilters(a), ['focus:external'], 'A: focus:external pressed');
      assert.deepEqual(Object.keys(a.toggles).filter((k) => k.startsWith('roles:')), ['roles:cio', 'roles:cmo'], 'A offers only its two roles');
      assertStatusMatchesDom(a, 'A: ');

      const b = await readView(page, { within: B });
      assert.deepEqual(b.roles, ['cio'], 'B: the CIO column only');
      assert.ok(b.duties.length >= 8 && b.duties.every((d) => d.role === 'cio'), `B: CIO duties only (${b.duties.length})`);
      assert.deepEqual(
        [...new Set(Object.keys(b.toggles).map((k) => k.split(':')[0]))].sort(),
        ['focus', 'line'],
        'B: data-facets="focus,line" shows only the focus and line toggles',
      );
      assert.equal(b.search, null, 'B: no search field');
      assert.equal(await page.locator(`${B} .rc.rc--compact`).count(), 1, 'B is compact');
      assert.equal(await page.locator(`${B} .rc h3.rc-role-title`).count(), 1, 'B: role titles are h3');
      assertStatusMatchesDom(b, 'B: ');

      const c = await readView(page, { within: C });
      assert.deepEqual(c.roles, ['editor', 'platform-lead'], 'C: its two custom roles');
      assert.deepEqual(ids(c), C_DUTIES, 'C: the custom duty ids');
      assertStatusMatchesDom(c, 'C: ');

      for (const w of [A, B, C]) {
        assert.equal((await readView(page, { within: w })).notice, null, `${w}: no notice`);
      }
    });
  });

  test('a filter click in one widget leaves the others unchanged; only A writes the link', async () => {
    let hashAfterA;
    await withPage('article.html', async (page) => {
      const before = {};
      for (const w of [A, B, C, E, G]) before[w] = snapshot(await readView(page, { within: w }));
      const historyBefore = await page.evaluate(() => history.length);
      assert.equal(await page.evaluate(() => location.hash), '', 'no fragment at first');

      await toggle(page, 'focus:internal', { within: A });
      await waitForView(page, 'the link to carry the focus', `location.hash.includes('focus=')`, { within: A });
      const a = await readView(page, { within: A });
      assert.deepEqual(pressedFilters(a), ['focus:external', 'focus:internal'], 'A: both foci pressed');
      assert.ok(a.duties.length > before[A].duties.length, `A shows more duties (${a.duties.length} vs ${before[A].duties.length})`);
      assert.deepEqual(a.roles, ['cio', 'cmo']);
      assertStatusMatchesDom(a, 'A: ');
      for (const w of [B, C, E, G]) {
        assert.deepEqual(snapshot(await readView(page, { within: w })), before[w], `${w} is unchanged after a click in A`);
      }
      hashAfterA = await page.evaluate(() => location.hash);
      const focus = new URLSearchParams(hashAfterA.slice(1)).get('focus');
      assert.deepEqual(focus?.split(',').sort(), ['external', 'internal'], `A's link: ${hashAfterA}`);
      assert.equal(await page.evaluate(() => history.length), historyBefore + 1, 'the click in A is one history entry');

      // A click in B (and in C) changes B (C) alone and neither the link nor the history.
      const aBefore = snapshot(a);
      await toggle(page, 'focus:external', { within: B });
      const b = await readView(page, { within: B });
      assert.ok(b.duties.length > 0 && b.duties.length < before[B].duties.length, 'B: focus:external narrows its duties');
      assert.ok(b.duties.every((d) => d.focus === 'external'), 'B: external duties only');
      await toggle(page, 'topic:money', { within: C });
      assert.deepEqual(ids(await readView(page, { within: C })), ['editor-budget', 'platform-paywall'], 'C: the money duties');
      await nextFrames(page);
      assert.equal(await page.evaluate(() => location.hash), hashAfterA, 'clicks in B and C leave the link alone');
      assert.equal(await page.evaluate(() => history.length), historyBefore + 1, 'clicks in B and C add no history entry');
      assert.deepEqual(snapshot(await readView(page, { within: A })), aBefore, 'A is unchanged after clicks in B and C');
      for (const w of [E, G]) {
        assert.deepEqual(snapshot(await readView(page, { within: w })), before[w], `${w} is unchanged`);
      }
    });

    // The link A wrote restores A's view, and only A's.
    let fresh;
    await withPage('article.html', async (page) => {
      fresh = {};
      for (const w of [B, C]) fresh[w] = snapshot(await readView(page, { within: w }));
    });
    await withPage(`article.html${hashAfterA}`, async (page) => {
      const a = await readView(page, { within: A });
      assert.deepEqual(pressedFilters(a), ['focus:external', 'focus:internal'], `A reads ${hashAfterA}`);
      for (const w of [B, C]) {
        assert.deepEqual(snapshot(await readView(page, { within: w })), fresh[w], `${w} ignores the link`);
      }
    });
  });

  test('the custom-content widget shows the custom duties, as text', async () => {
    await withPage('article.html', async (page) => {
      await openFilters(page, { within: C });
      // Each card's source unfolds to its article and topics, as a reader opens it.
      for (const summary of await page.locator(`${C} .rc-source > summary`).all()) await summary.click();
      await page.waitForFunction((C) => document.querySelectorAll(`${C} .rc-source-body`).length === document.querySelectorAll(`${C} .rc-source`).length, C);
      const c = await readView(page, { within: C });
      const byId = Object.fromEntries(c.duties.map((d) => [d.id, d]));
      assert.deepEqual(Object.keys(byId), C_DUTIES);
      assert.equal(byId['editor-headlines'].sentence, 'Writes the <b>bold</b> headlines that bring readers back.', 'markup in content shows as its characters');
      assert.equal(byId['editor-budget'].sentence, 'Keeps freelance spending inside the yearly budget.');
      assert.equal(byId['platform-paywall'].sentence, 'Builds the checkout that readers pay through.');
      assert.deepEqual(
        C_DUTIES.map((id) => [byId[id].role, byId[id].focus, byId[id].line]),
        [
          ['editor', 'external', 'top'],
          ['editor', 'internal', 'bottom'],
          ['platform-lead', 'internal', 'bottom'],
          ['platform-lead', 'external', 'top'],
        ],
      );
      assert.equal(byId['platform-paywall'].topics, 'Audience, Money', 'custom topic labels');
      assert.deepEqual(
        Object.keys(c.toggles).filter((k) => k.startsWith('topic:')),
        ['topic:audience', 'topic:money'],
        'the custom topics, and no built-in one',
      );

      const shown = await page.evaluate((C) => {
        const root = document.querySelector(`${C} .rc`);
        const text = (s) => [...root.querySelectorAll(s)].map((e) => e.textContent.replace(/\s+/g, ' ').trim());
        return {
          names: text('.rc-role-name'),
          summaries: text('.rc-role-summary'),
          sources: text('.rc-source cite'),
          markup: root.querySelectorAll('.rc-duty-text *, .rc-role-summary *, b, img, script').length,
          injected: window.__rcInjected ?? null,
        };
      }, C);
      assert.deepEqual(c.titles, ['Editor', 'Platform lead'], 'the custom column titles');
      assert.deepEqual(shown.names, ['Editor-in-chief', 'Head of platform'], 'the custom full names');
      assert.deepEqual(shown.summaries, [
        'Decides what we publish and for whom.',
        'Ships the site <img src="x" onerror="window.__rcInjected = true"> safely.',
      ]);
      assert.ok(shown.sources.length === 4 && shown.sources.every((s) => s === 'Who owns technology?'), `sources: ${shown.sources}`);
      assert.equal(shown.markup, 0, 'no element made from the content text (no <b>, <img>, <script>)');
      assert.equal(shown.injected, null, 'no handler from the content ran');
    });
  });

  test('a broken content block shows its error inside its own box; the others work', async () => {
    await withPage('article.html', async (page) => {
      const box = page.locator(`${D} .rc .rc-error`);
      assert.equal(await box.getAttribute('role'), 'alert');
      const problems = await box.locator('li').allTextContents();
      assert.equal(problems.length, 1, problems.join('\n'));
      // The path of the field, what was expected, and where in the inline block it is.
      assert.match(problems[0], /^duties\[0\]\.focus: unknown variant `inside`, expected `internal` or `external` \(line \d+, column \d+\)$/);
      assert.equal(await page.locator(`${D} [data-duty], ${D} [data-filter], ${D} [role="status"]`).count(), 0, 'D shows no comparison');

      const inside = await page.evaluate((D) => {
        const host = document.querySelector(D).getBoundingClientRect();
        const error = document.querySelector(`${D} .rc-error`).getBoundingClientRect();
        return error.width > 0 && error.left >= host.left && error.right <= host.right && error.top >= host.top && error.bottom <= host.bottom;
      }, D);
      assert.ok(inside, "the error box lies within D's element");
      const errorBoxes = await page.$$eval('.rc-error', (els) => els.map((e) => '#' + e.closest('[data-role-compare]').id));
      assert.deepEqual(errorBoxes.sort(), [D, F].sort(), 'error boxes in D and F only');

      // The others still work.
      await toggle(page, 'topic:audience', { within: C });
      assert.deepEqual(ids(await readView(page, { within: C })), ['editor-headlines', 'platform-uptime', 'platform-paywall']);
      await toggle(page, 'focus:internal', { within: B });
      const b = await readView(page, { within: B });
      assert.ok(b.duties.length > 0 && b.duties.every((d) => d.focus === 'internal'), 'B filters');
      await toggle(page, 'roles:cmo', { within: A });
      assert.deepEqual((await readView(page, { within: A })).roles, ['cio'], 'A drops its CMO column');
    });
  });

  test('content from a file on the blog origin loads; a missing file shows HTTP 404 in its box', async () => {
    await withPage('article.html', async (page) => {
      const e = await readView(page, { within: E });
      assert.deepEqual(e.roles, ['reporter', 'desk-chief']);
      assert.deepEqual(ids(e), E_DUTIES);
      assert.equal(e.error, null);
      assertStatusMatchesDom(e, 'E: ');
      await toggle(page, 'line:bottom', { within: E });
      assert.deepEqual(ids(await readView(page, { within: E })), ['reporter-expenses', 'desk-chief-rota']);

      const box = page.locator(`${F} .rc .rc-error`);
      assert.equal(await box.getAttribute('role'), 'alert');
      const message = (await box.textContent()).replace(/\s+/g, ' ');
      assert.match(message, /HTTP 404/, `F's error: ${message}`);
      assert.match(message, /missing\.json/, `F's error names the file: ${message}`);
      assert.equal(await page.locator(`${F} [data-duty]`).count(), 0, 'F shows no duties');
    });
  });

  test('unknown options and a bad theme: a notice inside the widget, which still works', async () => {
    await withPage('article.html', async (page) => {
      const notice = page.locator(`${G} .rc .rc-notice`);
      const items = await notice.locator('li').allTextContents();
      assert.equal(items.length, 2, `two problems: ${JSON.stringify(items)}`);
      assert.match(items[0], /^data-colour: unknown option/);
      assert.equal(items[1], 'data-theme: expected auto, light, dark or inherit, got "neon"');
      assert.equal(await page.locator(`${G} .rc`).getAttribute('data-theme'), 'auto', 'the theme falls back to auto');

      const g = await readView(page, { within: G });
      assert.deepEqual(g.roles, ['cio', 'cto', 'cmo'], 'G shows the default roles');
      assert.ok(g.duties.length >= 24, `G shows duties (${g.duties.length})`);
      assertStatusMatchesDom(g, 'G: ');
      await toggle(page, 'focus:internal', { within: G });
      const after = await readView(page, { within: G });
      assert.ok(after.duties.length > 0 && after.duties.every((d) => d.focus === 'internal'), 'G filters');

      const notices = await page.$$eval('.rc-notice', (els) => els.map((e) => '#' + e.closest('[data-role-compare]').id));
      assert.deepEqual(notices, [G], 'only G has a notice');
    });
  });

  describe('a hostile global stylesheet', () => {
    for (const viewport of [DESKTOP, PHONE]) {
      test(`${viewport.width} px: columns keep their width, side by side or stacked at the widget's width, buttons and lists their form, nothing overflows the article column`, async () => {
        await withPage('hostile.html', async (page) => {
          const m = await page.evaluate(() => {
            const column = document.querySelector('.column');
            const cs = getComputedStyle(column);
            const outer = column.getBoundingClientRect();
            const box = {
              left: outer.left + parseFloat(cs.paddingLeft) + parseFloat(cs.borderLeftWidth),
              right: outer.right - parseFloat(cs.paddingRight) - parseFloat(cs.borderRightWidth),
            };
            const describe = (el) =>
              `${el.closest('[data-role-compare]')?.id} ${el.tagName.toLowerCase()}.${[...el.classList].join('.')}` +
              `${el.dataset.filter ? `[${el.dataset.filter}]` : ''}`;
            const widgets = [...document.querySelectorAll('[data-role-compare]')].map((host) => {
              const root = host.querySelector('.rc');
              const columns = [...root.querySelectorAll('[data-role]')].map((c) => {
                const r = c.getBoundingClientRect();
                return { role: c.dataset.role, x: r.x, y: r.y, width: r.width, float: getComputedStyle(c).float };
              });
              const grid = root.querySelector('.rc-columns').getBoundingClientRect();
              return { id: host.id, rootWidth: root.getBoundingClientRect().width, gridWidth: grid.width, columns };
            });
            // The column strip scrolls sideways when not every role fits: its columns may lie
            // past its edges (clipped), the strip itself may not.
            const overflow = [...document.querySelectorAll('.rc, .rc *')]
              .filter((el) => !el.closest('.rc-columns > *, .rc-rolebar > *'))
              .filter((el) => el.getClientRects().length > 0)
              .filter((el) => {
                const r = el.getBoundingClientRect();
                return r.right > box.right + 1 || r.left < box.left - 1;
              })
              .map((el) => {
                const r = el.getBoundingClientRect();
                return `${describe(el)} [${Math.round(r.left)}, ${Math.round(r.right)}]`;
              });
            const toggles = [...document.querySelectorAll('.rc .rc-toggle')].map((b) => {
              const s = getComputedStyle(b);
              return {
                what: describe(b),
                padding: parseFloat(s.paddingLeft) + parseFloat(s.paddingTop),
                border: parseFloat(s.borderTopWidth) + parseFloat(s.borderLeftWidth),
                display: s.display,
                cursor: s.cursor,
              };
            });
            const lists = [...document.querySelectorAll('.rc ul.rc-duties, .rc li.rc-duty')].map((el) => {
              const s = getComputedStyle(el);
              return { what: describe(el), display: s.display, listStyle: s.listStyleType };
            });
            const duties = [...document.querySelectorAll('.rc [data-duty]')].filter((d) => d.checkVisibility({ visibilityProperty: true })).map((d) => {
              const text = d.querySelector('.rc-duty-text');
              const s = getComputedStyle(text);
              const r = text.getBoundingClientRect();
              return {
                what: `${d.closest('[data-role-compare]').id} ${d.dataset.duty}`,
                height: d.getBoundingClientRect().height,
                words: text.textContent.trim().split(/\s+/).length,
                lines: Math.round(r.height / parseFloat(s.lineHeight)),
                ems: r.width / parseFloat(s.fontSize),
              };
            });
            return {
              box,
              widgets,
              overflow,
              toggles,
              lists,
              duties,
              scrollWidth: document.documentElement.scrollWidth,
              clientWidth: document.documentElement.clientWidth,
            };
          });

          assert.equal(m.widgets.length, 3);
          for (const w of m.widgets) {
            assert.ok(w.columns.length >= 1, `${w.id} has columns`);
            for (const c of w.columns) {
              assert.equal(c.float, 'none', `${w.id} ${c.role}: the column does not float`);
              assert.ok(c.width >= 120, `${w.id} ${c.role}: column ${Math.round(c.width)} px wide, at least 120 px expected`);
            }
            // Side by side in one strip (which scrolls when they do not all fit), never narrower
            // than 150 px; or, in a widget narrower than 35 em of its text (this page's text is
            // large), the roles' sections one under another at the strip's whole width. Never
            // two plus one.
            const side = w.columns.every((c) => Math.abs(c.y - w.columns[0].y) <= 2 && c.width >= 150);
            const stacked = w.columns.every((c, i) => Math.abs(c.width - w.gridWidth) <= 1 && (i === 0 || c.y > w.columns[i - 1].y));
            assert.ok(side || stacked, `${w.id}: the columns side by side or stacked: ${JSON.stringify(w.columns)} in ${Math.round(w.gridWidth)} px`);
          }
          for (const t of m.toggles) {
            assert.ok(t.padding > 0, `${t.what}: padding ${t.padding}`);
            assert.ok(t.border > 0, `${t.what}: border ${t.border}`);
            assert.notEqual(t.display, 'inline', `${t.what}: display ${t.display}`);
            assert.equal(t.cursor, 'pointer', `${t.what}: cursor`);
          }
          for (const l of m.lists) {
            assert.ok(!l.display.startsWith('inline'), `${l.what}: display ${l.display}`);
            assert.equal(l.listStyle, 'none', `${l.what}: list-style`);
          }
          const limit = viewport === DESKTOP ? 400 : 640;
          // Not one word a line: the text has room for a dozen characters or more a line, and
          // a sentence of six words or more takes fewer lines than three quarters of its words.
          for (const d of m.duties) {
            assert.ok(d.height < limit, `${d.what}: ${Math.round(d.height)} px tall, under ${limit} expected`);
            assert.ok(d.ems >= 8, `${d.what}: the text is ${d.ems.toFixed(1)} em wide`);
            if (d.words >= 6) assert.ok(d.lines <= Math.ceil(d.words * 0.75), `${d.what}: ${d.words} words on ${d.lines} lines`);
          }
          assert.deepEqual(m.overflow, [], `nothing of the widgets past the article column [${Math.round(m.box.left)}, ${Math.round(m.box.right)}]`);
          assert.ok(m.scrollWidth <= m.clientWidth, `no horizontal scrolling: scrollWidth ${m.scrollWidth} > clientWidth ${m.clientWidth}`);
        }, {
          viewport,
          ready: (page) =>
            Promise.all(
              ['#widget-all', '#widget-compact', '#widget-inherit'].map((w) =>
                page.locator(`${w} .rc-mount:not([data-prerendered]) [data-duty]`).first().waitFor({ state: 'attached', timeout: 15_000 }),
              ),
            ),
        });
      });
    }
  });

  test('the iframe follows its content height as the reader filters', async () => {
    await withPage('article.html', async (page) => {
      const iframe = page.locator('#frame');
      const frame = await (await iframe.elementHandle()).contentFrame();
      assert.equal(new URL(frame.url()).origin, widgetServer.origin, 'the frame comes from the widget origin');
      const measure = async () => ({
        attribute: Number(await iframe.getAttribute('height')),
        ...(await frame.evaluate(() => ({
          document: document.documentElement.getBoundingClientRect().height,
          scrollHeight: document.documentElement.scrollHeight,
          clientHeight: document.documentElement.clientHeight,
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }))),
      });
      const fits = (m) => Math.abs(m.attribute - m.document) <= 2;

      // The topics are behind "More filters": the reader opens it first (the frame grows).
      await openFilters(frame);
      const first = await eventually('the iframe height to match its document', measure, fits, { timeout: 10_000 });
      assert.notEqual(first.attribute, 300, 'the height attribute was set from the frame');
      assert.ok(first.scrollHeight <= first.clientHeight + 1, `no vertical scrollbar in the frame: ${JSON.stringify(first)}`);
      assert.ok(first.scrollWidth <= first.clientWidth, `no horizontal scrollbar in the frame: ${JSON.stringify(first)}`);

      await toggle(frame, 'topic:security');
      const filtered = await eventually(
        'the iframe height to follow the filtered content',
        measure,
        (m) => m.attribute !== first.attribute && fits(m),
        { timeout: 10_000 },
      );
      assert.ok(filtered.attribute < first.attribute, `fewer duties, shorter frame: ${first.attribute} → ${filtered.attribute}`);
      const view = await readView(frame);
      assert.deepEqual(pressedFilters(view), ['topic:security']);
      assert.ok(view.duties.length > 0, 'security duties show in the frame');
      assert.ok(filtered.scrollHeight <= filtered.clientHeight + 1, `no vertical scrollbar after filtering: ${JSON.stringify(filtered)}`);

      await frame.locator('.rc [data-filter="topic:security"]').click();
      const back = await eventually('the iframe to grow back', measure, (m) => m.attribute > filtered.attribute && fits(m), { timeout: 10_000 });
      assert.ok(Math.abs(back.attribute - first.attribute) <= 2, `back to the first height: ${first.attribute} vs ${back.attribute}`);
      assert.equal(await page.evaluate(() => location.hash), '', 'the frame does not touch the article link');
    });
  });

  test('the JS API mounts and unmounts widgets at runtime', async () => {
    await withPage('api.html', async (page) => {
      const mounted = await page.evaluate(async () => {
        const div = document.createElement('div');
        div.id = 'runtime';
        document.querySelector('#slot').append(div);
        const result = await window.RoleCompare.mount(div, { roles: 'cmo', focus: 'internal' });
        return { result: result ?? null, root: !!div.querySelector('.rc') };
      });
      assert.ok(mounted.root, 'the widget appears in the new element');
      const v = await readView(page, { within: '#runtime' });
      assert.deepEqual(v.roles, ['cmo']);
      assert.deepEqual(pressedFilters(v), ['focus:internal']);
      assert.ok(v.duties.length > 0 && v.duties.every((d) => d.role === 'cmo' && d.focus === 'internal'), 'internal CMO duties only');
      assert.equal(v.notice, null);
      assertStatusMatchesDom(v, 'runtime: ');

      const unmounted = await page.evaluate(() => {
        const div = document.querySelector('#runtime');
        const first = window.RoleCompare.unmount(div);
        const second = window.RoleCompare.unmount(div);
        return { first, second };
      });
      assert.deepEqual(unmounted, { first: true, second: false }, 'unmount() says true once, then false');
      // Yew takes the widget's DOM down on its scheduler, right after the call.
      await eventually(
        'the unmounted widget to leave the element',
        () => page.evaluate(() => document.querySelector('#runtime').childElementCount),
        (n) => n === 0,
      );

      // Custom content as an object, camelCase options, a list as an array.
      await page.evaluate(async () => {
        const div = document.createElement('div');
        div.id = 'custom';
        document.querySelector('#slot').append(div);
        await window.RoleCompare.mount(div, {
          headingLevel: 4,
          roles: ['desk', 'web'],
          content: {
            version: 1,
            sources: [{ id: 'memo', title: 'An internal memo' }],
            roles: [
              { id: 'web', title: 'Web' },
              { id: 'desk', title: 'Desk' },
            ],
            duties: [
              { id: 'web-cms', role: 'web', text: 'Runs the CMS.', focus: 'internal', line: 'bottom', topics: ['infrastructure'], source: 'memo' },
              { id: 'desk-news', role: 'desk', text: 'Chases the news.', focus: 'external', line: 'top', topics: ['strategy'], source: 'memo' },
            ],
          },
        });
      });
      const custom = await readView(page, { within: '#custom' });
      assert.deepEqual(custom.roles, ['desk', 'web'], 'the roles in the order asked for');
      assert.deepEqual(ids(custom), ['desk-news', 'web-cms']);
      assert.equal(custom.error, null);
      assert.equal(custom.notice, null);
      assert.equal(await page.locator('#custom .rc h4.rc-role-title').count(), 2, 'headingLevel: 4 gives h4 titles');
      await toggle(page, 'focus:external', { within: '#custom' });
      assert.deepEqual(ids(await readView(page, { within: '#custom' })), ['desk-news']);
    }, { ready: apiReady });
  });

  test('mountAll() mounts the elements added since, and leaves mounted widgets (and their filters) alone', async () => {
    await withPage('article.html', async (page) => {
      await toggle(page, 'line:top', { within: B });
      const b = snapshot(await readView(page, { within: B }));
      await page.evaluate(async () => {
        const late = document.createElement('div');
        late.id = 'widget-late';
        late.setAttribute('data-role-compare', '');
        late.dataset.roles = 'coo';
        document.querySelector('article').append(late);
        await window.RoleCompare.mountAll();
      });
      await page.locator('#widget-late .rc [data-role="coo"]').waitFor({ timeout: 15_000 });
      await nextFrames(page);
      assert.deepEqual(
        snapshot(await readView(page, { within: B })),
        b,
        "mountAll() keeps B as the reader left it (its doc: mounts every element \"not mounted yet\")",
      );
      const hosts = await hostsOf(page);
      assert.ok(hosts.every((h) => h.roots === 1), `one widget in each element: ${JSON.stringify(hosts)}`);
    });
  });

  test('mount() called twice at once on one element leaves one widget: the last asked for', async () => {
    await withPage('api.html', async (page) => {
      await page.evaluate(async () => {
        const div = document.createElement('div');
        div.id = 'twice';
        document.querySelector('#slot').append(div);
        await Promise.all([window.RoleCompare.mount(div, { roles: 'cmo' }), window.RoleCompare.mount(div, { roles: 'cio' })]);
      });
      await page.locator('#twice .rc-mount:not([data-prerendered]) [data-duty]').first().waitFor({ state: 'attached', timeout: 15_000 });
      await nextFrames(page);
      const twice = (await hostsOf(page)).find((h) => h.id === 'twice');
      assert.deepEqual(twice, { id: 'twice', roots: 1, roles: ['cio'] }, 'one widget, with the roles of the last call');
      assert.equal(await page.evaluate(() => window.RoleCompare.unmount(document.querySelector('#twice'))), true);
      await eventually(
        'unmount() to empty the element',
        () => page.evaluate(() => document.querySelector('#twice').childElementCount),
        (n) => n === 0,
      );
    }, { ready: apiReady });
  });

  test("the example article (dist/blog.html) loads its three widgets and its iframe", async () => {
    await withPage('', async (page) => {
      const hosts = await page.$$eval('[data-role-compare]', (els) => els.length);
      assert.equal(hosts, 3, 'three widgets');
      const all = await page.$$eval('[data-role-compare]', (els) =>
        els.map((el) => ({
          root: !!el.querySelector('.rc'),
          roles: [...el.querySelectorAll('.rc [data-role]')].map((c) => c.dataset.role),
          duties: el.querySelectorAll('.rc [data-duty]').length,
          error: !!el.querySelector('.rc-error, .rc-load-failed'),
          notice: !!el.querySelector('.rc-notice'),
        })),
      );
      assert.deepEqual(all.map((w) => w.roles), [['cio', 'cmo'], ['cio', 'cto'], ['editor', 'platform-lead']]);
      for (const w of all) {
        assert.ok(w.root && w.duties > 0 && !w.error && !w.notice, `every widget renders cleanly: ${JSON.stringify(all)}`);
      }
      for (let i = 1; i <= 3; i++) {
        assertStatusMatchesDom(await readView(page, { within: `article > div[data-role-compare]:nth-of-type(${i})` }), `widget ${i}: `);
      }

      // The frame is loading="lazy": bring it near the viewport, then wait for its widget.
      const iframe = page.locator('iframe[data-role-compare-frame]');
      await iframe.scrollIntoViewIfNeeded();
      const frame = page.frameLocator('iframe[data-role-compare-frame]');
      await frame.locator('.rc-mount:not([data-prerendered]) [data-duty]').first().waitFor({ state: 'attached', timeout: 15_000 });
      const frameView = await readView(await (await iframe.elementHandle()).contentFrame());
      assert.deepEqual(frameView.roles, ['cto', 'cmo']);
      assert.deepEqual(pressedFilters(frameView), ['line:top']);
      assert.ok(frameView.duties.every((d) => d.line === 'top'));
      await eventually(
        'the example iframe to be sized to its content',
        async () => ({
          attribute: Number(await iframe.getAttribute('height')),
          document: await (await (await iframe.elementHandle()).contentFrame()).evaluate(() => document.documentElement.getBoundingClientRect().height),
        }),
        (m) => Math.abs(m.attribute - m.document) <= 2,
        { timeout: 10_000 },
      );
    }, {
      url: `${widgetServer?.url ?? ''}blog.html`,
      // The first two widgets are pre-rendered into the article; each mounts as the reader nears it.
      ready: (page) => bringEachWidgetNear(page),
    });
  });
});
