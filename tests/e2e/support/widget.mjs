// Reading the widget the way a reader sees it, and waiting for it to change. Selectors follow the
// markup in src/components: `.rc` root, `[data-role]` columns, `[data-duty]` items carrying
// `data-focus` and `data-line`, `button[data-filter="<facet>:<value>"]` toggles with
// `aria-pressed` and a `.rc-toggle-count`, the `[role="status"]` line, `.rc-notice`, `.rc-empty`.

import assert from 'node:assert/strict';

/**
 * Everything the tests compare, read in one round trip.
 * @param page a Page or a Frame (the iframe embed).
 * @param {{within?: string}} [options] `within`: a CSS selector of the element the widget is
 *   mounted in, for pages with several widgets; by default the whole document.
 */
export function readView(page, { within = null } = {}) {
  return page.evaluate(async (within) => {
    // A tap's own frame shows the toolbar; once it is painted the view follows and the link is
    // written, in a task after it (src/state.rs, `State::shown`; src/web.rs, `use_url_sync`).
    // Until then the view is `aria-busy`: wait (bounded, 5 s) until no view in scope is, then
    // two frames and a task (the wait gives up after half a second, for a page that paints no
    // frame). In a page read without scripts no frame callback or timer ever runs, and no
    // script writes a link.
    if (matchMedia('(scripting: enabled)').matches) {
      const busy = () => (within ? document.querySelector(within) : document)?.querySelector('.rc-view[aria-busy="true"]');
      for (const end = performance.now() + 5000; busy() && performance.now() < end;) {
        await new Promise((r) => setTimeout(r, 10));
      }
      await Promise.race([
        new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))),
        new Promise((r) => setTimeout(r, 500)),
      ]);
    }
    const scope = within ? document.querySelector(within) : document;
    if (!scope) throw new Error(`readView: no element matches ${within}`);
    const root = scope.querySelector('.rc');
    const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : null);
    // The duties the filters leave: a card they leave out stays in the page, `hidden`. On a
    // phone a role's section shows its first few until the reader asks for all (`folded`).
    const duties = [...scope.querySelectorAll('.rc [data-duty]:not([hidden])')].map((d) => ({
      id: d.dataset.duty,
      role: d.closest('[data-role]')?.dataset.role ?? null,
      focus: d.dataset.focus,
      line: d.dataset.line,
      topics: text(d.querySelector('.rc-tag--topics'))?.replace(/^Topics:\s*/, '') ?? '',
      // The duty's own sentence; `text` is everything in the item (tags, source included).
      sentence: text(d.querySelector('.rc-duty-text')) ?? '',
      text: text(d),
      visible: d.checkVisibility ? d.checkVisibility({ visibilityProperty: true }) : d.getClientRects().length > 0,
      folded: !!d.closest('[data-role]')?.querySelector(':scope > .rc-all[aria-expanded="false"]')?.checkVisibility({ visibilityProperty: true }),
    }));
    const toggles = {};
    for (const b of scope.querySelectorAll('.rc button[data-filter]')) {
      toggles[b.dataset.filter] = {
        pressed: b.getAttribute('aria-pressed'),
        count: Number(text(b.querySelector('.rc-toggle-count'))),
      };
    }
    return {
      hasRoot: !!root,
      roles: [...scope.querySelectorAll('.rc [data-role]')].map((c) => c.dataset.role),
      // Each column's title ("CIO"; "Platform lead"), without the full name beside it.
      titles: [...scope.querySelectorAll('.rc [data-role] .rc-role-title')].map((h) =>
        [...h.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim(),
      ),
      duties,
      toggles,
      pressed: Object.keys(toggles).filter((k) => toggles[k].pressed === 'true'),
      status: text(scope.querySelector('.rc [role="status"]')),
      notice: text(scope.querySelector('.rc .rc-notice')),
      error: text(scope.querySelector('.rc .rc-error')),
      empty: text(scope.querySelector('.rc .rc-empty')),
      search: scope.querySelector('.rc input[type="search"]')?.value ?? null,
      hash: location.hash,
    };
  }, within);
}

/** The pressed toggles that filter duties (every facet but `roles`). */
export function pressedFilters(view) {
  return view.pressed.filter((f) => !f.startsWith('roles:')).sort();
}

/**
 * Parses "9 of 27 duties · CIO 4 · CTO 3 · CMO 2" into {shown, total, perRole: {cio: 4, ...}}
 * (keys: the role titles in lower case, so "Platform lead 2" gives {"platform lead": 2});
 * `null` when the line does not read like that.
 */
export function parseStatus(status) {
  const m = /^(\d+) of (\d+) dut(?:y|ies)((?: · [^·]+? \d+)*)$/.exec(status ?? '');
  if (!m) return null;
  const perRole = {};
  for (const part of m[3].split(' · ').filter(Boolean)) {
    const [, title, n] = /^(.+) (\d+)$/.exec(part);
    perRole[title.toLowerCase()] = Number(n);
  }
  return { shown: Number(m[1]), total: Number(m[2]), perRole };
}

