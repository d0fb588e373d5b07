#!/usr/bin/env node
// Measures stylesheet changes against each other inside one page: a probe, not a test.
//
//   node scripts/css-ab.mjs [--dist dist] [--loads 4] [--rounds 9] [--width 1280] VARIANTS.json
//
// VARIANTS.json maps a name to CSS added after the widget's stylesheet, e.g.
//   { "cards contained": ".rc:not(#\\#) .rc-duty { contain: layout style }" }
// and "base" (nothing added) is measured beside them.
//
// Why inside one page: on a shared machine two loads of the same page differ by more than a
// stylesheet change moves a click (docs/performance.md, "Cards contained"). Here each variant
// gets the bench's six filter clicks (scripts/bench.mjs `CLICKS`) in every round, the rounds
// alternate their order, and a click's figure is the main thread's CPU time for its tasks (the
// trace's `tdur` of the top-level script events, the style and layout forced as the bench does
// included), which leaves out the time the thread waited for a core. The first round of each
// load warms up and is dropped; the figures are trimmed means (the middle half).

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launch, waitForWidget } from '../tests/e2e/support/browser.mjs';
import { serve } from '../tests/e2e/support/server.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dist: { type: 'string', default: 'dist' },
    loads: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '9' },
    width: { type: 'string', default: '1280' },
  },
});
if (positionals.length !== 1) {
  console.error('usage: node scripts/css-ab.mjs [--dist dist] [--loads 4] [--rounds 9] [--width 1280] VARIANTS.json');
  process.exit(2);
}
const variants = { base: '', ...JSON.parse(readFileSync(positionals[0], 'utf8')) };
const names = Object.keys(variants);
const CLICKS = ['focus:internal', 'line:bottom', 'line:bottom', 'focus:internal', 'line:top', 'line:top'];
const SCRIPT = new Set(['FunctionCall', 'EventDispatch']);
const RENDER = new Set(['Layout', 'UpdateLayoutTree']);

const browser = await launch();
const server = await serve(values.dist);
const figures = Object.fromEntries(names.map((n) => [n, { all: [], render: [] }]));
try {
  for (let load = 0; load < Number(values.loads); load++) {
    const page = await browser.newPage({ viewport: { width: Number(values.width), height: 1400 } });
    await page.goto(`${server.url}index.html`, { waitUntil: 'load' });
    await waitForWidget(page);
    await page.waitForTimeout(1000);
    const cdp = await page.context().newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
    await page.evaluate(async ([variants, names, rounds, clicks]) => {
      const frame = () => new Promise((f) => requestAnimationFrame(() => setTimeout(f, 0)));
      const style = document.head.appendChild(document.createElement('style'));
      for (let r = 0; r < rounds; r++) {
        for (const name of r % 2 ? [...names].reverse() : names) {
          style.textContent = variants[name];
          await frame();
          await frame();
          for (const [i, filter] of clicks.entries()) {
            await frame();
            await frame();
            // As the bench: style and layout forced when the DOM changes.
            const observer = new MutationObserver(() => void document.body.offsetHeight);
            observer.observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
            performance.mark(`start|${name}|${r}|${i}`);
            document.querySelector(`[data-filter="${filter}"]`).click();
            await new Promise((f) => setTimeout(f, 0));
            observer.disconnect();
            performance.mark(`end|${name}|${r}|${i}`);
          }
        }
      }
    }, [variants, names, Number(values.rounds), CLICKS]);
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    const markEvents = events.filter((e) => e.cat?.includes('user_timing'));
    const marks = new Map(markEvents.map((e) => [e.name, e.ts]));
    if (markEvents.length === 0) throw new Error('css-ab: the trace holds none of the clicks\' marks');
    // The page's main thread, where the marks were made: not the service worker's or others.
    const [{ pid, tid }] = markEvents;
    const timed = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && (SCRIPT.has(e.name) || RENDER.has(e.name)));
    for (const [mark, start] of marks) {
      const [kind, name, round] = mark.split('|');
      if (kind !== 'start' || round === '0') continue;
      const end = marks.get(`end${mark.slice('start'.length)}`);
      const inside = timed.filter((e) => e.ts >= start && e.ts + e.dur <= end);
      const script = inside.filter((e) => SCRIPT.has(e.name));
      // Top-level script events only: a nested one is inside its parent's time.
      const top = script.filter((e) => !script.some((o) => o !== e && o.dur > e.dur && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur));
      const cpu = (list) => list.reduce((sum, e) => sum + (e.tdur ?? e.dur), 0) / 1000;
      figures[name].all.push(cpu(top));
      figures[name].render.push(cpu(inside.filter((e) => RENDER.has(e.name))));
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const trimmedMean = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = sorted.slice(sorted.length >> 2, sorted.length - (sorted.length >> 2));
  return middle.reduce((sum, x) => sum + x, 0) / middle.length;
};
const base = trimmedMean(figures.base.all);
console.log('| variant | a click (main-thread CPU ms) | against base | of it style and layout | clicks |');
console.log('| --- | --- | --- | --- | --- |');
for (const name of names) {
  const { all, render } = figures[name];
  const mean = trimmedMean(all);
  const change = `${mean >= base ? '+' : ''}${((mean / base - 1) * 100).toFixed(1)} %`;
  console.log(`| ${name} | ${mean.toFixed(3)} | ${change} | ${trimmedMean(render).toFixed(3)} | ${all.length} |`);
}
