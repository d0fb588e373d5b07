// role-compare embed loader. Load it once per page as a module:
//   <div data-role-compare data-roles="cio,cmo"></div>
//   <role-compare roles="cio,cmo"></role-compare>
//   <script type="module" src="https://example.org/role-compare/embed.js"></script>
// It adds the widget's stylesheet and mounts a widget into every element with
// `data-role-compare`, and every `<role-compare>` element (a custom element it defines, which
// takes the same options as attributes without `data-`), once the reader comes near it: when it
// is within about a screen of the viewport, or the reader touches, clicks or tabs into it. Until
// then no wasm is downloaded, so a reader who never scrolls to the widget pays only for this file
// (and sees, where the snippet carries one, the pre-rendered view). The wasm loads once a page,
// its glue and module fetched side by side, and each is checked against the hash this release
// wrote here before any of it runs. Pages that add elements later call
// `RoleCompare.mount(element, options)` (also exported from this module; it mounts at once) and
// `RoleCompare.unmount(element)`; `RoleCompare.version` is the release's version.
// Nothing here throws into the host page: failures are shown inside the widget's own box.

// The release this loader belongs to: its version, and the path (beside this file) and
// Subresource Integrity hash of the glue, the wasm and the stylesheet. scripts/postbuild.mjs
// writes the build's values between the markers; the source holds placeholders.
const BUILD = /*rc-build*/ {"version":"0.0.0-source","glue":{"path":"role-compare.js","integrity":""},"wasm":{"path":"role-compare_bg.wasm","integrity":""},"css":{"path":"role-compare.css","integrity":""}} /*/rc-build*/;

/** The version of role-compare this loader belongs to (`RoleCompare.version` too). */
export const version = BUILD.version;

const base = new URL("./", import.meta.url);
const glueUrl = new URL(BUILD.glue.path, base).href;
const wasmUrl = new URL(BUILD.wasm.path, base).href;
const cssUrl = new URL(BUILD.css.path, base).href;
const ELEMENT = "role-compare";
const SELECTOR = `[data-role-compare]:not(${ELEMENT})`;
// Another copy of this loader got to the page first (another release, or this one from another
// address): that copy runs the page, and this one hands every call to it, so no element is
// mounted twice by two wasm modules, and nothing is defined twice.
const owner = typeof window.RoleCompare?.mount === "function" ? window.RoleCompare : null;
// Content text per host element, kept because mounting replaces the element's children.
const inlineContent = new WeakMap();
// Elements with a widget (or one on its way), for mountAll() to skip.
const mounted = new WeakSet();
// The last mount() of each element: mounts of one element run one after the other.
const pending = new WeakMap();
// Elements holding a widget, for the crash message (below); an element leaves on unmount().
const hosts = new Set();

// The wasm-bindgen glue module, once the wasm is running.
let glue = null;
let ready = null;
function loadWasm() {
  ready ??= (async () => {
    // The glue and the module's bytes are fetched at once, side by side (no waterfall), and
    // neither runs until both have passed their integrity checks.
    const [wasm] = await Promise.all([fetchWasm(), preloadGlue()]);
    const module = await import(glueUrl);
    // The standalone page's widget mounts as the module starts (src/main.rs), in slices of its
    // own (src/mount.rs, start_page): what the reader did is handed over once it is mounted.
    const pages = [...document.querySelectorAll("[data-role-compare-page]")].map(carryOver);
    await module.default({ module_or_path: wasm });
    glue = module;
    if (pages.length) await module.pageReady();
    await handOver(pages);
    return module;
  })();
  return ready;
}

/** A file of the release that is not the one its hash names: refused, never run. */
class IntegrityError extends Error {}

