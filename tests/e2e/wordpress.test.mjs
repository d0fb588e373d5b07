// The WordPress plugin (integrations/wordpress/) in a real WordPress: Debian's package (6.1.9)
// with MariaDB and PHP's built-in server, started by the test under target/e2e/ and removed
// after it (tests/e2e/support/wordpress.mjs). The plugin is assembled from the release by
// integrations/wordpress/build.sh and unzipped from its zip, as "Upload Plugin" does; WordPress
// is installed, the plugin activated and a user of the Author role added, as WP-CLI would.
// Then, in headless Chromium, as the Author (who has no unfiltered_html, so kses filters what
// they save): a post with the shortcode and a post with the block, saved through the REST API
// with the Author's cookie and nonce, as the editor saves; the block inserted and set up in the
// block editor's sidebar and published. A reader then loads each post: the widgets work and
// their options apply, embed.js, the stylesheet and the wasm load once a page with their
// integrity, nothing is logged as an error, and a post without a comparison loads nothing of
// the plugin's. PHP logs no notice from the plugin.
// Run `make dist` first, then `node --test tests/e2e/wordpress.test.mjs`.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch, watchErrors, describeErrors } from './support/browser.mjs';
import { readView, pressedFilters, assertStatusMatchesDom, toggle, waitForView } from './support/widget.mjs';
import { waitForWidgets, widget, assertArticleWidgets, assertPassedThrough } from './support/platform.mjs';
import { releaseFrom } from './support/release.mjs';
import { startWordPress, logIn, publishPost } from './support/wordpress.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');
const DIST = path.resolve(process.env.RC_DIST_DIR || path.join(ROOT, 'dist'));
const BUILD = path.join(ROOT, 'integrations', 'wordpress', 'build.sh');
const ASSETS = '/wp-content/plugins/role-compare/assets/';

// What the Author types. Each post also carries a <script>: kses must strip it (the Author has
// no unfiltered_html), while the shortcode and the block, plain text to kses, stay.
const SHORTCODE_POST = {
  title: 'Who owns technology: the CIO or the CTO?',
  content: [
    'Ask ten companies who owns technology and you get ten answers.',
    '',
    '[role-compare roles="cio,cto" focus="external"]',
    '',
    '<script>document.title = "kses let a script through"</script>',
    'Marketing has its own claim on technology, in a compact view:',
    '',
    '[role-compare roles="cmo,cio" line="top" heading-level="3" compact]',
  ].join('\n'),
};
const BLOCK_POST = {
  title: 'The CTO and the CMO, on the duties facing customers',
  content: [
    '<!-- wp:paragraph -->\n<p>Two roles that meet at the customer.</p>\n<!-- /wp:paragraph -->',
    '<!-- wp:role-compare/comparison {"roles":"cio,cto","focus":"external","headingLevel":3} /-->',
    '<!-- wp:html -->\n<script>document.title = "kses let a script through"</script>\n<!-- /wp:html -->',
  ].join('\n\n'),
};
// Options as an author may write them: camelCase (WordPress lower-cases shortcode names), a
// bare word for a flag, an option the widget does not know.
const OPTIONS_POST = {
  title: 'Options the widget does not know',
  content: '[role-compare roles="cto" headingLevel="4" compact colour="red"]',
};

let release;
let buildDir;
let wp;
let browser;
let authorContext;
let nonce;
let pluginZip;
let authoring = null;

/**
 * The Author logged in (a browser context with their cookie, and their REST nonce) and the
 * three posts published as them, once for the file: each test that needs them asks, so that
 * every test also runs on its own, in any order.
 * @returns {Promise<{shortcode, block, options}>} the saved posts (context edit).
 */
function authorsPosts() {
  authoring ??= (async () => {
    authorContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    nonce = await logIn(authorContext, wp, wp.author);
    return {
      shortcode: await publishAsAuthor(SHORTCODE_POST),
      block: await publishAsAuthor(BLOCK_POST),
      options: await publishAsAuthor(OPTIONS_POST),
    };
  })();
  return authoring;
}

const run = promisify(execFile);

