// The host page's own script (tests/e2e/hosts/robust.html): a button that must keep working
// whatever happens to the widgets.
const button = document.getElementById("host-button");
const count = document.getElementById("host-count");
button.addEventListener("click", () => {
  count.textContent = String(Number(count.textContent) + 1);
});
