// Read on a phone: the standalone page (dist/index.html) at 390x844 with touch, in headless
// Chromium. The first screen's targets in light and dark (the gallery and the example article
// assert the same in host pages: tests/e2e/gallery.test.mjs); the reader's tasks by touch, each
// in at most three taps and ending on the exact duties it asks for; the focus order following
// the reading order; axe in every state; and the widths between a phone and a desktop, where
// the layout must hold together.
// Run `make dist` first, then `node --test --test-concurrency=1 tests/e2e/phone.test.mjs`.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from './support/server.mjs';
import { launch, watchErrors, waitForWidget, describeErrors } from './support/browser.mjs';
import { readView, waitForView } from './support/widget.mjs';
import { assertPhoneScreen, PHONE_TARGETS } from './support/phone-screen.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(process.env.RC_DIST_DIR || path.join(here, '..', '..', 'dist'));
const CONTENT = JSON.parse(readFileSync(path.join(here, '..', '..', 'content', 'roles.json'), 'utf8'));
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PHONE = { width: 390, height: 844 };
const DEFAULT_ROLES = CONTENT.roles.filter((r) => r.shownByDefault !== false).map((r) => r.id);

const BUILT = existsSync(path.join(DIST, 'index.html'));
let server;
let browser;

/** The standalone page on a phone (touch), with `hash`; the live widget, `body`, no errors. */
async function onPhone(hash, body, { colorScheme = 'light', viewport = PHONE } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, hasTouch: true, isMobile: true, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await page.goto(server.url + hash);
    await waitForWidget(page);
    await body(page);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally {
    await context.close();
  }
}

/** A reader's finger: taps, counted. Typing into a field counts as the tap that focuses it. */
function finger(page) {
  const f = {
    taps: 0,
    async tap(selector) {
      await page.locator(selector).tap();
      f.taps += 1;
    },
    async type(selector, text) {
      await page.locator(selector).tap();
      await page.keyboard.type(text);
      f.taps += 1;
    },
  };
  return f;
}

const ids = (view) => view.duties.map((d) => d.id).sort();
const expected = (filter) => CONTENT.duties.filter(filter).map((d) => d.id).sort();