/** Publishes a post as the Author through the REST API; returns the saved post (context edit). */
async function publishAsAuthor(post) {
  const { status, post: saved } = await publishPost(authorContext, wp, nonce, post);
  assert.equal(status, 201, `the Author may publish: ${JSON.stringify(saved)}`);
  return saved;
}

/**
 * Opens `url` as a reader (no cookie), records the requests for the plugin's files, mounts
 * every widget at once and waits for `widgets` of them to show duties. Runs `body`, then fails
 * on any console error.
 */
async function asReader(url, widgets, body) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const assets = [];
  page.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.startsWith(ASSETS)) assets.push(pathname.slice(ASSETS.length));
  });
  try {
    await page.goto(url);
    if (widgets > 0) await waitForWidgets(page, widgets);
    await body(page, assets);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally {
    await context.close();
  }
}

/** The page's tags for the plugin's script and stylesheet, as the browser parsed them. */
function pluginTags(page) {
  return page.evaluate((assets) => {
    const attrs = (el) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value]));
    return {
      scripts: [...document.querySelectorAll('script[src]')].filter((s) => s.src.includes(assets)).map(attrs),
      styles: [...document.querySelectorAll('link[rel="stylesheet"]')].filter((l) => l.href.includes(assets)).map(attrs),
      styleInHead: !!document.head.querySelector(`link[rel="stylesheet"][href*="${assets}"]`),
    };
  }, ASSETS);
}

/** Each of the release's files was requested once (the wasm once for every widget). */
function assertLoadedOnce(assets) {
  const { files } = release.manifest;
  for (const key of ['embed', 'css', 'glue', 'wasm']) {
    const n = assets.filter((a) => a === files[key].path).length;
    assert.equal(n, 1, `${files[key].path} requested once (requests: ${assets.join(', ')})`);
  }
}

function assertTagsCarryIntegrity(tags) {
  const { files } = release.manifest;
  assert.equal(tags.scripts.length, 1, 'one script tag for embed.js');
  assert.equal(tags.scripts[0].type, 'module', 'embed.js is loaded as a module');
  assert.equal(tags.scripts[0].integrity, files.embed.integrity, "embed.js carries the release's integrity");
  assert.equal(tags.scripts[0].crossorigin, 'anonymous');
  assert.equal(tags.styles.length, 1, 'one stylesheet link (embed.js adds none)');
  assert.equal(tags.styles[0].integrity, files.css.integrity, "the stylesheet carries the release's integrity");
  assert.equal(tags.styles[0].crossorigin, 'anonymous');
}

