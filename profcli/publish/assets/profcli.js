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

// Tables. Each generated table gets, on every page change (instant navigation too):
// - `data-label` on each cell, the text of its column header, so that on a phone the rows of a
//   wide table can stack as cards that name each value (profcli.css, "Phones");
// - sorting: a button in each column header; the first click sorts ascending, the next
//   descending; `aria-sort` tells screen readers. Dutch values sort as Dutch readers expect:
//   `3,5` and `12 / 40` as numbers, `21 april 2026` and `21-04-2026` as dates, text with the
//   Dutch collation. Tables inside a worker's own texts (.prof-tekst) are left alone.
var PROF_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
  "september", "oktober", "november", "december"];
var PROF_EMPTY = /^[\u2013\u2014-]?$/;

function profCellText(cell) {
  return (cell.textContent || "").replace(/[\u2011\u2010]/g, "-").replace(/\s+/g, " ")
    .replace(/^\u26a0\s*/, "").trim();
}

function profDate(text) {
  if (/^nooit$/i.test(text)) return -8.64e15;  // "⚠ nooit": older than any date
  var m = /^(\d{1,2})-(\d{1,2})-(\d{4})\b/.exec(text);
  if (m) return Date.UTC(+m[3], +m[2] - 1, +m[1]);
  m = /^(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (m) return Date.UTC(+m[1], +m[2] - 1, +m[3]);
  m = /^(\d{1,2}) ([a-z]+) (\d{4})\b/i.exec(text);
  if (m) {
    var month = PROF_MONTHS.indexOf(m[2].toLowerCase());
    if (month >= 0) return Date.UTC(+m[3], month, +m[1]);
  }
  return null;
}

function profNumber(text) {
  var m = /^[-+]?\d+(?:\.\d{3})*(?:,\d+)?/.exec(text);
  return m ? parseFloat(m[0].replace(/\./g, "").replace(",", ".")) : null;
}

// How a column sorts: as dates if every filled cell is a date, else as numbers if every filled
// cell starts with one, else as text.
function profColumnKind(rows, index) {
  var kind = "date";
  var filled = 0;
  rows.forEach(function (row) {
    var text = profCellText(row.cells[index] || row);
    if (PROF_EMPTY.test(text)) return;
    filled += 1;
    if (kind === "date" && profDate(text) === null) kind = "number";
    if (kind === "number" && profNumber(text) === null) kind = "text";
  });
  return filled ? kind : "text";
}

function profSort(table, index, button) {
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  // A totals row stays at the bottom.
  var fixed = rows.filter(function (row) { return /^totaal\b/i.test(profCellText(row.cells[0])); });
  rows = rows.filter(function (row) { return fixed.indexOf(row) < 0; });
  var th = button.closest("th");
  var ascending = th.getAttribute("aria-sort") !== "ascending";
  var kind = profColumnKind(rows, index);
  var collator = new Intl.Collator("nl", { numeric: true, sensitivity: "base" });
  var keyed = rows.map(function (row, order) {
    var text = profCellText(row.cells[index] || row);
    var key = kind === "date" ? profDate(text) : kind === "number" ? profNumber(text) : text;
    return { row: row, key: PROF_EMPTY.test(text) ? null : key, order: order };
  });
  keyed.sort(function (a, b) {
    if (a.key === null || b.key === null) {  // empty cells last, in either direction
      return a.key === b.key ? a.order - b.order : a.key === null ? 1 : -1;
    }
    var c = kind === "text" ? collator.compare(a.key, b.key) : a.key - b.key;
    return (ascending ? c : -c) || a.order - b.order;
  });
  keyed.forEach(function (k) { body.appendChild(k.row); });
  fixed.forEach(function (row) { body.appendChild(row); });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
    cell.removeAttribute("aria-sort");
  });
  th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
}

function profTables() {
  document.querySelectorAll(".md-content article table").forEach(function (table) {
    if (table.closest(".prof-tekst") || !table.tHead || !table.tBodies.length) return;
    if (table.hasAttribute("data-prof-tabel")) return;
    table.setAttribute("data-prof-tabel", "");
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    if (headers.length >= 3) table.setAttribute("data-prof-stapel", "");
    if (headers.length >= 6) table.setAttribute("data-prof-breed", "");
    if (headers.length >= 10) table.setAttribute("data-prof-zeer-breed", "");
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      Array.prototype.forEach.call(row.cells, function (cell, index) {
        if (headers[index]) cell.setAttribute("data-label", profCellText(headers[index]));
      });
    });
    if (table.tBodies[0].rows.length < 2) return;
    headers.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "prof-sorteer";
      button.title = "Sorteer op deze kolom";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () { profSort(table, index, button); });
    });
  });
}

// Tables first: a table stacked on a phone no longer needs a focusable scroll region.
function profPage() {
  profTables();
  focusableScrollers();
}
if (typeof document$ !== "undefined") {
  document$.subscribe(profPage);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", profPage);
} else {
  profPage();
}
window.addEventListener("resize", focusableScrollers);

// Opened straight from disk (file://) Material's search cannot load its index: hide the
// magnifier on small screens too, instead of a button that opens nothing (README: Vanaf schijf).
if (location.protocol === "file:") {
  document.documentElement.classList.add("prof-vanaf-schijf");
}
