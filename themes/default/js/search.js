// Site search: the search page's script. The index is made at build time
// (package generator/search): this script folds the query as the index
// was folded, finds each word's key (the word itself, the word without an
// inflection ending, a word it starts, or a word one or two typos away),
// loads only the index files those keys need and ranks the documents.
// The engine (Engine) has no DOM; the Go tests run it in node on a built
// site, so the ranking they measure is this one.
(function (root) {
  "use strict";

  var KINDS = ["guide", "eservice", "page", "place"];
  var PRIOR = { guide: 1, eservice: 0.95, page: 0.8, place: 0.75 };

  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/\p{Mn}/gu, "")
      .replace(/ø/g, "o").replace(/æ/g, "ae").replace(/ß/g, "ss");
  }

  function words(s) {
    return s.toLowerCase().match(/[\p{L}\p{N}\p{Mn}]+/gu) || [];
  }

  function runes(s) { return Array.from(s).length; }

  // Optimal string alignment distance, or max + 1 once it is over max.
  function distance(a, b, max) {
    a = Array.from(a); b = Array.from(b);
    if (Math.abs(a.length - b.length) > max) { return max + 1; }
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) { prev[j] = j; }
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        if (v < best) { best = v; }
      }
      if (best > max) { return max + 1; }
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  // Engine searches one language's index; load(name) fetches a file of
  // the index folder as parsed JSON (a Promise).
  function Engine(load) {
    this.load = load;
    this.files = {};
    this.meta = null;
  }

  Engine.prototype.file = function (name) {
    if (!this.files[name]) { this.files[name] = this.load(name); }
    return this.files[name];
  };

  Engine.prototype.init = function () {
    var self = this;
    if (!this.ready) {
      this.ready = this.file("index.json").then(function (m) {
        self.meta = m;
        self.stop = {};
        m.stop.forEach(function (w) { self.stop[w] = true; });
        self.muniForms = {};
        m.munis.forEach(function (mu) {
          mu.slice(2).forEach(function (f) { self.muniForms[f] = mu[0]; });
        });
        self.muniName = {};
        m.munis.forEach(function (mu) { self.muniName[mu[0]] = mu[1]; });
      });
    }
    return this.ready;
  };

  // shardOf is the name of the shard that holds the forms and keys
  // starting like s: the longest listed prefix.
  Engine.prototype.shardOf = function (s) {
    var best = null, len = -1;
    this.meta.shards.forEach(function (sh) {
      if (s.indexOf(sh[0]) === 0 && sh[0].length > len) { best = sh[1]; len = sh[0].length; }
    });
    return best;
  };

  Engine.prototype.shard = function (s) {
    var name = this.shardOf(s);
    if (!name) { return Promise.resolve(null); }
    return this.file(name).then(function (sh) {
      if (!sh.keyIndex) {
        sh.keyIndex = {};
        sh.k.forEach(function (k, i) { sh.keyIndex[k] = i; });
      }
      return sh;
    });
  };

  // keyOf is the key of an exact form f, or undefined.
  function keyIn(sh, f) {
    if (!sh) { return undefined; }
    if (Object.prototype.hasOwnProperty.call(sh.keyIndex, f)) { return f; }
    if (Object.prototype.hasOwnProperty.call(sh.f, f)) { return sh.f[f]; }
    return undefined;
  }

  // resolve finds the keys a folded query word f may mean, best first:
  // [{key, weight, how}].
  Engine.prototype.resolve = function (f, last) {
    var self = this, meta = this.meta;
    return this.shard(f).then(function (sh) {
      var k = keyIn(sh, f);
      if (k !== undefined) { return [{ key: k, weight: 1, how: "exact" }]; }
      if (!sh) { return []; }
      var n = runes(f), i, s, base;
      for (i = 0; i < meta.suffixes.length; i++) {
        s = meta.suffixes[i];
        if (f.length > s.length && f.slice(-s.length) === s) {
          var rest = n - runes(s);
          if (rest < 3 || (runes(s) === 1 && rest < 4)) { continue; }
          base = keyIn(sh, f.slice(0, -s.length));
          if (base !== undefined) { return [{ key: base, weight: 0.95, how: "stem" }]; }
        }
      }
      var out = [], seen = {};
      var all = sh.k.concat(Object.keys(sh.f));
      if (last && n >= 3) {
        all.forEach(function (w) {
          if (w.length > f.length && w.indexOf(f) === 0) {
            var key = keyIn(sh, w);
            if (!seen[key]) { seen[key] = true; out.push({ key: key, weight: 0.8, how: "prefix" }); }
          }
        });
        if (out.length) { return out.slice(0, 40); }
      }
      if (n >= 4) {
        var max = n >= 8 ? 2 : 1, best = max + 1;
        all.forEach(function (w) {
          var d = distance(f, w, max);
          if (d > best || d > max) { return; }
          if (d < best) { best = d; out = []; seen = {}; }
          var key = keyIn(sh, w);
          if (!seen[key]) { seen[key] = true; out.push({ key: key, weight: 0.85 - 0.1 * d, how: "typo", form: w }); }
        });
      }
      return out;
    });
  };

  // suggest is the form closest to f within three edits, for "did you mean".
  Engine.prototype.suggest = function (f) {
    return this.shard(f).then(function (sh) {
      var n = runes(f);
      if (!sh || n < 4) { return null; }
      var max = n >= 8 ? 3 : n >= 6 ? 2 : 1;
      var best = null, bd = max + 1;
      sh.k.concat(Object.keys(sh.f)).forEach(function (w) {
        var d = distance(f, w, max);
        if (d < bd || (d === bd && best !== null && w < best)) { bd = d; best = w; }
      });
      return best;
    });
  };

  // postings are a key's documents: {doc: [score, section]}.
  Engine.prototype.postings = function (key) {
    var self = this;
    return this.shard(key).then(function (sh) {
      var out = {};
      if (!sh || sh.keyIndex[key] === undefined) { return { docs: out, df: 0 }; }
      var p = sh.p[sh.keyIndex[key]], doc = 0, df = 0;
      for (var i = 0; i < p.length; i += 3) {
        doc += p[i];
        out[doc] = [p[i + 1], p[i + 2]];
        df++;
      }
      return { docs: out, df: df, idf: Math.log(1 + (self.meta.n - df + 0.5) / (df + 0.5)) };
    });
  };

  // kindOf is a document's kind and municipality, from the runs of the meta file.
  Engine.prototype.runOf = function (doc) {
    var runs = this.meta.runs, lo = 0, hi = runs.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (runs[mid][0] <= doc) { lo = mid; } else { hi = mid - 1; }
    }
    return { kind: KINDS[runs[lo][1]], muni: runs[lo][2] };
  };

  Engine.prototype.doc = function (id) {
    var size = this.meta.chunk;
    return this.file(this.meta.chunks[Math.floor(id / size)]).then(function (rows) {
      var r = rows[id % size];
      return { id: id, kind: r[0], title: r[1], url: r[2], summary: r[3], muni: r[4], versions: r[5], sections: r[6] };
    });
  };

  // synonyms are the site's alternatives to a folded word, or to the word
  // without an inflection ending ("soporna" → "sopor").
  Engine.prototype.synonyms = function (f) {
    var syn = this.meta.syn, suf = this.meta.suffixes;
    if (Object.prototype.hasOwnProperty.call(syn, f)) { return syn[f]; }
    for (var i = 0; i < suf.length; i++) {
      var s = suf[i], base = f.slice(0, -s.length);
      if (f.length > s.length && f.slice(-s.length) === s && runes(base) >= 3 &&
          Object.prototype.hasOwnProperty.call(syn, base)) { return syn[base]; }
    }
    return [];
  };

  // group scores the documents of one query word (with its synonyms):
  // {doc: {score, section, idf}}.
  Engine.prototype.group = function (word, last) {
    var self = this;
    var f = fold(word);
    var alts = [[f]].concat(this.synonyms(f));
    return Promise.all(alts.map(function (alt, ai) {
      return Promise.all(alt.map(function (w, wi) {
        return self.resolve(w, last && ai === 0 && wi === alt.length - 1);
      })).then(function (resolved) {
        // Each word of an alternative must be in the document.
        return Promise.all(resolved.map(function (opts) {
          return Promise.all(opts.map(function (o) {
            return self.postings(o.key).then(function (p) { p.weight = o.weight; p.opt = o; return p; });
          }));
        }));
      });
    })).then(function (altsPostings) {
      var scores = {}, how = [];
      altsPostings.forEach(function (wordsPostings, ai) {
        var partial = null;
        wordsPostings.forEach(function (opts) {
          var m = {};
          opts.forEach(function (p) {
            if (ai === 0) { how.push(p.opt); }
            Object.keys(p.docs).forEach(function (d) {
              var s = p.docs[d][0] * p.weight * p.idf * (ai === 0 ? 1 : 0.9);
              if (!m[d] || m[d].score < s) { m[d] = { score: s, section: p.docs[d][1], idf: p.idf }; }
            });
          });
          if (partial === null) { partial = m; return; }
          var next = {};
          Object.keys(partial).forEach(function (d) {
            if (m[d]) {
              var a = partial[d], b = m[d];
              next[d] = { score: a.score + b.score, section: a.idf >= b.idf && a.section ? a.section : (b.section || a.section), idf: Math.max(a.idf, b.idf) };
            }
          });
          partial = next;
        });
        Object.keys(partial || {}).forEach(function (d) {
          if (!scores[d] || scores[d].score < partial[d].score) { scores[d] = partial[d]; }
        });
      });
      return { word: word, folded: f, scores: scores, how: how };
    });
  };

  // search runs a query. opts.municipality is the reader's municipality
  // (a slug), if any; a municipality named in the query wins. It gives
  // {results: [...], total, municipality, missing: [words], suggestion}.
  Engine.prototype.search = function (query, opts) {
    var self = this;
    opts = opts || {};
    return this.init().then(function () {
      var ws = words(query), muni = opts.municipality || "", named = "", only = "";
      var rest = ws.filter(function (w) {
        var m = self.muniForms[fold(w)];
        if (m) { named = m; return false; }
        return true;
      });
      // A query of a municipality's name alone asks for its page.
      if (rest.length === 0) { rest = ws; only = named; named = ""; }
      if (named) { muni = named; }
      var content = rest.filter(function (w) { return !self.stop[w]; });
      if (content.length === 0) { content = rest; }
      return Promise.all(content.map(function (w, i) { return self.group(w, i === content.length - 1); }))
        .then(function (groups) { return self.rank(groups, muni, opts.limit || 10, only); })
        .then(function (res) { res.municipality = muni; res.named = named; return res; });
    });
  };

  // rank orders the documents that have every word of the query; a
  // municipality's page comes first when the query named only it.
  Engine.prototype.rank = function (groups, muni, limit, only) {
    var self = this;
    var missing = groups.filter(function (g) { return Object.keys(g.scores).length === 0; });
    if (groups.length === 0 || missing.length > 0) {
      return Promise.all(missing.map(function (g) { return self.suggest(g.folded); })).then(function (sugg) {
        var suggestion = null;
        if (sugg.some(function (s) { return s; })) {
          suggestion = groups.map(function (g) {
            var i = missing.indexOf(g);
            return i >= 0 ? (sugg[i] || g.word) : g.word;
          }).join(" ");
        }
        return { results: [], total: 0, missing: missing.map(function (g) { return g.word; }), suggestion: suggestion };
      });
    }
    var docs = Object.keys(groups[0].scores).filter(function (d) {
      return groups.every(function (g) { return g.scores[d]; });
    });
    var scored = docs.map(function (d) {
      var id = +d, run = self.runOf(id), s = 0, section = 0, bestIdf = -1;
      groups.forEach(function (g) {
        var x = g.scores[d];
        s += x.score;
        if (x.section && x.idf > bestIdf) { section = x.section; bestIdf = x.idf; }
      });
      s *= PRIOR[run.kind] || 1;
      if (run.muni) { s *= !muni ? 0.9 : (run.muni === muni ? 1.5 : 0.25); }
      if (only && run.kind === "page" && run.muni === only) { s *= 10; }
      return { id: id, score: s, section: section, kind: run.kind };
    });
    scored.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    // What scores less than a fiftieth of the best shares no more than a
    // passing word with the query: left out.
    if (scored.length) {
      var floor = scored[0].score / 50;
      scored = scored.filter(function (x) { return x.score >= floor; });
    }
    var total = scored.length;
    var top = scored.slice(0, limit);
    return Promise.all(top.map(function (x) { return self.doc(x.id); })).then(function (ds) {
      var results = ds.map(function (d, i) { return self.result(d, top[i], muni); });
      return { results: results, total: total, missing: [], suggestion: null, how: groups.map(function (g) { return g.how; }) };
    });
  };

  // result is what the page shows of a document: where its link leads
  // (the reader's municipality's version, at the section of the match).
  Engine.prototype.result = function (d, x, muni) {
    var url = d.url, version = "", anchor = "", heading = "", others = [];
    for (var i = 0; i < d.versions.length; i += 2) {
      if (d.versions[i] === muni) { url = d.versions[i + 1]; version = muni; } else { others.push({ municipality: d.versions[i], name: this.muniName[d.versions[i]] || d.versions[i], url: d.versions[i + 1] }); }
    }
    if (x.section) {
      var k = (x.section - 1) * 3;
      anchor = d.sections[k]; heading = d.sections[k + 1];
      var only = d.sections[k + 2];
      if (only && only !== version) {
        // The match is in one municipality's own section: its version.
        for (i = 0; i < d.versions.length; i += 2) {
          if (d.versions[i] === only) { url = d.versions[i + 1]; version = only; }
        }
      }
    }
    return {
      kind: d.kind, title: d.title, summary: d.summary, url: url + (anchor ? "#" + anchor : ""),
      section: heading, municipality: version || d.muni, municipalityName: this.muniName[version || d.muni] || "",
      others: others.filter(function (o) { return o.municipality !== version; }), score: x.score
    };
  };

  var api = { Engine: Engine, fold: fold, words: words, distance: distance };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; }
  if (typeof document === "undefined") { return; }

  // ---- The search page ----
  var form = document.getElementById("gm-search");
  var out = document.getElementById("gm-search-results");
  if (!form || !out) { return; }
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("gm-search-status");
  var T = out.dataset;
  var dir = form.getAttribute("data-index");
  var engine = new Engine(function (name) {
    // index.json is the one file without a hash in its name: ask the
    // host whether it changed, so that a new build's index is read.
    var opts = { credentials: "same-origin" };
    if (name === "index.json") { opts.cache = "no-cache"; }
    return fetch(dir + name, opts).then(function (r) {
      if (!r.ok) { throw new Error(name + ": " + r.status); }
      return r.json();
    });
  });
  document.documentElement.classList.add("js-search");
  var mine = "";
  try { mine = window.localStorage.getItem("guidemap.municipality") || ""; } catch (e) { mine = ""; }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) { e.textContent = text; }
    return e;
  }
  function fill(tpl, n) { return tpl.replace("%s", n); }

  var seq = 0, timer = 0, started = 0, limit = 20;
  function run(more) {
    limit = more ? limit + 20 : 20;
    var q = input.value.trim();
    var my = ++seq;
    var url = new URL(window.location.href);
    if (q) { url.searchParams.set("q", q); } else { url.searchParams.delete("q"); }
    window.history.replaceState(null, "", url);
    if (!q) { out.replaceChildren(); status.textContent = ""; return; }
    engine.search(q, { municipality: mine, limit: limit }).then(function (res) {
      if (my !== seq) { return; }
      show(q, res, more);
      out.setAttribute("data-ms", String(Math.round(performance.now() - started)));
      out.setAttribute("data-query", q);
    }).catch(function () {
      if (my === seq) { status.textContent = T.error; }
    });
  }

  function show(q, res, more) {
    var focus = more ? limit - 20 : -1;
    out.replaceChildren();
    if (res.total === 0) {
      status.textContent = fill(T.none, q);
      var p = el("p", { "class": "search-none" }, fill(T.none, q) + " ");
      if (res.suggestion) {
        p.appendChild(document.createTextNode(T.didyoumean + " "));
        var a = el("a", { href: "?q=" + encodeURIComponent(res.suggestion) }, res.suggestion);
        a.addEventListener("click", function (ev) { ev.preventDefault(); input.value = res.suggestion; started = performance.now(); run(false); });
        p.appendChild(a);
        p.appendChild(document.createTextNode("? "));
      }
      var az = el("a", { href: T.az }, T.azlabel);
      p.appendChild(az);
      out.appendChild(p);
      return;
    }
    var scope = res.municipality ? " " + fill(T.scope, engineName(res.municipality)) : "";
    status.textContent = fill(res.total === 1 ? T.one : T.many, res.total) + scope;
    var ol = el("ol", { "class": "search-results" });
    res.results.forEach(function (r) {
      var li = el("li", { "class": "search-result kind-" + r.kind });
      li.appendChild(el("p", { "class": "search-kind" }, T["kind" + r.kind] + (r.municipalityName ? " · " + r.municipalityName : "")));
      var h = el("h2", {});
      h.appendChild(el("a", { href: r.url }, r.title));
      li.appendChild(h);
      if (r.section) { li.appendChild(el("p", { "class": "search-section" }, T.section + " " + r.section)); }
      if (r.summary) { li.appendChild(el("p", { "class": "search-summary" }, r.summary)); }
      if (r.others.length) {
        var det = el("details", { "class": "search-others" });
        det.appendChild(el("summary", {}, fill(T.others, r.others.length)));
        var ul = el("ul", {});
        r.others.forEach(function (o) {
          var oli = el("li", {});
          oli.appendChild(el("a", { href: o.url }, o.name));
          ul.appendChild(oli);
        });
        det.appendChild(ul);
        li.appendChild(det);
      }
      ol.appendChild(li);
    });
    out.appendChild(ol);
    if (res.total > res.results.length) {
      var btn = el("button", { type: "button", "class": "search-more" }, fill(T.more, res.total - res.results.length));
      btn.addEventListener("click", function () { started = performance.now(); run(true); });
      out.appendChild(btn);
    }
    if (focus >= 0) {
      // After "more": the first new result takes the focus, for keyboards.
      var links = ol.querySelectorAll(".search-result h2 a");
      if (links[focus]) { links[focus].focus(); }
    }
  }
  function engineName(slug) { return engine.muniName[slug] || slug; }

  form.addEventListener("submit", function (ev) { ev.preventDefault(); window.clearTimeout(timer); started = performance.now(); run(false); });
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    started = performance.now();
    timer = window.setTimeout(function () { run(false); }, 120);
  });
  var q0 = new URL(window.location.href).searchParams.get("q");
  if (q0) { input.value = q0; started = performance.now(); run(false); } else { engine.init(); }
}(this));
