// Package render is the fourth stage of a build: it turns the assembled
// site and its rendered bodies (package bodies) into output files — every
// HTML page through the theme's html/template layouts, the maps (package
// maps), the open data, the minified and content-hashed style sheet and
// scripts, sitemap.xml, robots.txt, 404.html and the _headers file with
// the security headers. The e-service directory's filters and export rows
// come from package directory; render makes them views and files. Pages
// are rendered in parallel and returned sorted by path, so the output is
// the same whatever the number of cores. A broken theme is reported as
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
	"slices"
	"sort"
	"strings"

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

	// Memo is a Builder's tables of this stage, or nil: a page whose
	// fingerprint (fingerprint.go) is the same as the last build's is
	// taken from it, not rendered again, and so is a map of the same
	// inputs. Set it only when the theme's layouts are the default ones.
	Memo *Memo
}

// Memo holds a Builder's cache tables of the render stage.
type Memo struct {
	Pages *cache.Table[string, Page] // output path → the last build's page
	Maps  *cache.Table[uint64, maps.Map]
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
	path    string // output path, e.g. "guider/bygglov/index.html"
	layout  string // the layout in layouts/, without .html
	view    *View
	sitemap bool
}

// Renderer renders one assembled site and keeps what it needs to render
// pages again: the templates, every page with its View, and the files the
// last render made. It is not safe for concurrent use.
type Renderer struct {
	r     *renderer
	min   *minify.M
	tmpls map[string]map[string]*template.Template // by language and layout: minified (see minify.go)
	src   map[string]map[string]*template.Template // the same as written, for the diagnostics of a layout that fails
	whole map[string]bool                          // by language: a layout could not be minified, so pages are minified whole
	pages []page
	html  [][]byte              // the rendered pages, by index in pages
	reach map[*model.Body][]int // a body → the pages that show it
	files []output.File         // the last render's output, sorted by path

	layouts  map[string][]byte // the layouts' and partials' sources
	memo     *Memo
	fp       *fingerprinter
	global   uint64   // the fingerprint of what all pages share
	fps      []uint64 // by page
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
	m := newMinifier()
	as, err := buildAssets(opt.Theme, m)
	if err != nil {
		return nil, err
	}
	r := &renderer{site: site, opt: opt, ix: newIndex(site), assets: as, layouts: map[string][]byte{}, bodies: opt.Bodies}
	fp := &fingerprinter{set: opt.Bodies}
	r.mapper = newMapper(r, fp)
	if opt.Memo != nil {
		r.mapper.memo = opt.Memo.Maps
	}
	tmpls, src := map[string]map[string]*template.Template{}, map[string]map[string]*template.Template{}
	whole := map[string]bool{}
	broken := &diag.List{}
	for _, lang := range []string{"sv", "en"} {
		if src[lang], tmpls[lang], whole[lang], err = r.templates(lang, broken); err != nil {
			return nil, err
		}
	}
	if err := themeErr(broken); err != nil {
		return nil, err
	}
	pages := r.pages()
	if !r.mapper.drawMaps(ctx, opt.Workers) {
		return nil, ctx.Err()
	}
	rd := &Renderer{r: r, min: m, tmpls: tmpls, src: src, whole: whole, pages: pages, layouts: r.layouts, fp: fp, memo: opt.Memo}
	rd.r.opt.Memo = nil // not kept
	return rd, nil
}

// Rendered tells how many pages the last Render or Rerender rendered (the
// others it took as they were).
func (rd *Renderer) Rendered() int { return rd.rendered }

