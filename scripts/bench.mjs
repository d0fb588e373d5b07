#!/usr/bin/env node
// The benchmark: bytes, load and interaction times of the widget beside a plain HTML/JS
// reference page (bench/reference/) measured in the same run; the main thread's long tasks at 4x
// CPU slowdown with what ran in each (ours: the widget's script and wasm) and interaction to next
// paint of mouse clicks at 4x; filter taps on a phone-sized touch page at 4x (Event Timing);
// layout shift at takeover over many loads; Lighthouse's mobile scores; and where the wasm's
// bytes go (scripts/wasm-breakdown.mjs). Not a test: it never fails on a missed target, it
// reports. Results go into BENCHMARKS.md (between the bench markers, the rest of the file is
// kept), ending with every target met or not, and a summary to stdout.
//
//   node scripts/bench.mjs [--runs N] [--throttled-runs N] [--shift-loads N] [--lighthouse-runs N]
//     [--parts LIST] [--no-build] [--no-lighthouse] [--dist DIR] [--cargo-root DIR (the checkout whose target/ built the dist; default: the dist's own)] [--out FILE] [--json FILE]
//     [--from-json FILE]
//
// --throttled-runs is the number of loads per page of both 4x parts (long tasks, taps).
//
// Everything is served from 127.0.0.1 (tests/e2e/support/server.mjs) and measured in Debian's
// headless Chromium (playwright-core); requests to any other host are counted and reported.

import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import Ajv2020 from 'ajv/dist/2020.js';
import { serve } from '../tests/e2e/support/server.mjs';
import { generatedContent } from '../tests/e2e/support/generated-content.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/browser.mjs';
import { renderReference } from '../bench/reference/build.mjs';
import { CATEGORIES, describeTask, longTasks } from './trace-tasks.mjs';
import { breakdown, copyCargoFiles, markdown as breakdownMarkdown } from './wasm-breakdown.mjs';
import { assertMarkers, spliceReport } from './bench-report.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KiB = 1024;

/** How many duties the plain page shows: those of the roles shown by default. */
function shownByDefault(content) {
  const roles = content.roles.filter((r) => r.shownByDefault !== false).map((r) => r.id);
  return content.duties.filter((d) => roles.includes(d.role)).length;
}

// ---------------------------------------------------------------- options

// The parts of a run, in the order they run; --parts picks some (the report says which ran).
const PARTS = ['bytes', 'times', 'longtasks', 'taps', 'shift', 'lighthouse', 'breakdown'];

function parseArgs(argv) {
  const o = { runs: 7, throttledRuns: 5, shiftLoads: 30, lighthouseRuns: 3, build: true, parts: new Set(PARTS), dist: null, out: path.join(ROOT, 'BENCHMARKS.md'), json: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--runs') o.runs = Number(value());
    else if (a === '--throttled-runs') o.throttledRuns = Number(value());
    else if (a === '--shift-loads') o.shiftLoads = Number(value());
    else if (a === '--lighthouse-runs') o.lighthouseRuns = Number(value());
    else if (a === '--parts') {
      const list = value().split(',').map((p) => p.trim()).filter(Boolean);
      const unknown = list.filter((p) => !PARTS.includes(p));
      if (unknown.length || list.length === 0) throw new Error(`--parts takes a comma-separated list of ${PARTS.join(', ')}`);
      o.parts = new Set(list);
    } else if (a === '--no-build') o.build = false;
    else if (a === '--no-lighthouse') o.parts.delete('lighthouse');
    else if (a === '--dist') o.dist = path.resolve(value());
    else if (a === '--cargo-root') o.cargoRoot = path.resolve(value());
    else if (a === '--out') o.out = path.resolve(value());
    else if (a === '--json') o.json = path.resolve(value());
    else if (a === '--from-json') o.fromJson = path.resolve(value());
    else if (a === '-h' || a === '--help') {
      console.log(`node scripts/bench.mjs [--runs N (default 7)] [--throttled-runs N (default 5)] [--shift-loads N (default 30)] [--lighthouse-runs N (default 3)] [--parts ${PARTS.join(',')}] [--no-build] [--no-lighthouse] [--dist DIR] [--cargo-root DIR (the checkout whose target/ built the dist; default: the dist's own)] [--out FILE] [--json FILE (every sample)] [--from-json FILE (the report again from a --json file, nothing measured)]`);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  const count = (name, x, max) => {
    if (!Number.isInteger(x) || x < 1 || x > max) throw new Error(`${name} must be an integer from 1 to ${max}`);
  };
  count('--runs', o.runs, 101);
  count('--throttled-runs', o.throttledRuns, 101);
  count('--shift-loads', o.shiftLoads, 500);
  count('--lighthouse-runs', o.lighthouseRuns, 15);
  if (o.dist && o.build && o.dist !== path.join(ROOT, 'dist')) {
    throw new Error('--dist names a built site: add --no-build (make dist only builds ./dist)');
  }
  o.dist ??= path.join(ROOT, 'dist');
  // The checkout whose cargo output built the dist (for the wasm breakdown): the one the dist
  // sits in, when that is a checkout, else this one.
  o.cargoRoot ??= existsSync(path.join(path.dirname(o.dist), 'Cargo.toml')) ? path.dirname(o.dist) : ROOT;
  return o;
}

// Bounded waits: every wait in this file ends.
const TIMEOUT = { goto: 30_000, firstDuty: 30_000, interactive: 30_000, settle: 5_000, quiet: 10_000, lighthouse: 240_000 };
const WORD = 'vendors'; // typed one key at a time into the search box
const CLICKS = ['focus:internal', 'line:bottom', 'line:bottom', 'focus:internal', 'line:top', 'line:top'];

// ---------------------------------------------------------------- small helpers

const median = (xs) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fmtMs = (x) => (x == null ? 'n/a' : x < 10 ? `${x.toFixed(2)} ms` : `${x.toFixed(1)} ms`);
const fmtB = (n) => (n == null ? 'n/a' : n.toLocaleString('en-US'));
const fmtKiB = (n) => (n == null ? 'n/a' : `${(n / KiB).toFixed(1)} KiB`);
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
const fmtX = (x) => (x == null ? 'n/a' : `${x.toFixed(2)}x`);
// Layout shift scores: tiny ones (a sub-pixel move) would read 0.0000 with four decimals.
const fmtCls = (x) => (x === 0 ? '0' : x < 0.001 ? x.toExponential(1) : x.toFixed(4));
const yes = (ok) => (ok == null ? 'n/a' : ok ? '**yes**' : 'no');

function sizes(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    br: zlib.brotliCompressSync(buf, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}
const sizeCache = new Map();
function fileSizes(file) {
  if (!sizeCache.has(file)) sizeCache.set(file, sizes(readFileSync(file)));
  return sizeCache.get(file);
}
const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, br: t.br + r.br }), { raw: 0, gzip: 0, br: 0 });

