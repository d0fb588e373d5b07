// The built release's facts for the end-to-end tests: dist/release.json (scripts/postbuild.mjs)
// names the widget's files, whose names carry a hash of their contents:
//   { "name": "role-compare", "version": "…",
//     "files": { "embed": {"path", "integrity"}, "css": {…}, "glue": {…}, "wasm": {…}, "frameParent": {…} } }
// (paths relative to the folder, integrity as Subresource Integrity sha384).

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `release.json` of a built site: `{ name, version, files: { embed, css, glue, wasm,
 * frameParent } }`, each file `{ path, integrity }`; `null` when `dist` holds no build.
 * @param {string} dist
 */
export function readRelease(dist) {
  const file = path.join(dist, 'release.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/**
 * The release in `dist` for the platform tests (Hugo, WordPress), which point the integrations
 * at it: `{ dir, manifest, cleanup }`. `dir` holds release.json (dist/ itself, used as it is:
 * `cleanup()` has nothing to remove).
 * @param {string} dist
 */
export async function releaseFrom(dist) {
  const manifest = readRelease(dist);
  if (!manifest) throw new Error(`${path.join(dist, 'release.json')} is missing: run make dist`);
  return { dir: dist, manifest, cleanup: async () => {} };
}
