#!/usr/bin/env node
// Runs after every Trunk build (Trunk.toml [[hooks]], stage post_build), on the build's output:
//  0. minifies the widget's stylesheet (lightningcss): it blocks the first paint of every page
//     and article that shows the widget;
//  1. renames the functions the wasm imports from its glue `_0`, `_1` ... in place of
//     wasm-bindgen's hashed names (scripts/import-names.mjs: 3.6 KB brotli less between the
//     two), then names the widget's
//     files after their contents: the wasm, its JS glue and the widget's
//     stylesheet become role-compare_bg.<hash>.wasm, role-compare.<hash>.js and
//     role-compare.<hash>.css, so hosts can cache them for a year (docs/publishing.md,
//     "Serving a release: headers"); the pages are rewritten to load them, with Subresource
//     Integrity hashes; embed.js is made
//     from web/embed.js with the version and the hashes it checks the glue and the wasm against
//     written in, and minified (it is on every article page); the glue and site.js are minified
//     too, and the glue and embed.js start with a compile hint (COMPILE_AHEAD);
//  2. writes release.json: the release's version and each file's path and SRI hash (the
//     contract the Hugo and WordPress integrations read);
//  3. pre-renders the widget's view into index.html, embed.html and blog.html, and writes
//     snippet.html, with Yew's server renderer run natively (src/bin/prerender.rs), so duties
//     show before any wasm loads;
//  4. writes role-compare.html, the single-file edition: the standalone page with its CSS, JS
//     and wasm inside, so it opens from disk (file://) with no network;
//  5. copies what an embed needs into v<version>/, the path authors pin, and writes _headers
//     (cache, CORS) for Netlify and Cloudflare Pages;
//  6. writes sw.js from web/sw.template.js with the list of files the standalone site needs and a
//     version derived from their contents, so every deploy with any change is a new version;
//     the builder's files are listed apart, cached only for those who open the builder.
// Before all that, the builder page (builder.html, docs/make-your-own.md): built by a second
// Trunk run (Trunk.builder.toml) when this runs as Trunk's hook, its files copied in, named
// after their contents like the widget's, and its page linked to them with their hashes.
// Running it again on its own output gives the same output (a changed file gets its new name).
// Usage: node scripts/postbuild.mjs [dir] [--version X]
//   dir: default $TRUNK_STAGING_DIR, else dist. --version: the release's version, by default
//   Cargo.toml's (the upgrade test builds a "next release" from a copy of dist/ with it).

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

import { minify } from "terser";
import { transform } from "lightningcss";

import { shortenImportNames } from "./import-names.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const versionAt = args.indexOf("--version");
const versionFlag = versionAt >= 0 ? args.splice(versionAt, 2)[1] : null;
const dir = args[0] ?? process.env.TRUNK_STAGING_DIR ?? join(root, "dist");
const SINGLE_FILE = "role-compare.html";
const WORKER = "sw.js";
const RELEASE = "release.json";
const HEADERS = "_headers";
// The standalone site's worker precaches every file but these: the worker itself, the offline
// download (a copy of the whole site), the pre-rendered snippet for blog authors (a text to
// copy, not a page), the host's header rules, and the versioned folder (the same files again,
// for embeds that pin the release).
const NOT_PRECACHED = new Set([WORKER, SINGLE_FILE, "snippet.html", HEADERS]);
// The builder page and its own files: cached by the worker only once someone opens the page
// (the group "builder" of sw.js), not precached for every reader of the site.
const BUILDER_PAGE = "builder.html";
const BUILDER_START = "builder-start.js";
// What an embed needs, copied into v<version>/: the loader and the widget's files, release.json
// and the snippet, and the iframe page with its scripts.
const PINNED = ["embed.js", RELEASE, "snippet.html", "embed.html", "frame.js", "frame.css", "frame-parent.js", "icon.svg", "icon-32.png"];
// The hash in a file name: the first 12 hex digits of the file's SHA-384 (48 bits, so two
// builds' names never meet by chance).
const TAG = "[0-9a-f]{12}";

function fail(message) {
  console.error(`postbuild: ${message}`);
  process.exit(1);
}