// Why a checked fetch failed: the browser says only that it did. Asked again without the
// check (nothing of this answer is used but its status): a file that arrives is one that
// failed its integrity check; else the network or the server is to blame.
async function whyNotLoaded(url, path) {
  try {
    const response = await fetch(url, { cache: "no-store", credentials: "omit" });
    if (response.ok) {
      return new IntegrityError(`role-compare: ${path} failed its integrity check (it is not the file release ${version} was built with), so it was not run`);
    }
    return new Error(`${path}: HTTP ${response.status}`);
  } catch (error) {
    return new Error(`${path}: ${error.message || error}`);
  }
}

// The wasm: fetch() with `integrity` hands over the body only once it matches the hash, and
// those very bytes are compiled (the Response goes to the glue's init), so no unchecked byte
// runs. (The check needs the whole body first, so compiling can no longer overlap the download.)
async function fetchWasm() {
  let response;
  try {
    response = await fetch(wasmUrl, { integrity: BUILD.wasm.integrity, priority: "low" });
  } catch {
    throw await whyNotLoaded(wasmUrl, BUILD.wasm.path);
  }
  if (!response.ok) throw new Error(`${BUILD.wasm.path}: HTTP ${response.status}`);
  return response;
}

// The glue: import() takes no integrity, so the module is first fetched by a
// <link rel="modulepreload" integrity>, which puts it into the page's module map only if it
// matches; the import() that follows then takes it from there, with no second fetch. The
// import waits for the link's "load": in Chromium 156 a modulepreload that fails its check
// leaves nothing in the module map, and an import() after it fetches the file again, unchecked,
// and runs it (measured; tests/e2e/integrity.test.mjs holds both cases). Under a strict CSP this
// needs only script-src for the widget's origin, as before: no inline script (an import map's
// "integrity" field would need one) and no blob: or data: URL (as importing fetched text would).
// The one gap: a page that had already imported this very URL without a check keeps that module.
function preloadGlue() {
  return new Promise((resolve, reject) => {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = glueUrl;
    link.integrity = BUILD.glue.integrity;
    link.crossOrigin = "anonymous";
    link.addEventListener("load", () => resolve(), { once: true });
    link.addEventListener("error", () => whyNotLoaded(glueUrl, BUILD.glue.path).then(reject), { once: true });
    document.head.append(link);
  });
}

function addStylesheet() {
  const present = [...document.querySelectorAll('link[rel="stylesheet"]')].some((l) => l.href === cssUrl);
  if (present) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = cssUrl;
  // Checked too; `crossorigin` because a check needs a CORS response from another origin.
  link.integrity = BUILD.css.integrity;
  link.crossOrigin = "anonymous";
  document.head.append(link);
}

// The option names (src/options.rs, KNOWN; a native test holds the two lists equal).
const OPTIONS = ["roles", "focus", "line", "topic", "overlap", "q", "layout", "facets", "theme", "compact", "heading-level", "url-state", "content"];
// Attributes of a <role-compare> element that are the page's, not options: HTML's global
// attributes, aria-*, event handlers and data-* (which the page, or this script, may use).
const GLOBAL_ATTRIBUTES = new Set(["id", "class", "style", "title", "lang", "dir", "hidden", "tabindex", "slot", "part", "exportparts", "role", "is", "nonce", "autofocus", "inert", "popover", "translate", "spellcheck", "accesskey", "contenteditable", "draggable", "enterkeyhint", "inputmode", "autocapitalize", "writingsuggestions", "itemscope", "itemtype", "itemprop", "itemid", "itemref"]);

// The element's options as [name, value] pairs: a <role-compare> element's attributes but the
// page's own (above); or the data-* attributes without "data-", not the marker itself, nor the
// widget's own `data-rc-*` (such as data-rc-scheme, written by this script), which are no
// options.
function attributeOptions(element) {
  const pairs = [];
  const custom = element.localName === ELEMENT;
  for (const { name, value } of element.attributes) {
    if (custom) {
      if (!GLOBAL_ATTRIBUTES.has(name) && !/^(aria-|data-|on)/.test(name)) pairs.push([name, value]);
    } else if (name.startsWith("data-") && name !== "data-role-compare" && !name.startsWith("data-rc-")) {
      pairs.push([name.slice(5), value]);
    }
  }
  return pairs;
}

