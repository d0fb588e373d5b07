// End-to-end tests of the offline features of the built site (dist/) in headless Chromium: the
// service worker and its precache list, the update prompt after a new deploy, the single-file
// edition opened from disk, the web app manifest and the download link; and that no request
// leaves the site's origin. Run `make dist` first, then `node --test --test-concurrency=1 tests/e2e/`.
// Tests that change files (a deploy, a rebuild) work on a copy of dist/ in a temporary directory,
// and every test opens its own browser context, so no service worker or cache outlives its test.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { serve } from './support/server.mjs';
import { mountAllNow, launch, watchErrors, waitForWidget, describeErrors, bringEachWidgetNear } from './support/browser.mjs';
import {
  readView,
  pressedFilters,
  parseStatus,
  assertStatusMatchesDom,
  waitForPressed,
  waitForHash,
  toggle,
} from './support/widget.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');
const DIST = path.resolve(process.env.RC_DIST_DIR || path.join(ROOT, 'dist'));
const POSTBUILD = path.join(ROOT, 'scripts', 'postbuild.mjs');
const SUB_PATH = '/tools/role-compare/';
const DEFAULT_ROLES = ['cio', 'cto', 'cmo'];
const DESKTOP = { width: 1280, height: 900 };
const NEW_BUILD_MARK = ' (new build)';
const UPDATE_TEXT = 'A new version of this page is ready.';

const BUILT = existsSync(path.join(DIST, 'index.html')) && existsSync(path.join(DIST, 'sw.js'));