function sh(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- generated content (v1)

/** 1,000 duties over the CIO, CTO and CMO, in the documented format (docs/content-format.md). */
function generateContent(builtin, n = 1000) {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const roles = builtin.roles.filter((r) => ['cio', 'cto', 'cmo'].includes(r.id)).map((r) => ({ ...r, shownByDefault: true }));
  const topics = builtin.topics.map((t) => t.id);
  const texts = builtin.duties.map((d) => d.text.replace(/\.$/, ''));
  const verbs = ['in the north region', 'for the new product line', 'with the vendors', 'across all sites', 'for the board', 'during the migration', 'for partners and suppliers', 'within budget'];
  const duties = [];
  for (let i = 0; i < n; i++) {
    const role = roles[i % roles.length].id;
    const t = new Set([pick(topics)]);
    if (rnd() < 0.5) t.add(pick(topics));
    duties.push({
      id: `gen-${role}-${i}`,
      role,
      text: `${pick(texts)}, ${pick(verbs)} (case ${i + 1}).`,
      focus: rnd() < 0.5 ? 'internal' : 'external',
      line: rnd() < 0.5 ? 'top' : 'bottom',
      topics: [...t],
      source: pick(builtin.sources).id,
    });
  }
  return { version: 1, sources: builtin.sources, topics: builtin.topics, roles, duties };
}

function checkContent(content) {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/role-compare.content.schema.json'), 'utf8'));
  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
  if (!validate(content)) throw new Error(`generated content fails the schema: ${JSON.stringify(validate.errors.slice(0, 3))}`);
}

// A host page like an author's: the script embed with the content from a URL.
const widgetHost = (title, contentUrl) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<script type="module" src="../embed.js"></script>
</head>
<body>
<main>
<h1>${title}</h1>
<div data-role-compare data-content="${contentUrl}"></div>
</main>
</body>
</html>
`;

// ---------------------------------------------------------------- in-page instrumentation

// Installed by page.addInitScript before any of the page's own scripts, so it sees duties that
// are already in the HTML (pre-rendered) as the parser inserts them.
function instrument(cfg) {
  const B = (window.__bench = { firstDutyDom: null, firstDutyFrame: null, firstDutyPaint: null, firstDutyTop: null, firstDutyRender: null, elementTimes: [], fcp: null, lcp: null, cls: 0, shifts: 0, mutations: 0, lastMutation: 0 });
  const mo = new MutationObserver(() => {
    B.mutations++;
    B.lastMutation = performance.now();
    if (B.firstDutyDom === null) {
      firstDuty = document.querySelector('[data-duty]');
      if (firstDuty) {
        B.firstDutyDom = performance.now();
      }
    }
    // Element Timing: marks the first duty and what the parser adds inside it, before paint;
    // again if a script replaced it (a takeover of pre-rendered markup) before it was painted.
    // (Only around the first paint: the marking must not touch the DOM during measurements.)
    if (firstDuty && B.firstDutyRender === null && (B.firstDutyFrame === null || performance.now() - B.firstDutyFrame < 1000)) {
      const current = document.querySelector('[data-duty]') ?? firstDuty;
      for (const el of [current, ...current.querySelectorAll('*')]) {
        if (!el.hasAttribute('elementtiming')) el.setAttribute('elementtiming', 'bench-first-duty');
      }
    }
  });
  let firstDuty = null;
  mo.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  // The first frame with a duty rendered (in the DOM, laid out, not hidden): checked at every
  // animation frame (rAF callbacks run before that frame's style, layout and paint, and not
  // while stylesheets block rendering) until one is found. A task queued from there runs after
  // that frame's paint: the fallback figure when no paint timestamp covers it.
  const frame = () => {
    const d = document.querySelector('[data-duty]');
    if (d && d.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && d.getBoundingClientRect().height > 0) {
      B.firstDutyFrame = performance.now();
      B.firstDutyTop = Math.round(d.getBoundingClientRect().top + scrollY);
      setTimeout(() => (B.firstDutyPaint = performance.now()), 0);
      return;
    }
    if (performance.now() < cfg.limit) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        B.cls += e.value;
        B.shifts++;
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') B.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const t = e.renderTime || e.loadTime;
        if (e.identifier !== 'bench-first-duty' || !t) continue;
        B.elementTimes.push(t);
        if (B.firstDutyRender === null || t < B.firstDutyRender) B.firstDutyRender = t;
      }
    }).observe({ type: 'element', buffered: true });
  } catch {}

  // Time to interactive: from the moment the focus:internal toggle and a duty exist, click the
  // toggle (element.click()) until the view changes, i.e. the toggle reads
  // aria-pressed="true" and the number of duties shown differs from the number before the
  // first click. B.interactiveDom: when that change was first in the DOM; B.interactive: the
  // frame showing it painted (a task queued from the next requestAnimationFrame).
  if (cfg.interactive) {
    const SEL = '[data-filter="focus:internal"]';
    const view = () => `${document.querySelectorAll('[data-duty]:not([hidden])').length} ${document.querySelector('[role="status"]')?.textContent ?? ''}`;
    let base = null;
    B.clicks = 0;
    B.interactive = null;
    B.interactiveDom = null;
    const changed = () => base !== null && document.querySelector(SEL)?.getAttribute('aria-pressed') === 'true' && view() !== base;
    const done = () => {
      watch.disconnect();
      if (B.interactiveDom !== null) return;
      B.interactiveDom = performance.now();
      requestAnimationFrame(() => setTimeout(() => (B.interactive = performance.now()), 0));
    };
    const watch = new MutationObserver(() => changed() && done());
    watch.observe(document, { childList: true, subtree: true, attributes: true });
    const attempt = () => {
      if (B.interactiveDom !== null) return;
      if (performance.now() > cfg.limit) return void (B.interactiveTimeout = true);
      const button = document.querySelector(SEL);
      if (button && document.querySelector('[data-duty]')) {
        if (base === null) {
          base = view();
          B.firstClick = performance.now();
        }
        B.clicks++;
        const at = performance.now();
        button.click();
        if (changed()) return done();
        // The next click only once this one has been handled and a frame has passed (so a
        // slow render is not toggled back by a queued click), and at least 10 ms later.
        return requestAnimationFrame(() => setTimeout(() => setTimeout(attempt, Math.max(0, 10 - (performance.now() - at))), 0));
      }
      setTimeout(attempt, 10);
    };
    attempt();
  }

  // One measured interaction: `start` event (capture, on window) to settled: the DOM stops
  // changing (no mutation for two animation frames, and at least 50 ms), measured to the last
  // mutation with style and layout forced (or to the end of the event's handlers if nothing
  // changed); `frame`: to the first frame painted after the last change.
  window.__benchArm = (start, after) => {
    const r = { t0: null, work: null, frame: null, mutations: 0, timeout: false };
    let last = null;
    let handlers = null;
    let seq = 0;
    let frameAt = null;
    const m = new MutationObserver(() => {
      if (r.t0 === null) return;
      r.mutations++;
      void document.documentElement.offsetHeight; // style + layout
      last = performance.now();
      const mine = ++seq;
      frameAt = null;
      requestAnimationFrame(() => setTimeout(() => mine === seq && (frameAt = performance.now()), 0));
    });
    m.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    window.addEventListener(start, () => (r.t0 ??= performance.now()), { capture: true, once: true });
    window.addEventListener(after, () => {
      handlers = performance.now();
      if (last === null) requestAnimationFrame(() => setTimeout(() => last === null && (frameAt = performance.now()), 0));
    }, { once: true });
    return new Promise((resolve) => {
      const begun = performance.now();
      let quietFrames = 0;
      let seen = -1;
      const tick = () => {
        const now = performance.now();
        if (now - begun > cfg.settle) {
          r.timeout = true;
          m.disconnect();
          return resolve(r);
        }
        if (r.t0 !== null && handlers !== null) {
          quietFrames = seen === r.mutations ? quietFrames + 1 : 0;
          seen = r.mutations;
          if (quietFrames >= 2 && now - r.t0 >= 50 && frameAt !== null) {
            m.disconnect();
            r.work = Math.max(last ?? handlers, handlers) - r.t0;
            r.frame = frameAt - r.t0;
            return resolve(r);
          }
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  };
}

// Installed (page.addInitScript) for the throttled loads and the layout-shift loads: when the
// live widget took over, the Long Tasks API's entries, layout shifts with what moved, and Event
// Timing entries of interactions. It signals takeover and load to the bench through a binding
// (`__benchSignal`, context.exposeFunction), so that the bench never runs script in the page
// while it measures (a Playwright evaluate or wait injects and runs its own scripts: one
// injection parses for 130 ms at 4x slowdown, a long task of the harness's own).
function watch() {
  const W = (window.__watch = { takeover: null, load: null, longtasks: [], shifts: [], events: [] });
  // Only the page signals: a frame's widget (blog.html's frame embed) has a clock of its own.
  const signal = (what, t) => {
    if (window.top !== window) return;
    try {
      window.__benchSignal?.(what, t);
    } catch {}
  };
  // Takeover: a live widget (a `.rc-mount` without `data-prerendered`) shows its duties or its
  // status line, and no pre-rendered view is left.
  const live = () => document.querySelector('.rc-mount:not([data-prerendered]) :is([data-duty], [role="status"])') && !document.querySelector('.rc-mount[data-prerendered]');
  const mo = new MutationObserver(() => {
    if (W.takeover === null && live()) {
      W.takeover = performance.now();
      mo.disconnect();
      signal('takeover', W.takeover);
    }
  });
  mo.observe(document, { childList: true, subtree: true });
  addEventListener('load', () => {
    W.load = performance.now();
    signal('load', W.load);
  });
  const describe = (node) => {
    if (!node) return 'an element removed since';
    if (node.nodeType !== 1) return node.nodeName.toLowerCase();
    const d = node.dataset ?? {};
    const key = d.duty ? `[data-duty=${d.duty}]` : d.role ? `[data-role=${d.role}]` : d.filter ? `[data-filter=${d.filter}]` : '';
    const cls = typeof node.className === 'string' && node.className ? `.${node.className.trim().split(/\s+/).join('.')}` : '';
    return `${node.localName}${cls}${key}`;
  };
  const box = (r) => (r ? [r.x, r.y, r.width, r.height].map(Math.round) : null);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) W.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        W.shifts.push({ at: e.startTime, value: e.value, input: e.hadRecentInput, sources: (e.sources ?? []).map((x) => ({ node: describe(x.node), from: box(x.previousRect), to: box(x.currentRect) })) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.interactionId) W.events.push({ id: e.interactionId, name: e.name, start: e.startTime, duration: e.duration, processingStart: e.processingStart, processingEnd: e.processingEnd });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {}
}

// ---------------------------------------------------------------- browser runs

// Tall enough that the standalone page's first duty is on screen (its top is given in the
// report), so that it is painted and timed like the reference page's.
const VIEWPORT = { width: 1280, height: 1400 };

async function newPage(browser, cfg) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const offsite = [];
  context.on('request', (req) => {
    const u = new URL(req.url());
    if (/^(https?|wss?):$/.test(u.protocol) && u.hostname !== '127.0.0.1') offsite.push(req.url());
  });
  await context.addInitScript(instrument, cfg);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message || e)));
  return { context, page, offsite, errors };
}

const bench = (page) => page.evaluate(() => ({ ...window.__bench }));

/** Whether the page's HTML, as served, already holds a duty (a pre-rendered view). */
const htmlCache = new Map();
async function dutyInHtml(url) {
  if (!htmlCache.has(url)) {
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    htmlCache.set(url, /\sdata-duty="/.test(await res.text()));
  }
  return htmlCache.get(url);
}

/**
 * When the first duty was painted: the earliest paint timestamp (first contentful paint, or an
 * Element Timing entry of a first duty) of a frame at or after the first frame with a duty
 * rendered. FCP covers a duty in the initial HTML, whose element timing entry Chromium drops
 * when a script replaces the element (a takeover) before the entry is delivered; element
 * timing covers a duty a script added after the first paint. Neither: the task after that
 * frame. Returns [ms, how].
 */
function firstDutyOf(b) {
  if (!b || b.firstDutyFrame == null) return [null, 'n/a'];
  const after = (t) => t != null && t >= b.firstDutyFrame - 0.5;
  const candidates = [];
  if (after(b.fcp)) candidates.push([b.fcp, 'first contentful paint']);
  for (const t of b.elementTimes ?? []) if (after(t)) candidates.push([t, 'element timing']);
  candidates.sort((x, y) => x[0] - y[0]);
  return candidates[0] ?? [b.firstDutyPaint, 'task after the frame'];
}

/** Waits until `fn(state)` holds, polling every 50 ms, for at most `timeout` ms. */
async function until(page, fn, timeout) {
  const end = Date.now() + timeout;
  for (;;) {
    const b = await bench(page).catch(() => null);
    if (b && fn(b)) return b;
    if (Date.now() > end) return b;
    await sleep(50);
  }
}

/** Waits until no response arrived and the DOM did not change for `ms` (bounded). */
async function quiet(page, lastResponse, ms = 500, timeout = TIMEOUT.quiet) {
  const end = Date.now() + timeout;
  for (;;) {
    const b = await bench(page).catch(() => null);
    const now = await page.evaluate(() => performance.now()).catch(() => 0);
    if (b && now - b.lastMutation >= ms && Date.now() - lastResponse() >= ms) return true;
    if (Date.now() > end) return false;
    await sleep(100);
  }
}

/** A cold load: first duty, CLS, FCP, LCP. No interaction. */
async function loadRun(browser, url) {
  const { context, page, offsite, errors } = await newPage(browser, { interactive: false, limit: TIMEOUT.firstDuty, settle: TIMEOUT.settle });
  let lastResponse = Date.now();
  context.on('response', () => (lastResponse = Date.now()));
  try {
    await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT.goto });
    await until(page, (b) => b.firstDutyPaint !== null, TIMEOUT.firstDuty);
    await quiet(page, () => lastResponse);
    // Paint timestamps come once the frame is presented; give them a moment.
    const b = await until(page, (s) => firstDutyOf(s)[1] !== 'task after the frame', 1_000);
    const [firstDuty, firstDutyBy] = firstDutyOf(b);
    return { firstDuty, firstDutyBy, firstDutyTop: b.firstDutyTop, firstDutyDom: b.firstDutyDom, firstDutyParsed: await dutyInHtml(url), fcp: b.fcp, lcp: b.lcp, cls: b.cls, shifts: b.shifts, offsite, errors };
  } finally {
    await context.close();
  }
}

/** Time to interactive, then click-to-settled and per-keystroke search times in the same page. */
async function interactRun(browser, url) {
  const { context, page, offsite, errors } = await newPage(browser, { interactive: true, limit: TIMEOUT.interactive, settle: TIMEOUT.settle });
  let lastResponse = Date.now();
  context.on('response', () => (lastResponse = Date.now()));
  try {
    await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT.goto });
    const b = await until(page, (s) => s.interactive !== null || s.interactiveTimeout, TIMEOUT.interactive + 2_000);
    const out = { interactive: b?.interactive ?? null, interactiveDom: b?.interactiveDom ?? null, firstDuty: firstDutyOf(b)[0], clicksToInteractive: b?.clicks ?? null, clicks: [], keys: [], offsite, errors };
    if (out.interactive === null) return out;
    await quiet(page, () => lastResponse, 300);
    for (const filter of CLICKS) {
      await page.evaluate(() => void (window.__benchPending = window.__benchArm('click', 'click')));
      await page.click(`[data-filter="${filter}"]`, { timeout: 5_000 });
      out.clicks.push(await page.evaluate(() => window.__benchPending));
    }
    await page.click('input[type="search"]', { timeout: 5_000 });
    for (const key of WORD) {
      await page.evaluate(() => void (window.__benchPending = window.__benchArm('keydown', 'input')));
      await page.keyboard.press(key);
      out.keys.push(await page.evaluate(() => window.__benchPending));
    }
    return out;
  } finally {
    await context.close();
  }
}

/** Waits (bounded, in node: nothing runs in the page) until `signals[what]` is set. */
async function signalled(signals, what, timeout) {
  const end = Date.now() + timeout;
  while (signals[what] == null && Date.now() < end) await sleep(25);
  return signals[what] ?? null;
}

/**
 * A new context and page with `watch` installed and the bench's binding; the page's main thread
 * slowed `rate` times (CDP Emulation.setCPUThrottlingRate, what Lighthouse's mobile run uses).
 */
async function watchedPage(browser, { viewport = VIEWPORT, rate = 1, reducedMotion, device = {} } = {}) {
  const context = await browser.newContext({ viewport, ...(reducedMotion ? { reducedMotion } : {}), ...device });
  const signals = {};
  await context.exposeFunction('__benchSignal', (what, t) => void (signals[what] ??= t));
  await context.addInitScript(watch);
  const offsite = [];
  context.on('request', (req) => {
    const u = new URL(req.url());
    if (/^(https?|wss?):$/.test(u.protocol) && u.hostname !== '127.0.0.1') offsite.push(req.url());
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message || e)));
  if (rate !== 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  }
  return { context, page, signals, offsite, errors };
}

// The slowdown of the throttled loads (Lighthouse's mobile preset), and how long after the
// takeover (or, on a page with no widget, after the load event) their window ends.
const THROTTLE = 4;
const AFTER_TAKEOVER = 5_000;

// The widget's own files, as the trace names their script (scripts/trace-tasks.mjs): the
// wasm-bindgen glue (whose calls run the wasm), the embed loader and the frame embed's scripts.
const OUR_FILE = /^script: (role-compare(\.[0-9a-f]+)?\.js|embed\.js|frame\.js|frame-parent\.js)$/;
const OUR_FILES_TEXT = 'role-compare.<hash>.js, embed.js, frame.js, frame-parent.js';
const OUR_LIMIT = 50;

/**
 * How long the widget ran in a long task (ms): its files' script, the wasm's compilation and
 * instantiation, and, where any of those ran, the task's script that the trace names no file
 * for: the trace gives none to a module's top-level evaluation (`v8.evaluateModule`, embed.js
 * evaluating and starting the loader) nor to promise continuations run as microtasks (the
 * glue's `await`s before it calls into the wasm), though the calls they make carry our file.
 */
function oursIn(task) {
  const named = task.what.filter(([k]) => OUR_FILE.test(k) || k === 'wasm compilation' || k === 'wasm instantiation').reduce((t, [, ms]) => t + ms, 0);
  if (named === 0) return 0;
  return named + (task.what.find(([k]) => k === 'script')?.[1] ?? 0);
}

/**
 * One load at 4x CPU slowdown with a Chrome trace: the main thread's long tasks from navigation
 * until 5 s after the takeover (widget pages) or the load event (the reference pages), with
 * what ran in each; the Long Tasks API's entries in the same window beside them. Then, where
 * `clicks`, interaction to next paint of real clicks on the filters, still at 4x.
 */
async function throttledRun(browser, url, { widget, clicks }) {
  const { context, page, signals, offsite, errors } = await watchedPage(browser, { rate: THROTTLE });
  try {
    await browser.startTracing(page, { categories: CATEGORIES });
    let traced = true;
    try {
      await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT.goto });
      const what = widget ? 'takeover' : 'load';
      const mark = await signalled(signals, what, 60_000);
      if (mark == null) throw new Error(`no ${what} within 60 s at ${THROTTLE}x`);
      // The window's end, on the page's clock (performance.now() runs with the wall clock).
      const until = mark + AFTER_TAKEOVER;
      await sleep(AFTER_TAKEOVER + 250);
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
      traced = false;
      const tasks = longTasks(trace, { url: page.url(), until });
      const w = await page.evaluate(() => window.__watch);
      const api = w.longtasks.filter((t) => t.start <= until);
      const out = { mark, markedBy: what, tasks, api, offsite, errors, interactions: null };
      if (clicks) out.interactions = await interactions(page, clicks);
      return out;
    } finally {
      if (traced) await browser.stopTracing().catch(() => {});
    }
  } finally {
    await context.close();
  }
}

/**
 * Real clicks (Playwright) on `filters`, one after the other, each once the page has painted the
 * last; then each click's interaction from the Event Timing API: the entries with its
 * `interactionId` (pointerdown, pointerup, click), the longest of them being the interaction's
 * latency, as web-vitals computes INP. Entries under 16 ms are not reported by the API (its
 * smallest durationThreshold): a click with none reads "under 16 ms".
 */
async function interactions(page, filters) {
  // Playwright's first action injects its script: done before the first click, not during it.
  await page.locator(`[data-filter="${filters[0]}"]`).first().waitFor({ state: 'visible', timeout: 10_000 });
  const settle = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)))));
  const before = (await page.evaluate(() => window.__watch.events.length)) ?? 0;
  for (const filter of filters) {
    await page.click(`[data-filter="${filter}"]`, { timeout: 10_000 });
    await settle();
  }
  // Entries arrive after the frame that follows each interaction: wait until every click has
  // one or a second has passed with none arriving.
  let last = -1;
  let events = [];
  for (let i = 0; i < 20; i++) {
    events = (await page.evaluate(() => window.__watch.events)).slice(before);
    const ids = new Set(events.map((e) => e.id));
    if (ids.size >= filters.length || events.length === last) break;
    last = events.length;
    await sleep(250);
  }
  const byId = new Map();
  for (const e of events) byId.set(e.id, [...(byId.get(e.id) ?? []), e]);
  // An interaction: its latency is its longest entry's duration; split into input delay (to
  // the first handler), processing (the handlers of all its events) and presentation delay
  // (from the last handler to the paint that ends the longest entry).
  const reported = [...byId.values()].map((es) => {
    const first = es.reduce((a, b) => (b.start < a.start ? b : a));
    const longest = es.reduce((a, b) => (b.duration > a.duration ? b : a));
    const lastEnd = Math.max(...es.map((e) => e.processingEnd));
    return {
      duration: longest.duration,
      inputDelay: first.processingStart - first.start,
      processing: es.reduce((t, e) => t + (e.processingEnd - e.processingStart), 0),
      presentation: Math.max(0, longest.start + longest.duration - lastEnd),
      events: es.map((e) => e.name).join('+'),
    };
  });
  return { clicks: filters.length, reported };
}

// ---------------------------------------------------------------- taps on a phone at 4x

// A phone: 412×915 CSS px (a Pixel 7's screen), touch, the page laid out as on a phone (its
// meta viewport honoured), 2.625 device pixels per CSS pixel.
const PHONE = { width: 412, height: 915 };
const PHONE_DEVICE = { isMobile: true, hasTouch: true, deviceScaleFactor: 2.625 };
// The kinds of tap, in the order a load makes them, as the report names them.
const TAP_KINDS = ['focus', 'line', 'role', 'More filters', 'topic', 'search box', 'keystroke'];
const TAP_TOPIC = 'security';

/** A run that cannot measure what it was asked to (a control missing): said, not skipped. */
class TapError extends Error {}

/**
 * Waits (bounded) until the page's main thread has been free of long tasks (Long Tasks API) for
 * a second and at least a second has passed since `mark`, so that taps meet a page at rest.
 */
async function calm(page, mark, timeout = 15_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const [now, last] = await page.evaluate(() => [performance.now(), window.__watch.longtasks.at(-1)]);
    const free = last ? now - (last.start + last.duration) : now;
    if ((free >= 1_000 && now - mark >= 1_000) || Date.now() > end) return;
    await sleep(250);
  }
}

/** After the last frame of whatever ran: two animation frames, then a task 100 ms later; returns that time. */
const afterFrames = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(performance.now()), 100)))));

/** Waits (bounded, 5 s) until `fn(element, arg)` holds for the element `locator` finds now; false if it never does. */
async function holds(locator, fn, arg) {
  const end = Date.now() + 5_000;
  for (;;) {
    if (await locator.evaluate(fn, arg).catch(() => false)) return true;
    if (Date.now() > end) return false;
    await sleep(100);
  }
}

/**
 * One load of `url` on a phone (412×915, touch) at 4x CPU slowdown; on a widget page, once its
 * (first) widget took over and the page has been free of long tasks for a second, real taps
 * (Playwright's tap(): touch events through CDP, from which the browser makes pointer events and
 * a click) on the controls inside `scope`: a focus toggle on and off, a line toggle on and off, a
 * role toggle on and off, "More filters", a topic on and off, the search box, and a word typed
 * into it a key at a time. Each tap only once the previous one's frame was painted, and each must
 * do what it should (a toggle's aria-pressed flips, "More filters" expands, the word is in the
 * box); a control that is not visible, or a tap that changes nothing, fails the run with a message
 * saying which. Then each interaction's latency from the Event Timing API, as `interactions`.
 * On `blog.html` the page is first scrolled (mouse wheel) until the widget's top reaches the top
 * of the viewport, as a reader scrolls to it: its loader mounts a widget as it comes near.
 */
async function tapRun(browser, url, { widget, scope, scroll }) {
  const { context, page, signals, offsite, errors } = await watchedPage(browser, { viewport: PHONE, rate: THROTTLE, device: PHONE_DEVICE });
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT.goto });
    const load = await signalled(signals, 'load', 60_000);
    if (load == null) throw new Error(`no load event within 60 s at ${THROTTLE}x`);
    const host = page.locator(scope).first();
    if (scroll) {
      await page.mouse.move(PHONE.width / 2, PHONE.height / 2);
      for (let i = 0; i < 40; i++) {
        const box = await host.boundingBox();
        if (!box) throw new TapError(`no ${scope} to scroll to`);
        if (box.y <= 80) break;
        const before = await page.evaluate(() => scrollY);
        await page.mouse.wheel(0, Math.min(400, box.y - 40));
        await sleep(150);
        if ((await page.evaluate(() => scrollY)) === before) break; // the end of the page
      }
    }
    const mark = widget ? await signalled(signals, 'takeover', 60_000) : load;
    if (mark == null) throw new Error(`no takeover within 60 s at ${THROTTLE}x`);
    await calm(page, mark);

    // The role toggle: one off by default turned on then off (the standalone page's CISO), or,
    // where every role shown is on, the last one off then on.
    const roles = await host.locator('button[data-filter^="roles:"]').evaluateAll((els) => els.map((e) => [e.dataset.filter, e.getAttribute('aria-pressed')]));
    if (!roles.length) throw new TapError(`no role toggle (button[data-filter^="roles:"]) in ${scope}`);
    const role = (roles.find(([f, p]) => f === 'roles:ciso' && p === 'false') ?? roles.find(([, p]) => p === 'false') ?? roles.at(-1))[0];
    const toggle = (kind, filter) => ({ kind, label: `\`${filter}\``, sel: `button[data-filter="${filter}"]`, check: 'pressed' });
    const steps = [
      toggle('focus', 'focus:internal'), toggle('focus', 'focus:internal'),
      toggle('line', 'line:bottom'), toggle('line', 'line:bottom'),
      toggle('role', role), toggle('role', role),
      { kind: 'More filters', label: '"More filters"', sel: 'button[data-action="filters"]', check: 'expanded' },
      toggle('topic', `topic:${TAP_TOPIC}`), toggle('topic', `topic:${TAP_TOPIC}`),
      { kind: 'search box', label: 'the search box', sel: 'input[type="search"]', check: 'focused' },
      ...[...WORD].map((key, i) => ({ kind: 'keystroke', label: `"${WORD.slice(0, i + 1)}"`, key })),
    ];
    // When each tap's whole answer was on screen, not only its first frame: the time of every
    // input (the event's own time stamp, as Event Timing's), and, for every batch of changes
    // the page makes inside the widget, a time just after the frame that paints it (a task
    // posted from that frame's animation frame callback). A tap's "view settled" is the last
    // such time before the next tap, less its first input's time: on the widget pages (a touch
    // screen) the duties follow a frame after the toggle, on the reference page in the same frame.
    await host.evaluate((root) => {
      const w = (window.__settle = { inputs: [], painted: [] });
      for (const type of ['pointerdown', 'keydown']) document.addEventListener(type, (e) => w.inputs.push(e.timeStamp), { capture: true, passive: true });
      new MutationObserver(() => requestAnimationFrame(() => setTimeout(() => w.painted.push(performance.now()), 0)))
        .observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const marks = [];
    let t = await afterFrames(page);
    for (const step of steps) {
      marks.push(t);
      if (step.key) {
        await page.keyboard.press(step.key);
        t = await afterFrames(page);
      } else {
        const el = host.locator(step.sel).first();
        if (!(await el.isVisible())) {
          throw new TapError(`${step.label} (\`${step.sel}\`) is not visible at ${PHONE.width}×${PHONE.height} (folded away, or missing), so it cannot be tapped`);
        }
        const before = await el.evaluate((e) => [e.getAttribute('aria-pressed'), e.getAttribute('aria-expanded')]);
        await el.tap({ timeout: 10_000 });
        // Nothing runs in the page until the tap's frame was painted; then its effect is checked.
        t = await afterFrames(page);
        const ok = await holds(el, (e, [check, b]) => {
          if (check === 'pressed') return e.getAttribute('aria-pressed') !== b[0];
          if (check === 'expanded') return e.getAttribute('aria-expanded') === 'true';
          return document.activeElement === e;
        }, [step.check, before]);
        if (!ok) throw new TapError(`a tap on ${step.label} changed nothing within 5 s (${step.check === 'pressed' ? `aria-pressed stayed ${before[0]}` : step.check === 'expanded' ? 'aria-expanded did not become true' : 'it did not take the focus'})`);
      }
    }
    const typed = await host.locator('input[type="search"]').first().inputValue();
    if (typed !== WORD) throw new TapError(`the search box reads "${typed}" after typing "${WORD}"`);
    marks.push(t);

    // Entries arrive after the frame that follows each interaction (already waited for).
    const events = (await page.evaluate(() => window.__watch.events)).filter((e) => e.start >= marks[0]);
    const settle = await page.evaluate(() => window.__settle);
    const within = (list, i) => list.filter((x) => x >= marks[i] && x < marks[i + 1]);
    const byId = new Map();
    for (const e of events) byId.set(e.id, [...(byId.get(e.id) ?? []), e]);
    const taps = steps.map((step, i) => {
      // An interaction belongs to the step in whose time its first entry started.
      const mine = [...byId.values()].filter((es) => {
        const start = Math.min(...es.map((e) => e.start));
        return start >= marks[i] && start < marks[i + 1];
      });
      const latencies = mine.map((es) => {
        const first = es.reduce((a, b) => (b.start < a.start ? b : a));
        const longest = es.reduce((a, b) => (b.duration > a.duration ? b : a));
        const lastEnd = Math.max(...es.map((e) => e.processingEnd));
        return {
          duration: longest.duration,
          inputDelay: first.processingStart - first.start,
          processing: es.reduce((sum, e) => sum + (e.processingEnd - e.processingStart), 0),
          presentation: Math.max(0, longest.start + longest.duration - lastEnd),
          events: [...new Set(es.map((e) => e.name))].join('+'),
          entries: es.map((e) => [e.name, Math.round(e.start - first.start), e.duration]),
        };
      });
      const worst = latencies.sort((a, b) => b.duration - a.duration)[0] ?? null;
      const input = within(settle.inputs, i)[0];
      const painted = within(settle.painted, i).at(-1);
      const settled = input != null && painted != null && painted > input ? painted - input : null;
      return { kind: step.kind, label: step.label, duration: worst?.duration ?? 0, detail: worst, settled };
    });
    // Long tasks (Long Tasks API) while the taps were made: work of the page's own that a tap
    // may have waited behind (another widget mounting, say).
    const busy = (await page.evaluate(() => window.__watch.longtasks)).filter((x) => x.start + x.duration >= marks[0]).map((x) => ({ start: x.start - marks[0], duration: x.duration }));
    return { mark, role, taps, busy, offsite, errors };
  } finally {
    await context.close();
  }
}

