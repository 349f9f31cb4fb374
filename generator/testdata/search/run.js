// Runs queries through the site's own search engine (the theme's
// search.js) on a built index folder, for search_test.go. Reads
// {"script", "dir", "queries": [{"q", "municipality"}]} on stdin and
// writes one result list per query as JSON.
"use strict";
const fs = require("fs");
const path = require("path");
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const S = require(path.resolve(input.script));
const engine = new S.Engine((name) => fs.promises.readFile(path.join(input.dir, name), "utf8").then(JSON.parse));
(async () => {
  const out = [];
  for (const q of input.queries) {
    const res = await engine.search(q.q, { municipality: q.municipality || "", limit: 10 });
    out.push({
      total: res.total,
      missing: res.missing,
      suggestion: res.suggestion,
      municipality: res.municipality,
      results: res.results.map((r) => ({ url: r.url, kind: r.kind, title: r.title, others: r.others.length })),
    });
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