/** axe-core's WCAG 2.2 AA rules on the widget; readable violations. */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const values = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
    const result = await window.axe.run(document.querySelector('.rc'), { runOnly: { type: 'tag', values } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

describe('read on a phone (dist/)', { skip: !BUILT && 'dist/ is missing: make dist' }, () => {
  before(async () => {
    server = await serve(DIST);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`390x844, ${colorScheme}: a readable measure, short cards, two roles in the eye span, every role in reach`, async () => {
      await onPhone('', async (page) => {
        const f = await assertPhoneScreen(page, `index.html 390 px ${colorScheme}`, '#role-compare', { article: '.page-lede', defaultRoles: DEFAULT_ROLES });
        // Each default role's section shows its first cards, its count, and "All N" for the rest.
        for (const role of DEFAULT_ROLES) {
          const all = CONTENT.duties.filter((d) => d.role === role).length;
          const section = page.locator(`.rc [data-role="${role}"]`);
          assert.equal(await section.locator('[data-duty]:visible').count(), Math.min(all, 3), `${role}: its first three duties`);
          assert.equal((await section.locator('.rc-all').textContent()).trim(), `All ${all} ${role.toUpperCase()} duties`);
        }
        assert.ok(f.cards.length >= 6, `${f.cards.length} cards`);
      }, { colorScheme });
    });
  }

  test('a tap paints its toggle first and the duties a frame later, the view busy in between; "More filters" likewise', async () => {
    await onPhone('', async (page) => {
      // Frames counted by an animation frame callback; each change to the toggles, the cards,
      // the panel and the view's aria-busy recorded with the count it came in.
      await page.evaluate(() => {
        window.__frames = 0;
        const tick = () => { window.__frames++; requestAnimationFrame(tick); };
        requestAnimationFrame(tick);
        window.__seen = [];
        const root = document.querySelector('.rc');
        new MutationObserver((records) => {
          for (const r of records) {
            const el = r.target;
            const what = r.type === 'childList'
              ? [...r.addedNodes].some((n) => n.classList?.contains('rc-more-panel')) ? 'panel' : null
              : r.attributeName === 'aria-busy' ? `busy:${el.getAttribute('aria-busy')}` : r.attributeName;
            if (what) window.__seen.push({ frame: window.__frames, what });
          }
        }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-pressed', 'aria-expanded', 'hidden', 'aria-busy'] });
      });
      const seen = async (tap) => {
        await page.evaluate(() => { window.__seen = []; });
        await tap();
        await readView(page);
        return page.evaluate(() => window.__seen);
      };
      const toggle = await seen(() => page.locator('.rc [data-filter="focus:internal"]').tap());
      const pressed = toggle.find((m) => m.what === 'aria-pressed');
      const hidden = toggle.filter((m) => m.what === 'hidden');
      assert.ok(pressed && hidden.length, `the toggle and the cards changed: ${JSON.stringify(toggle)}`);
      assert.ok(hidden.every((m) => m.frame > pressed.frame), `the cards change after the toggle's frame: ${JSON.stringify(toggle)}`);
      assert.deepEqual(toggle.filter((m) => m.what.startsWith('busy')).map((m) => [m.what, m.frame > pressed.frame]), [['busy:true', false], ['busy:null', true]], 'busy from the tap until the cards follow');

      const more = await seen(() => page.locator('.rc [data-action="filters"]').tap());
      const expanded = more.find((m) => m.what === 'aria-expanded');
      const panel = more.find((m) => m.what === 'panel');
      assert.ok(expanded && panel && panel.frame > expanded.frame, `the panel opens after the button's frame: ${JSON.stringify(more)}`);
      assert.equal(await page.locator('.rc [data-filter^="topic:"]').count() > 0, true, 'the panel holds the topics');
    });
  });

  test('"All N" shows a section\'s every duty, and "Fewer" folds it again; the other sections keep theirs', async () => {
    await onPhone('', async (page) => {
      const cio = page.locator('.rc [data-role="cio"]');
      const all = CONTENT.duties.filter((d) => d.role === 'cio').length;
      await cio.locator('.rc-all').tap();
      await waitForView(page, 'the CIO section unfolded', `document.querySelector('.rc [data-role="cio"] .rc-all').getAttribute('aria-expanded') === 'true'`);
      assert.equal(await cio.locator('[data-duty]:visible').count(), all);
      assert.equal((await cio.locator('.rc-all').textContent()).trim(), 'Fewer CIO duties');
      assert.equal(await page.locator('.rc [data-role="cto"] [data-duty]:visible').count(), 3, 'the CTO section keeps its first three');
      await cio.locator('.rc-all').tap();
      await waitForView(page, 'the CIO section folded', `document.querySelector('.rc [data-role="cio"] .rc-all').getAttribute('aria-expanded') === 'false'`);
      assert.equal(await cio.locator('[data-duty]:visible').count(), 3);
    });
  });

  test('with a filter, "All N" counts what fits and goes when three or fewer fit', async () => {
    await onPhone('#line=bottom', async (page) => {
      for (const role of DEFAULT_ROLES) {
        const fit = CONTENT.duties.filter((d) => d.role === role && d.line === 'bottom').length;
        const button = page.locator(`.rc [data-role="${role}"] .rc-all`);
        if (fit > 3) assert.equal((await button.textContent()).trim(), `All ${fit} ${role.toUpperCase()} duties`);
        else assert.equal(await button.isVisible(), false, `${role}: ${fit} fit, no "All"`);
        assert.equal(await page.locator(`.rc [data-role="${role}"] [data-duty]:visible`).count(), Math.min(fit, 3));
      }
    });
  });

  test('after each tap, a section shows the first three duties that fit, in order, and no other', async () => {
    // The view marks the cards that fit past the first three (`data-rest`) as it shows and
    // hides them: checked after taps that hide cards and taps that show them again.
    const firstThree = async (page, fits) => {
      // readView waits until the view has followed the tap (on a touch screen a frame later).
      const view = await readView(page);
      for (const role of DEFAULT_ROLES) {
        const want = CONTENT.duties.filter((d) => d.role === role && fits(d)).slice(0, 3).map((d) => d.id);
        const seen = view.duties.filter((d) => d.role === role && d.visible).map((d) => d.id);
        assert.deepEqual(seen, want, role);
      }
    };
    await onPhone('', async (page) => {
      const f = finger(page);
      await firstThree(page, () => true);
      for (const [filter, pressed, fits] of [
        ['line:bottom', true, (d) => d.line === 'bottom'],
        ['focus:external', true, (d) => d.line === 'bottom' && d.focus === 'external'],
        ['line:bottom', false, (d) => d.focus === 'external'],
        ['focus:external', false, () => true],
      ]) {
        await f.tap(`.rc [data-filter="${filter}"]`);
        await waitForView(page, `${filter} ${pressed ? 'pressed' : 'released'}`,
          `document.querySelector('.rc [data-filter="${filter}"]').getAttribute('aria-pressed') === '${pressed}'`);
        await firstThree(page, fits);
      }
    });
  });

  describe('reader tasks by touch, at most three taps each, ending on the exact duties asked for', () => {
    test('only the CMO\'s bottom-line duties', async () => {
      await onPhone('', async (page) => {
        const f = finger(page);
        await f.tap('.rc [data-filter="roles:cio"]');
        await f.tap('.rc [data-filter="roles:cto"]');
        await f.tap('.rc [data-filter="line:bottom"]');
        await waitForView(page, 'the CMO alone, bottom line', `location.hash.includes('line=bottom') && location.hash.includes('roles=cmo')`);
        const view = await readView(page);
        assert.deepEqual(view.roles, ['cmo']);
        // Every CMO duty serves the top line in the articles: none is left, and the section
        // says so in view.
        assert.deepEqual(ids(view), expected((d) => d.role === 'cmo' && d.line === 'bottom'));
        assert.equal(await page.locator('.rc [data-role="cmo"] .rc-column-empty').isVisible(), view.duties.length === 0);
        assert.ok(f.taps <= 3, `${f.taps} taps`);
      });
    });

    test('what the CIO and the CTO both do on security', async () => {
      await onPhone('', async (page) => {
        const f = finger(page);
        await f.tap('.rc [data-filter="roles:cmo"]');
        await f.tap('.rc [data-action="filters"]');
        await f.tap('.rc [data-filter="topic:security"]');
        await waitForView(page, 'security, CIO and CTO', `location.hash.includes('topic=security')`);
        const view = await readView(page);
        assert.deepEqual(view.roles, ['cio', 'cto']);
        assert.deepEqual(ids(view), expected((d) => ['cio', 'cto'].includes(d.role) && d.topics.includes('security')));
        // The articles give the CTO no security duty: its section says so, in view.
        for (const role of ['cio', 'cto']) {
          const none = page.locator(`.rc [data-role="${role}"] .rc-column-empty`);
          assert.equal(await none.isVisible(), !view.duties.some((d) => d.role === role), `${role}: "No ${role.toUpperCase()} duty fits" shows exactly when none does`);
        }
        assert.ok(f.taps <= 3, `${f.taps} taps`);
      });
    });

    test('the CTO\'s duties alone', async () => {
      await onPhone('', async (page) => {
        const f = finger(page);
        await f.tap('.rc [data-filter="roles:cio"]');
        await f.tap('.rc [data-filter="roles:cmo"]');
        await waitForView(page, 'the CTO alone', `location.hash === '#roles=cto'`);
        const view = await readView(page);
        assert.deepEqual(view.roles, ['cto']);
        assert.deepEqual(ids(view), expected((d) => d.role === 'cto'));
        assert.ok(f.taps <= 3, `${f.taps} taps`);
      });
    });

    test('swap the CMO for the CISO', async () => {
      await onPhone('', async (page) => {
        const f = finger(page);
        await f.tap('.rc [data-filter="roles:cmo"]');
        await f.tap('.rc [data-filter="roles:ciso"]');
        await waitForView(page, 'the CISO shown', `location.hash.includes('ciso')`);
        const view = await readView(page);
        assert.deepEqual(view.roles, ['cio', 'cto', 'ciso']);
        assert.deepEqual(ids(view), expected((d) => ['cio', 'cto', 'ciso'].includes(d.role)));
        assert.ok(f.taps <= 3, `${f.taps} taps`);
      });
    });

    test('find "vendor"', async () => {
      await onPhone('', async (page) => {
        const f = finger(page);
        await f.type('.rc input[type="search"]', 'vendor');
        await waitForView(page, 'the search', `location.hash.includes('q=vendor')`);
        const view = await readView(page);
        const roleTitle = new Map(CONTENT.roles.map((r) => [r.id, r.title]));
        const topicLabel = new Map(CONTENT.topics.map((t) => [t.id, t.label]));
        const hay = (d) => [d.text, ...d.topics.map((t) => topicLabel.get(t)), roleTitle.get(d.role)].join(' ').toLowerCase();
        assert.deepEqual(ids(view), expected((d) => DEFAULT_ROLES.includes(d.role) && hay(d).includes('vendor')));
        assert.ok(view.duties.length > 0);
        assert.ok(f.taps <= 3, `${f.taps} taps`);
      });
    });

    test('clear everything', async () => {
      await onPhone('#focus=internal&line=top&topic=strategy&q=the', async (page) => {
        assert.ok((await readView(page)).duties.length < CONTENT.duties.length);
        const f = finger(page);
        await f.tap('.rc [data-action="clear"]');
        await waitForView(page, 'no filter left', `location.hash === ''`);
        const view = await readView(page);
        assert.deepEqual(ids(view), expected((d) => DEFAULT_ROLES.includes(d.role)));
        assert.ok(f.taps <= 3, `${f.taps} taps`);
      });
    });
  });

  test('every control a reader can reach is at least 24x24 px, with the panel open and a section unfolded', async () => {
    await onPhone('', async (page) => {
      await page.locator('.rc [data-action="filters"]').tap();
      await page.locator('.rc .rc-more-panel').waitFor();
      await page.locator('.rc [data-role="cio"] .rc-all').tap();
      const small = await page.$$eval('.rc :is(button, summary, input, a[href])', (els, min) =>
        els
          .filter((el) => el.checkVisibility({ visibilityProperty: true }))
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.width < min - 0.01 || r.height < min - 0.01)
          .map(({ el, r }) => `${el.localName}.${el.className} "${el.textContent.trim().slice(0, 24)}" ${r.width.toFixed(1)}x${r.height.toFixed(1)}`)
          .slice(0, 10), PHONE_TARGETS.target);
      assert.deepEqual(small, []);
    });
  });

  test('the keyboard\'s focus order follows the reading order, top to bottom and, within a row, left to right', async () => {
    await onPhone('', async (page) => {
      await page.locator('.rc input[type="search"]').focus();
      const stops = [];
      for (let i = 0; i < 40; i++) {
        const at = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el?.closest('.rc')) return null;
          const r = el.getBoundingClientRect();
          return { what: `${el.localName}.${el.className} "${el.textContent.trim().slice(0, 20)}"`, top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left };
        });
        if (!at) break;
        stops.push(at);
        await page.keyboard.press('Tab');
      }
      assert.ok(stops.length >= 20, `${stops.length} stops`);
      for (let i = 1; i < stops.length; i++) {
        const [a, b] = [stops[i - 1], stops[i]];
        // The next stop is further down, or on the same line (their boxes overlap vertically)
        // and further right.
        const sameLine = b.top < a.bottom && a.top < b.bottom;
        assert.ok(sameLine ? b.left > a.left : b.top >= a.bottom - 0.5, `after ${a.what} (top ${a.top.toFixed(0)}, left ${a.left.toFixed(0)}) comes ${b.what} (top ${b.top.toFixed(0)}, left ${b.left.toFixed(0)})`);
      }
    });
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`axe (WCAG 2.2 AA) at 390 px, ${colorScheme}: the first screen, the panel open, a filter in use, a section unfolded, a source open, the topic layout`, async () => {
      await onPhone('', async (page) => {
        const states = [];
        states.push(['first screen', await axe(page)]);
        await page.locator('.rc [data-action="filters"]').tap();
        await page.locator('.rc .rc-more-panel').waitFor();
        states.push(['panel open', await axe(page)]);
        await page.locator('.rc [data-filter="topic:security"]').tap();
        await waitForView(page, 'a topic in use', `location.hash.includes('topic=security')`);
        states.push(['filter in use', await axe(page)]);
        await page.locator('.rc [data-action="clear"]').tap();
        await waitForView(page, 'cleared', `location.hash === ''`);
        await page.locator('.rc [data-role="cio"] .rc-all').tap();
        states.push(['section unfolded', await axe(page)]);
        await page.locator('.rc [data-role="cio"] [data-duty] summary').first().tap();
        await page.locator('.rc [data-role="cio"] .rc-source-body').first().waitFor();
        states.push(['source open', await axe(page)]);
        await page.locator('.rc [data-layout="topics"]').tap();
        await page.locator('.rc [data-topic-row]').first().waitFor();
        states.push(['topic layout', await axe(page)]);
        assert.deepEqual(states.filter(([, v]) => v.length), [], 'violations by state');
      }, { colorScheme });
    });
  }

  // Between a phone and a desktop: the page never scrolls sideways, nothing spills out of the
  // widget, and the duties are either stacked sections at full width or columns side by side.
  for (const width of [480, 600, 768]) {
    test(`${width} px: the layout holds together`, async () => {
      await onPhone('', async (page) => {
        const m = await page.evaluate(() => {
          const root = document.querySelector('.rc');
          const box = root.getBoundingClientRect();
          const outside = [...root.querySelectorAll('*')]
            .filter((el) => el.checkVisibility({ visibilityProperty: true }) && !el.closest('.rc-columns > *, .rc-rolebar > *'))
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
            })
            .map((el) => `${el.localName}.${el.className}`)
            .slice(0, 5);
          const columns = [...root.querySelectorAll('.rc-columns > [data-role]')].map((c) => c.getBoundingClientRect());
          const stacked = columns.every((c, i) => i === 0 || c.top >= columns[i - 1].bottom - 0.5);
          const side = columns.every((c, i) => i === 0 || (Math.abs(c.top - columns[i - 1].top) < 1 && c.left >= columns[i - 1].right - 0.5));
          const cards = [...root.querySelectorAll('[data-duty]')].filter((c) => c.checkVisibility({ visibilityProperty: true })).map((c) => c.getBoundingClientRect().width);
          return {
            sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
            outside,
            stacked,
            side,
            narrowest: Math.min(...cards),
            em: parseFloat(getComputedStyle(root).fontSize),
          };
        });
        assert.equal(m.sideways, false, 'the page does not scroll sideways');
        assert.deepEqual(m.outside, [], 'nothing spills out of the widget');
        assert.ok(m.stacked || m.side, `sections stacked or columns side by side: ${JSON.stringify(m)}`);
        // A card keeps room for about twenty characters a line (11 em of its text).
        assert.ok(m.narrowest >= 11 * m.em, `the narrowest card is ${m.narrowest.toFixed(0)} px, ${(m.narrowest / m.em).toFixed(1)} em`);
      }, { viewport: { width, height: 900 } });
    });
  }
});
