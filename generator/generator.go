// Package generator is guidemap's library façade: it turns a site folder
// into the files of a static website. It is the only package that knows the
// order of the stages, each a package of its own:
//
//  1. load: read every file and parse each on its own → *load.Input;
//  2. assemble: resolve adoptions, adaptations, references and the places
//     of the service points → *model.Site, which nothing changes afterwards;
//  3. bodies: every Markdown body to HTML on all cores → *bodies.Set (and,
//     once the render stage has listed the pages, the link check);
//  4. render: every page, map, export and asset, each handed on as it is
//     made (to an output.Writer in Build: no page's bytes are held);
//  5. write: the files go into a staging folder as they come; only when no
//     error was found does it replace the output folder.
//
// A Builder (builder.go) runs the same stages again for `guidemap serve`,
// taking from its cache.Cache what did not change. Nothing here prints or
// exits; problems are returned as diagnostics.
package generator

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/esamverkan/guidemap/generator/assemble"
	"github.com/esamverkan/guidemap/generator/bodies"
	"github.com/esamverkan/guidemap/generator/cache"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/i18n"
	"github.com/esamverkan/guidemap/generator/load"
	"github.com/esamverkan/guidemap/generator/markdown"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/output"
	"github.com/esamverkan/guidemap/generator/render"
	"github.com/esamverkan/guidemap/generator/sitefs"
	"github.com/esamverkan/guidemap/themes"
)

// Config says what to build. The zero value builds the site in the current
// folder into ./public.
type Config struct {
	Src     string // the site folder; "" is "."
	FS      fs.FS  // the site's files; nil reads Src from disk
	Out     string // the output folder; "" is "public" inside Src
	BaseURL string // replaces site.toml's base_url when set
	Strict  bool   // warnings count as errors
	Workers int    // parallel workers; <= 0 is GOMAXPROCS
	// NoCache makes Build render every page and body and write every file,
	// taking nothing that earlier builds kept beside the output folder
	// (what this build makes is kept for the next, as always).
	NoCache bool

	// Progress, when not nil, counts the HTML pages that the render stage
	// has made (rendered or taken from a Builder's cache), as it goes; a
	// command may read it from another goroutine to show progress.
	Progress *atomic.Int64

	// Preview, when not nil, is called once every page of the site is
	// known and before any is rendered, unless a problem found by then
	// fails the build, with a function that makes any output file of this
	// build on demand (render.Renderer.File): a server answers with it
	// while the build runs. The function stays valid after the build.
	Preview func(file func(path string) ([]byte, bool))

	// Adaptations makes the Result list what each adaptation of a shared
	// guide does to its sections (`guidemap check --adaptations`).
	Adaptations bool

	// Today is the build's date: point pages describe the opening hours
	// from it on. Zero is the date of each build in Europe/Stockholm, or
	// SOURCE_DATE_EPOCH's (seconds since 1970) when it is set, for
	// reproducible builds.
	Today time.Time

	// MaxOutput, when not 0, is the most the build may write in bytes,
	// instead of site.toml's [limits] output_gb (or 64 GiB).
	MaxOutput int64
}

// SourceDateEpoch is the time SOURCE_DATE_EPOCH gives, the
// reproducible-builds convention (seconds since 1970, UTC): ok is false
// when it is not set, err not nil when it is not a number of seconds.
func SourceDateEpoch() (t time.Time, ok bool, err error) {
	v, set := os.LookupEnv("SOURCE_DATE_EPOCH")
	if !set || v == "" {
		return time.Time{}, false, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, false, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds since 1970", v)
	}
	return time.Unix(n, 0).UTC(), true, nil
}

// today is the build's date, as Config.Today says.
func today(cfg Config) time.Time {
	if !cfg.Today.IsZero() {
		return cfg.Today
	}
	if t, ok, _ := SourceDateEpoch(); ok {
		return t
	}
	return time.Now()
}