/** Where every duty, column and toggle is, relative to the document. */
const positions = (page) =>
  page.$$eval('[data-duty], [data-role], [data-filter]', (els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { key: el.dataset.duty ?? el.dataset.role ?? el.dataset.filter, box: [r.left + scrollX, r.top + scrollY, r.width, r.height] };
    }),
  );

/** How many elements of `after` are not where `before` had them (as tests/e2e/prerender.test.mjs judges: off by half a pixel or more). */
function movedCount(before, after) {
  if (before.length !== after.length) return Math.max(before.length, after.length);
  return before.filter((b, i) => !(after[i].key === b.key && after[i].box.every((v, j) => Math.abs(v - b.box[j]) < 0.5))).length;
}

/**
 * One cold load of the standalone page for the layout-shift count: every `layout-shift` entry
 * (without recent input) from navigation until 1 s after the takeover, with the elements that
 * moved; and how many duties, columns and toggles stand elsewhere than in the page as its HTML
 * alone lays it out (`still`: their boxes with the page's scripts answered empty).
 */
async function shiftRun(browser, url, { viewport, rate, still }) {
  const { context, page, signals, offsite, errors } = await watchedPage(browser, { viewport, rate, reducedMotion: 'reduce' });
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT.goto });
    const takeover = await signalled(signals, 'takeover', 60_000);
    if (takeover == null) throw new Error('no takeover within 60 s');
    await sleep(1_000);
    const w = await page.evaluate(() => window.__watch);
    const moved = still ? movedCount(still, await positions(page)) : null;
    return { takeover, shifts: w.shifts.filter((x) => !x.input && x.at <= takeover + 1_000), moved, offsite, errors };
  } finally {
    await context.close();
  }
}

/** The boxes of the page as its HTML alone lays it out (its scripts answered empty). */
async function stillPositions(browser, url, viewport) {
  // Scripts on (the stylesheet lays a phone's sections out as it will live, `scripting:
  // enabled`), each answered empty, so that no wasm ever comes: the HTML as it paints.
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    await page.route('**/*.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
    await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT.goto });
    return await positions(page);
  } finally {
    await context.close();
  }
}

