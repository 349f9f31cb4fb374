// Progressive enhancement of the maps; without it a map is a plain SVG, its
// names and symbols laid out for the map's width, and the list beside it
// has every place. It adds zoom and pan (buttons, dragging, and the keys
// + − and the arrows on the focused map), clusters that zoom in when
// activated and open as a list where places share a spot, category
// filters that regroup the points, and "nearest to me", which sorts the
// lists by distance from the reader's position. The position is used in
// the page only: it is never sent anywhere.
//
// The map's root <svg> is in CSS pixels; the base map is the nested
// <svg class="m-base"> with the viewBox; names and symbols lie over it,
// placed in percentages of the root. Zooming changes the base's viewBox
// and moves the names and symbols; the points (read from the page's
// lists, li[data-lat]) are grouped again at the scale shown, so that
// their symbols (25 px) never overlap.
(function () {
  "use strict";
  var doc = document, NS = "http://www.w3.org/2000/svg";
  var lang = doc.documentElement.lang === "en" ? "en" : "sv";
  var T = {
    sv: { zin: "Zooma in", zout: "Zooma ut", reset: "Hela kartan", near: "Sortera efter avstånd från mig",
      fail: "Din position kunde inte hämtas.", sorted: "Listan är sorterad efter avstånd från dig.",
      show: "Visa på kartan", km: " km", you: "Du är här",
      keys: "Kartan. Zooma med plus och minus, flytta med piltangenterna.",
      places: "%d platser: ", more: " och %d till", zoomTo: ". Zooma in.", listTo: ". Visa listan.",
      here: "%d platser på samma ställe", close: "Stäng listan", shown: "Kartan visar %d platser." },
    en: { zin: "Zoom in", zout: "Zoom out", reset: "Whole map", near: "Sort by distance from me",
      fail: "Your position could not be found.", sorted: "The list is sorted by distance from you.",
      show: "Show on the map", km: " km", you: "You are here",
      keys: "The map. Zoom with plus and minus, move with the arrow keys.",
      places: "%d places: ", more: " and %d more", zoomTo: ". Zoom in.", listTo: ". Show the list.",
      here: "%d places at the same spot", close: "Close the list", shown: "The map shows %d places." }
  }[lang];
  var R = 6378137, maps = 0;

  function el(tag, attrs, text) {
    var e = doc.createElement(tag);
    set(e, attrs);
    if (text) { e.textContent = text; }
    return e;
  }
  function sel(tag, attrs) { var e = doc.createElementNS(NS, tag); set(e, attrs); return e; }
  function set(e, attrs) { Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
  function fmt(s, n) { return s.replace("%d", n); }
  function each(list, f) { Array.prototype.forEach.call(list, f); }

  // The drawn radius in pixels of a group of n points (generator/maps:
  // groupRadius).
  function radius(n) { return n === 1 ? 12.5 : n < 10 ? 13 : n < 100 ? 14.5 : 16; }

  // group merges the points (pixel positions p.px, p.py) into groups whose
  // symbols do not overlap: every point starts alone (above 1,000 points,
  // in the groups of seed), and any two groups closer than their radii
  // merge, pass after pass (generator/maps: clusterPoints).
  function group(pts) {
    var gs = pts.length > 1000 ? seed(pts) : pts.map(function (p) { return { x: p.px, y: p.py, m: [p] }; });
    var reach = 2 * radius(100);
    for (;;) {
      var grid = {}, merged = false;
      gs.forEach(function (g, i) {
        var k = Math.floor(g.x / reach) + "," + Math.floor(g.y / reach);
        (grid[k] = grid[k] || []).push(i);
        g.alive = true;
      });
      gs.forEach(function (g) {
        if (!g.alive) { return; }
        var cx = Math.floor(g.x / reach), cy = Math.floor(g.y / reach), best = null, bestD = Infinity;
        for (var dy = -1; dy <= 1; dy++) {
          for (var dx = -1; dx <= 1; dx++) {
            (grid[(cx + dx) + "," + (cy + dy)] || []).forEach(function (j) {
              var h = gs[j];
              if (h === g || !h.alive) { return; }
              var d = Math.hypot(h.x - g.x, h.y - g.y);
              if (d < radius(g.m.length) + radius(h.m.length) && d < bestD) { best = h; bestD = d; }
            });
          }
        }
        if (best) {
          var n = g.m.length, m = best.m.length;
          g.x = (g.x * n + best.x * m) / (n + m);
          g.y = (g.y * n + best.y * m) / (n + m);
          g.m = g.m.concat(best.m);
          best.alive = false;
          merged = true;
        }
      });
      gs = gs.filter(function (g) { return g.alive; });
      if (!merged) { return gs; }
    }
  }

  // seed gathers many points around seeds first: each point not yet
  // taken takes every other closer than two discs' radii (generator/maps:
  // seed), so that the merging starts from far fewer groups.
  function seed(pts) {
    var d = 2 * radius(1), grid = {}, gs = [];
    function key(x, y) { return Math.floor(x / d) + "," + Math.floor(y / d); }
    pts.forEach(function (p) { var k = key(p.px, p.py); (grid[k] = grid[k] || []).push(p); p.taken = false; });
    pts.forEach(function (p) {
      if (p.taken) { return; }
      var g = { x: 0, y: 0, m: [] }, cx = Math.floor(p.px / d), cy = Math.floor(p.py / d);
      for (var dy = -1; dy <= 1; dy++) {
        for (var dx = -1; dx <= 1; dx++) {
          (grid[(cx + dx) + "," + (cy + dy)] || []).forEach(function (q) {
            if (!q.taken && Math.hypot(q.px - p.px, q.py - p.py) < d) {
              q.taken = true;
              g.m.push(q);
              g.x += q.px;
              g.y += q.py;
            }
          });
        }
      }
      g.x /= g.m.length;
      g.y /= g.m.length;
      gs.push(g);
    });
    return gs;
  }

  each(doc.querySelectorAll("figure[data-map]"), function (fig) {
    var canvas = fig.querySelector(".map-canvas");
    var svg = canvas && canvas.querySelector("svg");
    var base = svg && svg.querySelector("svg.m-base");
    if (!base) { return; }
    var W = +svg.getAttribute("width"), H = +svg.getAttribute("height");
    var full = [0, 0, W, H], cur = full.slice();
    var proj = (svg.getAttribute("data-proj") || "").split(" ").map(Number);
    var over = Array.prototype.slice.call(svg.querySelectorAll("svg.m-base ~ g"));
    var names = {}, syms = {};
    each(fig.querySelectorAll(".legend li[data-category]"), function (li) { names[li.getAttribute("data-category")] = li.textContent.trim(); });
    each(svg.querySelectorAll("defs [data-categories]"), function (d) {
      d.getAttribute("data-categories").split(" ").forEach(function (c) { syms[c] = d.id; });
    });

    // units converts a longitude and latitude to the base's viewBox units.
    function units(lon, lat) {
      var r = Math.PI / 180;
      return [proj[0] + proj[2] * lon * r, proj[1] - proj[2] * Math.log(Math.tan(Math.PI / 4 + lat * r / 2))];
    }
    // The deepest zoom shows about 300 m across; places closer than a
    // few metres (few, in units) share a spot.
    var minW = full[2] / 16, few = 0;
    if (proj.length === 3 && proj[2] > 0) {
      var lat0 = (2 * Math.atan(Math.exp((proj[1] - H / 2) / proj[2])) - Math.PI / 2);
      var upm = proj[2] / R / Math.cos(lat0);
      minW = Math.min(full[2], 300 * upm);
      few = 10 * upm;
    }
    var id = "gm-map-" + (++maps);

    // The places: from the lists on the page, with a symbol for their
    // category.
    var pts = [], seen = {};
    if (proj.length === 3) {
      each(doc.querySelectorAll("li[data-lat][data-category]"), function (li) {
        var a = li.querySelector("a"), cat = li.getAttribute("data-category");
        if (!a || !syms[cat]) { return; }
        var u = units(+li.getAttribute("data-lon"), +li.getAttribute("data-lat"));
        var href = a.getAttribute("href");
        if (seen[href]) { return; } // a place listed twice (by category and by municipality)
        seen[href] = true;
        pts.push({ x: u[0], y: u[1], cat: cat, href: href, name: a.textContent.trim(),
          label: a.textContent.trim() + (names[cat] ? ", " + names[cat] : "") });
      });
    }
    var hidden = {}; // categories unticked
    var layer = null, list = null;

    function scale() { return svg.getBoundingClientRect().width / cur[2]; }
    function pct(v, o, w) { return ((v - o) / w * 100).toFixed(3) + "%"; }

    // move places the names and symbols laid out for the whole map (or
    // drawn here, with _u in units) at the view shown.
    function move(e) {
      var xa = e.tagName === "circle" ? "cx" : "x", ya = xa === "cx" ? "cy" : "y";
      if (!e._u) {
        var x = e.getAttribute(xa), y = e.getAttribute(ya);
        if (!x || x.slice(-1) !== "%") { return; }
        e._u = [parseFloat(x) / 100 * W, parseFloat(y) / 100 * H];
      }
      e.setAttribute(xa, pct(e._u[0], cur[0], cur[2]));
      e.setAttribute(ya, pct(e._u[1], cur[1], cur[3]));
    }

    function apply() {
      base.setAttribute("viewBox", cur.map(function (n) { return Math.round(n * 100) / 100; }).join(" "));
      over.forEach(function (g) { each(g.querySelectorAll("[x],[cx]"), move); });
      draw();
    }

    // draw groups the places in view (of the ticked categories) at the
    // scale shown and draws them.
    function draw(focusNear) {
      if (!pts.length) { return; }
      var s = scale();
      if (!(s > 0)) { return; }
      // A symbol that has the focus keeps it, on what is drawn nearest.
      var had = doc.activeElement;
      if (!focusNear && layer && had && layer.contains(had) && had.firstChild && had.firstChild._u) {
        focusNear = had.firstChild._u;
      }
      if (layer) { layer.parentNode.removeChild(layer); }
      layer = sel("g", { "class": "m-js", fill: "#fff", "font-size": "12", "font-weight": "bold", "text-anchor": "middle" });
      var vis = pts.filter(function (p) {
        p.px = (p.x - cur[0]) * s;
        p.py = (p.y - cur[1]) * s;
        return !hidden[p.cat] && p.x >= cur[0] - cur[2] * 0.05 && p.x <= cur[0] + cur[2] * 1.05 &&
          p.y >= cur[1] - cur[3] * 0.05 && p.y <= cur[1] + cur[3] * 1.05;
      });
      vis.sort(function (a, b) { return a.y - b.y || a.x - b.x || (a.href < b.href ? -1 : 1); });
      var gs = group(vis), target = null, bestD = Infinity;
      gs.forEach(function (g) {
        var u = [cur[0] + g.x / s, cur[1] + g.y / s], e;
        if (g.m.length === 1) {
          var p = g.m[0];
          e = sel("a", { href: p.href, "aria-label": p.label });
          var use = sel("use", { href: "#" + syms[p.cat] });
          use._u = u;
          e.appendChild(use);
        } else {
          var ns = g.m.map(function (p) { return p.name; }).sort(function (a, b) { return a.localeCompare(b, lang); });
          var label = fmt(T.places, ns.length) + ns.slice(0, 10).join(", ") + (ns.length > 10 ? fmt(T.more, ns.length - 10) : "");
          e = sel("g", { role: "button", tabindex: "0", "class": "m-cluster",
            "aria-label": label + (cur[2] <= minW * 1.01 || spread(g.m) <= few ? T.listTo : T.zoomTo) });
          var c = sel("circle", { r: radius(g.m.length), fill: "#1d2a33", stroke: "#fff", "stroke-width": "1.5" });
          var t = sel("text", { dy: ".35em" });
          t.textContent = g.m.length;
          c._u = u;
          t._u = u;
          e.appendChild(c);
          e.appendChild(t);
          e._members = g.m;
          e.addEventListener("click", function (ev) { ev.preventDefault(); open(g.m); });
          e.addEventListener("keydown", function (ev) {
            if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); ev.stopPropagation(); open(g.m); }
          });
        }
        each(e.querySelectorAll("*"), move);
        layer.appendChild(e);
        if (focusNear) {
          var d = Math.hypot(u[0] - focusNear[0], u[1] - focusNear[1]);
          if (d < bestD) { bestD = d; target = e; }
        }
      });
      svg.appendChild(layer);
      canvas.classList.add("js-points");
      declutter();
      if (target) { target.focus(); }
    }

    // declutter hides the names (and towns' dots) that a symbol drawn
    // here covers: they were placed clear of the symbols laid out for the
    // whole map, not of these.
    function declutter() {
      var boxes = Array.prototype.map.call(layer.children, function (e) { return e.getBoundingClientRect(); });
      over.forEach(function (g) {
        if (!/\bm-(label|ctxlabel|town)\b/.test(g.getAttribute("class") || "")) { return; }
        each(g.querySelectorAll("text"), function (t) {
          var hide = t.parentNode !== g ? t.parentNode : t; // a town: its dot and name
          hide.removeAttribute("visibility");
          var r = t.getBoundingClientRect();
          if (!r.width) { return; }
          if (boxes.some(function (b) { return b.left < r.right && r.left < b.right && b.top < r.bottom && r.top < b.bottom; })) {
            hide.setAttribute("visibility", "hidden");
          }
        });
      });
    }

    // spread is the larger side of the members' extent, in units.
    function spread(m) {
      var xs = m.map(function (p) { return p.x; }), ys = m.map(function (p) { return p.y; });
      return Math.max(Math.max.apply(null, xs) - Math.min.apply(null, xs), Math.max.apply(null, ys) - Math.min.apply(null, ys));
    }

    // open zooms to a cluster's extent, or lists its places where it
    // cannot split (they lie a few metres apart, or the map is at its
    // deepest zoom).
    function open(m) {
      var xs = m.map(function (p) { return p.x; }), ys = m.map(function (p) { return p.y; });
      var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
      var c = [(x0 + x1) / 2, (y0 + y1) / 2];
      if (cur[2] <= minW * 1.01 || spread(m) <= few) { showList(m); return; }
      // Fit the extent with room for the symbols (25 px) around it.
      var px = svg.getBoundingClientRect().width;
      var w = Math.max((x1 - x0) * px / (px - 80), (y1 - y0) * W / H * px / (px - 80), minW);
      w = Math.min(w, cur[2] / 2);
      view(c, Math.max(w, minW), c);
    }

    function showList(m) {
      if (list) { list.parentNode.removeChild(list); }
      list = el("section", { "class": "map-list panel", "aria-labelledby": id + "-here" });
      var h = el("h2", { id: id + "-here", tabindex: "-1" }, fmt(T.here, m.length));
      var ul = el("ul", { "class": "plain" });
      m.slice().sort(function (a, b) { return a.name.localeCompare(b.name, lang); }).forEach(function (p) {
        var li = el("li"), a = el("a", { href: p.href }, p.name);
        li.appendChild(a);
        if (names[p.cat]) { li.appendChild(doc.createTextNode(" (" + names[p.cat] + ")")); }
        ul.appendChild(li);
      });
      var close = el("button", { type: "button" }, T.close);
      close.addEventListener("click", function () { list.parentNode.removeChild(list); list = null; canvas.focus(); });
      list.appendChild(h);
      list.appendChild(ul);
      list.appendChild(close);
      canvas.parentNode.insertBefore(list, canvas.nextSibling);
      h.focus();
    }

    // view shows w units across centred on c, and moves the focus to the
    // symbol nearest focusNear, if given.
    function view(c, w, focusNear) {
      w = Math.min(full[2], Math.max(minW, w));
      var h = w * H / W;
      cur = [c[0] - w / 2, c[1] - h / 2, w, h];
      clamp();
      base.setAttribute("viewBox", cur.join(" "));
      over.forEach(function (g) { each(g.querySelectorAll("[x],[cx]"), move); });
      draw(focusNear);
    }
    function zoom(f) { view([cur[0] + cur[2] / 2, cur[1] + cur[3] / 2], cur[2] * f); }
    function pan(dx, dy) { cur[0] += dx * cur[2]; cur[1] += dy * cur[3]; clamp(); apply(); }
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

    // The keyboard: the map itself takes the focus.
    canvas.setAttribute("tabindex", "0");
    canvas.setAttribute("role", "region");
    canvas.setAttribute("aria-label", T.keys);
    canvas.addEventListener("keydown", function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey) { return; }
      var k = e.key, done = true;
      if (k === "+" || k === "=") { zoom(0.5); }
      else if (k === "-" || k === "_") { zoom(2); }
      else if (k === "0" || k === "Home") { cur = full.slice(); apply(); }
      else if (e.target !== canvas) { done = false; }
      else if (k === "ArrowLeft") { pan(-0.25, 0); }
      else if (k === "ArrowRight") { pan(0.25, 0); }
      else if (k === "ArrowUp") { pan(0, -0.25); }
      else if (k === "ArrowDown") { pan(0, 0.25); }
      else { done = false; }
      if (done) { e.preventDefault(); }
    });

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
      if (Math.abs(dx) + Math.abs(dy) > cur[2] / r.width * 3) { drag.moved = true; }
      if (!drag.moved) { return; }
      cur = [drag.c[0] - dx, drag.c[1] - dy, cur[2], cur[3]];
      clamp();
      base.setAttribute("viewBox", cur.join(" "));
      over.forEach(function (g) { each(g.querySelectorAll("[x],[cx]"), move); });
      if (layer) { each(layer.querySelectorAll("*"), move); }
    });
    svg.addEventListener("click", function (e) { if (drag && drag.moved) { e.preventDefault(); e.stopPropagation(); } }, true);
    doc.addEventListener("pointerup", function () {
      var moved = drag && drag.moved;
      setTimeout(function () { drag = null; }, 0);
      if (moved) { draw(); }
    });
    if (window.ResizeObserver) {
      var lastW = svg.getBoundingClientRect().width;
      new ResizeObserver(function () {
        var w = svg.getBoundingClientRect().width;
        if (w && Math.abs(w - lastW) > 1) { lastW = w; draw(); }
      }).observe(canvas);
    }

    // Category filters, when the page lists more than one category: the
    // points are grouped again without the unticked ones.
    var sections = doc.querySelectorAll("[data-group]");
    if (sections.length > 1 && pts.length) {
      var fs = el("fieldset", { "class": "map-filter" });
      fs.appendChild(el("legend", {}, T.show));
      each(sections, function (sec) {
        var cat = sec.getAttribute("data-group");
        var h = sec.querySelector("h2");
        var label = el("label");
        var box = el("input", { type: "checkbox", checked: "" });
        box.addEventListener("change", function () {
          hidden[cat] = !box.checked;
          sec.hidden = !box.checked;
          draw();
        });
        label.appendChild(box);
        label.appendChild(doc.createTextNode(" " + (h ? h.textContent.replace(/\s*\(\d+\)\s*$/, "").trim() : cat)));
        fs.appendChild(label);
      });
      fig.appendChild(fs);
    }
    draw();

    // Nearest to me.
    var items = doc.querySelectorAll("li[data-lat]");
    if (!items.length || !navigator.geolocation || proj.length !== 3) { return; }
    var status = el("p", { "class": "map-status", role: "status" });
    var near = el("button", { type: "button" }, T.near);
    near.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(function (pos) {
        var lat = pos.coords.latitude, lon = pos.coords.longitude;
        each(doc.querySelectorAll("ul.place-list"), function (ul) {
          var lis = Array.prototype.slice.call(ul.children);
          lis.forEach(function (li) {
            li._d = dist(lat, lon, +li.getAttribute("data-lat"), +li.getAttribute("data-lon"));
            var span = li.querySelector(".dist") || li.appendChild(el("span", { "class": "dist" }));
            span.textContent = (li._d < 10 ? li._d.toFixed(1) : Math.round(li._d)).toString().replace(".", lang === "sv" ? "," : ".") + T.km;
          });
          lis.sort(function (a, b) { return a._d - b._d; }).forEach(function (li) { ul.appendChild(li); });
        });
        mark(lon, lat);
        status.textContent = T.sorted;
      }, function () { status.textContent = T.fail; }, { maximumAge: 60000, timeout: 15000 });
    });
    bar.appendChild(near);
    fig.appendChild(status);

    // mark draws the reader's position on the map.
    function mark(lon, lat) {
      if (Math.abs(lat) > 85) { return; }
      var old = svg.querySelector(".you");
      if (old) { old.parentNode.removeChild(old); }
      var g = sel("g", { "class": "you", role: "img", "aria-label": T.you });
      var c = sel("circle", { r: "8", fill: "#b3261e", stroke: "#fff", "stroke-width": "3" });
      c._u = units(lon, lat);
      g.appendChild(c);
      move(c);
      svg.appendChild(g);
      over.push(g);
    }
  });

  // dist is the great-circle distance in kilometres.
  function dist(la1, lo1, la2, lo2) {
    var r = Math.PI / 180, a = Math.sin((la2 - la1) * r / 2), b = Math.sin((lo2 - lo1) * r / 2);
    var h = a * a + Math.cos(la1 * r) * Math.cos(la2 * r) * b * b;
    return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}());
