// Command guidemap builds the static website of municipalities that share
// guides and e-services. See README.md.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/esamverkan/guidemap/generator"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/scaffold"
	"github.com/esamverkan/guidemap/generator/serve"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

const usage = `guidemap builds a static website from Markdown guides, an e-service library
and municipality boundaries.

Usage:
  guidemap build [--src DIR] [--out DIR] [--base-url URL] [--strict] [--no-cache] [--profile DIR] [--lang sv|en]
  guidemap check [--src DIR] [--strict] [--profile DIR] [--lang sv|en]
  guidemap serve [--src DIR] [--port N] [--strict] [--lang sv|en]
  guidemap new guide|eservice|municipality|page SLUG [flags]

Messages are in the site's language (Swedish) unless --lang or the
environment variable GUIDEMAP_LANG says sv or en.

Run "guidemap COMMAND -h" for a command's flags.
`

// langEnv is the environment variable that chooses the language of
// guidemap's messages when --lang does not.
const langEnv = "GUIDEMAP_LANG"

// langUsage is the help text of the --lang flag.
const langUsage = "the language of messages: sv or en (default: $GUIDEMAP_LANG, else the site's first language)"

// messageLang is the language of the messages: flag (--lang) wins over
// the environment variable GUIDEMAP_LANG, which wins over the site's
// first language (Swedish when site.toml cannot be read); a site language
// that guidemap has no messages in gives English.
func messageLang(flag, src string) (string, error) {
	if flag != "" {
		if l, ok := diag.Lang(flag); ok {
			return l, nil
		}
		return "", fmt.Errorf("--lang %q: write sv or en", flag)
	}
	if env := os.Getenv(langEnv); env != "" {
		if l, ok := diag.Lang(env); ok {
			return l, nil
		}
		return "", fmt.Errorf("%s=%q: write sv or en", langEnv, env)
	}
	if l, ok := diag.Lang(generator.Language(src)); ok {
		return l, nil
	}
	return diag.English, nil
}

// run is the whole command; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build", "check":
		return build(args[0], args[1:], stdout, stderr)
	case "new":
		return newFile(args[1:], stdout, stderr)
	case "serve":
		return serveSite(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "guidemap: unknown command %q\n\n%s", args[0], usage)
	return 2
}

