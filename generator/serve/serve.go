// Package serve is `guidemap serve`: it builds the site into memory, serves
// it on 127.0.0.1 only, watches the site folder and rebuilds on change,
// tells open tabs to reload over Server-Sent Events, and on a failed
// rebuild keeps serving the last good site with the diagnostics shown in
// an overlay. It is the only package that knows HTTP and fsnotify.
package serve

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net"
	"net/http"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/esamverkan/guidemap/generator"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/output"
	"github.com/esamverkan/guidemap/generator/sitefs"
)

// Options say what to serve and where.
type Options struct {
	Src      string        // the site folder; "" is "."
	Port     int           // the first port to try; 0 is 1313. The next free one is taken.
	Listener net.Listener  // when set, used instead of opening a port (tests); it must be on loopback
	Debounce time.Duration // a batch of one changed file closes when no event came for this long (0 is 10 ms); of several, five times as long (see watcher.run)
	Strict   bool          // warnings count as errors
	Log      io.Writer     // where builds and errors are reported; nil discards
	Lang     string        // the language of the log and the error overlay: "sv", or "" or "en" for English
}

// Server serves one site folder.
type Server struct {
	opts    Options
	ln      net.Listener
	url     string
	builder *generator.Builder

	snap      atomic.Pointer[snapshot] // the last good site
	early     atomic.Pointer[snapshot] // the site of the build that runs, made page by page when asked for, served instead of snap from when its pages are listed until it ends
	announced atomic.Bool              // the address was printed
	changing  []string                 // the files the running rebuild was told of (rebuilds run one at a time)
	previewed atomic.Bool              // the running rebuild's pages were shown (early), and the tabs told
	failed    atomic.Pointer[failure]  // the diagnostics of the last build, when it failed

	mu      sync.Mutex
	clients map[chan event]bool
	builds  atomic.Int64

	// onRebuild, when set (by tests), is called as a rebuild starts;
	// onPreview, when a build's pages can be served on demand.
	onRebuild func(ctx context.Context, changed []string)
	onPreview func()
}

// snapshot is one built site, never changed once made: a request loads one
// and sees that build alone.
type snapshot struct {
	files   map[string][]byte
	lazy    func(name string) ([]byte, bool) // instead of files: the first build's output made on demand while it runs (generator.Config.Preview)
	headers http.Header
	gen     int64
}

// file returns the output file called name, from the files or made on
// demand.
func (sn *snapshot) file(name string) ([]byte, bool) {
	if sn == nil {
		return nil, false
	}
	if sn.lazy != nil {
		return sn.lazy(name)
	}
	data, ok := sn.files[name]
	return data, ok
}

// failure is a failed build's diagnostics as the overlay shows them.
type failure struct {
	Errors []Problem `json:"errors"`
	Lang   string    `json:"lang,omitempty"`  // the language of the texts
	Title  string    `json:"title,omitempty"` // the overlay's heading
	Hide   string    `json:"hide,omitempty"`  // its button that hides it
}

// Problem is one diagnostic with the line of source it points at.
type Problem struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
	Source   string `json:"source,omitempty"`
	Text     string `json:"text"` // file:line:col: message, as the terminal shows it
}

type event struct {
	name string
	data []byte
}

//go:embed assets
var assets embed.FS