// A script's options object as pairs: camelCase keys to kebab-case, lists joined by commas,
// `true` as a bare flag.
function objectOptions(options) {
  const pairs = [];
  for (const [key, value] of Object.entries(options ?? {})) {
    if (key === "content" && typeof value === "object" && value !== null) continue;
    const name = key.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
    const text = value === true ? "" : Array.isArray(value) ? value.join(",") : String(value);
    pairs.push([name, text]);
  }
  return pairs;
}

// Content as a table (CSV or TSV, such as a published Google Sheet's CSV link), told from a
// content file by its address's extension or its media type; the wasm reads it as a table.
function isTable(url, type) {
  return /\.(csv|tsv)$/i.test(url.pathname) || /^\s*text\/(csv|tab-separated-values)\s*(;|$)/i.test(type ?? "");
}

// The author's content: inline JSON in the element, a content object passed to mount(), or a
// URL (data-content / options.content). Returns [text, error, format]; text and error both null
// mean the default; format is "table" for CSV and TSV, else JSON.
async function resolveContent(element, options, pairs) {
  if (options && typeof options.content === "object" && options.content !== null) {
    return [JSON.stringify(options.content), null];
  }
  if (!inlineContent.has(element)) {
    const script = element.querySelector(':scope > script[type="application/json"]');
    inlineContent.set(element, script ? script.textContent : null);
  }
  const inline = inlineContent.get(element);
  if (inline !== null) return [inline, null];
  const url = pairs.filter(([name]) => name === "content").map(([, value]) => value.trim()).pop();
  if (!url) return [null, null];
  try {
    const address = new URL(url, document.baseURI);
    const response = await fetch(address, { credentials: "omit" });
    if (!response.ok) return [null, `could not load the content from ${url}: HTTP ${response.status}`];
    const format = isTable(address, response.headers.get("content-type")) ? "table" : null;
    return [await response.text(), null, format];
  } catch (error) {
    return [null, `could not load the content from ${url}: ${error.message || error}`];
  }
}

// Where the widget's files live, for the "Embed this view" snippet the wasm writes (it cannot
// know this script's address itself). A `data-rc-*` attribute: the widget's, never an option.
function markBase(element) {
  if (element.getAttribute("data-rc-base") !== base.href) element.setAttribute("data-rc-base", base.href);
}

function showFailure(element, error) {
  const box = document.createElement("p");
  box.className = "rc-load-failed";
  box.setAttribute("role", "alert");
  const why = error && error.message ? error.message : error;
  const refused = error instanceof IntegrityError;
  // A pre-rendered view stays: the duties can still be read, only the filters are missing.
  const view = element.querySelector(":scope > .rc-mount[data-prerendered]");
  if (view) {
    box.textContent = refused
      ? `${why}; the duties below are all shown, without their filters.`
      : `The filters of this comparison could not be loaded (${why}); the duties below are all shown.`;
    element.querySelector(":scope > .rc-load-failed")?.remove();
    view.before(box);
    return;
  }
  box.textContent = refused ? `${why}.` : `This comparison could not be loaded: ${why}`;
  element.replaceChildren(box);
}

// ---- Nothing lost at takeover (issue 16) ------------------------------------------------------
// Until the wasm takes over, a pre-rendered view is plain HTML: its toggles do nothing yet and its
// search field takes text no filter reads. What a reader does to it meanwhile is handed to the
// live widget: clicks on its controls (a key press on a button is a click too) are replayed in
// order, typed search text is put back and searched for, the focus and the strip's sideways
// scroll stay where they were. When the wasm hydrates the view (src/mount.rs) the elements are
// the very same, and only the clicks and the text need handing over; when it replaces the view
// (other options, the author's content, a filtered link), the new view has the same structure,
// so the focus is found again by its place in it.

