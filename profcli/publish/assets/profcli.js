// Material's search overlay has role="dialog" but no name (axe-core "aria-dialog-name").
// Give it one; local script, no request to any other host.
document.querySelectorAll(".md-search[role=dialog]").forEach(function (dialog) {
  if (!dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Zoeken");
});

// A wide table scrolls sideways inside its wrapper; keyboard users must be able to reach that
// wrapper to scroll it (axe-core "scrollable-region-focusable"). Material adds the wrappers
// after load and on instant navigation, so this runs on every page change.
function focusableScrollers() {
  document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset__table").forEach(function (el) {
    if (el.scrollWidth > el.clientWidth && !el.hasAttribute("tabindex")) {
      el.setAttribute("tabindex", "0");
      el.setAttribute("role", "region");
      el.setAttribute("aria-label", "Tabel, scroll opzij voor meer kolommen");
    }
  });
}
if (typeof document$ !== "undefined") {
  document$.subscribe(focusableScrollers);
} else {
  window.addEventListener("load", focusableScrollers);
}
window.addEventListener("resize", focusableScrollers);

// Opened straight from disk (file://) Material's search cannot load its index: hide the
// magnifier on small screens too, instead of a button that opens nothing (README: Vanaf schijf).
if (location.protocol === "file:") {
  document.documentElement.classList.add("prof-vanaf-schijf");
}
