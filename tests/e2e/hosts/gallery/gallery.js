// The gallery themes' own script: a dark-mode toggle that puts class="dark" on body, as many
// blog themes do. (A file, not an inline script: the widget's pages run under a strict CSP.)
for (const button of document.querySelectorAll("[data-theme-toggle]")) {
  button.addEventListener("click", () => {
    const dark = document.body.classList.toggle("dark");
    button.setAttribute("aria-pressed", String(dark));
  });
}
