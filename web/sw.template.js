// role-compare's service worker. scripts/postbuild.mjs writes dist/sw.js from this template,
// filling in the build's version (a hash of every file) and the list of files it wrote.
// Precache: every file of the build is cached at install under a versioned cache name and
// served from there, so the site works offline after one visit. A new build has a new version:
// the browser installs it in the background, the page tells the reader, and the new worker
// takes over when the reader asks (message "skip-waiting"), deleting the old cache.

const VERSION = "__VERSION__";
const FILES = __FILES__;
const PREFIX = "role-compare-";
const CACHE = PREFIX + VERSION;

self.addEventListener("install", (event) => {
  // Straight from the server: the pages, embed.js and a few more keep their names from build
  // to build (only the widget's own files are named after their contents), so the browser's
  // HTTP cache may still hold the previous build's copies under those names.
  const fresh = FILES.map((url) => new Request(url, { cache: "reload" }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(fresh)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
  if (event.data === "version" && event.source) event.source.postMessage({ type: "role-compare:version", version: VERSION });
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Query strings carry options (embed.html?roles=cio), not other files.
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      try {
        return await fetch(request);
      } catch (error) {
        // Offline and not precached: a page request still gets the site.
        if (request.mode === "navigate") {
          const page = await cache.match("./");
          if (page) return page;
        }
        throw error;
      }
    })(),
  );
});
