package generator

// The Markdown part of the render stage: every body is rendered once per
// page it appears on (a shared guide's links lead to the municipality's own
// versions on that municipality's page), then every internal link and
// anchor is checked against the pages and headings that exist.

import (
	"maps"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/internal/par"
	"github.com/esamverkan/guidemap/generator/markdown"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/output"
)

type bodyJob struct {
	body *model.Body
	m    string // the municipality whose page it is, or ""
	url  string // the page's URL
}

// pageLinks are the internal links of the rendered bodies, with the URL of
// the page each stands on, and the heading IDs of every page.
type pageLinks struct {
	links   [][]markdown.Link // by body
	pageURL []string          // by body
	anchors map[string]map[string]bool
	exists  map[string]bool     // the URLs of every output file
	diags   [][]diag.Diagnostic // by body: what checking its links found
}

// bodyStage renders the site's Markdown bodies; it keeps, per body, what
// the rendering found, so that the Builder's fast path can render a few
// bodies again and keep the rest.
type bodyStage struct {
	jobs  []bodyJob
	using map[string][]int    // a content file → the jobs whose bodies are made of it
	diags [][]diag.Diagnostic // by job
	links *pageLinks
	md    *markdown.Renderer
	res   func(m, file string) (string, bool)
	files []string
	base  string
}

// bodies renders every Markdown body of the site in parallel.
func bodies(site *model.Site, files []string, basePath string, workers int) *bodyStage {
	var jobs []bodyJob
	for _, g := range site.Guides {
		jobs = append(jobs, bodyJob{&g.Body, "", model.GuideURL(g.Slug)})
	}
	for _, v := range site.Versions {
		jobs = append(jobs, bodyJob{&v.Body, v.Municipality.Slug, v.URL()})
	}
	for _, e := range site.EServices {
		jobs = append(jobs, bodyJob{&e.Body, "", model.EServiceURL(e.Slug)})
	}
	for _, o := range site.Offers {
		jobs = append(jobs, bodyJob{&o.Body, o.Municipality.Slug, model.OfferURL(o.Municipality.Slug, o.EService.Slug)})
	}
	for _, p := range site.Pages {
		jobs = append(jobs, bodyJob{&p.Body, "", model.PageURL(p.Slug)})
	}
	for _, m := range site.Municipalities {
		jobs = append(jobs, bodyJob{&m.Intro, m.Slug, model.MunicipalityURL(m.Slug)})
	}
	bs := &bodyStage{
		jobs:  jobs,
		diags: make([][]diag.Diagnostic, len(jobs)),
		links: &pageLinks{links: make([][]markdown.Link, len(jobs)), pageURL: make([]string, len(jobs)), anchors: map[string]map[string]bool{}},
		md:    markdown.New(markdown.Options{RawHTML: site.Config.RawHTML}),
		res:   resolver(site),
		files: files,
		base:  basePath,
	}
	bs.using = map[string][]int{}
	idx := make([]int, len(jobs))
	for i, j := range jobs {
		idx[i] = i
		for _, f := range j.body.Sources {
			bs.using[f] = append(bs.using[f], i)
		}
	}
	bs.render(idx, workers)
	return bs
}

// render renders the bodies of the jobs idx in parallel and notes what
// each found. It returns the URLs of the pages whose headings changed.
func (bs *bodyStage) render(idx []int, workers int) (moved map[string]bool) {
	par.Do(len(idx), workers, func(k int) {
		i := idx[k]
		j := bs.jobs[i]
		l := &diag.List{}
		out := bs.md.Render(j.body.Sections, markdown.Env{
			Resolve:  func(file string) (string, bool) { return bs.res(j.m, file) },
			Files:    bs.files,
			BasePath: bs.base,
		}, l)
		j.body.HTML = out.HTML
		j.body.Headings = out.Headings
		bs.links.links[i] = out.Links
		bs.links.pageURL[i] = j.url
		bs.diags[i] = l.Items()
	})
	moved = map[string]bool{}
	for _, i := range idx {
		j := bs.jobs[i]
		ids := map[string]bool{}
		for _, h := range j.body.Headings {
			ids[h.ID] = true
		}
		if old, ok := bs.links.anchors[j.url]; !ok || !maps.Equal(old, ids) {
			moved[j.url] = true
		}
		bs.links.anchors[j.url] = ids
	}
	return moved
}

