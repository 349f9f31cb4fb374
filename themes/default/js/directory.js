// Progressive enhancement of the e-service directory (/e-tjanster/): a
// select per combining filter (municipality, category, audience), made
// from the filter links, that shows and hides the list's items in place
// and puts the address of the same choice's own page in the location bar
// (history.replaceState), so that the choice can be bookmarked and shared.
// Without JavaScript the filter links lead to those pages, which list the
// same e-services: both use the items' data attributes
// (data-municipalities, data-category, data-audience), space-separated
// values, and the pages' addresses are the directory's followed by
// "<key>/<value>/" for each facet chosen, in the facets' order. Each
// option tells how many e-services it would show given the other choices,
// and one that would show none is disabled, as the pages leave it out.
(function () {
  "use strict";
  var list = document.querySelector("[data-directory]");
  if (!list || !list.querySelectorAll) { return; }
  var items = Array.prototype.slice.call(list.querySelectorAll("li"));
  var navs = document.querySelectorAll("[data-facet][data-key]");
  var base = list.getAttribute("data-base");
  var results = document.getElementById("gm-results");
  var allText = results ? results.textContent : "";
  var form = document.createElement("form");
  form.className = "dir-form";
  form.setAttribute("aria-label", list.getAttribute("data-label"));
  var heading = document.createElement("h3");
  heading.textContent = list.getAttribute("data-label");
  form.appendChild(heading);
  var facets = [];
  Array.prototype.forEach.call(navs, function (nav) {
    var attr = nav.getAttribute("data-facet");
    var id = "gm-dir-" + attr;
    var wrap = document.createElement("p");
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = nav.querySelector("h3").textContent;
    var sel = document.createElement("select");
    sel.id = id;
    sel.setAttribute("data-attr", attr);
    var names = [];
    Array.prototype.forEach.call(nav.querySelectorAll("a[data-value]"), function (a) {
      var name = a.querySelector(".facet-name").textContent;
      sel.appendChild(new Option(name, a.getAttribute("data-value")));
      names.push(name);
    });
    sel.addEventListener("change", function () { apply(true); });
    wrap.appendChild(label);
    wrap.appendChild(sel);
    form.appendChild(wrap);
    facets.push({attr: attr, key: nav.getAttribute("data-key"), sel: sel, names: names});
    nav.hidden = true; // the select takes its place
  });
  if (!facets.length) { return; }
  var status = document.createElement("p");
  status.setAttribute("role", "status");
  status.className = "dir-status";
  form.appendChild(status);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  var filters = document.querySelector(".dir-filters");
  filters.insertBefore(form, navs[0]);

  // values are an item's values in a facet.
  var values = items.map(function (li) {
    return facets.map(function (f) {
      return (li.getAttribute("data-" + f.attr) || "").split(" ");
    });
  });
  // has tells whether item k has value v in facet i ("" is any).
  function has(k, i, v) { return !v || values[k][i].indexOf(v) >= 0; }
  // others tells whether item k matches the choices of every facet but i.
  function others(k, i) {
    for (var j = 0; j < facets.length; j++) {
      if (j !== i && !has(k, j, facets[j].sel.value)) { return false; }
    }
    return true;
  }

  // url is the address of the chosen combination's page.
  function url() {
    var u = base;
    facets.forEach(function (f) {
      if (f.sel.value) { u += f.key + "/" + f.sel.value + "/"; }
    });
    return u;
  }

  function apply(moved) {
    var shown = 0;
    items.forEach(function (li, k) {
      var ok = others(k, -1);
      li.hidden = !ok;
      if (ok) { shown++; }
    });
    facets.forEach(function (f, i) {
      Array.prototype.forEach.call(f.sel.options, function (opt, o) {
        var n = 0;
        for (var k = 0; k < items.length; k++) {
          if (has(k, i, opt.value) && others(k, i)) { n++; }
        }
        opt.textContent = f.names[o] + " (" + n + ")";
        opt.disabled = n === 0 && !opt.selected;
      });
    });
    if (!moved) { return; }
    status.textContent = list.getAttribute("data-count").replace("%d", shown).replace("%d", items.length);
    if (results) {
      var chosen = facets.some(function (f) { return f.sel.value; });
      results.textContent = chosen ? list.getAttribute("data-matching").replace("%d", shown) : allText;
    }
    if (window.history && history.replaceState) {
      history.replaceState(null, "", url());
    }
  }
  apply(false);
}());