if (!BUILT) {
  test('the site is built', () => {
    assert.fail(`${path.join(DIST, 'index.html')} or sw.js is missing: run make dist first`);
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Every file under `dir`, as `/`-separated paths relative to it. */
function listFiles(dir, at = dir) {
  return readdirSync(at).flatMap((name) => {
    const p = path.join(at, name);
    return statSync(p).isDirectory() ? listFiles(dir, p) : [path.relative(dir, p).split(path.sep).join('/')];
  });
}

/** VERSION and FILES of a generated sw.js. */
function parseWorker(source) {
  const version = /^const VERSION = "([^"]*)";$/m.exec(source)?.[1];
  const files = /^const FILES = (\[[\s\S]*?\]);$/m.exec(source)?.[1];
  assert.ok(version, 'sw.js should define const VERSION = "…"');
  assert.ok(files, 'sw.js should define const FILES = [ … ]');
  return { version, files: JSON.parse(files) };
}

/** GROUPS of a generated sw.js: files cached only for the page that asks (the builder's). */
function parseGroups(source) {
  const groups = /^const GROUPS = (\{[\s\S]*?\});$/m.exec(source)?.[1];
  assert.ok(groups, 'sw.js should define const GROUPS = { … }');
  return JSON.parse(groups);
}

const readWorker = (dir) => parseWorker(readFileSync(path.join(dir, 'sw.js'), 'utf8'));

/** A copy of dist/ in a new temporary directory; removed by the returned `remove`. */
function copyDist() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-offline-'));
  cpSync(DIST, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs scripts/postbuild.mjs on `dir`, as the build does on its output. */
function postbuild(dir) {
  return execFileSync(process.execPath, [POSTBUILD, dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * "Deploys a new build" into `dir` (a served copy of dist/): the page's <h1> gets NEW_BUILD_MARK,
 * and sw.js is written again as the build writes it. Returns the new worker's version.
 */
function deployNewBuild(dir) {
  const indexPath = path.join(dir, 'index.html');
  const index = readFileSync(indexPath, 'utf8');
  const h1 = /(<h1[^>]*>)([^<]*)(<\/h1>)/.exec(index);
  assert.ok(h1, 'index.html has an <h1>');
  writeFileSync(indexPath, index.replace(h1[0], `${h1[1]}${h1[2]}${NEW_BUILD_MARK}${h1[3]}`));
  postbuild(dir);
  return readWorker(dir).version;
}

const NEXT_MARK = ' (next release)';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The Cache-Control that docs/publishing.md's "Serving a release: headers" (and dist/_headers)
 * recommend for each file. */
function releaseCaching(pathname) {
  if (/\/role-compare(_bg)?\.[0-9a-f]{12}\.(js|wasm|css)$/.test(pathname) || /^\/v\d[^/]*\//.test(pathname)) return IMMUTABLE;
  if (pathname === '/embed.js' || pathname === '/release.json') return 'public, max-age=300';
  return 'no-cache';
}

/** A WebAssembly custom section (ignored by the engine): an id 0, its size, name and bytes. */
function customSection(name, text) {
  const payload = Buffer.concat([Buffer.from([name.length]), Buffer.from(name), Buffer.from(text)]);
  assert.ok(payload.length < 128, 'one-byte LEB128 sizes');
  return Buffer.concat([Buffer.from([0, payload.length]), payload]);
}

/**
 * Turns `dir` (a served copy of dist/, release N) into release N+1 as a deploy of the next
 * release would: the next patch version, new contents in each of the widget's files (a comment
 * in the glue and in the stylesheet, a custom section in the wasm) and so new names for them,
 * the old names gone, a changed page title (NEXT_MARK); then the build's own post-build step
 * with that version, which names the files, writes embed.js, release.json and sw.js. No
 * rebuild of the wasm: what is tested is the delivery (names, hashes, worker, caches), which a
 * change of code would not make different. Returns N+1's release.json.
 */
function deployNextRelease(dir) {
  const release = JSON.parse(readFileSync(path.join(dir, 'release.json'), 'utf8'));
  const version = release.version.replace(/\d+$/, (n) => String(Number(n) + 1));
  appendFileSync(path.join(dir, release.files.glue.path), '\n// the next release\n');
  // A rule, not a comment: the post-build step minifies the stylesheet, comments gone.
  appendFileSync(path.join(dir, release.files.css.path), '\n.rc-next-release { order: 1 }\n');
  appendFileSync(path.join(dir, release.files.wasm.path), customSection('rc-next', 'the next release'));
  const indexPath = path.join(dir, 'index.html');
  const index = readFileSync(indexPath, 'utf8');
  const h1 = /(<h1[^>]*>)([^<]*)(<\/h1>)/.exec(index);
  assert.ok(h1, 'index.html has an <h1>');
  writeFileSync(indexPath, index.replace(h1[0], `${h1[1]}${h1[2]}${NEXT_MARK}${h1[3]}`));
  execFileSync(process.execPath, [POSTBUILD, dir, '--version', version], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(readFileSync(path.join(dir, 'release.json'), 'utf8'));
}

/** A fresh browser context (service workers allowed, Playwright's default) that records requests. */
async function newContext(browser) {
  const context = await browser.newContext({ viewport: DESKTOP, colorScheme: 'light', reducedMotion: 'reduce' });
  const requests = recordRequests(context);
  return { context, requests };
}

/**
 * Records every request of `context`: its pages, their frames and workers, and (Chromium, with
 * Playwright's service worker network events, on by default) its service workers.
 */
function recordRequests(context) {
  const requests = [];
  context.on('request', (request) => {
    requests.push({ url: request.url(), method: request.method(), fromServiceWorker: request.serviceWorker() !== null });
  });
  return requests;
}

/** Asserts that every recorded request went to `origin` (data: and blob: URLs aside). */
function assertSameOrigin(requests, origin, where) {
  assert.ok(requests.length > 0, `${where}: some requests should have been recorded`);
  const away = requests
    .filter(({ url }) => !url.startsWith('data:') && !url.startsWith('blob:'))
    .filter(({ url }) => new URL(url).origin !== origin)
    .map(({ url, fromServiceWorker }) => `${url}${fromServiceWorker ? ' (service worker)' : ''}`);
  assert.deepEqual(away, [], `${where}: requests left the site's origin ${origin}`);
}

/**
 * Waits until the page's service worker registration is ready (its worker installed, so the
 * precache is complete, and active) and the worker controls the page (clients.claim); returns the
 * registration's scope and the active worker's script URL.
 */
async function waitForServiceWorker(page, { timeout = 20_000 } = {}) {
  const registration = await page.evaluate(async (timeout) => {
    if (!('serviceWorker' in navigator)) throw new Error('no navigator.serviceWorker');
    const ready = navigator.serviceWorker.ready.then((r) => ({ scope: r.scope, script: r.active?.scriptURL ?? null }));
    const late = new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`navigator.serviceWorker.ready did not resolve in ${timeout} ms`)), timeout),
    );
    return Promise.race([ready, late]);
  }, timeout);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout });
  return registration;
}

/** The `role-compare-…` cache names of the page's origin. */
function siteCaches(page) {
  return page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('role-compare-')));
}

/** The VERSION of the worker controlling the page, asked by message as the worker offers. */
function controllerVersion(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const worker = navigator.serviceWorker.controller;
        if (!worker) return reject(new Error('the page has no controlling service worker'));
        const timer = setTimeout(() => reject(new Error('the service worker did not answer "version"')), 10_000);
        navigator.serviceWorker.addEventListener('message', function onMessage(event) {
          if (event.data?.type !== 'role-compare:version') return;
          navigator.serviceWorker.removeEventListener('message', onMessage);
          clearTimeout(timer);
          resolve(event.data.version);
        });
        worker.postMessage('version');
      }),
  );
}

/** PNG width and height from the IHDR chunk. */
function pngSize(bytes) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(bytes.subarray(0, 8).equals(signature), 'a PNG file starts with the PNG signature');
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR', 'a PNG file starts with its IHDR chunk');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const h1Text = (page) => page.locator('h1').first().textContent().then((t) => t.replace(/\s+/g, ' ').trim());

/** Asserts the widget shows the default columns, its duties, and a status line that adds up. */
async function assertDefaultWidget(page, where) {
  const view = await readView(page);
  assert.deepEqual(view.roles, DEFAULT_ROLES, `${where}: the three default columns`);
  assert.ok(view.duties.length > 0, `${where}: duties show`);
  for (const role of DEFAULT_ROLES) {
    assert.ok(view.duties.some((d) => d.role === role), `${where}: the ${role} column has duties`);
  }
  const status = assertStatusMatchesDom(view, `${where}: `);
  return { view, status };
}

