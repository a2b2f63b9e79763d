import Foundation
import RegioContent
import RegioSupport
/// The two files the preview serves under `/__regioportaal/`. Kept in Swift strings so the
/// binary is self-contained; served as external files because the site's CSP forbids
/// inline script and style.
enum LiveReloadAssets {
    /// Reloads on `reload`; shows the build errors on `error`.
    ///
    /// `error` is also the event EventSource fires itself when the connection drops; those
    /// carry no data and are ignored (the browser reconnects on its own). Text from the
    /// diagnostics only ever goes through `textContent`, never HTML.
    static let script = scriptSource.replacingOccurrences(of: "__TEXTS__", with: overlayTexts)

    /// The overlay's own words, from the catalogue, in Dutch (the overlay is marked `lang="nl"`).
    static let overlayTexts: String = {
        let texts: [String: String] = [
            "title": Phrase.overlayTitle().nl, "error1": Phrase.error1().nl, "errorN": Phrase.errorN().nl,
            "summary": Phrase.overlaySummary().nl, "hint": Phrase.overlayHint().nl, "hide": Phrase.overlayHide().nl,
            "error": Phrase.error1().nl, "warning": Phrase.warning1().nl, "code": Phrase.overlayCode().nl,
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Inside a script: "<" escaped, so no text can close the element.
        return String(decoding: try! encoder.encode(texts), as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }()

    private static let scriptSource = #"""
    // Live preview of `regioportaal serve`: reload on rebuild, show build errors.
    (function () {
      "use strict";
      if (!("EventSource" in window)) return;
      var OVERLAY_ID = "regioportaal-overlay";
      var TEXTS = __TEXTS__;
      var version = null;
      var previousFocus = null;

      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = "/__regioportaal/overlay.css";
      document.head.appendChild(css);

      var source = new EventSource("/__regioportaal/events");
      source.addEventListener("hello", function (event) {
        // A different version after a reconnect: a rebuild or restart happened meanwhile.
        if (version !== null && version !== event.data) { location.reload(); return; }
        version = event.data;
      });
      source.addEventListener("reload", function () { location.reload(); });
      source.addEventListener("error", function (event) {
        if (typeof event.data !== "string") return;
        var diagnostics;
        try { diagnostics = JSON.parse(event.data); } catch (e) { return; }
        show(diagnostics);
      });

      function el(tag, className, text) {
        var node = document.createElement(tag);
        if (className) node.className = className;
        if (text !== undefined && text !== null) node.textContent = String(text);
        return node;
      }

      // The source line with a caret under the column; long lines are cut to a window
      // around the column so the caret is always in view.
      function excerpt(d) {
        var column = Math.max(1, d.column || 1), from = column > 60 ? column - 40 : 1;
        var text = d.excerpt.slice(from - 1, from + 99);
        if (from > 1) text = "\u2026" + text;
        if (d.excerpt.length > from + 99) text += "\u2026";
        var caretAt = column - from + (from > 1 ? 1 : 0);
        var gutter = String(d.line);
        return gutter + " | " + text + "\n" + spaces(gutter.length) + " | " + spaces(caretAt) + "^";
      }

      function spaces(n) { return new Array(n + 1).join(" "); }

      function hide() {
        var old = document.getElementById(OVERLAY_ID);
        if (old) old.parentNode.removeChild(old);
        if (previousFocus && previousFocus.focus) previousFocus.focus();
        previousFocus = null;
      }

      function show(diagnostics) {
        var wasOpen = !!document.getElementById(OVERLAY_ID);
        if (!wasOpen) previousFocus = document.activeElement;
        var old = document.getElementById(OVERLAY_ID);
        if (old) old.parentNode.removeChild(old);
        var errors = diagnostics.filter(function (d) { return d.severity === "error"; }).length;

        var overlay = el("div", "rp-overlay");
        overlay.id = OVERLAY_ID;
        overlay.lang = "nl";
        overlay.setAttribute("role", "alertdialog");
        overlay.setAttribute("aria-modal", "true");
        overlay.setAttribute("aria-labelledby", "regioportaal-overlay-title");
        overlay.setAttribute("aria-describedby", "regioportaal-overlay-summary");

        var panel = el("div", "rp-panel");
        panel.tabIndex = -1;
        panel.appendChild(el("h2", "rp-title", TEXTS.title)).id = "regioportaal-overlay-title";
        panel.appendChild(el("p", "rp-summary",
          errors + " " + (errors === 1 ? TEXTS.error1 : TEXTS.errorN) + ". " + TEXTS.summary)).id = "regioportaal-overlay-summary";

        var list = el("ol", "rp-list");
        diagnostics.forEach(function (d) {
          var item = el("li", "rp-item rp-" + d.severity);
          var where = el("p", "rp-where");
          where.appendChild(el("span", "rp-severity", d.severity === "error" ? TEXTS.error : TEXTS.warning));
          if (d.file) where.appendChild(el("code", "rp-location", d.file + ":" + d.line + ":" + d.column));
          item.appendChild(where);
          item.appendChild(el("p", "rp-message", d.message));
          if (d.code) item.appendChild(el("p", "rp-code", TEXTS.code + " " + d.code));
          if (d.excerpt) item.appendChild(el("pre", "rp-excerpt", excerpt(d)));
          if (d.hint) item.appendChild(el("p", "rp-hint", TEXTS.hint + ": " + d.hint));
          list.appendChild(item);
        });
        panel.appendChild(list);

        var close = el("button", "rp-close", TEXTS.hide);
        close.type = "button";
        close.addEventListener("click", hide);
        panel.appendChild(close);
        overlay.appendChild(panel);
        overlay.addEventListener("keydown", function (event) {
          if (event.key === "Escape") { event.preventDefault(); hide(); }
          // Modal: keep focus inside (the panel and its one button).
          if (event.key === "Tab") { event.preventDefault(); (document.activeElement === close ? panel : close).focus(); }
        });
        document.body.appendChild(overlay);
        panel.focus();
      }
    })();
    """#

    /// High contrast (body text 16:1, the error badge 7:1 on white), large type, a visible
    /// focus ring, and resets so the site's own CSS cannot restyle the overlay.
    static let stylesheet = #"""
    .rp-overlay { position: fixed; inset: 0; z-index: 2147483647; background: rgba(0, 0, 0, 0.65);
      display: flex; align-items: flex-start; justify-content: center; padding: 4vh 1rem; overflow: auto;
      font: 400 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b;
      text-align: left; letter-spacing: normal; }
    .rp-overlay * { box-sizing: border-box; font-family: inherit; color: inherit; }
    .rp-panel { background: #ffffff; color: #1b1b1b; max-width: 56rem; width: 100%; border-radius: 6px;
      border-top: 8px solid #a4000f; padding: 1.5rem 2rem; box-shadow: 0 10px 40px rgba(0, 0, 0, 0.4); }
    .rp-panel:focus { outline: 3px solid #1d4ed8; outline-offset: 3px; }
    .rp-title { font-size: 1.5rem; font-weight: 700; margin: 0 0 0.5rem; color: #1b1b1b; }
    .rp-summary { margin: 0 0 1rem; }
    .rp-list { list-style: none; margin: 0; padding: 0; }
    .rp-item { border: 1px solid #c8c8c8; border-left: 6px solid #a4000f; border-radius: 4px; padding: 0.75rem 1rem; margin: 0 0 0.75rem; }
    .rp-item.rp-warning { border-left-color: #7a4d00; }
    .rp-where { margin: 0 0 0.25rem; display: flex; gap: 0.5rem; align-items: baseline; flex-wrap: wrap; }
    .rp-severity { background: #a4000f; color: #ffffff; font-weight: 700; text-transform: uppercase;
      font-size: 0.8rem; padding: 0.1rem 0.45rem; border-radius: 3px; }
    .rp-warning .rp-severity { background: #7a4d00; }
    .rp-location { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-weight: 700; }
    .rp-message { margin: 0.25rem 0; font-weight: 600; }
    .rp-excerpt { background: #f3f3f3; color: #1b1b1b; padding: 0.5rem 0.75rem; margin: 0.5rem 0; overflow-x: auto;
      font: 0.95rem/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; white-space: pre; }
    .rp-hint { margin: 0.25rem 0 0; color: #1b1b1b; }
    .rp-code { margin: 0.25rem 0 0; color: #1b1b1b; font-size: 0.875em; }
    .rp-close { margin-top: 0.5rem; font-size: 1rem; padding: 0.5rem 1rem; border: 2px solid #1b1b1b;
      background: #ffffff; color: #1b1b1b; border-radius: 4px; cursor: pointer; }
    .rp-close:hover { background: #f0f0f0; }
    .rp-close:focus { outline: 3px solid #1d4ed8; outline-offset: 2px; }
    @media (prefers-color-scheme: dark) { .rp-overlay { background: rgba(0, 0, 0, 0.8); } }
    """#
}
