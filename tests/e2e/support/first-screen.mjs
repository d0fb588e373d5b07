// What a reader sees in the first screen: the widget's top scrolled to the top of the viewport,
// then read in one round trip. Used by the gallery's first-screen tests (tests/e2e/glance.test.mjs)
// and by scripts/screenshot.mjs, so that the figures the README quotes are the ones tested.

/**
 * Scrolls the widget in `host` (a CSS selector of its host element, or null for the first
 * widget) to the top of the viewport and measures the first screen.
 * @returns {Promise<{viewport, widgetTop, controls, firstDuty, roles: {id, title, nameInView, whole, partial}[], cards}>}
 *   `controls`: px from the widget's top to the top of the first duty card;
 *   per shown role: the whole duty cards of its column inside the viewport, and whether its
 *   name is in view (the element that names it: the sticky role bar's cell or the column head).
 */
export async function firstScreen(page, host = null) {
  return page.evaluate((host) => {
    const root = host ? document.querySelector(`${host} .rc`) : document.querySelector('.rc');
    if (!root) throw new Error(`firstScreen: no widget${host ? ` in ${host}` : ''}`);
    root.scrollIntoView({ block: 'start', behavior: 'instant' });
    const top = root.getBoundingClientRect().top;
    const vh = window.innerHeight;
    const vw = window.innerWidth;
    const inView = (r) => r.width > 0 && r.height > 0 && r.top >= -0.5 && r.bottom <= vh + 0.5 && r.left >= -0.5 && r.right <= vw + 0.5;
    const cards = [...root.querySelectorAll('[data-duty]')].map((d) => {
      const r = d.getBoundingClientRect();
      const strip = d.closest('.rc-columns, .rc-topics');
      const s = strip ? strip.getBoundingClientRect() : { left: 0, right: vw };
      return {
        id: d.dataset.duty,
        role: d.closest('[data-role]')?.dataset.role ?? null,
        top: r.top - top,
        height: r.height,
        whole: inView(r) && r.left >= s.left - 0.5 && r.right <= s.right + 0.5,
      };
    });
    const first = cards.filter((c) => c.height > 0).sort((a, b) => a.top - b.top)[0];
    const roles = [...root.querySelectorAll('.rc-columns > [data-role], .rc-topics [data-role]')]
      .map((c) => c.dataset.role)
      .filter((id, i, all) => all.indexOf(id) === i)
      .map((id) => {
        // A name the reader can see: any element naming the role (role bar cell, column heading)
        // whose box is in the viewport and not clipped by the strip.
        const names = [...root.querySelectorAll(`[data-role-name="${id}"], [data-role="${id}"] .rc-role-title`)];
        const nameInView = names.some((n) => {
          const r = n.getBoundingClientRect();
          const clip = n.closest('.rc-rolebar, .rc-columns');
          const c = clip ? clip.getBoundingClientRect() : { left: 0, right: vw };
          return inView(r) && r.left >= c.left - 0.5 && r.right <= c.right + 0.5 && n.checkVisibility();
        });
        const mine = cards.filter((c) => c.role === id);
        return { id, nameInView, whole: mine.filter((c) => c.whole).length };
      });
    return { viewport: { width: vw, height: vh }, widgetTop: top, controls: first ? first.top : null, roles, wholeCards: cards.filter((c) => c.whole).length };
  }, host);
}
