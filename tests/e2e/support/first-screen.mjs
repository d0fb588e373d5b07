// What a reader sees in the first screen of a widget: its top scrolled to the top of the
// viewport, then read in one round trip. Used by the gallery's first-screen assertions
// (tests/e2e/gallery.test.mjs), the standalone page's (tests/e2e/glance.test.mjs) and the
// screenshots (scripts/screenshot.mjs), so that the figures docs/design.md quotes are the ones
// tested.

import assert from 'node:assert/strict';

/**
 * How far past an edge a box may reach and still count as whole in view: one device pixel (1 CSS
 * px at the deviceScaleFactor 1 the tests and the screenshots use). Boxes are laid out in
 * fractions of a pixel (1/64 px in Chromium) while scroll offsets, the page's and a strip's, are
 * whole device pixels, so an edge the layout puts flush with the viewport's or the strip's edge
 * lands anywhere within a pixel of it once scrolled there. (Measured in Chromium 156: scrollLeft
 * set to 10.3 reads 10; a strip 331.53 px wide has a clientWidth of 332, and scrolled to its end
 * its last column stays 0.72 px past its right edge, the end being the difference of two sizes
 * each rounded to a whole pixel.) Less than a pixel past the edge is no cut a reader can see.
 */
export const EDGE_SLACK = 1;

/**
 * Scrolls the widget in `host` (a CSS selector of its host element, or null for the first widget
 * of the page) to the top of the viewport and measures the first screen.
 * @returns {Promise<{viewport, controls: number, firstDuty: number, wholeCards: number,
 *   roles: {id: string, columnInView: boolean, nameInView: boolean, whole: number}[]}>}
 *   `controls`: px from the widget's top to its view of the duties (the toolbar, the result
 *   line, the "More filters" panel if open); `firstDuty`: px from the widget's top to the top of
 *   the first duty card; per column, whether it is whole in view, whether a name of its role
 *   (the role bar's, or a topic layout's column head) is whole in view, and how many of its
 *   duty cards are whole in view.
 */
export function firstScreen(page, host = null) {
  return page.evaluate(([host, slack]) => {
    const root = document.querySelector(host ? `${host} .rc` : '.rc');
    if (!root) throw new Error(`firstScreen: no widget${host ? ` in ${host}` : ''}`);
    root.scrollIntoView({ block: 'start', behavior: 'instant' });
    const top = root.getBoundingClientRect().top;
    const vh = window.innerHeight;
    const vw = window.innerWidth;
    // Whole in the viewport and, inside a strip that scrolls sideways, whole in the strip.
    const whole = (el) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || !el.checkVisibility({ visibilityProperty: true })) return false;
      const clip = el.parentElement.closest('.rc-columns, .rc-rolebar');
      const c = clip ? clip.getBoundingClientRect() : { left: 0, right: vw };
      return r.top >= -slack && r.bottom <= vh + slack && r.left >= Math.max(0, c.left) - slack && r.right <= Math.min(vw, c.right) + slack;
    };
    const cards = [...root.querySelectorAll('[data-duty]')].map((d) => ({
      role: d.closest('[data-role]')?.dataset.role ?? null,
      top: d.getBoundingClientRect().top - top,
      whole: whole(d),
    }));
    const firstDuty = Math.min(...cards.map((c) => c.top));
    const view = root.querySelector('.rc-view');
    const columns = [...root.querySelectorAll('.rc-columns > [data-role]')];
    const roles = columns.map((column) => {
      const id = column.dataset.role;
      const r = column.getBoundingClientRect();
      const strip = column.parentElement.getBoundingClientRect();
      const names = [...root.querySelectorAll(`.rc-rolebar [data-role-name="${id}"] .rc-rolebar-title`)];
      return {
        id,
        columnInView: r.left >= Math.max(0, strip.left) - slack && r.right <= Math.min(vw, strip.right) + slack,
        nameInView: names.some(whole),
        whole: cards.filter((c) => c.role === id && c.whole).length,
      };
    });
    return {
      viewport: { width: vw, height: vh },
      controls: view.getBoundingClientRect().top - top,
      firstDuty,
      wholeCards: cards.filter((c) => c.whole).length,
      roles,
    };
  }, [host, EDGE_SLACK]);
}

/**
 * Scrolls the page down the widget in `host` by a screen and a half (less where the widget
 * ends sooner) and says, for each column in view, whether a name of its role is still whole in
 * view: the role bar (or the topic layout's head) stays at the top of the screen.
 * @returns {Promise<{names: {id: string, nameInView: boolean}[], scrolled: number}>}
 */