const read = (name) => readFileSync(join(dir, name), "utf8");
const write = (name, text) => writeFileSync(join(dir, name), text);

/** The version of the release: --version, else the [package] version in Cargo.toml. */
function releaseVersion() {
  if (versionFlag) return versionFlag;
  const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
  const version = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms.exec(cargo)?.[1];
  if (!version) fail("no version in Cargo.toml's [package]");
  return version;
}

/** SRI value (sha384, base64) and the name tag of some bytes. */
function digest(bytes) {
  const hash = createHash("sha384").update(bytes);
  const raw = hash.digest();
  return { integrity: `sha384-${raw.toString("base64")}`, tag: raw.toString("hex").slice(0, 12) };
}

// ---- 1. Content-hashed names ------------------------------------------------------------------
// Hashed here, not by Trunk's `filehash`: the pages load the glue by hand (no injected scripts,
// for the strict CSP), so Trunk could not rewrite those references, nor embed.js or the copied
// embed.html; the SRI hashes (SHA-384) are needed anyway, and one digest gives both; and this
// step can run again on its own output (the tests do), which Trunk's names could not.

/** The file of `stem` + `ext` in dir, hashed or not: its name. Exactly one must exist. */
function find(stem, ext) {
  const pattern = new RegExp(`^${stem.replace(/[.]/g, "\\.")}(\\.${TAG})?${ext.replace(/[.]/g, "\\.")}$`);
  const found = readdirSync(dir).filter((name) => pattern.test(name));
  if (found.length !== 1) fail(`expected one ${stem}[.<hash>]${ext} in ${dir}, found ${found.length ? found.join(", ") : "none"}`);
  return found[0];
}

/** Renames `name` after its contents; returns { path, integrity }. */
function hashName(name, stem, ext) {
  const { integrity, tag } = digest(readFileSync(join(dir, name)));
  const path = `${stem}.${tag}${ext}`;
  if (path !== name) renameSync(join(dir, name), join(dir, path));
  return { path, integrity };
}

/** The widget's stylesheet, minified with lightningcss (the engine Trunk itself uses, from npm, pinned):
 *  role-compare.css blocks the first paint wherever the widget shows, and its comments and
 *  spaces were half its bytes: 42,407 B raw and 9,138 B brotli before, 24,208 and 4,219 after
 *  (measured on issue 15's stylesheet). No browser targets are given, so nothing is lowered or
 *  prefixed: the rules ship as written (container queries, light-dark(), :is() and the
 *  `content: "✓" / ""` alternative text included). Minified CSS minifies to itself, so a second
 *  run changes nothing. Not Trunk's own `minify` setting: it minifies the HTML pages too, which
 *  the steps below read and rewrite by their markup. */
function minifyStylesheet() {
  // (page.css stays as Trunk wrote it, with the integrity Trunk gave its link: 570 B brotli.)
  for (const name of readdirSync(dir).filter((n) => /^role-compare(\.[0-9a-f]{12})?\.css$/.test(n))) {
    const { code, warnings } = transform({ filename: name, code: readFileSync(join(dir, name)), minify: true });
    if (warnings.length > 0) fail(`${name}: ${warnings.map((w) => w.message).join("; ")}`);
    writeFileSync(join(dir, name), code);
  }
}

/** The wasm `wasmName` and its glue `glueName` with short import names
 *  (scripts/import-names.mjs); returns the glue's new text, not yet written. */
function shortenImports(wasmName, glueName) {
  try {
    const { wasm, glue } = shortenImportNames(readFileSync(join(dir, wasmName)), read(glueName));
    writeFileSync(join(dir, wasmName), wasm);
    return glue;
  } catch (e) {
    fail(`${wasmName} and ${glueName}: ${e.message}`);
  }
}

/** The glue of the wasm `stem`_bg.wasm (the file `glueName`): its import names shortened, its
 *  default address of the wasm (used only when no module is passed to its init; embed.js always
 *  passes the verified one) following the wasm's new name `wasmPath`, and minified; written, not
 *  yet hashed. */
