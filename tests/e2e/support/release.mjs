// The release the platform tests (Hugo, WordPress) point the integrations at: a folder holding
// `release.json` and the files it names, as `make release` writes it into dist/:
//   { "name": "role-compare", "version": "…",
//     "files": { "embed": {"path", "integrity"}, "css": {…}, "glue": {…}, "wasm": {…} } }
// (paths relative to the folder, integrity as Subresource Integrity sha384).

import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * The release in `dist`: `{ dir, manifest, cleanup }`. `dir` holds release.json; `cleanup()`
 * removes whatever was made for the test (nothing when dist/ is used as it is).
 */
export async function releaseFrom(dist) {
  const file = path.join(dist, 'release.json');
  if (existsSync(file)) {
    return { dir: dist, manifest: JSON.parse(await readFile(file, 'utf8')), cleanup: async () => {} };
  }
  return untilReleaseWorkLands(dist);
}

// ---- UNTIL THE RELEASE WORK LANDS ------------------------------------------------------------
// Today's dist/ has fixed file names and no release.json. So the tests copy dist/ into
// target/e2e/ and write there the release.json that `make release` will write, for today's
// names and the integrity of today's files. Delete this function (and its call above) when
// dist/release.json exists.
async function untilReleaseWorkLands(dist) {
  const cargo = await readFile(path.join(ROOT, 'Cargo.toml'), 'utf8');
  const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1] ?? '0.0.0';
  const parent = path.join(ROOT, 'target', 'e2e');
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, 'release-'));
  await cp(dist, dir, { recursive: true });
  const names = { embed: 'embed.js', css: 'role-compare.css', glue: 'role-compare.js', wasm: 'role-compare_bg.wasm' };
  const files = {};
  for (const [key, name] of Object.entries(names)) {
    const body = await readFile(path.join(dir, name));
    files[key] = { path: name, integrity: `sha384-${createHash('sha384').update(body).digest('base64')}` };
  }
  const manifest = { name: 'role-compare', version, files };
  await writeFile(path.join(dir, 'release.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { dir, manifest, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
// ---- END UNTIL THE RELEASE WORK LANDS --------------------------------------------------------
