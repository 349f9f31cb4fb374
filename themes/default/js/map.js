// Progressive enhancement of the map pages; without it the map is a plain
// SVG and the list beside it has every place. It adds zoom and pan,
// category filters, and "nearest to me", which sorts the lists by distance
// from the reader's position. The position is used in the page only: it is
// never sent anywhere.
(function () {
  "use strict";
  var doc = document;
  var lang = doc.documentElement.lang === "en" ? "en" : "sv";
  var T = {
    sv: { zin: "Zooma in", zout: "Zooma ut", reset: "Hela kartan", near: "Sortera efter avstånd från mig",
      fail: "Din position kunde inte hämtas.", sorted: "Listan är sorterad efter avstånd från dig.",
      show: "Visa på kartan", km: " km", you: "Du är här" },
    en: { zin: "Zoom in", zout: "Zoom out", reset: "Whole map", near: "Sort by distance from me",
      fail: "Your position could not be found.", sorted: "The list is sorted by distance from you.",
      show: "Show on the map", km: " km", you: "You are here" }
  }[lang];

  function el(tag, attrs, text) {
    var e = doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) { e.textContent = text; }
    return e;
  }

  Array.prototype.forEach.call(doc.querySelectorAll("figure[data-map]"), function (fig) {
    var svg = fig.querySelector("svg");
    if (!svg || !svg.viewBox || !svg.viewBox.baseVal) { return; }
    var vb0 = svg.viewBox.baseVal;
    var full = [vb0.x, vb0.y, vb0.width, vb0.height];
    var cur = full.slice();
    function apply() { svg.setAttribute("viewBox", cur.map(function (n) { return Math.round(n * 10) / 10; }).join(" ")); }
    function zoom(f, cx, cy) {
      var w = Math.min(full[2], Math.max(full[2] / 16, cur[2] * f));
      var h = w * full[3] / full[2];
      cx = cx === undefined ? cur[0] + cur[2] / 2 : cx;
      cy = cy === undefined ? cur[1] + cur[3] / 2 : cy;
      cur = [cx - (cx - cur[0]) * w / cur[2], cy - (cy - cur[1]) * h / cur[3], w, h];
      clamp();
      apply();
    }
    function clamp() {
      cur[0] = Math.min(Math.max(cur[0], full[0]), full[0] + full[2] - cur[2]);
      cur[1] = Math.min(Math.max(cur[1], full[1]), full[1] + full[3] - cur[3]);
    }
    var bar = el("div", { "class": "map-tools" });
    [[T.zin, function () { zoom(0.5); }], [T.zout, function () { zoom(2); }],
      [T.reset, function () { cur = full.slice(); apply(); }]].forEach(function (b) {
      var btn = el("button", { type: "button" }, b[0]);
      btn.addEventListener("click", b[1]);
      bar.appendChild(btn);
    });
    fig.insertBefore(bar, fig.firstChild);

    // Pan by dragging (mouse, pen or touch).
    var drag = null;
    svg.addEventListener("pointerdown", function (e) {
      if (cur[2] >= full[2]) { return; }
      drag = { x: e.clientX, y: e.clientY, c: cur.slice(), moved: false };
    });
    svg.addEventListener("pointermove", function (e) {
      if (!drag) { return; }
      var r = svg.getBoundingClientRect();
      var dx = (e.clientX - drag.x) * cur[2] / r.width, dy = (e.clientY - drag.y) * cur[3] / r.height;
      if (Math.abs(dx) + Math.abs(dy) > 1) { drag.moved = true; }
      cur = [drag.c[0] - dx, drag.c[1] - dy, cur[2], cur[3]];
      clamp();
      apply();
    });
    svg.addEventListener("click", function (e) { if (drag && drag.moved) { e.preventDefault(); } drag = null; }, true);
    doc.addEventListener("pointerup", function () { setTimeout(function () { drag = null; }, 0); });

    // Category filters, when the page lists more than one category.
    var sections = doc.querySelectorAll("[data-group]");
    if (sections.length > 1 && svg.querySelector("g[data-category]")) {
      var fs = el("fieldset", { "class": "map-filter" });
      fs.appendChild(el("legend", {}, T.show));
      Array.prototype.forEach.call(sections, function (sec) {
        var cat = sec.getAttribute("data-group");
        var h = sec.querySelector("h2");
        var label = el("label");
        var box = el("input", { type: "checkbox", checked: "" });
        box.addEventListener("change", function () {
          Array.prototype.forEach.call(svg.querySelectorAll('g[data-category="' + cat + '"]'), function (g) {
            g.style.display = box.checked ? "" : "none";
          });
          sec.hidden = !box.checked;
        });
        label.appendChild(box);
        label.appendChild(doc.createTextNode(" " + (h ? h.textContent.replace(/\s*\(\d+\)\s*$/, "").trim() : cat)));
        fs.appendChild(label);
      });
      fig.appendChild(fs);
    }

    // Nearest to me.
    var items = doc.querySelectorAll("li[data-lat]");
    if (!items.length || !navigator.geolocation) { return; }
    var status = el("p", { "class": "map-status", role: "status" });
    var near = el("button", { type: "button" }, T.near);
    near.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(function (pos) {
        var lat = pos.coords.latitude, lon = pos.coords.longitude;
        Array.prototype.forEach.call(doc.querySelectorAll("ul.place-list"), function (ul) {
          var lis = Array.prototype.slice.call(ul.children);
          lis.forEach(function (li) {
            li._d = dist(lat, lon, +li.getAttribute("data-lat"), +li.getAttribute("data-lon"));
            var span = li.querySelector(".dist") || li.appendChild(el("span", { "class": "dist" }));
            span.textContent = (li._d < 10 ? li._d.toFixed(1) : Math.round(li._d)).toString().replace(".", lang === "sv" ? "," : ".") + T.km;
          });
          lis.sort(function (a, b) { return a._d - b._d; }).forEach(function (li) { ul.appendChild(li); });
        });
        mark(svg, lon, lat);
        status.textContent = T.sorted;
      }, function () { status.textContent = T.fail; }, { maximumAge: 60000, timeout: 15000 });
    });
    bar.appendChild(near);
    fig.appendChild(status);
  });

  // dist is the great-circle distance in kilometres.
  function dist(la1, lo1, la2, lo2) {
    var r = Math.PI / 180, a = Math.sin((la2 - la1) * r / 2), b = Math.sin((lo2 - lo1) * r / 2);
    var h = a * a + Math.cos(la1 * r) * Math.cos(la2 * r) * b * b;
    return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  // mark draws the reader's position on the map with the projection that
  // the map carries in data-proj.
  function mark(svg, lon, lat) {
    var p = (svg.getAttribute("data-proj") || "").split(" ").map(Number);
    if (p.length !== 3 || Math.abs(lat) > 85) { return; }
    var r = Math.PI / 180;
    var x = p[0] + p[2] * lon * r, y = p[1] - p[2] * Math.log(Math.tan(Math.PI / 4 + lat * r / 2));
    var old = svg.querySelector(".you");
    if (old) { old.parentNode.removeChild(old); }
    var ns = "http://www.w3.org/2000/svg";
    var c = doc.createElementNS(ns, "circle");
    c.setAttribute("class", "you");
    c.setAttribute("cx", x.toFixed(1));
    c.setAttribute("cy", y.toFixed(1));
    c.setAttribute("r", "7");
    c.setAttribute("fill", "#b3261e");
    c.setAttribute("stroke", "#fff");
    c.setAttribute("stroke-width", "3");
    var t = doc.createElementNS(ns, "title");
    t.textContent = T.you;
    c.appendChild(t);
    svg.appendChild(c);
  }
}());
