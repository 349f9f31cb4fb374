#!/usr/bin/env python3
"""guidemap side by side with Hugo on the corpora of issue #12.

  python3 bench/compare.py [--work DIR] [--corpus 1k|10k|national|all] [-n 3]
                           [--warmup 1] [--guidemap BIN] [--hugo BIN]
                           [--max-rss GB] [--timeout S]

Makes the corpora it lacks in the work folder (../shared/bench/gencorpus.py
for 1k and 10k in both formats, `go run ./cmd/gensite --preset national`
for the national one, guidemap only), runs guidemap and Hugo alternately
(A B A B ...) and prints, per corpus, tool and kind of build, the medians
of pages written, wall and CPU time, peak RSS, bytes written and time per
page, with guidemap's time per page over Hugo's. A run whose RSS passes
--max-rss or whose time passes --timeout is killed and its row says so.
Python 3 standard library only; see bench/README.md.
"""
import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")

# name: (guides, points, guidemap folder, Hugo folder); None for national,
# which gensite makes and Hugo has no equivalent of.
CORPORA = {
    "1k": (1000, 5000, "g1k-p5k", "h1k-p5k"),
    "10k": (10000, 50000, "g10k-p50k", "h10k-p50k"),
    "national": (None, None, "g-national", None),
}

HUGO_INSTALL = ("Hugo not found at %s; install it as ../shared/bench/README.md says:\n"
                "  GOTOOLCHAIN=go1.27.3 CGO_ENABLED=0 GOBIN=%s go install github.com/gohugoio/hugo@v0.166.0\n"
                "and pass --hugo %s. Skipping the Hugo columns.")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ------------------------------------------------------------------ corpora
def gencorpus(a, guides, points, fmt, out):
    """A 1k or 10k corpus from gencorpus.py, made under a temporary name."""
    tmp = out + ".tmp"
    cmd = [sys.executable, a.gencorpus, "--boundaries", a.boundaries, "--guides", str(guides),
           "--points", str(points), "--format", fmt, "--out", tmp]
    log("making %s: %s" % (out, " ".join(cmd)))
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    os.rename(tmp, out)


def gensite_national(out):
    tmp = out + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    cmd = ["go", "run", "./cmd/gensite", "--preset", "national", "--out", tmp]
    log("making %s: %s" % (out, " ".join(cmd)))
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    os.rename(tmp, out)


def corpus(a, name):
    """The guidemap and Hugo site folders of a corpus (Hugo's None if none
    or if there is no Hugo), made when missing."""
    guides, points, gdir, hdir = CORPORA[name]
    g = os.path.join(a.work, gdir)
    h = os.path.join(a.work, hdir) if hdir and a.hugo else None
    if not os.path.isdir(g):
        if guides is None:
            gensite_national(g)
        else:
            gencorpus(a, guides, points, "guidemap", g)
    if h and not os.path.isdir(h):
        gencorpus(a, guides, points, "hugo", h)
    return g, h


# --------------------------------------------------------------------- runs
def rss_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(cmd, a):
    """Runs cmd, polling its RSS; returns its figures, or a note of why it
    was killed or failed."""
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen, killed = 0, None
    err = []
    os.set_blocking(p.stderr.fileno(), False)
    while True:
        pid, status, ru = os.wait4(p.pid, os.WNOHANG)
        chunk = p.stderr.read()
        if chunk:
            err.append(chunk)
        if pid:
            break
        wall = time.monotonic() - t0
        seen = max(seen, rss_kb(p.pid))
        if killed is None and seen > a.max_rss * 1024 * 1024:
            killed = "killed at %.1f GB after %.0f s" % (seen / 1024 / 1024, wall)
        elif killed is None and wall > a.timeout:
            killed = "timed out after %.0f s at %.1f GB" % (wall, seen / 1024 / 1024)
        if killed:
            p.send_signal(signal.SIGKILL)
        time.sleep(0.1)
    wall = time.monotonic() - t0
    p.stderr.close()
    if killed:
        return {"note": killed}
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        tail = b"".join(err).decode("utf-8", "replace").strip().splitlines()[-3:]
        return {"note": "failed (exit %d after %.0f s): %s" % (code, wall, " | ".join(tail))}
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss": ru.ru_maxrss / 1024}


def measure_output(out):
    """Pages (.html files), bytes of all files and bytes of the HTML."""
    pages = total = html = 0
    for d, _, files in os.walk(out):
        for f in files:
            n = os.path.getsize(os.path.join(d, f))
            total += n
            if f.endswith(".html"):
                pages += 1
                html += n
    return {"pages": pages, "bytes": total, "html": html}


class Tool:
    """A generator under test: how it builds a site into an output folder."""

    def __init__(self, name, argv):
        self.name, self.argv = name, argv

    def cmd(self, site, out):
        if self.name == "guidemap":
            return self.argv + ["build", "--src", site, "--out", out]
        return self.argv + ["--minify", "--quiet", "--cleanDestinationDir", "-s", site, "-d", out]