// Result tells what a build made and found.
type Result struct {
	Pages          int   // HTML pages
	Rendered       int   // HTML pages rendered by this build (a Builder takes the others from its last build)
	Files          int   // all output files
	Bytes          int64 // the size of all output files
	Guides         int   // shared and local guides
	Versions       int   // municipality versions of guides
	Municipalities int
	EServices      int
	Points         int // service points placed on the maps
	Duration       time.Duration
	Diags          *diag.List
	Output         []output.File // what was (or would be) written, sorted by path: with the bytes from a Builder and Collect, only the paths (Data nil) from Build and Check
	Delta          []string      // from a Builder's fast rebuild: the output files that changed; nil when any may have
	Stages         []Stage       // how long each stage took, in order (a full build's; a fast rebuild's are its own)
	Adaptations    []Adaptation  // with Config.Adaptations: what each adaptation replaces and adds
}

// Stage is the time one stage of a build took.
type Stage struct {
	Name     string // load, assemble, bodies, render, links, write
	Duration time.Duration
}

// stopwatch records the stages of a build as they end.
type stopwatch struct {
	last   time.Time
	stages []Stage
}

func newStopwatch() *stopwatch { return &stopwatch{last: time.Now()} }

// lap ends the stage name.
func (w *stopwatch) lap(name string) { w.lapLess(name, 0) }

// lapLess ends the stage name, of which the last d belongs to the next
// stage (work of the next stage that ran at the same time).
func (w *stopwatch) lapLess(name string, d time.Duration) {
	now := time.Now()
	took := max(now.Sub(w.last)-d, 0)
	w.stages = append(w.stages, Stage{name, took})
	w.last = w.last.Add(took)
}

// ErrInput is returned when the input holds errors; they are in Result.Diags.
var ErrInput = errors.New("the site has errors")

// Build builds the site and, when it has no errors, writes it to cfg.Out.
// Pages are written into a staging folder as they are rendered, and no
// page's bytes are kept; the staging folder takes the output folder's
// place only at the end. On any error, or when ctx is cancelled, the
// previous output folder is left as it was.
func Build(ctx context.Context, cfg Config) (Result, error) {
	t0 := time.Now()
	out := cfg.Out
	if out == "" {
		out = filepath.Join(srcDir(cfg), "public")
	}
	// A bad output folder is told after the site's own errors, as a build
	// that writes nothing. The Writer opens (reading what the last build
	// kept) while the site loads: the build takes it after loading.
	var to sink = &output.List{}
	w, outErr := (*output.Writer)(nil), checkOut(srcDir(cfg), out)
	var kept *kept
	opened := make(chan struct{})
	if outErr == nil {
		kept = openKept(output.CacheDir(out), programStamp(), !cfg.NoCache)
		go func() {
			defer close(opened)
			if w, outErr = output.NewWriter(out); outErr == nil {
				w.SetStamp(programStamp())
				if cfg.NoCache {
					w.Forget()
				}
				to = w
			}
		}()
	} else {
		close(opened)
	}
	sinkOf := func() sink {
		<-opened
		return to
	}
	res, _, err := build(ctx, cfg, kept.memo(), sinkOf)
	<-opened // when the build stopped before it took the Writer
	if err == nil {
		err = outErr
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		if w != nil {
			w.Abort()
		}
		kept.close(false)
		return res, err
	}
	sw := newStopwatch()
	if err := w.Commit(); err != nil {
		kept.close(false)
		return res, err
	}
	kept.close(true)
	sw.lap("write")
	res.Stages = append(res.Stages, sw.stages...)
	res.Duration = time.Since(t0)
	return res, nil
}

// Check runs every stage but the writing. Result.Output lists the paths
// of the files, without their bytes.
func Check(ctx context.Context, cfg Config) (Result, error) {
	res, _, err := build(ctx, cfg, nil, sinkOf(&output.List{}))
	return res, err
}

// Collect is Check that keeps every output file's bytes in Result.Output:
// for tests and tools that read the site from memory. Its memory grows
// with the site.
func Collect(ctx context.Context, cfg Config) (Result, error) {
	res, _, err := build(ctx, cfg, nil, sinkOf(&output.List{Keep: true}))
	return res, err
}

// sink takes the output files as the render stage makes them (an
// output.Writer or an output.List).
type sink interface {
	Put(output.File) error
	Files() ([]output.File, int64) // sorted by path, and their size
	SetMax(int64)                  // the most the files may hold (0: output.DefaultMaxOutput)
}

