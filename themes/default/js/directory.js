// Progressive enhancement of the e-service directory (/e-tjanster/): a
// select per filter, made from the filter links, that shows and hides the
// list's items in place. Without JavaScript the filter links lead to a page
// per value, listing the same e-services: both use the items' data
// attributes (data-municipalities, data-category, data-audience,
// data-login), space-separated values.
(function () {
  "use strict";
  var list = document.querySelector("[data-directory]");
  if (!list || !list.querySelectorAll) { return; }
  var items = list.querySelectorAll("li");
  var navs = document.querySelectorAll("[data-facet]");
  var form = document.createElement("form");
  form.className = "dir-form";
  form.setAttribute("aria-label", list.getAttribute("data-label"));
  var heading = document.createElement("h3");
  heading.textContent = list.getAttribute("data-label");
  form.appendChild(heading);
  var selects = [];
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
    sel.appendChild(new Option(list.getAttribute("data-all"), ""));
    Array.prototype.forEach.call(nav.querySelectorAll("a[data-value]"), function (a) {
      sel.appendChild(new Option(a.querySelector(".facet-name").textContent, a.getAttribute("data-value")));
    });
    sel.addEventListener("change", apply);
    wrap.appendChild(label);
    wrap.appendChild(sel);
    form.appendChild(wrap);
    selects.push(sel);
  });
  var status = document.createElement("p");
  status.setAttribute("role", "status");
  status.className = "dir-status";
  form.appendChild(status);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  var filters = document.querySelector(".dir-filters");
  filters.insertBefore(form, filters.querySelector("[data-facet]"));

  function matches(li, sel) {
    if (!sel.value) { return true; }
    var values = (li.getAttribute("data-" + sel.getAttribute("data-attr")) || "").split(" ");
    return values.indexOf(sel.value) >= 0;
  }
  function apply() {
    var shown = 0;
    Array.prototype.forEach.call(items, function (li) {
      var ok = selects.every(function (sel) { return matches(li, sel); });
      li.hidden = !ok;
      if (ok) { shown++; }
    });
    status.textContent = list.getAttribute("data-count").replace("%d", shown).replace("%d", items.length);
  }
}());