func build(cmd string, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("guidemap "+cmd, flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("src", ".", "the site folder (with content/, geodata/, themes/)")
	strict := fl.Bool("strict", false, "treat warnings as errors")
	profile := fl.String("profile", "", "write CPU and heap profiles of the build (cpu.pprof, heap.pprof, and heap-peak.pprof from when the most was live) into this folder")
	langFlag := fl.String("lang", "", langUsage)
	var out, baseURL *string
	var noCache, adapts *bool
	if cmd == "check" {
		adapts = fl.Bool("adaptations", false, "list, for each municipality's adaptation of a shared guide, the sections it replaces and those it adds")
	}
	if cmd == "build" {
		out = fl.String("out", "", "the output folder (default: public in the site folder)")
		baseURL = fl.String("base-url", "", "the address the site is published at (default: base_url in site.toml)")
		noCache = fl.Bool("no-cache", false, "render every page and write every file anew, taking nothing from earlier builds (what this build makes is kept for the next)")
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "guidemap %s: unexpected argument %q\n", cmd, fl.Arg(0))
		return 2
	}
	lang, err := messageLang(*langFlag, *src)
	if err != nil {
		fmt.Fprintf(stderr, "guidemap %s: %v\n", cmd, err)
		return 2
	}
	if _, _, err := generator.SourceDateEpoch(); err != nil {
		fmt.Fprintf(stderr, "guidemap %s: %v\n", cmd, err)
		return 2
	}
	cfg := generator.Config{Src: *src, Strict: *strict}
	var res generator.Result
	// Ctrl-C stops the build; the output folder is then left as it was.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *profile != "" {
		done, err := startProfile(*profile)
		if err != nil {
			fmt.Fprintf(stderr, "guidemap %s: --profile: %v\n", cmd, err)
			return 2
		}
		defer func() {
			if err := done(); err != nil {
				fmt.Fprintf(stderr, "guidemap %s: --profile: %v\n", cmd, err)
			}
		}()
	}
	cfg.Progress = &atomic.Int64{}
	stopProgress := showProgress(stderr, isTerminal(stderr), cfg.Progress, progressAfter, progressEvery)
	if cmd == "build" {
		cfg.Out, cfg.BaseURL, cfg.NoCache = *out, *baseURL, *noCache
		if cfg.Out == "" {
			cfg.Out = filepath.Join(*src, "public")
		}
		res, err = generator.Build(ctx, cfg)
	} else {
		cfg.Adaptations = *adapts
		res, err = generator.Check(ctx, cfg)
	}
	stopProgress()
	printAdaptations(stdout, *src, res.Adaptations, lang)
	res.Diags.FprintIn(stderr, *src, lang)
	if err != nil {
		if !errors.Is(err, generator.ErrInput) {
			fmt.Fprintf(stderr, "guidemap: %v\n", err)
		}
		if cmd == "build" {
			fmt.Fprintln(stderr, diag.Localf(lang, "guidemap: nothing was written; the previous output is unchanged"))
		}
		return 1
	}
	what := diag.Localf(lang, "%d pages: %d guides (%d municipality versions), %d municipalities, %d e-services",
		res.Pages, res.Guides, res.Versions, res.Municipalities, res.EServices)
	took := res.Duration.Round(time.Millisecond).String() + " (" + stageTimes(res.Stages) + ")"
	if cmd == "build" {
		fmt.Fprintln(stdout, diag.Localf(lang, "built %s in %s → %s", what, took, cfg.Out))
		if kept := res.Pages - res.Rendered; kept > 0 {
			fmt.Fprintln(stdout, diag.Localf(lang, "  %d pages were as the last builds made them and were not rendered again (--no-cache renders every page)", kept))
		}
	} else {
		fmt.Fprintln(stdout, diag.Localf(lang, "checked %s in %s: no errors", what, took))
	}
	return 0
}

// printAdaptations lists what each adaptation does to the shared guide:
//
//	content/municipalities/timra/guides/bygglov.md (Timrå kommun) adapts content/guides/bygglov.md
//	  replaces: Avgifter, Kontakt
//	  adds: Avgift (did you mean "Avgifter"?)
func printAdaptations(w io.Writer, src string, as []generator.Adaptation, lang string) {
	for _, a := range as {
		fmt.Fprintln(w, diag.Localf(lang, "%s (%s) adapts %s", filepath.ToSlash(filepath.Join(src, a.File)), a.Municipality, filepath.ToSlash(filepath.Join(src, a.Shared))))
		if a.Intro {
			fmt.Fprintln(w, "  "+diag.Localf(lang, "replaces the introduction"))
		}
		if len(a.Replaces) > 0 {
			fmt.Fprintln(w, "  "+diag.Localf(lang, "replaces: %s", strings.Join(a.Replaces, ", ")))
		}
		if len(a.Adds) > 0 {
			adds := make([]string, len(a.Adds))
			for i, h := range a.Adds {
				adds[i] = h
				if a.Near[i] != "" {
					adds[i] += " (" + diag.Localf(lang, "did you mean %q?", a.Near[i]) + ")"
				}
			}
			fmt.Fprintln(w, "  "+diag.Localf(lang, "adds: %s", strings.Join(adds, ", ")))
		}
		if !a.Intro && len(a.Replaces) == 0 && len(a.Adds) == 0 {
			fmt.Fprintln(w, "  "+diag.Localf(lang, "changes no text"))
		}
	}
}

// The progress line shows up when a build has run this long, and is
// written again this often.
const (
	progressAfter = 2 * time.Second
	progressEvery = 250 * time.Millisecond
)