def first_guide(site):
    d = os.path.join(site, "content", "guides")
    return os.path.join(d, sorted(f for f in os.listdir(d) if f.endswith(".md") and not f.startswith("_"))[0])


def series(a, jobs, reps, warmup):
    """Runs the jobs (tool name → (prepare, command, output folder))
    alternately, warmup + reps rounds; a job that is killed or fails is
    not run again. Returns the figures of each job's timed runs."""
    results = {name: [] for name in jobs}
    dead = {}
    for i in range(warmup + reps):
        for name, (prepare, cmd, out) in jobs.items():
            if name in dead:
                continue
            prepare(i)
            log("  %s %s: %s" % ("warm-up" if i < warmup else "run %d" % (i - warmup + 1), name, " ".join(cmd)))
            r = run(cmd, a)
            if "note" in r:
                log("    " + r["note"])
                dead[name] = r
                continue
            r.update(measure_output(out))
            log("    %.2f s wall, %d pages, %.0f MB peak" % (r["wall"], r["pages"], r["rss"]))
            if i >= warmup:
                results[name].append(r)
    return {name: [dead[name]] if name in dead else rs for name, rs in results.items()}


def median_row(rs):
    if not rs:
        return None
    if "note" in rs[0]:
        return rs[0]
    m = {k: statistics.median(r[k] for r in rs) for k in ("wall", "cpu", "rss", "pages", "bytes", "html")}
    m["ms"] = 1000 * m["wall"] / m["pages"] if m["pages"] else float("nan")
    m["n"] = len(rs)
    return m


def bench_corpus(a, name, tools):
    gsite, hsite = corpus(a, name)
    sites = {"guidemap": gsite, "hugo": hsite}
    live = {t.name: t for t in tools if sites[t.name]}
    outs = {t: os.path.join(a.work, "out-compare-%s-%s" % (name, t)) for t in live}
    rows = []

    def clean(out):
        # The output and what guidemap keeps beside it between builds (the
        # spare, the output before last, and the cache of page fingerprints
        # and rendered bodies): a clean build renders and writes every file.
        # They are moved into the trash, which is emptied after the last
        # timed run (see trash).
        def rm(i):
            parent, base = os.path.split(out.rstrip("/"))
            for p in (out, os.path.join(parent, ".guidemap-spare-" + base), os.path.join(parent, ".guidemap-cache-" + base)):
                if os.path.lexists(p):
                    os.rename(p, os.path.join(a.trash, "%d-%s" % (time.monotonic_ns(), os.path.basename(p))))
        return rm

    log("corpus %s: clean builds" % name)
    jobs = {t: (clean(outs[t]), live[t].cmd(sites[t], outs[t]), outs[t]) for t in live}
    got = series(a, jobs, a.n, a.warmup)
    rows.append(("clean build", got))
    ok = [t for t in live if got[t] and "note" not in got[t][0]]
    none = {t: [{"note": "not run: no clean build"}] for t in live if t not in ok}
    if not ok:
        return rows
    log("corpus %s: unchanged rebuilds" % name)
    jobs = {t: (lambda i: None, live[t].cmd(sites[t], outs[t]), outs[t]) for t in ok}
    rows.append(("unchanged rebuild", dict(series(a, jobs, a.n, 0), **none)))
    if a.no_edit:
        return rows
    log("corpus %s: one guide changed (on copies of the sites)" % name)
    jobs = {}
    for t in ok:
        copy = os.path.join(a.work, "edit-compare-%s-%s" % (name, t))
        if not os.path.isdir(copy):
            shutil.copytree(sites[t], copy)
        out = outs[t] + "-edit"
        guide = first_guide(copy)

        def edit(i, guide=guide):
            with open(guide, "a", encoding="utf-8") as f:
                f.write("\nEn ändring till, nummer %d.\n" % i)
        jobs[t] = (edit, live[t].cmd(copy, out), out)
    # The first round builds the copies: the previous build to change.
    rows.append(("one guide changed", dict(series(a, jobs, a.n, 1), **none)))
    return rows