// The attributes that name a control of the widget: a click on an element with one of them is
// replayed on the live element with the same attribute and value.
const CONTROL_ATTRIBUTES = ["data-filter", "data-layout", "data-action", "data-remove", "data-export", "data-copy", "data-cell", "data-all"];
const CONTROL = CONTROL_ATTRIBUTES.map((name) => `[${name}]`).join(", ");
// Clicks on pre-rendered controls, per view (the `.rc-mount[data-prerendered]` element).
const earlyClicks = new WeakMap();

function recordEarlyClick(event) {
  const control = event.target instanceof Element ? event.target.closest(CONTROL) : null;
  const view = control?.closest(".rc-mount[data-prerendered]");
  if (!view) return;
  const name = CONTROL_ATTRIBUTES.find((n) => control.hasAttribute(n));
  const selector = `[${name}="${CSS.escape(control.getAttribute(name))}"]`;
  // One list per view, added to in place: what `carryOver` took keeps growing until the hand-over
  // (the takeover comes in slices, and the reader may click between them).
  if (!earlyClicks.has(view)) earlyClicks.set(view, []);
  earlyClicks.get(view).push(selector);
}

// What the reader types into a pre-rendered view's search field, per view: one object, changed
// in place, so that the hand-over sees the last keystroke made before the takeover, whenever
// `carryOver` took it.
const earlyText = new WeakMap();

function recordEarlyInput(event) {
  const field = event.target;
  if (!(field instanceof HTMLInputElement) || field.type !== "search") return;
  const view = field.closest(".rc-mount[data-prerendered]");
  if (!view) return;
  if (!earlyText.has(view)) earlyText.set(view, { value: null, start: 0, end: 0 });
  Object.assign(earlyText.get(view), { value: field.value, start: field.selectionStart, end: field.selectionEnd });
}

// Where `node` sits under `root`: the indices of its element ancestors among their siblings.
function placeOf(root, node) {
  const path = [];
  for (let at = node; at && at !== root; at = at.parentElement) {
    if (!at.parentElement) return null;
    path.unshift([...at.parentElement.children].indexOf(at));
  }
  return path;
}

function elementAt(root, path) {
  let at = root;
  for (const index of path ?? []) at = at?.children[index];
  return at ?? null;
}

/** What a reader did to the pre-rendered view in `host`, taken just before the wasm takes it
 *  over; null when there is no pre-rendered view. */
function carryOver(host) {
  const view = host.querySelector(":scope > .rc-mount[data-prerendered]");
  if (!view) return null;
  const search = view.querySelector('input[type="search"]');
  const typed = search && search.value !== search.defaultValue ? search : null;
  const active = document.activeElement;
  const strip = view.querySelector(".rc-columns");
  if (!earlyClicks.has(view)) earlyClicks.set(view, []);
  if (!earlyText.has(view)) earlyText.set(view, { value: null, start: 0, end: 0 });
  return {
    host,
    clicks: earlyClicks.get(view),
    typed: earlyText.get(view),
    text: typed ? { value: typed.value, start: typed.selectionStart, end: typed.selectionEnd } : null,
    focus: active && view.contains(active) ? { element: active, place: placeOf(view, active) } : null,
    // How far the reader scrolled the strip sideways (0: not at all, or no strip).
    scroll: strip ? strip.scrollLeft : 0,
  };
}

const microtask = () => new Promise((resolve) => queueMicrotask(resolve));
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Hands what `carryOver` took to the live widgets. Yew renders in a microtask after mount(),
 *  so this waits one (and one after each replayed click). */