/** Every response of one load (and what the site's service worker fetched), with sizes. */
async function bytesRun(browser, site, url, log) {
  const { context, page, offsite, errors } = await newPage(browser, { interactive: false, limit: TIMEOUT.firstDuty, settle: TIMEOUT.settle });
  const responses = [];
  let lastResponse = Date.now();
  context.on('response', (res) => {
    lastResponse = Date.now();
    responses.push({ url: res.url(), status: res.status(), sw: Boolean(res.request().serviceWorker?.()), fromSW: res.fromServiceWorker() });
  });
  const since = log.length;
  try {
    await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT.goto });
    await until(page, (b) => b.firstDutyPaint !== null, TIMEOUT.firstDuty);
    await quiet(page, () => lastResponse, 1_000, 15_000);
    await until(page, (s) => firstDutyOf(s)[1] !== 'task after the frame', 1_000);
    // Resource timing (same clock as the first duty) says what had arrived before it.
    const timing = await page.evaluate(() => {
      const B = window.__bench;
      const nav = performance.getEntriesByType('navigation')[0];
      const entries = performance.getEntriesByType('resource').map((e) => ({ url: e.name, end: e.responseEnd, blocking: e.renderBlockingStatus === 'blocking' }));
      return {
        first: B.firstDutyDom,
        B: { ...B },
        entries: [{ url: location.href, end: nav.responseEnd, document: true }, ...entries],
      };
    });
    timing.parsed = await dutyInHtml(url);
    const served = log.slice(since);
    const files = new Map();
    const add = (u, who) => {
      const url = new URL(u);
      if (url.origin !== site.origin) return;
      let p = decodeURIComponent(url.pathname);
      if (p.endsWith('/')) p += 'index.html';
      const file = path.join(site.dir, p);
      if (!existsSync(file) || !statSync(file).isFile()) return;
      const key = p.slice(1);
      if (!files.has(key)) files.set(key, { file: key, ...fileSizes(file), by: who, beforeFirstDuty: false });
      return files.get(key);
    };
    for (const r of responses) if (!r.sw && !r.fromSW) add(r.url, 'page');
    for (const r of responses) if (r.sw) add(r.url, 'service worker');
    // Whatever the server sent that the browser did not report (service worker fetches when
    // the driver does not see them): counted as the service worker's.
    for (const p of served) add(site.origin + p, 'service worker');
    // Needed for the first duty: the document; render-blocking files that arrived before it was
    // painted; and, when a script put it there (not the parser), every file that arrived
    // before it was in the DOM.
    for (const e of timing.entries) {
      if (timing.first === null) break;
      const needed = e.document || (e.blocking && e.end <= (firstDutyOf(timing.B)[0] ?? Infinity)) || (!timing.parsed && e.end <= timing.first);
      if (needed) {
        const f = add(e.url, 'page');
        if (f) f.beforeFirstDuty = true;
      }
    }
    return { files: [...files.values()], firstDutyDom: timing.first, firstDutyParsed: timing.parsed, offsite, errors };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- Lighthouse

function lighthouse(url, outFile) {
  const cli = path.join(ROOT, 'node_modules/lighthouse/cli/index.js');
  if (!existsSync(cli)) return Promise.resolve({ error: 'lighthouse is not installed (npm ci)' });
  const flags = ['--headless=new', ...CHROMIUM_ARGS].join(' ');
  const args = [cli, url, '--output=json', `--output-path=${outFile}`, '--quiet', `--chrome-flags=${flags}`,
    '--only-categories=performance,accessibility,best-practices,seo', '--max-wait-for-load=30000'];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT.lighthouse);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0 || !existsSync(outFile)) return resolve({ error: `lighthouse exited ${code}: ${stderr.trim().split('\n').pop()}` });
      const r = JSON.parse(readFileSync(outFile, 'utf8'));
      const score = (id) => (r.categories[id]?.score == null ? null : Math.round(r.categories[id].score * 100));
      const num = (id) => r.audits[id]?.numericValue ?? null;
      const failing = [];
      const erroring = [];
      for (const [id, a] of Object.entries(r.audits)) if (a.scoreDisplayMode === 'error') erroring.push(`${id}: ${a.errorMessage}`);
      for (const c of Object.values(r.categories)) {
        for (const ref of c.auditRefs) {
          const a = r.audits[ref.id];
          if (ref.weight > 0 && a.score !== null && a.score < 1) failing.push(`${c.id}/${ref.id} ${a.score}${a.displayValue ? ` (${a.displayValue})` : ''}`);
        }
      }
      const requests = (r.audits['network-requests']?.details?.items ?? []).map((i) => i.url);
      // The LCP element as Lighthouse names it (its label and selector).
      const lcpNode = r.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
      const lcpElement = lcpNode ? `${lcpNode.nodeLabel ? `"${lcpNode.nodeLabel.replace(/\s+/g, ' ').slice(0, 60)}" ` : ''}(\`${lcpNode.selector ?? lcpNode.snippet ?? '?'}\`)` : 'n/a';
      const offsite = requests.filter((u) => /^https?:/.test(u) && new URL(u).hostname !== '127.0.0.1');
      resolve({
        version: r.lighthouseVersion,
        requests: requests.length,
        offsite,
        performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo'),
        lcp: num('largest-contentful-paint'), lcpElement, tbt: num('total-blocking-time'), cls: num('cumulative-layout-shift'), fcp: num('first-contentful-paint'),
        warnings: r.runWarnings ?? [], failing, erroring, runtimeError: r.runtimeError?.message,
      });
    });
  });
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  // Before minutes of measuring: a report file the run could not be written into is refused now.
  assertMarkers(readReport(opts.out), opts.out);
  if (opts.fromJson) {
    // The report again from a run's --json file (every sample is in it), without measuring.
    const { machine, ...results } = JSON.parse(readFileSync(opts.fromJson, 'utf8'));
    const report = render(results, machine, { offsite: [], errors: [], failures: [] });
    writeReport(opts.out, report.markdown);
    console.log(report.summary);
    return;
  }
  const started = new Date();
  const loadBefore = os.loadavg();
  if (opts.build) {
    console.log('building the release site (make dist)…');
    const r = spawnSync('make', ['dist'], { cwd: ROOT, stdio: 'inherit', timeout: 30 * 60_000 });
    if (r.status !== 0) throw new Error('make dist failed');
  }
  if (!existsSync(path.join(opts.dist, 'index.html'))) throw new Error(`${opts.dist} has no index.html: build it (make dist) or pass --dist`);

  // Where the dist and its cargo output come from, as they are when they are copied (a checkout
  // may commit during the run).
  const provenance = {
    distCommit: opts.dist === path.join(ROOT, 'dist') ? null : sh('git', ['-C', path.dirname(opts.dist), 'rev-parse', '--short', 'HEAD']),
    distDirty: opts.dist === path.join(ROOT, 'dist') ? null : sh('git', ['-C', path.dirname(opts.dist), 'status', '--porcelain', '--untracked-files=no']),
    cargoRoot: opts.cargoRoot,
    cargoCommit: opts.cargoRoot === ROOT ? null : sh('git', ['-C', opts.cargoRoot, 'rev-parse', '--short', 'HEAD']),
    cargoDirty: opts.cargoRoot === ROOT ? null : sh('git', ['-C', opts.cargoRoot, 'status', '--porcelain', '--untracked-files=no']),
  };
  // The site: a copy of dist/ with the bench pages beside it, in a temporary directory.
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'role-compare-bench-'));
  const siteDir = path.join(tmp, 'site');
  cpSync(opts.dist, siteDir, { recursive: true });
  const benchDir = path.join(siteDir, 'bench');
  mkdirSync(benchDir, { recursive: true });
  for (const f of ['reference.js', 'reference.css']) cpSync(path.join(ROOT, 'bench/reference', f), path.join(benchDir, f));
  // The cargo output behind the dist, taken now with the dist (a checkout that rebuilds during
  // the run must not give the breakdown another build's wasm).
  const cargoDir = path.join(tmp, 'cargo');
  if (opts.parts.has('breakdown')) copyCargoFiles(opts.cargoRoot, cargoDir);
  const builtin = JSON.parse(readFileSync(path.join(ROOT, 'content/roles.json'), 'utf8'));
  const big = generateContent(builtin, 1000);
  checkContent(big);
  writeFileSync(path.join(benchDir, 'content-1000.json'), JSON.stringify(big));
  writeFileSync(path.join(benchDir, 'reference.html'), renderReference(builtin));
  writeFileSync(path.join(benchDir, 'reference-1000.html'), renderReference(big, { title: '1,000 duties (plain reference)' }));
  writeFileSync(path.join(benchDir, 'widget-1000.html'), widgetHost('1,000 duties (role-compare)', './content-1000.json'));
  const huge = generatedContent(5000);
  checkContent(huge);
  writeFileSync(path.join(benchDir, 'content-5000.json'), JSON.stringify(huge));
  writeFileSync(path.join(benchDir, 'reference-5000.html'), renderReference(huge, { title: '5,000 duties (plain reference)' }));
  writeFileSync(path.join(benchDir, 'widget-5000.html'), widgetHost('5,000 duties (role-compare)', './content-5000.json'));

  const log = [];
  const server = await serve(siteDir, { transform: ({ pathname }) => void log.push(pathname) });
  const site = { origin: server.origin, dir: siteDir };
  const U = (p) => server.url + p;
  const pages = {
    standalone: U(''),
    blog: U('blog.html'),
    reference: U('bench/reference.html'),
    widget1000: U('bench/widget-1000.html'),
    reference1000: U('bench/reference-1000.html'),
    widget5000: U('bench/widget-5000.html'),
    reference5000: U('bench/reference-5000.html'),
  };

  const launch = () => chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
  let browser = await launch();
  // One run; if it fails (a crash, or the browser gone), the browser is relaunched if need be
  // and the run tried once more; a second failure is recorded and the benchmark goes on.
  const failures = [];
  const attempt = async (what, run, empty) => {
    let message = null;
    for (let i = 0; i < 2; i++) {
      try {
        return await run(browser);
      } catch (err) {
        message = String(err.message || err).split('\n')[0];
        failures.push(`${what}: ${message}`);
        if (!browser.isConnected()) browser = await launch();
        // A control that is missing stays missing: not tried again.
        if (err instanceof TapError) break;
      }
    }
    return { ...empty, failedWith: message, offsite: [], errors: [] };
  };
  const offsite = [];
  const errors = [];
  const keep = (r, where) => {
    offsite.push(...r.offsite);
    errors.push(...r.errors.map((e) => `${where}: ${e}`));
    return r;
  };
  const results = { parts: [...opts.parts], bytes: {}, timing: {}, longtasks: {}, taps: {}, shift: {}, lighthouse: {}, breakdown: null, seconds: {} };
  const timed = async (part, fn) => {
    if (!opts.parts.has(part)) return;
    const t = Date.now();
    await fn();
    results.seconds[part] = Math.round((Date.now() - t) / 1000);
  };
  try {
    await timed('bytes', async () => {
      console.log('bytes: one load of each page, every response recorded…');
      for (const name of ['standalone', 'blog', 'reference', 'widget1000', 'reference1000']) results.bytes[name] = keep(await attempt(`bytes ${name}`, (b) => bytesRun(b, site, pages[name], log), { files: [], firstDutyDom: null }), name);
    });

    await timed('times', async () => {
      const sets = [
        { name: `default content (${shownByDefault(builtin)} duties shown)`, widget: pages.standalone, reference: pages.reference },
        { name: '1,000 generated duties', widget: pages.widget1000, reference: pages.reference1000 },
        // Clicks and keystrokes only: the first duty of 5,000 is not a target.
        { name: '5,000 generated duties', widget: pages.widget5000, reference: pages.reference5000, interactOnly: true },
      ];
      for (const set of sets) {
        const data = { widget: { load: [], interact: [] }, reference: { load: [], interact: [] } };
        for (let i = 0; i < opts.runs; i++) {
          process.stdout.write(`\r${set.name}: run ${i + 1} of ${opts.runs}   `);
          // Alternating, and which one goes first alternates too.
          const order = i % 2 ? ['reference', 'widget'] : ['widget', 'reference'];
          // A page that showed no duty in its first load is not loaded again (each would wait out
          // the timeouts); its figures read n/a.
          const broken = (who) => data[who].load.length > 0 && data[who].load.every((r) => r.firstDuty == null);
          if (!set.interactOnly) for (const who of order) if (!broken(who)) data[who].load.push(keep(await attempt(`load ${who} ${set.name}`, (b) => loadRun(b, set[who]), { firstDuty: null, cls: NaN }), `${who} ${set.name}`));
          for (const who of order) if (!broken(who)) data[who].interact.push(keep(await attempt(`interaction ${who} ${set.name}`, (b) => interactRun(b, set[who]), { interactive: null, clicks: [], keys: [] }), `${who} ${set.name}`));
        }
        process.stdout.write('\n');
        results.timing[set.name] = { ...summarise(data), interactOnly: Boolean(set.interactOnly) };
        (results.samples ??= {})[set.name] = data;
      }
    });

    await timed('longtasks', async () => {
      // Widget pages and the reference pages beside them; INP on the standalone page and its
      // reference (the default content).
      const lt = [
        ['standalone', { widget: true, clicks: CLICKS }],
        ['reference', { widget: false, clicks: CLICKS }],
        ['blog', { widget: true }],
        ['widget1000', { widget: true }],
        ['reference1000', { widget: false }],
      ];
      for (let i = 0; i < opts.throttledRuns; i++) {
        for (const [name, how] of lt) {
          process.stdout.write(`\rlong tasks at ${THROTTLE}x: run ${i + 1} of ${opts.throttledRuns}, ${name}        `);
          const r = keep(await attempt(`long tasks ${name}`, (b) => throttledRun(b, pages[name], how), { failed: true }), `${name} at ${THROTTLE}x`);
          (results.longtasks[name] ??= []).push(r);
        }
      }
      process.stdout.write('\n');
    });

    await timed('taps', async () => {
      // The two widget pages and the reference page in turn, which one goes first rotating.
      const tp = [
        ['standalone', { name: 'index.html', widget: true, scope: '[data-role-compare-page]' }],
        ['blog', { name: 'blog.html', widget: true, scope: '[data-role-compare]', scroll: true }],
        ['reference', { name: 'the reference page', widget: false, scope: '#ref' }],
      ];
      for (let i = 0; i < opts.throttledRuns; i++) {
        for (let j = 0; j < tp.length; j++) {
          const [key, how] = tp[(i + j) % tp.length];
          process.stdout.write(`\rtaps on a phone at ${THROTTLE}x: load ${i + 1} of ${opts.throttledRuns}, ${key}        `);
          const r = keep(await attempt(`taps ${how.name}`, (b) => tapRun(b, pages[key], how), { failed: true }), `${how.name}, taps at ${THROTTLE}x`);
          (results.taps[key] ??= []).push(r);
        }
      }
      process.stdout.write('\n');
    });

    await timed('shift', async () => {
      for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
        const still = await stillPositions(browser, pages.standalone, viewport);
        for (const rate of [1, THROTTLE]) {
          const key = `${viewport.width} px, ${rate}x`;
          const loads = [];
          for (let i = 0; i < opts.shiftLoads; i++) {
            process.stdout.write(`\rlayout shift at takeover, ${key}: load ${i + 1} of ${opts.shiftLoads}   `);
            loads.push(keep(await attempt(`shift ${key}`, (b) => shiftRun(b, pages.standalone, { viewport, rate, still }), { failed: true }), `shift ${key}`));
          }
          results.shift[key] = loads;
        }
      }
      process.stdout.write('\n');
    });
  } finally {
    await browser.close().catch(() => {});
  }

  await timed('lighthouse', async () => {
    // Served compressed, as a static host serves them (brotli, which Chromium asks for on
    // 127.0.0.1 too): Lighthouse simulates a slow 4G link from the bytes that came over the
    // wire, and the other parts' server sends files as they are. Uncompressed, what blocks the
    // first paint was 69.5 KB on the standalone page (its HTML and two stylesheets) against the
    // reference page's 23 KB, where a reader downloads 10.6 and 3.9 KB; the simulated link then
    // put the standalone page's LCP 1.2–1.4x the reference page's (docs/performance.md, "LCP
    // on a compressed link"). Each page is loaded once first, unmeasured, so that no run's
    // timings hold the server compressing a file for the first time.
    const packed = await serve(siteDir, { compress: true });
    const P = (url) => packed.url + url.slice(server.url.length);
    const lhPages = [['standalone page', P(pages.standalone)], ['example article (blog.html)', P(pages.blog)], ['reference page', P(pages.reference)]];
    const warm = await launch();
    try {
      for (const [, url] of lhPages) {
        const page = await warm.newPage();
        await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT.goto });
        await page.waitForTimeout(2000);
        await page.close();
      }
    } finally {
      await warm.close().catch(() => {});
    }
    // Several runs per page, the pages in turn (so that a slower spell of a shared machine falls
    // on each alike); the run with the median performance score is shown (as Lighthouse's own
    // advice goes), and every run's figures are kept for the medians the targets take.
    const runs = Object.fromEntries(lhPages.map(([name]) => [name, []]));
    for (let i = 0; i < opts.lighthouseRuns; i++) {
      for (const [name, url] of lhPages) {
        console.log(`lighthouse (mobile): ${name}, run ${i + 1} of ${opts.lighthouseRuns}…`);
        runs[name].push(await lighthouse(url, path.join(tmp, `lh-${name.split(' ')[0]}-${i}.json`)));
      }
    }
    for (const [name] of lhPages) {
      const ok = runs[name].filter((x) => !x.error);
      const sorted = [...ok].sort((a, b) => a.performance - b.performance);
      const spread = (f) => [Math.min(...ok.map(f)), Math.max(...ok.map(f))];
      results.lighthouse[name] = ok.length
        ? {
            ...sorted[(sorted.length - 1) >> 1],
            runs: ok.length,
            perfRange: spread((x) => x.performance),
            lcpRange: spread((x) => x.lcp),
            tbtRange: spread((x) => x.tbt),
            all: ok.map((x) => ({ performance: x.performance, tbt: x.tbt, lcp: x.lcp, cls: x.cls, fcp: x.fcp, lcpElement: x.lcpElement })),
            failedRuns: runs[name].length - ok.length,
          }
        : runs[name][0];
    }
    await packed.close();
  });

  await timed('breakdown', async () => {
    console.log('where the wasm\'s bytes go (scripts/wasm-breakdown.mjs)…');
    try {
      results.breakdown = breakdown(siteDir, { root: cargoDir });
    } catch (err) {
      results.breakdown = { error: String(err.message || err).split('\n')[0] };
    }
  });
  await server.close();
  rmSync(tmp, { recursive: true, force: true });

  const machine = {
    date: started.toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memory: `${(os.totalmem() / KiB ** 3).toFixed(1)} GiB`,
    load: loadBefore.map((x) => x.toFixed(2)).join(', '),
    loadAfter: os.loadavg().map((x) => x.toFixed(2)).join(', '),
    // The benchmark itself keeps about one core busy: shared if others were busy before it
    // started, or the load during it exceeded what it adds alone.
    shared: loadBefore[0] > (os.availableParallelism?.() ?? os.cpus().length) * 0.5 || os.loadavg()[0] > (os.availableParallelism?.() ?? os.cpus().length),
    chromium: sh(CHROMIUM_PATH, ['--version'])?.split('\n').pop() ?? 'unknown',
    node: process.version,
    commit: sh('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']),
    dist: opts.dist,
    ...provenance,
    built: opts.build,
    lighthouseRuns: opts.lighthouseRuns,
    runs: opts.runs,
    throttledRuns: opts.throttledRuns,
    shiftLoads: opts.shiftLoads,
    duration: Math.round((Date.now() - started) / 1000),
  };
  if (opts.json) writeFileSync(opts.json, JSON.stringify({ machine, ...results }, null, 1));
  const report = render(results, machine, { offsite, errors, failures });
  writeReport(opts.out, report.markdown);
  console.log('\n' + report.summary);
  console.log(`\nwritten to ${path.relative(process.cwd(), opts.out) || opts.out}`);
}