// isTerminal tells whether w is a terminal (a character device: a
// terminal, or /dev/null, where the line is lost and does no harm).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// showProgress writes, when tty is set and the build has run for after, one
// line that it writes again every every: how many pages are done (pages
// counts them) and how many a second since the first. The function it
// returns stops it and clears the line. Nothing is written when tty is not
// set: pipes, files, tests and CI get only the diagnostics and the summary.
func showProgress(w io.Writer, tty bool, pages *atomic.Int64, after, every time.Duration) (stop func()) {
	if !tty {
		return func() {}
	}
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		start := time.Now()
		var first time.Time // when the first page was counted
		shown := false
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-quit:
				if shown {
					fmt.Fprint(w, "\r\033[K")
				}
				return
			case <-tick.C:
			}
			n := pages.Load()
			if n > 0 && first.IsZero() {
				first = time.Now()
			}
			if time.Since(start) < after {
				continue
			}
			rate := 0.0
			if s := time.Since(first).Seconds(); n > 0 && s > 0 {
				rate = float64(n) / s
			}
			fmt.Fprintf(w, "\r\033[K%d pages, %.0f pages/s", n, rate)
			shown = true
		}
	}()
	return func() {
		close(quit)
		<-done
	}
}

// stageTimes says how long each stage took: "load 120ms, assemble 8ms,
// …" (the stages' names are the packages', in any language).
func stageTimes(stages []generator.Stage) string {
	parts := make([]string, len(stages))
	for i, s := range stages {
		parts[i] = s.Name + " " + s.Duration.Round(time.Millisecond).String()
	}
	return strings.Join(parts, ", ")
}

// startProfile starts a CPU profile into dir/cpu.pprof; the function it
// returns stops it and writes the heap as it is then into dir/heap.pprof,
// and as it was at its highest during the build into dir/heap-peak.pprof.
// Read them with go tool pprof.
func startProfile(dir string) (done func() error, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	cpu, err := os.Create(filepath.Join(dir, "cpu.pprof"))
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(cpu); err != nil {
		cpu.Close()
		return nil, err
	}
	peak := watchPeakHeap()
	return func() error {
		pprof.StopCPUProfile()
		if err := cpu.Close(); err != nil {
			return err
		}
		if b := peak(); len(b) > 0 {
			if err := os.WriteFile(filepath.Join(dir, "heap-peak.pprof"), b, 0o644); err != nil {
				return err
			}
		}
		heap, err := os.Create(filepath.Join(dir, "heap.pprof"))
		if err != nil {
			return err
		}
		runtime.GC() // the heap profile shows what is live after the build
		if err := pprof.WriteHeapProfile(heap); err != nil {
			heap.Close()
			return err
		}
		return heap.Close()
	}, nil
}

// watchPeakHeap samples the live heap (as the last finished GC cycle
// measured it) four times a second and keeps a heap profile from the
// moment it was highest, for memory that the build holds and lets go of
// before it ends. The function it returns stops the sampling and gives
// that profile (nil if none was taken).
func watchPeakHeap() (stop func() []byte) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	quit, done := make(chan struct{}), make(chan []byte)
	go func() {
		var best []byte
		var high uint64
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		look := func() {
			metrics.Read(sample)
			if sample[0].Value.Kind() != metrics.KindUint64 {
				return
			}
			if live := sample[0].Value.Uint64(); live > high || best == nil {
				var b bytes.Buffer
				if pprof.Lookup("heap").WriteTo(&b, 0) == nil {
					high, best = live, b.Bytes()
				}
			}
		}
		for {
			select {
			case <-quit:
				look() // a build shorter than a tick has its profile too
				done <- best
				return
			case <-tick.C:
				look()
			}
		}
	}()
	return func() []byte {
		close(quit)
		return <-done
	}
}

