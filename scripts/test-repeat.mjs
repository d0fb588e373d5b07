#!/usr/bin/env node
// Runs the end-to-end suite several times on the dist/ already built, to find the tests whose
// result depends on the machine, the moment or the tests run before them
// (`make test-repeat N=10 [BUSY=1] [ALONE=1]`). Each run is a plain
// `node --test --test-concurrency=1 tests/e2e/`, exactly as `make test-e2e` runs it: no retries,
// no rebuild. At the end it lists every test that failed at least once, how many times, and its
// error(s); it exits 1 if any did.
//
//   node scripts/test-repeat.mjs [--runs N] [--busy] [--alone] [FILE ...]
//     --runs N  how many runs (default 10)
//     --busy    one CPU-bound process per core beside the runs, all the while, killed at the end:
//               the machine as loaded as a shared one can be
//     --alone   then every test of the first run once more, on its own (its file's hooks, no
//               other test before it): a test that passes in the suite and fails alone leans on
//               what an earlier test left behind
//     FILE ...  test files or directories instead of tests/e2e/
//
// Each run's spec output goes to target/test-repeat/run-<i>.log and its results, one JSON line
// a test (scripts/test-failures-reporter.mjs), to target/test-repeat/run-<i>.results.jsonl.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'target', 'test-repeat');