// reuser is a sink that can take a page that a recent build made with
// the same fingerprint as it is (output.Writer).
type reuser interface {
	Reuse(path string, sum uint64) bool
	ReuseTree(prefix string, sum func(path string) uint64) bool
	CanReuse() bool                 // whether Reuse may take any page
	Size(path string) (int64, bool) // the size of a file put or reused
	Keeps() bool                    // whether pages' fingerprints are kept for the next build
}

// programStamp names this program for the sums a build keeps of its pages
// (output.Writer.SetStamp): a hash of the executable, so that a guidemap
// of other code never takes pages that this one would render otherwise.
// It is "" (no pages are reused) when the executable cannot be read.
var programStamp = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
})

// Language is the language the authors of the site in folder src write
// in (the first of site.toml's languages; Swedish when site.toml cannot
// be read): the commands print their messages in it unless told otherwise.
func Language(src string) string {
	if src == "" {
		src = "."
	}
	return load.Language(sitefs.Dir(src))
}

func srcDir(cfg Config) string {
	if cfg.Src == "" {
		return "."
	}
	return cfg.Src
}

// checkOut refuses an output folder that is the site folder or holds it:
// replacing it would throw the sources away.
func checkOut(src, out string) error {
	as, err1 := filepath.Abs(src)
	ao, err2 := filepath.Abs(out)
	if err1 != nil || err2 != nil {
		return nil
	}
	if rel, err := filepath.Rel(ao, as); err == nil && (rel == "." || filepath.IsLocal(rel)) {
		return fmt.Errorf("the output folder %s holds the site folder %s: choose another with --out", out, src)
	}
	return nil
}

// state is what a build made, stage by stage, with the diagnostics of each
// kept apart. Nothing in it is changed once made; a Builder keeps the last
// one, so that an edit of text alone can be built again by making anew
// only what depends on the edited files (builder.go).
type state struct {
	cfg          Config
	fsys         fs.FS
	in           *load.Input
	site         *model.Site
	bodies       *bodies.Set
	ropt         render.Options
	rd           *render.Renderer
	files        []output.File     // sorted by path; with their bytes in a Builder's state
	early        []diag.Diagnostic // loading (but the content files' own parses, in in.Content) and assembling
	late         []diag.Diagnostic // rendering
	defaultTheme bool              // the layouts and partials are the default theme's
	res          Result            // the counts
}

// memo is a Builder's cache, by stage, or what Build keeps on disk (the
// bodies: kept.go); nil for a clean build.
type memo struct {
	cache  *cache.Cache
	load   *load.Memo
	bodies *cache.Table[bodies.Key, *bodies.Out]
	render *render.Memo

	// rendered, when not nil, is told the bodies once they are made.
	rendered func(*bodies.Set)
	// ready, when not nil, returns once bodies may be used.
	ready func()
	// terms, when not nil, keeps the search index's analysed documents
	// for the next build (a render Memo does without it).
	terms render.TermsStore
}

func newMemo() *memo {
	c := &cache.Cache{}
	return &memo{
		cache:  c,
		load:   load.NewMemo(c),
		bodies: cache.Register(c, &cache.Table[bodies.Key, *bodies.Out]{}),
		render: render.NewMemo(c),
	}
}

// sinkOf gives a sink that is open already, for build.
func sinkOf(s sink) func() sink { return func() sink { return s } }

