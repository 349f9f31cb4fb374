// Package render is the fourth stage of a build: it turns the assembled
// site and its rendered bodies (package bodies) into output files — every
// HTML page through the theme's html/template layouts, the maps (package
// maps), the open data, the minified and content-hashed style sheet and
// scripts, sitemap.xml, robots.txt, 404.html and the _headers file with
// the security headers. The e-service directory's filters and export rows
// come from package directory; render makes them views and files. Pages
// are rendered in parallel and handed on as each is done (Render's emit),
// not kept; what depends on order (the sitemap, the open data) is made
// from sorted lists, so the files are the same whatever the number of
// cores and the order they come in. A broken theme is reported as
// diagnostics at the theme's file (ThemeError).
package render

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/esamverkan/guidemap/generator/bodies"
	"github.com/esamverkan/guidemap/generator/cache"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/internal/par"
	"github.com/esamverkan/guidemap/generator/maps"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/output"
	"github.com/tdewolff/minify/v2"
)

// Options configure rendering.
type Options struct {
	Theme    fs.FS                        // layouts/, css/, js/, static/
	Strings  map[string]map[string]string // UI strings: language → key → text
	BasePath string                       // the base URL's path, "/" or "/org/site/"
	Workers  int                          // <= 0 is GOMAXPROCS

	// Bodies are the site's Markdown bodies as the bodies stage rendered
	// them; the layouts read them through the View (Body, TOC).
	Bodies *bodies.Set
	// Media are the images and attachments that content publishes, each
	// under its content-hashed path (media/<name>.<hash>.<ext>), copied
	// as they are; their Sum is a hash of the content, for Reuse.
	Media []output.File

	// Memo is a Builder's tables of this stage, or nil: a page whose
	// fingerprint (fingerprint.go) is the same as the last build's is
	// taken from it, not rendered again, and so is a map of the same
	// inputs. Set it only when the theme's layouts are the default ones.
	Memo *Memo
	// SharedChrome renders the header and the footer once for each kind
	// of page they show (chrome.go). Set it only when the theme's layouts
	// are the default ones.
	SharedChrome bool
	// Reuse, when not nil, is asked for every page, with the page's
	// fingerprint, whether a recent build's page of the same fingerprint
	// can take its place (output.Writer.Reuse): such a page is neither
	// rendered nor emitted. Without a Memo, pages are emitted with their
	// fingerprints (output.File.Sum) only when Reuse is set. Set it only
	// when the theme's layouts are the default ones.
	Reuse func(path string, sum uint64) bool
	// ReuseTree, with Reuse, is asked whether a recent build's search
	// index, whose files' fingerprints sum gives, can take the place of
	// this one (output.Writer.ReuseTree): the index is then not made.
	ReuseTree func(prefix string, sum func(path string) uint64) bool
	// RenderGC, with Reuse, is the GOGC for rendering when more than an
	// eighth of the pages are to be rendered; 0 leaves it as it is.
	RenderGC int
	// Sums, without Reuse, emits every page with its fingerprint, for a
	// build that keeps them for the next (the first, when there is
	// nothing to reuse). Set it only when the theme's layouts are the
	// default ones.
	Sums bool
	// Size, with Reuse, tells the size of a file that Reuse took
	// (output.Writer.Size): the open-data page lists the sizes of the
	// files under data/. Without it, such a file is made again to be
	// measured (not emitted).
	Size func(path string) (int64, bool)

	// Terms keeps the search index's analysed documents for the next
	// build (a Memo can, for a Builder): a document made of the same
	// bodies and fields is then not analysed again. Nil keeps none.
	Terms TermsStore

	// Today is the build's date: a point page describes the opening
	// hours from it on (Day), and fingerprints hash what the page says,
	// not the date, so that a page is rendered again only when that
	// changes. Zero is the current date.
	Today time.Time
}

// Day is the date of t in Europe/Stockholm, as "2026-06-18": the day a
// build describes opening hours from.
func Day(t time.Time) string { return t.In(stockholm).Format(time.DateOnly) }

var stockholm = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		return time.FixedZone("CET", 3600)
	}
	return loc
}()

// Memo holds a Builder's cache tables of the render stage.
type Memo struct {
	Pages *cache.Table[string, Page] // output path → the last build's page
	Maps  *cache.Table[uint64, maps.Map]
	terms struct { // the search index's analysed documents (TermsStore)
		sync.Mutex
		data []byte
	}
}