async function handOver(carried) {
  await microtask();
  for (const taken of carried) {
    if (!taken) continue;
    const live = taken.host.querySelector(":scope > .rc-mount:not([data-prerendered])");
    if (!live) continue;
    try {
      const strip = live.querySelector(".rc-columns");
      // Only a strip the reader scrolled: asking a strip where it is, or moving it, makes the
      // browser lay the whole view out then and there, in the takeover's task (20 ms of it at
      // 4x CPU slowdown), and a new strip, or the same one hydrated, is where it should be when
      // it was not moved. (Moved to where it already is, a strip stays put.)
      if (taken.scroll && strip) strip.scrollLeft = taken.scroll;
      if (taken.focus && !live.contains(document.activeElement)) {
        const { element, place } = taken.focus;
        const again = element.isConnected ? element : elementAt(live, place);
        // Only an element of the same kind (a view with other options may be built otherwise).
        if (again?.localName === element.localName) again.focus({ preventScroll: true });
      }
      const search = live.querySelector('input[type="search"]');
      // What the reader typed until the takeover (`recordEarlyInput` follows it as it changes).
      const text = taken.typed.value === null ? taken.text : taken.typed;
      if (text && search) {
        search.value = text.value;
        if (document.activeElement === search) search.setSelectionRange(text.start, text.end);
        search.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText" }));
        await microtask();
      }
      for (const selector of taken.clicks) {
        live.querySelector(selector)?.click();
        await microtask();
      }
    } catch (error) {
      // A hand-over that fails costs the reader what they did early, never the widget.
      console.warn("role-compare: could not hand over what was done before the widget started:", error);
    }
  }
}

// ---- The host page's colour scheme ----------------------------------------------------------
// A widget with data-theme="auto" (the default) or "inherit" takes the colour scheme of the page
// it sits in. This reads it and writes `data-rc-scheme="dark|light"` on each host element
// (role-compare.css picks `color-scheme` from it); with nothing to go by, it removes the
// attribute and the widget follows the reader's setting. Plain JS, so it costs the wasm
// nothing and also works for widgets not mounted yet. In order:
//  1. the effective background behind the widget: the host's and its ancestors' background
//     colours, composited up to the first opaque one; dark when its luminance is under 0.18
//     (where white and black text have equal contrast);
//  2. the host's computed `color-scheme`, when it is only "dark" or only "light";
//  3. a theme switch on html or body: class "dark"/"light" (also "dark-mode", "theme-dark" …),
//     or data-theme / data-bs-theme / data-color-scheme / data-mode = "dark"/"light".
// It follows the page: a MutationObserver on the attributes of html and body (theme toggles),
// new stylesheets in head, the end of background transitions, and the reader's OS setting.

const SCHEME_ATTRIBUTE = "data-rc-scheme";
const HOSTS = `[data-role-compare], [data-role-compare-page], ${ELEMENT}`;

