// A real WordPress for the plugin's tests, started and removed by the test itself: Debian's
// `wordpress` package (6.1, in /usr/share/wordpress), MariaDB and PHP, all installed by
// scripts/setup.sh. Everything of one run lives in target/e2e/wordpress-XXXXXX/: a copy of
// WordPress (under a second) with a wp-config.php of our own (Debian's reads /etc/wordpress, which the
// tests leave alone), a MariaDB data directory and socket (no TCP port), PHP's built-in server on
// 127.0.0.1, the plugin unzipped into wp-content/plugins as "Upload Plugin" would, and the logs.
// The site is installed by tests/e2e/hosts/wordpress/setup-site.php (what WP-CLI does).

import { spawn, execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const WORDPRESS = process.env.RC_WORDPRESS_DIR || '/usr/share/wordpress';
const MARIADBD = '/usr/sbin/mariadbd';
const SETUP_SITE = path.join(ROOT, 'tests', 'e2e', 'hosts', 'wordpress', 'setup-site.php');
const run = promisify(execFile);

const secret = () => randomBytes(18).toString('base64url');

/**
 * Starts a WordPress with the plugin in `pluginZip` installed and active, and an Author.
 * @param {{pluginZip: string, title?: string}} options
 * @returns {Promise<WordPress>}
 *
 * @typedef {object} WordPress
 * @property {string} url        the site's address, ending in "/"
 * @property {{login: string, password: string}} admin
 * @property {{login: string, password: string, id: number}} author a user of the Author role
 * @property {object} facts      what setup-site.php reported (pluginActive, authorUnfilteredHtml, …)
 * @property {string} dir        the run's folder
 * @property {() => Promise<string>} phpLog PHP's error log of the run so far (WP_DEBUG is on)
 * @property {() => Promise<void>} stop stops PHP and MariaDB and removes the folder
 */
export async function startWordPress({ pluginZip, title = 'Notes on technology leadership' }) {
  for (const need of [path.join(WORDPRESS, 'wp-settings.php'), MARIADBD]) {
    if (!existsSync(need)) throw new Error(`${need} is missing: run scripts/setup.sh (it installs wordpress, mariadb-server, php-cli, php-mysql)`);
  }
  const parent = path.join(ROOT, 'target', 'e2e');
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, 'wordpress-'));
  const children = [];
  // If the test process ends without stop() (an interrupted run), the servers end with it.
  const onExit = () => {
    for (const { child, group } of children) {
      try {
        process.kill(group ? -child.pid : child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  process.once('exit', onExit);
  const stop = async () => {
    process.off('exit', onExit);
    // PHP first (it holds connections), then MariaDB, which shuts down cleanly on SIGTERM.
    for (const { child, group } of children.reverse()) await stopChild(child, group);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    // WordPress itself, as Debian ships it. Debian replaces some bundled libraries (underscore,
    // getID3, …) with relative symlinks into /usr/share: -L copies what they point at.
    const root = path.join(dir, 'root');
    await run('cp', ['-R', '-L', WORDPRESS, root]);
    await run('unzip', ['-q', pluginZip, '-d', path.join(root, 'wp-content', 'plugins')]);

    // MariaDB on a socket of its own.
    const data = path.join(dir, 'db');
    const socket = path.join(dir, 'mysqld.sock');
    const user = os.userInfo().username;
    await run('mariadb-install-db', ['--no-defaults', `--datadir=${data}`, `--user=${user}`, '--auth-root-authentication-method=socket', '--skip-test-db']);
    const mariadb = spawn(
      MARIADBD,
      ['--no-defaults', `--datadir=${data}`, `--socket=${socket}`, '--skip-networking', `--user=${user}`, '--skip-log-bin', '--innodb-buffer-pool-size=32M'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    children.push({ child: mariadb, group: false });
    await waitForOutput(mariadb, /ready for connections/, 'MariaDB');
    const db = { name: 'wordpress', user: 'wordpress', password: secret() };
    await run('mariadb', [
      '--no-defaults',
      `--socket=${socket}`,
      '-u',
      user,
      '-e',
      `CREATE DATABASE ${db.name}; CREATE USER '${db.user}'@'localhost' IDENTIFIED BY '${db.password}'; GRANT ALL ON ${db.name}.* TO '${db.user}'@'localhost';`,
    ]);

    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const phpLog = path.join(dir, 'php-errors.log');
    await writeFile(path.join(root, 'wp-config.php'), wpConfig({ db, socket, url, phpLog }));

    const admin = { login: 'editor-in-chief', password: secret(), email: 'admin@example.org' };
    const author = { login: 'alex', password: secret(), email: 'alex@example.org' };
    const php = ['-d', 'display_errors=0', '-d', 'log_errors=1', '-d', `error_log=${phpLog}`];
    await runPhp([...php, SETUP_SITE, root, 'install'], { title, admin });
    const facts = await runPhp([...php, SETUP_SITE, root, 'configure'], { plugin: 'role-compare/role-compare.php', author });

    // PHP's built-in server, with workers: the block editor sends requests side by side. In a
    // process group of its own, since the workers outlive a signal to the server alone.
    const server = spawn('php', [...php, '-S', `127.0.0.1:${port}`, '-t', root], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
      detached: true,
    });
    children.push({ child: server, group: true });
    await waitForOutput(server, /Development Server \(.*\) started/, 'PHP');

    return {
      url,
      admin,
      author: { ...author, id: facts.authorId },
      facts,
      dir,
      phpLog: async () => (existsSync(phpLog) ? readFile(phpLog, 'utf8') : ''),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

function wpConfig({ db, socket, url, phpLog }) {
  const salts = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
    .map((k) => `define('${k}', '${secret()}');`)
    .join('\n');
  const site = url.replace(/\/$/, '');
  return `<?php
// Written by tests/e2e/support/wordpress.mjs for one test run.
define('DB_NAME', '${db.name}');
define('DB_USER', '${db.user}');
define('DB_PASSWORD', '${db.password}');
define('DB_HOST', 'localhost:${socket}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
${salts}
$table_prefix = 'wp_';
define('WP_HOME', '${site}');
define('WP_SITEURL', '${site}');
// Notices go to the log the test reads, never into the page.
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '${phpLog}');
// No network here: WordPress asks nothing of wordpress.org, and cron spawns no request.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`;
}

async function runPhp(args, input) {
  const child = spawn('php', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  child.stdin.end(JSON.stringify(input));
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`php ${args.slice(-2).join(' ')} exited with ${code}:\n${err}${out}`);
  const line = out.trim().split('\n').pop();
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`php ${args.slice(-2).join(' ')} printed no JSON:\n${out}${err}`);
  }
}

/** Resolves when the child's stderr matches `pattern`; rejects if it exits first. */
function waitForOutput(child, pattern, what, timeout = 30_000) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => done(new Error(`${what} did not start within ${timeout} ms:\n${seen}`)), timeout);
    const onData = (d) => {
      seen += d;
      if (pattern.test(seen)) done();
    };
    const onExit = (code) => done(new Error(`${what} exited (${code}) before it was ready:\n${seen}`));
    function done(error) {
      clearTimeout(timer);
      child.stderr.off('data', onData);
      child.off('exit', onExit);
      // Keep reading, or the child blocks once the pipe is full.
      child.stderr.resume();
      error ? reject(error) : resolve();
    }
    child.stderr.on('data', onData);
    child.on('exit', onExit);
  });
}

/** Ends a child this module started, or with `group` the process group it leads. */
function stopChild(child, group) {
  const signal = (name) => {
    try {
      // A detached child leads a group of its own: its pid, negated, names the group.
      process.kill(group ? -child.pid : child.pid, name);
    } catch {
      // Already gone.
    }
  };
  const closed = new Promise((resolve) => (child.stderr ? child.stderr.once('close', resolve) : resolve()));
  const exited =
    child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
  const timer = setTimeout(() => signal('SIGKILL'), 15_000);
  signal('SIGTERM');
  // The pipe closes once every process of the group that held it has gone.
  return Promise.all([exited, closed]).finally(() => clearTimeout(timer));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Logs `user` in, in the browser `context` (its cookies then act as that user); returns the REST
 * nonce of the session, what the block editor's apiFetch sends as X-WP-Nonce.
 *
 * The login form is posted by the context's own request client, which shares its cookies,
 * rather than typed into the page and followed to the dashboard: one suite run in about forty
 * timed out waiting for the dashboard after the click (the page still at wp-login.php after
 * 30 s), which a reader of the plugin never meets and the form's page cannot say the cause of.
 * Here every step answers for itself: the login page sets WordPress's test cookie, the post
 * must answer with a redirect and the logged-in cookie, and a refused login says WordPress's
 * own words.
 * @param {import('playwright-core').BrowserContext} context
 * @param {WordPress} wp
 * @param {{login: string, password: string}} user
 */
export async function logIn(context, wp, user) {
  const request = context.request;
  const form = await request.get(wp.url + 'wp-login.php');
  if (form.status() !== 200) throw new Error(`the login page answered HTTP ${form.status()}`);
  const response = await request.post(wp.url + 'wp-login.php', {
    form: { log: user.login, pwd: user.password, 'wp-submit': 'Log In', redirect_to: wp.url + 'wp-admin/', testcookie: '1' },
    maxRedirects: 0,
  });
  const cookies = await context.cookies(wp.url);
  if (response.status() !== 302 || !cookies.some((c) => c.name.startsWith('wordpress_logged_in_'))) {
    const page = await response.text();
    const error = /<div id="login_error"[^>]*>([\s\S]*?)<\/div>/.exec(page)?.[1]?.replace(/<[^>]+>/g, '').trim();
    throw new Error(`${user.login} was not logged in: HTTP ${response.status()}, ${error || 'no error shown'}; cookies: ${cookies.map((c) => c.name).join(', ')}`);
  }
  const nonce = await request.get(wp.url + 'wp-admin/admin-ajax.php?action=rest-nonce');
  if (nonce.status() !== 200) throw new Error(`no REST nonce for ${user.login}: HTTP ${nonce.status()}`);
  return (await nonce.text()).trim();
}

/**
 * Publishes a post through the REST API as the user logged in to `context` (as the editor
 * saves: the user's cookie and nonce, so WordPress applies that user's capabilities and kses).
 * @returns {Promise<{status: number, post: object}>} the response's status and body (the saved
 *   post in the edit context: `content.raw`, `link`, …).
 */
export async function publishPost(context, wp, nonce, { title, content }) {
  const response = await context.request.post(wp.url + '?rest_route=/wp/v2/posts', {
    headers: { 'X-WP-Nonce': nonce },
    data: { title, content, status: 'publish' },
  });
  return { status: response.status(), post: await response.json() };
}
