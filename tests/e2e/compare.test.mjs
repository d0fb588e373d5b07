// End-to-end tests of comparing the roles (issue 9) on the built site (dist/) in headless
// Chromium: the topic layout, the overlap filter, the focus map, duty deep links and the
// perspectives. Expectations are computed from the built-in content file itself
// (content/roles.json), so they follow its edits.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from './support/server.mjs';
import { launch, openPage, describeErrors } from './support/browser.mjs';
import { readView, waitForView, waitForPressed, waitForHash, toggle, openFilters } from './support/widget.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(process.env.RC_DIST_DIR || path.join(here, '..', '..', 'dist'));
const CONTENT = JSON.parse(readFileSync(path.join(here, '..', '..', 'content', 'roles.json'), 'utf8'));

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const DEFAULT_ROLES = CONTENT.roles.filter((r) => r.shownByDefault !== false).map((r) => r.id);

// ---- Expectations from the content file ----------------------------------------------------

const dutiesOf = (roles) => CONTENT.duties.filter((d) => roles.includes(d.role));
/** Duty id -> ids of the duties linked to it, both ways. */
const partners = (() => {
  const map = new Map(CONTENT.duties.map((d) => [d.id, new Set()]));
  for (const d of CONTENT.duties) {
    for (const l of d.links ?? []) {
      map.get(d.id)?.add(l.duty);
      map.get(l.duty)?.add(d.id);
    }
  }
  return map;
})();
const roleOf = new Map(CONTENT.duties.map((d) => [d.id, d.role]));
/** Whether a duty is linked to a duty of another of the shown roles. */
const isShared = (id, roles) => [...partners.get(id)].some((p) => roles.includes(roleOf.get(p)));

let server;
let browser;

async function withPage(fragment, body, { viewport = DESKTOP, colorScheme = 'light', file = '' } = {}) {
  const { context, page, errors } = await openPage(browser, server.url + file + fragment, { viewport, colorScheme, waitForWidget: false });
  try {
    await page.locator('.rc-mount:not([data-prerendered]) [data-duty]').first().waitFor({ state: 'attached', timeout: 15_000 });
    await body(page, errors);
    assert.deepEqual(errors, [], `the page logged errors: ${describeErrors(errors)}`);
  } finally {
    await context.close();
  }
}

/** The topic layout as laid out: rows, and in each band the cells with their duties and boxes. */
function readTopics(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.rc [data-topic-row]')].map((row) => ({
      topic: row.dataset.topicRow,
      top: row.getBoundingClientRect().top,
      bottom: row.getBoundingClientRect().bottom,
      bands: [...row.querySelectorAll('.rc-band')].map((band) => ({
        kind: band.dataset.band ?? null,
        notes: [...band.querySelectorAll('.rc-band-notes li')].map((li) => ({
          text: li.textContent.trim(),
          cite: li.querySelector('cite')?.textContent.trim() ?? null,
        })),
        cells: [...band.querySelectorAll('.rc-cell')].map((cell) => {
          const box = cell.getBoundingClientRect();
          return {
            role: cell.dataset.role,
            left: box.left,
            right: box.right,
            top: box.top,
            shown: cell.checkVisibility({ visibilityProperty: true }),
            label: (() => {
              // Shown, not just there for screen readers (the side-by-side layout hides it visually).
              const label = cell.querySelector('.rc-cell-role');
              return !!label && label.checkVisibility({ visibilityProperty: true }) && label.getBoundingClientRect().width > 1;
            })(),
            duties: [...cell.querySelectorAll('[data-duty]')].map((d) => d.dataset.duty),
          };
        }),
      })),
    })),
  );
}

const BUILT = existsSync(path.join(DIST, 'index.html'));
if (!BUILT) {
  test('the site is built', () => assert.fail(`${path.join(DIST, 'index.html')} is missing: run make dist first`));
}