// New opens the listener (127.0.0.1, never all interfaces) and prepares
// the server; Run builds and serves.
func New(opts Options) (*Server, error) {
	if opts.Src == "" {
		opts.Src = "."
	}
	if opts.Debounce <= 0 {
		opts.Debounce = 10 * time.Millisecond
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	ln := opts.Listener
	if ln == nil {
		var err error
		ln, err = listen(opts.Port)
		if err != nil {
			return nil, err
		}
	}
	addr, ok := ln.Addr().(*net.TCPAddr)
	if !ok || !addr.IP.IsLoopback() {
		ln.Close()
		return nil, fmt.Errorf("serve listens on the loopback interface only, not on %s", ln.Addr())
	}
	s := &Server{opts: opts, ln: ln, clients: map[chan event]bool{}}
	s.url = fmt.Sprintf("http://%s/", addr)
	s.builder = generator.NewBuilder(generator.Config{Src: opts.Src, BaseURL: s.url, Strict: opts.Strict, Preview: s.preview})
	return s, nil
}

// preview serves the pages of a full build while it runs, each rendered
// when it is asked for: at start-up, the server answers as soon as every
// page is known, long before a big site is rendered whole; after an edit
// that a fast rebuild cannot take (a title, a new file), the tabs reload
// as soon as the pages of the new build are known, not when all of them
// are rendered. A build whose problems found so far fail it is not
// previewed (generator.Config.Preview).
func (s *Server) preview(file func(string) ([]byte, bool)) {
	headers, _ := file("_headers")
	s.early.Store(&snapshot{lazy: file, headers: parseHeaders(headers), gen: s.builds.Load() + 1})
	if !s.announced.Swap(true) {
		fmt.Fprintln(s.opts.Log, diag.Localf(s.opts.Lang, "serving %s at %s while it builds (Ctrl-C stops)", s.opts.Src, s.url))
	}
	if s.snap.Load() != nil && s.failed.Load() == nil && !cssOnly(s.changing) {
		s.previewed.Store(true)
		data, _ := json.Marshal(map[string]any{"build": s.builds.Load() + 1, "preview": true})
		s.broadcast(event{"reload", data})
	}
	if s.onPreview != nil {
		s.onPreview()
	}
}

// listen opens 127.0.0.1:port, or the next free port of the hundred after.
func listen(port int) (net.Listener, error) {
	if port == 0 {
		port = 1313
	}
	var err error
	for p := port; p < port+100 && p < 65536; p++ {
		var ln net.Listener
		ln, err = net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p))
		if err == nil {
			return ln, nil
		}
	}
	return nil, fmt.Errorf("no free port from %d on 127.0.0.1: %w", port, err)
}

// URL is the address the site is served at.
func (s *Server) URL() string { return s.url }

