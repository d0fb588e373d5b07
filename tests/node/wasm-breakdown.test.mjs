// What the benchmark hands the wasm breakdown (scripts/wasm-breakdown.mjs): at the start of a
// run it copies the checkout's files the breakdown reads, so that a rebuild during the run
// cannot change them. A file the copy left out made every run's breakdown "Not measured" (the
// wasm-opt arguments in index.html), so the copy is tested against what the breakdown reads.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cargoFiles, copyCargoFiles, wasmOptParams } from '../../scripts/wasm-breakdown.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A checkout with the files of a nightly size build, `params` its wasm-opt arguments. */
function checkout(dir, params) {
  const put = (file, text) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  put('target/dist-build', 'nightly-size\n');
  put('target/nightly/wasm32-unknown-unknown/release/role-compare.wasm', Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  put('content/roles.json', '{"roles": []}\n');
  put('index.html', `<!doctype html>\n<link data-trunk rel="rust" data-bin="role-compare" data-wasm-opt="z" data-wasm-opt-params="${params}" />\n`);
}

test('the copy holds every file the breakdown reads, the wasm-opt arguments included', (t) => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'rc-breakdown-test-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));
  const from = path.join(tmp, 'checkout');
  const to = path.join(tmp, 'copy');
  checkout(from, '--converge -Oz --gufa -Oz');

  copyCargoFiles(from, to);

  assert.deepEqual(wasmOptParams(to), ['--converge', '-Oz', '--gufa', '-Oz']);
  const [a, b] = [cargoFiles(from), cargoFiles(to)];
  assert.equal(b.build, 'nightly-size');
  for (const what of ['marker', 'file', 'content', 'html']) {
    assert.deepEqual(readFileSync(b[what]), readFileSync(a[what]), `${what} copied as it is`);
  }
});

test('the copy of this checkout gives the breakdown the wasm-opt arguments the build uses', (t) => {
  const to = mkdtempSync(path.join(os.tmpdir(), 'rc-breakdown-test-'));
  t.after(() => rmSync(to, { recursive: true, force: true }));
  copyCargoFiles(ROOT, to);
  const params = wasmOptParams(ROOT);
  assert.ok(params.length > 0, 'index.html gives wasm-opt arguments');
  assert.deepEqual(wasmOptParams(to), params);
});
