#!/usr/bin/env node
// Where the wasm's bytes go, by feature ("say what each feature costs"). Called by
// scripts/bench.mjs; also runs alone:
//
//   node scripts/wasm-breakdown.mjs [--dist DIR] [--root DIR] [--json FILE]
//
// --root: the checkout whose cargo output (target/) and content/roles.json built the wasm in
// --dist (default: this one).
//
// How: the wasm that cargo built for dist/ (target/nightly/… for the nightly size build,
// target/wasm32-unknown-unknown/… for stable, as target/dist-build says) goes through the same
// two steps as Trunk's release build, wasm-bindgen and `wasm-opt -Oz` with the extra arguments
// index.html gives it (`data-wasm-opt-params`, read by `wasmOptParams`), then the post-build
// step's renaming of the imports (scripts/import-names.mjs), twice: once as Trunk and the
// post-build step run them, to check that the result is byte for byte the wasm in dist/ (else the figures
// would describe another build, and the script says so and stops); once with the function
// names kept (`wasm-bindgen --keep-debug`, `wasm-opt -Oz -g`; the code then differs from the
// real build's by a few hundred bytes). The code section's function bodies are then counted by
// the feature their name belongs to: nightly Rust names functions in the v0 scheme, which
// spells out the type parameters, so yew's generic code made for our `ShareBar` component
// (`CompStateInner<role_compare::components::share_bar::ShareBar>::view`) counts as the share
// bar's. A function inlined into another counts where it was inlined: the focus map and the
// topic table are plain functions that LLVM inlined into `Comparison`'s view, so they count as
// "the other views" here; their own cost is measured by building without them (BENCHMARKS.md,
// "What each feature costs"). The data section is split into the built-in content file
// (content/roles.json, embedded as text without the white space between its tokens) and the
// rest.
//
// Brotli: each part's bytes are compressed alone (brotli -q 11, node zlib) and the results
// scaled so that they add up to the brotli size of the real wasm in dist/: a part's share of
// what the reader downloads. Parts compressed alone lose the context they share with the rest,
// so the scaled figures are estimates (within a few hundred bytes of a build without the part
// where both were measured: BENCHMARKS.md).

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

import { shortenImportNames } from './import-names.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const brotli = (buf) =>
  zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;

/**
 * The parts, first match wins, tested on a function's name without the crates' hashes. Order
 * matters: a function that names one of our features is that feature's, whatever library code
 * it is (yew's component machinery made for it, serde's readers derived for our types).
 */
export const PARTS = [
  ['share bar and export (share_bar, export, release; writing content as JSON)', /role_compare::(components::share_bar|export|release|content::file::to_json)\b/],
  ['focus map (where not inlined)', /role_compare::components::focus_map\b/],
  ['topic layout (topics, topic_table; where not inlined)', /role_compare::(topics|components::topic_table)\b/],
  ['reading content: serde, serde_json, serde_path_to_error, the readers derived for our types, and the error messages', /\b(serde|serde_core|serde_json|serde_path_to_error)::|role_compare::content::file::/],
  ['the other views (components, with the plain functions inlined into them) and mount', /role_compare::(components|mount)::/],
  ['our logic (content checks, filter, url_state, options, state, model)', /role_compare::/],
  ['yew runtime (yew, gloo, implicit_clone and what only they use)', /\b(yew|gloo|gloo_\w+|implicit_clone|prokio|slab|indexmap)::/],
  ['wasm-bindgen, js-sys, web-sys and their generated shims', /\b(wasm_bindgen|js_sys|web_sys|wasm_bindgen_futures)::|^__wbindgen|^__wbg_|^__externref|^func\d+$/],
  ['allocator (dlmalloc)', /\bdlmalloc::/],
  ['Rust core, alloc, std (formatting, strings, collections, Unicode)', /./],
];

// ---------------------------------------------------------------- a minimal wasm reader