// Addr is the listener's address.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// Run builds the site, serves it and rebuilds on change until ctx is
// done. It returns nil on a clean stop.
func (s *Server) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w, err := newWatcher(s.opts.Src)
	if err != nil {
		s.ln.Close()
		return err
	}
	defer w.close()

	// The server answers from the start: until the first build has listed
	// the pages, with a page that says the site is being built; then with
	// pages rendered as they are asked for (preview); then with the site.
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(s.ln) }()
	s.rebuild(ctx, nil)
	if !s.announced.Swap(true) {
		fmt.Fprintln(s.opts.Log, diag.Localf(s.opts.Lang, "serving %s at %s (Ctrl-C stops)", s.opts.Src, s.url))
	}
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		w.run(ctx, s.opts.Debounce, s.rebuildAndIndex, func(err error) { fmt.Fprintf(s.opts.Log, "watch: %v\n", err) })
	}()

	select {
	case <-ctx.Done():
	case err = <-served:
	}
	cancel()
	sctx, scancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer scancel()
	_ = srv.Shutdown(sctx)
	<-watched
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// rebuild builds again after the files changed (nil: the first build, or
// do not know) and tells the open tabs. It reports whether ctx cancelled
// the rebuild before it finished; nothing is then served or told.
func (s *Server) rebuild(ctx context.Context, changed []string) (cancelled bool) {
	t0 := time.Now()
	if s.onRebuild != nil {
		s.onRebuild(ctx, changed)
	}
	s.changing = changed
	s.previewed.Store(false)
	res, err := s.builder.Rebuild(ctx, changed)
	dt := time.Since(t0)
	if !s.builder.Fast() {
		// A full build leaves garbage worth a collection: have it now,
		// while the author reads, not in the middle of the next rebuild,
		// whose first second (until its pages are listed) it would slow.
		defer func() { go runtime.GC() }()
	}
	if ctx.Err() != nil || err != nil {
		s.early.Store(nil) // the last good site again
	}
	if ctx.Err() != nil {
		what := diag.Localf(s.opts.Lang, "the site")
		if changed != nil {
			what = strings.Join(changed, ", ")
		}
		why := diag.Localf(s.opts.Lang, "guidemap stops")
		if errors.Is(context.Cause(ctx), errNewerChange) {
			why = diag.Localf(s.opts.Lang, "a newer change came")
		}
		fmt.Fprintln(s.opts.Log, diag.Localf(s.opts.Lang, "rebuild of %s cancelled after %s: %s", what, dt.Round(time.Millisecond), why))
		return true
	}
	if err != nil {
		f := s.problems(res.Diags, err)
		s.failed.Store(f)
		res.Diags.FprintIn(s.opts.Log, s.opts.Src, s.opts.Lang)
		if !errors.Is(err, generator.ErrInput) {
			fmt.Fprintf(s.opts.Log, "guidemap: %v\n", err)
		}
		fmt.Fprintln(s.opts.Log, diag.Localf(s.opts.Lang, "build failed in %s; still serving the last good site", dt.Round(time.Millisecond)))
		data, _ := json.Marshal(f)
		s.broadcast(event{"errors", data})
		return false
	}
	res.Diags.FprintIn(s.opts.Log, s.opts.Src, s.opts.Lang)
	old := s.snap.Load()
	snap := &snapshot{gen: s.builds.Add(1)}
	if old != nil && res.Delta != nil && s.failed.Load() == nil {
		// A fast rebuild after a good one: the last site with the pages
		// that changed.
		snap.files = withDelta(old.files, res)
	} else {
		snap.files = make(map[string][]byte, len(res.Output))
		for _, f := range res.Output {
			snap.files[f.Path] = f.Data
		}
	}
	snap.headers = parseHeaders(snap.files["_headers"])
	s.snap.Store(snap)
	s.early.Store(nil)
	wasFailed := s.failed.Swap(nil) != nil
	if res.Delta != nil {
		fmt.Fprintln(s.opts.Log, diag.Localf(s.opts.Lang, "rebuilt %s: %d files changed, in %s", strings.Join(changed, ", "), len(res.Delta), dt.Round(time.Millisecond)))
	} else {
		if old == nil {
			fmt.Fprintln(s.opts.Log, diag.Localf(s.opts.Lang, "built %d pages in %s", res.Pages, dt.Round(time.Millisecond)))
		} else {
			fmt.Fprintln(s.opts.Log, diag.Localf(s.opts.Lang, "built %d pages (%d of them rendered again) in %s", res.Pages, res.Rendered, dt.Round(time.Millisecond)))
		}
	}
	if old == nil {
		return false
	}
	if !wasFailed && cssOnly(changed) {
		data, _ := json.Marshal(map[string]any{"stylesheets": stylesheets(snap.files)})
		s.broadcast(event{"css", data})
		return false
	}
	data, _ := json.Marshal(map[string]any{"build": snap.gen})
	if s.previewed.Load() && !wasFailed {
		// The tabs reloaded when the pages were listed, and show these
		// bytes; "built" tells tools that the build ended (the page's
		// script does not listen for it).
		s.broadcast(event{"built", data})
		return false
	}
	s.broadcast(event{"reload", data})
	return false
}

// withDelta is files with the files res.Delta names as res.Output has them
// (those it has not are gone).
func withDelta(files map[string][]byte, res generator.Result) map[string][]byte {
	out := maps.Clone(files)
	for _, p := range res.Delta {
		if f, ok := slices.BinarySearchFunc(res.Output, p, func(f output.File, p string) int { return strings.Compare(f.Path, p) }); ok {
			out[p] = res.Output[f].Data
		} else {
			delete(out, p) // a file the rebuild no longer makes (an old part of the search index)
		}
	}
	return out
}