async function writeGlue(glueName, glueText, stem, wasmPath) {
  // wasm-bindgen's form, or the one the minifier left on an earlier run.
  const wasmRef = new RegExp(`new URL\\((['"])${stem}_bg(\\.${TAG})?\\.wasm\\1, ?import\\.meta\\.url\\)`);
  if (!wasmRef.test(glueText)) fail(`${glueName} no longer names ${stem}_bg.wasm as wasm-bindgen did; update writeGlue`);
  write(glueName, await minifyGlue(glueText.replace(wasmRef, `new URL("${wasmPath}",import.meta.url)`)));
}

/** V8's magic comment for an explicit compile hint, the first line of the glue and of embed.js:
 *  every function of the file is compiled with the file (off the main thread, as a module is
 *  streamed) rather than on its first call, and nearly all of theirs run at the takeover. 55 of
 *  the glue's functions were compiled in the takeover's task as the hydration first called them,
 *  7-32 ms of it at 4x CPU slowdown (0.3-3 ms with the hint); with embed.js's too, the main
 *  thread's script compiling over a load of the standalone page went from 45-71 ms to 2-6 ms
 *  (traces, docs/performance.md, "Scripts compiled ahead"). Other browsers read a comment. */
const COMPILE_AHEAD = "//# allFunctionsCalledOnLoad\n";

const GLUE_MINIFIED = `${COMPILE_AHEAD}// wasm-bindgen's glue, minified by scripts/postbuild.mjs (terser)`;

/** wasm-bindgen's glue minified (terser, as embed.js): the widget's goes from 45,565 to 17,124 B
 *  raw and 5,791 to 3,759 B brotli (-q 11), what a reader downloads with the wasm; most of what
 *  goes is its JSDoc comments and long local names (measured 2026-12-07). Exported names stay
 *  (`mount`, `default` …), and so do the keys of the wasm's imports: terser renames no property.
 *  Marked, and left as it is when marked, so that a second run gives the same bytes. */
async function minifyGlue(text) {
  if (text.startsWith(GLUE_MINIFIED)) return text;
  return minifyModule(text, GLUE_MINIFIED);
}

/** A module's text minified by terser (ES2022), starting with `preamble`; `compress`, terser's
 *  compress options where they are not its defaults. */
async function minifyModule(text, preamble, compress) {
  const { code } = await minify(text, { module: true, ecma: 2022, ...(compress && { compress }), format: { preamble } });
  return code + "\n";
}

async function hashAssets() {
  const glueName = find("role-compare", ".js");
  const glueText = shortenImports(find("role-compare_bg", ".wasm"), glueName);
  const wasm = hashName(find("role-compare_bg", ".wasm"), "role-compare_bg", ".wasm");
  await writeGlue(glueName, glueText, "role-compare", wasm.path);
  const glue = hashName(glueName, "role-compare", ".js");
  const css = hashName(find("role-compare", ".css"), "role-compare", ".css");
  return { glue, wasm, css };
}

/** embed.js: web/embed.js with the build's facts in place of its placeholder (BUILD), minified.
 *  Minified because every article with a widget loads it, near the widget or not: terser takes
 *  it from 7,960 to 3,685 B brotli (-q 11; 5,420 B before this release, unminified). Its
 *  comments stay in web/embed.js. */
async function writeLoader(version, { glue, wasm, css }) {
  const build = { version, glue, wasm, css };
  const text = readFileSync(join(root, "web", "embed.js"), "utf8");
  const block = /\/\*rc-build\*\/[\s\S]*?\/\*\/rc-build\*\//;
  if (!block.test(text)) fail("web/embed.js has no /*rc-build*/ … /*/rc-build*/ block");
  const source = text.replace(block, JSON.stringify(build));
  const preamble = `${COMPILE_AHEAD}// role-compare ${version}: the embed loader, minified (source: web/embed.js).`;
  write("embed.js", await minifyModule(source, preamble, { passes: 2 }));
}

/** site.js: web/site.js minified, as embed.js (the standalone page loads it): 613 -> 381 B
 *  brotli (-q 11). Its comments stay in web/site.js. */
async function writeSiteScript() {
  const preamble = "// role-compare: the standalone site's script, minified (source: web/site.js).";
  write("site.js", await minifyModule(readFileSync(join(root, "web", "site.js"), "utf8"), preamble));
}