/** The sections of a wasm module, and its functions' bodies with their names (name section). */
export function readWasm(buf) {
  let p = 8;
  const leb = () => {
    let r = 0;
    let shift = 0;
    let byte;
    do {
      byte = buf[p++];
      r += (byte & 127) * 2 ** shift;
      shift += 7;
    } while (byte & 128);
    return r;
  };
  const sections = [];
  const bodies = [];
  const names = new Map();
  let imported = 0;
  while (p < buf.length) {
    const id = buf[p++];
    const length = leb();
    const start = p;
    const end = p + length;
    let name = null;
    if (id === 0) {
      const n = leb();
      name = buf.subarray(p, p + n).toString();
      p += n;
      if (name === 'name') {
        while (p < end) {
          const sub = buf[p++];
          const subLength = leb();
          const subEnd = p + subLength;
          if (sub === 1) {
            for (let i = leb(); i > 0; i--) {
              const index = leb();
              const l = leb();
              names.set(index, buf.subarray(p, p + l).toString());
              p += l;
            }
          }
          p = subEnd;
        }
      }
    } else if (id === 2) {
      // Imports: only the number of imported functions matters (they come first in the index space).
      for (let i = leb(); i > 0; i--) {
        // (leb() moves p: read each length before adding it.)
        for (let part = 0; part < 2; part++) {
          const l = leb();
          p += l;
        }
        const kind = buf[p++];
        if (kind === 0) {
          leb();
          imported++;
        } else if (kind === 1) {
          p++;
          const limits = buf[p++];
          leb();
          if (limits & 1) leb();
        } else if (kind === 2) {
          const limits = buf[p++];
          leb();
          if (limits & 1) leb();
        } else if (kind === 3) p += 2;
        else if (kind === 4) {
          p++;
          leb();
        } else throw new Error(`wasm: import kind ${kind} not understood`);
      }
    } else if (id === 10) {
      for (let i = leb(); i > 0; i--) {
        const size = leb();
        bodies.push({ start: p, size });
        p += size;
      }
    }
    sections.push({ id, name, start, end, size: end - start });
    p = end;
  }
  const functions = bodies.map((b, i) => ({ name: names.get(imported + i) ?? `func${imported + i}`, body: buf.subarray(b.start, b.start + b.size) }));
  return { sections, functions };
}

// ---------------------------------------------------------------- the breakdown

function run(cmd, args) {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
}

/**
 * The arguments Trunk adds to `wasm-opt -Oz` for the widget's wasm in checkout `root`: the
 * `data-wasm-opt-params` of index.html's `<link data-trunk rel="rust" data-bin="role-compare">`,
 * split at white space as Trunk splits them (none when there are none).
 */
export function wasmOptParams(root = ROOT) {
  const html = readFileSync(cargoFiles(root).html, 'utf8');
  const link = html.match(/<link\b[^>]*\bdata-bin="role-compare"[^>]*>/)?.[0] ?? '';
  return (link.match(/\bdata-wasm-opt-params="([^"]*)"/)?.[1] ?? '').split(/\s+/).filter(Boolean);
}

/**
 * JSON text without the white space outside its strings: the built-in content file as the wasm
 * embeds it (`minify` in src/content/mod.rs, byte for byte the same steps).
 */
export function minifyJson(buf) {
  const out = [];
  let inString = false;
  let escaped = false;
  for (const byte of buf) {
    if (inString) {
      if (escaped) escaped = false;
      else if (byte === 0x5c) escaped = true;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) {
      continue;
    } else if (byte === 0x22) {
      inString = true;
    }
    out.push(byte);
  }
  return Buffer.from(out);
}

/**
 * The files of checkout `root` that a breakdown reads: the cargo output behind its dist/ (by the
 * build that target/dist-build names), that marker, and the built-in content file.
 */
