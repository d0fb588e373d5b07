// BENCHMARKS.md shows each section once: the benchmark's report sits between one pair of
// markers, a run replaces it there (scripts/bench-report.mjs) and leaves nothing of the previous
// run behind, and a file whose markers would make a run leave a copy is refused.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { END, START, markerProblem, spliceReport } from '../../scripts/bench-report.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const benchmarks = readFileSync(path.join(root, 'BENCHMARKS.md'), 'utf8');

/** The headings of a Markdown text (outside fenced code), in order. */
function headings(text) {
  let fenced = false;
  const out = [];
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced && /^#{1,6}\s/.test(line)) out.push(line.trim());
  }
  return out;
}

const repeated = (list) => [...new Set(list.filter((h, i) => list.indexOf(h) !== i))];

test('BENCHMARKS.md has one pair of markers, and no section twice', () => {
  assert.equal(markerProblem(benchmarks), null);
  assert.ok(benchmarks.includes(START) && benchmarks.includes(END), 'the markers a run writes between');
  const all = headings(benchmarks);
  assert.ok(all.length > 5, `the run's sections are read (${all.length} headings)`);
  assert.deepEqual(repeated(all), []);
});

const file = (report) => `# Benchmarks\n\nWhat this file is.\n\n${START}\n${report}\n${END}\n\nA note kept after.\n`;
const run = (n) => `## Benchmark run ${n}\n\n### Bytes\n\nfigures of run ${n}\n\n### Targets\n\n| a | b |`;

test('a run replaces the previous one between the markers and keeps the text around them', () => {
  const once = spliceReport(file(run(1)), run(2));
  const twice = spliceReport(once, run(3));
  assert.equal(twice, file(run(3)));
  assert.deepEqual(repeated(headings(twice)), []);
  assert.ok(!twice.includes('run 1') && !twice.includes('run 2'), 'nothing of the earlier runs is left');
});

test('a file without markers gets them, with the run, at its end', () => {
  const text = spliceReport('# Benchmarks\n\nWhat this file is.\n', run(1));
  assert.equal(text, `# Benchmarks\n\nWhat this file is.\n\n${START}\n${run(1)}\n${END}\n`);
  assert.equal(markerProblem(text), null);
});

test('a file whose markers would leave a previous run behind is refused, not written', () => {
  // The shape BENCHMARKS.md once had: a run, its end marker, then an older run's sections and a
  // second end marker. Replacing up to the first end marker kept the older sections.
  const stale = `${file(run(2)).trimEnd()}\n\n${run(1)}\n${END}\n`;
  assert.match(markerProblem(stale), /1 bench:start and 2 bench:end/);
  assert.throws(() => spliceReport(stale, run(3), 'BENCHMARKS.md'), /BENCHMARKS\.md has 1 bench:start and 2 bench:end markers/);
  const twoStarts = `${START}\n${file(run(1))}`;
  assert.throws(() => spliceReport(twoStarts, run(3)), /2 bench:start and 1 bench:end/);
  const backwards = `# B\n\n${END}\n${run(1)}\n${START}\n`;
  assert.throws(() => spliceReport(backwards, run(3)), /bench:end marker before its bench:start/);
});