/** Presses focus:internal and checks only internal duties remain and the status line follows. */
async function assertFocusFilterWorks(page, all, where) {
  await toggle(page, 'focus:internal');
  await waitForHash(page, '#focus=internal');
  const view = await readView(page);
  assert.deepEqual(pressedFilters(view), ['focus:internal'], `${where}: focus:internal is pressed`);
  assert.ok(view.duties.length > 0, `${where}: some internal duties show`);
  assert.deepEqual(view.duties.filter((d) => d.focus !== 'internal').map((d) => d.id), [], `${where}: only internal duties show`);
  assert.deepEqual(
    view.duties.map((d) => d.id),
    all.duties.filter((d) => d.focus === 'internal').map((d) => d.id),
    `${where}: every internal duty shows`,
  );
  const status = assertStatusMatchesDom(view, `${where}: `);
  assert.ok(status.shown < parseStatus(all.status).shown, `${where}: the status line counts fewer duties (${view.status} vs ${all.status})`);
  assert.equal(status.total, parseStatus(all.status).total, `${where}: the status line's total is unchanged`);
  return view;
}

// ---------------------------------------------------------------------------------------------

describe('role-compare offline (dist/)', { skip: !BUILT && 'dist/ is missing' }, () => {
  let browser;
  let distServer; // dist/ itself, unchanged, at the root: for the tests that change nothing

  before(async () => {
    browser = await launch();
    distServer = await serve(DIST);
  });

  after(async () => {
    await browser?.close();
    await distServer?.close();
  });

  test('(a) after one online visit under a sub-path, the site works offline: reload, filters, embed.html, a link with a filter', { timeout: 90_000 }, async () => {
    const copy = copyDist();
    const server = await serve(copy.dir, { prefix: SUB_PATH });
    const { context, requests } = await newContext(browser);
    try {
      assert.equal(server.url, `${server.origin}${SUB_PATH}`);
      const page = await context.newPage();
      const errors = watchErrors(page);

      // One online visit.
      await page.goto(server.url);
      await waitForWidget(page);
      const online = await assertDefaultWidget(page, 'online');
      const registration = await waitForServiceWorker(page);
      assert.equal(registration.scope, server.url, 'the service worker is registered for the sub-path');
      assert.equal(registration.script, `${server.url}sw.js`, "the service worker is the sub-path's sw.js");
      const expectedVersion = readWorker(copy.dir).version;
      assert.deepEqual(await siteCaches(page), [`role-compare-${expectedVersion}`], 'one precache, of this build');
      assert.ok(
        requests.some((r) => r.fromServiceWorker),
        "the service worker's own requests (the precache) are recorded, so the origin check below covers them",
      );

      // Network off; reload.
      await context.setOffline(true);
      const response = await page.reload();
      assert.ok(response, 'the reload has a response');
      assert.equal(response.status(), 200, 'the offline reload answers 200');
      assert.ok(response.fromServiceWorker(), 'the offline reload is answered by the service worker');
      await waitForWidget(page);
      const offline = await assertDefaultWidget(page, 'offline reload');
      assert.deepEqual(
        offline.view.duties.map((d) => d.id),
        online.view.duties.map((d) => d.id),
        'offline, the same duties show as online',
      );
      assert.equal(offline.view.status, online.view.status, 'offline, the same status line as online');
      assert.equal(await page.evaluate(() => navigator.onLine), false, 'the browser is offline');
      await assertFocusFilterWorks(page, offline.view, 'offline');

      // Offline: the iframe edition with options in its query string, from the precache.
      const embed = await page.goto(`${server.url}embed.html?roles=cio,cto`);
      assert.ok(embed?.fromServiceWorker(), 'offline, embed.html?roles=cio,cto is answered by the service worker');
      await waitForWidget(page);
      const embedView = await readView(page);
      assert.deepEqual(embedView.roles, ['cio', 'cto'], 'offline, embed.html shows the columns its query asks for');
      assertStatusMatchesDom(embedView, 'offline embed.html: ');

      // Offline: a shared link with a filter in its fragment, in a new tab.
      const tab = await context.newPage();
      const tabErrors = watchErrors(tab);
      const linked = await tab.goto(`${server.url}#focus=external`);
      assert.ok(linked?.fromServiceWorker(), 'offline, the link is answered by the service worker');
      await waitForWidget(tab);
      await waitForPressed(tab, 'focus:external');
      const restored = await readView(tab);
      assert.deepEqual(pressedFilters(restored), ['focus:external'], 'offline, #focus=external restores that filter');
      assert.ok(restored.duties.length > 0, 'offline, some external duties show');
      assert.deepEqual(restored.duties.filter((d) => d.focus !== 'external').map((d) => d.id), [], 'offline, only external duties show');
      assertStatusMatchesDom(restored, 'offline #focus=external: ');
      assert.equal(restored.hash, '#focus=external');

      assert.deepEqual(errors, [], `the page logged errors: ${describeErrors(errors)}`);
      assert.deepEqual(tabErrors, [], `the second tab logged errors: ${describeErrors(tabErrors)}`);
      assertSameOrigin(requests, server.origin, 'online visit, then offline use, under a sub-path');
    } finally {
      await context.close();
      await server.close();
      copy.remove();
    }
  });

  test('the precache list is what the build wrote, and the version follows the files', { timeout: 60_000 }, async () => {
    // dist/sw.js as served.
    const res = await fetch(`${distServer.url}sw.js`);
    assert.equal(res.status, 200, 'sw.js is served');
    assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/, 'sw.js is served as JavaScript');
    const source = await res.text();
    const { version, files } = parseWorker(source);
    assert.match(version, /^[0-9a-f]{16}$/, 'the version is a content hash');
    // The builder's files are cached only for those who open the builder (tests/e2e/builder.test.mjs).
    const builder = parseGroups(source).builder.map((url) => url.slice(2));
    assert.ok(builder.includes('builder.html'), 'the group "builder" holds builder.html');
    assert.ok(builder.every((name) => existsSync(path.join(DIST, name))), 'every file of the group is in dist/');

    const release = JSON.parse(readFileSync(path.join(DIST, 'release.json'), 'utf8'));
    const pinned = `v${release.version}/`;
    const built = listFiles(DIST).filter((name) => !['sw.js', 'role-compare.html', 'snippet.html', '_headers', ...builder].includes(name) && !name.startsWith(pinned));
    assert.ok(listFiles(DIST).some((name) => name.startsWith(pinned)), `dist/ has the versioned folder ${pinned}`);
    assert.equal(files[0], './', 'the precache starts with "./", the page a reader opens');
    assert.equal(new Set(files).size, files.length, 'the precache lists no URL twice');
    assert.deepEqual(
      [...files].sort(),
      ['./', ...built.map((name) => `./${name}`)].sort(),
      `the precache lists "./" and every file in dist/ except sw.js, role-compare.html, snippet.html, _headers, the builder's files and ${pinned}`,
    );
    for (const url of files) {
      const file = await fetch(new URL(url, distServer.url));
      assert.equal(file.status, 200, `precached ${url} is served`);
      await file.arrayBuffer();
    }

    const copy = copyDist();
    try {
      // Rebuilding the same files gives the same worker: the version is a function of the files.
      postbuild(copy.dir);
      const same = readWorker(copy.dir);
      assert.equal(same.version, version, 'postbuild on an unchanged copy of dist/ gives the same version');
      assert.deepEqual(same.files, files, 'postbuild on an unchanged copy of dist/ gives the same list');

      // One rule more in the widget's stylesheet (a rule: comments are minified away): a new name
      // for it (its hash), a new version, the list otherwise as it was.
      appendFileSync(path.join(copy.dir, release.files.css.path), '\n.rc-changed { order: 1 }\n');
      postbuild(copy.dir);
      const changed = readWorker(copy.dir);
      const css = JSON.parse(readFileSync(path.join(copy.dir, 'release.json'), 'utf8')).files.css.path;
      assert.notEqual(css, release.files.css.path, 'a changed stylesheet gets a new name');
      assert.ok(existsSync(path.join(copy.dir, css)) && !existsSync(path.join(copy.dir, release.files.css.path)), 'under its new name only');
      assert.notEqual(changed.version, version, 'a changed stylesheet gives a new version');
      // (The list is sorted by name, and a new hash may sort elsewhere: compared as sets.)
      assert.deepEqual(
        [...changed.files].sort(),
        files.map((url) => (url === `./${release.files.css.path}` ? `./${css}` : url)).sort(),
        'the list names the new stylesheet and is otherwise unchanged',
      );

      // Deterministic: again, with no change, the same version (sw.js and role-compare.html,
      // rewritten by the run before, do not count).
      postbuild(copy.dir);
      assert.deepEqual(readWorker(copy.dir), changed, 'postbuild run again with no change gives the same sw.js');

      // The list is read from the directory: a file the build writes is precached.
      appendFileSync(path.join(copy.dir, 'extra.txt'), 'extra\n');
      postbuild(copy.dir);
      const added = readWorker(copy.dir);
      assert.deepEqual([...added.files].sort(), [...changed.files, './extra.txt'].sort(), 'a new file in the build is precached');
      assert.notEqual(added.version, changed.version, 'a new file gives a new version');
    } finally {
      copy.remove();
    }
  });

  for (const [host, cacheControl] of [
    ['a host that forbids caching (no-store)', 'no-store'],
    // GitHub Pages sends this for every file; other static hosts send similar.
    ["a host that lets browsers cache files for 10 minutes (max-age=600, GitHub Pages')", 'max-age=600'],
  ]) {
    test(`(b) after a new build is deployed, the reader is told, and gets it on asking; on ${host}`, { timeout: 90_000 }, async () => {
      const copy = copyDist();
      const server = await serve(copy.dir, { cacheControl });
      const { context, requests } = await newContext(browser);
      try {
        const page = await context.newPage();
        const errors = watchErrors(page);
        await page.goto(server.url);
        await waitForWidget(page);
        await waitForServiceWorker(page);
        const oldTitle = await h1Text(page);
        const oldVersion = readWorker(copy.dir).version;
        assert.equal(await controllerVersion(page), oldVersion, 'the first build controls the page');
        assert.equal(await page.locator('#update-banner').isHidden(), true, 'no update banner on the first visit');

        // Deploy a new build: a changed page, and the worker the build writes for it.
        const newVersion = deployNewBuild(copy.dir);
        assert.notEqual(newVersion, oldVersion, 'the new build has a new version');

        // The reader comes back: the old version shows, and the page says a new one is ready.
        await page.reload();
        await waitForWidget(page);
        assert.equal(await h1Text(page), oldTitle, 'the reload still shows the cached old version');
        const banner = page.locator('#update-banner');
        await banner.waitFor({ state: 'visible', timeout: 20_000 });
        assert.equal(await banner.getAttribute('hidden'), null, 'the banner is no longer hidden');
        assert.match((await banner.textContent()).replace(/\s+/g, ' '), new RegExp(UPDATE_TEXT.replace(/\./g, '\\.')), 'the banner says so');
        const button = page.locator('#update-reload');
        assert.equal(await button.isVisible(), true, 'the banner has its button');

        // Asking for it loads the new version.
        await button.click();
        try {
          await page.locator('h1', { hasText: NEW_BUILD_MARK.trim() }).waitFor({ timeout: 20_000 });
        } catch (err) {
          if (!/Timeout/i.test(String(err?.message))) throw err;
          const state = await page
            .evaluate(async () => {
              const names = (await caches.keys()).filter((name) => name.startsWith('role-compare-'));
              const cached = names.length === 1 ? await (await caches.open(names[0])).match('./') : null;
              return {
                h1: document.querySelector('h1')?.textContent.trim(),
                caches: names,
                cachedPageH1: cached ? /<h1[^>]*>([^<]*)</.exec(await cached.text())?.[1] : null,
              };
            })
            .catch((e) => ({ unreadable: String(e) }));
          assert.fail(
            `after "Load it", the new version (h1 ending "${NEW_BUILD_MARK}", worker ${newVersion}) should show; 20 s later the page shows ` +
              JSON.stringify(state),
          );
        }
        await waitForWidget(page);
        assert.equal(await h1Text(page), `${oldTitle}${NEW_BUILD_MARK}`, 'the new version shows');
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 10_000 });
        assert.equal(await controllerVersion(page), newVersion, 'the new worker controls the page');
        assert.equal(await page.locator('#update-banner').isHidden(), true, 'no update banner on the new version');
        assert.deepEqual(await siteCaches(page), [`role-compare-${newVersion}`], 'only the new version\'s cache is left');
        await assertDefaultWidget(page, 'new version');

        assert.deepEqual(errors, [], `the page logged errors: ${describeErrors(errors)}`);
        assertSameOrigin(requests, server.origin, 'a visit, a new deploy, the update');
      } finally {
        await context.close();
        await server.close();
        copy.remove();
      }
    });
  }

  test('(b) the tab of the first visit, still open when a new build is found, also gets it on asking', { timeout: 90_000 }, async () => {
    // A reader opens the site (tab A: the worker installs and takes control through
    // clients.claim), keeps the tab open, and after a deploy opens the site again in tab B; the
    // browser finds the new worker, and both tabs offer it. The reader clicks "Load it" in tab A.
    const copy = copyDist();
    const server = await serve(copy.dir);
    const { context, requests } = await newContext(browser);
    try {
      const first = await context.newPage();
      const firstErrors = watchErrors(first);
      await first.goto(server.url);
      await waitForWidget(first);
      await waitForServiceWorker(first);
      const oldTitle = await h1Text(first);

      const newVersion = deployNewBuild(copy.dir);
      const second = await context.newPage();
      const secondErrors = watchErrors(second);
      await second.goto(server.url);
      await waitForWidget(second);
      assert.equal(await h1Text(second), oldTitle, 'the second tab shows the cached old version');

      await first.locator('#update-banner').waitFor({ state: 'visible', timeout: 20_000 });
      await first.bringToFront();
      await first.locator('#update-reload').click();

      // The second tab is reloaded into the new version too (the old cache is gone).
      await second.locator('h1', { hasText: NEW_BUILD_MARK.trim() }).waitFor({ timeout: 20_000 });
      try {
        await first.locator('h1', { hasText: NEW_BUILD_MARK.trim() }).waitFor({ timeout: 15_000 });
      } catch (err) {
        if (!/Timeout/i.test(String(err?.message))) throw err;
        const state = await first.evaluate(() => ({
          h1: document.querySelector('h1')?.textContent.trim(),
          bannerVisible: !document.getElementById('update-banner')?.hidden,
          buttonDisabled: document.getElementById('update-reload')?.disabled,
        }));
        assert.fail(
          'after "Load it" in the tab of the first visit, that tab should show the new version; 15 s later it still ' +
            `shows ${JSON.stringify(state)} (the new worker took control of it, but the page did not reload)`,
        );
      }
      await waitForWidget(first);
      assert.equal(await h1Text(first), `${oldTitle}${NEW_BUILD_MARK}`, 'the first tab shows the new version');
      assert.equal(await first.locator('#update-banner').isHidden(), true, 'no update banner on the new version');
      assert.equal(await controllerVersion(first), newVersion, 'the new worker controls the first tab');

      assert.deepEqual(firstErrors, [], `the first tab logged errors: ${describeErrors(firstErrors)}`);
      assert.deepEqual(secondErrors, [], `the second tab logged errors: ${describeErrors(secondErrors)}`);
      assertSameOrigin(requests, server.origin, 'two tabs, a new deploy, the update');
    } finally {
      await context.close();
      await server.close();
      copy.remove();
    }
  });

  for (const [host, cacheControl] of [
    ['served as the documentation says (a year for hashed names, the pages revalidated)', releaseCaching],
    // Nothing from the browser's HTTP cache: N's files come from N's worker or not at all.
    ['a host that forbids caching (no-store)', 'no-store'],
  ]) {
    test(`(e) release N, then N+1 at the same address: the page stays on N, working, until the reader takes N+1, which then works offline; ${host}`, { timeout: 120_000 }, async () => {
      const copy = copyDist();
      const server = await serve(copy.dir, { cacheControl });
      const { context, requests } = await newContext(browser);
      try {
        const page = await context.newPage();
        const errors = watchErrors(page);
        const n = JSON.parse(readFileSync(path.join(copy.dir, 'release.json'), 'utf8'));
        await page.goto(server.url);
        await waitForWidget(page);
        await waitForServiceWorker(page);
        assert.equal(await page.evaluate(() => window.RoleCompare.version), n.version, 'release N runs');
        const oldTitle = await h1Text(page);

        const next = deployNextRelease(copy.dir);
        assert.notEqual(next.version, n.version);
        for (const key of ['glue', 'wasm', 'css']) {
          assert.notEqual(next.files[key].path, n.files[key].path, `N+1's ${key} has a new name`);
          assert.equal(existsSync(path.join(copy.dir, n.files[key].path)), false, `N's ${key} is gone from the server`);
        }
        const newWorker = readWorker(copy.dir).version;

        // In between: the reader comes back to N (its worker and cache still hold every file of
        // N, whose names the server no longer has), and it works; the page offers N+1.
        await page.reload();
        await waitForWidget(page);
        assert.equal(await h1Text(page), oldTitle, 'the reload shows release N');
        assert.equal(await page.evaluate(() => window.RoleCompare.version), n.version, 'release N runs');
        await assertFocusFilterWorks(page, await readView(page), 'release N after N+1 was deployed');
        await page.locator('#update-banner').waitFor({ state: 'visible', timeout: 20_000 });

        // The reader takes it.
        await page.locator('#update-reload').click();
        await page.locator('h1', { hasText: NEXT_MARK.trim() }).waitFor({ timeout: 20_000 });
        await waitForWidget(page);
        assert.equal(await page.evaluate(() => window.RoleCompare.version), next.version, 'release N+1 runs');
        assert.equal(await controllerVersion(page), newWorker, "N+1's worker controls the page");
        assert.deepEqual(await siteCaches(page), [`role-compare-${newWorker}`], "only N+1's cache is left");
        assert.deepEqual(pressedFilters(await readView(page)), ['focus:internal'], 'the link kept its filter across the update');

        // N+1 offline: a fresh visit to the plain page, its filters.
        await context.setOffline(true);
        const offline = await page.goto(server.url);
        assert.ok(offline?.fromServiceWorker(), 'offline, N+1 is answered by its service worker');
        await waitForWidget(page);
        assert.equal(await h1Text(page), `${oldTitle}${NEXT_MARK}`);
        assert.equal(await page.evaluate(() => window.RoleCompare.version), next.version, 'release N+1 runs offline');
        const { view } = await assertDefaultWidget(page, 'N+1 offline');
        await assertFocusFilterWorks(page, view, 'N+1 offline');

        assert.deepEqual(errors, [], `the page logged errors: ${describeErrors(errors)}`);
        assertSameOrigin(requests, server.origin, 'release N, release N+1, the update, offline');
      } finally {
        await context.close();
        await server.close();
        copy.remove();
      }
    });
  }

  test('(c) role-compare.html alone, from file:// with every other request blocked, shows all duties and filters', { timeout: 60_000 }, async () => {
    // How many duties the hosted site shows by default: the single file must show them all.
    let hostedTotal;
    {
      const { context } = await newContext(browser);
      try {
        const page = await context.newPage();
        await page.goto(distServer.url);
        await waitForWidget(page);
        hostedTotal = parseStatus((await readView(page)).status).total;
      } finally {
        await context.close();
      }
    }

    const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-single-'));
    const { context, requests } = await newContext(browser);
    try {
      const file = path.join(dir, 'role-compare.html');
      cpSync(path.join(DIST, 'role-compare.html'), file);
      assert.deepEqual(readdirSync(dir), ['role-compare.html'], 'the file is alone in its directory');
      const fileUrl = pathToFileURL(file).href;

      const blocked = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file://') && url.endsWith('role-compare.html')) return route.continue();
        blocked.push(url);
        return route.abort();
      });
      await context.setOffline(true);

      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(fileUrl);
      await waitForWidget(page);
      const { view, status } = await assertDefaultWidget(page, 'single file');
      assert.equal(view.duties.length, status.total, 'with no filter, every duty shows');
      assert.equal(status.total, hostedTotal, `the single file shows as many duties as the hosted site (${hostedTotal})`);
      assert.equal(view.hash, '');

      // Filters, and the link follows them.
      const focused = await assertFocusFilterWorks(page, view, 'single file');
      await toggle(page, 'line:bottom');
      await waitForHash(page, '#focus=internal&line=bottom');
      const both = await readView(page);
      assert.deepEqual(pressedFilters(both), ['focus:internal', 'line:bottom']);
      assert.ok(both.duties.length > 0, 'some internal bottom-line duties show');
      assert.ok(both.duties.length < focused.duties.length, 'the line filter narrows further');
      assert.deepEqual(
        both.duties.filter((d) => d.focus !== 'internal' || d.line !== 'bottom').map((d) => d.id),
        [],
        'only internal bottom-line duties show',
      );
      assertStatusMatchesDom(both, 'single file, two filters: ');

      // Nothing of the hosted site only.
      assert.equal(await page.locator('a[download]').count(), 0, 'no download link');
      assert.equal(await page.locator('a[href*="role-compare.html"]').count(), 0, 'no link to the single file');
      assert.equal(await page.locator('#update-banner').count(), 0, 'no update banner');
      assert.equal(await page.locator('[data-online-only]').count(), 0, 'nothing marked online-only');
      assert.equal(await page.locator('link[rel="manifest"], script[src], link[rel="stylesheet"]').count(), 0, 'no manifest, script or stylesheet file');

      // A link with a filter, opened from disk.
      const tab = await context.newPage();
      const tabErrors = watchErrors(tab);
      await tab.goto(`${fileUrl}#line=bottom`);
      await waitForWidget(tab);
      await waitForPressed(tab, 'line:bottom');
      const restored = await readView(tab);
      assert.deepEqual(pressedFilters(restored), ['line:bottom'], '#line=bottom restores that filter');
      assert.ok(restored.duties.length > 0, 'some bottom-line duties show');
      assert.deepEqual(restored.duties.filter((d) => d.line !== 'bottom').map((d) => d.id), [], 'only bottom-line duties show');
      assertStatusMatchesDom(restored, 'single file #line=bottom: ');

      assert.deepEqual(blocked, [], 'no request was blocked: the file needs nothing else');
      const others = requests.map((r) => r.url).filter((url) => !url.startsWith('data:') && url.split('#')[0] !== fileUrl);
      assert.deepEqual(others, [], 'the only request is the file itself');
      assert.ok(requests.length >= 2, 'the file itself was requested (twice: two tabs)');
      assert.deepEqual(errors, [], `the page logged errors: ${describeErrors(errors)}`);
      assert.deepEqual(tabErrors, [], `the second tab logged errors: ${describeErrors(tabErrors)}`);
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const [name, pathname] of [
    ['index.html', ''],
    ['blog.html', 'blog.html'],
    ['embed.html', 'embed.html?roles=cio,cto'],
  ]) {
    test(`(d) an online visit to ${name} makes no request outside the site's origin`, { timeout: 60_000 }, async () => {
      const { context, requests } = await newContext(browser);
      try {
        const page = await context.newPage();
        const errors = watchErrors(page);
        await page.goto(distServer.url + pathname);
        await mountAllNow(page);
        await waitForWidget(page);
        if (name === 'index.html') {
          await waitForServiceWorker(page);
          assert.ok(requests.some((r) => r.fromServiceWorker), "the service worker's requests are recorded");
        }
        if (name === 'blog.html') {
          // The article embeds the widget inline and in an iframe (loading="lazy", below its
          // pre-rendered widgets): go down to each, as a reader does, and wait for both.
          await bringEachWidgetNear(page);
          await page.locator('iframe').first().scrollIntoViewIfNeeded();
          const frame = page.frameLocator('iframe').first();
          await frame.locator('.rc-mount:not([data-prerendered]) [data-duty]').first().waitFor({ state: 'attached', timeout: 15_000 });
        }
        await page.waitForLoadState('load');
        assert.deepEqual(errors, [], `the page logged errors: ${describeErrors(errors)}`);
        assertSameOrigin(requests, distServer.origin, `online visit to ${name}`);
      } finally {
        await context.close();
      }
    });
  }

  test('the web app manifest is valid, linked from index.html, and its icons exist at their sizes', { timeout: 60_000 }, async () => {
    const res = await fetch(`${distServer.url}manifest.webmanifest`);
    assert.equal(res.status, 200, 'manifest.webmanifest is served');
    assert.match(res.headers.get('content-type') ?? '', /^application\/manifest\+json/);
    const manifest = JSON.parse(await res.text());
    assert.equal(typeof manifest.name, 'string');
    assert.ok(manifest.name.length > 0, 'it has a name');
    assert.equal(manifest.start_url, './', 'start_url is relative, so the site works under any sub-path');
    assert.equal(manifest.scope, './', 'scope is relative, so the site works under any sub-path');
    assert.ok(['fullscreen', 'standalone', 'minimal-ui', 'browser'].includes(manifest.display), `display is a known mode, got ${manifest.display}`);
    assert.ok(Array.isArray(manifest.icons) && manifest.icons.length > 0, 'it has icons');

    const pngSizes = [];
    for (const icon of manifest.icons) {
      const file = path.join(DIST, icon.src);
      assert.ok(existsSync(file), `icon ${icon.src} exists in dist/`);
      const served = await fetch(new URL(icon.src, `${distServer.url}manifest.webmanifest`));
      assert.equal(served.status, 200, `icon ${icon.src} is served`);
      if (icon.type) assert.equal(served.headers.get('content-type'), icon.type, `icon ${icon.src} is served as its type`);
      const bytes = Buffer.from(await served.arrayBuffer());
      if (icon.type === 'image/png' || icon.src.endsWith('.png')) {
        const { width, height } = pngSize(bytes);
        assert.equal(icon.sizes, `${width}x${height}`, `icon ${icon.src} declares the size it has`);
        pngSizes.push(width);
      } else if (icon.type === 'image/svg+xml') {
        assert.equal(icon.sizes, 'any', 'an SVG icon is for any size');
        assert.match(bytes.toString('utf8'), /<svg[\s>]/, `icon ${icon.src} is an SVG`);
      }
    }
    assert.deepEqual(pngSizes.sort((a, b) => a - b), [192, 512], 'PNG icons of 192 and 512 pixels');

    // The page links it, and Chromium reads it without complaint.
    const { context } = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(distServer.url);
      const href = await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.href ?? null);
      assert.equal(href, `${distServer.url}manifest.webmanifest`, 'index.html links the manifest with rel=manifest');
      const cdp = await context.newCDPSession(page);
      const { url, errors, data } = await cdp.send('Page.getAppManifest');
      assert.equal(url, `${distServer.url}manifest.webmanifest`, 'Chromium found the manifest');
      assert.deepEqual(errors, [], 'Chromium parsed the manifest without errors');
      assert.deepEqual(JSON.parse(data), manifest, 'Chromium read the same manifest');
    } finally {
      await context.close();
    }
  });

  test('every page\'s favicon is a PNG of the size it declares, the single file\'s inlined', { timeout: 60_000 }, async () => {
    // Not the SVG: Chromium fetches a page's favicon again after each change of its URL (a
    // filter tap writes the view into the link), and an SVG icon is a document of its own to
    // build each time (docs/performance.md, "The favicon, fetched on every tap").
    for (const name of ['index.html', 'blog.html', 'builder.html', 'embed.html']) {
      const html = readFileSync(path.join(DIST, name), 'utf8');
      const links = [...html.matchAll(/<link rel="icon"[^>]*>/g)].map((m) => m[0]);
      assert.equal(links.length, 1, `${name} has one favicon link`);
      const [, href] = links[0].match(/href="([^"]+)"/) ?? [];
      assert.match(links[0], /type="image\/png"/, `${name}: the favicon is a PNG`);
      const served = await fetch(new URL(href, `${distServer.url}${name}`));
      assert.equal(served.status, 200, `${name}: ${href} is served`);
      const { width, height } = pngSize(Buffer.from(await served.arrayBuffer()));
      assert.match(links[0], new RegExp(`sizes="${width}x${height}"`), `${name}: ${href} declares the size it has`);
    }
    const single = readFileSync(path.join(DIST, 'role-compare.html'), 'utf8');
    assert.match(single, /<link rel="icon" href="data:image\/png;base64,[A-Za-z0-9+/=]+"/, 'the single file carries its favicon');
  });

  test('the "download for offline use" link gives the single file', { timeout: 60_000 }, async () => {
    const { context } = await newContext(browser);
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(distServer.url);
      await waitForWidget(page);
      const link = page.locator('a[download]');
      assert.equal(await link.count(), 1, 'index.html has one download link');
      assert.equal(await link.getAttribute('download'), 'role-compare.html', 'it downloads as role-compare.html');
      assert.equal(await link.evaluate((a) => a.href), `${distServer.url}role-compare.html`, 'it points at role-compare.html');
      assert.match(await link.textContent(), /download/i, 'it says what it does');

      const res = await fetch(`${distServer.url}role-compare.html`);
      assert.equal(res.status, 200, 'role-compare.html is served');
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      const served = Buffer.from(await res.arrayBuffer());

      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), link.click()]);
      assert.equal(download.suggestedFilename(), 'role-compare.html', 'the download is named role-compare.html');
      const saved = readFileSync(await download.path());
      assert.ok(saved.equals(served), 'the download is the single file as served');
      assert.ok(saved.equals(readFileSync(path.join(DIST, 'role-compare.html'))), 'the download is dist/role-compare.html');
      assert.deepEqual(errors, [], `the page logged errors: ${describeErrors(errors)}`);
    } finally {
      await context.close();
    }
  });
});