// build runs the stages up to rendering, handing the files to the sink, and
// returns, unless the theme is broken or ctx was cancelled, the state it
// made. m, when not nil, is a Builder's cache. It asks open for the
// sink once the site is loaded (Build opens its Writer meanwhile).
func build(ctx context.Context, cfg Config, m *memo, open func() sink) (Result, *state, error) {
	t0 := time.Now()
	w := newStopwatch()
	l := &diag.List{}
	res := Result{Diags: l}
	fsys := cfg.FS
	if fsys == nil {
		// Only regular files inside the site folder, each with a limit
		// (sitefs); the folder is closed when the build's state is let go.
		fsys = sitefs.Dir(srcDir(cfg))
	}
	if m == nil {
		m = &memo{}
	}

	// 1. load
	in := load.Site(ctx, fsys, cfg.BaseURL, cfg.Workers, m.load, l)
	if in == nil {
		return res, nil, ctx.Err()
	}
	w.lap("load")
	to := open()
	to.SetMax(cmp.Or(cfg.MaxOutput, in.Config.MaxOutput))
	// 2. assemble
	site := assemble.Site(in, l)
	st := &state{cfg: cfg, fsys: fsys, in: in, site: site}
	renderGC := 0                // GOGC for rendering many pages, when it is not gc
	if os.Getenv("GOGC") == "" { // the user's setting wins
		gc := render.GCPercent(site)
		if r, ok := to.(reuser); ok && m.render == nil && r.Keeps() && r.CanReuse() {
			// A rebuild, which most often takes most pages as they were:
			// its heap stays small, and what costs is growing it (render
			// sets gc when it finds many pages to render).
			gc, renderGC = render.RebuildGCPercent, gc
		}
		defer debug.SetGCPercent(debug.SetGCPercent(gc))
	}
	if cfg.Adaptations {
		res.Adaptations = adaptations(site, in.Content)
	}
	w.lap("assemble")

	// 3. bodies, rendered in the background while render lists the pages,
	// so that a server can answer with pages as soon as they are listed
	// (Preview); a page rendered before its body was renders the body.
	theme, custom := themeFS(sitefs.Limit(fsys, sitefs.Theme), in.Config)
	if m.ready != nil {
		m.ready() // the bodies a build kept
	}
	st.bodies = bodies.Start(ctx, site, in.Content, bodies.Options{BasePath: in.BasePath, Workers: cfg.Workers, Memo: m.bodies, Minify: render.MinifyHTML, Media: in.Media,
		HeadingClasses: headingClasses(theme, l)})

	// 4. render
	st.defaultTheme = !custom
	strs := i18n.Load(theme, "themes/"+cmp.Or(in.Config.Theme, "default"), in.Config.Languages, l)
	st.early = l.Items()
	st.ropt = render.Options{Theme: theme, Strings: strs, BasePath: in.BasePath, Workers: cfg.Workers, Bodies: st.bodies, Media: mediaFiles(in.Media), Today: today(cfg)}
	switch { // the index is the same with any theme
	case m.terms != nil:
		st.ropt.Terms = m.terms
	case m.render != nil:
		st.ropt.Terms = m.render
	}
	if !custom {
		st.ropt.Memo = m.render
		st.ropt.SharedChrome = true
		if r, ok := to.(reuser); ok && m.render == nil && r.Keeps() {
			if r.CanReuse() {
				st.ropt.Reuse = r.Reuse
				st.ropt.ReuseTree = r.ReuseTree
				st.ropt.Size = r.Size
				st.ropt.RenderGC = renderGC
			} else {
				st.ropt.Sums = true
			}
		}
	}
	listing := time.Now()
	rd, err := render.New(ctx, site, st.ropt)
	listed := time.Since(listing)
	if err == nil && cfg.Preview != nil && !st.failing(l) {
		cfg.Preview(rd.File)
	}
	if !st.bodies.Wait() {
		return res, nil, ctx.Err()
	}
	if err != nil {
		return st.broken(res, err)
	}
	if m.rendered != nil {
		m.rendered(st.bodies)
	}
	if m.load == nil { // not a Builder: nothing reads the files' text or the unplaced points again
		in.Content.ForgetText()
		in.Points = nil
	}
	w.lapLess("bodies", listed) // listing the pages is render's
	late := &diag.List{}
	put := to.Put
	if n := cfg.Progress; n != nil {
		put = func(f output.File) error {
			if path.Ext(f.Path) == ".html" {
				n.Add(1)
			}
			return to.Put(f)
		}
	}
	if err := rd.Render(ctx, late, put); err != nil {
		return st.broken(res, err)
	}
	files, size := to.Files()
	st.rd, st.files, st.late = rd, files, late.Items()
	res.Bytes = size
	w.lap("render")
	st.bodies.Check(paths(files))
	w.lap("links")

	for _, f := range files {
		if filepath.Ext(f.Path) == ".html" {
			res.Pages++
		}
	}
	res.Rendered = rd.Rendered()
	res.Guides = len(site.Guides) + len(site.LocalGuides)
	res.Versions = len(site.Versions)
	res.Municipalities = len(site.Municipalities)
	res.EServices = len(site.EServices)
	res.Points = len(site.Points)
	res.Stages = w.stages
	st.res = res
	return st.result(t0)
}

