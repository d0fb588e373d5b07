#!/usr/bin/env node
// The main thread's long tasks in a Chrome trace, with what ran in each. Used by
// scripts/bench.mjs; also runs alone on a trace file (Playwright's browser.stopTracing(), or
// one saved from DevTools' Performance panel):
//
//   node scripts/trace-tasks.mjs TRACE.json [--url URL] [--over MS] [--until MS] [--all]
//
// A task is a `RunTask` event (category disabled-by-default-devtools.timeline) on the page's
// renderer main thread, the thread whose `navigationStart` event names the page's URL; times
// are in ms from that event, which is the page's `performance.timeOrigin` (so they read on the
// same clock as `performance.now()` in the page). "Long": over 50 ms, as the Long Tasks API and
// Lighthouse count them. What ran in a task is its time split by the innermost event of a kind
// this file knows (its self time): script (by the file that ran, from FunctionCall,
// EvaluateScript and module events), wasm compilation and instantiation (V8's wasm.* and
// v8.wasm.* events), style (UpdateLayoutTree), layout, paint (PrePaint, Paint, Layerize,
// Commit), HTML parsing, garbage collection, the navigation's commit; the rest of the task is
// "other" (the scheduler, and work no event names). A wasm function runs inside the JS call
// that entered it, so the wasm's own running time counts as script of its glue file
// (role-compare.<hash>.js), with the DOM calls it makes.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The trace categories the bench records: the timeline, V8's script and wasm events. */
export const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'v8.wasm',
  'blink.user_timing',
  'loading',
];

const basename = (url) => {
  try {
    const p = new URL(url).pathname;
    return p.endsWith('/') ? `${p.split('/').at(-2) || ''}/ (the page)` : p.split('/').pop();
  } catch {
    return url;
  }
};

/** The kind of work an event is, or null when it only wraps other work (its parent's kind). */
function kindOf(e) {
  const n = e.name;
  if (n === 'wasm.SyncInstantiate' || n === 'wasm.AsyncInstantiate') return 'wasm instantiation';
  if (/^(wasm\.|v8\.wasm\.)/.test(n)) return 'wasm compilation';
  const url = e.args?.data?.url || e.args?.fileName;
  if (['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.produceModuleCache', 'v8.evaluateModule', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'v8.callFunction', 'RunMicrotasks'].includes(n)) {
    return url ? `script: ${basename(url)}` : null;
  }
  if (/^(MinorGC|MajorGC|V8\.GC|BlinkGC\.|ThreadState::)/.test(n)) return 'garbage collection';
  if (n === 'UpdateLayoutTree' || n === 'RecalculateStyles' || n === 'ParseAuthorStyleSheet') return 'style';
  if (n === 'Layout') return 'layout';
  if (['PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer', 'CompositeLayers', 'PaintImage'].includes(n)) return 'paint';
  if (n === 'ParseHTML') return 'HTML parsing';
  if (/CommitNavigation|^CommitLoad$/.test(n)) return 'navigation commit';
  return null;
}

/** Script events without a URL of their own: `script` (their parent's file, when it has one). */
const scriptish = (e) => /^(v8\.|V8\.|FunctionCall|EvaluateScript|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch)/.test(e.name);

/**
 * The page's main thread and its tasks. `url`: the page's URL (the first main-frame navigation
 * to it counts; default: the first main-frame navigation that is not about:blank).
 */
export function mainThread(trace, url) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const nav = events.find(
    (e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && (url ? e.args.data.documentLoaderURL === url : /^https?:/.test(e.args?.data?.documentLoaderURL ?? '')),
  );
  if (!nav) throw new Error(`no navigationStart for ${url ?? 'an http(s) page'} in the trace`);
  const same = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ph === 'X' && typeof e.dur === 'number');
  return { t0: nav.ts, events: same };
}

/**
 * The tasks over `over` ms (default 50) that start from navigation until `until` ms after it
 * (default: the trace's end), each with its start and duration in ms from navigation and what
 * ran in it ({kind: ms}, largest first).
 */
export function longTasks(trace, { url, over = 50, until = Infinity } = {}) {
  const { t0, events } = mainThread(trace, url);
  const sorted = [...events].sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = sorted.filter((e) => e.name === 'RunTask' && e.dur > over * 1000 && e.ts >= t0 && (e.ts - t0) / 1000 <= until);
  return tasks.map((task) => {
    const end = task.ts + task.dur;
    const inside = sorted.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= end && e.name !== 'RunTask');
    // Self time of each event by the innermost kind known, walking the nesting as a stack.
    const parts = new Map();
    const add = (kind, us) => us > 0 && parts.set(kind, (parts.get(kind) ?? 0) + us);
    const stack = [{ e: task, kind: 'other', childTime: 0 }];
    const close = (frame) => {
      add(frame.kind, frame.e.dur - frame.childTime);
      const parent = stack.at(-1);
      if (parent) parent.childTime += frame.e.dur;
    };
    for (const e of inside) {
      while (stack.length > 1 && stack.at(-1).e.ts + stack.at(-1).e.dur <= e.ts) close(stack.pop());
      // An event that starts inside the current one but ends after it is not nested: skipped.
      const top = stack.at(-1);
      if (e.ts + e.dur > top.e.ts + top.e.dur) continue;
      let kind = kindOf(e);
      if (kind === null) kind = scriptish(e) && !top.kind.startsWith('script') && top.kind !== 'wasm compilation' ? 'script' : top.kind;
      stack.push({ e, kind, childTime: 0 });
    }
    while (stack.length) close(stack.pop());
    const what = [...parts].map(([kind, us]) => [kind, us / 1000]).sort((a, b) => b[1] - a[1]);
    return { start: (task.ts - t0) / 1000, duration: task.dur / 1000, what };
  });
}

/** "wasm compilation 111 ms, layout 80 ms, …" for the parts of at least `min` ms. */
export function describeTask(task, min = 5) {
  const parts = task.what.filter(([, ms]) => ms >= min).map(([kind, ms]) => `${kind} ${ms.toFixed(0)}`);
  const rest = task.what.filter(([, ms]) => ms < min).reduce((t, [, ms]) => t + ms, 0);
  if (rest >= 1) parts.push(`smaller parts ${rest.toFixed(0)}`);
  return parts.join(', ');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name, d) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
  const file = args.find((a, i) => !a.startsWith('--') && !['--url', '--over', '--until'].includes(args[i - 1]));
  if (!file) {
    console.log('node scripts/trace-tasks.mjs TRACE.json [--url URL] [--over MS (default 50)] [--until MS]');
    process.exit(1);
  }
  const trace = JSON.parse(readFileSync(file, 'utf8'));
  const tasks = longTasks(trace, { url: flag('--url'), over: Number(flag('--over', 50)), until: Number(flag('--until', Infinity)) });
  for (const t of tasks) console.log(`${t.start.toFixed(0).padStart(6)} ms  ${t.duration.toFixed(1).padStart(6)} ms  ${describeTask(t, args.includes('--all') ? 0 : 5)}`);
}
