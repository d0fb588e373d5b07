// The answer at a glance, on the widget's own page (dist/index.html), in headless Chromium: the
// reader's first screen on a desktop (1280x800) in light and dark (the gallery,
// tests/e2e/gallery.test.mjs, asserts the same in host pages; a phone's first screen is
// tests/e2e/phone.test.mjs's); cards as compact as their sentence; the role names kept in view
// down the topic rows; and the reader's tasks, each from the default view in at most three
// interactions, by mouse and by keyboard.
// Run `make dist` first, then `node --test --test-concurrency=1 tests/e2e/glance.test.mjs`.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from './support/server.mjs';
import { launch, openPage, describeErrors } from './support/browser.mjs';
import { readView, waitForView } from './support/widget.mjs';
import { assertFirstScreen, namesAfterScrolling } from './support/first-screen.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(process.env.RC_DIST_DIR || path.join(here, '..', '..', 'dist'));
const CONTENT = JSON.parse(readFileSync(path.join(here, '..', '..', 'content', 'roles.json'), 'utf8'));
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const DEFAULT_ROLES = CONTENT.roles.filter((r) => r.shownByDefault !== false).map((r) => r.id);

const BUILT = existsSync(path.join(DIST, 'index.html'));
let server;
let browser;

/** Opens the standalone page (with `hash`), waits for the live widget, runs `body`, fails on errors. */
async function withPage(hash, body, { viewport = DESKTOP, colorScheme = 'light', permissions = [] } = {}) {
  const { context, page, errors } = await openPage(browser, server.url + hash, { viewport, colorScheme });
  try {
    if (permissions.length) await context.grantPermissions(permissions, { origin: server.origin });
    await body(page);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally {
    await context.close();
  }
}

/** The ids of the duties shown, in order. */
const ids = (view) => view.duties.map((d) => d.id);
const dutiesOf = (roles) => CONTENT.duties.filter((d) => roles.includes(d.role));

/**
 * A reader who counts what they do. By mouse, each click or typed text is an interaction. By
 * keyboard, each key that acts (Enter, Space, typed text) is one; moving the focus with Tab is
 * walking, not acting, and its presses are counted apart (`tabs`), bounded so that a control
 * the keyboard cannot reach fails the task.
 */
function reader(page, how) {
  const r = {
    how,
    interactions: 0,
    tabs: 0,
    /** Presses `selector` (clicks it, or tabs to it and presses Enter). */
    async press(selector) {
      if (how === 'mouse') await page.locator(selector).click();
      else {
        await r.tabTo(selector);
        await page.keyboard.press('Enter');
      }
      r.interactions += 1;
    },
    /** Types `text` into the field `selector`: one interaction (the click or Tab that focuses it is walking). */
    async type(selector, text) {
      if (how === 'mouse') await page.locator(selector).click();
      else await r.tabTo(selector);
      await page.keyboard.type(text);
      r.interactions += 1;
    },
    /** Moves the keyboard focus forward (or back) with Tab until it is on `selector`. */
    async tabTo(selector, { back = false } = {}) {
      for (let i = 0; i < 150; i++) {
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
        await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
        r.tabs += 1;
      }
      assert.fail(`the keyboard did not reach ${selector} in 150 presses of Tab`);
    },
  };
  return r;
}

describe('the answer at a glance (dist/)', { skip: !BUILT && 'dist/ is missing: make dist' }, () => {
  before(async () => {
    server = await serve(DIST);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const viewport of [DESKTOP]) {
    for (const colorScheme of ['light', 'dark']) {
      test(`the first screen at ${viewport.width}x${viewport.height}, ${colorScheme}: the comparison, not a control panel`, async () => {
        await withPage('', async (page) => {
          // The page's own introduction is its article text.
          const f = await assertFirstScreen(page, viewport, `index.html ${viewport.width} px ${colorScheme}`, '#role-compare', { article: '.page-lede' });
          if (viewport === DESKTOP) assert.deepEqual(f.roles.map((r) => r.id), DEFAULT_ROLES, 'the default roles side by side');
        }, { viewport, colorScheme });
      });
    }
  }

  // A duty's card is its sentence and one line more: its focus, its line and its citation
  // share one line, with the card's padding.
  for (const [viewport, most] of [[DESKTOP, 1.2], [PHONE, 1.2]]) {
    test(`${viewport.width} px: a card is its sentence and at most ${most} lines of labels and citation`, async () => {
      await withPage('', async (page) => {
        const extra = await page.$$eval('.rc [data-duty]', (cards) =>
          cards.map((d) => {
            const text = d.querySelector('.rc-duty-text');
            const line = parseFloat(getComputedStyle(text).lineHeight);
            // A card behind its section's "All N" on a phone has no box: 0 lines.
            return { id: d.dataset.duty, shown: d.checkVisibility({ visibilityProperty: true }), lines: (d.getBoundingClientRect().height - text.getBoundingClientRect().height) / line };
          }),
        );
        assert.ok(extra.filter((c) => c.shown).length >= (viewport === PHONE ? 9 : 50), `${extra.length} cards`);
        const over = extra.filter((c) => c.lines > most).map((c) => `${c.id}: ${c.lines.toFixed(2)} lines`);
        assert.deepEqual(over, [], `cards more than ${most} lines taller than their sentence`);
      }, { viewport });
    });
  }

  test('the focus dispute is one line under the role\'s name; its claims and the role\'s summary unfold from it', async () => {
    await withPage('', async (page) => {
      const about = page.locator('.rc [data-role="cio"] .rc-about');
      const summary = about.locator('summary');
      assert.equal(await summary.textContent(), 'Focus: disputed');
      const line = await summary.evaluate((s) => s.getBoundingClientRect().height / parseFloat(getComputedStyle(s).lineHeight));
      assert.ok(line < 1.6, `one line (${line.toFixed(2)})`);
      assert.equal(await about.locator('.rc-claims-list').isVisible(), false, 'the claims wait for the reader');
      assert.equal(await about.locator('.rc-role-summary').isVisible(), false, 'the summary waits too');
      await summary.click();
      // A closed <details> keeps its text in the DOM: what counts is what the reader now sees.
      await about
        .locator('.rc-claims-list')
        .waitFor({ state: 'visible', timeout: 5_000 })
        .catch((err) => assert.fail(`the claims do not show after a click on "Focus: disputed": ${err.message.split('\n')[0]}`));
      const claims = await about.locator('.rc-claims-list li').evaluateAll((items) =>
        items.filter((li) => li.checkVisibility({ visibilityProperty: true })).map((li) => li.innerText.replace(/\s+/g, ' ').trim()),
      );
      const cio = CONTENT.roles.find((r) => r.id === 'cio');
      assert.equal(claims.length, cio.focusClaims.length, 'every article\'s claim, in view');
      for (const claim of cio.focusClaims) {
        const title = CONTENT.sources.find((s) => s.id === claim.source).title;
        assert.ok(claims.some((c) => c.includes(title)), `the claim of "${title}" names it`);
      }
      const roleSummary = about.locator('.rc-role-summary');
      assert.equal(await roleSummary.isVisible(), true, "the role's summary shows");
      assert.equal((await roleSummary.innerText()).replace(/\s+/g, ' ').trim(), cio.summary);
    });
  });

  test('in the topic layout the role names stay in view down the topic rows', async () => {
    await withPage('#layout=topics', async (page) => {
      await page.locator('.rc [data-topic-row]').first().waitFor();
      const sticky = await namesAfterScrolling(page, '#role-compare');
      assert.ok(sticky.scrolled > DESKTOP.height, `scrolled down the rows: ${sticky.scrolled} px`);
      assert.deepEqual(sticky.names.map((n) => n.id), DEFAULT_ROLES.map((id) => CONTENT.roles.find((r) => r.id === id).title));
      assert.ok(sticky.names.every((n) => n.nameInView), JSON.stringify(sticky));
    });
  });

  describe('reader tasks, each from the default view in at most three interactions', () => {
    const vendorRoles = DEFAULT_ROLES.filter((role) =>
      CONTENT.duties.some((d) => d.role === role && (/vendor/i.test(d.text) || d.topics.includes('vendors'))),
    );
    const sharedCioCto = (() => {
      const role = new Map(CONTENT.duties.map((d) => [d.id, d.role]));
      const linked = new Set();
      for (const d of CONTENT.duties) {
        for (const l of d.links ?? []) {
          const pair = [d.role, role.get(l.duty)].sort().join();
          if (pair === 'cio,cto') {
            linked.add(d.id);
            linked.add(l.duty);
          }
        }
      }
      return dutiesOf(['cio', 'cto']).filter((d) => linked.has(d.id)).map((d) => d.id);
    })();

    for (const how of ['mouse', 'keyboard']) {
      test(`${how}: find which roles deal with vendors`, async () => {
        await withPage('', async (page) => {
          const r = reader(page, how);
          await r.type('.rc input[type="search"]', 'vendor');
          await waitForView(page, 'the search to apply', `location.hash.includes('q=vendor')`);
          const view = await readView(page);
          const withDuties = [...new Set(view.duties.map((d) => d.role))];
          assert.deepEqual(withDuties, vendorRoles, 'the roles whose duties speak of vendors');
          assert.ok(r.interactions <= 3, `${r.interactions} interactions`);
        });
      });

      // The CIO's: the role whose column the built-in content splits between the two lines (every
      // CTO and CMO duty serves the top line, as their articles say).
      const cioBottom = dutiesOf(['cio']).filter((d) => d.line === 'bottom').map((d) => d.id);
      test(`${how}: show only the CIO's bottom-line duties`, async () => {
        assert.ok(cioBottom.length > 0 && cioBottom.length < dutiesOf(['cio']).length, 'the filter has something to narrow');
        await withPage('', async (page) => {
          const r = reader(page, how);
          // In the order the keyboard meets them.
          await r.press('.rc [data-filter="roles:cto"]');
          await r.press('.rc [data-filter="roles:cmo"]');
          await r.press('.rc [data-filter="line:bottom"]');
          await waitForView(page, 'the CIO column alone', `location.hash.includes('line=bottom') && location.hash.includes('roles=cio') && !location.hash.includes('cto') && !location.hash.includes('cmo')`);
          const view = await readView(page);
          assert.deepEqual(view.roles, ['cio']);
          assert.deepEqual(ids(view), cioBottom);
          assert.ok(r.interactions <= 3, `${r.interactions} interactions`);
        });
      });

      test(`${how}: see what the CIO and the CTO share`, async () => {
        await withPage('', async (page) => {
          const r = reader(page, how);
          await r.press('.rc [data-filter="roles:cmo"]');
          await r.press('.rc [data-action="filters"]');
          await r.press('.rc [data-filter="overlap:shared"]');
          await waitForView(page, 'the shared duties', `location.hash.includes('overlap=shared')`);
          const view = await readView(page);
          assert.deepEqual(view.roles, ['cio', 'cto']);
          assert.deepEqual(ids(view).sort(), [...sharedCioCto].sort(), 'the CIO and CTO duties linked to each other');
          assert.ok(r.interactions <= 3, `${r.interactions} interactions`);
        });
      });

      test(`${how}: read the article a duty comes from`, async () => {
        await withPage('', async (page) => {
          const r = reader(page, how);
          const duty = CONTENT.duties.find((d) => d.role === 'cio');
          const source = CONTENT.sources.find((s) => s.id === duty.source);
          await r.press(`.rc [data-duty="${duty.id}"] .rc-source summary`);
          const body = page.locator(`.rc [data-duty="${duty.id}"] .rc-source-body`);
          await body.waitFor({ state: 'visible' });
          const text = await body.textContent();
          assert.ok(text.includes(source.title), `the article's title: ${text}`);
          if (source.by) assert.ok(text.includes(source.by), `and who wrote it: ${text}`);
          assert.ok(r.interactions <= 3, `${r.interactions} interactions`);
        });
      });

      test(`${how}: copy a link to the view`, async () => {
        await withPage('#focus=external', async (page) => {
          const r = reader(page, how);
          await r.press('.rc [data-action="copy-link"]');
          await waitForView(page, '"Link copied"', `document.querySelector('.rc .rc-share-message')?.textContent === 'Link copied'`);
          const link = await page.evaluate(() => navigator.clipboard.readText());
          assert.equal(link, `${server.url}#focus=external`);
          assert.ok(r.interactions <= 3, `${r.interactions} interactions`);
        }, { permissions: ['clipboard-read', 'clipboard-write'] });
      });

      test(`${how}: switch to topic rows and back`, async () => {
        await withPage('', async (page) => {
          const r = reader(page, how);
          await r.press('.rc [data-layout="topics"]');
          await page.locator('.rc [data-topic-row]').first().waitFor();
          if (how === 'keyboard') await r.tabTo('.rc [data-layout="columns"]', { back: true });
          await r.press('.rc [data-layout="columns"]');
          await page.locator('.rc .rc-columns').waitFor();
          assert.equal(await page.locator('.rc [data-topic-row]').count(), 0);
          assert.ok(r.interactions <= 3, `${r.interactions} interactions`);
        });
      });
    }
  });
});