describe('WordPress plugin', { timeout: 150_000 }, () => {
  before(async () => {
    if (!existsSync(path.join(DIST, 'embed.js'))) throw new Error(`${DIST}/embed.js is missing: run make dist first`);
    release = await releaseFrom(DIST);
    await mkdir(path.join(ROOT, 'target', 'e2e'), { recursive: true });
    buildDir = await mkdtemp(path.join(ROOT, 'target', 'e2e', 'wordpress-plugin-'));
    const { stdout } = await run(BUILD, [release.dir, buildDir]);
    pluginZip = stdout.trim().split('\n').pop();
    wp = await startWordPress({ pluginZip });
    browser = await launch();
  });

  after(async () => {
    await authorContext?.close();
    await browser?.close();
    await wp?.stop();
    if (buildDir) await rm(buildDir, { recursive: true, force: true });
    await release?.cleanup();
  });

  test('the plugin installs from its zip and activates; the Author may publish but not post unfiltered HTML', () => {
    assert.equal(path.basename(pluginZip), `role-compare-${release.manifest.version}.zip`);
    assert.equal(wp.facts.wordpressVersion, '6.1.9', "Debian's WordPress");
    assert.equal(wp.facts.pluginActive, true, 'the plugin is active');
    assert.deepEqual(wp.facts.authorRoles, ['author']);
    assert.equal(wp.facts.authorPublishPosts, true, 'an Author may publish');
    assert.equal(wp.facts.authorUnfilteredHtml, false, 'an Author has no unfiltered_html: kses filters their posts');
  });

  test("a refused login says why, in WordPress's words (what the Author's login would say)", async () => {
    const context = await browser.newContext();
    try {
      await assert.rejects(logIn(context, wp, { login: wp.author.login, password: 'not-the-password' }), /alex was not logged in: HTTP 200, .*incorrect/i);
    } finally {
      await context.close();
    }
  });

  test('as the Author, a post with the shortcode and a post with the block are saved; kses strips the scripts only', async () => {
    const published = await authorsPosts();
    for (const [what, post] of Object.entries({ shortcode: published.shortcode, block: published.block })) {
      assert.equal(post.status, 'publish', `${what} post published`);
      assert.doesNotMatch(post.content.raw, /<script/i, `kses removed the ${what} post's <script>: the Author's saves are filtered`);
    }
    assert.match(published.shortcode.content.raw, /\[role-compare roles="cio,cto" focus="external"\]/, 'the first shortcode is kept');
    assert.match(published.shortcode.content.raw, /\[role-compare roles="cmo,cio" line="top" heading-level="3" compact\]/, 'the second too');
    assert.match(
      published.block.content.raw,
      /<!-- wp:role-compare\/comparison \{"roles":"cio,cto","focus":"external","headingLevel":3\} \/-->/,
      'the block is kept, attributes and all',
    );
  });

  test('a reader sees the shortcode post: two widgets with their options, one script, one wasm', async () => {
    const published = await authorsPosts();
    await asReader(published.shortcode.link, 2, async (page, assets) => {
      await assertArticleWidgets(page);
      assert.notEqual(await page.title(), 'kses let a script through', "the Author's script did not run");
      const tags = await pluginTags(page);
      assertTagsCarryIntegrity(tags);
      assert.ok(tags.styleInHead, 'the stylesheet is in <head> (the plugin saw the shortcode before the page was written)');
      assertLoadedOnce(assets);
    });
  });

  test('a reader sees the block post: the widget with the block options, rendered as the shortcode is', async () => {
    const published = await authorsPosts();
    await asReader(published.block.link, 1, async (page, assets) => {
      const W = widget(1);
      const view = await readView(page, { within: W });
      assert.deepEqual(view.roles, ['cio', 'cto'], 'roles from the block');
      assert.deepEqual(pressedFilters(view), ['focus:external'], 'focus from the block');
      assert.equal(await page.locator(`${W} .rc h3.rc-role-title`).count(), 2, 'headingLevel 3 from the block');
      assert.equal(view.notice, null, 'no notice');
      assert.equal(await page.locator(`${W}.wp-block-role-compare-comparison`).count(), 1, "the block's wrapper class is on the embed element");
      await toggle(page, 'focus:internal', { within: W });
      await waitForView(
        page,
        'both focuses pressed',
        `document.querySelectorAll('${W} .rc button[data-filter^="focus:"][aria-pressed="true"]').length === 2`,
        { within: W },
      );
      assertStatusMatchesDom(await readView(page, { within: W }), 'after the click: ');
      assertTagsCarryIntegrity(await pluginTags(page));
      assertLoadedOnce(assets);
    });
  });

  test('shortcode options pass through: camelCase and flags as the widget reads them, an unknown one named in the notice', async () => {
    const published = await authorsPosts();
    await asReader(published.options.link, 1, (page) =>
      assertPassedThrough(page, ['data-role-compare=', 'data-roles=cto', 'data-heading-level=4', 'data-compact=', 'data-colour=red']),
    );
  });

  test('a post without a comparison loads nothing of the plugin', async () => {
    // "Hello world!", the post wp_install() writes.
    await asReader(wp.url + '?p=1', 0, async (page, assets) => {
      assert.match(await page.locator('h1, h2').first().innerText(), /Hello world/i);
      assert.deepEqual(assets, [], 'no request for the plugin files');
      assert.equal(await page.locator('[data-role-compare]').count(), 0);
    });
  });

  test('in the block editor, the Author inserts "Role comparison", sets it up in its sidebar, sees it follow, and publishes', async () => {
    await authorsPosts();
    const page = await authorContext.newPage();
    const errors = watchErrors(page);
    try {
      await page.goto(wp.url + 'wp-admin/post-new.php');
      const title = page.locator('.editor-post-title__input, [aria-label="Add title"]').first();
      await title.waitFor();
      await title.fill('Chosen in the sidebar');

      await page.locator('button[aria-label="Toggle block inserter"]').click();
      await page.locator('.block-editor-inserter__search input, input[type="search"]').first().fill('Role comparison');
      await page.locator('.block-editor-block-types-list__item', { hasText: 'Role comparison' }).click();
      // The block shows the widget itself, with its defaults.
      const preview = '[data-type="role-compare/comparison"] .role-compare-preview';
      await page.locator(`${preview} .rc-mount [data-duty]`).first().waitFor();
      assert.deepEqual((await readView(page, { within: preview })).roles, ['cio', 'cto', 'cmo'], 'the preview shows the default roles');

      // The block's options, in the sidebar: close the inserter, open Settings (its Block tab
      // shows the selected block).
      await page.locator('button[aria-label="Toggle block inserter"]').click();
      const settings = page.locator('.edit-post-header button[aria-label="Settings"]');
      if ((await settings.getAttribute('aria-pressed')) !== 'true') await settings.click();
      const sidebar = page.locator('.interface-complementary-area');
      await sidebar.waitFor();
      for (const label of ['Roles', 'Focus', 'Financial line', 'Topics', 'Overlap', 'Search text', 'Layout', 'Theme', 'Compact', 'Heading level', 'Controls shown']) {
        assert.equal(await sidebar.getByLabel(label, { exact: true }).count(), 1, `the sidebar has "${label}"`);
      }
      await sidebar.getByLabel('Roles', { exact: true }).fill('cto,cmo');
      await sidebar.getByLabel('Focus', { exact: true }).selectOption('internal');
      await sidebar.getByLabel('Heading level', { exact: true }).selectOption('4');
      // The preview follows the options.
      await waitForView(
        page,
        'the preview to show the CTO and the CMO, internal duties, h4 headings',
        `(() => {
          const root = document.querySelector(${JSON.stringify(preview)});
          const roles = [...root.querySelectorAll('.rc [data-role]')].map((c) => c.dataset.role).join();
          return roles === 'cto,cmo'
            && root.querySelector('.rc button[data-filter="focus:internal"]')?.getAttribute('aria-pressed') === 'true'
            && root.querySelectorAll('.rc h4.rc-role-title').length === 2;
        })()`,
        { within: preview },
      );

      await page.locator('.editor-post-publish-panel__toggle').click();
      await page.locator('.editor-post-publish-panel__header-publish-button button').click();
      const link = await page.locator('.post-publish-panel__postpublish-header a').first().getAttribute('href');
      assert.ok(link, 'the post is published, with a link');
      // WordPress 6.1's own, with or without the plugin: the editor asks core's REST API for what
      // an Author may not read (the theme's template, the site settings, categories in the edit
      // context) and logs each 403. Every other error counts.
      const theirs = /status of 403 \(Forbidden\) \(http:\/\/127\.0\.0\.1:\d+\/index\.php\?rest_route=%2Fwp%2Fv2%2F(templates|settings|categories)\b/;
      const ours = errors.filter((e) => !theirs.test(e));
      assert.deepEqual(ours, [], describeErrors(ours));

      await asReader(link, 1, async (reader) => {
        const view = await readView(reader, { within: widget(1) });
        assert.deepEqual(view.roles, ['cto', 'cmo'], 'the roles set in the sidebar');
        assert.deepEqual(pressedFilters(view), ['focus:internal'], 'the focus set in the sidebar');
        assert.equal(await reader.locator('.rc h4.rc-role-title').count(), 2, 'the heading level set in the sidebar');
      });
    } finally {
      await page.close();
    }
  });

  test('PHP logged no notice from the plugin', async () => {
    // The plugin's PHP has run: the posts saved, and each rendered for a reader.
    const published = await authorsPosts();
    for (const post of Object.values(published)) {
      const response = await fetch(post.link);
      assert.equal(response.status, 200, `${post.link} renders`);
      await response.text();
    }
    const lines = (await wp.phpLog()).split('\n').filter((l) => l.includes('plugins/role-compare'));
    assert.deepEqual(lines, [], 'the PHP error log names no file of the plugin');
  });
});
