#!/usr/bin/env python3
"""What the site search costs a reader: the index's size and the bytes a
browser downloads for the first query and for later ones, on a built site.

Runs the site's own search script (assets/search.*.js) in node through
generator/testdata/search/run.js, which loads the index files as the page
does and reports each file's size raw and gzip-compressed (as a static host
serves them). Python 3 standard library and node.

    python3 bench/search.py --out /tmp/site-out
    python3 bench/search.py --out /tmp/o10k --queries "bygglov,förskoleplatsen,byglov"
"""
import argparse
import glob
import gzip
import json
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUN = os.path.join(ROOT, "generator", "testdata", "search", "run.js")
QUERIES = ("bygglov,förskoleplatsen,hemtjanst,byglov,sopor,parkeringstillstånd,ekonomiskt bistånd,"
           "bibliotek sundsvall,serveringstillståndet,skolskjuts,färdtjänst,radon")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="a site guidemap built")
    ap.add_argument("--queries", default=QUERIES, help="comma-separated queries, run in this order")
    a = ap.parse_args()
    index = os.path.join(a.out, "sok", "index")
    scripts = glob.glob(os.path.join(a.out, "assets", "search.*.js"))
    if not os.path.isdir(index) or len(scripts) != 1:
        sys.exit("%s has no search index (sok/index/) or no assets/search.*.js: build the site first" % a.out)
    raw = gz = n = 0
    for f in os.listdir(index):
        data = open(os.path.join(index, f), "rb").read()
        raw += len(data)
        gz += len(gzip.compress(data))
        n += 1
    script = open(scripts[0], "rb").read()
    queries = [q.strip() for q in a.queries.split(",") if q.strip()]
    inp = json.dumps({"script": scripts[0], "dir": index, "queries": [{"q": q} for q in queries]})
    res = json.loads(subprocess.run(["node", RUN], input=inp, capture_output=True, text=True, check=True).stdout)
    print("index: %d files, %.1f MB raw, %.1f MB gzip; script %.1f KB gzip" % (n, raw / 1e6, gz / 1e6, len(gzip.compress(script)) / 1e3))
    print("| query | results | files loaded | KB gzip | ms (node) |")
    print("|---|---:|---:|---:|---:|")
    later = []
    for i, (q, r) in enumerate(zip(queries, res)):
        kb = sum(f["gz"] for f in r["loaded"]) / 1e3
        if i == 0:
            kb += len(gzip.compress(script)) / 1e3
        else:
            later.append(kb)
        print("| %s%s | %d | %d | %.1f | %.0f |" % (q, " (first, with the script)" if i == 0 else "", r["total"], len(r["loaded"]), kb, r["ms"]))
    if later:
        print("later queries: median %.1f KB, max %.1f KB" % (statistics.median(later), max(later)))


if __name__ == "__main__":
    main()
