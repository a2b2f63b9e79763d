// Regioportaal: small progressive enhancements. Every page works without this file.
//
// Sortable tables: a table with the attribute data-sortable gets a button in each column
// header of its <thead>. Clicking it sorts the rows of the first <tbody> by that column,
// ascending first, then descending; the header's aria-sort says which, and a polite live
// region says it in words. A cell may give its own sort key in data-sort-value; cells of
// the participation matrix are sorted by their data-variant (most participation first).
// The script sets no inline styles (the Content Security Policy forbids them).
"use strict";
(function () {
  if (!document.querySelector || !Array.prototype.forEach) return;

  // Order of the deelname variants, from most to least participation; "" is "niet betrokken".
  var VARIANT_RANK = { volledig: 0, solidariteit: 1, instap: 2, geen: 3, "": 4 };
  var collator = window.Intl && Intl.Collator ? new Intl.Collator("nl", { numeric: true, sensitivity: "base" }) : null;

  function cellText(cell) {
    return (cell.textContent || "").replace(/\s+/g, " ").trim();
  }

  function sortKey(cell) {
    if (!cell) return { rank: 9, text: "" };
    if (cell.hasAttribute("data-sort-value")) {
      var raw = cell.getAttribute("data-sort-value");
      var num = Number(raw);
      return raw !== "" && !isNaN(num) ? { rank: 0, num: num, text: raw } : { rank: 0, text: raw };
    }
    if (cell.hasAttribute("data-variant")) {
      var v = cell.getAttribute("data-variant");
      return { rank: v in VARIANT_RANK ? VARIANT_RANK[v] : 5, text: cellText(cell) };
    }
    return { rank: 0, text: cellText(cell) };
  }

  function compareKeys(a, b) {
    if (a.rank !== b.rank) return a.rank - b.rank;
    if (a.num !== undefined && b.num !== undefined && a.num !== b.num) return a.num - b.num;
    return collator ? collator.compare(a.text, b.text) : (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
  }

  function headerName(th) {
    return cellText(th);
  }

  function makeSortable(table, tableIndex) {
    var head = table.tHead;
    var body = table.tBodies[0];
    if (!head || !body || !head.rows.length) return;
    var headers = Array.prototype.slice.call(head.rows[head.rows.length - 1].cells);

    // Remember the original order so rows with equal keys keep it (a stable sort).
    Array.prototype.forEach.call(body.rows, function (row, i) { row.setAttribute("data-order", String(i)); });

    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    status.id = "sort-status-" + tableIndex;
    var container = table.parentNode && table.parentNode.classList && table.parentNode.classList.contains("table-scroll")
      ? table.parentNode : table;
    container.parentNode.insertBefore(status, container.nextSibling);

    headers.forEach(function (th, column) {
      if (th.hasAttribute("data-no-sort")) return;
      var name = headerName(th);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      var icon = document.createElement("span");
      icon.className = "sort-icon";
      icon.setAttribute("aria-hidden", "true");

      if (th.querySelector("a, button, input, select, textarea")) {
        // The header holds a link (e.g. to the gemeente): keep it and add a separate button.
        button.className += " sort-button--icon";
        var label = document.createElement("span");
        label.className = "visually-hidden";
        label.textContent = "Sorteer op " + name;
        button.appendChild(label);
        button.appendChild(icon);
        th.appendChild(document.createTextNode(" "));
        th.appendChild(button);
      } else {
        button.textContent = name;
        button.appendChild(icon);
        th.textContent = "";
        th.appendChild(button);
      }

      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");

        var rows = Array.prototype.slice.call(body.rows).map(function (row) {
          return { row: row, key: sortKey(row.cells[column]), order: Number(row.getAttribute("data-order")) };
        });
        rows.sort(function (a, b) {
          var c = compareKeys(a.key, b.key);
          if (!ascending) c = -c;
          return c || a.order - b.order;
        });
        var fragment = document.createDocumentFragment();
        rows.forEach(function (r) { fragment.appendChild(r.row); });
        body.appendChild(fragment);

        status.textContent = "Tabel gesorteerd op " + name + ", " + (ascending ? "oplopend" : "aflopend") + ".";
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), makeSortable);
})();

// Groeiperspectief maps: hovering or focusing an opgave (each is a link, so the keyboard
// reaches it) highlights what it depends on and what depends on it, through any number of
// steps, and fades the rest. Without this file the map is the same, only without the
// highlight. Meaning is never in colour alone: the related boxes and arrows get thicker.
(function () {
  if (!document.querySelectorAll || !Array.prototype.forEach) return;
  var CLASSES = ["is-focus", "is-upstream", "is-downstream"];

  function setup(svg) {
    var nodes = {};
    Array.prototype.forEach.call(svg.querySelectorAll("g.node[data-id]"), function (g) {
      nodes[g.getAttribute("data-id")] = g;
    });
    var edges = Array.prototype.slice.call(svg.querySelectorAll("path.edge[data-from][data-to]"));

    // All ids reachable from `id` following edges forwards (downstream) or backwards (upstream).
    function reach(id, forward) {
      var seen = {}, stack = [id];
      while (stack.length) {
        var current = stack.pop();
        edges.forEach(function (e) {
          var from = e.getAttribute("data-from"), to = e.getAttribute("data-to");
          var next = forward ? (from === current ? to : null) : (to === current ? from : null);
          if (next && !seen[next] && next !== id) { seen[next] = true; stack.push(next); }
        });
      }
      return seen;
    }

    function clear() {
      svg.classList.remove("has-focus");
      Array.prototype.forEach.call(svg.querySelectorAll(".is-focus, .is-upstream, .is-downstream"), function (el) {
        CLASSES.forEach(function (c) { el.classList.remove(c); });
      });
    }

    function highlight(id) {
      clear();
      var up = reach(id, false), down = reach(id, true);
      svg.classList.add("has-focus");
      nodes[id].classList.add("is-focus");
      Object.keys(up).forEach(function (k) { if (nodes[k]) nodes[k].classList.add("is-upstream"); });
      Object.keys(down).forEach(function (k) { if (nodes[k]) nodes[k].classList.add("is-downstream"); });
      edges.forEach(function (e) {
        var from = e.getAttribute("data-from"), to = e.getAttribute("data-to");
        if ((up[from] || from === id) && (up[to] || to === id)) e.classList.add("is-upstream");
        if ((down[to] || to === id) && (down[from] || from === id)) e.classList.add("is-downstream");
      });
    }

    Object.keys(nodes).forEach(function (id) {
      var g = nodes[id];
      g.addEventListener("mouseenter", function () { highlight(id); });
      g.addEventListener("mouseleave", clear);
      g.addEventListener("focusin", function () { highlight(id); });
      g.addEventListener("focusout", clear);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("svg.regiomap"), setup);
})();