function parseColor(text) {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(text.trim());
  if (!m) return null;
  let alpha = m[4] === undefined ? 1 : Number(m[4]);
  if (m[5] === "%") alpha /= 100;
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

function relativeLuminance({ r, g, b }) {
  const channel = (v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

// The colour behind `element`: its background and its ancestors', composited from the first
// opaque one up; null when no ancestor paints an opaque background (the page's canvas shows,
// whose colour the page does not say).
function effectiveBackground(element) {
  const layers = [];
  for (let el = element; el; el = el.parentElement) {
    const color = parseColor(getComputedStyle(el).backgroundColor);
    if (!color || color.a === 0) continue;
    layers.push(color);
    if (color.a >= 0.99) break;
  }
  if (layers.length === 0 || layers[layers.length - 1].a < 0.99) return null;
  let { r, g, b } = layers.pop();
  while (layers.length > 0) {
    const top = layers.pop();
    r = top.r * top.a + r * (1 - top.a);
    g = top.g * top.a + g * (1 - top.a);
    b = top.b * top.a + b * (1 - top.a);
  }
  return { r, g, b };
}

const DARK_CLASS = /^(?:dark|dark-mode|darkmode|dark-theme|theme-dark|is-dark|night|night-mode)$/i;
const LIGHT_CLASS = /^(?:light|light-mode|lightmode|light-theme|theme-light|is-light|day)$/i;
const THEME_ATTRIBUTES = ["data-theme", "data-bs-theme", "data-color-scheme", "data-color-mode", "data-mode"];

function declaredScheme(el) {
  if (!el) return null;
  for (const name of THEME_ATTRIBUTES) {
    const value = (el.getAttribute(name) || "").trim().toLowerCase();
    if (value === "dark" || value === "light") return value;
  }
  if ([...el.classList].some((c) => DARK_CLASS.test(c))) return "dark";
  if ([...el.classList].some((c) => LIGHT_CLASS.test(c))) return "light";
  return null;
}

/** The host page's colour scheme around `host`: "dark", "light" or null (the page says nothing). */
export function hostScheme(host) {
  const background = effectiveBackground(host);
  if (background) return relativeLuminance(background) < 0.18 ? "dark" : "light";
  const scheme = getComputedStyle(host).colorScheme.trim().split(/\s+/);
  if (scheme.length === 1 && (scheme[0] === "dark" || scheme[0] === "light")) return scheme[0];
  return declaredScheme(document.body) ?? declaredScheme(document.documentElement);
}

function applyScheme(host) {
  try {
    const scheme = hostScheme(host);
    if (scheme === null) {
      if (host.hasAttribute(SCHEME_ATTRIBUTE)) host.removeAttribute(SCHEME_ATTRIBUTE);
    } else if (host.getAttribute(SCHEME_ATTRIBUTE) !== scheme) {
      host.setAttribute(SCHEME_ATTRIBUTE, scheme);
    }
  } catch (error) {
    console.error("role-compare:", error);
  }
}

function applySchemes() {
  for (const host of document.querySelectorAll(HOSTS)) applyScheme(host);
}

let schemeFrame = 0;
// Once a frame at most, after the page's own style changes have landed.
function scheduleSchemes() {
  if (schemeFrame) return;
  schemeFrame = requestAnimationFrame(() => {
    schemeFrame = 0;
    applySchemes();
  });
}

let watching = false;
function watchScheme() {
  if (watching) return;
  watching = true;
  const observer = new MutationObserver(scheduleSchemes);
  observer.observe(document.documentElement, { attributes: true });
  if (document.head) observer.observe(document.head, { childList: true });
  if (document.body) observer.observe(document.body, { attributes: true });
  else document.addEventListener("DOMContentLoaded", () => observer.observe(document.body, { attributes: true }), { once: true });
  // A theme that fades its background: read it again when the fade ends, and when a new
  // stylesheet has loaded.
  document.addEventListener("transitionend", scheduleSchemes, { capture: true, passive: true });
  document.addEventListener("load", (event) => event.target instanceof HTMLLinkElement && scheduleSchemes(), { capture: true });
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", scheduleSchemes);
}

/** Mounts (or re-mounts) a widget into `element`. Options: as the data-* attributes, e.g.
 *  { roles: "cio,cmo", focus: "external", theme: "dark", headingLevel: 3, content: {...} }. */
export function mount(element, options = {}) {
  if (owner) return owner.mount(element, options);
  if (!(element instanceof Element)) {
    console.error("role-compare: mount() needs a DOM element");
    return Promise.resolve();
  }
  mounted.add(element);
  unwatch(element);
  watchScheme();
  applyScheme(element);
  const next = (pending.get(element) ?? Promise.resolve()).then(() => mountNow(element, options));
  pending.set(element, next);
  return next;
}

async function mountNow(element, options) {
  try {
    addStylesheet();
    const pairs = [...attributeOptions(element), ...objectOptions(options)];
    const [[json, error, format]] = await Promise.all([resolveContent(element, options, pairs), loadWasm()]);
    // Unmounted while its files were on their way (a <role-compare> taken out of the page).
    if (!mounted.has(element)) return;
    if (crashed) return showCrash(element);
    hosts.add(element);
    element.removeAttribute("data-rc-loading");
    markBase(element);
    // The takeover in slices, each a task of its own, so that the page answers the reader
    // between them: the built-in content read, then the view taken over (docs/performance.md).
    await nextTask();
    if (!mounted.has(element)) return;
    glue.prepare();
    await nextTask();
    if (!mounted.has(element)) return;
    const carried = carryOver(element);
    glue.mount(element, pairs.flat(), json ?? undefined, error ?? undefined, format ?? undefined);
    await handOver([carried]);
  } catch (error) {
    if (isCrash(error)) return crash(error);
    console.error("role-compare:", error);
    showFailure(element, error);
  }
}

/** Removes the widget from `element`; returns whether there was one. */
export function unmount(element) {
  if (owner) return owner.unmount(element);
  try {
    mounted.delete(element);
    hosts.delete(element);
    return glue !== null && !crashed && glue.unmount(element);
  } catch (error) {
    if (isCrash(error)) crash(error);
    else console.error("role-compare:", error);
    return false;
  }
}

/** Mounts every `[data-role-compare]` and `<role-compare>` element not mounted yet, at once. */
export function mountAll(root = document) {
  if (owner) return owner.mountAll(root);
  const fresh = [...root.querySelectorAll(`${SELECTOR}, ${ELEMENT}`)].filter((element) => !mounted.has(element));
  return Promise.all(fresh.map((element) => mount(element)));
}

// How near the viewport a widget must come to be mounted: about a screen above or below it, so
// it is usually ready by the time the reader sees it.
const NEAR = "100% 0px 100% 0px";
// What a reader does to a widget they reached before it was mounted: it mounts at once.
const INTERACTIONS = ["pointerdown", "focusin", "keydown"];

let near = null;
function nearObserver() {
  near ??= new IntersectionObserver((entries) => {
    for (const entry of entries) if (entry.isIntersecting) begin(entry.target);
  }, { rootMargin: NEAR });
  return near;
}

/** Mounts `element` once the reader comes near it (see the top of this file); without
 *  IntersectionObserver, at once. Its styles come at once: a pre-rendered view shows before its
 *  wasm, and an empty element holds its room (both styled by role-compare.css). */
function watch(element) {
  addStylesheet();
  if (!("IntersectionObserver" in window)) return mount(element);
  // Space is held for a widget with no pre-rendered view while it loads (role-compare.css).
  if (!element.querySelector(":scope > .rc-mount")) element.setAttribute("data-rc-loading", "");
  nearObserver().observe(element);
  for (const type of INTERACTIONS) element.addEventListener(type, onInteraction, true);
}

function unwatch(element) {
  near?.unobserve(element);
  for (const type of INTERACTIONS) element.removeEventListener(type, onInteraction, true);
}

function begin(element) {
  unwatch(element);
  if (!mounted.has(element)) mount(element);
}

function onInteraction(event) {
  begin(event.currentTarget);
}

/** Watches each `[data-role-compare]` element not mounted yet (`<role-compare>` elements watch
 *  themselves as they enter the page). */
function mountWhenNear(root = document) {
  for (const element of root.querySelectorAll(SELECTOR)) if (!mounted.has(element)) watch(element);
}

// ---- <role-compare> -------------------------------------------------------------------------
// The same widget as a custom element, in the light DOM (no shadow root), so the stable hooks,
// the page's CSS and the strict-CSP stylesheet reach it as they reach a data-role-compare
// element. It may hold a pre-rendered view and inline JSON content, as that element may.
// Options are its attributes; a change after mount re-mounts it with the new options (several
// changes made together, once); taken out of the page, it unmounts (moved within the page, it
// keeps its widget).
class RoleCompareElement extends HTMLElement {
  static observedAttributes = OPTIONS;

  connectedCallback() {
    watchScheme();
    applyScheme(this);
    if (!mounted.has(this)) watch(this);
  }

  disconnectedCallback() {
    // After the task's other DOM changes: a move is a removal and an insertion.
    queueMicrotask(() => {
      if (this.isConnected) return;
      unwatch(this);
      unmount(this);
    });
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !mounted.has(this) || remounting.has(this)) return;
    remounting.add(this);
    queueMicrotask(() => {
      remounting.delete(this);
      if (mounted.has(this)) mount(this);
    });
  }
}
// Elements with a re-mount queued: attribute changes made in one go re-mount once.
const remounting = new WeakSet();

// A crash is shown, not hidden. When the wasm traps (a Rust panic in a release build aborts,
// whatever the panic settings, so no panic hook is relied on), the module is left in an unknown
// state: every widget on the page then shows a short message with a reload link inside its own
// box, one line goes to the console, nothing more is asked of the wasm, and the host page's
// own scripts carry on. Traps inside our calls are caught above; traps in the widget's event
// handlers and timers reach the window as uncaught errors, where only ours are taken.
let crashed = false;

// Ours: a wasm trap (or an error thrown by the wasm-bindgen glue) whose stack runs through our
// module, so a host's own wasm or scripts are never taken for the widget's.
function isCrash(error) {
  if (!(error instanceof Error)) return false;
  const stack = String(error.stack ?? "");
  const ours = stack.includes(glueUrl) || stack.includes(wasmUrl);
  return ours && (error instanceof WebAssembly.RuntimeError || error.name === "RuntimeError" || stack.includes("wasm-function"));
}

function showCrash(element) {
  const box = document.createElement("div");
  box.className = "rc-crashed";
  box.setAttribute("role", "alert");
  const text = document.createElement("p");
  text.textContent = "This comparison stopped working. ";
  const reload = document.createElement("a");
  reload.href = location.href;
  reload.textContent = "Reload the page";
  // A link to the page itself only scrolls when the URL has a fragment: reload for real.
  reload.addEventListener("click", (event) => {
    event.preventDefault();
    location.reload();
  });
  text.append(reload);
  box.append(text);
  element.replaceChildren(box);
}

function crash(error) {
  if (crashed) return;
  crashed = true;
  let why = error && error.message ? error.message : String(error);
  try {
    why = glue?.lastPanic?.() ?? why; // the panic's message, when the build kept one
  } catch {
    // The module may be past answering; the trap's own message will do.
  }
  console.error(`role-compare: the widget crashed and was stopped (${why}); reloading the page restarts it`);
  for (const element of new Set([...hosts, ...document.querySelectorAll("[data-role-compare-page]")])) {
    if (element.isConnected) showCrash(element);
  }
}

// The standalone page: its pre-rendered view is its largest paint, so the wasm waits for the
// first frame to be painted and then comes at low priority, never competing with the page's
// HTML and stylesheets for the network (docs/performance.md, "Taking over without blocking").
const afterFirstPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function startPage() {
  if (!document.querySelector("[data-role-compare-page]")) return;
  for (const element of document.querySelectorAll("[data-role-compare-page]")) markBase(element);
  afterFirstPaint().then(loadWasm).catch((error) => {
    if (isCrash(error)) return crash(error);
    console.error("role-compare:", error);
    for (const element of document.querySelectorAll("[data-role-compare-page]")) showFailure(element, error);
  });
}

function start() {
  document.addEventListener("click", recordEarlyClick, true);
  document.addEventListener("input", recordEarlyInput, true);
  watchScheme();
  applySchemes();
  startPage();
  mountWhenNear();
}

if (!owner) {
  window.RoleCompare = { mount, unmount, mountAll, version };
  window.addEventListener("error", (event) => {
    if (!isCrash(event.error)) return;
    event.preventDefault(); // the one line below replaces the browser's "Uncaught RuntimeError"
    crash(event.error);
  });
  window.addEventListener("unhandledrejection", (event) => {
    if (!isCrash(event.reason)) return;
    event.preventDefault();
    crash(event.reason);
  });
  // Unless a page's script took the name already.
  if (!customElements.get(ELEMENT)) customElements.define(ELEMENT, RoleCompareElement);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
}
