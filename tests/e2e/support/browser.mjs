// Browser helpers for the end-to-end tests: Debian's Chromium through playwright-core, pages that
// record their errors, and a wait for the widget.

import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROME_BIN || '/usr/bin/chromium';

// Without the networking flags Chromium floods the closed network with requests (TOOLING.md).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches headless Chromium with the project's flags. */
export function launch(options = {}) {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, ...options });
}

/**
 * Opens `url` in a new context (so no state leaks between tests) and records every uncaught page
 * error and every console error, except the browser's own favicon 404.
 *
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{viewport?: {width: number, height: number}, colorScheme?: 'light'|'dark', waitForWidget?: boolean, expectedMissing?: string[], eager?: boolean}} [options]
 *   `expectedMissing`: URLs the page requests on purpose and the server answers with 404; the
 *   browser's "Failed to load resource … 404" console errors for exactly those are not recorded.
 *   `eager` (default true): mount every embedded widget at once (`RoleCompare.mountAll()`), as
 *   embed.js otherwise waits until the reader scrolls near each; the lazy loading itself is
 *   tested with `eager: false` (tests/e2e/prerender.test.mjs).
 * @returns {Promise<{context, page, errors: string[]}>} `errors` keeps filling while the page lives.
 */
export async function openPage(
  browser,
  url,
  { viewport, colorScheme = 'light', waitForWidget: wait = true, expectedMissing = [], eager = true } = {},
) {
  const context = await browser.newContext({
    viewport: viewport ?? { width: 1280, height: 900 },
    colorScheme,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const errors = watchErrors(page, { expectedMissing });
  await page.goto(url);
  if (eager) await mountAllNow(page);
  if (wait) await waitForWidget(page);
  return { context, page, errors };
}

/**
 * Starts recording uncaught errors and console errors of `page` (and its frames); returns the
 * live list. `expectedMissing`: as in openPage.
 */
export function watchErrors(page, { expectedMissing = [] } = {}) {
  const errors = [];
  const missing = new Set(expectedMissing.map((u) => new URL(u).href));
  page.on('pageerror', (err) => {
    errors.push(`uncaught: ${err.stack || err.message || String(err)}`);
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url ?? '';
    if (isFavicon(where) || (/favicon\.ico/.test(msg.text()) && /404/.test(msg.text()))) return;
    if (missing.has(where) && /status of 404\b/.test(msg.text())) return;
    errors.push(`console.error: ${msg.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('crash', () => errors.push('the page crashed'));
  return errors;
}

function isFavicon(url) {
  try {
    return new URL(url).pathname.endsWith('/favicon.ico');
  } catch {
    return false;
  }
}

// What Playwright says when a frame navigated or went away while it was being asked something:
// such a frame has nothing left to mount.
const FRAME_GONE = /Execution context was destroyed|Frame was detached|frame got detached/i;

/** Whether `err` (from evaluating in a frame) says only that the frame is gone. */
export const frameGone = (err) => FRAME_GONE.test(String(err?.message));

/**
 * Mounts every embedded widget of the page (and of its frames) at once, where embed.js runs,
 * and waits for the mounts to settle. What `RoleCompare.mountAll()` throws or rejects with is
 * the test's failure, named as such; only a frame that is gone is passed over.
 */
export async function mountAllNow(page) {
  for (const frame of page.frames()) {
    // A loading="lazy" iframe far down the page has no document yet (and evaluating in it
    // closes the page in Playwright 1.64 with Chromium 156).
    if (frame.isDetached() || !/^https?:/.test(frame.url())) continue;
    try {
      await frame.evaluate(() => window.RoleCompare?.mountAll());
    } catch (err) {
      if (frameGone(err)) continue;
      throw new Error(`RoleCompare.mountAll() failed in ${frame.url()}: ${err?.message ?? err}`, { cause: err });
    }
  }
}

/** Scrolls each `[data-role-compare]` element of the page into view in turn, as a reader going
 *  down the article does, and waits until its live widget (the wasm's) has rendered: embed.js
 *  mounts a widget only as it comes near the viewport. */
export async function bringEachWidgetNear(page, { timeout = 15_000 } = {}) {
  const hosts = page.locator('[data-role-compare]');
  for (let i = 0; i < (await hosts.count()); i++) {
    const host = hosts.nth(i);
    await host.scrollIntoViewIfNeeded({ timeout });
    await host.locator('.rc-mount:not([data-prerendered]) :is([data-duty], [role="status"], .rc-error)').first().waitFor({ state: 'attached', timeout });
  }
}

/**
 * Waits until every finite animation and transition of the page (a theme's fade of its
 * background, say) has finished, then two frames more: embed.js reads a host's colours again in
 * the frame after a fade ends. What is measured next is the page at rest, not a frame of a fade.
 */
export async function waitForStill(page) {
  await page.evaluate(async () => {
    const moving = () =>
      document.getAnimations().filter((a) => a.playState !== 'finished' && a.playState !== 'idle' && a.effect?.getComputedTiming().endTime !== Infinity);
    for (let left = moving(); left.length > 0; left = moving()) {
      // A cancelled animation rejects `finished`: it is over all the same.
      await Promise.all(left.map((a) => a.finished.catch(() => {})));
    }
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/** Waits until the live widget (the wasm's, not the build's pre-rendered view, which is marked
 *  `data-prerendered`) has rendered its duties (or `timeout` ms pass). */
export async function waitForWidget(page, { timeout = 15_000 } = {}) {
  await page.locator('.rc-mount:not([data-prerendered]) [data-duty]').first().waitFor({ state: 'attached', timeout });
}

/** Waits until the widget root and its status line are there (for views with no duties). */
export async function waitForWidgetShell(page, { timeout = 15_000 } = {}) {
  await page.locator('.rc-mount:not([data-prerendered]) [role="status"]').first().waitFor({ state: 'attached', timeout });
}

/** A readable message listing the recorded errors, for assertions. */
export function describeErrors(errors) {
  return errors.length === 0 ? 'no errors' : `${errors.length} error(s):\n  ${errors.join('\n  ')}`;
}
