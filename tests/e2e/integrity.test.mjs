// End-to-end tests of the integrity checks of embed.js in headless Chromium: the widget's glue
// and wasm are checked against the hashes the build wrote into embed.js before any of them runs.
// A server that hands out a changed glue or wasm (the widget origin's `transform`) gets the
// widget's error box, "role-compare: … failed its integrity check", and nothing of the changed
// file runs; the files as built load under the strict cross-origin CSP with the glue fetched
// once (the checked fetch is the one that runs); and the Chromium behaviour that made embed.js
// wait for the preload's verdict before importing is pinned down.
// Run `make dist` first, then `node --test --test-concurrency=1 tests/e2e/integrity.test.mjs`.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from './support/server.mjs';
import { launch, watchErrors, describeErrors } from './support/browser.mjs';
import { readView } from './support/widget.mjs';
import { readRelease } from './support/release.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(process.env.RC_DIST_DIR || path.join(here, '..', '..', 'dist'));
const RELEASE = readRelease(DIST);
const DESKTOP = { width: 1280, height: 900 };
/** The policy docs/embedding.md gives a blog on another origin than the widget (robust.test.mjs
 * too). */
const crossOriginCsp = (widget) =>
  `default-src 'self'; script-src 'self' ${widget} 'wasm-unsafe-eval'; style-src 'self' ${widget}; ` +
  `connect-src 'self' ${widget}; frame-src ${widget}; img-src 'self' data:`;

let browser;
let dir;

/** What a dishonest or broken host might serve instead: the same file, a little changed. */
const TAMPER = {
  // A glue that announces itself when run.
  glue: (body) => Buffer.concat([Buffer.from('globalThis.__rcTamperedGlueRan = true;\n'), body]),
  // A wasm that is still valid: one custom section more.
  wasm: (body) => Buffer.concat([body, Buffer.from([0, 9, 8, ...Buffer.from('tampered')])]),
};

/** dist/ on its own origin with CORS; `which` file (glue or wasm) changed; counts requests. */
async function widgetOrigin(which) {
  const requests = [];
  const server = await serve(DIST, {
    cors: true,
    transform: ({ pathname, body }) => {
      requests.push(pathname);
      if (which && pathname === `/${RELEASE.files[which].path}`) return TAMPER[which](body);
      return undefined;
    },
  });
  return { server, requests };
}

