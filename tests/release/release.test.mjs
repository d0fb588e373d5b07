// `make release`'s packing step (scripts/release.sh) on the built site: the archives hold the
// whole of dist/ (and integrations/ when the checkout has it), SHA256SUMS verifies them, and two
// runs on one commit give byte-identical archives and sums, even from a copy of dist/ with other
// file times and modes, another umask and another time zone. Reuses the existing dist/ (make
// dist); `make release` builds it afresh first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');
const SCRIPT = path.join(ROOT, 'scripts', 'release.sh');
const VERSION = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms.exec(readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8'))[1];
const NAME = `role-compare-${VERSION}`;
const BUILT = existsSync(path.join(DIST, 'release.json'));

/** Every file under `dir`, `/`-separated, relative to it, sorted. */
function listFiles(dir, at = dir) {
  return readdirSync(at)
    .flatMap((name) => {
      const p = path.join(at, name);
      return statSync(p).isDirectory() ? listFiles(dir, p) : [path.relative(dir, p).split(path.sep).join('/')];
    })
    .sort();
}

/** Runs release.sh; returns the folder it wrote. */
function pack({ dist = DIST, env = {}, umask } = {}) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'rc-release-'));
  const command = umask ? `umask ${umask} && exec "$0"` : 'exec "$0"';
  execFileSync('bash', ['-c', command, SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, RC_DIST: dist, RC_RELEASE_DIR: out, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return out;
}

const tmp = [];
const keep = (dir) => (tmp.push(dir), dir);

test('make release: archives of the whole site, verifiable, the same bytes from two runs', { skip: !BUILT && 'dist/ is missing: make dist' }, (t) => {
  t.after(() => tmp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const first = keep(pack());
  const PLUGIN = `role-compare-wordpress-${VERSION}.zip`;
  assert.deepEqual(readdirSync(first).sort(), ['SHA256SUMS', `${NAME}.tar.gz`, `${NAME}.zip`, PLUGIN]);

  // Verifiable as docs/publishing.md says ("Verifying"): sha256sum -c in the folder.
  const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: first, encoding: 'utf8' });
  assert.equal(check.status, 0, check.stdout + check.stderr);
  assert.match(check.stdout, new RegExp(`${NAME}\\.tar\\.gz: OK\\n${NAME}\\.zip: OK\\n${PLUGIN.replaceAll('.', '\\.')}: OK`));
  // The plugin carries this release's files, named as release.json names them.
  const plugin = execFileSync('unzip', ['-Z1', path.join(first, PLUGIN)], { encoding: 'utf8' }).split('\n');
  const release = JSON.parse(readFileSync(path.join(DIST, 'release.json'), 'utf8'));
  for (const file of [release.files.embed.path, release.files.glue.path, release.files.wasm.path, release.files.css.path]) {
    assert.ok(plugin.includes(`role-compare/assets/${file}`), `the plugin bundles ${file}`);
  }

  // Whole: every file of dist/ (and of integrations/, when there is one), CHANGELOG.md.
  const expected = [
    'CHANGELOG.md',
    ...listFiles(DIST).map((f) => `dist/${f}`),
    ...(existsSync(path.join(ROOT, 'integrations')) ? listFiles(path.join(ROOT, 'integrations')).map((f) => `integrations/${f}`) : []),
  ].map((f) => `${NAME}/${f}`).sort();
  const tarEntries = execFileSync('tar', ['-tzf', path.join(first, `${NAME}.tar.gz`)], { encoding: 'utf8' }).split('\n').filter(Boolean);
  assert.deepEqual(tarEntries.filter((e) => !e.endsWith('/')).sort(), expected, 'the tar.gz holds dist/, integrations/ and CHANGELOG.md');
  const zipEntries = execFileSync('unzip', ['-Z1', path.join(first, `${NAME}.zip`)], { encoding: 'utf8' }).split('\n').filter(Boolean);
  assert.deepEqual(zipEntries, expected, 'the zip holds the same files, in byte order of their paths');
  for (const file of ['release.json', `v${VERSION}/release.json`, `v${VERSION}/embed.js`, 'embed.js', 'index.html', 'role-compare.html']) {
    assert.ok(expected.includes(`${NAME}/dist/${file}`), `dist/${file} is in the release`);
  }
  // No owner names, one time, plain modes.
  const listing = execFileSync('tar', ['--numeric-owner', '-tvzf', path.join(first, `${NAME}.tar.gz`)], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  for (const line of listing.split('\n').filter(Boolean)) {
    assert.match(line, /^(-rw-r--r--|drwxr-xr-x) 0\/0 /, line);
  }
  assert.equal(new Set(listing.split('\n').filter(Boolean).map((l) => l.split(/\s+/).slice(3, 5).join(' '))).size, 1, 'every entry has the same time');

  // Again, from a copy of dist/ with new times and odd modes, another umask and time zone.
  const copy = keep(mkdtempSync(path.join(os.tmpdir(), 'rc-dist-copy-')));
  cpSync(DIST, copy, { recursive: true });
  utimesSync(path.join(copy, 'index.html'), new Date('2001-02-03T04:05:06Z'), new Date('2001-02-03T04:05:06Z'));
  chmodSync(path.join(copy, 'embed.js'), 0o600);
  const second = keep(pack({ dist: copy, umask: '077', env: { TZ: 'Pacific/Kiritimati' } }));
  for (const file of ['SHA256SUMS', `${NAME}.tar.gz`, `${NAME}.zip`, PLUGIN]) {
    assert.ok(readFileSync(path.join(first, file)).equals(readFileSync(path.join(second, file))), `${file} is byte-identical from the second run`);
  }
});

test('release.sh refuses a dist/ of another version than Cargo.toml', { skip: !BUILT && 'dist/ is missing: make dist' }, (t) => {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'rc-dist-other-'));
  t.after(() => rmSync(copy, { recursive: true, force: true }));
  cpSync(DIST, copy, { recursive: true });
  const release = JSON.parse(readFileSync(path.join(copy, 'release.json'), 'utf8'));
  writeFileSync(path.join(copy, 'release.json'), JSON.stringify({ ...release, version: '9.9.9' }));
  const run = spawnSync(SCRIPT, { cwd: ROOT, env: { ...process.env, RC_DIST: copy, RC_RELEASE_DIR: path.join(copy, 'out') }, encoding: 'utf8' });
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, new RegExp(`holds release 9\\.9\\.9, Cargo\\.toml says ${VERSION.replaceAll('.', '\\.')}: make dist`));
  assert.equal(existsSync(path.join(copy, 'out')), false, 'nothing written');
});
