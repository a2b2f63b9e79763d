// Search without a server: loads the index written at build time and filters it in the
// browser. Without JavaScript the page still lists every page (the overview below the form).
"use strict";
(function () {
  var form = document.querySelector("form[data-index]");
  if (!form || !window.fetch) return;
  var input = form.querySelector("input[name=q]");
  var results = document.getElementById("zoekresultaten");
  var overview = document.querySelector(".search-overview");
  var index = null;

  // The same folding as the generator: lowercase, diacritics removed, spaces collapsed.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/ĳ/g, "ij").replace(/ß/g, "ss").replace(/\s+/g, " ").trim();
  }

  function render(query) {
    results.textContent = "";
    var terms = fold(query).split(" ").filter(Boolean);
    if (!terms.length) { overview.hidden = false; return; }
    var hits = index.filter(function (e) {
      return terms.every(function (t) { return e.t.indexOf(t) !== -1; });
    }).map(function (e) {
      var title = fold(e.titel);
      var score = terms.reduce(function (s, t) { return s + (title.indexOf(t) !== -1 ? 2 : 1); }, 0);
      return { e: e, score: score };
    }).sort(function (a, b) { return b.score - a.score || a.e.titel.localeCompare(b.e.titel, "nl"); });
    overview.hidden = true;
    function label(className, text) {
      var span = document.createElement("span");
      span.className = className;
      span.textContent = text;
      var wrap = document.createElement("span");
      wrap.appendChild(document.createTextNode(" "));
      wrap.appendChild(span);
      return wrap;
    }
    var status = document.createElement("p");
    status.textContent = hits.length === 1 ? "1 resultaat" : hits.length + " resultaten";
    results.appendChild(status);
    var list = document.createElement("ul");
    list.className = "item-list";
    hits.slice(0, 50).forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = h.e.u;
      a.textContent = h.e.titel;
      var kind = document.createElement("span");
      kind.className = "meta";
      kind.textContent = h.e.k;
      var summary = document.createElement("span");
      summary.className = "summary";
      summary.textContent = h.e.s;
      li.appendChild(a);
      // Example data and the editors' reading keep their label in the results too.
      if (h.e.v) li.appendChild(label("label-voorbeeld", "voorbeeld"));
      if (h.e.r) li.appendChild(label("label-redactie", "lezing redactie"));
      li.appendChild(kind); li.appendChild(summary);
      list.appendChild(li);
    });
    results.appendChild(list);
  }

  // The index comes in parts (data-index lists them); they are fetched side by side.
  function load(then) {
    if (index) return then();
    function failed() { results.textContent = "De zoekindex kon niet worden geladen."; }
    var parts = form.getAttribute("data-index").split(" ").filter(Boolean);
    if (!parts.length) return failed();
    Promise.all(parts.map(function (url) {
      return fetch(url).then(function (r) { if (!r.ok) throw new Error(url); return r.json(); });
    })).then(function (lists) { index = [].concat.apply([], lists); then(); }).catch(failed);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var q = input.value;
    history.replaceState(null, "", "?q=" + encodeURIComponent(q));
    load(function () { render(q); });
  });
  input.addEventListener("input", function () { if (index) render(input.value); });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; load(function () { render(initial); }); }
})();