function summarise(data) {
  const side = (d) => {
    const clicks = d.interact.flatMap((r) => r.clicks);
    const keys = d.interact.flatMap((r) => r.keys);
    const ok = (xs) => xs.filter((x) => !x.timeout);
    const range = (xs) => {
      const v = xs.filter((x) => Number.isFinite(x));
      return v.length > 1 ? [Math.min(...v), Math.max(...v)] : null;
    };
    return {
      ranges: {
        firstDuty: range(d.load.map((r) => r.firstDuty)),
        interactive: range(d.interact.map((r) => r.interactive)),
        click: range(ok(clicks).map((r) => r.work)),
        key: range(ok(keys).map((r) => r.work)),
      },
      firstDuty: median(d.load.map((r) => r.firstDuty)),
      firstDutyDom: median(d.load.map((r) => r.firstDutyDom)),
      firstDutyBy: [...new Set(d.load.map((r) => r.firstDutyBy))].join(', '),
      firstDutyTop: [...new Set(d.load.map((r) => r.firstDutyTop ?? 'n/a'))].join(', '),
      firstDutyParsed: [...new Set(d.load.map((r) => (r.firstDutyParsed == null ? 'n/a' : r.firstDutyParsed ? 'yes' : 'no')))].join(', '),
      fcp: median(d.load.map((r) => r.fcp)),
      lcp: median(d.load.map((r) => r.lcp)),
      clsMax: (() => {
        const v = d.load.map((r) => r.cls).filter(Number.isFinite);
        return v.length ? Math.max(...v) : null;
      })(),
      clsMedian: median(d.load.map((r) => r.cls)),
      clsLoads: `${d.load.filter((r) => r.cls > 0).length} of ${d.load.filter((r) => Number.isFinite(r.cls)).length} loads shifted`,
      interactive: median(d.interact.map((r) => r.interactive)),
      interactiveDom: median(d.interact.map((r) => r.interactiveDom)),
      interactiveOfFirstDuty: median(d.interact.map((r) => ratio(r.interactive, r.firstDuty))),
      interactiveMissing: d.interact.filter((r) => r.interactive === null).length,
      clicksToInteractive: median(d.interact.map((r) => r.clicksToInteractive)),
      click: median(ok(clicks).map((r) => r.work)),
      clickFrame: median(ok(clicks).map((r) => r.frame)),
      clickN: ok(clicks).length,
      clickTimeouts: clicks.length - ok(clicks).length,
      key: median(ok(keys).map((r) => r.work)),
      keyFrame: median(ok(keys).map((r) => r.frame)),
      keyChanged: median(ok(keys).filter((r) => r.mutations > 0).map((r) => r.work)),
      keyChangedN: ok(keys).filter((r) => r.mutations > 0).length,
      keyMax: Math.max(...ok(keys).map((r) => r.work), -Infinity),
      keyN: ok(keys).length,
      keyTimeouts: keys.length - ok(keys).length,
      runs: d.load.length,
    };
  };
  return { widget: side(data.widget), reference: side(data.reference) };
}

// ---------------------------------------------------------------- report

/** The report file's text as it is now (a new file starts with a title). */
function readReport(file) {
  return existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
}

/** The run's report between the file's markers (scripts/bench-report.mjs), the rest kept. */
function writeReport(file, body) {
  writeFileSync(file, spliceReport(readReport(file), body, file));
}