// broken ends a build that the render stage stopped. The problems of a
// broken theme (a *render.ThemeError) are diagnostics like the site's
// others, and the build fails with ErrInput as it does for those.
func (st *state) broken(res Result, err error) (Result, *state, error) {
	if te, ok := errors.AsType[*render.ThemeError](err); ok {
		st.late = te.Diags
		err = ErrInput
	} else if d, ok := sitefs.Diagnose(err); ok { // a theme file that sitefs refused
		st.late = []diag.Diagnostic{d}
		err = ErrInput
	} else if e, ok := errors.AsType[*output.TooBigError](err); ok {
		st.late = []diag.Diagnostic{diag.Make(diag.Pos{File: load.ConfigFile}, diag.Error,
			diag.Textf("check what makes so many or so large files; if the site is that large, raise the limit with [limits] output_gb = %d in site.toml", 2*e.Max>>30),
			"the site's files pass %d GB, the most a build writes (at %s)", e.Max>>30, e.Path)}
		err = ErrInput
	}
	res.Diags = st.diags()
	return res, nil, err
}

// paths are the paths of files.
func paths(files []output.File) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f.Path
	}
	return out
}

// diags is every diagnostic of the build, as one list.
func (st *state) diags() *diag.List {
	l := &diag.List{}
	add := func(ds []diag.Diagnostic) {
		for _, d := range ds {
			l.Add(d)
		}
	}
	add(st.early)
	if st.in != nil {
		for _, p := range st.in.Content.Paths {
			add(st.in.Content.ByPath[p].Diags)
		}
	}
	if st.bodies != nil {
		add(st.bodies.Diags())
	}
	add(st.late)
	if st.cfg.Strict {
		l.Promote()
	}
	return l
}

// failing tells whether the problems found so far, in l and in the
// content files, fail the build.
func (st *state) failing(l *diag.List) bool {
	fails := func(ds []diag.Diagnostic) bool {
		for _, d := range ds {
			if d.Severity == diag.Error || st.cfg.Strict && d.Severity == diag.Warning {
				return true
			}
		}
		return false
	}
	if fails(l.Items()) {
		return true
	}
	for _, f := range st.in.Content.ByPath {
		if fails(f.Diags) {
			return true
		}
	}
	return false
}

// result is the Result of the state's build.
func (st *state) result(t0 time.Time) (Result, *state, error) {
	res := st.res
	res.Diags = st.diags()
	res.Output = st.files
	res.Files = len(st.files)
	res.Duration = time.Since(t0)
	if res.Diags.HasErrors() {
		return res, st, ErrInput
	}
	return res, st, nil
}

// headingClasses are the classes the theme lets a heading in Markdown
// have (its markdown.HeadingClassesFile; none when it has none).
func headingClasses(theme fs.FS, l *diag.List) []string {
	data, err := fs.ReadFile(theme, markdown.HeadingClassesFile)
	if err != nil {
		return nil
	}
	name, _ := themes.Source(theme, markdown.HeadingClassesFile)
	return markdown.ReadHeadingClasses(name, data, l)
}

// themeFS is the default theme with the site's theme folder laid over it:
// themes/<theme>/ of the site folder, where theme is site.toml's theme
// ("default" when not set), so that a site may override any file. custom
// tells whether a layout or partial differs from the default theme's.
func themeFS(site fs.FS, conf model.Config) (theme fs.FS, custom bool) {
	name := conf.Theme
	if name == "" {
		name = "default"
	}
	theme = themes.Overlay(site, "themes/"+name)
	if theme == themes.Default {
		return theme, false
	}
	for _, glob := range []string{"layouts/*.html", "partials/*.html"} {
		files, _ := fs.Glob(theme, glob)
		for _, f := range files {
			a, err1 := fs.ReadFile(theme, f)
			b, err2 := fs.ReadFile(themes.Default, f)
			if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
				return theme, true
			}
		}
	}
	return theme, false
}
