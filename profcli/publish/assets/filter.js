// Filter a table of profcli by the data attributes of its rows (the meetings overview: kind and
// signal). Local script, no request to any other host. Without script the controls stay hidden
// and the whole table shows. Runs on every page change (Material's instant navigation too).
function profFilters() {
  document.querySelectorAll("[data-prof-filter]").forEach(function (box) {
    var form = box.querySelector("form");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var rows = Array.prototype.slice.call(box.querySelectorAll("tbody tr"));
    var count = form.querySelector(".prof-filter__count");
    function apply() {
      var soort = form.elements.soort.value;
      var signaal = form.elements.signaal.value;
      var shown = 0;
      rows.forEach(function (row) {
        var signals = (row.dataset.signalen || "").split(" ").filter(Boolean);
        var ok = (!soort || row.dataset.soort === soort) &&
          (!signaal ||
            (signaal === "*" && signals.length > 0) ||
            (signaal === "-" && signals.length === 0) ||
            signals.indexOf(signaal) >= 0);
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      if (count) count.textContent = shown + " van " + rows.length + " bijeenkomsten";
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
