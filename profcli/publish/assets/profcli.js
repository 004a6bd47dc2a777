// Material's search overlay has role="dialog" but no name (axe-core "aria-dialog-name").
// Give it one; local script, no request to any other host.
document.querySelectorAll(".md-search[role=dialog]").forEach(function (dialog) {
  if (!dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Zoeken");
});