// Render renders every page and returns all output files sorted by path.
// When a layout fails or a page cannot be minified, it adds the problems
// to l and returns them as a *ThemeError too; it returns ctx's error when
// ctx was cancelled.
func (rd *Renderer) Render(ctx context.Context, l *diag.List) ([]output.File, error) {
	r, pages, memo := rd.r, rd.pages, rd.memo
	rd.memo = nil
	rd.html = make([][]byte, len(pages))
	rd.fps = make([]uint64, len(pages))
	rd.fp.prepare(r.site, r.opt.Workers)
	rd.global = rd.fp.global(r, rd.layouts)
	reach := make([][]*model.Body, len(pages))
	errs := make([]error, len(pages))
	reused := make([]bool, len(pages))
	done := par.DoCtx(ctx, len(pages), r.opt.Workers, func(i int) {
		rd.fps[i] = rd.fp.page(rd.global, pages[i])
		reach[i] = readBodies(pages[i].view)
		if memo != nil {
			if old, ok := memo.Pages.Get(pages[i].path); ok && old.Fingerprint == rd.fps[i] {
				rd.html[i], reused[i] = old.HTML, true
				return
			}
		}
		rd.html[i], errs[i] = rd.page(pages[i])
		if memo != nil && errs[i] == nil {
			memo.Pages.Put(pages[i].path, Page{rd.fps[i], rd.html[i]})
		}
	})
	if !done {
		return nil, ctx.Err()
	}
	if broken := rd.failures(pages, errs); broken.Len() > 0 {
		l.Merge(broken)
		return nil, themeErr(broken)
	}
	rd.memo = memo
	rd.rendered = 0
	for _, ok := range reused {
		if !ok {
			rd.rendered++
		}
	}
	rd.reach = map[*model.Body][]int{}
	for i, es := range reach {
		for _, e := range es {
			rd.reach[e] = append(rd.reach[e], i)
		}
	}
	files := make([]output.File, 0, len(pages)+32)
	for i, p := range pages {
		files = append(files, output.File{Path: p.path, Data: rd.html[i]})
	}
	files = append(files, r.assets.files...)
	files = append(files, r.openData()...)
	files = append(files, r.eserviceData()...)
	files = append(files, r.sitemap(pages), r.robots(), r.headers())
	output.Sort(files)
	for i := 1; i < len(files); i++ {
		if files[i].Path == files[i-1].Path {
			l.Errorf(diag.Pos{File: files[i].Path}, "rename one of the pages", "two pages would be written to %s", files[i].Path)
		}
	}
	rd.files = files
	return files, nil
}

