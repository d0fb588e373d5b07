// End-to-end tests of the built site (dist/) in headless Chromium: what a reader sees and does.
// Run `make dist` first, then `node --test --test-concurrency=1 tests/e2e/`.
// One browser and one server for the file; every test opens its own context, and every test
// fails if the page logged a console error or threw an uncaught error.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from './support/server.mjs';
import { launch, openPage, waitForWidgetShell, describeErrors } from './support/browser.mjs';
import {
  readView,
  pressedFilters,
  parseStatus,
  assertStatusMatchesDom,
  waitForView,
  waitForPressed,
  waitForHash,
  waitForShown,
  toggle,
  openFilters,
  luminance,
} from './support/widget.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(process.env.RC_DIST_DIR || path.join(here, '..', '..', 'dist'));
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const STATUS_DEFAULT = /^(\d+) of (\d+) duties · CIO \d+ · CTO \d+ · CMO \d+$/;
const DEFAULT_ROLES = ['cio', 'cto', 'cmo'];

let server;
let browser;

/**
 * Opens the site at `fragment` in a fresh context, runs `body`, then asserts the page logged no
 * console error and threw no uncaught error, and closes the context whatever happened.
 */
async function withPage(fragment, body, { viewport = DESKTOP, colorScheme = 'light', waitForDuties = true } = {}) {
  const url = server.url + fragment;
  const { context, page, errors } = await openPage(browser, url, { viewport, colorScheme, waitForWidget: false });
  try {
    if (waitForDuties) await page.locator('.rc-mount:not([data-prerendered]) [data-duty]').first().waitFor({ state: 'attached', timeout: 15_000 });
    else await waitForWidgetShell(page);
    await body(page, errors);
    assert.deepEqual(errors, [], `the page at ${JSON.stringify(fragment || '/')} logged errors: ${describeErrors(errors)}`);
  } finally {
    await context.close();
  }
}

