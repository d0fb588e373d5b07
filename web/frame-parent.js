// Parent-page side of the iframe embed: sizes every <iframe data-role-compare-frame> to the
// height its widget reports. Load it once per page (or paste its body into a script tag):
//   <script src="https://example.org/role-compare/frame-parent.js" defer></script>
addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "role-compare:height" || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll("iframe[data-role-compare-frame]")) {
    if (frame.contentWindow === event.source) frame.height = String(Math.min(Math.ceil(data.height), 20000));
  }
});