// TermsStore keeps the search index's analysed documents from one build
// for the next, encoded (search.TermsWriter.Bytes).
type TermsStore interface {
	// Terms returns what the last build saved, or nil.
	Terms() []byte
	// SaveTerms keeps data, this build's documents, for the next build.
	SaveTerms(data []byte)
}

// Terms returns the search documents the last build of m saved.
func (m *Memo) Terms() []byte {
	m.terms.Lock()
	defer m.terms.Unlock()
	return m.terms.data
}

// SaveTerms keeps data for the next build of m.
func (m *Memo) SaveTerms(data []byte) {
	m.terms.Lock()
	defer m.terms.Unlock()
	m.terms.data = data
}

// Page is a rendered page as the cache keeps it.
type Page struct {
	Fingerprint uint64
	HTML        []byte
}

// NewMemo makes the stage's tables in c.
func NewMemo(c *cache.Cache) *Memo {
	return &Memo{
		Pages: cache.Register(c, &cache.Table[string, Page]{}),
		Maps:  cache.Register(c, &cache.Table[uint64, maps.Map]{}),
	}
}

// page is one HTML page to render.
type page struct {
	path   string // output path, e.g. "guider/bygglov/index.html"
	layout string // the layout in layouts/, without .html
	// view is the page's View: in the Renderer's list, only the View of a
	// page of which the site has one or a few (the home page, the
	// directory); the others are made by make when the page is rendered
	// and let go after (withView), so that the Views of a big site are
	// never in memory all at once.
	view    *View
	make    func() *View
	sitemap bool
	// last: the page is rendered after every other file, with the sizes
	// of the files under data/ (the open-data page, datapage.go).
	last bool
}

// withView is p with its View, made now if p has none yet.
func (r *renderer) withView(p page) page {
	if p.view == nil {
		p.view = p.make()
		r.finish(p.url(), p.view)
	}
	return p
}

// url is the page's site-relative URL, the one its View has.
func (p page) url() string {
	if p.path == "404.html" {
		return "/404.html"
	}
	return "/" + strings.TrimSuffix(p.path, "index.html")
}

// Renderer renders one assembled site and keeps what it needs to render
// pages again: the templates and every page with what makes its View
// (not the pages' bytes: Render hands them on). It is not safe for
// concurrent use.
type Renderer struct {
	r     *renderer
	min   *minify.M
	tmpls map[string]map[string]*template.Template        // by language and layout: minified (see minify.go)
	src   map[string]func() map[string]*template.Template // the same as written, for the diagnostics of a layout that fails (parsed then)
	whole map[string]bool                                 // by language: a layout could not be minified, so pages are minified whole
	pages []page                                          // sorted by path
	reach map[*model.Body][]int                           // a body → the pages that show it
	stale bool                                            // a Rerender left the search index behind the bodies (Reindex)

	layouts  map[string][]byte // the layouts' and partials' sources
	memo     *Memo
	fp       *fingerprinter
	global   uint64   // the fingerprint of what all pages share (with a Memo)
	fps      []uint64 // by page (with a Memo)
	rendered int      // pages the last Render or Rerender rendered
}

// New parses the theme's templates, builds the assets and lists every
// page of site with its View (drawing the maps on all cores). It returns
// a *ThemeError when a template does not parse or an asset cannot be
// minified, and ctx's error when ctx was cancelled.
func New(ctx context.Context, site *model.Site, opt Options) (*Renderer, error) {
	if opt.BasePath == "" {
		opt.BasePath = "/"
	}
	if opt.Today.IsZero() {
		opt.Today = time.Now()
	}
	m := fragmentMinifier
	as, err := buildAssets(opt.Theme, m)
	if err != nil {
		return nil, err
	}
	r := &renderer{site: site, opt: opt, ix: newIndex(site), assets: as, bodies: opt.Bodies}
	r.life = newLifeIndex(site)
	r.translatedURLs()
	fp := &fingerprinter{set: opt.Bodies}
	r.fp = fp
	r.mapper = newMapper(r, fp)
	if opt.Memo != nil {
		r.mapper.memo = opt.Memo.Maps
	}
	tmpls, src := map[string]map[string]*template.Template{}, map[string]func() map[string]*template.Template{}
	whole := map[string]bool{}
	broken := &diag.List{}
	r.chrome = map[string]*chrome{}
	langs := []string{"sv", "en"} // the accessibility statement is in both
	for _, lang := range site.Config.Languages {
		if !slices.Contains(langs, lang) {
			langs = append(langs, lang)
		}
	}
	// Each language's templates on a core of their own (parsing them is
	// a tenth of an unchanged site's rebuild), beside the listing.
	for _, lang := range langs {
		r.chrome[lang] = &chrome{r: r, shared: opt.SharedChrome}
	}
	sources, err := r.themeSources()
	if err != nil {
		return nil, err
	}
	type parsed struct {
		src   func() map[string]*template.Template
		min   map[string]*template.Template
		whole bool
		err   error
	}
	done := make([]parsed, len(langs))
	var wg sync.WaitGroup
	for i, lang := range langs {
		wg.Go(func() {
			p := &done[i]
			p.src, p.min, p.whole, p.err = r.templates(lang, sources, broken)
		})
	}
	pages := r.pages()
	wg.Wait()
	for i, lang := range langs {
		if done[i].err != nil {
			return nil, done[i].err
		}
		src[lang], tmpls[lang], whole[lang] = done[i].src, done[i].min, done[i].whole
	}
	if err := themeErr(broken); err != nil {
		return nil, err
	}
	r.layouts = sources
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rd := &Renderer{r: r, min: m, tmpls: tmpls, src: src, whole: whole, pages: pages, layouts: r.layouts, fp: fp, memo: opt.Memo}
	rd.r.opt.Memo = nil // not kept
	return rd, nil
}