# -------------------------------------------------------------------- table
HEAD = ("| corpus | build | tool | pages | wall s | CPU s | peak MB | MB written | KB/page | ms/page | g/h | of clean |\n"
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")


def table_rows(name, rows, tools):
    lines, clean = [], {}
    for kind, got in rows:
        med = {t: median_row(got.get(t)) for t in tools}
        if not clean:
            clean = med
        g, h = med.get("guidemap"), med.get("hugo")
        ratio = "—"
        if g and h and "note" not in g and "note" not in h:
            ratio = "%.2f" % (g["ms"] / h["ms"])
        for t in tools:
            m = med.get(t)
            share = ""
            if m is None:
                cells = ["—"] * 7
            elif "note" in m:
                cells = [m["note"]] + [""] * 6
            else:
                cells = ["%d" % m["pages"], "%.2f" % m["wall"], "%.2f" % m["cpu"], "%.0f" % m["rss"],
                         "%.1f" % (m["bytes"] / 1e6), "%.1f" % (m["html"] / m["pages"] / 1e3 if m["pages"] else 0),
                         "%.3f" % m["ms"]]
                if kind != "clean build":
                    share = "%.0f %%" % (100 * m["wall"] / clean[t]["wall"])
            lines.append("| %s | %s | %s | %s | %s | %s |" % (name, kind, t, " | ".join(cells),
                                                             ratio if t == "guidemap" else "", share))
    return lines


def empty(trash, stamp):
    """Deletes the trash's outputs and notes when (see main)."""
    shutil.rmtree(trash, ignore_errors=True)
    os.sync()
    with open(stamp, "w"):
        pass


# --------------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", help="scratch folder for corpora and outputs (default: a new temporary folder)")
    ap.add_argument("--corpus", choices=["1k", "10k", "national", "all"], default="all")
    ap.add_argument("-n", type=int, default=3, help="timed runs per tool and build (medians are printed)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed rounds before the clean builds")
    ap.add_argument("--guidemap", help="guidemap binary (default: go build ./cmd/guidemap into the work folder)")
    ap.add_argument("--hugo", help="Hugo binary (default: hugo on PATH, else WORK/hugo-bin/hugo)")
    ap.add_argument("--gencorpus", default=os.path.join(SHARED, "bench", "gencorpus.py"))
    ap.add_argument("--boundaries", default=os.path.join(SHARED, "geodata", "vasternorrland-municipalities.geojson"),
                    help="the boundaries gencorpus.py places the 1k and 10k corpora's points in")
    ap.add_argument("--max-rss", type=float, default=8, help="GB: kill a run whose RSS passes this")
    ap.add_argument("--timeout", type=float, default=600, help="seconds: kill a run that takes longer")
    ap.add_argument("--no-edit", action="store_true", help="leave out the one-guide-changed rows")
    ap.add_argument("--settle", type=float, default=65,
                    help="seconds between the deletion of an earlier call's outputs and the first run (0: no wait)")
    a = ap.parse_args()
    a.work = os.path.abspath(a.work or tempfile.mkdtemp(prefix="guidemap-bench-"))
    os.makedirs(a.work, exist_ok=True)
    if not a.guidemap:
        a.guidemap = os.path.join(a.work, "guidemap")
        log("building %s" % a.guidemap)
        subprocess.run(["go", "build", "-o", a.guidemap, "./cmd/guidemap"], check=True, cwd=ROOT)
    hugo = a.hugo or shutil.which("hugo") or os.path.join(a.work, "hugo-bin", "hugo")
    a.hugo = hugo if os.access(hugo, os.X_OK) else None
    if not a.hugo:
        log(HUGO_INSTALL % (hugo, os.path.join(a.work, "hugo-bin"), os.path.join(a.work, "hugo-bin", "hugo")))
    tools = [Tool("guidemap", [os.path.abspath(a.guidemap)])]
    if a.hugo:
        tools.append(Tool("hugo", [os.path.abspath(a.hugo)]))
    names = ["1k", "10k", "national"] if a.corpus == "all" else [a.corpus]
    # The trash: what the clean builds remove, deleted only after the last
    # timed run. On ext4 without a journal, a file created within a minute
    # (five, before the deletion is written back) of thousands deleted
    # pays for a search past their inodes, in system time: deleting each
    # output just before the next build made every run slower than the one
    # before (the same 1k build's system time grew 2.8 → 19.8 s over six
    # runs), and most for the tool that writes the most files. Emptying
    # it first and letting the deletion settle (--settle) starts the runs
    # from the same state.
    a.trash = os.path.join(a.work, ".trash")
    emptied = os.path.join(a.work, ".trash-emptied")  # its time: when a call last emptied the trash
    if os.path.isdir(a.trash) and os.listdir(a.trash):
        empty(a.trash, emptied)
    if os.path.exists(emptied):
        wait = a.settle - (time.time() - os.path.getmtime(emptied))
        if wait > 0:
            log("waiting %.0f s for the deletion of an earlier call's outputs to settle" % wait)
            time.sleep(wait)
    os.makedirs(a.trash, exist_ok=True)
    lines = []
    try:
        for name in names:
            lines += table_rows(name, bench_corpus(a, name, tools), [t.name for t in tools])
    finally:
        empty(a.trash, emptied)
    hv = subprocess.run([a.hugo, "version"], capture_output=True, text=True).stdout.strip() if a.hugo else "not run"
    print("%s, work folder %s" % (time.strftime("%Y-%m-%d %H:%M"), a.work))
    print("guidemap: %s\nhugo: %s\nruns: %d timed (medians), %d warm-up; %d cores; guard %.1f GB, %.0f s\n" % (
        a.guidemap, hv, a.n, a.warmup, os.cpu_count(), a.max_rss, a.timeout))
    print(HEAD)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
