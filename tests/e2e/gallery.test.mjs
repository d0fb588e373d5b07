// The theme gallery: the widget embedded in host pages that reproduce common article layouts and
// themes (tests/e2e/hosts/gallery/), in headless Chromium, cross-origin as on a real blog (dist/
// on one port, the pages on another, which write the widget's origin for {{WIDGET_ORIGIN}}):
//   narrow.html   a 640 px column; light or dark by the reader's system setting
//   article.html  a 720 px column; a toggle puts class="dark" on body; article rules of
//                 specificity (0,2,1) for every element the widget uses, and global rules
//                 (`* { box-sizing: content-box }`, `button { all: unset }`, floats, justified
//                 text, line-height 1.9, text-indent)
//   wide.html     a 1100 px container; data-bs-theme="dark|light" on html (Bootstrap 5.3);
//                 three widgets with data-theme="inherit", two in coloured boxes
//   phone.html    a phone-first 30rem column with an 18 px root font; data-theme on html
//   casper.html   html { font-size: 62.5% } (1rem = 10 px), 20 px article text in a 720 px
//                 column, dark mode by a class on html (a blogging platform's default theme)
// Each at 1280 and 390 px, in the host's light and its dark mode (the reader's own setting the
// opposite, where the host switches by itself, so the test sees the host win), for: the roles
// side by side (all three where they fit, else a strip with the next column peeking in), never
// two plus one, no sideways scroll of the page, the widget's colours following the host's mode
// with AA contrast (axe-core), duty cards of the size they have on the widget's own page, and
// the reader's first screen (issue 15): with the widget's top at the top of the viewport, the
// controls above the duties take at most a quarter of a desktop screen and a fifth of a phone's,
// three whole duty cards of each role in view on a desktop (four cards on a phone), every role
// in view named, the names still in view after scrolling down the columns, and duty text at
// 0.8 to 1.0 times the article's own text, never under 14 px.
// Run `make dist` first, then `node --test --test-concurrency=1 tests/e2e/gallery.test.mjs`.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve, widgetOriginIn } from './support/server.mjs';
import { launch, openPage, describeErrors, waitForStill } from './support/browser.mjs';
import { luminance, toggle } from './support/widget.mjs';
import { assertPhoneScreen } from './support/phone-screen.mjs';
import { assertFirstScreen, EDGE_SLACK } from './support/first-screen.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(process.env.RC_DIST_DIR || path.join(here, '..', '..', 'dist'));
const GALLERY = path.join(here, 'hosts', 'gallery');
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const ROLES = ['cio', 'cto', 'cmo'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The gallery's pages. `setMode(page, mode)` switches the host page to 'light' or 'dark' the way
 * its theme does; null for a page that follows the reader's system setting (the test then
 * opens it with that setting).
 */
const PAGES = [
  { name: 'narrow', file: 'narrow.html', what: 'a narrow 640 px column', setMode: null },
  {
    name: 'article',
    file: 'article.html',
    what: 'a 720 px article column with a class-based dark toggle',
    setMode: async (page, mode) => {
      const dark = await page.evaluate(() => document.body.classList.contains('dark'));
      if (dark !== (mode === 'dark')) await page.locator('[data-theme-toggle]').click();
      // The theme fades its colours over 0.2 s (whatever the reader's motion setting).
      await waitForStill(page);
    },
  },
  {
    name: 'wide',
    file: 'wide.html',
    what: 'a wide 1100 px layout with data-bs-theme',
    setMode: (page, mode) => page.evaluate((m) => document.documentElement.setAttribute('data-bs-theme', m), mode),
  },
  {
    name: 'phone',
    file: 'phone.html',
    what: 'a phone-first theme with data-theme on html',
    setMode: (page, mode) => page.evaluate((m) => document.documentElement.setAttribute('data-theme', m), mode),
  },
  {
    name: 'casper',
    file: 'casper.html',
    what: 'a 62.5 % root theme with 20 px article text and a dark-mode class on html',
    setMode: (page, mode) => page.evaluate((m) => document.documentElement.classList.toggle('dark-mode', m === 'dark'), mode),
  },
];