function table(head, rows) {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function render(results, m, { offsite, errors, failures }) {
  const L = [];
  const summary = [];
  const targets = [];
  // A target: what it is (`area`: the part of the run that measures it), the figure, the same
  // figure of the reference page measured in the same run where the target has one, the goal.
  const target = (area, what, figure, goal, ok, reference = '') => {
    targets.push([area, what, figure, reference || '–', goal, yes(ok)]);
    summary.push(`${ok == null ? '  ?' : ok ? ' ok' : 'MISS'}  ${area}: ${what}: ${figure}${reference ? ` (reference: ${reference})` : ''} (target ${goal})`);
  };

  L.push(`## Benchmark run of ${m.date}`, '');
  const partsRun = PARTS.filter((p) => results.parts.includes(p)).map((p) => `${p}${results.seconds[p] == null ? '' : ` ${results.seconds[p]} s`}`).join(', ');
  L.push(`Written by \`make bench\` (\`node scripts/bench.mjs\`${m.built ? '' : ` --no-build --dist ${m.dist}`}, ${m.runs} runs, ${m.throttledRuns} throttled runs, ${m.shiftLoads} loads per layout-shift case; parts run, with the time each took: ${partsRun}). Machine: ${m.nproc} cores (${m.cpu}), ${m.memory} memory, ` +
    `load average (1, 5, 15 min) ${m.load} before the run and ${m.loadAfter} after it (the benchmark itself adds about 1)${m.shared ? ' (**the machine was shared with other work: times are noisy**)' : ''}; ` +
    `${m.chromium} headless; node ${m.node}; bench commit ${m.commit}; site measured: a copy of \`${m.dist}\` taken at the start of the run` +
    `${m.distCommit ? ` (checkout at ${m.distCommit}${m.distDirty ? ', with uncommitted changes' : ''})` : m.built ? ' (built by this run)' : ''}` +
    `${m.cargoCommit ? `; the wasm breakdown from the cargo output of \`${m.cargoRoot}\` (checkout at ${m.cargoCommit}${m.cargoDirty ? ', with uncommitted changes' : ''}), taken with it` : ''}. The run took ${m.duration} s.`, '');

  // ---- bytes
  const B = results.bytes;
  const tot = (r, f = () => true) => sum(r.files.filter(f));
  const page = (f) => f.by === 'page';
  L.push('### Bytes', '');
  L.push('Every response of one cold load in Chromium (1280×1400 viewport), recorded until nothing more arrived for 1 s; sizes of the files as served, gzip -9 and brotli -q 11 (node zlib) computed here. ' +
    '"Needed for the first duty" (Resource Timing, same clock as the first duty): the HTML document; every render-blocking file (`renderBlockingStatus`) that arrived before the first duty was painted; and, when the page\'s HTML as served holds no `data-duty` (a script puts the first duty there), every file that arrived before that. Files the site\'s service worker fetched on its own (offline precache), and not the page, are listed apart and not in the page\'s total.', '');
  const totalsRows = [];
  const names = { standalone: 'standalone page (index.html)', blog: 'script embed (blog.html)', reference: 'reference page', widget1000: 'widget, 1,000 duties (host page + data-content)', reference1000: 'reference page, 1,000 duties' };
  for (const [k, label] of Object.entries(names)) {
    const r = B[k];
    if (!r) continue;
    const all = tot(r, page);
    const first = tot(r, (f) => page(f) && f.beforeFirstDuty);
    const sw = tot(r, (f) => f.by !== 'page');
    totalsRows.push([label, `${r.files.filter(page).length}`, fmtB(all.raw), fmtB(all.gzip), `${fmtB(all.br)} (${fmtKiB(all.br)})`, r.firstDutyDom == null ? 'no duty seen' : `${fmtB(first.br)} (${fmtKiB(first.br)})`, sw.raw ? `${r.files.length - r.files.filter(page).length} files, ${fmtB(sw.br)} br` : '–']);
  }
  L.push(table(['page', 'files', 'raw B', 'gzip B', 'brotli B', 'brotli needed for the first duty', 'service worker fetched too'], totalsRows), '');
  for (const k of ['standalone', 'blog']) {
    const r = B[k];
    if (!r) continue;
    L.push(`${names[k]}, per file:`, '');
    const rows = [...r.files].sort((a, b) => (a.by === b.by ? b.br - a.br : a.by === 'page' ? -1 : 1)).map((f) => [`\`${f.file}\``, f.by, fmtB(f.raw), fmtB(f.gzip), fmtB(f.br), f.beforeFirstDuty ? 'yes' : '']);
    L.push(table(['file', 'loaded by', 'raw B', 'gzip B', 'brotli B', 'needed for the first duty'], rows), '');
  }
  if (B.standalone) {
    const first = tot(B.standalone, (f) => page(f) && f.beforeFirstDuty).br;
    const all = tot(B.standalone, page).br;
    const ref = B.reference ? fmtKiB(tot(B.reference, page).br) : '';
    const refFirst = B.reference ? fmtKiB(tot(B.reference, (f) => page(f) && f.beforeFirstDuty).br) : '';
    target('bytes', 'standalone page, brotli needed for the first duty', fmtKiB(first), '≤ 16 KiB', B.standalone.firstDutyDom != null && first <= 16 * KiB, refFirst);
    target('bytes', 'standalone page, brotli in all (wasm included, service worker precache excluded)', fmtKiB(all), '≤ 128 KiB now, on the way to 64 KiB', all <= 128 * KiB, ref);
    target('bytes', 'standalone page, brotli in all, the final goal', fmtKiB(all), '≤ 64 KiB', all <= 64 * KiB, ref);
  }
  if (!Object.keys(B).length) L.push('Not run (`--parts`).', '');

  // ---- timing
  L.push('### Times', '');
  L.push(`Median of ${m.runs} cold loads per page in headless Chromium (1280×1400), widget and reference page alternating (which one goes first alternates too); a new browser context per load; files served by node on 127.0.0.1 with \`Cache-Control: no-store\`, no throttling. Times in ms from navigation start (\`performance.now()\`).`, '');
  L.push('- **first duty**: when the first duty was painted. An init script (`page.addInitScript`, before any of the page\'s scripts) checks at every animation frame for a `[data-duty]` element that is rendered (`checkVisibility()`, non-zero height); the figure is the earliest paint timestamp at or after that frame: first contentful paint (a duty in the initial HTML is painted with it) or an Element Timing entry (a MutationObserver gives the first `[data-duty]` and its contents an `elementtiming` attribute before they are painted: a duty that a script adds later). If neither comes (Chromium drops the element timing entry of an element that a script replaced before the entry was delivered, after the first paint), the task after that frame. The table says which was used, and where the first duty\'s top was (the viewport is 1400 px high).');
  L.push('- **interactive**: in a separate load, from the moment `[data-filter="focus:internal"]` and a duty exist, the page clicks that toggle (`element.click()`) until the view changes: the toggle reads `aria-pressed="true"` and the number of duties shown (`[data-duty]:not([hidden])`) or the status line (`[role="status"]`) differs from before the first click. Until the toggle exists the page looks every 10 ms; clicks come at least 10 ms apart, and each only after the previous one was handled and a frame has passed (so a slow render is never toggled back by a queued click). The figure is the frame showing that change painted (a task queued from the next \`requestAnimationFrame\`); the table also gives the time the change was in the DOM. "Interactive ≤ 2.5x its first duty" is judged on the median of the ratio interactive ÷ first duty within each interactive load (both timed in that load, so that noise from a shared machine moves both); the first-duty loads are not clicked in, so that they measure CLS without input. A click on a pre-rendered toggle before the wasm takes over does nothing, so it is retried.');
  L.push(`- **filter click**: then, in the same page, real clicks (Playwright) on ${CLICKS.map((c) => `\`${c}\``).join(', ')}; each from the \`click\` event (capture listener on window) until the DOM stops changing: the time of the last DOM mutation with style and layout forced (\`offsetHeight\`), once two animation frames and 50 ms passed with no further mutation (or the end of the click's handlers, if nothing changed). "to next frame": to the first frame painted after that last change. Median over all clicks.`);
  L.push(`- **keystroke**: then the word "${WORD}" typed into \`input[type=search]\` one key at a time (real key presses); each from \`keydown\` to settled as for a click. Median over all keys.`);
  L.push('- **CLS**: sum of `layout-shift` entries without `hadRecentInput` during the first-duty load, until nothing changed or arrived for 0.5 s; the largest of the runs.');
  L.push('- **5,000 generated duties**: the content of tests/e2e/robust.test.mjs\'s 5,000-duty test (its generator: five roles, ten topics), mounted with `data-content` on a host page beside a reference page with the same duties; interaction loads only (clicks and keystrokes as above), the first duty of 5,000 being no target.', '');
  if (!Object.keys(results.timing).length) L.push('Not run (`--parts`).', '');

  for (const [set, t] of Object.entries(results.timing)) {
    const w = t.widget;
    const r = t.reference;
    const is1000 = set.startsWith('1,000');
    const is5000 = set.startsWith('5,000');
    const rows = [];
    const withRange = (x, rg) => (x == null || !rg ? fmtMs(x) : `${fmtMs(x)} (${rg[0].toFixed(1)}–${rg[1].toFixed(1)})`);
    const row = (metric, a, b, goal, ok, key) =>
      rows.push([metric, key ? withRange(a, w.ranges[key]) : fmtMs(a), key ? withRange(b, r.ranges[key]) : fmtMs(b), fmtX(ratio(a, b)), goal, yes(ok)]);
    const fdRatio = ratio(w.firstDuty, r.firstDuty);
    // The target compares the two in the same load (noise on a shared machine moves both).
    const ttiOfFd = w.interactiveOfFirstDuty;
    if (!t.interactOnly) {
    row('first duty', w.firstDuty, r.firstDuty, '≤ 1.1x reference', fdRatio == null ? null : fdRatio <= 1.1, 'firstDuty');
    row('(first duty in the DOM)', w.firstDutyDom, r.firstDutyDom, '', null);
    rows.push(['(first duty measured by)', w.firstDutyBy, r.firstDutyBy, '', '', '']);
    rows.push(["(first duty's top, px from the top of the page)", w.firstDutyTop, r.firstDutyTop, '', '', '']);
    rows.push(['(first duty in the initial HTML)', w.firstDutyParsed, r.firstDutyParsed, '', '', '']);
    row('(first contentful paint)', w.fcp, r.fcp, '', null);
    row('(largest contentful paint)', w.lcp, r.lcp, '', null);
    row('interactive', w.interactive, r.interactive, `≤ 2.5x its first duty (same load, next row)`, ttiOfFd == null ? null : ttiOfFd <= 2.5, 'interactive');
    row('(interactive: the change in the DOM)', w.interactiveDom, r.interactiveDom, '', null);
    rows.push(['interactive ÷ first duty, both in the same load', fmtX(w.interactiveOfFirstDuty), fmtX(r.interactiveOfFirstDuty), '', '≤ 2.5x', yes(ttiOfFd == null ? null : ttiOfFd <= 2.5)]);
    rows.push(['(clicks until interactive)', String(w.clicksToInteractive ?? 'n/a'), String(r.clicksToInteractive ?? 'n/a'), '', '', '']);
    }
    const clickGoal = is5000 ? '≤ 50 ms' : is1000 ? '≤ 16 ms' : '≤ 2x reference';
    const clickOk = w.click == null ? null : is5000 ? w.click <= 50 : is1000 ? w.click <= 16 : r.click == null ? null : ratio(w.click, r.click) <= 2;
    row(`filter click to settled (n=${w.clickN}/${r.clickN})`, w.click, r.click, clickGoal, clickOk, 'click');
    row('(filter click to next frame)', w.clickFrame, r.clickFrame, '', null);
    row(`keystroke to settled (n=${w.keyN}/${r.keyN})`, w.key, r.key, is1000 ? '≤ 16 ms' : '', is1000 ? (w.key == null ? null : w.key <= 16) : null, 'key');
    row(`(keystrokes that changed the DOM, n=${w.keyChangedN}/${r.keyChangedN})`, w.keyChanged, r.keyChanged, '', null);
    row('(slowest keystroke)', Number.isFinite(w.keyMax) ? w.keyMax : null, Number.isFinite(r.keyMax) ? r.keyMax : null, '', null);
    row('(keystroke to next frame)', w.keyFrame, r.keyFrame, '', null);
    const cls = (x) => (x == null ? 'n/a' : x.toFixed(4));
    if (!t.interactOnly) rows.push(['CLS (largest of the runs)', `${cls(w.clsMax)} (${w.clsLoads})`, `${cls(r.clsMax)} (${r.clsLoads})`, '', '0', yes(w.clsMax == null ? null : w.clsMax === 0)]);
    L.push(`#### ${set}`, '');
    L.push(table(['metric', 'widget', 'reference', 'widget / reference', 'target', 'met'], rows), '');
    const notes = [];
    if (w.interactiveMissing) notes.push(`${w.interactiveMissing} widget load(s) never became interactive within ${TIMEOUT.interactive / 1000} s`);
    if (w.clickTimeouts + w.keyTimeouts) notes.push(`${w.clickTimeouts + w.keyTimeouts} widget interaction(s) did not settle within ${TIMEOUT.settle / 1000} s and are left out`);
    if (r.clickTimeouts + r.keyTimeouts) notes.push(`${r.clickTimeouts + r.keyTimeouts} reference interaction(s) did not settle and are left out`);
    if (notes.length) L.push(`Note: ${notes.join('; ')}.`, '');

    const tag = is5000 ? ' (5,000 duties)' : is1000 ? ' (1,000 duties)' : ' (default content)';
    if (!t.interactOnly) {
      target('load at 1x', `first duty painted${tag}`, `${fmtMs(w.firstDuty)}: ${fmtX(fdRatio)} the reference`, '≤ 1.1x reference', fdRatio == null ? null : fdRatio <= 1.1, fmtMs(r.firstDuty));
      target('load at 1x', `interactive${tag}`, `${fmtMs(w.interactive)}; ${fmtX(ttiOfFd)} its first duty in the same load`, '≤ 2.5x its first duty', ttiOfFd == null ? null : ttiOfFd <= 2.5, fmtMs(r.interactive));
    }
    target('filter click at 1x', `filter click to settled${tag}`, `${fmtMs(w.click)} (median of ${w.clickN} clicks): ${fmtX(ratio(w.click, r.click))} the reference`, clickGoal, clickOk, fmtMs(r.click));
    if (is1000) target('filter click at 1x', `keystroke to settled${tag}`, `${fmtMs(w.key)} (slowest ${fmtMs(Number.isFinite(w.keyMax) ? w.keyMax : null)})`, '≤ 16 ms', w.key == null ? null : w.key <= 16, fmtMs(r.key));
    if (!t.interactOnly) target('load at 1x', `layout shift during the load${tag}`, `${cls(w.clsMax)} (${w.clsLoads})`, '0', w.clsMax == null ? null : w.clsMax === 0, `${cls(r.clsMax)}`);
  }

  // ---- long tasks and interaction to next paint, at 4x
  const LT = results.longtasks;
  L.push(`### Long tasks at ${THROTTLE}x CPU slowdown`, '');
  if (!Object.keys(LT).length) L.push('Not run (`--parts`).', '');
  else {
    L.push(`${m.throttledRuns} cold loads per page, the main thread slowed ${THROTTLE} times (CDP \`Emulation.setCPUThrottlingRate\`, what Lighthouse's mobile run simulates), 1280×1400, files from 127.0.0.1 unthrottled, pages in turn. ` +
      `The window: from navigation until ${AFTER_TAKEOVER / 1000} s after the **takeover** (a live widget, a \`.rc-mount\` without \`data-prerendered\`, shows its duties or status line and no pre-rendered view is left: seen by a MutationObserver installed before the page's scripts), or, on the reference pages (no widget), ${AFTER_TAKEOVER / 1000} s after the load event. On \`blog.html\` the widgets mount as \`embed.js\` finds them near the viewport: the first one's mount is the takeover, and those that follow within ${AFTER_TAKEOVER / 1000} s are in the window. ` +
      'A **long task** is a main-thread task over 50 ms, read from a Chrome trace of the load (`browser.startTracing`; `RunTask` events on the page\'s renderer main thread, `scripts/trace-tasks.mjs`) rather than from the Long Tasks API, because the trace says what ran in each: its time split by the innermost event of a known kind (script by file, wasm compilation or instantiation, style, layout, paint, HTML parsing, garbage collection, the navigation\'s commit; "other" is time no event names, the throttling\'s pauses among it). The wasm runs inside calls into its glue, so its own running time (with the DOM calls it makes) reads as script of `role-compare.<hash>.js`. The Long Tasks API\'s entries (`longtask`, buffered) of the same window are counted beside them as a check (tracing itself costs a little). ' +
      'The bench waits for the takeover through a binding the page calls, and runs no script in the page until the window ends. **Blocking time**: the sum over long tasks of their time over 50 ms (what Lighthouse\'s TBT sums, here over the whole window).', '');
    const pagesLT = { standalone: 'standalone page (index.html)', blog: 'example article (blog.html)', widget1000: 'widget, 1,000 duties', reference: 'reference page', reference1000: 'reference page, 1,000 duties' };
    // Each widget page's reference, and at most how many tasks of ours over 50 ms it may have.
    const against = { standalone: 'reference', blog: 'reference', widget1000: 'reference1000' };
    const oursAllowed = { standalone: 0, blog: 0, widget1000: 1 };
    // The task that commits the navigation (the browser sets up the new document and runs the
    // page's first script in it, the bench's init scripts included) comes before any byte of
    // the page is parsed, on every page, the reference page too: counted apart.
    const isCommit = (x) => x.what.some(([k, ms]) => k === 'navigation commit' && ms >= 5);
    const own = (r) => r.tasks.filter((x) => !isCommit(x));
    const blocking = (r) => own(r).reduce((t, x) => t + Math.max(0, x.duration - 50), 0);
    const stats = {};
    for (const key of Object.keys(pagesLT)) {
      const runs = (LT[key] ?? []).filter((r) => !r.failed);
      if (!runs.length) continue;
      stats[key] = {
        runs,
        counts: runs.map((r) => own(r).length),
        longest: runs.map((r) => Math.max(0, ...own(r).map((x) => x.duration))),
        ours: runs.map((r) => own(r).filter((x) => oursIn(x) > OUR_LIMIT).length),
        oursLongest: runs.map((r) => Math.max(0, ...r.tasks.map(oursIn))),
      };
    }
    const perLoad = (xs, f = (x) => String(x)) => xs.map(f).join(', ');
    const rows = [];
    const lists = [];
    for (const [key, label] of Object.entries(pagesLT)) {
      const runs = (LT[key] ?? []).filter((r) => !r.failed);
      if (!runs.length) {
        if (LT[key]) rows.push([label, 'every run failed', '', '', '', '', '', '', '', '']);
        continue;
      }
      const { counts, longest, ours, oursLongest } = stats[key];
      const commit = runs.map((r) => Math.max(0, ...r.tasks.filter(isCommit).map((x) => x.duration)));
      const apiCounts = runs.map((r) => r.api.length);
      // What ran in the long tasks, summed per run, median over runs.
      const kinds = new Set(runs.flatMap((r) => own(r).flatMap((x) => x.what.map(([k]) => k))));
      const kindMedians = [...kinds]
        .map((k) => [k, median(runs.map((r) => own(r).reduce((t, x) => t + (x.what.find(([kk]) => kk === k)?.[1] ?? 0), 0)))])
        .filter(([, ms]) => ms >= 5)
        .sort((x, y) => y[1] - x[1]);
      rows.push([
        label,
        `${median(counts)} (${perLoad(counts)})`,
        `${fmtMs(median(longest))} (${perLoad(longest, (x) => x.toFixed(0))})`,
        fmtMs(median(runs.map(blocking))),
        key in against ? `${median(ours)} (${perLoad(ours)})` : '',
        key in against ? `${fmtMs(median(oursLongest))} (${perLoad(oursLongest, (x) => x.toFixed(0))})` : '',
        `${median(apiCounts)} (${perLoad(apiCounts)})`,
        median(commit) > 0 ? fmtMs(median(commit)) : 'under 50 ms',
        fmtMs(median(runs.map((r) => r.mark))) + (runs[0].markedBy === 'load' ? ' (load)' : ''),
        kindMedians.map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join(', ') || '–',
      ]);
      // Every long task of every load, with what ran in it.
      lists.push(`- **${label}**:`);
      runs.forEach((r, i) => {
        const tasks = r.tasks.map((x) => {
          const mine = oursIn(x);
          return `at ${x.start.toFixed(0)} ms, **${x.duration.toFixed(0)} ms**${isCommit(x) ? " (the navigation's commit)" : ''}${mine > 0 ? `, ours ${mine.toFixed(0)} ms${mine > OUR_LIMIT ? ' (**over 50**)' : ''}` : ''} (${describeTask(x)})`;
        });
        lists.push(`  - load ${i + 1} (${r.markedBy} at ${fmtMs(r.mark)}; blocking ${fmtMs(blocking(r))}): ${tasks.length ? tasks.join('; ') : 'no long task'}.`);
      });
    }
    L.push(table(['page', 'long tasks: median (per load)', 'longest: median (per load)', 'blocking time', 'tasks of ours over 50 ms: median (per load)', 'our longest part of a task (per load)', 'Long Tasks API entries (per load)', "the navigation's commit task", 'takeover', 'what ran in them, ms (median over runs)'], rows), '');
    L.push(`Long tasks, longest, blocking time and what ran leave out the task that commits the navigation (before any of the page is parsed, on every page alike; its length is in its own column). **Ours** in a task: the time the widget's own files ran in it as script (\`${OUR_FILES_TEXT}\`, the wasm's running time included, see above), the wasm's compilation and instantiation, and, in a task where any of those ran, the script time the trace names no file for (a module's top-level evaluation, \`v8.evaluateModule\`, and promise continuations run as microtasks carry none); a layout or style recalculation our script forces is not counted as ours (it is listed in what ran). The Long Tasks API counts fewer than the trace: it leaves out tasks that only update the rendering (style, layout, paint), such as the layout of the view the wasm just rendered; Lighthouse's TBT counts them, as the trace does.`, '');
    // The targets: none of ours over 50 ms (at most one at 1,000 duties), and no more long tasks
    // than the reference page, none longer than its longest, in the same run.
    const verdicts = [];
    for (const [key, ref] of Object.entries(against)) {
      const w = stats[key];
      if (!w) continue;
      const r = stats[ref];
      const allowed = oursAllowed[key];
      const oursOk = median(w.ours) <= allowed;
      target(`long tasks at ${THROTTLE}x`, `${pagesLT[key]}: tasks in which our script or wasm runs over 50 ms, navigation to ${AFTER_TAKEOVER / 1000} s after takeover`, `${median(w.ours)} (median; per load ${perLoad(w.ours)}; our longest ${fmtMs(median(w.oursLongest))})`, allowed === 0 ? 'none' : `at most ${allowed}`, oursOk);
      verdicts.push(`${pagesLT[key]}: tasks of ours over 50 ms ${median(w.ours)} (${allowed === 0 ? 'none allowed' : `at most ${allowed}`}): ${yes(oursOk)}`);
      if (key === 'widget1000') continue;
      const countOk = r ? median(w.counts) <= median(r.counts) : null;
      const longestOk = r ? median(w.longest) <= median(r.longest) : null;
      target(`long tasks at ${THROTTLE}x`, `${pagesLT[key]}: long tasks, no more than the reference page`, `${median(w.counts)} (median; per load ${perLoad(w.counts)})`, '≤ the reference', countOk, r ? `${median(r.counts)} (per load ${perLoad(r.counts)})` : 'not measured');
      target(`long tasks at ${THROTTLE}x`, `${pagesLT[key]}: the longest task, none longer than the reference page's longest`, `${fmtMs(median(w.longest))} (median; per load ${perLoad(w.longest, (x) => x.toFixed(0))})`, '≤ the reference', longestOk, r ? `${fmtMs(median(r.longest))} (per load ${perLoad(r.longest, (x) => x.toFixed(0))})` : 'not measured');
      verdicts.push(`${pagesLT[key]}: long tasks ${median(w.counts)} against the reference's ${r ? median(r.counts) : 'n/a'}: ${yes(countOk)}; longest ${fmtMs(median(w.longest))} against ${r ? fmtMs(median(r.longest)) : 'n/a'}: ${yes(longestOk)}`);
    }
    if (verdicts.length) L.push('Targets (medians over the loads):', '', ...verdicts.map((v) => `- ${v}.`), '');
    L.push('Every long task of every load, ms from navigation, with what ran in it (ms):', '', ...lists, '');

    // INP
    L.push(`### Interaction to next paint at ${THROTTLE}x`, '');
    L.push(`In the same throttled loads of the standalone page and the reference page, once their window ended: real clicks (Playwright: pointer and mouse events through CDP) on ${CLICKS.map((c) => `\`${c}\``).join(', ')}, each after the previous one's frame was painted. ` +
      "Each click's latency is the longest Event Timing entry (`PerformanceObserver`, type `event`, `durationThreshold` 16, the smallest allowed) with its `interactionId` (pointerdown, pointerup, click), as web-vitals computes INP; a load's INP is its slowest click (fewer than 50 interactions). The API rounds durations to 8 ms and reports none under 16 ms: such a click counts as under 16 ms. Median over loads, and the slowest click of all loads split into input delay, processing and presentation delay.", '');
    const inpRows = [];
    let deskInp = null;
    let deskRef = '';
    for (const [key, label] of [['standalone', 'standalone page'], ['reference', 'reference page']]) {
      const runs = (LT[key] ?? []).filter((r) => !r.failed && r.interactions);
      if (!runs.length) continue;
      const perLoad = runs.map((r) => Math.max(0, ...r.interactions.reported.map((x) => x.duration)));
      const all = runs.flatMap((r) => r.interactions.reported);
      const clicks = runs.reduce((t, r) => t + r.interactions.clicks, 0);
      const worst = all.sort((x, y) => y.duration - x.duration)[0];
      const inp = median(perLoad);
      const fmtInp = (x) => (x === 0 ? 'under 16 ms' : `${x.toFixed(0)} ms`);
      inpRows.push([label, fmtInp(inp), fmtInp(Math.max(...perLoad)), `${clicks - all.length} of ${clicks}`, worst ? `${worst.duration.toFixed(0)} ms (${worst.events}): input delay ${worst.inputDelay.toFixed(0)}, processing ${worst.processing.toFixed(0)}, presentation ${worst.presentation.toFixed(0)}` : '–', key === 'standalone' ? '≤ 100 ms' : '', key === 'standalone' ? yes(inp <= 100) : '']);
      if (key === 'standalone') deskInp = [`${fmtInp(inp)} (median of ${runs.length} loads; slowest ${fmtInp(Math.max(...perLoad))})`, inp];
      else deskRef = fmtInp(inp);
    }
    if (deskInp) target(`filter clicks at ${THROTTLE}x, 1280 px`, 'standalone page: interaction to next paint of a mouse click on a filter', deskInp[0], '≤ 100 ms', deskInp[1] <= 100, deskRef);
    L.push(table(['page', 'INP (median of loads)', 'slowest load', 'clicks under 16 ms', 'slowest click', 'target', 'met'], inpRows), '');
  }

  // ---- filter taps on a phone at 4x
  const TP = results.taps ?? {};
  L.push(`### Filter taps on a phone at ${THROTTLE}x CPU slowdown`, '');
  if (!Object.keys(TP).length) L.push('Not run (`--parts`).', '');
  else {
    const fmtInp = (x) => (x == null ? 'n/a' : x === 0 ? 'under 16 ms' : `${x.toFixed(0)} ms`);
    L.push(`${m.throttledRuns} cold loads per page on a phone-sized page: ${PHONE.width}×${PHONE.height} CSS px, a touch device (Playwright \`isMobile\`, \`hasTouch\`, ${PHONE_DEVICE.deviceScaleFactor} device pixels per px), the main thread slowed ${THROTTLE} times; \`index.html\`, \`blog.html\` and the reference page in turn (which goes first rotates). ` +
      'On the widget pages the taps start once the takeover was seen (as under "Long tasks") and the page has then been free of long tasks (Long Tasks API) for a second; on `blog.html` the page is first scrolled with the mouse wheel until its first widget reaches the top of the viewport, as a reader scrolls to it, and that widget is tapped. The reference page is tapped from a second after its load event, the same way. ' +
      `Each load makes these taps (Playwright's \`tap()\`: touch events through CDP, from which the browser makes pointer events and a click), each once the previous one's frame was painted: \`focus:internal\` on and off; \`line:bottom\` on and off; a role on and off (\`roles:ciso\` where it is off, as on \`index.html\` and the reference; where every role shown is on, as in the article's first widget, the last one off and on); "More filters" (\`[data-action="filters"]\`); \`topic:${TAP_TOPIC}\` on and off; the search box; then "${WORD}" typed into it one key press at a time (each key press an interaction). ` +
      'A control that is not visible fails the load (no folding at phone width), as does a tap that changes nothing (the toggle\'s `aria-pressed` does not flip, "More filters" does not expand, the search box does not take the focus). ' +
      "Each interaction's latency is the longest Event Timing entry with its `interactionId` (pointerdown, pointerup, click; keydown, keypress, keyup), as web-vitals computes INP; the API rounds to 8 ms and reports none under 16 ms (such a tap counts as under 16 ms). **INP** of a load: its slowest interaction (fewer than 50). \"Median interaction\": the median of every interaction of every load (a tap under 16 ms counts as 0), the typical tap where one slow frame sets the INP. Per kind: the slowest interaction of that kind in a load, median over loads (slowest load in brackets). " +
      '"View settled": from a tap\'s first input event to just after the frame that painted the last change the tap made inside the widget (a `MutationObserver` on it; for each batch of changes, a task posted from the next animation frame callback, which runs once that frame is painted): the whole answer on screen, where INP is its first frame. On a touch screen, as here, the widget paints the toggle in the tap\'s own frame and the duties, counts and status in the next (docs/performance.md, "A frame for the tap, a frame for the duties"); the reference page paints everything in one. Median over every tap of every load that changed the widget, slowest in brackets. ' +
      '"Long tasks while tapping": the Long Tasks API\'s entries from the first tap to the last frame, the taps\' own work among them (at 4x a tap that takes over 50 ms of script, style and layout is one) and whatever else the page did meanwhile (on `blog.html`, its other widgets mounting as the taps scroll them near).', '');
    const head = ['page', 'loads', 'INP: median of loads', 'INP per load', 'median interaction (all loads)', 'view settled: median tap (slowest)', ...TAP_KINDS, 'slowest interaction of all loads', 'long tasks while tapping: per load (longest)'];
    const rows = [];
    const inps = {};
    const failed = [];
    const labels = { standalone: 'standalone page (index.html)', blog: 'example article (blog.html), first widget', reference: 'reference page' };
    for (const [key, label] of Object.entries(labels)) {
      const all = TP[key] ?? [];
      const runs = all.filter((r) => !r.failed);
      for (const r of all.filter((x) => x.failed)) failed.push(`${label}: ${r.failedWith ?? 'failed'}`);
      if (!all.length) continue;
      if (!runs.length) {
        rows.push([label, `0 of ${all.length}`, 'every load failed', '', '', '', ...TAP_KINDS.map(() => ''), '', '']);
        continue;
      }
      const perLoad = runs.map((r) => Math.max(0, ...r.taps.map((x) => x.duration)));
      inps[key] = { median: median(perLoad), max: Math.max(...perLoad), perLoad, loads: runs.length, failed: all.length - runs.length };
      const settledCell = (loads) => {
        const v = loads.flatMap((r) => r.taps.map((x) => x.settled).filter((x) => x != null));
        return v.length ? `${median(v).toFixed(0)} ms (${Math.max(...v).toFixed(0)} ms)` : 'n/a';
      };
      const kind = (k) => {
        const v = runs.map((r) => Math.max(0, ...r.taps.filter((x) => x.kind === k).map((x) => x.duration)));
        return `${fmtInp(median(v))} (${fmtInp(Math.max(...v))})`;
      };
      const worst = runs.flatMap((r) => r.taps).filter((x) => x.detail).sort((a, b) => b.duration - a.duration)[0];
      rows.push([
        label,
        `${runs.length} of ${all.length}`,
        `**${fmtInp(inps[key].median)}**`,
        perLoad.map((x) => x.toFixed(0)).join(', '),
        fmtInp(median(runs.flatMap((r) => r.taps.map((x) => x.duration)))),
        settledCell(runs),
        ...TAP_KINDS.map(kind),
        worst ? `${worst.label}, ${worst.duration.toFixed(0)} ms (${worst.detail.events}): input delay ${worst.detail.inputDelay.toFixed(0)}, processing ${worst.detail.processing.toFixed(0)}, presentation ${worst.detail.presentation.toFixed(0)}` : '–',
        runs.map((r) => `${r.busy?.length ?? '?'} (${r.busy?.length ? Math.max(...r.busy.map((x) => x.duration)).toFixed(0) : '–'})`).join(', '),
      ]);
    }
    L.push(table(head, rows), '');
    // Every tap of the load with the median INP, per page: where the time goes.
    for (const [key, label] of Object.entries(labels)) {
      const runs = (TP[key] ?? []).filter((r) => !r.failed);
      if (!runs.length) continue;
      const byInp = [...runs].sort((a, b) => Math.max(...a.taps.map((x) => x.duration)) - Math.max(...b.taps.map((x) => x.duration)));
      const mid = byInp[(byInp.length - 1) >> 1];
      L.push(`- ${label}, the load with the median INP, every interaction in ms (input delay / processing / presentation; then when the view settled): ${mid.taps.map((x) => `${x.label} ${x.detail ? `**${x.duration.toFixed(0)}** (${x.detail.inputDelay.toFixed(0)}/${x.detail.processing.toFixed(0)}/${x.detail.presentation.toFixed(0)})` : 'under 16'}${x.settled != null ? `, settled ${x.settled.toFixed(0)}` : ''}`).join(', ')}.`);
    }
    L.push('');
    if (failed.length) L.push('Loads that failed:', '', ...failed.map((f) => `- ${f}`), '');
    const ref = inps.reference ? `${fmtInp(inps.reference.median)} (median of ${inps.reference.loads} loads; slowest ${fmtInp(inps.reference.max)})` : 'not measured';
    for (const key of ['standalone', 'blog']) {
      if (!TP[key]) continue;
      const x = inps[key];
      const within = x ? x.perLoad.filter((v) => v <= 60).length : 0;
      target(`filter taps at ${THROTTLE}x on a phone`, `${labels[key]}: interaction to next paint of every filter tap and key press (INP)`,
        x ? `${fmtInp(x.median)} (median of ${x.loads} loads; slowest load ${fmtInp(x.max)}; ${within} of ${x.loads} loads within 60 ms)${x.failed ? `; ${x.failed} load(s) failed` : ''}` : 'every load failed',
        '≤ 60 ms', x && !x.failed ? x.median <= 60 : false, ref);
    }
  }

  // ---- layout shift at takeover
  const SH = results.shift;
  L.push('### Layout shift at takeover', '');
  if (!Object.keys(SH).length) L.push('Not run (`--parts`).', '');
  else {
    L.push(`${m.shiftLoads} cold loads of the standalone page per case (phone 390×844 and desktop 1280×900, as tests/e2e/prerender.test.mjs; reduced motion as there; at 1x and ${THROTTLE}x CPU slowdown), a new context each. ` +
      'Every `layout-shift` entry without recent input (`PerformanceObserver`, buffered) from navigation until 1 s after the takeover (as defined under "Long tasks"), with its sources (the elements that moved); and, 1 s after the takeover, how many duties, columns and toggles stand elsewhere (by half a pixel or more) than in the page laid out by its HTML alone (its scripts answered empty), as the no-shift test checks. ' +
      '"Before" and "at or after" the takeover: the entry\'s time against the takeover\'s (a shift in the frame that paints the takeover is after it).', '');
    const rows = [];
    const where = [];
    for (const [key, loads] of Object.entries(SH)) {
      const ok = loads.filter((l) => !l.failed);
      const cls = (l) => l.shifts.reduce((t, x) => t + x.value, 0);
      const shifted = ok.filter((l) => l.shifts.length);
      const before = ok.filter((l) => l.shifts.some((x) => x.at < l.takeover)).length;
      const after = ok.filter((l) => l.shifts.some((x) => x.at >= l.takeover)).length;
      const moved = ok.filter((l) => l.moved > 0).length;
      const largest = Math.max(0, ...ok.map(cls));
      rows.push([key, `${ok.length}${loads.length > ok.length ? ` (${loads.length - ok.length} failed)` : ''}`, `${shifted.length}`, `${before}`, `${after}`, fmtCls(largest), `${moved}`, yes(shifted.length === 0 && moved === 0)]);
      const nodes = new Map();
      for (const l of shifted) for (const x of l.shifts) for (const src of x.sources) nodes.set(src.node, (nodes.get(src.node) ?? 0) + 1);
      if (shifted.length) {
        const top = nodes.size === 0 ? 'no element named (entries without sources)' : [...nodes].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n, c]) => `\`${n}\` ${c}×`).join(', ');
        const ex = shifted.flatMap((l) => l.shifts.map((x) => ({ ...x, rel: x.at - l.takeover }))).sort((a, b) => b.value - a.value)[0];
        where.push(`- ${key}: what moved: ${top}. Largest entry ${fmtCls(ex.value)} at ${ex.rel >= 0 ? '+' : ''}${ex.rel.toFixed(0)} ms from the takeover: ${ex.sources.length ? ex.sources.map((src) => `\`${src.node}\` ${src.from?.join(',')} → ${src.to?.join(',')}`).join('; ') : 'no sources given'}.`);
      }
      target('layout shift at takeover', `standalone page, ${key}`, `${shifted.length} of ${ok.length} loads shifted (largest CLS ${fmtCls(largest)}); ${moved} loads with elements moved`, `0 of ${ok.length}`, shifted.length === 0 && moved === 0);
    }
    L.push(table(['case', 'loads', 'loads with a shift', 'with a shift before takeover', 'with a shift at or after takeover', 'largest CLS of a load', 'loads with elements moved (vs the HTML alone)', 'none (target)'], rows), '');
    if (where.length) L.push(...where, '');
  }

  // ---- lighthouse
  const LH = results.lighthouse;
  if (Object.keys(LH).length) {
    const version = Object.values(LH).find((x) => x.version)?.version;
    // Every run's figures (a report from an older --json file has the median run's only).
    const each = (x) => x.all ?? [{ performance: x.performance, tbt: x.tbt, lcp: x.lcp, cls: x.cls, lcpElement: x.lcpElement }];
    const med = (x, f) => median(each(x).map(f));
    const refX = LH['reference page'] && !LH['reference page'].error ? LH['reference page'] : null;
    const refLcp = refX ? med(refX, (r) => r.lcp) : null;
    const sec = (v) => (v == null ? 'n/a' : `${(v / 1000).toFixed(2)} s`);
    const list = (x, f) => each(x).map(f).join(', ');
    L.push('### Lighthouse (mobile)', '');
    L.push(`Lighthouse ${version ?? ''} from npm (pinned in package.json), default mobile settings (a phone's screen, simulated slow 4G and 4x CPU slowdown), against Debian's Chromium with the project's flags, the site on 127.0.0.1 served compressed as a static host serves it (brotli, quality 11: the simulated link is timed from the bytes on the wire; each page loaded once before the runs, so that the server has compressed its files); ${m.lighthouseRuns} runs per page, the pages in turn. Each figure is the median over the runs, every run's figure in brackets (in run order); CLS is the largest of the runs. The LCP element is the one Lighthouse names in the run with the median performance score (and, where other runs named another, those too). ` +
      'The targets: performance ≥ 98 (median) and no run under 95; TBT ≤ 50 ms (median); LCP ≤ 1.1x the reference page\'s median in the same run; CLS 0 in every run; accessibility, best practices and SEO 100.', '');
    const rows = [];
    for (const [name, x] of Object.entries(LH)) {
      if (x.error) {
        rows.push([name, x.error, '', '', '', '', '', '', '', '']);
        continue;
      }
      const isRef = name.startsWith('reference');
      const perf = med(x, (r) => r.performance);
      const perfMin = Math.min(...each(x).map((r) => r.performance));
      const tbt = med(x, (r) => r.tbt);
      const lcp = med(x, (r) => r.lcp);
      const cls = Math.max(...each(x).map((r) => r.cls));
      const elements = [...new Set([x.lcpElement, ...each(x).map((r) => r.lcpElement)].filter(Boolean))];
      rows.push([
        name,
        `${perf} (${list(x, (r) => r.performance)})`,
        x.accessibility, x.bestPractices, x.seo,
        `${sec(lcp)} (${list(x, (r) => (r.lcp / 1000).toFixed(2))})`,
        isRef ? '' : fmtX(ratio(lcp, refLcp)),
        elements.join('; ') || 'n/a',
        `${Math.round(tbt)} ms (${list(x, (r) => Math.round(r.tbt))})`,
        cls.toFixed(3),
      ]);
      if (isRef) continue;
      const ref = (f) => (refX ? f(refX) : 'not measured');
      const area = 'Lighthouse mobile';
      target(area, `${name}: performance score`, `median ${perf} (runs ${list(x, (r) => r.performance)})`, 'median ≥ 98, no run under 95', perf >= 98 && perfMin >= 95, ref((r) => `median ${med(r, (y) => y.performance)}`));
      target(area, `${name}: total blocking time`, `median ${Math.round(tbt)} ms (runs ${list(x, (r) => Math.round(r.tbt))})`, '≤ 50 ms', tbt <= 50, ref((r) => `${Math.round(med(r, (y) => y.tbt))} ms`));
      target(area, `${name}: largest contentful paint`, `median ${sec(lcp)} = ${fmtX(ratio(lcp, refLcp))} the reference's (element: ${elements.join('; ') || 'n/a'})`, '≤ 1.1x the reference', refLcp == null ? null : lcp <= 1.1 * refLcp, ref(() => `median ${sec(refLcp)}`));
      target(area, `${name}: cumulative layout shift`, `${cls.toFixed(3)} (largest of ${each(x).length} runs)`, '0', cls === 0, ref((r) => Math.max(...each(r).map((y) => y.cls)).toFixed(3)));
      target(area, `${name}: accessibility, best practices, SEO`, `${x.accessibility}, ${x.bestPractices}, ${x.seo}`, '100 each', x.accessibility === 100 && x.bestPractices === 100 && x.seo === 100, ref((r) => `${r.accessibility}, ${r.bestPractices}, ${r.seo}`));
    }
    L.push(table(['page', 'performance: median (runs)', 'accessibility', 'best practices', 'SEO', 'LCP: median (runs, s)', "LCP ÷ reference's median", 'LCP element', 'TBT: median (runs, ms)', 'CLS (largest)'], rows), '');
    const notes = [];
    for (const [name, x] of Object.entries(LH)) {
      if (x.error) continue;
      if (x.failing.length) notes.push(`- ${name}, audits below full marks: ${x.failing.join('; ')}`);
      if (x.erroring.length) notes.push(`- ${name}, audits that could not run: ${x.erroring.join('; ')}`);
      if (x.warnings.length) notes.push(`- ${name}, warnings: ${x.warnings.map((w) => w.replace(/\s*Learn more.*$/s, '').replace(/\s+/g, ' ')).join('; ')}`);
      if (x.runtimeError) notes.push(`- ${name}, runtime error: ${x.runtimeError}`);
      if (x.failedRuns) notes.push(`- ${name}: ${x.failedRuns} of ${x.failedRuns + x.runs} Lighthouse runs failed and are left out.`);
      notes.push(`- ${name}: ${x.requests} requests, ${x.offsite.length ? `${x.offsite.length} to other hosts (${x.offsite.slice(0, 3).join(', ')})` : 'all to 127.0.0.1'}; ${x.erroring.length ? `${x.erroring.length} audit(s) could not run` : 'every audit ran'}.`);
    }
    if (notes.length) L.push(...notes, '');
  } else {
    L.push('### Lighthouse (mobile)', '', 'Not run (`--no-lighthouse` or `--parts`).', '');
  }

  // ---- wasm bytes per feature
  L.push('### Where the wasm\'s bytes go, by feature', '');
  L.push(results.breakdown ? breakdownMarkdown(results.breakdown) : 'Not run (`--parts`).', '');

  // ---- targets
  L.push('### Targets', '');
  L.push('Every target the run measured, by what it measures; "reference" is the same figure of the plain reference page in the same run (where the target has one). Parts not run leave their targets out.', '');
  L.push(table(['measured in', 'target', 'figure', 'reference (same run)', 'goal', 'met'], targets), '');
  L.push(`Requests to hosts other than 127.0.0.1: ${offsite.length ? `${offsite.length} (${[...new Set(offsite)].slice(0, 5).join(', ')})` : 'none'}. ` +
    `Page errors: ${errors.length ? `${errors.length}: ${[...new Set(errors)].slice(0, 5).join('; ')}` : 'none'}. ` +
    `Runs that failed (and were tried once more): ${failures.length ? `${failures.length}: ${failures.slice(0, 5).join('; ')}` : 'none'}.`);

  return { markdown: L.join('\n'), summary: ['Targets:', ...summary].join('\n') };
}

main().catch((err) => {
  console.error(`bench: ${err.stack || err.message || err}`);
  process.exit(1);
});
