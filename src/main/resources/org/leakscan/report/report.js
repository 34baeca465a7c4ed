(function () {
  "use strict";
  // Filtering happens here, in the page: rows carry their own text, flags (data-flags) and, for
  // flows, the matrix row and columns they count in (data-r, data-c).
  var q = document.getElementById("q");
  var cellFilter = {}; // app index -> {r, c, label}

  function rowsOf(table) { return table.tBodies.length ? table.tBodies[0].rows : []; }

  function apply() {
    var needle = q ? q.value.trim().toLowerCase() : "";
    var tables = document.querySelectorAll("table.filterable");
    for (var t = 0; t < tables.length; t++) {
      var table = tables[t];
      var section = table.closest("section");
      var toggles = section ? section.querySelectorAll("input[data-only]:checked") : [];
      var app = table.getAttribute("data-app");
      var cell = table.classList.contains("flows") ? cellFilter[app] : null;
      var rows = rowsOf(table), shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i], ok = true;
        if (needle && row.textContent.toLowerCase().indexOf(needle) < 0) { ok = false; }
        var flags = " " + (row.getAttribute("data-flags") || "") + " ";
        for (var k = 0; ok && k < toggles.length; k++) {
          if (flags.indexOf(" " + toggles[k].getAttribute("data-only") + " ") < 0) { ok = false; }
        }
        if (ok && cell) {
          if (cell.r !== null && row.getAttribute("data-r") !== cell.r) { ok = false; }
          if (ok && cell.c !== null && (" " + row.getAttribute("data-c") + " ").indexOf(" " + cell.c + " ") < 0) { ok = false; }
        }
        row.hidden = !ok;
        if (ok) { shown++; }
      }
      var count = section ? section.querySelector(".shown") : null;
      if (count) { count.textContent = shown === rows.length ? "" : shown + " of " + rows.length + " shown"; }
    }
    var notes = document.querySelectorAll(".filter-note[data-app]");
    for (var n = 0; n < notes.length; n++) {
      var f = cellFilter[notes[n].getAttribute("data-app")];
      notes[n].hidden = !f;
      if (f) { notes[n].querySelector(".what").textContent = f.label; }
    }
  }

  function selectCell(button) {
    var app = button.getAttribute("data-app");
    var r = button.getAttribute("data-r"), c = button.getAttribute("data-c");
    var active = document.querySelectorAll("td.active");
    for (var i = 0; i < active.length; i++) { active[i].classList.remove("active"); }
    var same = cellFilter[app] && cellFilter[app].r === r && cellFilter[app].c === c;
    if (same) {
      delete cellFilter[app];
    } else {
      cellFilter[app] = {r: r, c: c, label: button.getAttribute("data-label")};
      if (button.parentNode.tagName === "TD") { button.parentNode.classList.add("active"); }
      var flows = document.getElementById("a" + app + "-flows");
      apply();
      if (flows && flows.scrollIntoView) { flows.scrollIntoView(); }
      return;
    }
    apply();
  }

  document.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("button[data-r],button[data-c]") : null;
    if (b) { selectCell(b); return; }
    var clear = e.target.closest ? e.target.closest("button.clear-cell") : null;
    if (clear) {
      delete cellFilter[clear.getAttribute("data-app")];
      var active = document.querySelectorAll("td.active");
      for (var i = 0; i < active.length; i++) { active[i].classList.remove("active"); }
      apply();
    }
  });
  document.addEventListener("change", function (e) {
    if (e.target.matches && e.target.matches("input[data-only]")) { apply(); }
  });
  if (q) {
    q.addEventListener("input", apply);
    // A link can carry a search: report.html#q=mixpanel
    var m = /^#q=(.*)$/.exec(location.hash);
    if (m) { try { q.value = decodeURIComponent(m[1]); } catch (ignored) { q.value = m[1]; } }
  }
  // Printing shows what is folded away on screen.
  window.addEventListener("beforeprint", function () {
    var d = document.querySelectorAll("details");
    for (var i = 0; i < d.length; i++) { d[i].open = true; }
  });
  apply();
  document.documentElement.setAttribute("data-js", "ready");
})();