const ids = (view) => view.duties.map((d) => d.id);
// A duty's topics as its unfolded source names them ("Security, Data"), from the built-in
// content: a card builds its source's details only when a reader opens them.
const CONTENT = JSON.parse(readFileSync(path.join(here, '..', '..', 'content', 'roles.json'), 'utf8'));
const TOPIC_LABEL = new Map(CONTENT.topics.map((t) => [t.id, t.label]));
const topicsOf = (id) => CONTENT.duties.find((d) => d.id === id).topics.map((t) => TOPIC_LABEL.get(t)).join(', ');
const hashParams = (hash) => new URLSearchParams(hash.replace(/^#/, ''));

const BUILT = existsSync(path.join(DIST, 'index.html'));

// Without a build, one clear failure instead of every test cancelled.
if (!BUILT) {
  test('the site is built', () => {
    assert.fail(`${path.join(DIST, 'index.html')} is missing: run make dist first`);
  });
}

describe('role-compare widget (dist/)', { skip: !BUILT && 'dist/ is missing' }, () => {
  before(async () => {
    server = await serve(DIST);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('shows CIO, CTO and CMO side by side, each with its duties, and a status line that adds up', async () => {
    await withPage('', async (page) => {
      const view = await readView(page);
      assert.deepEqual(view.roles, DEFAULT_ROLES, 'the default columns');
      for (const role of ['ciso', 'coo']) {
        assert.equal(await page.locator(`.rc [data-role="${role}"]`).count(), 0, `no ${role} column by default`);
      }
      for (const role of DEFAULT_ROLES) {
        const n = view.duties.filter((d) => d.role === role).length;
        assert.ok(n >= 8, `the ${role} column should list at least 8 duties, lists ${n}`);
      }
      assert.match(view.status, STATUS_DEFAULT);
      const status = assertStatusMatchesDom(view);
      assert.equal(status.total, view.duties.length, 'with no filter, "N of M": N equals M');
      assert.deepEqual(pressedFilters(view), [], 'no filter pressed at first');
      assert.equal(view.hash, '', 'the plain page has no fragment');
      assert.equal(view.notice, null, 'no notice on the plain page');
    });
  });

  test('a focus filter narrows the duties, updates the other counts and the link', async () => {
    await withPage('', async (page) => {
      const all = await readView(page);
      await toggle(page, 'focus:internal');
      await waitForHash(page, '#focus=internal');
      const view = await readView(page);

      assert.equal(view.toggles['focus:internal'].pressed, 'true');
      assert.ok(view.duties.length > 0, 'some internal duties show');
      const notInternal = view.duties.filter((d) => d.focus !== 'internal').map((d) => d.id);
      assert.deepEqual(notInternal, [], 'only internal duties show');
      assert.deepEqual(
        ids(view),
        all.duties.filter((d) => d.focus === 'internal').map((d) => d.id),
        'every internal duty shows',
      );
      const status = assertStatusMatchesDom(view);
      assert.ok(status.shown < parseStatus(all.status).shown, `fewer duties than before (${view.status} vs ${all.status})`);

      for (const line of ['top', 'bottom']) {
        const visible = view.duties.filter((d) => d.line === line).length;
        assert.equal(view.toggles[`line:${line}`].count, visible, `the line:${line} button's count vs visible ${line}-line duties`);
      }
      assert.notEqual(view.toggles['line:top'].count, all.toggles['line:top'].count, 'the line:top count changed');
      assert.equal(view.toggles['focus:internal'].count, view.duties.length, 'the pressed button counts what shows');
      assert.equal(view.hash, '#focus=internal');
    });
  });

  test('opening a link with #focus=internal&line=bottom restores that view', async () => {
    await withPage('#focus=internal&line=bottom', async (page) => {
      const view = await readView(page);
      assert.deepEqual(pressedFilters(view), ['focus:internal', 'line:bottom']);
      assert.ok(view.duties.length > 0, 'some internal bottom-line duties show');
      const others = view.duties.filter((d) => d.focus !== 'internal' || d.line !== 'bottom').map((d) => d.id);
      assert.deepEqual(others, [], 'only internal, bottom-line duties show');
      assertStatusMatchesDom(view);
      assert.equal(view.notice, null, 'a valid link raises no notice');
      assert.equal(view.hash, '#focus=internal&line=bottom', 'the link is left as it was');
    });
  });

  test('opening a link with #topic=security shows only the security duties', async () => {
    let expected;
    await withPage('', async (page) => {
      expected = (await readView(page)).duties.filter((d) => /\bSecurity\b/.test(topicsOf(d.id))).map((d) => d.id);
    });
    assert.ok(expected.length > 0, 'the content has security duties');
    await withPage('#topic=security', async (page) => {
      await openFilters(page);
      const view = await readView(page);
      assert.deepEqual(pressedFilters(view), ['topic:security']);
      assert.deepEqual(ids(view), expected, 'exactly the duties tagged Security show');
      assert.equal(view.toggles['topic:security'].count, expected.length, "the topic button's count");
      assert.equal(assertStatusMatchesDom(view).shown, expected.length);
    });
  });

  test('values of one facet add up (OR), facets narrow each other (AND)', async () => {
    await withPage('', async (page) => {
      const all = await readView(page);
      await toggle(page, 'focus:internal');
      await toggle(page, 'focus:external');
      await waitForShown(page, all.duties.length);
      let view = await readView(page);
      assert.deepEqual(pressedFilters(view), ['focus:external', 'focus:internal']);
      assert.deepEqual(ids(view), ids(all), 'internal OR external: every duty');
      assertStatusMatchesDom(view);

      await toggle(page, 'line:top');
      const top = all.duties.filter((d) => d.line === 'top');
      await waitForShown(page, top.length);
      view = await readView(page);
      assert.deepEqual(ids(view), top.map((d) => d.id), '(internal OR external) AND top: the top-line duties');
      assertStatusMatchesDom(view);
      const hash = hashParams(view.hash);
      assert.deepEqual(hash.get('focus')?.split(',').sort(), ['external', 'internal'], `focus in ${view.hash}`);
      assert.equal(hash.get('line'), 'top', `line in ${view.hash}`);
    });
  });

  test('text search is case- and accent-insensitive and goes into the link', async () => {
    await withPage('', async (page) => {
      const all = await readView(page);
      const search = page.locator('.rc input[type="search"]');
      // What a reader reads as the duty: its sentence and its topic tags.
      const matching = (word) =>
        all.duties.filter((d) => `${d.sentence} ${topicsOf(d.id)}`.toLowerCase().includes(word)).map((d) => d.id);

      const vendor = matching('vendor');
      assert.ok(vendor.length > 0 && vendor.length < all.duties.length, 'the content mentions vendors in some duties');
      await search.pressSequentially('vendor');
      await waitForShown(page, vendor.length);
      await waitForView(page, 'the link to carry q=vendor', `location.hash.includes('q=vendor')`);
      let view = await readView(page);
      assert.equal(view.search, 'vendor', 'the field keeps every typed letter');
      assert.deepEqual(ids(view), vendor, 'exactly the duties that mention "vendor"');
      assertStatusMatchesDom(view);

      await search.fill('VENDOR');
      await waitForView(page, 'the link to carry q=VENDOR', `/q=vendor/i.test(location.hash) && location.hash.includes('VENDOR')`);
      view = await readView(page);
      assert.deepEqual(ids(view), vendor, '"VENDOR" finds what "vendor" finds');

      await search.fill('security');
      const security = matching('security');
      assert.ok(security.length > 0, 'the content mentions security');
      await waitForShown(page, security.length);
      view = await readView(page);
      assert.deepEqual(ids(view), security, '"security" finds the duties that mention it');

      await search.fill('');
      await waitForShown(page, all.duties.length);
      await search.pressSequentially('secúrity');
      await waitForView(page, 'the link to carry the accented search', `location.hash.startsWith('#q=sec')`);
      await waitForShown(page, security.length);
      view = await readView(page);
      assert.equal(view.search, 'secúrity');
      assert.deepEqual(ids(view), security, '"secúrity" finds what "security" finds');
      assert.equal(decodeURIComponent(hashParams(view.hash).get('q') ?? ''), 'secúrity', `the link keeps the accent: ${view.hash}`);
    });
  });

  test('Back and Forward step through filter changes', async () => {
    await withPage('', async (page) => {
      const all = await readView(page);
      await toggle(page, 'focus:internal');
      await waitForHash(page, '#focus=internal');
      await toggle(page, 'line:bottom');
      await waitForHash(page, '#focus=internal&line=bottom');

      await page.goBack();
      await waitForPressed(page, 'line:bottom', false);
      let view = await readView(page);
      assert.deepEqual(pressedFilters(view), ['focus:internal'], 'one Back: only focus:internal pressed');
      assert.equal(view.hash, '#focus=internal');
      assert.ok(view.duties.length > 0 && view.duties.every((d) => d.focus === 'internal'), `internal duties: ${view.status}`);
      assertStatusMatchesDom(view);

      await page.goBack();
      await waitForPressed(page, 'focus:internal', false);
      await waitForShown(page, all.duties.length);
      view = await readView(page);
      assert.deepEqual(pressedFilters(view), [], 'two Backs: nothing pressed');
      assert.deepEqual(ids(view), ids(all), 'two Backs: every duty');
      assert.equal(view.hash, '');

      await page.goForward();
      await waitForPressed(page, 'focus:internal', true);
      view = await readView(page);
      assert.deepEqual(pressedFilters(view), ['focus:internal'], 'Forward: focus:internal pressed again');
      assert.equal(view.hash, '#focus=internal');
      assertStatusMatchesDom(view);
    });
  });

  describe('links it cannot (fully) use leave a working widget', () => {
    const cases = [
      { fragment: '#%%%garbage' },
      { fragment: '#focus=sideways', notice: 'sideways' },
      { fragment: '#focus=internal&topic=%E0%A4%A', pressed: ['focus:internal'], notice: 'topic' },
      { fragment: '#q=' + 'x'.repeat(5000) },
      { fragment: '#section-2', keepsHash: true },
    ];
    for (const c of cases) {
      const name = c.fragment.length > 40 ? c.fragment.slice(0, 12) + `… (${c.fragment.length} characters)` : c.fragment;
      test(name, async () => {
        await withPage(c.fragment, async (page) => {
          const view = await readView(page);
          assert.ok(view.hasRoot, 'the widget shows');
          assert.deepEqual(view.roles, DEFAULT_ROLES, 'the three columns show');
          assert.ok(view.duties.length > 0, 'duties show');
          assert.ok(view.status, 'the status line shows');
          assertStatusMatchesDom(view);
          assert.deepEqual(pressedFilters(view), c.pressed ?? [], 'what the link could set, and nothing else');
          if (c.notice) {
            assert.ok(view.notice?.includes(c.notice), `a notice mentions ${JSON.stringify(c.notice)}; notice: ${JSON.stringify(view.notice)}`);
          }
          if (c.keepsHash) {
            assert.equal(view.notice, null, "a host page's anchor is not the widget's business");
            assert.equal(view.hash, c.fragment, "the widget leaves a host page's anchor alone");
          }
        });
      });
    }

    test('#roles=nobody', async () => {
      await withPage('#roles=nobody', async (page) => {
        const view = await readView(page);
        assert.ok(view.hasRoot, 'the widget shows');
        assert.ok(view.status, 'the status line shows');
        assert.ok(view.notice?.includes('nobody'), `a notice mentions "nobody"; notice: ${JSON.stringify(view.notice)}`);
        // No such role exists, so no column need show; but the reader must be able to get one back.
        if (view.roles.length === 0) {
          assert.match(view.status, /role/i, 'the status line says to choose a role');
          await toggle(page, 'roles:cio');
          await page.locator('.rc [data-role="cio"]').waitFor();
          const after = await readView(page);
          assert.deepEqual(after.roles, ['cio']);
          assert.ok(after.duties.length > 0, 'the CIO duties show');
          assertStatusMatchesDom(after);
        } else {
          assert.ok(view.duties.length > 0, 'duties show');
          assertStatusMatchesDom(view);
        }
      }, { waitForDuties: false });
    });
  });

  test('role toggles add and remove columns, and the link says which', async () => {
    await withPage('', async (page) => {
      await toggle(page, 'roles:ciso');
      await page.locator('.rc [data-role="ciso"]').waitFor();
      let view = await readView(page);
      assert.deepEqual(view.roles, ['cio', 'cto', 'cmo', 'ciso'], 'a CISO column joins the others');
      assert.ok(view.duties.some((d) => d.role === 'ciso'), 'the CISO column lists duties');
      assertStatusMatchesDom(view);
      assert.deepEqual(hashParams(view.hash).get('roles')?.split(',').sort(), ['cio', 'ciso', 'cmo', 'cto'], `roles in ${view.hash}`);

      await toggle(page, 'roles:cio');
      await page.locator('.rc [data-role="cio"]').waitFor({ state: 'detached' });
      await waitForView(page, 'the link to drop cio', `!/[=,]cio(,|&|$)/.test(location.hash)`);
      view = await readView(page);
      assert.deepEqual(view.roles, ['cto', 'cmo', 'ciso'], 'the CIO column is gone');
      assert.ok(view.duties.length > 0 && view.duties.every((d) => d.role !== 'cio'), `the other roles' duties: ${view.status}`);
      assertStatusMatchesDom(view);
      assert.deepEqual(hashParams(view.hash).get('roles')?.split(',').sort(), ['ciso', 'cmo', 'cto'], `roles in ${view.hash}`);
    });
  });

  test('"Clear filters" clears every filter and the search but keeps the roles', async () => {
    await withPage('', async (page) => {
      const all = await readView(page);
      const clear = page.locator('.rc button[data-action="clear"]');
      assert.equal(await clear.count(), 0, 'nothing to clear at first: no button');

      await toggle(page, 'focus:external');
      await toggle(page, 'topic:strategy');
      await page.locator('.rc input[type="search"]').fill('customers');
      await waitForView(page, 'the link to carry q=customers', `location.hash.includes('q=customers')`);
      assert.ok((await readView(page)).duties.length < all.duties.length, 'the filters narrowed the duties');

      await clear.click();
      await waitForShown(page, all.duties.length);
      await waitForHash(page, '');
      const view = await readView(page);
      assert.deepEqual(pressedFilters(view), [], 'no filter pressed');
      assert.deepEqual(
        view.pressed.filter((f) => f.startsWith('roles:')).sort(),
        ['roles:cio', 'roles:cmo', 'roles:cto'],
        'the role toggles are kept',
      );
      assert.equal(view.search, '', 'the search field is empty');
      assert.deepEqual(ids(view), ids(all), 'every duty is back');
      assert.equal(view.hash, '');
      assert.equal(await clear.count(), 0, 'nothing left to clear');
      assertStatusMatchesDom(view);
    });
  });

  test('a search that matches nothing says so and what to loosen', async () => {
    await withPage('#q=zzzzzz', async (page) => {
      const view = await readView(page);
      assert.equal(view.duties.length, 0);
      assert.ok(view.empty, 'an .rc-empty message shows');
      assert.match(view.empty, /search/i, `the message names the search: ${view.empty}`);
      assert.match(view.empty, /zzzzzz/, `the message quotes the search: ${view.empty}`);
      assert.match(view.empty, /try|remov|loosen|clear/i, `the message suggests what to loosen: ${view.empty}`);
      assert.match(view.status, /^0 of \d+ duties/, `status: ${view.status}`);
      assert.equal(view.search, 'zzzzzz', 'the search field shows the text from the link');
      assertStatusMatchesDom(view);
    }, { waitForDuties: false });
  });

  describe('layout', () => {
    const columnBoxes = (page) =>
      page.$$eval('.rc [data-role]', (cols) =>
        cols.map((c) => {
          const r = c.getBoundingClientRect();
          return { role: c.dataset.role, x: r.x, y: r.y, width: r.width };
        }),
      );

    test('on a phone (375 px) the roles\' sections stack at the widget\'s width, in order, each showing its first three duties; the page does not scroll sideways', async () => {
      await withPage('', async (page) => {
        const { scrollWidth, clientWidth, wide } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          wide: [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .slice(0, 5)
            .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`),
        }));
        assert.ok(scrollWidth <= clientWidth, `no horizontal scrolling: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}; too wide: ${wide.join(', ')}`);
        assert.deepEqual(wide, [], 'nothing reaches past the viewport');
        const boxes = await columnBoxes(page);
        assert.deepEqual(boxes.map((b) => b.role), DEFAULT_ROLES);
        const strip = await page.locator('.rc .rc-columns').boundingBox();
        // Each section is a grid item of the strip at its full width: the same layout value,
        // so equal but for the rounding of the boxes to layout units (1/64 px).
        for (const b of boxes) assert.ok(Math.abs(b.width - strip.width) <= 1 / 64 && Math.abs(b.x - strip.x) <= 1 / 64, `${b.role}: as wide as the strip: ${JSON.stringify({ strip, boxes })}`);
        for (let i = 1; i < boxes.length; i++) assert.ok(boxes[i].y > boxes[i - 1].y, `the sections run top to bottom: ${JSON.stringify(boxes)}`);
        for (const role of DEFAULT_ROLES) {
          assert.equal(await page.locator(`.rc [data-role="${role}"] [data-duty]:visible`).count(), 3, `${role}: its first three duties`);
          assert.equal(await page.locator(`.rc [data-role="${role}"] > .rc-role-title`).isVisible(), true, `${role}: its section names it`);
        }
        assert.equal(await page.locator('.rc .rc-rolebar').isVisible(), false, 'no role bar: each section names its role');
      }, { viewport: PHONE });
    });

    test('on a phone the roles, focus and line stay in view; "More filters" holds the topics, the overlap, the map and the layout; the result line shows once filters are in use', async () => {
      await withPage('', async (page) => {
        const button = page.locator('.rc [data-action="filters"]');
        const status = page.locator('.rc [role="status"]');
        for (const filter of ['roles:cio', 'roles:coo', 'focus:internal', 'line:bottom']) {
          assert.equal(await page.locator(`.rc [data-filter="${filter}"]`).isVisible(), true, `${filter} in view`);
        }
        assert.match(await button.innerText(), /^More filters/);
        // Visually hidden, still there for screen readers (a live region must exist already).
        const seen = () => status.evaluate((el) => el.getBoundingClientRect().height > 1);
        assert.equal(await seen(), false, 'no result line without filters: the sections count their duties');
        assert.equal(await page.locator('.rc [data-layout="topics"]').isVisible(), false, 'the layout switch waits with "More filters"');
        await button.click();
        assert.equal(await button.getAttribute('aria-expanded'), 'true');
        await page.locator('.rc .rc-more-panel').waitFor({ state: 'visible' });
        assert.equal(await page.locator('.rc [data-layout="topics"]').isVisible(), true, 'the layout switch with the panel');
        await toggle(page, 'topic:security');
        assert.match(await button.innerText(), /^More filters\s*1\s*active/, 'a topic counts on the button');
        await button.click();
        await page.locator('.rc .rc-more-panel').waitFor({ state: 'detached' });
        // Filters in use: the result line, with the chips that name them and "Clear filters".
        await page.waitForFunction(() => document.querySelector('.rc [role="status"]').getBoundingClientRect().height > 1);
        assert.deepEqual(await page.locator('.rc [data-remove]').evaluateAll((els) => els.map((e) => e.dataset.remove)), ['topic:security']);
        assert.equal(await page.locator('.rc [data-action="clear"]').isVisible(), true);
      }, { viewport: PHONE });
    });

    test('a widget that narrows to phone size with the focus on a toggle keeps that toggle and the focus', async () => {
      await withPage('', async (page) => {
        const internal = page.locator('.rc [data-filter="focus:internal"]');
        await internal.focus();
        await page.setViewportSize(PHONE);
        await page.locator('.rc .rc-rolebar').waitFor({ state: 'hidden' });
        assert.equal(await internal.isVisible(), true, 'the toggle holding the focus stays');
        assert.equal(await page.evaluate(() => document.activeElement?.dataset.filter), 'focus:internal', 'and keeps the focus');
        await page.keyboard.press('Space');
        await waitForPressed(page, 'focus:internal', true);
      }, { viewport: DESKTOP });
    });

    test('on a desktop the toolbar shows the roles, focus and line, and "More filters" the rest', async () => {
      await withPage('', async (page) => {
        const button = page.locator('.rc [data-action="filters"]');
        assert.equal(await button.isVisible(), true);
        assert.match(await button.innerText(), /^More filters/);
        for (const filter of ['roles:cio', 'roles:ciso', 'focus:external', 'line:bottom']) {
          assert.equal(await page.locator(`.rc [data-filter="${filter}"]`).isVisible(), true, filter);
        }
        assert.equal(await page.locator('.rc [data-filter^="topic:"]').count(), 0, 'topics wait behind More filters');
        await button.click();
        assert.equal(await page.locator('.rc [data-filter="topic:vendors"]').isVisible(), true);
        assert.equal(await page.locator('.rc [data-cell]').count(), 4, 'the focus map');
      }, { viewport: DESKTOP });
    });

    test('on a desktop (1280 px) the columns sit side by side', async () => {
      await withPage('', async (page) => {
        const boxes = await columnBoxes(page);
        assert.equal(boxes.length, 3);
        for (const b of boxes.slice(1)) {
          assert.ok(Math.abs(b.y - boxes[0].y) <= 2, `columns share a top edge: ${JSON.stringify(boxes)}`);
        }
        for (let i = 1; i < boxes.length; i++) {
          assert.ok(boxes[i].x > boxes[i - 1].x + boxes[i - 1].width / 2, `columns run left to right: ${JSON.stringify(boxes)}`);
        }
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        assert.ok(scrollWidth <= clientWidth, `no horizontal scrolling: ${scrollWidth} > ${clientWidth}`);
      }, { viewport: DESKTOP });
    });
  });

  describe('theme follows the reader\'s colour scheme', () => {
    for (const scheme of ['dark', 'light']) {
      test(`${scheme}: the widget has a ${scheme} background`, async () => {
        await withPage('', async (page) => {
          const bg = await page.locator('.rc').first().evaluate((el) => getComputedStyle(el).backgroundColor);
          const lum = luminance(bg);
          assert.notEqual(lum, null, `background-color should be an rgb() colour, got ${bg}`);
          if (scheme === 'dark') assert.ok(lum < 0.2, `dark background expected, got ${bg} (luminance ${lum.toFixed(3)})`);
          else assert.ok(lum > 0.8, `light background expected, got ${bg} (luminance ${lum.toFixed(3)})`);
        }, { colorScheme: scheme });
      });
    }
  });

  describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
    const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

    async function audit(page) {
      await page.addScriptTag({ path: AXE_PATH });
      return page.evaluate(async (values) => {
        // eslint-disable-next-line no-undef
        const result = await axe.run(document.querySelector('.rc'), { runOnly: { type: 'tag', values } });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.length,
          targets: v.nodes.slice(0, 4).map((n) => n.target.join(' ')),
          summary: v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ').trim() ?? '',
        }));
      }, TAGS);
    }

    const describeViolations = (vs) =>
      vs
        .map((v) => `- ${v.id} (${v.impact}): ${v.help} [${v.nodes} node(s)] e.g. ${v.targets.join(' | ')}\n    ${v.summary}`)
        .join('\n');

    const views = [
      { name: 'the plain page', fragment: '' },
      // Pressed toggles, a notice and the count badges of a filtered view have their own colours.
      { name: 'a filtered view with a notice', fragment: '#focus=internal&topic=security,bogus' },
    ];
    for (const view of views) {
      for (const colorScheme of ['light', 'dark']) {
        for (const viewport of [PHONE, DESKTOP]) {
          if (view.fragment && viewport === PHONE) continue;
          test(`${view.name}, ${colorScheme}, ${viewport.width} px: no violations`, async () => {
            await withPage(view.fragment, async (page) => {
              const violations = await audit(page);
              assert.equal(
                violations.length,
                0,
                `${violations.length} axe violation(s) in ${colorScheme} at ${viewport.width} px:\n${describeViolations(violations)}`,
              );
            }, { colorScheme, viewport });
          });
        }
      }
    }
  });
});
