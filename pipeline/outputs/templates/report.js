"use strict";
/* Review report behaviour: tooltips for highlights, the corrections toggle, and
   sorting and filtering of the commitments tables. No network, no innerHTML. */
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

  function sortValue(row, column, numeric) {
    var cell = row.cells[column];
    var value = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    return numeric ? parseFloat(value) || 0 : value.toLowerCase();
  }

  function sortTable(table, header) {
    var column = header.cellIndex;
    var numeric = header.querySelector("button").getAttribute("data-numeric") === "true";
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = sortValue(a, column, numeric), y = sortValue(b, column, numeric);
      return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.setAttribute("aria-sort", "none"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function filterTable(tools, table) {
    var words = tools.querySelector(".filter-text").value.toLowerCase().trim();
    var kind = tools.querySelector(".filter-kind").value;
    var rows = table.tBodies[0].rows, shown = 0;
    Array.prototype.forEach.call(rows, function (row) {
      var haystack = (row.textContent + " " + row.getAttribute("data-search")).toLowerCase();
      var visible = (!kind || row.getAttribute("data-kind") === kind) && (!words || haystack.indexOf(words) !== -1);
      row.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    tools.querySelector(".filter-count").textContent = shown + " of " + rows.length;
  }

  Array.prototype.forEach.call(document.querySelectorAll(".table-tools"), function (tools) {
    var table = document.getElementById(tools.getAttribute("data-table"));
    var refilter = function () { filterTable(tools, table); };
    tools.querySelector(".filter-text").addEventListener("input", refilter);
    tools.querySelector(".filter-kind").addEventListener("change", refilter);
    Array.prototype.forEach.call(table.querySelectorAll("th button.sort"), function (button) {
      button.addEventListener("click", function () { sortTable(table, button.parentNode); });
    });
  });
})();