export function cargoFiles(root = ROOT) {
  const marker = path.join(root, 'target/dist-build');
  const build = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : 'stable';
  const dir = build === 'nightly-size' ? 'target/nightly' : 'target';
  // `html`: index.html, whose wasm-opt arguments the build ran with (`wasmOptParams`).
  return { build, marker, file: path.join(root, dir, 'wasm32-unknown-unknown/release/role-compare.wasm'), content: path.join(root, 'content/roles.json'), html: path.join(root, 'index.html') };
}

/**
 * Copies from checkout `from` into directory `to` every file `breakdown` reads of a checkout
 * (`cargoFiles`), those that exist, so that `breakdown(dist, { root: to })` describes the build
 * `from` held at the time of the copy: the bench takes them with the dist at the start of its
 * run. A file left out here is one the breakdown then cannot find (index.html was, and every
 * bench run said "Not measured").
 */
export function copyCargoFiles(from, to) {
  const { build: _build, ...files } = cargoFiles(from);
  // Every path `cargoFiles` names, in its order: the marker before the wasm, whose place in `to`
  // follows the build the marker names (`cargoFiles(to)` is asked again after each copy).
  for (const [what, source] of Object.entries(files)) {
    if (!existsSync(source)) continue;
    const dest = cargoFiles(to)[what];
    mkdirSync(path.dirname(dest), { recursive: true });
    cpSync(source, dest);
  }
}

/**
 * The breakdown of `dist`'s wasm, from the cargo output of checkout `root`. Returns `{ error }`
 * when it cannot be made (no cargo output, or one that is not the build in `dist`).
 */
