#!/usr/bin/env node
// Runs after every Trunk build (Trunk.toml [[hooks]], stage post_build), on the build's output:
//  0. pre-renders the widget's default view into index.html and embed.html, with Yew's server
//     renderer run natively (src/bin/prerender.rs), so duties show before any wasm loads;
//  1. writes role-compare.html, the single-file edition: the standalone page with its CSS, JS
//     and wasm inside, so it opens from disk (file://) with no network;
//  2. writes sw.js from web/sw.template.js with the list of files the build wrote and a version
//     derived from their contents, so every deploy with any change is a new version.
// Usage: node scripts/postbuild.mjs [dir]   (default: $TRUNK_STAGING_DIR, else dist)

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? join(root, "dist");
const SINGLE_FILE = "role-compare.html";
const WORKER = "sw.js";
// Not precached: the worker itself, the offline download (a copy of the whole site), and the
// pre-rendered snippet for blog authors (a text to copy, not a page).
const NOT_PRECACHED = new Set([WORKER, SINGLE_FILE, "snippet.html"]);

function fail(message) {
  console.error(`postbuild: ${message}`);
  process.exit(1);
}

const read = (name) => readFileSync(join(dir, name), "utf8");

function singleFile() {
  let html = read("index.html");
  // Stylesheets inline.
  html = html.replace(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>/g, (_, name) => `<style>\n${read(name)}</style>`);
  // What only the hosted site has: the loader, preloads, manifest, worker registration, the
  // download link itself.
  html = html.replace(/<script type="module" src="[^"]*"><\/script>\s*/g, "");
  html = html.replace(/<link rel="(modulepreload|manifest)"[^>]*>\s*/g, "");
  // (An element marked so holds no element of its own kind.)
  html = html.replace(/<([a-z]+) [^>]*data-online-only[^>]*>[\s\S]*?<\/\1>\s*/g, "");
  const icon = readFileSync(join(dir, "icon.svg")).toString("base64");
  html = html.replace(/href="\.\/icon\.svg"/, `href="data:image/svg+xml;base64,${icon}"`);

  const glue = read("role-compare.js");
  if (!/export \{[^}]*__wbg_init as default/.test(glue)) fail("role-compare.js has no __wbg_init default export; update the single-file step");
  const wasm = readFileSync(join(dir, "role-compare_bg.wasm")).toString("base64");
  const script = `${glue}
const wasmBytes = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: wasmBytes });
`;
  if (/<\/script/i.test(script)) fail("the inlined script contains </script");
  html = html.replace("</body>", `<script type="module">\n${script}</script>\n</body>`);
  if (/(src|href)="(?!data:|#)[^"]*"/.test(html.replace(/<a [^>]*>/g, ""))) {
    fail(`${SINGLE_FILE} still refers to a file: ${html.match(/(src|href)="(?!data:|#)[^"]*"/)[0]}`);
  }
  writeFileSync(join(dir, SINGLE_FILE), html);
}

function files(at = dir) {
  return readdirSync(at).flatMap((name) => {
    const path = join(at, name);
    return statSync(path).isDirectory() ? files(path) : [relative(dir, path).split("\\").join("/")];
  });
}

function serviceWorker() {
  const precached = files().filter((name) => !NOT_PRECACHED.has(name)).sort();
  const hash = createHash("sha256");
  for (const name of precached) hash.update(name).update("\0").update(readFileSync(join(dir, name)));
  const version = hash.digest("hex").slice(0, 16);
  const list = JSON.stringify(["./", ...precached.map((name) => `./${name}`)], null, 2);
  const template = readFileSync(join(root, "web", "sw.template.js"), "utf8");
  if (!template.includes("__VERSION__") || !template.includes("__FILES__")) fail("web/sw.template.js lost its placeholders");
  writeFileSync(join(dir, WORKER), template.replace("__VERSION__", version).replace("__FILES__", list));
  console.log(`postbuild: ${SINGLE_FILE} written; ${WORKER} version ${version} precaches ${precached.length + 1} URLs`);
}

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

prerender();
singleFile();
serviceWorker();
