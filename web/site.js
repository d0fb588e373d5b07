// The standalone site only (not embeds): registers the service worker that keeps the site
// working offline, and tells the reader when a new version has been deployed.

const banner = document.getElementById("update-banner");
const reloadButton = document.getElementById("update-reload");
// Whether the reader asked for the new version (in this tab).
let asked = false;

function offerUpdate(worker) {
  if (!banner || !reloadButton) return;
  banner.hidden = false;
  reloadButton.addEventListener("click", () => {
    asked = true;
    reloadButton.disabled = true;
    worker.postMessage("skip-waiting");
  }, { once: true });
}

async function register() {
  if (!("serviceWorker" in navigator)) return;
  const hadController = Boolean(navigator.serviceWorker.controller);
  const registration = await navigator.serviceWorker.register("./sw.js", { updateViaCache: "none" });
  // A new worker took over, at the reader's request here or in another tab: load the new
  // version. (On a first visit the worker claims the page too; nothing to reload then.)
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (hadController || asked) location.reload();
  });
  if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    if (!worker) return;
    worker.addEventListener("statechange", () => {
      // Installed while an older version controls the page: a new version is ready.
      if (worker.state === "installed" && navigator.serviceWorker.controller) offerUpdate(worker);
    });
  });
}

register().catch((error) => console.warn("role-compare: offline support is unavailable:", error));