export function breakdown(dist = path.join(ROOT, 'dist'), { root = ROOT } = {}) {
  const release = JSON.parse(readFileSync(path.join(dist, 'release.json'), 'utf8'));
  const shipped = readFileSync(path.join(dist, release.files.wasm.path));
  const { build, file, content: contentFile } = cargoFiles(root);
  if (!existsSync(file)) return { error: `no cargo output at ${file} (run make dist there)` };
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'rc-breakdown-'));
  try {
    const bg = (dir) => path.join(dir, readdirSync(dir).find((f) => f.endsWith('_bg.wasm')));
    // As Trunk builds it: must give dist's wasm exactly.
    const params = wasmOptParams(root);
    run('wasm-bindgen', ['--target', 'web', '--out-dir', path.join(tmp, 'plain'), file]);
    run('wasm-opt', ['-Oz', bg(path.join(tmp, 'plain')), '-o', path.join(tmp, 'plain.wasm'), ...params]);
    // The import names shortened, as scripts/postbuild.mjs ships them.
    const glueOf = (dir) => readFileSync(path.join(dir, readdirSync(dir).find((f) => f.endsWith('.js') && !f.endsWith('_bg.js'))), 'utf8');
    const plain = shortenImportNames(readFileSync(path.join(tmp, 'plain.wasm')), glueOf(path.join(tmp, 'plain'))).wasm;
    if (!plain.equals(shipped)) {
      return { error: `the cargo output in ${file} is not the build in ${dist} (wasm-bindgen + wasm-opt -Oz ${params.join(' ')} of it differ from ${release.files.wasm.path}): run make dist in that checkout` };
    }
    // With the names kept.
    run('wasm-bindgen', ['--target', 'web', '--keep-debug', '--out-dir', path.join(tmp, 'named'), file]);
    run('wasm-opt', ['-Oz', '-g', bg(path.join(tmp, 'named')), '-o', path.join(tmp, 'named.wasm'), ...params]);
    const named = shortenImportNames(readFileSync(path.join(tmp, 'named.wasm')), glueOf(path.join(tmp, 'named'))).wasm;
    const { sections, functions } = readWasm(named);

    const parts = new Map(PARTS.map(([label]) => [label, { label, raw: 0, chunks: [], functions: 0 }]));
    for (const f of functions) {
      const name = f.name.replace(/\[[0-9a-f]+\]/g, '');
      const [label] = PARTS.find(([, re]) => re.test(name));
      const part = parts.get(label);
      part.raw += f.body.length;
      part.chunks.push(f.body);
      part.functions++;
    }
    // The data section: the built-in content file (embedded as text, minified as
    // src/content/mod.rs does it) and the rest.
    const data = sections.find((s) => s.id === 11);
    const dataBytes = named.subarray(data.start, data.end);
    const json = minifyJson(readFileSync(contentFile));
    const at = dataBytes.indexOf(json);
    const content = { label: 'data: the built-in content file (content/roles.json, embedded as minified text)', raw: at >= 0 ? json.length : 0, chunks: at >= 0 ? [json] : [], functions: 0 };
    const rest = at >= 0 ? Buffer.concat([dataBytes.subarray(0, at), dataBytes.subarray(at + json.length)]) : dataBytes;
    const other = { label: 'data: strings, tables and other constants', raw: rest.length, chunks: [rest], functions: 0 };
    const structure = sections.filter((s) => s.id !== 0 && s.id !== 10 && s.id !== 11);
    const glue = { label: 'module structure (types, imports, exports, table, globals)', raw: structure.reduce((t, s) => t + s.size, 0), chunks: structure.map((s) => named.subarray(s.start, s.end)), functions: 0 };

    const rows = [...parts.values(), content, other, glue].filter((r) => r.raw > 0);
    for (const r of rows) r.alone = brotli(Buffer.concat(r.chunks));
    const shippedBr = brotli(shipped);
    const aloneSum = rows.reduce((t, r) => t + r.alone, 0);
    const rawSum = rows.reduce((t, r) => t + r.raw, 0);
    for (const r of rows) {
      r.br = Math.round((r.alone * shippedBr) / aloneSum);
      r.share = r.raw / rawSum;
      delete r.chunks;
    }
    const top = functions
      .map((f) => ({ name: f.name.replace(/\[[0-9a-f]+\]/g, ''), size: f.body.length }))
      .sort((a, b) => b.size - a.size)
      .slice(0, 15);
    return { build, wasm: release.files.wasm.path, params, shippedRaw: shipped.length, shippedBr, namedRaw: named.length, rows, top };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const fmt = (n) => n.toLocaleString('en-US');

/** The breakdown as a Markdown section (no heading). */
export function markdown(b) {
  if (b.error) return `Not measured: ${b.error}.`;
  const rows = b.rows.map((r) => `| ${r.label} | ${fmt(r.raw)} | ${(r.share * 100).toFixed(1)} % | ${fmt(r.br)} |`);
  return [
    `The ${b.build} build's \`${b.wasm}\` (${fmt(b.shippedRaw)} B raw, ${fmt(b.shippedBr)} B brotli), its functions counted by the feature their name belongs to (\`scripts/wasm-breakdown.mjs\`: names kept with \`wasm-bindgen --keep-debug\` and \`${['wasm-opt -Oz -g', ...(b.params ?? [])].join(' ')}\`; a function inlined into another counts where it was inlined). Brotli: each part compressed alone, scaled to add up to the real wasm's brotli size.`,
    '',
    '| part | raw B (names-kept build) | share | brotli B (est.) |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    `Largest functions: ${b.top.slice(0, 8).map((f) => `\`${f.name.length > 110 ? f.name.slice(0, 107) + '…' : f.name}\` ${fmt(f.size)} B`).join('; ')}.`,
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dist = args.includes('--dist') ? path.resolve(args[args.indexOf('--dist') + 1]) : path.join(ROOT, 'dist');
  const b = breakdown(dist, { root: args.includes('--root') ? path.resolve(args[args.indexOf('--root') + 1]) : ROOT });
  if (args.includes('--json')) writeFileSync(path.resolve(args[args.indexOf('--json') + 1]), JSON.stringify(b, null, 1));
  console.log(markdown(b));
  if (b.error) process.exitCode = 1;
}
