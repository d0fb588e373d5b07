// What the platform tests (hugo.test.mjs, wordpress.test.mjs) check alike: an article whose
// author placed two comparisons with the same options on either platform,
//   roles="cio,cto" focus="external"
//   roles="cmo,cio" line="top" heading-level=3 compact
// read the way a reader sees them.

import assert from 'node:assert/strict';

import { mountAllNow } from './browser.mjs';
import { readView, pressedFilters, assertStatusMatchesDom, toggle, waitForView } from './widget.mjs';

/**
 * Mounts every widget of the page at once, waits until `count` of them show duties, and marks
 * them `data-test-widget="1"`, `"2"`, … in page order (the integrations write no ids).
 */
export async function waitForWidgets(page, count) {
  await mountAllNow(page);
  await page.waitForFunction((n) => {
    const hosts = [...document.querySelectorAll('[data-role-compare]')];
    return hosts.length === n && hosts.every((h) => h.querySelector('.rc-mount:not([data-prerendered]) [data-duty]'));
  }, count);
  await page.evaluate(() => document.querySelectorAll('[data-role-compare]').forEach((h, i) => (h.dataset.testWidget = String(i + 1))));
}

/** The selector of the `n`th widget, as waitForWidgets marked it. */
export const widget = (n) => `[data-test-widget="${n}"]`;

/**
 * The article's two comparisons show their own options, and a reader's filter click changes the
 * first and leaves the second as it was.
 */
export async function assertArticleWidgets(page) {
  const [A, B] = [widget(1), widget(2)];
  const a = await readView(page, { within: A });
  assert.deepEqual(a.roles, ['cio', 'cto'], 'first: roles="cio,cto"');
  assert.deepEqual(pressedFilters(a), ['focus:external'], 'first: focus="external"');
  assert.ok(a.duties.length > 0 && a.duties.every((d) => d.focus === 'external'), 'first: external duties only');
  assertStatusMatchesDom(a, 'first: ');
  assert.equal(await page.locator(`${A} .rc h2.rc-role-title`).count(), 2, 'first: role headings h2 (the default)');
  assert.equal(a.notice, null, 'no notice in the first');

  const b = await readView(page, { within: B });
  assert.deepEqual(b.roles, ['cmo', 'cio'], 'second: roles="cmo,cio", in that order');
  assert.deepEqual(pressedFilters(b), ['line:top'], 'second: line="top"');
  assert.ok(b.duties.length > 0 && b.duties.every((d) => d.line === 'top'), 'second: top-line duties only');
  assert.equal(await page.locator(`${B} .rc.rc--compact`).count(), 1, 'second: compact');
  assert.equal(await page.locator(`${B} .rc h3.rc-role-title`).count(), 2, 'second: heading level 3');
  assert.equal(b.notice, null, 'no notice in the second');

  await toggle(page, 'focus:external', { within: A });
  await waitForView(
    page,
    'the first widget to show internal duties too',
    `[...document.querySelectorAll('${A} .rc [data-duty]')].some((d) => d.dataset.focus === 'internal')`,
    { within: A },
  );
  const a2 = await readView(page, { within: A });
  assert.ok(a2.duties.length > a.duties.length, `more duties once focus is cleared (${a.duties.length} → ${a2.duties.length})`);
  assertStatusMatchesDom(a2, 'first, after the click: ');
  const b2 = await readView(page, { within: B });
  assert.deepEqual(b2.duties.map((d) => d.id), b.duties.map((d) => d.id), 'the second did not change');
}

/**
 * A comparison given roles "cto", heading level 4 and the unknown option "colour": the element
 * carries `expected` (its attributes as "name=value", the widget's data-rc-* and the test's
 * marks left out), the widget applies the known options and names the unknown one in its notice.
 */
export async function assertPassedThrough(page, expected) {
  const written = await page
    .locator(widget(1))
    .evaluate((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`).filter((a) => !/^data-(rc|test)-/.test(a)));
  assert.deepEqual(written, expected, 'the options as written, in kebab-case');
  assert.deepEqual((await readView(page)).roles, ['cto']);
  assert.equal(await page.locator('.rc h4.rc-role-title').count(), 1, 'headingLevel arrives as data-heading-level');
  const items = await page.locator('.rc .rc-notice li').allTextContents();
  assert.equal(items.length, 1, `one notice item: ${JSON.stringify(items)}`);
  assert.match(items[0], /^data-colour: unknown option/, 'the widget names the unknown option');
}