/** The pages' links to the stylesheet and the glue, by their new names, with SRI; and without
 *  the `<link data-trunk rel="rust">` that Trunk 0.21 leaves in a page it builds the wasm for
 *  (it tells Trunk what to build; in the page it is bytes a reader downloads before the first
 *  duty, about 80 B brotli, for a `rel` no browser knows: embed.js loads the wasm). */
function rewritePages({ glue, css }) {
  const cssLink = new RegExp(`<link rel="stylesheet" href="\\./role-compare(\\.${TAG})?\\.css"[^>]*>`);
  const glueLink = new RegExp(`<link rel="modulepreload" href="\\./role-compare(\\.${TAG})?\\.js"[^>]*>`);
  // One of each in each page; the example article only links the stylesheet (its pre-rendered
  // views are styled as they arrive, and its wasm comes only when a reader nears a widget).
  for (const [page, preloads] of [["index.html", false], ["embed.html", true], ["blog.html", false], [BUILDER_PAGE, false]]) {
    const html = read(page);
    if (!cssLink.test(html) || (preloads && !glueLink.test(html))) fail(`${page} lost its role-compare stylesheet or modulepreload link`);
    write(
      page,
      html
        .replace(cssLink, `<link rel="stylesheet" href="./${css.path}" integrity="${css.integrity}" />`)
        .replace(glueLink, `<link rel="modulepreload" href="./${glue.path}" integrity="${glue.integrity}" />`)
        .replace(/<link data-trunk rel="rust"[^>]*>\s*/g, ""),
    );
  }
}

// ---- 0. The builder page ------------------------------------------------------------------------
// Trunk 0.21 builds one Rust app a page and one page a run, and the builder must be a wasm of
// its own (the widget's wasm carries none of it): so a second Trunk run, with its own config,
// started here so that `make serve`, `make dist` and `make release` all build it the same way,
// with the same toolchain and flags (the nightly size build's environment is inherited).

/** Builds builder.html (Trunk.builder.toml) into target/builder-dist/ and copies its files in.
 *  Only as Trunk's hook: run again on a built site, the files are already there. */
function buildBuilder() {
  if (!process.env.TRUNK_STAGING_DIR) return;
  const out = join(root, "target", "builder-dist");
  const args = ["build", "--config", join(root, "Trunk.builder.toml")];
  if (process.env.TRUNK_PROFILE === "release") args.push("--release");
  try {
    execFileSync("trunk", args, { cwd: root, stdio: "inherit" });
  } catch {
    fail("the builder's build (trunk build --config Trunk.builder.toml) failed (see above)");
  }
  for (const name of readdirSync(out)) {
    if (name === BUILDER_PAGE || name === BUILDER_START || /^(role-compare-builder(_bg)?|builder)(\.[0-9a-f]{12})?\.(js|wasm|css)$/.test(name)) {
      cpSync(join(out, name), join(dir, name));
    }
  }
}

/** The builder's files named after their contents, and builder.html linking them with their
 *  SRI hashes; returns the builder's files (the worker's group "builder"). */
async function builderAssets() {
  if (!existsSync(join(dir, BUILDER_PAGE))) fail(`${BUILDER_PAGE} is missing: the builder was not built`);
  const glueName = find("role-compare-builder", ".js");
  const glueText = shortenImports(find("role-compare-builder_bg", ".wasm"), glueName);
  const wasm = hashName(find("role-compare-builder_bg", ".wasm"), "role-compare-builder_bg", ".wasm");
  await writeGlue(glueName, glueText, "role-compare-builder", wasm.path);
  const glue = hashName(glueName, "role-compare-builder", ".js");
  const css = hashName(find("builder", ".css"), "builder", ".css");
  const cssLink = new RegExp(`<link rel="stylesheet" href="\\./builder(\\.${TAG})?\\.css"[^>]*>`);
  const glueLink = new RegExp(`<link rel="modulepreload" href="\\./role-compare-builder(\\.${TAG})?\\.js"[^>]*>`);
  const html = read(BUILDER_PAGE);
  if (!cssLink.test(html) || !glueLink.test(html)) fail(`${BUILDER_PAGE} lost its builder.css or modulepreload link`);
  write(
    BUILDER_PAGE,
    html
      .replace(cssLink, `<link rel="stylesheet" href="./${css.path}" integrity="${css.integrity}" />`)
      .replace(glueLink, `<link rel="modulepreload" href="./${glue.path}" integrity="${glue.integrity}" data-builder-glue />`),
  );
  return [BUILDER_PAGE, BUILDER_START, glue.path, wasm.path, css.path];
}

