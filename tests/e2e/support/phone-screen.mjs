// What a reader on a phone sees in the first screen of a widget, its top scrolled to the top of
// the viewport, read in one round trip; and the assertions of the phone layout (docs/design.md,
// "Read on a phone"), shared by the standalone page's test (tests/e2e/phone.test.mjs), the
// gallery's (tests/e2e/gallery.test.mjs) and the screenshots' figures (scripts/screenshot.mjs).

import assert from 'node:assert/strict';

/** The phone layout's targets. */
export const PHONE_TARGETS = {
  /** Characters a line of duty text, on average over the cards shown. */
  charsPerLine: 26,
  /** Lines of the sentence's height a card adds to its sentence (labels, citation, padding). */
  cardExtraLines: 1.2,
  /** px from the widget's top to the first duty card's top: 15 % of an 844 px screen. */
  firstDuty: 127,
  /** Whole cards from each of at least `rolesInView` roles in the first screen. */
  cardsPerRole: 2,
  rolesInView: 2,
  /** The smallest target (WCAG 2.2 AA, 2.5.8). */
  target: 24,
};

/**
 * Measures the first screen of the widget in `host` (a CSS selector of its host element; the
 * first widget of the page when null).
 * @returns {Promise<{firstDuty: number, charsPerLine: number, cards: {id, role, whole, extra}[],
 *   wholeByRole: Record<string, number>, namesInView: Record<string, boolean>, small: string[],
 *   dutyFont: number}>}
 *   `charsPerLine`: the duty sentences' characters over their lines (each line a distinct top
 *   of the sentence's text boxes), over the cards shown; `extra`: (the card's height − its
 *   sentence's) / the sentence's line height; `namesInView`: per role offered, whether its name
 *   is whole in view as a section heading or a toggle; `small`: visible controls in the first
 *   screen under 24×24 px (a summary, button or field).
 */
export function phoneScreen(page, host = null) {
  return page.evaluate((host) => {
    const root = document.querySelector(host ? `${host} .rc` : '.rc');
    if (!root) throw new Error(`phoneScreen: no widget${host ? ` in ${host}` : ''}`);
    root.scrollIntoView({ block: 'start', behavior: 'instant' });
    const top = root.getBoundingClientRect().top;
    const vh = window.innerHeight;
    const vw = window.innerWidth;
    const whole = (el) => {
      const r = el.getBoundingClientRect();
      return el.checkVisibility({ visibilityProperty: true }) && r.width > 0 && r.top >= -0.5 && r.bottom <= vh + 0.5 && r.left >= -0.5 && r.right <= vw + 0.5;
    };
    const shown = [...root.querySelectorAll('[data-duty]')].filter((c) => c.checkVisibility({ visibilityProperty: true }));
    let chars = 0;
    let lines = 0;
    const cards = shown.map((card) => {
      const text = card.querySelector('.rc-duty-text');
      const lineHeight = parseFloat(getComputedStyle(text).lineHeight);
      const range = document.createRange();
      range.selectNodeContents(text);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      chars += text.textContent.length;
      lines += tops.size;
      return {
        id: card.dataset.duty,
        role: card.closest('[data-role]')?.dataset.role ?? null,
        top: card.getBoundingClientRect().top - top,
        whole: whole(card),
        extra: (card.getBoundingClientRect().height - text.getBoundingClientRect().height) / lineHeight,
      };
    });
    const wholeByRole = {};
    for (const c of cards) if (c.whole) wholeByRole[c.role] = (wholeByRole[c.role] ?? 0) + 1;
    const namesInView = {};
    for (const toggle of root.querySelectorAll('[data-filter^="roles:"]')) {
      namesInView[toggle.dataset.filter.slice(6)] = whole(toggle);
    }
    for (const title of root.querySelectorAll('[data-role] > .rc-role-title')) {
      const id = title.parentElement.dataset.role;
      namesInView[id] = namesInView[id] || whole(title);
    }
    const small = [...root.querySelectorAll('button, summary, input, a[href], textarea, [tabindex="0"]')]
      .filter(whole)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width < 24 - 0.01 || r.height < 24 - 0.01;
      })
      .map((el) => `${el.localName}.${[...el.classList].join('.')} "${el.textContent.trim().slice(0, 20)}" ${el.getBoundingClientRect().width.toFixed(1)}×${el.getBoundingClientRect().height.toFixed(1)}`);
    return {
      firstDuty: cards.length ? Math.min(...cards.map((c) => c.top)) : Infinity,
      charsPerLine: lines ? chars / lines : 0,
      cards,
      wholeByRole,
      namesInView,
      small,
      dutyFont: shown.length ? parseFloat(getComputedStyle(shown[0].querySelector('.rc-duty-text')).fontSize) : 0,
    };
  }, host);
}

/**
 * Asserts the phone layout's targets on the widget in `host`: a readable measure, cards as short
 * as their sentence, the first card high on the screen, two roles' cards within the eye span,
 * every default role's name in view and the others one tap away, targets of 24 px, and duty text
 * 0.8–1.0 of the article's (`article`: a selector of the page's text, else the first plain
 * paragraph beside the widget), never under 14 px.
 */
export async function assertPhoneScreen(page, where, host = null, { article = null, defaultRoles = ['cio', 'cto', 'cmo'] } = {}) {
  const f = await phoneScreen(page, host);
  const T = PHONE_TARGETS;
  assert.ok(f.charsPerLine >= T.charsPerLine, `${where}: duty text averages ${f.charsPerLine.toFixed(1)} characters a line, at least ${T.charsPerLine} expected`);
  const tall = f.cards.filter((c) => c.extra > T.cardExtraLines + 1e-6).map((c) => `${c.id} ${c.extra.toFixed(2)}`);
  assert.deepEqual(tall, [], `${where}: cards more than ${T.cardExtraLines} lines taller than their sentence`);
  assert.ok(f.firstDuty <= T.firstDuty, `${where}: the first duty card is ${f.firstDuty.toFixed(1)} px below the widget's top, at most ${T.firstDuty} expected`);
  const roles = Object.entries(f.wholeByRole).filter(([, n]) => n >= T.cardsPerRole);
  assert.ok(roles.length >= T.rolesInView, `${where}: ${T.cardsPerRole} whole cards of at least ${T.rolesInView} roles in the first screen: ${JSON.stringify(f.wholeByRole)}`);
  for (const id of defaultRoles) assert.ok(f.namesInView[id], `${where}: the ${id} role's name is in the first screen: ${JSON.stringify(f.namesInView)}`);
  const others = Object.keys(f.namesInView).filter((id) => !defaultRoles.includes(id));
  for (const id of others) assert.ok(f.namesInView[id], `${where}: the ${id} toggle is in the first screen, one tap away: ${JSON.stringify(f.namesInView)}`);
  assert.deepEqual(f.small, [], `${where}: controls under ${T.target}×${T.target} px in the first screen`);
  const articleFont = await page.evaluate(([host, selector]) => {
    const widget = document.querySelector(host ?? '.rc');
    const text = selector
      ? document.querySelector(selector)
      : [...widget.parentElement.querySelectorAll('p')].find((p) => !p.closest('.rc') && p.classList.length === 0);
    return parseFloat(getComputedStyle(text).fontSize);
  }, [host, article]);
  const ratio = f.dutyFont / articleFont;
  assert.ok(f.dutyFont >= 14 && ratio >= 0.8 - 1e-9 && ratio <= 1 + 1e-9, `${where}: duty text ${f.dutyFont} px beside ${articleFont} px article text (${ratio.toFixed(2)}×)`);
  return f;
}
