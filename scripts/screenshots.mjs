#!/usr/bin/env node
// Every picture the documentation shows, made again from the built site (`make screenshots`,
// which builds dist/ first): the example article (scripts/screenshot.mjs), the first screens of
// the widget's page and of the theme gallery (scripts/screenshot.mjs --gallery), the builder page
// (--builder), and the Hugo
// and WordPress posts and the block editor, in the real Hugo and WordPress the end-to-end tests
// run (scripts/screenshot-platforms.mjs). Then it reads every *.md file of the project and
// fails, naming them, if a .png one of them shows or links to was not written by this run: a
// picture no script makes would go stale unseen.
//
//   node scripts/screenshots.mjs [distDir]

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
// Folders that hold no documentation of the project's own.
const SKIP = new Set(['node_modules', 'target', 'dist', 'release', '.git', 'test-results']);

/** Runs `node script ...args` from the project's root, its output passed through. */
function run(script, args) {
  return new Promise((resolve, reject) => {
    console.log(`$ node ${script} ${args.join(' ')}`);
    const child = spawn(process.execPath, [path.join(root, script), ...args], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${script} ${args.join(' ')} exited with ${code}`))));
  });
}

/** The project's *.md files, outside the folders of tools and builds. */
function markdownFiles(dir = root) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...markdownFiles(full));
    else if (entry.name.endsWith('.md')) found.push(full);
  }
  return found;
}

/**
 * The .png files a Markdown file shows or links to, resolved from its folder: `![alt](x.png)`,
 * `[text](x.png)` and `<img src="x.png">`. Addresses with a scheme (https:, data:) are not ours.
 */
function pngsOf(file) {
  const text = readFileSync(file, 'utf8');
  const targets = [
    ...[...text.matchAll(/\]\(\s*<?([^)\s>]+\.png)>?(?:\s+"[^"]*")?\s*\)/gi)].map((m) => m[1]),
    ...[...text.matchAll(/<img\b[^>]*\bsrc\s*=\s*["']([^"']+\.png)["']/gi)].map((m) => m[1]),
  ];
  return targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t)).map((t) => path.resolve(path.dirname(file), decodeURI(t.split('#')[0])));
}

if (!existsSync(path.join(dist, 'embed.js'))) {
  console.error(`${path.join(dist, 'embed.js')} is missing: run make dist first (make screenshots does)`);
  process.exit(1);
}

// Whole seconds: a file system may keep modification times no finer than that.
const started = Math.floor(Date.now() / 1000) * 1000;
try {
  await run('scripts/screenshot.mjs', [dist]);
  await run('scripts/screenshot.mjs', ['--gallery', dist]);
  await run('scripts/screenshot.mjs', ['--builder', dist]);
  await run('scripts/screenshot-platforms.mjs', [dist]);
} catch (err) {
  console.error(`screenshots: ${err.message}`);
  process.exit(1);
}

const shown = new Map();
for (const md of markdownFiles()) {
  for (const png of pngsOf(md)) shown.set(png, [...(shown.get(png) ?? []), path.relative(root, md)]);
}
const stale = [...shown].filter(([png]) => !existsSync(png) || statSync(png).mtimeMs < started);
console.log(`\nscreenshots: ${shown.size} picture(s) shown in the *.md files, ${shown.size - stale.length} made by this run`);
if (stale.length > 0) {
  for (const [png, mds] of stale) {
    console.error(`  ${path.relative(root, png)} (shown in ${mds.join(', ')}): ${existsSync(png) ? 'not made by any screenshot script' : 'missing'}`);
  }
  console.error('screenshots: give each a script that makes it from the build (scripts/screenshot*.mjs), or take it out of the documentation');
  process.exit(1);
}