describe('comparing the roles (dist/)', { skip: !BUILT && 'dist/ is missing' }, () => {
  before(async () => {
    server = await serve(DIST);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the topic layout: a row a topic, a column a role, every duty once, aligned across roles', async () => {
    await withPage('', async (page) => {
      await page.click('button[data-layout="topics"]');
      await waitForHash(page, '#layout=topics');
      await page.locator('.rc [data-topic-row]').first().waitFor();
      assert.equal(await page.getAttribute('button[data-layout="topics"]', 'aria-pressed'), 'true');
      assert.equal(await page.getAttribute('button[data-layout="columns"]', 'aria-pressed'), 'false');

      const rows = await readTopics(page);
      const expected = dutiesOf(DEFAULT_ROLES);
      const placed = rows.flatMap((r) => r.bands.flatMap((b) => b.cells.flatMap((c) => c.duties)));
      assert.deepEqual([...placed].sort(), expected.map((d) => d.id).sort(), 'every shown duty, once');
      // The rows follow the content's topic order, and each duty is in one of its own topics.
      const order = CONTENT.topics.map((t) => t.id);
      const rowTopics = rows.map((r) => r.topic);
      assert.deepEqual(rowTopics, [...rowTopics].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
      for (const row of rows) {
        for (const band of row.bands) {
          assert.deepEqual(band.cells.map((c) => c.role), DEFAULT_ROLES, `${row.topic}: a cell per shown role, in column order`);
          const tops = band.cells.map((c) => Math.round(c.top));
          assert.ok(Math.max(...tops) - Math.min(...tops) <= 1, `${row.topic}: the cells of a band start on one line (${tops})`);
          band.cells.reduce((left, c) => (assert.ok(c.left >= left, `${row.topic}: ${c.role} right of the one before`), c.right), -Infinity);
          for (const cell of band.cells) {
            assert.equal(cell.label, false, 'side by side, the role is named once at the top');
            for (const id of cell.duties) {
              assert.equal(roleOf.get(id), cell.role, `${id} in its role's column`);
              const own = expected.find((d) => d.id === id);
              if (band.kind === null) assert.ok(own.topics.includes(row.topic), `${id} in one of its topics' rows`);
            }
          }
        }
      }
      // Every column lines up with its role's head.
      const heads = await page.$$eval('.rc-topics-role', (els) => els.map((e) => e.getBoundingClientRect().left));
      for (const band of rows.flatMap((r) => r.bands)) {
        band.cells.forEach((c, i) => assert.ok(Math.abs(c.left - heads[i]) <= 1, `${c.role} under its head`));
      }
    });
  });

  test('linked duties share a band with a note that names its source; the layout is in the link', async () => {
    await withPage('#layout=topics', async (page) => {
      await page.locator('.rc [data-topic-row]').first().waitFor();
      const rows = await readTopics(page);
      const linked = rows.flatMap((r) => r.bands).filter((b) => b.kind !== null);
      assert.ok(linked.length > 0, 'the built-in content has linked duties among the default roles');
      for (const band of linked) {
        const ids = band.cells.flatMap((c) => c.duties);
        assert.ok(ids.length >= 2, `a band of linked duties holds at least two: ${ids}`);
        assert.ok(new Set(band.cells.filter((c) => c.duties.length).map((c) => c.role)).size >= 2, 'across roles');
        for (const id of ids) {
          assert.ok([...partners.get(id)].some((p) => ids.includes(p)), `${id} is linked to a duty of its band`);
        }
        assert.ok(band.notes.length > 0, `the band ${ids} says why`);
        for (const note of band.notes) assert.ok(note.cite, `the note "${note.text}" names its source`);
      }
      // Any two linked shown duties are in one band.
      const bandOf = new Map(linked.flatMap((b, i) => b.cells.flatMap((c) => c.duties.map((d) => [d, i]))));
      for (const d of dutiesOf(DEFAULT_ROLES)) {
        for (const p of partners.get(d.id)) {
          if (DEFAULT_ROLES.includes(roleOf.get(p))) assert.equal(bandOf.get(d.id), bandOf.get(p), `${d.id} and ${p}`);
        }
      }
    });
  });

  test('overlap:shared narrows to the linked duties, in aligned rows; unique to the rest; both to all', async () => {
    await withPage('#layout=topics', async (page) => {
      const all = dutiesOf(DEFAULT_ROLES);
      const shared = all.filter((d) => isShared(d.id, DEFAULT_ROLES)).map((d) => d.id);
      const unique = all.filter((d) => !isShared(d.id, DEFAULT_ROLES)).map((d) => d.id);
      await openFilters(page);
      let view = await readView(page);
      assert.equal(view.toggles['overlap:shared'].count, shared.length, 'the shared toggle counts the linked duties');
      assert.equal(view.toggles['overlap:unique'].count, unique.length);

      await toggle(page, 'overlap:shared');
      await waitForHash(page, '#overlap=shared&layout=topics');
      await waitForView(page, 'only shared duties', `document.querySelectorAll('.rc [data-duty]').length === ${shared.length}`);
      view = await readView(page);
      assert.deepEqual(view.duties.map((d) => d.id).sort(), [...shared].sort());
      const rows = await readTopics(page);
      for (const band of rows.flatMap((r) => r.bands)) {
        assert.notEqual(band.kind, null, 'every band left is a band of linked duties');
        const tops = band.cells.map((c) => Math.round(c.top));
        assert.ok(Math.max(...tops) - Math.min(...tops) <= 1, 'aligned across the columns');
      }

      await toggle(page, 'overlap:unique');
      await waitForView(page, 'both: every duty', `document.querySelectorAll('.rc [data-duty]').length === ${all.length}`);
      await toggle(page, 'overlap:shared');
      await waitForView(page, 'only unique duties', `document.querySelectorAll('.rc [data-duty]').length === ${unique.length}`);
      view = await readView(page);
      assert.deepEqual(view.duties.map((d) => d.id).sort(), [...unique].sort());

      // Hiding the other roles leaves nothing shared with them.
      await toggle(page, 'overlap:unique');
      for (const r of DEFAULT_ROLES.slice(1)) await toggle(page, `roles:${r}`);
      view = await readView(page);
      assert.equal(view.toggles['overlap:shared'].count, 0, 'a duty is shared only with a role that is shown');
    });
  });

  test('a focus-map cell counts each role\'s duties, sets both facets, and clears them when pressed again', async () => {
    await withPage('', async (page) => {
      await openFilters(page);
      const cells = await page.$$eval('.rc button[data-cell]', (els) =>
        els.map((b) => ({
          cell: b.dataset.cell,
          pressed: b.getAttribute('aria-pressed'),
          counts: [...b.querySelectorAll('.rc-map-count')].map((c) => [c.querySelector('.rc-map-role').textContent, Number(c.querySelector('.rc-map-n').textContent)]),
        })),
      );
      assert.deepEqual(cells.map((c) => c.cell).sort(), ['external:bottom', 'external:top', 'internal:bottom', 'internal:top']);
      for (const { cell, pressed, counts } of cells) {
        const [focus, line] = cell.split(':');
        assert.equal(pressed, 'false');
        const expected = DEFAULT_ROLES.map((r) => [
          CONTENT.roles.find((x) => x.id === r).title,
          CONTENT.duties.filter((d) => d.role === r && d.focus === focus && d.line === line).length,
        ]);
        assert.deepEqual(counts, expected, `${cell}: per role`);
      }

      await page.click('button[data-cell="internal:bottom"]');
      await waitForPressed(page, 'focus:internal');
      await waitForPressed(page, 'line:bottom');
      await waitForHash(page, '#focus=internal&line=bottom');
      assert.equal(await page.getAttribute('button[data-cell="internal:bottom"]', 'aria-pressed'), 'true');
      const view = await readView(page);
      const expected = dutiesOf(DEFAULT_ROLES).filter((d) => d.focus === 'internal' && d.line === 'bottom');
      assert.deepEqual(view.duties.map((d) => d.id).sort(), expected.map((d) => d.id).sort());
      assert.ok(view.status.startsWith(`${expected.length} of `), view.status);

      // Another cell moves both facets; pressing the pressed cell clears them.
      await page.click('button[data-cell="external:top"]');
      await waitForHash(page, '#focus=external&line=top');
      await page.click('button[data-cell="external:top"]');
      await waitForPressed(page, 'focus:external', false);
      await waitForPressed(page, 'line:top', false);
      assert.equal(await page.getAttribute('button[data-cell="external:top"]', 'aria-pressed'), 'false');
      assert.equal((await readView(page)).duties.length, dutiesOf(DEFAULT_ROLES).length);
    });
  });

  test('#duty=<id> scrolls to that duty and marks it current; a link that hides it clears its filters', async () => {
    const far = dutiesOf(['cmo']).at(-1);
    await withPage(`#duty=${far.id}`, async (page) => {
      const item = page.locator(`.rc [data-duty="${far.id}"]`);
      await item.waitFor();
      assert.equal(await item.getAttribute('aria-current'), 'true');
      assert.equal(await page.locator('.rc [aria-current="true"]').count(), 1, 'one duty is marked');
      await page.waitForFunction((id) => {
        const box = document.querySelector(`.rc [data-duty="${id}"]`).getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight;
      }, far.id, { timeout: 5_000 });
    }, { viewport: PHONE });

    const hidden = CONTENT.duties.find((d) => d.role === 'ciso' && d.focus === 'internal');
    await withPage(`#focus=external&duty=${hidden.id}`, async (page) => {
      const item = page.locator(`.rc [data-duty="${hidden.id}"]`);
      await item.waitFor();
      assert.equal(await item.getAttribute('aria-current'), 'true');
      const view = await readView(page);
      assert.ok(view.roles.includes('ciso'), 'its role is shown');
      assert.match(view.notice ?? '', /hide the duty/, 'the notice says why the filters went');
    });
  });

  test('"Link to this duty" marks the duty and puts it in the link, filters kept', async () => {
    await withPage('#focus=internal', async (page) => {
      const first = (await readView(page)).duties[0].id;
      const item = page.locator(`.rc [data-duty="${first}"]`);
      await item.locator('summary').click();
      await item.locator('a[data-duty-link]').click();
      await waitForHash(page, `#focus=internal&duty=${first}`);
      assert.equal(await item.getAttribute('aria-current'), 'true');
    });
  });

  test('on a phone the topic layout lists each topic\'s roles one under another, each named', async () => {
    await withPage('#layout=topics', async (page) => {
      await page.locator('.rc [data-topic-row]').first().waitFor();
      const rows = await readTopics(page);
      for (const row of rows) {
        let bottom = row.top;
        for (const band of row.bands) {
          for (const cell of band.cells.filter((c) => c.shown)) {
            assert.ok(cell.duties.length > 0, 'an empty cell is left out');
            assert.ok(cell.label, `${row.topic}: the ${cell.role} cell names its role`);
            assert.ok(cell.top >= bottom - 1, `${row.topic}: ${cell.role} under the one before`);
            bottom = cell.top;
          }
        }
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `no sideways scroll (${overflow} px)`);
    }, { viewport: PHONE });
  });

  test('the layout is an embed option (the iframe page) and follows Back', async () => {
    await withPage('', async (page) => {
      await page.locator('.rc [data-topic-row]').first().waitFor();
      assert.equal(await page.getAttribute('button[data-layout="topics"]', 'aria-pressed'), 'true');
      const cells = await page.$$eval('.rc [data-topic-row]:first-of-type .rc-band:first-of-type .rc-cell', (els) => els.map((e) => e.dataset.role));
      assert.deepEqual(cells, ['cio', 'cto']);
    }, { file: 'embed.html?layout=topics&roles=cio,cto' });

    await withPage('', async (page) => {
      await page.click('button[data-layout="topics"]');
      await page.locator('.rc [data-topic-row]').first().waitFor();
      // The link follows the view a frame later (src/web.rs, `use_url_sync`): Back before it is
      // written would leave the page, not the layout.
      await waitForHash(page, '#layout=topics');
      await page.goBack();
      await page.locator('.rc .rc-columns').waitFor();
      assert.equal(await page.getAttribute('button[data-layout="columns"]', 'aria-pressed'), 'true');
    });
  });

  test('perspectives and key figures follow the role filter, every statement with its source', async () => {
    if (!CONTENT.perspectives?.length) return;
    await withPage('', async (page) => {
      const read = () =>
        page.$$eval('.rc [data-perspective]', (els) =>
          els.map((d) => ({
            id: d.dataset.perspective,
            title: d.querySelector('summary').textContent.trim(),
            points: [...d.querySelectorAll('li')].map((li) => ({ text: li.textContent.trim(), cite: li.querySelector('cite')?.textContent.trim() ?? null })),
          })),
        );
      const expectedFor = (roles) => CONTENT.perspectives.filter((p) => p.roles.some((r) => roles.includes(r))).map((p) => p.id);
      let shown = await read();
      assert.deepEqual(shown.filter((p) => p.id !== 'figures').map((p) => p.id), expectedFor(DEFAULT_ROLES));
      for (const p of shown) {
        for (const point of p.points) assert.ok(point.cite, `${p.id}: "${point.text}" names its article`);
      }
      const figures = shown.find((p) => p.id === 'figures');
      assert.ok(figures, 'the key figures are there');
      for (const value of ['69%', '19%', '58%', '44%']) {
        assert.ok(figures.points.some((f) => f.text.includes(value)), `${value} is among the figures`);
      }
      assert.ok(figures.points.some((f) => f.text.includes('Gartner') && f.text.includes('2012')), 'Gartner 2012');

      // Opening one shows its points.
      const first = page.locator('.rc [data-perspective]').first();
      await first.locator('summary').click();
      assert.ok(await first.locator('li').first().isVisible());

      // With the CTO alone, only what concerns the CTO.
      for (const r of DEFAULT_ROLES.filter((r) => r !== 'cto')) await toggle(page, `roles:${r}`);
      await page.waitForFunction(() => !document.querySelector('.rc [data-role="cio"]'));
      shown = await read();
      assert.deepEqual(shown.filter((p) => p.id !== 'figures').map((p) => p.id), expectedFor(['cto']));
    });
  });

  for (const colorScheme of ['light', 'dark']) {
    for (const viewport of [PHONE, DESKTOP]) {
      test(`axe (WCAG 2.2 AA), ${colorScheme}, ${viewport.width} px: the topic layout with a pressed map cell, an overlap filter, a marked duty and open perspectives`, async () => {
        const duty = dutiesOf(['cio']).find((d) => d.focus === 'internal' && d.line === 'bottom');
        await withPage(`#focus=internal&line=bottom&overlap=unique&layout=topics&duty=${duty.id}`, async (page) => {
          await page.locator('.rc [aria-current="true"]').waitFor();
          await page.$$eval('.rc details', (els) => els.forEach((d) => { d.open = true; }));
          await page.addScriptTag({ path: AXE_PATH });
          const violations = await page.evaluate(async () => {
            // eslint-disable-next-line no-undef
            const result = await axe.run(document.querySelector('.rc'), { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
            return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target.join(' ')}`);
          });
          assert.deepEqual(violations, []);
        }, { colorScheme, viewport });
      });
    }
  }
});
