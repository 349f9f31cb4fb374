// Package render turns the assembled site into output files: every HTML
// page through the theme's html/template layouts, the minified and
// content-hashed style sheet and scripts, sitemap.xml, robots.txt, 404.html
// and the _headers file with the security headers. Pages are rendered in
// parallel and returned sorted by path, so the output is the same whatever
// the number of cores.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/internal/par"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/output"
)

// Options configure rendering.
type Options struct {
	Theme    fs.FS                        // layouts/, css/, js/, static/
	Strings  map[string]map[string]string // UI strings: language → key → text
	BasePath string                       // the base URL's path, "/" or "/org/site/"
	Workers  int                          // <= 0 is GOMAXPROCS
}

// page is one HTML page to render.
type page struct {
	path    string // output path, e.g. "guider/bygglov/index.html"
	layout  string // the layout in layouts/, without .html
	view    *View
	sitemap bool
}

// Site renders every page of site. Template errors are returned as errors
// (the theme is broken); problems with content go to l.
func Site(site *model.Site, opt Options, l *diag.List) ([]output.File, error) {
	if opt.BasePath == "" {
		opt.BasePath = "/"
	}
	m := newMinifier()
	as, err := buildAssets(opt.Theme, m)
	if err != nil {
		return nil, err
	}
	ix := newIndex(site)
	r := &renderer{site: site, opt: opt, ix: ix, assets: as}
	r.mapper = newMapper(r)
	tmpls := map[string]map[string]*template.Template{}
	for _, lang := range []string{"sv", "en"} {
		if tmpls[lang], err = r.templates(lang); err != nil {
			return nil, err
		}
	}
	pages := r.pages()
	r.mapper.drawMaps(opt.Workers)

	files := make([]output.File, len(pages))
	errs := make([]error, len(pages))
	par.Do(len(pages), opt.Workers, func(i int) {
		p := pages[i]
		t := tmpls[p.view.Lang][p.layout]
		if t == nil {
			errs[i] = fmt.Errorf("theme: no layout layouts/%s.html", p.layout)
			return
		}
		var buf bytes.Buffer
		if err := t.ExecuteTemplate(&buf, "base", p.view); err != nil {
			errs[i] = fmt.Errorf("theme: page %s: %w", p.path, err)
			return
		}
		min, err := m.Bytes("text/html", buf.Bytes())
		if err != nil {
			errs[i] = fmt.Errorf("minify %s: %w", p.path, err)
			return
		}
		files[i] = output.File{Path: p.path, Data: min}
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	files = append(files, as.files...)
	files = append(files, r.openData()...)
	files = append(files, r.eserviceData()...)
	files = append(files, r.sitemap(pages), r.robots(), r.headers())
	output.Sort(files)
	for i := 1; i < len(files); i++ {
		if files[i].Path == files[i-1].Path {
			l.Errorf(diag.Pos{File: files[i].Path}, "rename one of the pages", "two pages would be written to %s", files[i].Path)
		}
	}
	return files, nil
}

type renderer struct {
	mapper *mapper
	site   *model.Site
	opt    Options
	ix     *index
	assets *assets
}

// templates parses, for one language, every layout together with the base
// layout and the partials.
func (r *renderer) templates(lang string) (map[string]*template.Template, error) {
	base := template.New("").Funcs(r.funcs(lang))
	shared, _ := fs.Glob(r.opt.Theme, "partials/*.html")
	shared = append([]string{"layouts/base.html"}, shared...)
	for _, f := range shared {
		b, err := fs.ReadFile(r.opt.Theme, f)
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		if _, err := base.New(f).Parse(string(b)); err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
	}
	layouts, _ := fs.Glob(r.opt.Theme, "layouts/*.html")
	out := map[string]*template.Template{}
	for _, f := range layouts {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if name == "base" {
			continue
		}
		b, err := fs.ReadFile(r.opt.Theme, f)
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.New(f).Parse(string(b)); err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		out[name] = t
	}
	return out, nil
}

// outPath is the output file of a site-relative page URL.
func outPath(url string) string {
	return strings.TrimPrefix(url, "/") + "index.html"
}

func sortedPages(p []page) {
	sort.SliceStable(p, func(i, j int) bool { return p[i].path < p[j].path })
}