// Rerender renders again the pages that show one of the changed bodies
// (which bodies.Set.Update rendered again in the Set the Renderer reads),
// and returns the whole output with those pages replaced, and the paths of
// those that came out different. It is for changes that leave the model
// as it was: only bodies, which templates read when they run, may differ
// (see reach.go). The slice is the one
// Render returned, changed in place. On an error (ctx cancelled, a
// template failed: a *ThemeError) the Renderer must not be used again.
func (rd *Renderer) Rerender(ctx context.Context, changed []*model.Body) (files []output.File, paths []string, err error) {
	seen := map[int]bool{}
	var idx []int
	for _, b := range changed {
		for _, i := range rd.reach[b] {
			if !seen[i] {
				seen[i] = true
				idx = append(idx, i)
			}
		}
	}
	sort.Ints(idx)
	errs := make([]error, len(idx))
	out := make([][]byte, len(idx))
	// The bodies changed: hash them anew (the entities' hashes leave
	// bodies out).
	rd.fp = &fingerprinter{entities: rd.fp.entities, set: rd.r.bodies}
	done := par.DoCtx(ctx, len(idx), rd.r.opt.Workers, func(k int) {
		p := rd.pages[idx[k]]
		rd.fps[idx[k]] = rd.fp.page(rd.global, p)
		out[k], errs[k] = rd.page(p)
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
	files = rd.files
	for k, i := range idx {
		p := rd.pages[i]
		same := bytes.Equal(rd.html[i], out[k])
		rd.html[i] = out[k]
		j, ok := slices.BinarySearchFunc(files, p.path, func(f output.File, path string) int { return strings.Compare(f.Path, path) })
		if !ok {
			return nil, nil, fmt.Errorf("render: page %s is not in the output", p.path)
		}
		files[j].Data = out[k]
		if rd.memo != nil {
			rd.memo.Pages.Put(p.path, Page{rd.fps[i], out[k]})
		}
		if !same {
			paths = append(paths, p.path)
		}
	}
	rd.files = files
	return files, paths, nil
}

// Showing lists the paths of the pages that show body b (as Rerender
// finds them).
func (rd *Renderer) Showing(b *model.Body) []string {
	var out []string
	for _, i := range rd.reach[b] {
		out = append(out, rd.pages[i].path)
	}
	return out
}

// page executes a page's layout. Its errors are *pageErr.
func (rd *Renderer) page(p page) ([]byte, error) {
	t := rd.tmpls[p.view.Lang][p.layout]
	if t == nil {
		return nil, fmt.Errorf("there is no layout layouts/%s.html", p.layout)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base", p.view); err != nil {
		// Run the layout as written, for the author's line numbers.
		if err2 := rd.src[p.view.Lang][p.layout].ExecuteTemplate(io.Discard, "base", p.view); err2 != nil {
			err = err2
		}
		return nil, &pageErr{err: err}
	}
	if !rd.whole[p.view.Lang] {
		return buf.Bytes(), nil
	}
	min, err := rd.min.Bytes("text/html", buf.Bytes())
	if err != nil {
		return nil, &pageErr{minify: true, err: err}
	}
	return min, nil
}

type renderer struct {
	layouts map[string][]byte // what templates read, by file
	bodies  *bodies.Set       // the rendered bodies, read when the templates run
	mapper  *mapper
	site    *model.Site
	opt     Options
	ix      *index
	assets  *assets
}

// templates parses, for one language, every layout together with the base
// layout and the partials. A file that does not parse is added to broken
// (a broken layout is left out, the others are parsed still; a broken
// base layout or partial stops it); err is for files that cannot be read.
//
// It parses each file twice: as written (src, whose line numbers are the
// author's, for the diagnostics of a layout that fails) and minified (min,
// which renders the pages). When a file cannot be minified, or its
// minified form does not parse, min is parsed as written too and whole
// is true: the pages must then be minified whole.
func (r *renderer) templates(lang string, broken *diag.List) (src, min map[string]*template.Template, whole bool, err error) {
	srcBase, minBase := template.New("").Funcs(r.funcs(lang)), template.New("").Funcs(r.funcs(lang))
	shared, _ := fs.Glob(r.opt.Theme, "partials/*.html")
	shared = append([]string{"layouts/base.html"}, shared...)
	sources := map[string][]byte{}
	for _, f := range shared {
		b, err := fs.ReadFile(r.opt.Theme, f)
		if err != nil {
			return nil, nil, false, fmt.Errorf("theme: %w", err)
		}
		r.layouts[f], sources[f] = b, b
		if _, err := srcBase.New(f).Parse(string(b)); err != nil {
			broken.Add(parseDiag(r.opt.Theme, f, err))
			return nil, nil, false, nil
		}
	}
	layouts, _ := fs.Glob(r.opt.Theme, "layouts/*.html")
	var names []string
	for _, f := range layouts {
		if path.Base(f) == "base.html" {
			continue
		}
		b, err := fs.ReadFile(r.opt.Theme, f)
		if err != nil {
			return nil, nil, false, fmt.Errorf("theme: %w", err)
		}
		r.layouts[f], sources[f] = b, b
		names = append(names, f)
	}
	// parse parses the layouts into clones of base, each file as text
	// makes it; ok is false when one does not parse.
	parse := func(base *template.Template, text func(f string) string, report bool) (map[string]*template.Template, bool, error) {
		out := map[string]*template.Template{}
		ok := true
		for _, f := range names {
			t, err := base.Clone()
			if err != nil {
				return nil, false, err
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
		return out, ok, nil
	}
	if src, _, err = parse(srcBase, func(f string) string { return string(sources[f]) }, true); err != nil {
		return nil, nil, false, err
	}
	minified := map[string]string{}
	for f, b := range sources {
		m, ok := minifyTemplate(b)
		if !ok {
			return src, src, true, nil
		}
		minified[f] = string(m)
	}
	for _, f := range shared {
		if _, err := minBase.New(f).Parse(minified[f]); err != nil {
			return src, src, true, nil
		}
	}
	min, ok, err := parse(minBase, func(f string) string { return minified[f] }, false)
	if err != nil {
		return nil, nil, false, err
	}
	if !ok || len(min) != len(src) {
		return src, src, true, nil
	}
	return src, min, false, nil
}

// outPath is the output file of a site-relative page URL.
func outPath(url string) string {
	return strings.TrimPrefix(url, "/") + "index.html"
}

func sortedPages(p []page) {
	sort.SliceStable(p, func(i, j int) bool { return p[i].path < p[j].path })
}