// Rendered tells how many pages the last Render or Rerender rendered (the
// others it took as they were).
func (rd *Renderer) Rendered() int { return rd.rendered }

// Render renders every page and hands every output file to emit: the
// pages as they are rendered, from several goroutines at once and in no
// particular order, then the other files (assets, open data, sitemap.xml,
// robots.txt, _headers), which are made from sorted data. Render keeps no
// file; emit is given each path once. Two files of the same path are
// problems added to l (the later file is not emitted). When a layout fails
// or a page cannot be minified, it adds the problems to l and returns them
// as a *ThemeError too; it returns ctx's error when ctx was cancelled, and
// the first error of emit, which stops it.
func (rd *Renderer) Render(ctx context.Context, l *diag.List, emit func(output.File) error) error {
	r, pages, memo := rd.r, rd.pages, rd.memo
	rd.memo = nil
	rd.fps = nil
	reuse := r.opt.Reuse
	var reach [][]*model.Body // by page, with a Memo (else found when asked: reached)
	if memo != nil {
		reach = make([][]*model.Body, len(pages))
	}
	errs := make([]error, len(pages))
	reused := make([]bool, len(pages))
	dup := make([]bool, len(pages)) // the page's path is the one of the page before
	for i := 1; i < len(pages); i++ {
		dup[i] = pages[i].path == pages[i-1].path
	}
	sums := memo != nil || reuse != nil || r.opt.Sums // fingerprints serve only to reuse pages
	if sums {
		rd.fps = make([]uint64, len(pages))
		rd.fp.prepare(r.site, r.opt.Workers)
		rd.global = rd.fp.global(r, rd.layouts)
	}
	if memo == nil && reuse != nil {
		// Fingerprints first, on all cores; then the pages a recent build
		// made with the same fingerprints are taken as they are, by more
		// goroutines than cores (taking one may be a wait for the disk).
		if !par.DoCtx(ctx, len(pages), r.opt.Workers, func(i int) {
			if pages[i].last {
				return
			}
			p := r.withView(pages[i]) // a View made for its fingerprint alone, most often
			rd.fps[i] = rd.fp.page(rd.global, p)
			if j := p.view.mapJob; j != nil {
				j.drop() // the spec the fingerprint made: most pages are not rendered
			}
		}) {
			return ctx.Err()
		}
		if !par.DoCtx(ctx, len(pages), 8, func(i int) { reused[i] = !dup[i] && !pages[i].last && reuse(pages[i].path, rd.fps[i]) }) {
			return ctx.Err()
		}
		if n := len(pages) - countTrue(reused); r.opt.RenderGC > 0 && n > len(pages)/8 {
			debug.SetGCPercent(r.opt.RenderGC) // the caller sets it back
		}
	}
	var emitErr error // the first, which stops the workers
	var once sync.Once
	work, stop := context.WithCancel(ctx)
	defer stop()
	// A CPU profile (guidemap build --profile) tells the page kinds
	// apart by the label "layout": go tool pprof -tags, -tagfocus.
	labels := map[string]context.Context{}
	for _, byLayout := range rd.tmpls {
		for name := range byLayout {
			labels[name] = pprof.WithLabels(context.Background(), pprof.Labels("layout", name))
		}
	}
	done := par.DoCtx(work, len(pages), r.opt.Workers, func(i int) {
		if reused[i] || pages[i].last {
			return
		}
		if c := labels[pages[i].layout]; c != nil {
			pprof.SetGoroutineLabels(c)
		}
		p := r.withView(pages[i])
		if reach != nil {
			reach[i] = readBodies(p.view)
		}
		var html []byte
		if sums && reuse == nil {
			rd.fps[i] = rd.fp.page(rd.global, p) // the map's spec is kept for the page's rendering
		}
		if memo != nil {
			if old, ok := memo.Pages.Get(p.path); ok && old.Fingerprint == rd.fps[i] {
				html, reused[i] = old.HTML, true
				if j := p.view.mapJob; j != nil {
					j.drop()
				}
			}
		}
		if !reused[i] {
			if html, errs[i] = rd.page(p); errs[i] != nil {
				return
			}
			if memo != nil {
				memo.Pages.Put(p.path, Page{rd.fps[i], html})
			}
		}
		if !dup[i] {
			f := output.File{Path: p.path, Data: html}
			if rd.fps != nil {
				f.Sum = rd.fps[i]
			}
			if err := emit(f); err != nil {
				once.Do(func() { emitErr = err })
				stop()
			}
		}
	})
	if emitErr != nil {
		return emitErr
	}
	if !done {
		return ctx.Err()
	}
	if broken := rd.failures(pages, errs); broken.Len() > 0 {
		l.Merge(broken)
		return themeErr(broken)
	}
	rd.memo = memo
	rd.rendered = 0
	for i, ok := range reused {
		if !ok && !pages[i].last {
			rd.rendered++
		}
	}
	rd.reach = nil
	if reach != nil {
		rd.reach = byBody(reach)
	}
	if rd.rendered >= bigSite {
		// What rendering the pages left is garbage, and the open data
		// that follows is made of big files: give the memory back first,
		// or the process holds both at its peak.
		debug.FreeOSMemory()
	}
	var twice []string // paths of a second (third, …) file
	for i, d := range dup {
		if d {
			twice = append(twice, pages[i].path)
		}
	}
	var files []lateFile
	for _, f := range r.assets.files {
		files = append(files, made(f))
	}
	for _, f := range r.opt.Media {
		lf := made(f)
		lf.sum = f.Sum
		files = append(files, lf)
	}
	var data uint64 // the open data's fingerprint, when the pages have theirs
	if sums {
		data = rd.fp.data(rd.global, r.site)
	}
	files = append(files, r.openData(data)...)
	files = append(files, r.eserviceData()...)
	files = append(files, r.mapper.overviewFiles()...)
	if rd.rendered >= bigSite {
		// The index is made of every body's text again: collect its
		// garbage sooner, or its peak adds to the pages' in the
		// process's memory.
		defer debug.SetGCPercent(debug.SetGCPercent(25))
	}
	var indexSum uint64 // the search index's fingerprint, when the pages have theirs
	if sums {
		indexSum = rd.fp.index(rd.global, data, r.site)
	}
	rd.stale = false
	if indexSum == 0 || reuse == nil || r.opt.ReuseTree == nil || !r.opt.ReuseTree(SearchDir, func(p string) uint64 { return mix(indexSum, p) }) {
		index, err := r.searchIndex(ctx)
		if err != nil {
			return err
		}
		for _, f := range index {
			lf := made(f)
			if indexSum != 0 {
				lf.sum = mix(indexSum, f.Path)
			}
			files = append(files, lf)
		}
	}
	files = append(files, lateFile{path: "sitemap.xml", make: func() []byte { return r.sitemap(pages).Data }}, made(r.robots()), made(r.headers()))
	slices.SortStableFunc(files, func(a, b lateFile) int { return strings.Compare(a.path, b.path) })
	sizes := map[string]int64{} // the files under data/ and their sizes, for the open-data page
	for i, f := range files {
		_, isPage := slices.BinarySearchFunc(pages, f.path, func(p page, path string) int { return strings.Compare(p.path, path) })
		if isPage || i > 0 && f.path == files[i-1].path {
			twice = append(twice, f.path)
			continue
		}
		out := output.File{Path: f.path, Sum: f.sum}
		if f.sum != 0 {
			if reuse != nil && reuse(f.path, f.sum) {
				if strings.HasPrefix(f.path, dataDir) {
					sizes[f.path] = r.reusedSize(f)
				}
				continue
			}
			if memo != nil {
				if old, ok := memo.Pages.Get(f.path); ok && old.Fingerprint == f.sum {
					out.Data = old.HTML
				}
			}
		}
		if out.Data == nil {
			out.Data = f.make()
			if memo != nil && f.sum != 0 {
				memo.Pages.Put(f.path, Page{f.sum, out.Data})
			}
		}
		if strings.HasPrefix(f.path, dataDir) {
			sizes[f.path] = int64(len(out.Data))
		}
		if err := emit(out); err != nil {
			return err
		}
	}
	if err := rd.renderLast(ctx, sizes, emit, reuse, memo, dup, &twice); err != nil {
		return err
	}
	slices.Sort(twice)
	for _, p := range twice {
		l.Errorf(diag.Pos{File: p}, "rename one of the pages", "two pages would be written to %s", p)
	}
	return nil
}

