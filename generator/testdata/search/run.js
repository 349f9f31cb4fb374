// Runs queries through the site's own search engine (the theme's
// search.js, as the build wrote it) on a built index folder, for
// search_test.go and bench/search.py. Reads {"script", "dir", "queries":
// [{"q", "municipality"}]} on stdin and writes, for each query, its
// results and the index files it had to load (the engine keeps what an
// earlier query loaded, as the page does), with their sizes raw and
// gzip-compressed as a static host would serve them.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const S = require(path.resolve(input.script));
let loaded = [];
const engine = new S.Engine((name) => fs.promises.readFile(path.join(input.dir, name)).then((data) => {
  loaded.push({ name: name, raw: data.length, gz: zlib.gzipSync(data).length });
  return JSON.parse(data.toString("utf8"));
}));
(async () => {
  const out = [];
  for (const q of input.queries) {
    loaded = [];
    const t0 = process.hrtime.bigint();
    const res = await engine.search(q.q, { municipality: q.municipality || "", limit: 10 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    out.push({
      total: res.total,
      missing: res.missing,
      suggestion: res.suggestion,
      municipality: res.municipality,
      ms: ms,
      loaded: loaded,
      results: res.results.map((r) => ({ url: r.url, kind: r.kind, title: r.title, others: r.others.length })),
    });
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