// ---- 2. release.json --------------------------------------------------------------------------

function writeRelease(version, { glue, wasm, css }) {
  const file = (name) => ({ path: name, integrity: digest(readFileSync(join(dir, name))).integrity });
  const release = {
    name: "role-compare",
    version,
    files: { embed: file("embed.js"), css, glue, wasm, frameParent: file("frame-parent.js") },
  };
  write(RELEASE, JSON.stringify(release, null, 2) + "\n");
  return release;
}

// ---- 3. Pre-render ----------------------------------------------------------------------------

function prerender() {
  try {
    // A native build on stable: without the nightly size build's settings (scripts/dist.sh).
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(RUSTUP_TOOLCHAIN|CARGO_UNSTABLE_|CARGO_TARGET_|RUSTFLAGS)/.test(name)),
    );
    execFileSync("cargo", ["run", "--quiet", "--locked", "--bin", "prerender", "--", dir], { cwd: root, stdio: "inherit", env });
  } catch {
    fail("the pre-render failed (see above)");
  }
}

// ---- 4. The single file -----------------------------------------------------------------------

function singleFile({ glue, wasm }, release) {
  let html = read("index.html");
  // Stylesheets inline.
  html = html.replace(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>/g, (_, name) => `<style>\n${read(name)}</style>`);
  // What only the hosted site has: the loader, preloads, manifest, worker registration, the
  // download link itself.
  html = html.replace(/<script type="module" src="[^"]*"><\/script>\s*/g, "");
  html = html.replace(/<link rel="(modulepreload|manifest)"[^>]*>\s*/g, "");
  // (An element marked so holds no element of its own kind.)
  html = html.replace(/<([a-z]+) [^>]*data-online-only[^>]*>[\s\S]*?<\/\1>\s*/g, "");
  const icon = readFileSync(join(dir, "icon-32.png")).toString("base64");
  html = html.replace(/href="\.\/icon-32\.png"/, `href="data:image/png;base64,${icon}"`);
  // The release, for "Embed this view": the file has no address to fetch release.json from.
  const releaseAttribute = JSON.stringify(release).replaceAll("&", "&amp;").replaceAll('"', "&quot;");
  // The element's start tag, ending in the attribute (as the pre-render finds it): the name alone
  // also appears in the inlined page.css.
  if (!html.includes("data-role-compare-page>")) fail("index.html has no data-role-compare-page element");
  html = html.replace("data-role-compare-page>", `data-role-compare-page data-rc-release="${releaseAttribute}">`);

  const glueText = read(glue.path);
  // The glue's init, under the name the minifier gave it: its default export.
  const init = glueText.match(/export ?\{[^}]*?\b([\w$]+) as default\b/)?.[1];
  if (!init) fail(`${glue.path} has no default export (wasm-bindgen's init); update the single-file step`);
  const wasmBase64 = readFileSync(join(dir, wasm.path)).toString("base64");
  const script = `${glueText}
const wasmBytes = Uint8Array.from(atob("${wasmBase64}"), (c) => c.charCodeAt(0));
await ${init}({ module_or_path: wasmBytes });
`;
  if (/<\/script/i.test(script)) fail("the inlined script contains </script");
  html = html.replace("</body>", `<script type="module">\n${script}</script>\n</body>`);
  if (/(src|href)="(?!data:|#)[^"]*"/.test(html.replace(/<a [^>]*>/g, ""))) {
    fail(`${SINGLE_FILE} still refers to a file: ${html.match(/(src|href)="(?!data:|#)[^"]*"/)[0]}`);
  }
  write(SINGLE_FILE, html);
}