/** An article on another origin with one widget (a pre-rendered one with `snippet`). */
async function articleOrigin(widget, { csp = false } = {}) {
  const snippet = readFileSync(path.join(DIST, 'snippet.html'), 'utf8');
  const view = /<!--rc-prerendered-->[\s\S]*<!--\/rc-prerendered-->/.exec(snippet)[0];
  writeFileSync(
    path.join(dir, 'article.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title>
<script type="module" src="${widget.url}embed.js"></script></head>
<body><main><h1>An article</h1>
<div id="plain" data-role-compare data-roles="cio,cto"></div>
<div id="pre" data-role-compare>${view}</div>
</main></body></html>`,
  );
  return serve(dir, { headers: csp ? (p) => (p.endsWith('.html') ? { 'Content-Security-Policy': crossOriginCsp(widget.origin) } : {}) : undefined });
}

/**
 * Opens the article, mounts its widgets at once and waits until those mounts have settled (the
 * promise of `RoleCompare.mountAll()`), every request the page made has had its answer, and two
 * frames have passed: whatever the loader set off on the way (an import() of a refused glue,
 * say) has been asked for and has had its chance to run. (Not the network's "idle": embed.js
 * never reads the body of the fetch that tells a refused file from a missing one, so that
 * request stays open.) Returns the page, its error list, its own
 * response (for its headers) and the requests it made, with Playwright's resource type
 * ("script" for a module fetched to run, "fetch" for a fetch()).
 *
 * Every WebAssembly module the page compiles or instantiates is counted in
 * `window.__rcWasmCompiled`, by wrappers put in before any script of the page runs.
 */
async function open(url) {
  const context = await browser.newContext({ viewport: DESKTOP });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    window.__rcWasmCompiled = 0;
    for (const name of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      if (typeof original !== 'function') continue;
      WebAssembly[name] = function (...args) {
        window.__rcWasmCompiled += 1;
        return original.apply(this, args);
      };
    }
    WebAssembly.Module = new Proxy(WebAssembly.Module, {
      construct(target, args, newTarget) {
        window.__rcWasmCompiled += 1;
        return Reflect.construct(target, args, newTarget);
      },
    });
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const requests = [];
  const unanswered = new Set();
  let allAnswered = () => {};
  const answered = (request) => {
    unanswered.delete(request);
    if (unanswered.size === 0) allAnswered();
  };
  page.on('request', (r) => {
    requests.push({ path: new URL(r.url()).pathname, type: r.resourceType() });
    unanswered.add(r);
  });
  page.on('response', (r) => answered(r.request()));
  page.on('requestfailed', answered);
  const response = await page.goto(url);
  await page.waitForFunction(() => typeof window.RoleCompare?.mountAll === 'function');
  await page.evaluate(() => window.RoleCompare.mountAll());
  if (unanswered.size > 0) await new Promise((resolve) => (allAnswered = resolve));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return { context, page, errors, response, requests };
}

/** Escapes `text` for a RegExp. */
const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('integrity of the glue and the wasm', { skip: !RELEASE && 'dist/ is missing: make dist' }, () => {
  before(async () => {
    browser = await launch();
    dir = mkdtempSync(path.join(os.tmpdir(), 'rc-integrity-'));
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the hashes in embed.js and release.json are those of the files built', () => {
    const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(path.join(DIST, file))).digest('base64')}`;
    for (const [key, file] of Object.entries(RELEASE.files)) {
      assert.equal(file.integrity, sri(file.path), `release.json: ${key}`);
      assert.equal(sri(`v${RELEASE.version}/${file.path}`), file.integrity, `v${RELEASE.version}/${file.path} is the same file`);
    }
    const embed = readFileSync(path.join(DIST, 'embed.js'), 'utf8');
    for (const key of ['glue', 'wasm', 'css']) {
      assert.ok(embed.includes(JSON.stringify(RELEASE.files[key].integrity)), `embed.js holds the ${key}'s hash`);
      assert.match(RELEASE.files[key].path, /^role-compare(_bg)?\.[0-9a-f]{12}\.(js|wasm|css)$/, `the ${key} is named after its contents`);
    }
  });

  for (const which of ['glue', 'wasm']) {
    test(`a changed ${which} is refused: the widget says so, and nothing of it runs`, async () => {
      const { server, requests } = await widgetOrigin(which);
      const blog = await articleOrigin(server);
      const { context, page, errors, requests: seen } = await open(blog.url + 'article.html');
      try {
        const path = literal(RELEASE.files[which].path);
        const box = page.locator('#plain > .rc-load-failed');
        await box.waitFor({ timeout: 15_000 });
        assert.equal(await box.getAttribute('role'), 'alert');
        assert.match(await box.textContent(), new RegExp(`^role-compare: ${path} failed its integrity check \\(it is not the file release ${RELEASE.version.replaceAll('.', '\\.')} was built with\\), so it was not run\\.$`));
        // The pre-rendered widget keeps its duties, and says why its filters are missing.
        const note = page.locator('#pre > .rc-load-failed');
        await note.waitFor({ timeout: 15_000 });
        assert.match(await note.textContent(), new RegExp(`^role-compare: ${path} failed its integrity check .*; the duties below are all shown, without their filters\\.$`));
        assert.ok((await readView(page, { within: '#pre' })).duties.length > 0, 'the pre-rendered duties stay');
        // Checked once the mounts have settled and every request has had its answer (open()):
        // nothing of the changed file ran, nor is on its way.
        assert.equal(await page.locator('.rc-mount:not([data-prerendered])').count(), 0, 'no live widget anywhere');
        assert.equal(await page.evaluate(() => globalThis.__rcTamperedGlueRan ?? false), false, 'the changed glue never ran');
        assert.equal(await page.evaluate(() => window.__rcWasmCompiled), 0, 'no wasm was compiled: neither the changed one nor, without its glue, the one as built');
        assert.ok(requests.includes(`/${RELEASE.files[which].path}`), `the ${which} was asked for`);
        // The glue is fetched to run once, by the checked preload: an import() after it would
        // fetch it again, unchecked (Chromium, as the last test here shows).
        const glueScripts = seen.filter((r) => r.path === `/${RELEASE.files.glue.path}` && r.type === 'script');
        assert.equal(glueScripts.length, 1, `the glue fetched to run once: ${JSON.stringify(seen)}`);
        // The only errors: the browser's refusal of the changed file and the widget's own line
        // for each of its two widgets. Anything else (a panic of the widget, say) is a failure.
        const url = literal(`${server.url}${RELEASE.files[which].path}`);
        // Chromium's refusal of the changed file (and, for the wasm's fetch(), the Fetch API's).
        const refused = new RegExp(`^console\\.error: Failed to find a valid digest in the 'integrity' attribute for resource '${url}' with computed SHA-384 integrity '[^']+'\\. The resource has been blocked\\.`);
        const fetchRefused = new RegExp(`^console\\.error: Fetch API cannot load ${url}\\. SRI's integrity checks failed\\.`);
        // The loader logs its error object (of a class whose name the minifier shortened).
        const said = new RegExp(`^console\\.error: role-compare: \\S+: role-compare: ${path} failed its integrity check \\(it is not the file release [^)]+ was built with\\), so it was not run`);
        const expected = which === 'wasm' ? [refused, fetchRefused, said] : [refused, said];
        const other = errors.filter((e) => !expected.some((re) => re.test(e)));
        assert.deepEqual(other, [], describeErrors(other));
        assert.equal(errors.filter((e) => said.test(e)).length, 2, `the console says so, once a widget: ${describeErrors(errors)}`);
        assert.ok(errors.some((e) => refused.test(e)), `Chromium refused the changed file: ${describeErrors(errors)}`);
      } finally {
        await context.close();
        await blog.close();
        await server.close();
      }
    });
  }

  test('the files as built load under the strict cross-origin CSP, the glue fetched once', async () => {
    const { server, requests } = await widgetOrigin(null);
    const blog = await articleOrigin(server, { csp: true });
    const { context, page, errors, response } = await open(blog.url + 'article.html');
    try {
      // No violation means something only if the page came with the policy.
      assert.equal(response.headers()['content-security-policy'], crossOriginCsp(server.origin), 'the article is served with the policy');
      for (const id of ['#plain', '#pre']) {
        await page.locator(`${id} > .rc-mount:not([data-prerendered]) [data-duty]`).first().waitFor({ state: 'attached', timeout: 15_000 });
      }
      assert.deepEqual((await readView(page, { within: '#plain' })).roles, ['cio', 'cto']);
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation');
      // The counter that the refusal tests read sees the wasm as built compiled: it can fail.
      assert.equal(await page.evaluate(() => window.__rcWasmCompiled), 1, 'the wasm compiled once, for both widgets');
      assert.deepEqual(errors, [], describeErrors(errors));
      // The checked preload's fetch is the module import() runs: no second, unchecked fetch.
      for (const key of ['glue', 'wasm']) {
        assert.equal(requests.filter((p) => p === `/${RELEASE.files[key].path}`).length, 1, `the ${key} is fetched once`);
      }
    } finally {
      await context.close();
      await blog.close();
      await server.close();
    }
  });

  test('Chromium: an import() after a modulepreload that failed its check fetches the module again, unchecked, and runs it (why embed.js imports only after "load")', async () => {
    const site = mkdtempSync(path.join(os.tmpdir(), 'rc-preload-'));
    writeFileSync(path.join(site, 'module.js'), 'globalThis.__ran = (globalThis.__ran ?? 0) + 1;\n');
    writeFileSync(
      path.join(site, 'loader.js'),
      `const url = new URL('./module.js', import.meta.url).href;
const link = Object.assign(document.createElement('link'), { rel: 'modulepreload', href: url, integrity: 'sha384-${'A'.repeat(64)}' });
const verdict = new Promise((resolve) => { link.onload = () => resolve('load'); link.onerror = () => resolve('error'); });
document.head.append(link);
window.__verdict = await verdict;
await import(url).then(() => (window.__imported = true), () => (window.__imported = false));
`,
    );
    writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>preload</title><script type="module" src="./loader.js"></script>');
    const requests = [];
    const server = await serve(site, { transform: ({ pathname }) => void requests.push(pathname) });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForFunction(() => window.__imported !== undefined);
      const seen = await page.evaluate(() => ({ verdict: window.__verdict, imported: window.__imported, ran: window.__ran ?? 0 }));
      assert.deepEqual(seen, { verdict: 'error', imported: true, ran: 1 }, 'the preload failed, yet the import ran the module');
      assert.equal(requests.filter((p) => p === '/module.js').length, 2, 'fetched twice: checked, then not');
    } finally {
      await context.close();
      await server.close();
      rmSync(site, { recursive: true, force: true });
    }
  });
});
