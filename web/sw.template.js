// role-compare's service worker. scripts/postbuild.mjs writes dist/sw.js from this template,
// filling in the build's version (a hash of every file) and the list of files it wrote.
// Precache: every file of the build is cached at install under a versioned cache name and
// served from there, so the site works offline after one visit. A new build has a new version:
// the browser installs it in the background, the page tells the reader, and the new worker
// takes over when the reader asks (message "skip-waiting"), deleting the old cache.
// Groups: files cached only for those who open the page that needs them (the builder, which few
// readers open): the page asks ({type: "keep", group}) and hears back once they are cached
// ({type: "role-compare:kept", group, ok}); a new version's worker caches a group again at
// install when the old version's cache had it, so the page keeps working offline after updates.

const VERSION = "__VERSION__";
const FILES = __FILES__;
const GROUPS = __GROUPS__;
const PREFIX = "role-compare-";
const CACHE = PREFIX + VERSION;

// Straight from the server: the pages, embed.js and a few more keep their names from build to
// build (only the widget's and the builder's own files are named after their contents), so the
// browser's HTTP cache may still hold the previous build's copies under those names.
const fresh = (urls) => urls.map((url) => new Request(url, { cache: "reload" }));

/** The groups an earlier version's cache holds (by their first file). */
async function groupsKept() {
  const kept = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const cache = await caches.open(name);
    for (const [group, urls] of Object.entries(GROUPS)) {
      if (!kept.includes(group) && (await cache.match(urls[0], { ignoreSearch: true }))) kept.push(group);
    }
  }
  return kept;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(fresh(FILES));
      for (const group of await groupsKept()) await cache.addAll(fresh(GROUPS[group]));
    })(),
  );
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
  const group = event.data?.type === "keep" ? GROUPS[event.data.group] : null;
  if (group) {
    event.waitUntil(
      caches
        .open(CACHE)
        .then((cache) => cache.addAll(fresh(group)))
        .then(
          () => true,
          () => false,
        )
        .then((ok) => event.source?.postMessage({ type: "role-compare:kept", group: event.data.group, ok })),
    );
  }
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
