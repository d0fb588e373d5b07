// The iframe page (embed.html): one widget filling the frame, its options taken from the query
// string (embed.html?roles=cio,cto&focus=external), its height posted to the parent page so a
// small parent-side script (frame-parent.js) can size the frame as the reader filters.

import { mount } from "./embed.js";

const host = document.getElementById("rc-frame");
const options = {};
for (const [name, value] of new URLSearchParams(location.search)) options[name] = value;

let last = 0;
function postHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  // The height is no secret, so any parent may read it.
  window.parent.postMessage({ type: "role-compare:height", height }, "*");
}

new ResizeObserver(postHeight).observe(document.documentElement);
mount(host, options).then(postHeight);
