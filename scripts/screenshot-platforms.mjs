#!/usr/bin/env node
// Screenshots of the integrations in their real platforms, for docs/publishing.md, made the way
// their end-to-end tests run them (tests/e2e/support/): headless Chromium, with the tests' flags.
// Fails (exit 1) if a page throws or logs a console error (but WordPress's own 403s in the
// editor, as in tests/e2e/wordpress.test.mjs).
//
//   node scripts/screenshot-platforms.mjs [distDir]
//
// docs/hugo-post.png               the Hugo test site's post with its two shortcodes, built by
//                                  Hugo 0.168.0 (scripts/setup.sh), the release on another origin
// docs/wordpress-post.png          a WordPress 6.1 post (Twenty Twenty-Three) with the block,
//                                  published by an Author, as a reader sees it
// docs/wordpress-block-sidebar.png the block editor, as that Author, the block selected and its
//                                  options in the sidebar
// Each page at 1000 px wide, from the top down to the widget's first duties; the editor at
// 1280 × 1560, tall enough for the sidebar's two open panels.

import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from '../tests/e2e/support/server.mjs';
import { launch, watchErrors, describeErrors, mountAllNow } from '../tests/e2e/support/browser.mjs';
import { releaseFrom } from '../tests/e2e/support/release.mjs';
import { buildHugoSite } from '../tests/e2e/support/hugo.mjs';
import { startWordPress, logIn, publishPost } from '../tests/e2e/support/wordpress.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const docs = path.join(root, 'docs');
const WIDTH = 1000;
const MAX_HEIGHT = 1800;
const EDITOR_HEIGHT = 1560;
// WordPress's own console errors in the editor (see tests/e2e/wordpress.test.mjs).
const WORDPRESS_OWN = /status of 403 \(Forbidden\) \(http:\/\/127\.0\.0\.1:\d+\/index\.php\?rest_route=%2Fwp%2Fv2%2F(templates|settings|categories)\b/;

if (!existsSync(path.join(dist, 'embed.js'))) {
  console.error(`${path.join(dist, 'embed.js')} is missing: run make dist first`);
  process.exit(1);
}

/** Waits for every widget of the page, then shoots from the top to a little past them. */
async function shootArticle(page, file) {
  await mountAllNow(page);
  await page.waitForFunction(() => {
    const hosts = [...document.querySelectorAll('[data-role-compare]')];
    return hosts.length > 0 && hosts.every((h) => h.querySelector('.rc-mount:not([data-prerendered]) [data-duty]'));
  });
  await page.evaluate(() => document.fonts.ready);
  // Down to a few of the first widget's duties.
  const duty = await page.locator('[data-role-compare] [data-duty]:not([hidden])').first().boundingBox();
  const height = Math.min(MAX_HEIGHT, Math.ceil(duty.y + 360));
  await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: WIDTH, height } });
  console.log(`wrote ${path.relative(root, file)} (${WIDTH}×${height})`);
}

const release = await releaseFrom(dist);
const browser = await launch();
const cleanups = [() => release.cleanup(), () => browser.close()];
let failed = false;
try {
  await mkdir(docs, { recursive: true });

  // Hugo.
  const widgetServer = await serve(release.dir, { cors: true });
  cleanups.unshift(() => widgetServer.close());
  const site = await buildHugoSite({ releaseDir: release.dir, base: widgetServer.url });
  cleanups.unshift(() => site.cleanup());
  const siteServer = await serve(site.publicDir);
  cleanups.unshift(() => siteServer.close());
  {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 800 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(siteServer.url + 'posts/who-owns-technology/');
    await shootArticle(page, path.join(docs, 'hugo-post.png'));
    if (errors.length) throw new Error(`the Hugo page: ${describeErrors(errors)}`);
    await context.close();
  }

  // WordPress.
  const buildDir = await mkdtemp(path.join(root, 'target', 'e2e', 'wordpress-plugin-'));
  cleanups.unshift(() => rm(buildDir, { recursive: true, force: true }));
  const { stdout } = await promisify(execFile)(path.join(root, 'integrations', 'wordpress', 'build.sh'), [release.dir, buildDir]);
  const wp = await startWordPress({ pluginZip: stdout.trim().split('\n').pop() });
  cleanups.unshift(() => wp.stop());
  const author = await browser.newContext({ viewport: { width: 1280, height: EDITOR_HEIGHT }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const nonce = await logIn(author, wp, wp.author);
  const { status, post } = await publishPost(author, wp, nonce, {
    title: 'Who owns technology?',
    content: [
      '<!-- wp:paragraph -->\n<p>Ask ten companies who owns technology and you get ten answers. Here are the three usual candidates, side by side, on the duties that face customers and the market.</p>\n<!-- /wp:paragraph -->',
      '<!-- wp:role-compare/comparison {"focus":"external","align":"wide"} /-->',
    ].join('\n\n'),
  });
  if (status !== 201) throw new Error(`publishing as the Author: HTTP ${status} ${JSON.stringify(post)}`);
  {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 800 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(post.link);
    await shootArticle(page, path.join(docs, 'wordpress-post.png'));
    if (errors.length) throw new Error(`the WordPress post: ${describeErrors(errors)}`);
    await context.close();
  }
  {
    const page = await author.newPage();
    const errors = watchErrors(page);
    await page.goto(`${wp.url}wp-admin/post.php?post=${post.id}&action=edit`);
    const block = page.locator('[data-type="role-compare/comparison"]');
    await block.locator('.rc-mount [data-duty]:not([hidden])').first().waitFor();
    await block.click();
    const settings = page.locator('.edit-post-header button[aria-label="Settings"]');
    if ((await settings.getAttribute('aria-pressed')) !== 'true') await settings.click();
    await page.locator('.interface-complementary-area').getByLabel('Focus', { exact: true }).waitFor();
    // Selecting the block scrolled the post to it: back to the title.
    await page.locator('.interface-interface-skeleton__content').evaluate((el) => el.scrollTo(0, 0));
    const file = path.join(docs, 'wordpress-block-sidebar.png');
    await page.screenshot({ path: file });
    console.log(`wrote ${path.relative(root, file)} (1280×${EDITOR_HEIGHT}, both panels of options in view)`);
    const ours = errors.filter((e) => !WORDPRESS_OWN.test(e));
    if (ours.length) throw new Error(`the block editor: ${describeErrors(ours)}`);
  }
  await author.close();
} catch (err) {
  failed = true;
  console.error(err.stack || err);
} finally {
  for (const cleanup of cleanups) await cleanup().catch((e) => console.error(e));
}
process.exit(failed ? 1 : 0);