function parseArgs(argv) {
  const args = { runs: 10, busy: false, alone: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') args.runs = Number(argv[++i]);
    else if (a.startsWith('--runs=')) args.runs = Number(a.slice('--runs='.length));
    else if (a === '--busy') args.busy = true;
    else if (a === '--alone') args.alone = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}; known: --runs N, --busy, --alone`);
    else args.files.push(a);
  }
  if (!Number.isInteger(args.runs) || args.runs < 1) throw new Error(`--runs: expected a whole number from 1, got ${args.runs}`);
  if (args.files.length === 0) args.files.push('tests/e2e/');
  return args;
}

let args;
try {
  args = parseArgs(process.argv.slice(2));
} catch (err) {
  console.error(`test-repeat: ${err.message}`);
  process.exit(2);
}

if (!existsSync(path.join(root, 'dist', 'embed.js'))) {
  console.error('test-repeat: dist/embed.js is missing: run make dist first (the runs test the site as built, and build nothing)');
  process.exit(2);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// The load: a busy loop per core, each its own process, so that the browser, the servers and
// the test runner compete for every core as on a shared machine.
const cores = os.availableParallelism?.() ?? os.cpus().length;
const burners = [];
if (args.busy) {
  for (let i = 0; i < cores; i++) {
    burners.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  }
}
let current = null;
function stopAll() {
  for (const p of burners) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  if (current && current.exitCode === null) current.kill('SIGTERM');
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

/**
 * One run of `files` (with node's --test-name-pattern `pattern`, if given), its output in
 * `<label>.log`; resolves with its exit code, the tests that failed and passed, and its time.
 */
function runOnce(label, files, pattern = null) {
  const log = path.join(out, `${label}.log`);
  const results = path.join(out, `${label}.results.jsonl`);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--test',
        '--test-concurrency=1',
        ...(pattern ? [`--test-name-pattern=${pattern}`] : []),
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        `--test-reporter=${path.join(root, 'scripts', 'test-failures-reporter.mjs')}`,
        `--test-reporter-destination=${results}`,
        ...files,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    current = child;
    const sink = createWriteStream(log);
    child.stdout.pipe(sink, { end: false });
    child.stderr.pipe(sink, { end: false });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      current = null;
      sink.end(() => {
        const lines = existsSync(results) ? readFileSync(results, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
        resolve({
          code: code ?? signal,
          failed: lines.filter((l) => !l.ok),
          passed: lines.filter((l) => l.ok),
          seconds: (Date.now() - started) / 1000,
          log,
        });
      });
    });
  });
}

const minutes = (s) => `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
const briefError = (f) => `${f.error.split('\n').filter((l) => l.trim()).slice(0, 8).join('\n')}${f.at ? `\n(at ${f.at})` : ''}`;

/** Failures over several runs, by test: which runs, and each error with the runs that gave it. */
class Tally {
  constructor() {
    this.tests = new Map();
    this.odd = [];
    this.failedRuns = 0;
  }
  add(label, run) {
    for (const f of run.failed) {
      const key = `${f.file}\u0000${f.name}`;
      const entry = this.tests.get(key) ?? { file: f.file, name: f.name, runs: [], errors: new Map() };
      entry.runs.push(label);
      const error = briefError(f);
      entry.errors.set(error, [...(entry.errors.get(error) ?? []), label]);
      this.tests.set(key, entry);
    }
    if (run.code !== 0 && run.failed.length === 0) this.odd.push(`${label} exited with ${run.code} and no failing test: see ${path.relative(root, run.log)}`);
    if (run.code !== 0 || run.failed.length > 0) this.failedRuns++;
  }
  print(total) {
    for (const t of [...this.tests.values()].sort((a, b) => b.runs.length - a.runs.length)) {
      console.log(`\n✗ ${t.runs.length} of ${total}: ${path.relative(root, t.file)}\n  ${t.name}`);
      for (const [error, runs] of t.errors) console.log(`  in ${runs.join(', ')}:\n    ${error.replaceAll('\n', '\n    ')}`);
      console.log(`  (the whole output: ${path.relative(root, path.join(out, `${t.runs[0]}.log`))})`);
    }
    for (const line of this.odd) console.log(`\n✗ ${line}`);
  }
  get clean() {
    return this.tests.size === 0 && this.odd.length === 0;
  }
}

console.log(
  `test-repeat: ${args.runs} run(s) of node --test --test-concurrency=1 ${args.files.join(' ')}` +
    `${args.busy ? `, with ${burners.length} CPU-bound process(es) beside them (one per core)` : ''}` +
    `${args.alone ? ', then each test on its own' : ''}; logs in ${path.relative(root, out)}/`,
);

const runs = new Tally();
let first = null;
for (let i = 1; i <= args.runs; i++) {
  const run = await runOnce(`run-${i}`, args.files);
  first ??= run;
  runs.add(`run-${i}`, run);
  const names = run.failed.map((f) => `\n    ✗ ${path.relative(root, f.file)}: ${f.name}`).join('');
  const verdict = run.failed.length === 0 && run.code === 0 ? 'passed' : `${run.failed.length} failed (exit ${run.code})`;
  console.log(`run ${i}/${args.runs}: ${verdict}, ${run.passed.length} passed, in ${minutes(run.seconds)}${names}`);
}

// Each test of the first run on its own: its file, and a name pattern that only it matches
// (tests of one file that share a name run together).
const alone = new Tally();
let aloneCount = 0;
if (args.alone) {
  const tests = new Map();
  for (const t of [...first.passed, ...first.failed]) {
    if (t.test && t.file !== t.name) tests.set(`${t.file}\u0000${t.test}`, t);
  }
  console.log(`\neach of the ${tests.size} tests of run 1 on its own:`);
  for (const t of tests.values()) {
    aloneCount++;
    const pattern = `^${t.test.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
    const run = await runOnce(`alone-${aloneCount}`, [t.file], pattern);
    alone.add(`alone-${aloneCount}`, run);
    if (run.passed.length === 0 && run.failed.length === 0) alone.odd.push(`alone-${aloneCount} ran nothing for ${t.name}: see ${path.relative(root, run.log)}`);
    if (!(run.failed.length === 0 && run.code === 0)) console.log(`  ✗ alone-${aloneCount}: ${path.relative(root, t.file)}: ${t.name}`);
  }
  console.log(`  ${aloneCount - alone.failedRuns} of ${aloneCount} passed on their own`);
}
stopAll();

console.log('');
if (runs.clean && alone.clean) {
  console.log(`test-repeat: all ${args.runs} run(s) passed${args.busy ? ' on a busy machine' : ''}${args.alone ? ', and every test on its own' : ''}.`);
  process.exit(0);
}
if (!runs.clean) {
  console.log(`test-repeat: ${runs.failedRuns} of ${args.runs} run(s) failed${args.busy ? ' (busy machine)' : ''}; tests that failed at least once:`);
  runs.print(args.runs);
}
if (!alone.clean) {
  console.log(`\ntest-repeat: ${alone.failedRuns} test(s) failed on their own (each run once, alone):`);
  alone.print(1);
}
process.exit(1);