let widgetServer;
let blogServer;
let browser;

/** Opens a gallery page, waits for every widget on it, runs `body`, fails on any page error. */
async function withGalleryPage(file, body, { viewport = DESKTOP, colorScheme = 'light' } = {}) {
  const url = blogServer.url + file;
  const { context, page, errors } = await openPage(browser, url, { viewport, colorScheme, waitForWidget: false });
  try {
    await page.waitForFunction(
      () => {
        const hosts = [...document.querySelectorAll('[data-role-compare]')];
        return hosts.length > 0 && hosts.every((h) => h.querySelector('.rc [data-duty]'));
      },
      undefined,
      { timeout: 15_000 },
    );
    await body(page, errors);
    assert.deepEqual(errors, [], `${url} logged errors: ${describeErrors(errors)}`);
  } finally {
    await context.close();
  }
}

/** Waits until the widget in `host` has the colour scheme `mode` (its background says so). */
function waitForScheme(page, host, mode) {
  return page.waitForFunction(
    ([host, mode]) => {
      const root = document.querySelector(`${host} .rc`);
      const m = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)/.exec(getComputedStyle(root).backgroundColor);
      if (!m) return false;
      const dark = (Number(m[1]) + Number(m[2]) + Number(m[3])) / 3 < 128;
      return document.querySelector(host).getAttribute('data-rc-scheme') === mode && dark === (mode === 'dark');
    },
    [host, mode],
    { timeout: 5_000, polling: 'raf' },
  );
}

/**
 * Everything the layout assertions need about the widget in `host`, read in one round trip:
 * the widget's width (px, and em of its own text), its columns and their strip, the page's
 * sideways overflow, its colours, and every duty card's size.
 */
function measure(page, host = '#widget') {
  return page.evaluate((host) => {
    const root = document.querySelector(`${host} .rc`);
    const cs = getComputedStyle(root);
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    // The widget's sizes are in em of its own text, which follows the host's text around it.
    const em = parseFloat(cs.fontSize);
    const hostFont = parseFloat(getComputedStyle(root.closest('[data-role-compare]')).fontSize);
    const strip = root.querySelector('.rc-columns');
    const s = strip.getBoundingClientRect();
    const columns = [...strip.children].map((c) => {
      const r = c.getBoundingClientRect();
      return { role: c.dataset.role, left: r.left, right: r.right, top: r.top, width: r.width };
    });
    const contentWidth = root.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    return {
      rem,
      em,
      hostFont,
      width: root.getBoundingClientRect().width,
      contentEm: contentWidth / em,
      strip: { left: s.left, right: s.right, scrollWidth: strip.scrollWidth, clientWidth: strip.clientWidth, tabIndex: strip.tabIndex },
      columns,
      page: { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth },
      background: cs.backgroundColor,
      color: cs.color,
      notice: root.querySelector('.rc-notice')?.textContent ?? null,
      cards: [...root.querySelectorAll('[data-duty]')].map((d) => {
        const r = d.getBoundingClientRect();
        return { id: d.dataset.duty, width: r.width, height: r.height };
      }),
    };
  }, host);
}

const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

/**
 * The layout promises: the three roles in order. In a widget of 35em or more, side by side (tops
 * within 2 px, lefts increasing: never two plus one), all three whole, nothing to scroll. In a
 * narrower one (a phone, a narrow column), the phone layout: the roles' sections one under
 * another, each as wide as the strip. The page never scrolls sideways. Returns how many
 * columns are fully visible side by side (0 in the phone layout).
 */