// dataDir is where the open data is, in the output.
const dataDir = "data/"

// reusedSize is the size of the late file f that a recent build made and
// Reuse took: as the Writer knows it, else measured.
func (r *renderer) reusedSize(f lateFile) int64 {
	if r.opt.Size != nil {
		if n, ok := r.opt.Size(f.path); ok {
			return n
		}
	}
	return int64(len(f.make()))
}

// renderLast makes what describes the files under data/ once they are
// made (data: their paths and sizes): the DCAT-AP-SE catalogue, then the
// open-data pages (the pages marked last), which list its size too.
func (rd *Renderer) renderLast(ctx context.Context, data map[string]int64, emit func(output.File) error, reuse func(string, uint64) bool, memo *Memo, dup []bool, twice *[]string) error {
	r := rd.r
	_, taken := data[model.CatalogPath]
	delete(data, model.CatalogPath)
	for p := range data {
		if path.Base(p) == "index.html" {
			delete(data, p) // a page under data/ is no dataset
		}
	}
	sets := r.datasets(data)
	catalog := r.catalog(sets)
	if taken {
		*twice = append(*twice, model.CatalogPath) // another file took its path
	} else if err := emit(output.File{Path: model.CatalogPath, Data: catalog}); err != nil {
		return err
	}
	for i, p := range rd.pages {
		if !p.last {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		p = r.withView(p)
		p.view.Data = r.dataView(p.view.Lang, sets, int64(len(catalog)))
		out := output.File{Path: p.path}
		if rd.fps != nil {
			rd.fps[i] = rd.fp.page(rd.global, p)
			out.Sum = rd.fps[i]
		}
		if dup[i] {
			continue
		}
		if reuse != nil && reuse(p.path, out.Sum) {
			continue
		}
		if memo != nil {
			if old, ok := memo.Pages.Get(p.path); ok && old.Fingerprint == out.Sum {
				out.Data = old.HTML
			}
		}
		if out.Data == nil {
			html, err := rd.page(p)
			if err != nil {
				l := &diag.List{}
				l.Merge(rd.failures([]page{p}, []error{err}))
				return themeErr(l)
			}
			out.Data = html
			rd.rendered++
			if memo != nil {
				memo.Pages.Put(p.path, Page{out.Sum, html})
			}
		}
		if err := emit(out); err != nil {
			return err
		}
	}
	return nil
}

// byBody turns the bodies each page reads into the pages that read each
// body.
func byBody(reach [][]*model.Body) map[*model.Body][]int {
	out := map[*model.Body][]int{}
	for i, es := range reach {
		for _, e := range es {
			out[e] = append(out[e], i)
		}
	}
	return out
}

// reached is which pages read each body: found by the last Render when it
// had a Memo (a Builder's), else now.
func (rd *Renderer) reached() map[*model.Body][]int {
	if rd.reach == nil {
		reach := make([][]*model.Body, len(rd.pages))
		par.Do(len(rd.pages), rd.r.opt.Workers, func(i int) { reach[i] = readBodies(rd.r.withView(rd.pages[i]).view) })
		rd.reach = byBody(reach)
	}
	return rd.reach
}

// lateFile is an output file other than a page, made when Render hands
// it on: the open data of a big site is tens of megabytes, and only one
// such file need be in memory at a time.
type lateFile struct {
	path string
	make func() []byte
	sum  uint64 // when not 0, the fingerprint of what make makes: a recent build's file of the same sum is taken instead
}

// made is a lateFile of a file made already.
func made(f output.File) lateFile {
	return lateFile{path: f.Path, make: func() []byte { return f.Data }}
}

// Rerender renders again the pages that show one of the changed bodies
// (which bodies.Set.Update rendered again in the Set the Renderer reads),
// and puts them in files, the whole output as the last Render emitted it
// (sorted by path, with the bytes); it returns the paths of the pages that
// came out different. It is for changes that leave the model as it was:
// only bodies, which templates read when they run, may differ (see
// reach.go). On an error (ctx cancelled, a template failed: a
// *ThemeError) the Renderer must not be used again.
func (rd *Renderer) Rerender(ctx context.Context, changed []*model.Body, files []output.File) (paths []string, out []output.File, err error) {
	seen := map[int]bool{}
	var idx []int
	for _, b := range changed {
		for _, i := range rd.reached()[b] {
			if !seen[i] {
				seen[i] = true
				idx = append(idx, i)
			}
		}
	}
	sort.Ints(idx)
	errs := make([]error, len(idx))
	html := make([][]byte, len(idx))
	// The bodies changed: hash them anew (the entities' hashes leave
	// bodies out).
	rd.fp = &fingerprinter{entities: rd.fp.entities, points: rd.fp.points, langs: rd.fp.langs, set: rd.r.bodies}
	done := par.DoCtx(ctx, len(idx), rd.r.opt.Workers, func(k int) {
		p := rd.r.withView(rd.pages[idx[k]])
		if rd.memo != nil {
			rd.fps[idx[k]] = rd.fp.page(rd.global, p)
		}
		html[k], errs[k] = rd.page(p)
	})
	if !done {
		return nil, nil, ctx.Err()
	}
	ps := make([]page, len(idx))
	for k, i := range idx {
		ps[k] = rd.pages[i]
	}
	if err := themeErr(rd.failures(ps, errs)); err != nil {
		return nil, nil, err
	}
	rd.rendered = len(idx)
	for k, i := range idx {
		p := rd.pages[i]
		j, ok := slices.BinarySearchFunc(files, p.path, func(f output.File, path string) int { return strings.Compare(f.Path, path) })
		if !ok {
			return nil, nil, fmt.Errorf("render: page %s is not in the output", p.path)
		}
		same := bytes.Equal(files[j].Data, html[k])
		files[j].Data = html[k]
		if rd.memo != nil {
			rd.memo.Pages.Put(p.path, Page{rd.fps[i], html[k]})
		}
		if !same {
			paths = append(paths, p.path)
		}
	}
	if rd.r.searchDocs() <= SyncIndex {
		var index []string
		if files, index, err = rd.Reindex(ctx, files); err != nil {
			return nil, nil, err
		}
		paths = append(paths, index...)
	} else {
		rd.stale = true
	}
	return paths, files, nil
}

// SyncIndex is the number of search documents up to which Rerender makes
// the search index again itself (in tens of milliseconds); on a bigger
// site it takes seconds, and Rerender leaves it to Reindex, which serve
// calls once the changed pages are served. (A variable for tests.)
var SyncIndex = 3000

// Stale tells whether a Rerender left the search index as it was before
// the bodies changed (Reindex brings it up to date).
func (rd *Renderer) Stale() bool { return rd.stale }

// Reindex makes the search index again after bodies changed: it
// replaces the index's files among files (sorted by path) and returns
// the new list and the paths that changed: new, changed and gone. It
// returns ctx's error when ctx was cancelled, with files as they were.
func (rd *Renderer) Reindex(ctx context.Context, files []output.File) ([]output.File, []string, error) {
	old := map[string][]byte{}
	out := make([]output.File, 0, len(files))
	for _, f := range files {
		if strings.HasPrefix(f.Path, SearchDir) {
			old[f.Path] = f.Data
			continue
		}
		out = append(out, f)
	}
	if len(old) == 0 {
		rd.stale = false
		return files, nil, nil // the index was not made: neither now
	}
	index, err := rd.r.searchIndex(ctx)
	if err != nil {
		return files, nil, err
	}
	rd.stale = false
	var changed []string
	for _, f := range index {
		if data, ok := old[f.Path]; !ok || !bytes.Equal(data, f.Data) {
			changed = append(changed, f.Path)
		}
		delete(old, f.Path)
		out = append(out, f)
	}
	for p := range old {
		changed = append(changed, p) // gone
	}
	slices.Sort(changed)
	slices.SortFunc(out, func(a, b output.File) int { return strings.Compare(a.Path, b.Path) })
	return out, changed, nil
}

// bigSite is the number of pages from which Render gives the memory that
// the pages' rendering left back to the system before it makes the open
// data: it costs a collection, not worth it on a small site.
const bigSite = 20000

// countTrue is the number of true values in bs.
func countTrue(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

// RebuildGCPercent is the garbage collector's GOGC for a rebuild that
// may take most pages as a recent build made them (Options.Reuse): until
// it finds many pages to render (Options.RenderGC), its heap is the
// model, the bodies and the pages' Views, and growing the heap (the
// first writes to new memory) costs more than collecting it more often.
// On the 1,000-guide corpus, an unchanged rebuild took 0.87 s at 50,
// 0.92 s at 100 and 0.94 s at 200 (medians of 6, alternating).
const RebuildGCPercent = 50

// GCPercent is the garbage collector's GOGC for building a site of the
// model's size (its guides, versions, e-services, offers and points:
// about as many pages). A small site's heap is small (190 MB at 14,000
// pages): letting it grow to three times what is live between
// collections, not twice, costs about 70 MB and saves 8 % of the CPU. A
// big site's is not (350–480 MB live at 134,000 pages, most of it the
// model, the files' text and the rendered bodies): letting it grow by
// 70 %, not 100 %, between collections keeps the process near 0.9 GB,
// not 1.1 GB (80 % gave 0.99–1.0 GB), for a few per cent more CPU.
func GCPercent(site *model.Site) int {
	n := len(site.Guides) + len(site.LocalGuides) + len(site.Versions) + len(site.EServices) + len(site.Offers) + len(site.Points)
	if n < bigSite {
		return 200
	}
	return 70
}

// File makes the output file at path p on demand, before or while Render
// runs: a page is rendered, an asset, robots.txt or _headers given as
// Render emits it; ok is false for any other path (open data and the
// sitemap are made only by Render) and for a page whose layout fails. It
// is safe for concurrent use, with Render too, and keeps nothing: it is
// for a server that answers before the whole site is rendered.
func (rd *Renderer) File(p string) (data []byte, ok bool) {
	if i, found := slices.BinarySearchFunc(rd.pages, p, func(pg page, p string) int { return strings.Compare(pg.path, p) }); found {
		if rd.pages[i].last {
			return nil, false // made by Render, with the sizes of the open data
		}
		html, err := rd.page(rd.r.withView(rd.pages[i]))
		return html, err == nil
	}
	for _, f := range rd.r.assets.files {
		if f.Path == p {
			return f.Data, true
		}
	}
	for _, f := range rd.r.opt.Media {
		if f.Path == p {
			return f.Data, true
		}
	}
	switch p {
	case "robots.txt":
		return rd.r.robots().Data, true
	case "_headers":
		return rd.r.headers().Data, true
	}
	return nil, false
}

// Showing lists the paths of the pages that show body b (as Rerender
// finds them).
func (rd *Renderer) Showing(b *model.Body) []string {
	var out []string
	for _, i := range rd.reached()[b] {
		out = append(out, rd.pages[i].path)
	}
	return out
}

// pageBuffers are the buffers layouts are executed into: a page's bytes
// are copied out at their size, so that a page does not grow a buffer
// of its own from nothing and hand on a slice with room to spare.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// page executes a page's layout. Its errors are *pageErr.
func (rd *Renderer) page(p page) ([]byte, error) {
	t := rd.tmpls[p.view.Lang][p.layout]
	if t == nil {
		return nil, fmt.Errorf("there is no layout layouts/%s.html", p.layout)
	}
	if j := p.view.mapJob; j != nil {
		defer j.drop()
	}
	buf := pageBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	defer pageBuffers.Put(buf)
	if err := t.ExecuteTemplate(buf, "base", p.view); err != nil {
		// Run the layout as written, for the author's line numbers.
		if err2 := rd.src[p.view.Lang]()[p.layout].ExecuteTemplate(io.Discard, "base", p.view); err2 != nil {
			err = err2
		}
		return nil, &pageErr{err: err}
	}
	if !rd.whole[p.view.Lang] {
		return unescapePlus(buf.Bytes()), nil
	}
	min, err := rd.min.Bytes("text/html", buf.Bytes())
	if err != nil {
		return nil, &pageErr{minify: true, err: err}
	}
	return min, nil
}

type renderer struct {
	fp    *fingerprinter
	terms TermsStore // the search index's analysed documents, or nil
	// analysed is the number of documents made of bodies that the last
	// search index analysed anew (the others' keys were in terms).
	analysed int
	chrome   map[string]*chrome // by language
	layouts  map[string][]byte  // what templates read, by file
	bodies   *bodies.Set        // the rendered bodies, read when the templates run
	mapper   *mapper
	life     *lifeIndex // what the life events and the business pages list
	site     *model.Site
	opt      Options
	ix       *index
	assets   *assets
	// translated: by language, the Swedish pages that have a page in it
	// (Swedish URL → its URL), for links and hreflang (translations.go).
	translated map[string]map[string]string
	// uiPages: by language, the Swedish pages whose text is UI strings
	// that have a page in it (inLang). They follow from the Swedish
	// pages and the languages with UI strings, which fingerprints have;
	// translated is hashed for the links of a language's pages.
	uiPages map[string]map[string]bool
	// calendars: the opening hours' Calendars by value, for the points
	// that share one (calendar).
	calendars struct {
		sync.Mutex
		m map[string]*calendarOf
	}
}

// themeSources reads the theme's layouts and partials: their path → text.
func (r *renderer) themeSources() (map[string][]byte, error) {
	partials, _ := fs.Glob(r.opt.Theme, "partials/*.html")
	layouts, _ := fs.Glob(r.opt.Theme, "layouts/*.html")
	out := map[string][]byte{}
	for _, f := range slices.Concat(layouts, partials) {
		b, err := fs.ReadFile(r.opt.Theme, f)
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		out[f] = b
	}
	return out, nil
}

// templates parses, for one language, every layout of the theme's
// sources (themeSources) together with the base layout and the partials.
// A file that does not parse is added to broken (a broken layout is left
// out, the others are parsed still; a broken base layout or partial stops
// it); err is for a theme without a base layout.
//
// It parses each file minified (min, which renders the pages); src, the
// files as written, whose line numbers are the author's, is parsed only
// when asked, for the diagnostics of a layout that fails. When a file
// cannot be minified, or its minified form does not parse, min is parsed
// as written and whole is true: the pages must then be minified whole.
func (r *renderer) templates(lang string, sources map[string][]byte, broken *diag.List) (src func() map[string]*template.Template, min map[string]*template.Template, whole bool, err error) {
	shared := []string{"layouts/base.html"}
	var names []string
	files := make([]string, 0, len(sources))
	for f := range sources {
		files = append(files, f)
	}
	slices.Sort(files)
	for _, f := range files {
		switch {
		case strings.HasPrefix(f, "partials/"):
			shared = append(shared, f)
		case f != "layouts/base.html":
			names = append(names, f)
		}
	}
	if _, ok := sources["layouts/base.html"]; !ok {
		return nil, nil, false, fmt.Errorf("theme: open layouts/base.html: %w", fs.ErrNotExist)
	}
	// parse parses the base layout and the partials, then each layout
	// into a clone of them, each file as text makes it; ok is false when
	// one does not parse (a broken base layout or partial stops it), and
	// report adds the problem to broken.
	parse := func(text func(f string) string, report bool) (base *template.Template, out map[string]*template.Template, ok bool, err error) {
		base = template.New("").Funcs(r.funcs(lang))
		for _, f := range shared {
			if _, err := base.New(f).Parse(text(f)); err != nil {
				if report {
					broken.Add(parseDiag(r.opt.Theme, f, err))
				}
				return nil, nil, false, nil
			}
		}
		out = map[string]*template.Template{}
		ok = true
		for _, f := range names {
			t, err := base.Clone()
			if err != nil {
				return nil, nil, false, err
			}
			if _, err := t.New(f).Parse(text(f)); err != nil {
				if report {
					broken.Add(parseDiag(r.opt.Theme, f, err))
				}
				ok = false
				continue
			}
			out[strings.TrimSuffix(path.Base(f), ".html")] = t
		}
		return base, out, ok, nil
	}
	written := func(f string) string { return string(sources[f]) }
	// asWritten renders the pages with the layouts as written, which are
	// then minified whole; it reports what does not parse.
	asWritten := func() (func() map[string]*template.Template, map[string]*template.Template, bool, error) {
		base, out, _, err := parse(written, true)
		if err != nil || base == nil {
			return nil, nil, false, err
		}
		r.chrome[lang].set = base
		return func() map[string]*template.Template { return out }, out, true, nil
	}
	minified := map[string]string{}
	for f, b := range sources {
		m, ok := minifyTemplate(b)
		if !ok {
			return asWritten()
		}
		minified[f] = string(m)
	}
	minBase, min, ok, err := parse(func(f string) string { return minified[f] }, false)
	if err != nil {
		return nil, nil, false, err
	}
	if !ok || minBase == nil {
		return asWritten()
	}
	r.chrome[lang].set = minBase
	// The layouts as written serve only to tell where a page that fails
	// fails (the minified ones parsed: so do they).
	src = sync.OnceValue(func() map[string]*template.Template {
		_, out, _, _ := parse(written, false)
		return out
	})
	return src, min, false, nil
}

// outPath is the output file of a site-relative page URL.
func outPath(url string) string {
	return strings.TrimPrefix(url, "/") + "index.html"
}

func sortedPages(p []page) {
	sort.SliceStable(p, func(i, j int) bool { return p[i].path < p[j].path })
}
