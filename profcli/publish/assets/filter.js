// Filter a table of profcli by the data attributes of its rows: each select of the form names
// one (the meetings overview: kind and signal; the conversations: their approval). Local script, no request to any other host. Without script the controls stay hidden
// and the whole table shows. Runs on every page change (Material's instant navigation too).
function profFilters() {
  document.querySelectorAll("[data-prof-filter]").forEach(function (box) {
    var form = box.querySelector("form");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var rows = Array.prototype.slice.call(box.querySelectorAll("tbody tr"));
    var count = form.querySelector(".prof-filter__count");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    function fits(row, name, value) {
      if (!value) return true;
      if (name !== "signaal") return row.dataset[name] === value;
      var signals = (row.dataset.signalen || "").split(" ").filter(Boolean);
      return (value === "*" && signals.length > 0) ||
        (value === "-" && signals.length === 0) ||
        signals.indexOf(value) >= 0;
    }
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = selects.every(function (s) { return fits(row, s.name, s.value); });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      if (count) count.textContent = shown + " van " + rows.length + " " + box.dataset.profFilter;
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  });
}
if (typeof document$ !== "undefined") {
  document$.subscribe(profFilters);
} else {
  document.addEventListener("DOMContentLoaded", profFilters);
}