async function assertLayout(page, m, where) {
  assert.deepEqual(m.columns.map((c) => c.role), ROLES, `${where}: the CIO, CTO and CMO columns in order`);
  assert.ok(m.page.scrollWidth <= m.page.clientWidth, `${where}: the page does not scroll sideways (${m.page.scrollWidth} > ${m.page.clientWidth})`);
  if (m.contentEm < 35) {
    const strip = m.strip.right - m.strip.left;
    for (let i = 0; i < m.columns.length; i++) {
      const c = m.columns[i];
      assert.ok(Math.abs(c.width - strip) <= 1, `${where}: a ${m.contentEm.toFixed(1)}em widget stacks the roles at its width: ${JSON.stringify(m.columns)}`);
      if (i > 0) assert.ok(c.top > m.columns[i - 1].top, `${where}: the sections run top to bottom: ${JSON.stringify(m.columns)}`);
    }
    assert.ok(m.strip.scrollWidth <= m.strip.clientWidth, `${where}: nothing scrolls sideways in the phone layout`);
    return 0;
  }
  for (const c of m.columns) {
    assert.ok(Math.abs(c.top - m.columns[0].top) <= 2, `${where}: the column tops line up (never two plus one): ${JSON.stringify(m.columns)}`);
  }
  for (let i = 1; i < m.columns.length; i++) {
    assert.ok(m.columns[i].left > m.columns[i - 1].right - 1, `${where}: the columns run left to right: ${JSON.stringify(m.columns)}`);
  }
  // Whole in the strip's visible box, within the pixel that scroll offsets round to.
  const visible = m.columns.filter((c) => c.left >= m.strip.left - EDGE_SLACK && c.right <= m.strip.right + EDGE_SLACK);
  assert.equal(visible.length, 3, `${where}: a ${Math.round(m.width)} px widget (${m.contentEm.toFixed(1)}em) shows all three roles side by side`);
  assert.ok(m.strip.scrollWidth <= m.strip.clientWidth, `${where}: nothing to scroll when all roles fit`);
  return visible.length;
}