/**
 * Asserts that the status line agrees with the duties in the DOM; returns the parsed line. The
 * line names columns by title, which for the default roles is the id in capitals ("CIO"); for
 * an author's roles the view's column titles say which is which.
 */
export function assertStatusMatchesDom(view, message = '') {
  const parsed = parseStatus(view.status);
  assert.ok(parsed, `${message}status line should read "N of M duties · ROLE n · …", got ${JSON.stringify(view.status)}`);
  assert.equal(parsed.shown, view.duties.length, `${message}status line's first number vs duties shown (status: ${view.status})`);
  const keys = view.titles?.length === view.roles.length ? view.titles.map((t) => t.toLowerCase()) : view.roles;
  assert.deepEqual(
    Object.keys(parsed.perRole),
    keys,
    `${message}status line should name the shown columns in order (status: ${view.status})`,
  );
  view.roles.forEach((role, i) => {
    const inColumn = view.duties.filter((d) => d.role === role).length;
    assert.equal(parsed.perRole[keys[i]], inColumn, `${message}status count for ${role} vs its column (status: ${view.status})`);
  });
  const hidden = view.duties.filter((d) => !d.visible && !d.folded).map((d) => d.id);
  assert.deepEqual(hidden, [], `${message}every duty the filters leave should be visible (or behind its section's "All N" on a phone)`);
  return parsed;
}

/**
 * Waits until `predicate(view)` holds for the widget's view, polling on animation frames inside
 * the page (no fixed sleeps). On timeout fails with `what` and the view as last seen (of the
 * widget in `within`, a CSS selector of its host element, when given).
 */
export async function waitForView(page, what, predicateSource, { timeout = 5_000, within = null } = {}) {
  try {
    await page.waitForFunction(predicateSource, undefined, { timeout, polling: 'raf' });
  } catch (err) {
    if (!/Timeout/i.test(String(err?.message))) throw err;
    const view = await readView(page, { within }).catch(() => null);
    const brief = view && {
      roles: view.roles,
      duties: view.duties.length,
      pressed: view.pressed,
      status: view.status,
      notice: view.notice,
      empty: view.empty,
      search: view.search,
      hash: view.hash.length > 120 ? view.hash.slice(0, 120) + '…' : view.hash,
    };
    assert.fail(`timed out after ${timeout} ms waiting for ${what}; the widget shows ${JSON.stringify(brief, null, 2)}`);
  }
}

/** `selector` inside the element matching `within`, or anywhere when `within` is null. */
export function scoped(within, selector) {
  return within ? `${within} ${selector}` : selector;
}

/**
 * Waits until the toggle `filter` ("focus:internal") has aria-pressed `pressed`; `within` as in
 * readView, for pages with several widgets.
 */
export function waitForPressed(page, filter, pressed = true, { within = null } = {}) {
  const selector = scoped(within, `.rc button[data-filter="${filter}"]`);
  return waitForView(
    page,
    `${filter} to be ${pressed ? 'pressed' : 'unpressed'}${within ? ` in ${within}` : ''}`,
    `document.querySelector(${JSON.stringify(selector)})?.getAttribute('aria-pressed') === '${pressed}'`,
    { within },
  );
}

/** Waits until location.hash equals `hash` (with its "#", or "" for none). */
export function waitForHash(page, hash) {
  return waitForView(page, `location.hash to be ${JSON.stringify(hash)}`, `location.hash === ${JSON.stringify(hash)}`);
}

/** Waits until the status line's first number is `n`. */
export function waitForShown(page, n) {
  return waitForView(
    page,
    `the status line to start with "${n} of"`,
    `(document.querySelector('.rc [role="status"]')?.textContent ?? '').trim().startsWith(${JSON.stringify(n + ' of ')})`,
  );
}

/**
 * Opens the widget's "More filters" panel (the topics, the overlap, the focus map) unless it is
 * open; `within` as in readView. A reader's one click.
 */
export async function openFilters(page, { within = null } = {}) {
  const button = page.locator(scoped(within, '.rc button[data-action="filters"]'));
  if ((await button.getAttribute('aria-expanded')) !== 'true') {
    await button.click();
    await waitForView(
      page,
      'the filters panel to open',
      `document.querySelector(${JSON.stringify(scoped(within, '.rc button[data-action="filters"]'))})?.getAttribute('aria-expanded') === 'true'`,
      { within },
    );
  }
}

/**
 * Clicks a toggle button and waits for its aria-pressed to flip; `within` as in readView. A
 * toggle folded away (the topics and the overlap are behind "More filters") is reached as a
 * reader reaches it: the panel is opened first.
 */
export async function toggle(page, filter, { within = null } = {}) {
  const button = page.locator(scoped(within, `.rc button[data-filter="${filter}"]`));
  if ((await button.count()) === 0 || !(await button.isVisible())) await openFilters(page, { within });
  const before = await button.getAttribute('aria-pressed');
  await button.click();
  await waitForPressed(page, filter, before !== 'true', { within });
}

/** WCAG relative luminance of a CSS `rgb()`/`rgba()` colour string; null if it cannot parse. */
export function luminance(cssColor) {
  const m = /^rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(cssColor.trim());
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
