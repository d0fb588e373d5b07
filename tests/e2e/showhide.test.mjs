// A tap shows and hides, it does not rebuild: on the standalone page (dist/index.html), in
// headless Chromium, a MutationObserver on the widget's view of the duties records what each
// filter tap changes. A focus, line, topic or search tap changes attributes and text there and
// never adds or removes an element; a role tap adds or removes that role's column and its name
// in the role bar, nothing else; a column with many duties lists more cards only when the
// reader asks for them. And a card is light: at most ten elements in the default view, its
// source's details built when a reader opens them (a reader without scripts still sees the
// source's short name on every card). Deterministic: counts of mutations, never times.
// Run `make dist` first, then `node --test --test-concurrency=1 tests/e2e/showhide.test.mjs`.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from './support/server.mjs';
import { launch, openPage, describeErrors } from './support/browser.mjs';
import { openFilters, readView, waitForHash, waitForPressed, waitForView } from './support/widget.mjs';
import { generatedContent } from './support/generated-content.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(process.env.RC_DIST_DIR || path.join(here, '..', '..', 'dist'));
const CONTENT = JSON.parse(readFileSync(path.join(here, '..', '..', 'content', 'roles.json'), 'utf8'));
const BUILT = existsSync(path.join(DIST, 'index.html'));
const DESKTOP = { width: 1280, height: 900 };

let server;
let browser;

async function withPage(hash, body) {
  const { context, page, errors } = await openPage(browser, server.url + hash, { viewport: DESKTOP });
  try {
    await body(page);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally {
    await context.close();
  }
}

/** Starts recording every mutation under `selector` (the widget's view of the duties). */
function watch(page, selector = '.rc .rc-view') {
  return page.evaluate((selector) => {
    const target = document.querySelector(selector);
    window.__mutations = [];
    const describe = (n) => (n.nodeType === 1 ? `${n.localName}${n.className ? '.' + String(n.className).split(' ').join('.') : ''}${n.dataset?.role ? `[data-role=${n.dataset.role}]` : ''}${n.dataset?.roleName ? `[data-role-name=${n.dataset.roleName}]` : ''}` : n.nodeType === 3 ? '#text' : `#${n.nodeType}`);
    window.__observer?.disconnect();
    window.__observer = new MutationObserver((records) => {
      for (const r of records) {
        // Yew builds a new element in place, child by child: a record inside an element that
        // was added says where (its card, its column or role bar cell).
        const within = (selector) => (r.target.nodeType === 1 ? r.target.closest(selector) : null);
        const owner = within('[data-role], [data-role-name]');
        const card = within('.rc-duty');
        window.__mutations.push({
          type: r.type,
          target: describe(r.target),
          owner: owner ? describe(owner) : null,
          card: card ? describe(card) : null,
          attribute: r.attributeName,
          added: [...r.addedNodes].map(describe),
          removed: [...r.removedNodes].map(describe),
        });
      }
    });
    window.__observer.observe(target, { subtree: true, childList: true, attributes: true, characterData: true });
  }, selector);
}

/** The mutations recorded since `watch`, once the page has painted the tap's change. */
async function recorded(page) {
  return page.evaluate(
    () =>
      new Promise((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => {
          const out = window.__mutations;
          window.__mutations = [];
          done(out);
        })),
      ),
  );
}

const childList = (mutations) => mutations.filter((m) => m.type === 'childList');