/** axe-core's WCAG 2.2 AA rules on the widget in `host`; returns readable violations. */
async function audit(page, host) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(
    async ([host, values]) => {
      // eslint-disable-next-line no-undef
      const result = await axe.run(document.querySelector(`${host} .rc`), { runOnly: { type: 'tag', values } });
      return result.violations.map(
        (v) => `${v.id}: ${v.help} [${v.nodes.length}] e.g. ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')} ${v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
      );
    },
    [host, AXE_TAGS],
  );
}

/**
 * The same duties on the widget's own page (dist/index.html), in a widget as wide as in the
 * gallery page (its layout follows its width) with the same text around it, each card given the
 * width it has there: their heights there.
 */
async function referenceHeights(cards, { width, hostFont, colorScheme }) {
  const { context, page } = await openPage(browser, widgetServer.url, { viewport: DESKTOP, colorScheme });
  try {
    const css = [`[data-role-compare-page] { font-size: ${hostFont}px !important; width: ${width}px !important; }`]
      .concat(cards.map((c) => `.rc [data-duty="${c.id}"] { width: ${c.width}px !important; justify-self: start !important; }`))
      .join('\n');
    await page.addStyleTag({ content: css });
    return await page.evaluate(
      (ids) => Object.fromEntries(ids.map((id) => [id, document.querySelector(`.rc [data-duty="${id}"]`)?.getBoundingClientRect().height ?? null])),
      cards.map((c) => c.id),
    );
  } finally {
    await context.close();
  }
}

async function assertCardsAsAtHome(m, colorScheme, where) {
  assert.ok(m.cards.length >= 20, `${where}: the widget shows its duties (${m.cards.length})`);
  const home = await referenceHeights(m.cards, { width: m.width, hostFont: m.hostFont, colorScheme });
  // The same sentence in the same font at the same width wraps the same way, so the two heights
  // agree to Chromium's layout unit (1/64 px); what a reader would see differ is a line more or
  // less (1.45em, about 24 px). Within a pixel (EDGE_SLACK) is the same card.
  const off = m.cards
    .filter((c) => home[c.id] === null || Math.abs(c.height - home[c.id]) > EDGE_SLACK)
    .map((c) => `${c.id}: ${c.width.toFixed(1)} px wide, ${c.height.toFixed(1)} px high here, ${home[c.id]?.toFixed(1)} on the widget's page`);
  assert.deepEqual(off, [], `${where}: duty cards as high as on the widget's own page at the same width`);
}

const BUILT = existsSync(path.join(DIST, 'embed.js'));

if (!BUILT) {
  test('the site is built', () => {
    assert.fail(`${path.join(DIST, 'embed.js')} is missing: run make dist first`);
  });
}

describe('theme gallery (tests/e2e/hosts/gallery/)', { skip: !BUILT && 'dist/ is missing' }, () => {
  before(async () => {
    widgetServer = await serve(DIST, { cors: true });
    blogServer = await serve(GALLERY, { transform: widgetOriginIn(widgetServer.origin) });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await blogServer?.close();
    await widgetServer?.close();
  });

  for (const g of PAGES) {
    for (const viewport of [DESKTOP, PHONE]) {
      for (const mode of ['light', 'dark']) {
        // A page that switches by itself is opened with the reader's setting the other way.
        const colorScheme = g.setMode ? (mode === 'dark' ? 'light' : 'dark') : mode;
        test(`${g.name} (${g.what}), ${viewport.width} px, the host's ${mode} mode: the layout for its width, colours of the host, cards as at home`, async () => {
          await withGalleryPage(g.file, async (page) => {
            const where = `${g.file} ${viewport.width} px ${mode}`;
            if (g.setMode) await g.setMode(page, mode);
            await waitForScheme(page, '#widget', mode);
            const m = await measure(page);
            assert.equal(m.notice, null, `${where}: the widget has no notice (its host's attributes are its options)`);
            const shown = await assertLayout(page, m, where);
            if (viewport === DESKTOP && g.name !== 'phone') assert.equal(shown, 3, `${where}: CIO, CTO and CMO side by side`);

            const lum = luminance(m.background);
            if (mode === 'dark') assert.ok(lum < 0.2, `${where}: a dark widget on a dark page, got ${m.background}`);
            else assert.ok(lum > 0.8, `${where}: a light widget on a light page, got ${m.background}`);
            assert.ok(contrast(m.color, m.background) >= 4.5, `${where}: text ${m.color} on ${m.background}`);
            const violations = await audit(page, '#widget');
            assert.deepEqual(violations, [], `${where}: axe (WCAG 2.2 AA)`);

            await assertCardsAsAtHome(m, colorScheme, where);
            // A widget narrower than 35em has the phone layout, on a phone or in a narrow column.
            if (m.contentEm < 35) await assertPhoneScreen(page, where, '#widget');
            else await assertFirstScreen(page, viewport, where);
          }, { viewport, colorScheme });
        });
      }
    }
  }

  test("article.html: the theme's dark toggle turns the widget dark, and back", async () => {
    await withGalleryPage('article.html', async (page) => {
      const colours = () => measure(page).then((m) => ({ background: m.background, color: m.color }));
      await waitForScheme(page, '#widget', 'light');
      const light = await colours();
      await page.locator('[data-theme-toggle]').click();
      // The theme fades its background over 0.2 s: the widget reads it again when the fade ends.
      await waitForStill(page);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(13, 17, 23)', "the theme's dark background");
      await waitForScheme(page, '#widget', 'dark');
      const dark = await colours();
      assert.ok(luminance(dark.background) < 0.2 && luminance(dark.color) > 0.5, `dark: ${JSON.stringify(dark)}`);
      assert.ok(contrast(dark.color, dark.background) >= 4.5, `dark contrast: ${JSON.stringify(dark)}`);
      assert.deepEqual(await audit(page, '#widget'), [], 'axe in the dark mode');
      await page.locator('[data-theme-toggle]').click();
      await waitForStill(page);
      await waitForScheme(page, '#widget', 'light');
      assert.deepEqual(await colours(), light, 'back to the same light colours');
    }, { colorScheme: 'light' });
  });

  test('a page that says nothing about its scheme leaves the widget to the reader’s setting', async () => {
    await withGalleryPage('narrow.html', async (page) => {
      // The theme's background and color-scheme gone: the page says nothing.
      await page.addStyleTag({ content: ':root { color-scheme: normal !important } body { background: none !important }' });
      await page.waitForFunction(() => !document.querySelector('#widget').hasAttribute('data-rc-scheme'), undefined, { timeout: 5_000 });
      const m = await measure(page);
      assert.ok(luminance(m.background) < 0.2, `the reader's dark setting, got ${m.background}`);
    }, { colorScheme: 'dark' });
  });

  // A theme whose background stays transparent (the canvas shows) and that says its mode only
  // with a class or an attribute on html or body.
  for (const [what, set] of [
    ['class="dark" on html', () => document.documentElement.classList.add('dark')],
    ['data-theme="dark" on body', () => document.body.setAttribute('data-theme', 'dark')],
    ['data-bs-theme="dark" on html', () => document.documentElement.setAttribute('data-bs-theme', 'dark')],
  ]) {
    test(`a transparent page that says ${what}: the widget turns dark, and back when it goes`, async () => {
      await withGalleryPage('narrow.html', async (page) => {
        await page.addStyleTag({ content: ':root { color-scheme: normal !important } body { background: none !important }' });
        await page.waitForFunction(() => !document.querySelector('#widget').hasAttribute('data-rc-scheme'));
        const before = await measure(page);
        assert.ok(luminance(before.background) > 0.8, `light by the reader's setting first, got ${before.background}`);
        await page.evaluate(set);
        await waitForScheme(page, '#widget', 'dark');
        await page.evaluate(() => {
          document.documentElement.classList.remove('dark');
          document.documentElement.removeAttribute('data-bs-theme');
          document.body.removeAttribute('data-theme');
        });
        await page.waitForFunction(() => !document.querySelector('#widget').hasAttribute('data-rc-scheme'));
        assert.equal((await measure(page)).background, before.background, 'back to the reader\'s setting');
      }, { colorScheme: 'light' });
    });
  }

  describe('data-theme="inherit" on light, dark and coloured hosts: AA contrast', () => {
    for (const mode of ['light', 'dark']) {
      test(`wide.html, ${mode}: the blue box, the sepia box and the page's own background`, async () => {
        await withGalleryPage('wide.html', async (page) => {
          await page.evaluate((m) => document.documentElement.setAttribute('data-bs-theme', m), mode);
          await waitForScheme(page, '#widget', mode);
          for (const host of ['#widget-blue', '#widget-sepia', '#widget-plain']) {
            // Pressed toggles have their own colours: press one that is not (the role toggles
            // start pressed), and wait until it says so.
            const filter = await page.$eval(`${host} .rc`, (root) =>
              [...root.querySelectorAll('button[data-filter][aria-pressed="false"]')].find((b) => b.checkVisibility({ visibilityProperty: true }))?.dataset.filter ?? null,
            );
            assert.ok(filter, `${host}: a toggle in view that is not pressed`);
            await toggle(page, filter, { within: host });
            const violations = await audit(page, host);
            assert.deepEqual(violations, [], `${host} in the host's ${mode} mode: axe (WCAG 2.2 AA)`);
          }
        }, { colorScheme: mode === 'dark' ? 'light' : 'dark' });
      });
    }
  });

  test('article rules and global rules of the article theme leave the widget’s own styles alone', async () => {
    await withGalleryPage('article.html', async (page) => {
      const s = await page.evaluate(() => {
        const get = (sel, props) => {
          const cs = getComputedStyle(document.querySelector(`#widget .rc ${sel}`));
          return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
        };
        return {
          text: get('.rc-duty-text', ['margin-bottom', 'text-indent', 'text-align', 'line-height', 'font-family', 'hyphens']),
          li: get('.rc-duty', ['margin-top', 'margin-bottom', 'padding-left', 'box-sizing', 'list-style-type', 'font-size']),
          heading: get('.rc-role-title', ['text-transform', 'letter-spacing', 'border-bottom-width', 'margin-top']),
          toggle: get('.rc-toggle', ['padding-left', 'border-top-width', 'cursor', 'font-size', 'display']),
          search: get('.rc-search-input', ['border-top-width', 'padding-left', 'box-sizing']),
          summary: get('.rc-source summary', ['font-weight']),
        };
      });
      assert.equal(s.text['margin-bottom'], '0px', 'p:not(:last-child) { margin-bottom: 20px } does not reach the duty text');
      assert.equal(s.text['text-indent'], '0px');
      assert.equal(s.text['text-align'], 'start');
      assert.match(s.text['font-family'], /^system-ui/, 'the widget keeps its own font');
      assert.equal(s.text.hyphens, 'manual');
      assert.equal(s.li['margin-top'], '0px');
      // The gap under a card is its own margin, half an em (styles: "A list of cards and a card
      // are laid out as blocks"), not the theme's 6 px.
      assert.equal(s.li['margin-bottom'], `${parseFloat(s.li['font-size']) / 2}px`);
      assert.equal(s.li['box-sizing'], 'border-box');
      assert.equal(s.heading['text-transform'], 'none');
      assert.equal(s.heading['border-bottom-width'], '0px');
      assert.equal(s.toggle.cursor, 'pointer');
      // inline-flex, blockified to flex as an item of its flex row of toggles.
      assert.equal(s.toggle.display, 'flex');
      assert.equal(s.toggle['border-top-width'], '1px');
      assert.equal(s.search['border-top-width'], '1px');
      assert.equal(s.search['box-sizing'], 'border-box');
      assert.equal(s.summary['font-weight'], '400');
    });
  });

  // The widget's sizes are in em of the text around it: with larger article text it grows, in
  // the same proportions. A 640 px column of 20 px text is, with text of T px, a column of
  // 640 × T/20 px: the same widget scaled by T/20, every card as wide and as high (within a
  // pixel or a line's rounding). (With text under 16.5 px the widget's 14 px floor holds.)
  test('article text of 18 and 30 px: the same widget, scaled', async () => {
    const cardsAt = (text) =>
      withGalleryPage('narrow.html', async (page) => {
        await page.addStyleTag({ content: `body { font-size: ${text}px } .post { max-width: ${(640 * text) / 20}px }` });
        const m = await measure(page);
        await assertLayout(page, m, `narrow.html with ${text} px text`);
        cardsAt[text] = m;
      });
    await cardsAt(20);
    for (const text of [18, 30]) {
      await cardsAt(text);
      const k = text / 20;
      const base = cardsAt[20];
      const m = cardsAt[text];
      assert.equal(m.columns.length, base.columns.length);
      // Every width is a proportion of the widget's, in em: scaled back, the same to the layout
      // unit, and a pixel (EDGE_SLACK) covers the rounding of each em to 1/64 px.
      assert.ok(Math.abs(m.width / k - base.width) <= EDGE_SLACK, `the widget ${m.width} px with ${text} px text, ${base.width} with 20 px`);
      const cards = m.cards.map((c, i) => ({ id: c.id, w: c.width / k, h: c.height / k, bw: base.cards[i].width, bh: base.cards[i].height }));
      const show = (c) => `${c.id}: ${c.w.toFixed(1)}×${c.h.toFixed(1)} scaled back, ${c.bw.toFixed(1)}×${c.bh.toFixed(1)} with 20 px text`;
      assert.deepEqual(cards.filter((c) => Math.abs(c.w - c.bw) > EDGE_SLACK).map(show), [], `with ${text} px text, every card is its 20 px width × ${k}`);
      // Text is laid out at each size anew, so a sentence may break one line earlier or later
      // (a line: 1.45em of the widget's 17 px, 24.7 px): a few cards, never more than one line.
      const line = 1.45 * base.em;
      assert.deepEqual(cards.filter((c) => Math.abs(c.h - c.bh) > line + EDGE_SLACK).map(show), [], `with ${text} px text, no card more than a line off`);
      const off = cards.filter((c) => Math.abs(c.h - c.bh) > 2);
      assert.ok(off.length <= Math.ceil(cards.length / 10), `with ${text} px text, at most one card in ten a line off: ${off.map(show).join('; ')}`);
    }
  });

  test('at 600 px wide beside 16 px text, three roles side by side with at least 20 characters a line', async (t) => {
    await withGalleryPage('narrow.html', async (page) => {
      await page.addStyleTag({ content: '.post { max-width: 600px !important; font-size: 16px }' });
      const m = await measure(page);
      assert.ok(Math.abs(m.width - 600) < 1, `the widget is 600 px wide (${m.width})`);
      assert.equal(await assertLayout(page, m, 'narrow.html at 600 px'), 3, 'three roles side by side');
      // Characters a line: the text's width over the average width of a character of ordinary
      // prose in the same font (a fixed English sample laid out in the card), so that a duty
      // heavy in capitals ("IT", "LANs") does not read as a narrower column than it is.
      const perLine = await page.evaluate(() => {
        const SAMPLE = 'Keeps the company systems running and helps other teams with their plans for growth.';
        return [...document.querySelectorAll('#widget .rc-duty-text')].map((p) => {
          const probe = document.createElement('span');
          probe.textContent = SAMPLE;
          probe.style.whiteSpace = 'nowrap';
          p.append(probe);
          const width = probe.getBoundingClientRect().width;
          probe.remove();
          return p.clientWidth / (width / SAMPLE.length);
        });
      });
      const least = Math.min(...perLine);
      const mean = perLine.reduce((a, b) => a + b, 0) / perLine.length;
      t.diagnostic(`characters a line at 600 px: mean ${mean.toFixed(1)}, least ${least.toFixed(1)}`);
      assert.ok(least >= 20, `at least 20 characters a line in every duty; least ${least.toFixed(1)}`);
    });
  });

  for (const [viewport, sideBySide] of [[DESKTOP, true], [PHONE, false]]) {
    test(`article.html at ${viewport.width} px, light and dark: the topic layout ${sideBySide ? 'aligns the three roles in the 720 px column' : 'lists each topic\'s roles one under another'}, inside the column, AA`, async () => {
      await withGalleryPage('article.html', async (page) => {
        // On a phone the layout switch is with "More filters", as a reader finds it.
        const topics = page.locator('#widget button[data-layout="topics"]');
        if (!(await topics.isVisible())) await page.locator('#widget button[data-action="filters"]').click();
        await topics.click();
        await page.locator('#widget [data-topic-row]').first().waitFor();
        for (const mode of ['light', 'dark']) {
          await PAGES.find((g) => g.name === 'article').setMode(page, mode);
          await waitForScheme(page, '#widget', mode);
          const layout = await page.evaluate(() => {
            const host = document.querySelector('#widget').getBoundingClientRect();
            const box = (c) => {
              const r = c.getBoundingClientRect();
              return { role: c.dataset.role, top: r.top, bottom: r.bottom };
            };
            const bands = [...document.querySelectorAll('#widget .rc-band')].map((b) =>
              [...b.querySelectorAll('.rc-cell')].filter((c) => c.checkVisibility({ visibilityProperty: true })).map(box),
            );
            const past = [...document.querySelectorAll('#widget .rc *')].filter((e) => e.getBoundingClientRect().right > host.right + 1).length;
            return { rows: document.querySelectorAll('#widget [data-topic-row]').length, bands, past };
          });
          assert.ok(layout.rows > 0 && layout.bands.length >= layout.rows, `${mode}: each of the ${layout.rows} topic rows has its band(s): ${layout.bands.length}`);
          assert.equal(layout.past, 0, `${mode}: nothing reaches past the host's column`);
          // Cells of one band side by side share a grid row: their tops are the same in the
          // layout, and a pixel is the least a reader could see between them.
          for (const cells of layout.bands) {
            assert.ok(cells.length > 0, `${mode}: a band shows its cells`);
            if (sideBySide) {
              assert.deepEqual(cells.map((c) => c.role), ROLES, `${mode}: a cell per role, in order`);
              const tops = cells.map((c) => c.top);
              assert.ok(Math.max(...tops) - Math.min(...tops) < 1, `${mode}: the cells of a band side by side: ${JSON.stringify(cells)}`);
            } else {
              for (let i = 1; i < cells.length; i++) {
                assert.ok(cells[i].top >= cells[i - 1].bottom - 1, `${mode}: one cell under another: ${JSON.stringify(cells)}`);
              }
            }
          }
          assert.deepEqual(await audit(page, '#widget'), [], `axe in the host's ${mode} mode`);
        }
      }, { viewport, colorScheme: 'light' });
    });
  }
});