func newFile(args []string, stdout, stderr io.Writer) int {
	if len(args) < 2 || strings.HasPrefix(args[0], "-") || strings.HasPrefix(args[1], "-") {
		fmt.Fprintln(stderr, "usage: guidemap new guide|eservice|municipality|page SLUG [--title T] [--municipality M] [--name N --code C [--boundary FILE]] [--owner O] [--category C] [--src DIR]")
		return 2
	}
	kind, slug := args[0], args[1]
	fl := flag.NewFlagSet("guidemap new", flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("src", ".", "the site folder")
	title := fl.String("title", "", "the title of the guide, e-service or page")
	muni := fl.String("municipality", "", "guide: make a local guide or an adaptation of this municipality")
	name := fl.String("name", "", "municipality: its name, e.g. \"Ånge kommun\"")
	code := fl.String("code", "", "municipality: its SCB code, e.g. 2260")
	owner := fl.String("owner", "", "eservice: common, or the municipality that built it")
	category := fl.String("category", "", "guide, eservice: its category, one of site.toml's")
	boundary := fl.String("boundary", "", "municipality: a GeoJSON file with its boundary (e.g. from Lantmäteriet's or SCB's open data), added to "+scaffold.BoundariesFile)
	langFlag := fl.String("lang", "", langUsage)
	if err := fl.Parse(args[2:]); err != nil {
		return 2
	}
	lang, lerr := messageLang(*langFlag, *src)
	if lerr != nil {
		fmt.Fprintf(stderr, "guidemap new: %v\n", lerr)
		return 2
	}
	nf := scaffold.NewFile{Kind: kind, Slug: slug, Title: *title, Municipality: *muni, Code: *code, Owner: *owner, Category: *category, Today: time.Now()}
	if kind == "municipality" {
		nf.Title, nf.Boundary = *name, *boundary
	} else if *boundary != "" {
		fmt.Fprintln(stderr, "guidemap new: "+diag.Localf(lang, "--boundary is for a new municipality"))
		return 2
	}
	p, err := scaffold.Scaffold(*src, nf)
	var problems *scaffold.Problems
	if errors.As(err, &problems) {
		problems.List.FprintIn(stderr, "", lang)
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "guidemap new: %s\n", diag.ErrorIn(err, lang))
		return 1
	}
	if nf.Boundary != "" {
		fmt.Fprintln(stdout, diag.Localf(lang, "added the boundary of %s to %s", nf.Code, filepath.ToSlash(filepath.Join(*src, scaffold.BoundariesFile))))
	}
	fmt.Fprintln(stdout, diag.Localf(lang, "created %s", filepath.ToSlash(filepath.Join(*src, p))))
	return 0
}

// serveSite is `guidemap serve`: build, serve on 127.0.0.1, watch and
// rebuild until Ctrl-C.
func serveSite(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("guidemap serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("src", ".", "the site folder (with content/, geodata/, themes/)")
	port := fl.Int("port", 1313, "the port on 127.0.0.1; the next free one is taken when it is busy")
	strict := fl.Bool("strict", false, "treat warnings as errors")
	langFlag := fl.String("lang", "", langUsage)
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "guidemap serve: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	lang, err := messageLang(*langFlag, *src)
	if err != nil {
		fmt.Fprintf(stderr, "guidemap serve: %v\n", err)
		return 2
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "guidemap serve: --port %d is not a port\n", *port)
		return 2
	}
	if _, _, err := generator.SourceDateEpoch(); err != nil {
		fmt.Fprintf(stderr, "guidemap serve: %v\n", err)
		return 2
	}
	s, err := serve.New(serve.Options{Src: *src, Port: *port, Strict: *strict, Log: stdout, Lang: lang})
	if err != nil {
		fmt.Fprintf(stderr, "guidemap serve: %v\n", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := s.Run(ctx); err != nil {
		fmt.Fprintf(stderr, "guidemap serve: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, diag.Localf(lang, "stopped"))
	return 0
}