export function namesAfterScrolling(page, host = null) {
  return page.evaluate(([host, slack]) => {
    const root = document.querySelector(host ? `${host} .rc` : '.rc');
    const view = root.querySelector('.rc-view');
    const vh = window.innerHeight;
    const vw = window.innerWidth;
    view.scrollIntoView({ block: 'start', behavior: 'instant' });
    const by = Math.max(0, Math.min(1.5 * vh, view.getBoundingClientRect().height - vh));
    window.scrollBy({ top: by, behavior: 'instant' });
    const whole = (el) => {
      const r = el.getBoundingClientRect();
      const c = el.closest('.rc-rolebar, .rc-topics-head')?.getBoundingClientRect() ?? { left: 0, right: vw };
      return el.checkVisibility({ visibilityProperty: true }) && r.top >= -slack && r.bottom <= vh + slack && r.left >= Math.max(0, c.left) - slack && r.right <= Math.min(vw, c.right) + slack;
    };
    const strip = root.querySelector('.rc-columns');
    const names = strip
      ? [...strip.children]
          .filter((c) => {
            const r = c.getBoundingClientRect();
            const s = strip.getBoundingClientRect();
            return r.left >= s.left - slack && r.right <= s.right + slack;
          })
          .map((c) => ({
            id: c.dataset.role,
            nameInView: [...root.querySelectorAll(`.rc-rolebar [data-role-name="${c.dataset.role}"] .rc-rolebar-title`)].some(whole),
          }))
      : [...root.querySelectorAll('.rc-topics-head .rc-topics-role')].map((n) => ({ id: n.textContent, nameInView: whole(n) }));
    return { names, scrolled: Math.round(by) };
  }, [host, EDGE_SLACK]);
}

/**
 * The reader's first screen (issue 15), with the widget's top at the top of the viewport: the
 * controls above the duties (the toolbar and the result line) take at most a quarter of a
 * desktop screen and a fifth of a phone's; on a desktop, three whole duty cards of each column
 * in view, on a phone four cards in all; every column in view named in view; scrolled down the
 * columns, the names still in view; duty text 0.8 to 1.0 times the article's, never under 14 px.
 */
export async function assertFirstScreen(page, viewport, where, host = '#widget', { article = null } = {}) {
  const f = await firstScreen(page, host);
  const share = viewport.width >= 1000 ? 0.25 : 0.2;
  assert.ok(f.controls <= share * viewport.height, `${where}: the controls take ${Math.round(f.controls)} px, at most ${share * 100} % of a ${viewport.height} px screen`);
  const inView = f.roles.filter((r) => r.columnInView);
  assert.ok(inView.length >= 1, `${where}: a column in view: ${JSON.stringify(f.roles)}`);
  for (const r of inView) assert.ok(r.nameInView, `${where}: the ${r.id} column's name is in view: ${JSON.stringify(f.roles)}`);
  if (viewport.width >= 1000) {
    for (const r of inView) assert.ok(r.whole >= 3, `${where}: ${r.whole} whole ${r.id} duty cards in the first screen, 3 expected (first duty ${Math.round(f.firstDuty)} px down)`);
  } else {
    assert.ok(f.wholeCards >= 4, `${where}: ${f.wholeCards} whole duty cards in the first screen, 4 expected (first duty ${Math.round(f.firstDuty)} px down)`);
  }
  const sticky = await namesAfterScrolling(page, host);
  assert.ok(sticky.scrolled > 0 && sticky.names.length > 0, `${where}: the columns scroll: ${JSON.stringify(sticky)}`);
  assert.ok(sticky.names.every((r) => r.nameInView), `${where}: scrolled ${sticky.scrolled} px down the columns, the names stay in view: ${JSON.stringify(sticky)}`);
  // The article's own text: `article` (a selector), else the first plain paragraph beside the
  // widget.
  const type = await page.evaluate(([host, selector]) => {
    const widget = document.querySelector(host);
    const article = selector
      ? document.querySelector(selector)
      : [...widget.parentElement.querySelectorAll('p')].find((p) => !p.closest('.rc') && p.classList.length === 0);
    const duty = document.querySelector(`${host} .rc-duty-text`);
    return { article: parseFloat(getComputedStyle(article).fontSize), duty: parseFloat(getComputedStyle(duty).fontSize) };
  }, [host, article]);
  const ratio = type.duty / type.article;
  assert.ok(type.duty >= 14 && ratio >= 0.8 - 1e-9 && ratio <= 1 + 1e-9, `${where}: duty text ${type.duty} px beside ${type.article} px article text (${ratio.toFixed(2)}×)`);
  return f;
}
