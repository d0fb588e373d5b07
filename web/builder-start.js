// The builder page's start (builder.html): loads the builder's wasm, and keeps the page working
// offline once it has been opened. A file of its own because the page's policy forbids inline
// scripts.
//
// Offline: the site's service worker (sw.js) precaches the standalone site for every reader,
// but not the builder, which few readers open. This page asks the worker to keep the builder's
// files too ({type: "keep", group: "builder"}); the worker answers once they are in its cache,
// and keeps them again in each new version it installs. The footer says when that is done.

const glue = document.querySelector("link[data-builder-glue]");
const status = document.querySelector('[data-builder="offline"]');

function say(text) {
  if (status) status.textContent = text;
}

async function start() {
  const module = await import(glue.href);
  await module.default();
}

async function keepOffline() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data?.type !== "role-compare:kept" || event.data.group !== "builder") return;
    say(event.data.ok ? "This page works offline from now on." : "This page could not be saved for offline use.");
  });
  await navigator.serviceWorker.register("./sw.js", { updateViaCache: "none" });
  const registration = await navigator.serviceWorker.ready;
  registration.active?.postMessage({ type: "keep", group: "builder" });
}

start().catch((error) => {
  console.error("role-compare builder:", error);
  const root = document.getElementById("builder");
  if (root) root.textContent = `The builder could not start: ${error.message || error}`;
});
keepOffline().catch((error) => console.warn("role-compare builder: offline use is unavailable:", error));
