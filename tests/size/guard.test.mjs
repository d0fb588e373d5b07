// The size guard: what the built site (dist/) makes a reader download, brotli-compressed, may
// not grow. Sizes are deterministic for a given build, so this is a test; times are not, and
// live in the benchmark (`make bench`).
//
// A ratchet: each figure is held to its budget (the product's targets: 16 KiB before the first
// duty, 64 KiB in all), or, where a budget is not met yet, to the figure reached, recorded in
// size-budget.json. A build that comes in smaller passes and says so: lower the figure in
// size-budget.json to lock the gain in. Each kind of build (the nightly size build, the stable
// fallback: target/dist-build, written by scripts/dist.sh) has its own figures, so a machine
// without nightly is never failed for it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const budgets = JSON.parse(readFileSync(path.join(root, 'size-budget.json'), 'utf8'));
// Which kind of build dist/ holds, as scripts/dist.sh (or `make serve`) wrote it. Never
// guessed: a nightly build measured against the stable figures, which are looser, would pass
// growth the nightly figures catch.
const buildFile = path.join(root, 'target', 'dist-build');
const build = existsSync(buildFile) ? readFileSync(buildFile, 'utf8').trim() : null;

// The widget's files are named after their contents; release.json, written by the build, names
// them.
const releaseFile = path.join(dist, 'release.json');
const files = existsSync(releaseFile) ? JSON.parse(readFileSync(releaseFile, 'utf8')).files : null;
// What the standalone page needs before its first duty shows: the HTML, which carries the
// pre-rendered view, and the stylesheets that block rendering. Its scripts are modules, which
// run after the first paint.
const FIRST_DUTY = ['index.html', 'page.css', files?.css.path];
// Everything the standalone page downloads.
const PAGE = [...FIRST_DUTY, 'embed.js', 'site.js', files?.glue.path, files?.wasm.path];

const brotli = (file) =>
  brotliCompressSync(readFileSync(path.join(dist, file)), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
const total = (files) => files.reduce((sum, file) => sum + brotli(file), 0);

test(`sizes of the ${build ?? 'unknown'} build do not grow (size-budget.json)`, { skip: !files && 'dist/ (its release.json) is missing: make dist' }, () => {
  assert.ok(build, `${buildFile} is missing, so which build dist/ holds (nightly-size or stable) is unknown: make dist writes it`);
  const held = budgets.builds[build];
  assert.ok(held, `size-budget.json has no figures for a "${build}" build`);
  const figures = { firstDuty: total(FIRST_DUTY), page: total(PAGE), wasm: brotli(files.wasm.path) };
  // Every figure has its limit: a missing one would hold nothing (a size is never > undefined).
  const missing = Object.keys(figures).filter((name) => !Number.isFinite(held[name]) || held[name] <= 0);
  assert.deepEqual(missing, [], `size-budget.json builds.${build} gives no limit (a positive number of bytes) for these figures`);
  for (const [name, target] of Object.entries(budgets.targets)) {
    assert.ok(name in figures && Number.isFinite(target) && target > 0, `size-budget.json targets.${name}: ${JSON.stringify(target)}, not a figure the guard measures in bytes`);
  }
  const report = [];
  const grown = [];
  for (const [name, bytes] of Object.entries(figures)) {
    const target = budgets.targets[name];
    // The figure reached (never above the target once the target is met: lower it to there).
    const limit = held[name];
    const kib = (n) => (n / 1024).toFixed(1);
    report.push(`${name}: ${bytes} B (${kib(bytes)} KiB) brotli; held to ${limit} B${target ? `, target ${target} B (${kib(target)} KiB): ${bytes <= target ? 'met' : `${bytes - target} B over`}` : ''}`);
    if (bytes > limit) grown.push(`${name} grew to ${bytes} B brotli, past the ${limit} B it is held to`);
    if (bytes < held[name]) report.push(`  ${name} is ${held[name] - bytes} B under its figure: lower it in size-budget.json to keep the gain`);
  }
  console.log(report.join('\n'));
  assert.deepEqual(
    grown,
    [],
    `size-budget.json (${build} build): make it smaller; only if the growth is worth it, raise the figure there in the same commit and say why`,
  );
});