// rebuildAndIndex is rebuild, then, after a fast rebuild of a big site,
// the search index brought up to date (generator.Builder.Reindex): the
// changed pages are served first, the index a few seconds later. It
// reports whether ctx cancelled either.
func (s *Server) rebuildAndIndex(ctx context.Context, changed []string) (cancelled bool) {
	if s.rebuild(ctx, changed) {
		return true
	}
	t0 := time.Now()
	res, err := s.builder.Reindex(ctx)
	if ctx.Err() != nil {
		return true
	}
	old := s.snap.Load()
	if err != nil || len(res.Delta) == 0 || old == nil || s.failed.Load() != nil {
		return false
	}
	snap := &snapshot{gen: s.builds.Add(1), files: withDelta(old.files, res), headers: old.headers}
	s.snap.Store(snap)
	fmt.Fprintln(s.opts.Log, diag.Localf(s.opts.Lang, "search index updated: %d files changed, in %s", len(res.Delta), time.Since(t0).Round(time.Millisecond)))
	return false
}

// cssOnly tells whether every changed file is a stylesheet.
func cssOnly(changed []string) bool {
	if len(changed) == 0 {
		return false
	}
	for _, p := range changed {
		if filepath.Ext(p) != ".css" {
			return false
		}
	}
	return true
}

// stylesheets lists the site's style sheets, by URL.
func stylesheets(files map[string][]byte) []string {
	var out []string
	for p := range files {
		if strings.HasPrefix(p, "assets/") && strings.HasSuffix(p, ".css") {
			out = append(out, "/"+p)
		}
	}
	return out
}

// problems turns the diagnostics into what the overlay shows, each with
// the line of source it points at.
func (s *Server) problems(l *diag.List, err error) *failure {
	f := &failure{Errors: []Problem{}}
	lang := s.lang()
	if l != nil {
		var site fs.FS // opened for the first line shown
		for _, d := range l.Items() {
			if d.Severity != diag.Error {
				continue
			}
			d = d.In(lang)
			p := Problem{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Severity: d.Severity.String(),
				Message: d.Msg, Hint: d.Hint, Text: d.StringIn(lang)}
			if d.Pos.Line > 0 && d.Pos.File != "" && !strings.HasPrefix(d.Pos.File, "--") {
				if site == nil {
					site = sitefs.Dir(s.opts.Src)
				}
				p.Source = sourceLine(site, d.Pos.File, d.Pos.Line)
			}
			f.Errors = append(f.Errors, p)
		}
	}
	if err != nil && !errors.Is(err, generator.ErrInput) {
		f.Errors = append(f.Errors, Problem{Severity: "error", Message: err.Error(), Text: err.Error()})
	}
	f.Lang = lang
	if n := len(f.Errors); n == 1 {
		f.Title = diag.Localf(lang, "The site has 1 error; the last good version is shown")
	} else {
		f.Title = diag.Localf(lang, "The site has %d errors; the last good version is shown", n)
	}
	f.Hide = diag.Localf(lang, "Hide")
	return f
}

// lang is the language of the overlay and the log: "sv" or "en".
func (s *Server) lang() string {
	if l, ok := diag.Lang(s.opts.Lang); ok {
		return l
	}
	return diag.English
}

// sourceLine returns line n (1-based) of the file at the slash path file
// of the site folder, or "". It is read as the build reads it (sitefs):
// never a link, a FIFO or a device, nor more than the limit of its kind.
func sourceLine(site fs.FS, file string, n int) string {
	data, err := sitefs.ReadFile(site, file, sitefs.KindOf(file))
	if err != nil {
		return ""
	}
	lines := strings.Split(string(data), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimRight(lines[n-1], "\r")
}

// broadcast sends ev to every open tab; a tab too slow to take it misses it.
func (s *Server) broadcast(ev event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		select {
		case c <- ev:
		default:
		}
	}
}

func (s *Server) subscribe() chan event {
	c := make(chan event, 16)
	s.mu.Lock()
	s.clients[c] = true
	s.mu.Unlock()
	return c
}

func (s *Server) unsubscribe(c chan event) {
	s.mu.Lock()
	delete(s.clients, c)
	s.mu.Unlock()
}