// resolver maps a content file to the URL of its page, as seen from the
// pages of municipality m ("" for the collaboration's pages).
func resolver(site *model.Site) func(m, file string) (string, bool) {
	versions := map[string]bool{}
	for _, v := range site.Versions {
		versions[v.URL()] = true
	}
	offers := map[string]bool{}
	for _, o := range site.Offers {
		offers[model.OfferURL(o.Municipality.Slug, o.EService.Slug)] = true
	}
	shared := map[string]bool{}
	for _, g := range site.Guides {
		shared[g.Slug] = true
	}
	eservices := map[string]bool{}
	for _, e := range site.EServices {
		eservices[e.Slug] = true
	}
	pages := map[string]bool{}
	for _, p := range site.Pages {
		pages[p.Slug] = true
	}
	return func(m, file string) (string, bool) {
		kind, fm, slug := classify(file)
		switch kind {
		case kindGuide:
			if !shared[slug] {
				return "", false
			}
			if u := model.VersionURL(m, slug); m != "" && versions[u] {
				return u, true
			}
			return model.GuideURL(slug), true
		case kindMunicipalityGuide:
			u := model.VersionURL(fm, slug)
			return u, versions[u]
		case kindMunicipality:
			return model.MunicipalityURL(slug), site.Municipality(slug) != nil
		case kindEService:
			if !eservices[slug] {
				return "", false
			}
			if u := model.OfferURL(m, slug); m != "" && offers[u] {
				return u, true
			}
			return model.EServiceURL(slug), true
		case kindEServiceAdaptation:
			u := model.OfferURL(fm, slug)
			return u, offers[u]
		case kindPage:
			return model.PageURL(slug), pages[slug]
		}
		return "", false
	}
}

// checkAll checks the internal links of every body against the output
// files: links to pages that are not in files, and anchors that are not
// headings of their page.
func (pl *pageLinks) checkAll(files []output.File) {
	pl.exists = make(map[string]bool, 2*len(files))
	for _, f := range files {
		pl.exists["/"+f.Path] = true
		if strings.HasSuffix(f.Path, "index.html") {
			pl.exists["/"+strings.TrimSuffix(f.Path, "index.html")] = true
		}
	}
	pl.diags = make([][]diag.Diagnostic, len(pl.links))
	for i := range pl.links {
		pl.diags[i] = pl.check(i)
	}
}

// recheck checks again the links of the bodies idx, whose text changed,
// and the links of every body to the pages in moved, whose headings
// changed; the output files are the same.
func (pl *pageLinks) recheck(idx []int, moved map[string]bool) {
	for _, i := range idx {
		pl.diags[i] = pl.check(i)
	}
	if len(moved) == 0 {
		return
	}
	for i, links := range pl.links {
		for _, ln := range links {
			if ln.Anchor != "" && moved[pl.target(i, ln)] {
				pl.diags[i] = pl.check(i)
				break
			}
		}
	}
}

// target is the page a link of body i leads to.
func (pl *pageLinks) target(i int, ln markdown.Link) string {
	if ln.URL == "" {
		return pl.pageURL[i]
	}
	return ln.URL
}

// check checks the links of body i.
func (pl *pageLinks) check(i int) []diag.Diagnostic {
	if len(pl.links[i]) == 0 {
		return nil
	}
	l := &diag.List{}
	for _, ln := range pl.links[i] {
		target := pl.target(i, ln)
		if !pl.exists[target] {
			l.Errorf(ln.Pos, "link to a page of the site, or better to its .md file", "link to %q: there is no such page", ln.Written)
			continue
		}
		if ln.Anchor == "" {
			continue
		}
		ids, ok := pl.anchors[target]
		if !ok || ids[ln.Anchor] {
			continue // a page without a Markdown body: its anchors are the theme's
		}
		var known []string
		for id := range ids {
			known = append(known, id)
		}
		hint := diag.DidYouMean(ln.Anchor, sortedSet(known))
		if hint == "" {
			hint = "link to the ID of a heading on that page: its text in lower case, å and ä as a, ö as o, spaces as -"
		}
		l.Errorf(ln.Pos, hint, "link to %q: the page has no heading with the ID %q", ln.Written, ln.Anchor)
	}
	return l.Items()
}

func sortedSet(s []string) []string {
	m := map[string]bool{}
	for _, x := range s {
		m[x] = true
	}
	return sortedKeys(m)
}
