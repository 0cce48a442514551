"use strict";
/* Review report behaviour: tooltips for highlights, the corrections toggle, the tables of
   findings (sort, filter, toggles, CSV export) and "copy citation". No network, no innerHTML. */
(function () {
  var tooltip = document.createElement("div");
  tooltip.className = "tooltip";
  tooltip.id = "tooltip";
  tooltip.setAttribute("role", "tooltip");
  tooltip.hidden = true;
  document.body.appendChild(tooltip);

  function showTip(target) {
    var rect = target.getBoundingClientRect();
    tooltip.textContent = target.getAttribute("data-tip");
    tooltip.hidden = false;
    tooltip.style.left = Math.max(4, rect.left + window.scrollX) + "px";
    tooltip.style.top = rect.bottom + window.scrollY + 4 + "px";
    target.setAttribute("aria-describedby", "tooltip");
  }

  function hideTip(target) {
    tooltip.hidden = true;
    if (target) { target.removeAttribute("aria-describedby"); }
  }

  function tipTarget(event) {
    return event.target.closest ? event.target.closest("[data-tip]") : null;
  }

  document.addEventListener("mouseover", function (event) {
    var target = tipTarget(event);
    if (target) { showTip(target); } else { hideTip(null); }
  });
  document.addEventListener("focusin", function (event) {
    var target = tipTarget(event);
    if (target) { showTip(target); }
  });
  document.addEventListener("focusout", function (event) { hideTip(tipTarget(event)); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hideTip(null); }
  });

  var toggle = document.getElementById("toggle-corrections");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var shown = document.body.classList.toggle("show-corrections");
      toggle.setAttribute("aria-pressed", shown ? "true" : "false");
      toggle.textContent = toggle.textContent.replace(shown ? "Show" : "Hide", shown ? "Hide" : "Show");
    });
  }

  /* The sticky toolbar's height, so that an anchor's target lands below it. */
  var toolbar = document.querySelector(".toolbar");
  function measureToolbar() {
    if (toolbar) { document.documentElement.style.setProperty("--sticky", toolbar.offsetHeight + "px"); }
  }
  measureToolbar();
  window.addEventListener("resize", measureToolbar);

  /* Tables of findings: sort by a column (empty values last), a filter per column on the
     cell's visible text, toggles on row flags, and CSV export of the rows shown. */
  function cellText(cell) {
    return cell.textContent.replace(/\s+/g, " ").trim();
  }

  function sortValue(row, column, numeric) {
    var cell = row.cells[column];
    var value = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cellText(cell);
    if (value === "" || value === "\u2014") { return null; }
    return numeric ? parseFloat(value) || 0 : value.toLowerCase();
  }

  function compareValues(x, y, ascending) {
    if (x === null || y === null) { return x === y ? 0 : x === null ? 1 : -1; }  /* empty: last either way */
    return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
  }

  function sortTable(table, header) {
    var column = header.cellIndex;
    var numeric = header.querySelector("button").getAttribute("data-numeric") === "true";
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      return compareValues(sortValue(a, column, numeric), sortValue(b, column, numeric), ascending);
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.setAttribute("aria-sort", "none"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function rowPasses(row, filters, toggles) {
    var flags = " " + (row.getAttribute("data-flags") || "") + " ";
    var togglesPass = toggles.every(function (toggle) {
      var has = flags.indexOf(" " + toggle.getAttribute("data-flag") + " ") !== -1;
      return !toggle.checked || (toggle.getAttribute("data-keep") === "true" ? has : !has);
    });
    return togglesPass && filters.every(function (filter) {
      var wanted = filter.value.toLowerCase().trim();
      var text = cellText(row.cells[Number(filter.getAttribute("data-column"))]);
      if (!wanted) { return true; }
      return filter.tagName === "SELECT" ? text.toLowerCase() === wanted : text.toLowerCase().indexOf(wanted) !== -1;
    });
  }

  function filterTable(tools, table) {
    var filters = Array.prototype.slice.call(table.querySelectorAll(".filter"));
    var toggles = Array.prototype.slice.call(tools.querySelectorAll(".toggle"));
    var rows = table.tBodies[0].rows, shown = 0;
    Array.prototype.forEach.call(rows, function (row) {
      var visible = rowPasses(row, filters, toggles);
      row.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    tools.querySelector(".filter-count").textContent = shown + " of " + rows.length;
  }

  function csvField(text) {
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function shownRowsAsCsv(table) {
    var lines = [Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return csvField(cellText(th)); }).join(",")];
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      if (!row.hidden) {
        lines.push(Array.prototype.map.call(row.cells, function (cell) { return csvField(cellText(cell)); }).join(","));
      }
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";  /* the BOM tells spreadsheet programs it is UTF-8 */
  }

  function download(name, content) {
    var url = URL.createObjectURL(new Blob([content], { type: "text/csv;charset=utf-8" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  Array.prototype.forEach.call(document.querySelectorAll(".table-tools"), function (tools) {
    var table = document.getElementById(tools.getAttribute("data-table"));
    var refilter = function () { filterTable(tools, table); };
    Array.prototype.forEach.call(table.querySelectorAll(".filter"), function (filter) {
      filter.addEventListener(filter.tagName === "SELECT" ? "change" : "input", refilter);
    });
    Array.prototype.forEach.call(tools.querySelectorAll(".toggle"), function (toggle) {
      toggle.addEventListener("change", refilter);
    });
    tools.querySelector(".clear-filters").addEventListener("click", function () {
      Array.prototype.forEach.call(table.querySelectorAll(".filter"), function (filter) { filter.value = ""; });
      Array.prototype.forEach.call(tools.querySelectorAll(".toggle"), function (toggle) { toggle.checked = false; });
      refilter();
    });
    tools.querySelector(".export").addEventListener("click", function () {
      download(tools.getAttribute("data-export"), shownRowsAsCsv(table));
    });
    Array.prototype.forEach.call(table.querySelectorAll("th button.sort"), function (button) {
      button.addEventListener("click", function () { sortTable(table, button.parentNode); });
    });
  });

  /* "Copy citation": the clipboard when the page may write to it, else a selected text field. */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var field = document.createElement("textarea");
    field.value = text;
    document.body.appendChild(field);
    field.select();
    var done = document.execCommand("copy");
    field.remove();
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.cite") : null;
    if (!button) { return; }
    copyText(button.getAttribute("data-cite")).then(function () {
      button.classList.add("copied");
      button.textContent = "Copied";
      setTimeout(function () { button.classList.remove("copied"); button.textContent = "Copy citation"; }, 1500);
    }, function () {
      button.textContent = button.getAttribute("data-cite");  /* shown, to be copied by hand */
    });
  });
})();
