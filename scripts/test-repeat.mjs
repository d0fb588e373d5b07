#!/usr/bin/env node
// Runs the end-to-end suite several times on the dist/ already built, to find the tests whose
// result depends on the machine or the moment (`make test-repeat N=10 [BUSY=1]`). Each run is a
// plain `node --test --test-concurrency=1 tests/e2e/`, exactly as `make test-e2e` runs it: no
// retries, no rebuild. At the end it lists every test that failed at least once, how many
// times, and its error(s); it exits 1 if any did.
//
//   node scripts/test-repeat.mjs [--runs N] [--busy] [FILE ...]
//     --runs N  how many runs (default 10)
//     --busy    one CPU-bound process per core beside the runs, all the while, killed at the end:
//               the machine as loaded as a shared one can be
//     FILE ...  test files or directories instead of tests/e2e/
//
// Each run's spec output goes to target/test-repeat/run-<i>.log and its failures, one JSON line
// each (scripts/test-failures-reporter.mjs), to target/test-repeat/run-<i>.failures.jsonl.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'target', 'test-repeat');

function parseArgs(argv) {
  const args = { runs: 10, busy: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') args.runs = Number(argv[++i]);
    else if (a.startsWith('--runs=')) args.runs = Number(a.slice('--runs='.length));
    else if (a === '--busy') args.busy = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}; known: --runs N, --busy`);
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

/** One run of the suite; resolves with its exit code, its failures and how long it took. */
function runOnce(i) {
  const log = path.join(out, `run-${i}.log`);
  const failures = path.join(out, `run-${i}.failures.jsonl`);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--test',
        '--test-concurrency=1',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        `--test-reporter=${path.join(root, 'scripts', 'test-failures-reporter.mjs')}`,
        `--test-reporter-destination=${failures}`,
        ...args.files,
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
        const lines = existsSync(failures) ? readFileSync(failures, 'utf8').split('\n').filter(Boolean) : [];
        resolve({ code: code ?? signal, failed: lines.map((l) => JSON.parse(l)), seconds: (Date.now() - started) / 1000, log });
      });
    });
  });
}

const minutes = (s) => `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
console.log(
  `test-repeat: ${args.runs} run(s) of node --test --test-concurrency=1 ${args.files.join(' ')}` +
    `${args.busy ? `, with ${burners.length} CPU-bound process(es) beside them (one per core)` : ''}; logs in ${path.relative(root, out)}/`,
);

const byTest = new Map();
const odd = [];
let failedRuns = 0;
for (let i = 1; i <= args.runs; i++) {
  const run = await runOnce(i);
  for (const f of run.failed) {
    const key = `${f.file}\u0000${f.name}`;
    const entry = byTest.get(key) ?? { file: f.file, name: f.name, runs: [], errors: new Map() };
    entry.runs.push(i);
    const error = `${f.error.split('\n').filter((l) => l.trim()).slice(0, 8).join('\n')}${f.at ? `\n(at ${f.at})` : ''}`;
    entry.errors.set(error, [...(entry.errors.get(error) ?? []), i]);
    byTest.set(key, entry);
  }
  if (run.code !== 0 && run.failed.length === 0) odd.push(`run ${i} exited with ${run.code} and no failing test: see ${path.relative(root, run.log)}`);
  if (run.code !== 0 || run.failed.length > 0) failedRuns++;
  const names = run.failed.map((f) => `\n    ✗ ${path.relative(root, f.file)}: ${f.name}`).join('');
  console.log(`run ${i}/${args.runs}: ${run.failed.length === 0 && run.code === 0 ? 'passed' : `${run.failed.length} failed (exit ${run.code})`} in ${minutes(run.seconds)}${names}`);
}
stopAll();

console.log('');
if (byTest.size === 0 && odd.length === 0) {
  console.log(`test-repeat: all ${args.runs} run(s) passed${args.busy ? ' on a busy machine' : ''}.`);
  process.exit(0);
}
console.log(`test-repeat: ${failedRuns} of ${args.runs} run(s) failed${args.busy ? ' (busy machine)' : ''}; tests that failed at least once:`);
for (const t of [...byTest.values()].sort((a, b) => b.runs.length - a.runs.length)) {
  console.log(`\n✗ ${t.runs.length} of ${args.runs}: ${path.relative(root, t.file)}\n  ${t.name}`);
  for (const [error, runs] of t.errors) {
    console.log(`  in run(s) ${runs.join(', ')}:\n    ${error.replaceAll('\n', '\n    ')}`);
  }
  console.log(`  (the whole output: ${path.relative(root, path.join(out, `run-${t.runs[0]}.log`))})`);
}
for (const line of odd) console.log(`\n✗ ${line}`);
process.exit(1);
