// The built release's facts for the end-to-end tests: dist/release.json (scripts/postbuild.mjs)
// names the widget's files, whose names carry a hash of their contents.

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
