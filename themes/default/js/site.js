// Progressive enhancement for the default theme; every page works without
// it. It remembers the municipality a reader picks on a shared guide or
// e-service page and puts that municipality first the next time.
(function () {
  "use strict";
  var KEY = "guidemap.municipality";
  var store;
  try { store = window.localStorage; } catch (e) { return; }
  if (!store) { return; }
  var lists = document.querySelectorAll(".choose-list, .start-list");
  Array.prototype.forEach.call(lists, function (list) {
    list.addEventListener("click", function (ev) {
      var li = ev.target.closest("li[data-municipality]");
      if (li && ev.target.closest("a")) {
        try { store.setItem(KEY, li.getAttribute("data-municipality")); } catch (e) { /* storage full or off */ }
      }
    });
    var mine = store.getItem(KEY);
    if (!mine) { return; }
    Array.prototype.forEach.call(list.querySelectorAll("li[data-municipality]"), function (li) {
      if (li.getAttribute("data-municipality") === mine) {
        li.classList.add("mine");
        list.insertBefore(li, list.firstChild);
      }
    });
  });
}());