describe('a tap shows and hides, it does not rebuild (dist/)', { skip: !BUILT && 'dist/ is missing: make dist' }, () => {
  before(async () => {
    server = await serve(DIST);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a focus, line, topic or search tap changes attributes and text in the view, and no element', async () => {
    await withPage('', async (page) => {
      const cards = await page.locator('.rc [data-duty]').count();
      await watch(page);
      const taps = [
        ['focus:internal', '#focus=internal'],
        ['line:bottom', '#focus=internal&line=bottom'],
        ['focus:internal', '#line=bottom'],
        ['line:bottom', ''],
      ];
      for (const [filter, hash] of taps) {
        await page.locator(`.rc [data-filter="${filter}"]`).click();
        await waitForHash(page, hash);
        const m = await recorded(page);
        assert.deepEqual(childList(m), [], `${filter}: no element added or removed in the view`);
        assert.ok(m.some((r) => r.type === 'attributes' && r.attribute === 'hidden'), `${filter}: cards shown or hidden`);
      }
      await openFilters(page);
      await watch(page);
      await page.locator('.rc [data-filter="topic:security"]').click();
      await waitForHash(page, '#topic=security');
      let m = await recorded(page);
      assert.deepEqual(childList(m), [], 'a topic: no element added or removed');
      assert.ok(m.some((r) => r.attribute === 'hidden'));
      await page.locator('.rc [data-filter="topic:security"]').click();
      await waitForHash(page, '');
      await recorded(page);
      await page.locator('.rc input[type="search"]').fill('vendor');
      await waitForView(page, 'the search', `location.hash === '#q=vendor'`);
      m = await recorded(page);
      assert.deepEqual(childList(m), [], 'a search: no element added or removed');
      assert.ok(m.some((r) => r.attribute === 'hidden'));
      assert.equal(await page.locator('.rc [data-duty]').count(), cards, 'every card still in the page');
      // Something else changed, so that the test can fail: the counts are text.
      assert.ok(m.some((r) => r.type === 'characterData'), 'the counts change as text');
    });
  });

  test('a card a filter hides keeps no place, no sight, no focus and no name; shown again it is where it was', async () => {
    // A hidden card keeps its boxes (`content-visibility: hidden`, out of the flow) rather
    // than losing them (`display: none`): to a reader it must be as gone as before.
    await withPage('', async (page) => {
      const boxes = () =>
        page.$$eval('.rc [data-duty]', (cards) => cards.map((c) => {
          const r = c.getBoundingClientRect();
          return `${c.dataset.duty} ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`;
        }));
      const before = await boxes();
      await page.locator('.rc [data-filter="focus:internal"]').click();
      await waitForHash(page, '#focus=internal');
      await readView(page);
      const seen = await page.evaluate(() => {
        const hidden = [...document.querySelectorAll('.rc [data-duty][hidden]')];
        const summary = hidden[0]?.querySelector('summary');
        summary?.focus();
        const lists = [...document.querySelectorAll('.rc .rc-duties')].map((list) => {
          const cards = [...list.querySelectorAll(':scope > [data-duty]:not([hidden])')];
          if (cards.length === 0) return 0;
          const [first, last] = [cards[0], cards.at(-1)].map((c) => c.getBoundingClientRect());
          // The list holds its last card's margin (the gap under each card) and gives it back
          // with its own negative margin: what follows it is where it would be without.
          const margin = parseFloat(getComputedStyle(cards.at(-1)).marginBottom);
          return Math.abs(list.getBoundingClientRect().height - (last.bottom + margin - first.top));
        });
        return {
          hidden: hidden.length,
          sized: hidden.filter((c) => c.getBoundingClientRect().width > 0 || c.getBoundingClientRect().height > 0).length,
          visible: hidden.filter((c) => c.checkVisibility({ visibilityProperty: true })).length,
          focused: !!summary && document.activeElement === summary,
          slack: Math.max(...lists),
        };
      });
      assert.ok(seen.hidden > 10, `the external cards are hidden (${seen.hidden})`);
      assert.equal(seen.sized, 0, 'a hidden card takes no room');
      assert.equal(seen.visible, 0, 'a hidden card is not visible');
      assert.equal(seen.focused, false, "a hidden card's source cannot take the focus");
      assert.ok(seen.slack < 1, `each list is as tall as its shown cards, the gaps between them and the last one's margin (${seen.slack} px more)`);
      // The accessibility tree: each list names as many items as it shows cards.
      for (const role of ['cio', 'cto', 'cmo']) {
        const list = page.locator(`.rc [data-role="${role}"] .rc-duties`);
        const items = (await list.ariaSnapshot()).split('\n').filter((l) => /^\s*- listitem\b/.test(l)).length;
        assert.equal(items, await list.locator(':scope > [data-duty]:not([hidden])').count(), `${role}: the accessibility tree lists the shown cards only`);
      }
      await page.locator('.rc [data-filter="focus:internal"]').click();
      await waitForHash(page, '');
      await readView(page);
      assert.deepEqual(await boxes(), before, 'every card back where it was, at its size');
    });
  });

  test('a source opened between filter taps: the cards shown are always those a fresh page shows for the same link', async () => {
    // The column sets `hidden` itself on a filter tap and draws its cards again only when they
    // change (a source opened or closed): both must leave the same cards shown.
    const shownIds = (page) => page.$$eval('.rc [data-duty]:not([hidden])', (els) => els.map((e) => e.dataset.duty));
    const fresh = async (hash) => {
      const { context, page } = await openPage(browser, server.url + hash, { viewport: DESKTOP });
      try {
        await page.locator('.rc-mount:not([data-prerendered]) [data-duty]').first().waitFor({ state: 'attached' });
        return await shownIds(page);
      } finally {
        await context.close();
      }
    };
    await withPage('', async (page) => {
      // A card that stays shown while its source is open: internal and bottom line.
      const kept = '.rc [data-duty][data-focus="internal"][data-line="bottom"]';
      const steps = [
        ['focus:internal'],
        ['open', `${kept} details:not([open]) > summary`],
        ['line:bottom'],
        ['focus:internal'],
        ['close', `${kept} details[open] > summary`],
        ['line:top'],
        ['line:bottom'],
        ['open', '.rc [data-duty]:not([hidden]) details:not([open]) > summary'],
        ['line:top'],
      ];
      for (const [step, arg] of steps) {
        if (step === 'open' || step === 'close') {
          await page.locator(arg).first().click();
          await page.waitForFunction((open) => !!document.querySelector('.rc details[open] .rc-source-body') === open, step === 'open');
          continue;
        }
        const button = page.locator(`.rc [data-filter="${step}"]`);
        const pressed = await button.getAttribute('aria-pressed');
        await button.click();
        await waitForPressed(page, step, pressed !== 'true');
        const { hash } = await readView(page);
        assert.deepEqual(await shownIds(page), await fresh(hash), `after ${step} (${hash || 'no filter'}): the cards shown`);
      }
    });
  });

  test('a role tap adds or removes only that role\'s column and its name in the role bar', async () => {
    await withPage('', async (page) => {
      await watch(page);
      await page.locator('.rc [data-filter="roles:ciso"]').click();
      await waitForHash(page, '#roles=cio,cto,cmo,ciso');
      const ciso = ['p.rc-rolebar-cell[data-role-name=ciso]', 'section.rc-column[data-role=ciso]'];
      let m = childList(await recorded(page));
      const outside = m.filter((r) => !ciso.includes(r.owner));
      assert.deepEqual(outside.flatMap((r) => r.added).sort(), ciso, JSON.stringify(outside));
      assert.ok(m.length > outside.length, 'the column is built in place');
      assert.deepEqual(m.flatMap((r) => r.removed), []);
      await page.locator('.rc [data-filter="roles:cto"]').click();
      await waitForHash(page, '#roles=cio,cmo,ciso');
      m = childList(await recorded(page));
      assert.deepEqual(m.flatMap((r) => r.removed).sort(), ['p.rc-rolebar-cell[data-role-name=cto]', 'section.rc-column[data-role=cto]'], JSON.stringify(m));
      assert.deepEqual(m.flatMap((r) => r.added), []);
    });
  });

  test('with many duties, a filter lists no new card; "Show more" does, when the reader asks', { timeout: 120_000 }, async () => {
    const { context, page, errors } = await openPage(browser, server.url, { viewport: DESKTOP });
    try {
      const content = generatedContent(1000);
      await page.evaluate(
        (content) => window.RoleCompare.mount(document.querySelector('[data-role-compare-page]'), { content }),
        content,
      );
      await page.waitForFunction(() => document.querySelector('.rc [role="status"]')?.textContent.trim().startsWith('1000 of 1000'));
      const listed = await page.locator('.rc [data-duty]').count();
      await watch(page);
      await page.locator('.rc [data-filter="focus:internal"]').click();
      await waitForView(page, 'the filter', `document.querySelector('.rc [data-filter="focus:internal"]').getAttribute('aria-pressed') === 'true'`);
      const m = await recorded(page);
      assert.deepEqual(childList(m), [], 'a filter over many duties lists no new card and removes none');
      assert.equal(await page.locator('.rc [data-duty]').count(), listed);
      // Past a column's fiftieth card (`content-visibility: auto` while shown) a hidden card is
      // hidden all the same: no rendering kept up for it, no size, out of sight.
      const late = await page.$$eval('.rc [data-role] .rc-duties > [data-duty][hidden]:nth-child(n + 51)', (cards) =>
        cards.map((c) => `${getComputedStyle(c).contentVisibility} ${c.getBoundingClientRect().height} ${c.checkVisibility({ visibilityProperty: true })}`));
      assert.ok(late.length > 0, 'some hidden cards past the fiftieth');
      assert.deepEqual([...new Set(late)], ['hidden 0 false'], 'each one hidden, without size, not visible');
      const more = page.locator('.rc [data-role] button[data-action="more"]').first();
      await watch(page);
      await more.click();
      await page.waitForFunction((n) => document.querySelectorAll('.rc [data-duty]').length > n, listed);
      const shown = childList(await recorded(page));
      // Cards added to a list, and what is built inside them; the button's own text changes.
      const outside = shown.filter((r) => !r.card && r.target !== 'button.rc-more');
      const added = outside.flatMap((r) => r.added);
      assert.ok(added.length > 0 && added.every((a) => a === 'li.rc-duty'), `"Show more" adds cards, and only cards: ${JSON.stringify(outside.slice(0, 5))}`);
      // (The button goes when the column has listed every duty.)
      assert.deepEqual(shown.flatMap((r) => r.removed).filter((n) => !['#text', 'button.rc-more'].includes(n)), [], 'and removes none');
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally {
      await context.close();
    }
  });

  for (const [what, javaScriptEnabled] of [['live', true], ['pre-rendered, read without scripts', false]]) {
    test(`${what}: a card is at most ten elements, its source's short name on it; the details come when opened`, async () => {
      const context = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled });
      try {
        const page = await context.newPage();
        await page.goto(server.url);
        if (javaScriptEnabled) await page.locator('.rc-mount:not([data-prerendered]) [data-duty]').first().waitFor({ state: 'attached' });
        const cards = await page.$$eval('.rc [data-duty]', (els) =>
          els.map((card) => ({ id: card.dataset.duty, elements: card.querySelectorAll('*').length + 1, cite: card.querySelector('.rc-cite')?.textContent ?? '' })),
        );
        const source = new Map(CONTENT.duties.map((d) => [d.id, CONTENT.sources.find((s) => s.id === d.source)]));
        assert.ok(cards.length >= 50, `${cards.length} cards`);
        const heavy = cards.filter((c) => c.elements > 10).map((c) => `${c.id}: ${c.elements}`);
        assert.deepEqual(heavy, [], 'cards of more than ten elements');
        const unnamed = cards.filter((c) => c.cite !== (source.get(c.id).short || source.get(c.id).title)).map((c) => c.id);
        assert.deepEqual(unnamed, [], 'every card names its source');
        if (!javaScriptEnabled) return;
        const card = page.locator(`.rc [data-duty="${cards[0].id}"]`);
        assert.equal(await card.locator('.rc-source-body').count(), 0, 'no details until opened');
        await card.locator('summary').click();
        const body = card.locator('.rc-source-body');
        await body.waitFor({ state: 'visible' });
        assert.match(await body.textContent(), new RegExp(source.get(cards[0].id).title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
        await card.locator('summary').click();
        await body.waitFor({ state: 'detached' });
      } finally {
        await context.close();
      }
    });
  }
});
