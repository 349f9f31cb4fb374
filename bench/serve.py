#!/usr/bin/env python3
"""guidemap serve (and hugo server) on a corpus: how soon it answers, how
soon it has built the whole site, and how soon an edit is served.

  python3 bench/serve.py --work DIR [--corpus 1k|10k] [--guidemap BIN] [--hugo BIN]

Uses the corpora of compare.py (made by it; run compare.py first or give
the same --work). Each tool is started on a copy of its site made in the
work folder; the script polls http://127.0.0.1:PORT/ and prints, as a
Markdown table: seconds until the first page is served, until the whole
site is built (guidemap's log line "built N pages"; Hugo serves only then),
until a sentence appended to a guide is served on the guide's page, and
until a changed title is (medians of -n edits of each kind), and the peak
RSS. Python 3 standard library only.
"""
import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request

from compare import log, rss_kb  # beside this file

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPORA = {"1k": ("g1k-p5k", "h1k-p5k"), "10k": ("g10k-p50k", "h10k-p50k")}


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, ""
    except OSError:
        return 0, ""


class Server:
    def __init__(self, cmd, logfile):
        self.log = open(logfile, "w+")
        self.t0 = time.monotonic()
        self.p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        self.peak = 0

    def poll(self, cond, timeout):
        """Seconds from start until cond() is true (None on timeout)."""
        t = time.monotonic()
        while time.monotonic() - t < timeout:
            self.peak = max(self.peak, rss_kb(self.p.pid))
            if self.p.poll() is not None:
                return None
            if cond():
                return time.monotonic() - t
            time.sleep(0.05)
        return None

    def logged(self, text):
        self.log.flush()
        with open(self.log.name) as f:
            return text in f.read()

    def ends(self):
        """How many builds the log says have ended (guidemap's lines "built …" and "rebuilt …")."""
        self.log.flush()
        with open(self.log.name) as f:
            return sum(1 for line in f if line.startswith(("built ", "rebuilt ")))

    def stop(self):
        try:
            os.killpg(self.p.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        self.p.wait()
        self.log.close()


def first_guide(site):
    d = os.path.join(site, "content", "guides")
    return sorted(f for f in os.listdir(d) if f.endswith(".md") and not f.startswith("_"))[0]


def measure(name, cmd, site, port, page, built_text, timeout, edits):
    guide = os.path.join(site, "content", "guides", first_guide(site))
    base = "http://127.0.0.1:%d" % port
    s = Server(cmd, os.path.join(os.path.dirname(site), "serve-%s.log" % name))
    row = {}
    try:
        row["ready"] = s.poll(lambda: get(base + "/")[0] == 200, timeout)
        if built_text:
            row["built"] = s.poll(lambda: s.logged(built_text), timeout)
            if row["built"] is not None and row["ready"] is not None:
                row["built"] += row["ready"]
        else:
            row["built"] = row["ready"]
        url = base + page % first_guide(site)[:-3]
        times = {"text edit": [], "title edit": []}
        for kind in ("text edit", "title edit") * edits:
            with open(guide, encoding="utf-8") as f:
                text = f.read()
            stamp = "Prov%d" % int(time.time() * 1000)
            if kind == "text edit":
                text += "\nEn mening till, %s.\n" % stamp
            else:
                lines = text.split("\n")
                for i, line in enumerate(lines):
                    if line.startswith("title:"):
                        lines[i] = 'title: "Ny rubrik %s"' % stamp
                        break
                text = "\n".join(lines)
            if built_text:
                # guidemap serves an edit before its build ends (the rest
                # renders on): the next edit comes when the build has ended.
                ended = len(times["text edit"]) + len(times["title edit"]) + 1
                s.poll(lambda: s.ends() >= ended, timeout)
            time.sleep(0.5)  # a quiet moment before the edit
            with open(guide, "w", encoding="utf-8") as f:
                f.write(text)
            times[kind].append(s.poll(lambda: stamp in get(url)[1], timeout))
        for kind, ts in times.items():
            row[kind] = None if None in ts else statistics.median(ts)
            row[kind + "s"] = ts
        row["peak"] = s.peak / 1024
    finally:
        s.stop()
    return row


def fmt(v, spec="%.2f"):
    return "—" if v is None else spec % v


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", required=True, help="the work folder of compare.py, with its corpora")
    ap.add_argument("--corpus", choices=sorted(CORPORA), default="10k")
    ap.add_argument("--guidemap", help="guidemap binary (default: go build ./cmd/guidemap into the work folder)")
    ap.add_argument("--hugo", help="Hugo binary (default: hugo on PATH, else WORK/hugo-bin/hugo; none: leave Hugo out)")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("-n", type=int, default=3, help="edits of each kind, one after the other (text, title, text, …); the table shows medians")
    a = ap.parse_args()
    gdir, hdir = CORPORA[a.corpus]
    if not a.guidemap:
        a.guidemap = os.path.join(a.work, "guidemap-serve")
        subprocess.run(["go", "build", "-o", a.guidemap, "./cmd/guidemap"], cwd=ROOT, check=True)
    if not a.hugo:
        a.hugo = shutil.which("hugo") or os.path.join(a.work, "hugo-bin", "hugo")
    rows = []
    for name, src, cmd, page, built in (
            ("guidemap", gdir, lambda site, port: [a.guidemap, "serve", "--src", site, "--port", str(port)],
             "/guider/%s/", "built "),
            ("hugo", hdir, lambda site, port: [a.hugo, "server", "-s", site, "--port", str(port), "--bind", "127.0.0.1",
                                               "--disableLiveReload", "--quiet"], "/guides/%s/", None)):
        if name == "hugo" and not os.path.exists(a.hugo):
            log("no Hugo at %s: leaving it out" % a.hugo)
            continue
        orig = os.path.join(a.work, src)
        if not os.path.isdir(orig):
            sys.exit("no corpus %s: make it with bench/compare.py --work %s --corpus %s" % (orig, a.work, a.corpus))
        site = os.path.join(a.work, "serve-" + src)
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(orig, site)
        port = 18800 if name == "guidemap" else 18900
        log("%s: %s" % (name, " ".join(cmd(site, port))))
        rows.append((name, measure(name, cmd(site, port), site, port, page, built, a.timeout, a.n)))
        shutil.rmtree(site, ignore_errors=True)
    print("| corpus %s | first page served s | whole site built s | text edit served s | title edit served s | peak MB |" % a.corpus)
    print("|---|---:|---:|---:|---:|---:|")
    for name, r in rows:
        print("| %s | %s | %s | %s | %s | %s |" % (name, fmt(r.get("ready")), fmt(r.get("built")), fmt(r.get("text edit")),
                                                fmt(r.get("title edit")), fmt(r.get("peak"), "%.0f")))
    for name, r in rows:
        for kind in ("text edit", "title edit"):
            log("%s, %s: %s s" % (name, kind, ", ".join(fmt(t) for t in r.get(kind + "s", []))))


if __name__ == "__main__":
    main()
