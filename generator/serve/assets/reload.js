// guidemap serve: reloads the page when the site is rebuilt, swaps the
// style sheet when only CSS changed, and shows build errors in an overlay.
// Only `guidemap serve` adds this script; built sites never contain it.
(function () {
  "use strict";
  var overlay = null;

  function styleLink() {
    if (document.querySelector('link[href="/_guidemap/overlay.css"]')) return;
    var l = document.createElement("link");
    l.rel = "stylesheet";
    l.href = "/_guidemap/overlay.css";
    document.head.appendChild(l);
  }

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  // show shows the failure f: its errors, with the heading (title), the
  // button's text (hide) and the language (lang) that serve wrote them in.
  function show(f) {
    var errors = f.errors || [];
    hide();
    styleLink();
    overlay = document.createElement("div");
    overlay.id = "guidemap-overlay";
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("lang", f.lang || "en"); // the messages' language, which the page's may not be
    overlay.setAttribute("aria-labelledby", "guidemap-overlay-title");
    var h = document.createElement("h2");
    h.id = "guidemap-overlay-title";
    h.textContent = f.title || ("The site has " + errors.length + (errors.length === 1 ? " error" : " errors") +
      "; the last good version is shown");
    overlay.appendChild(h);
    var list = document.createElement("ol");
    errors.forEach(function (e) {
      var li = document.createElement("li");
      var where = document.createElement("strong");
      where.textContent = e.file ? e.file + (e.line ? ":" + e.line + (e.col ? ":" + e.col : "") : "") : "";
      li.appendChild(where);
      li.appendChild(document.createTextNode((where.textContent ? ": " : "") + e.message));
      if (e.source) {
        var pre = document.createElement("pre");
        var code = document.createElement("code");
        code.textContent = e.line + " | " + e.source;
        pre.appendChild(code);
        li.appendChild(pre);
      }
      if (e.hint) {
        var p = document.createElement("p");
        p.textContent = e.hint;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    overlay.appendChild(list);
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = f.hide || "Hide";
    close.addEventListener("click", hide);
    overlay.appendChild(close);
    document.body.appendChild(overlay);
  }

  // swapCSS points each style sheet link at the new build of the same
  // sheet: /assets/style.<hash>.css has the same name with another hash.
  function swapCSS(sheets) {
    var name = function (u) { return u.replace(/^.*\//, "").replace(/\.[0-9a-f]+\.css$/, ""); };
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (l) {
      var href = l.getAttribute("href") || "";
      sheets.forEach(function (s) {
        if (name(s) !== name(href) || href.slice(-s.length) === s) return;
        var n = l.cloneNode();
        n.href = href.replace(/[^\/]*$/, s.replace(/^.*\//, ""));
        n.addEventListener("load", function () { l.remove(); });
        l.after(n);
      });
    });
  }

  var es = new EventSource("/_guidemap/events");
  es.addEventListener("reload", function () { location.reload(); });
  es.addEventListener("css", function (e) { swapCSS(JSON.parse(e.data).stylesheets || []); });
  es.addEventListener("errors", function (e) { show(JSON.parse(e.data)); });
})();