// ---- 5. The versioned folder and the host's header rules --------------------------------------

/** v<version>/: what an embed needs, for authors who pin this release. Earlier runs' folders go. */
function versionedFolder(version, { glue, wasm, css }) {
  for (const name of readdirSync(dir)) {
    if (/^v\d/.test(name) && statSync(join(dir, name)).isDirectory()) rmSync(join(dir, name), { recursive: true });
  }
  const folder = `v${version}`;
  mkdirSync(join(dir, folder));
  for (const name of [...PINNED, glue.path, wasm.path, css.path]) {
    if (!existsSync(join(dir, name))) fail(`${name} is missing; it belongs in ${folder}/`);
    cpSync(join(dir, name), join(dir, folder, name));
  }
  return folder;
}

/** _headers (Netlify, Cloudflare Pages): CORS everywhere; a year for the hashed names and the
 *  versioned folder; five minutes for embed.js and release.json; HTML revalidated every time.
 *  No rule sets a header another also sets: both hosts join such values with a comma. */
function headers(folder, { glue, wasm, css }) {
  const immutable = "  Cache-Control: public, max-age=31536000, immutable";
  const rules = [
    "# role-compare's response headers for Netlify and Cloudflare Pages, written by the build",
    "# (scripts/postbuild.mjs) for a site at the root of its host. See docs/publishing.md.",
    "/*",
    "  Access-Control-Allow-Origin: *",
    "  X-Content-Type-Options: nosniff",
    ...[glue, wasm, css].flatMap(({ path }) => [`/${path}`, immutable]),
    `/${folder}/*`,
    immutable,
    "/embed.js",
    "  Cache-Control: public, max-age=300",
    `/${RELEASE}`,
    "  Cache-Control: public, max-age=300",
    "/",
    "  Cache-Control: no-cache",
    "/*.html",
    "  Cache-Control: no-cache",
    `/${WORKER}`,
    "  Cache-Control: no-cache",
  ];
  write(HEADERS, rules.join("\n") + "\n");
}

// ---- 6. The service worker --------------------------------------------------------------------

function files(at = dir) {
  return readdirSync(at).flatMap((name) => {
    const path = join(at, name);
    return statSync(path).isDirectory() ? files(path) : [relative(dir, path).split("\\").join("/")];
  });
}

function serviceWorker(builderFiles) {
  const builder = new Set(builderFiles);
  const precached = files()
    .filter((name) => !NOT_PRECACHED.has(name) && !builder.has(name) && !/^v\d[^/]*\//.test(name))
    .sort();
  // The version covers the builder's files too: a change there is a new version, whose worker
  // caches them again for those who use the builder.
  const hash = createHash("sha256");
  for (const name of [...precached, ...[...builder].sort()]) hash.update(name).update("\0").update(readFileSync(join(dir, name)));
  const version = hash.digest("hex").slice(0, 16);
  const list = JSON.stringify(["./", ...precached.map((name) => `./${name}`)], null, 2);
  const groups = JSON.stringify({ builder: [...builder].sort().map((name) => `./${name}`) }, null, 2);
  const template = readFileSync(join(root, "web", "sw.template.js"), "utf8");
  if (!template.includes("__VERSION__") || !template.includes("__FILES__") || !template.includes("__GROUPS__")) fail("web/sw.template.js lost its placeholders");
  write(WORKER, template.replace("__VERSION__", version).replace("__FILES__", list).replace("__GROUPS__", groups));
  console.log(`postbuild: ${SINGLE_FILE} written; ${WORKER} version ${version} precaches ${precached.length + 1} URLs`);
}

const version = releaseVersion();
buildBuilder();
minifyStylesheet();
const assets = await hashAssets();
const builderFiles = await builderAssets();
await writeLoader(version, assets);
await writeSiteScript();
rewritePages(assets);
const release = writeRelease(version, assets);
prerender();
singleFile(assets, release);
const folder = versionedFolder(version, assets);
headers(folder, assets);
serviceWorker(builderFiles);
console.log(`postbuild: release ${version}: ${assets.glue.path}, ${assets.wasm.path}, ${assets.css.path}; pinned copy in ${folder}/`);
