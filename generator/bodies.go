package generator

// The Markdown part of the render stage: every body is rendered once per
// page it appears on (a shared guide's links lead to the municipality's own
// versions on that municipality's page), then every internal link and
// anchor is checked against the pages and headings that exist.

import (
	"crypto/sha256"
	"maps"
	"slices"
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
	raw   bool // raw HTML is on

	// What every body rendered to, by what it was made of, for the next
	// build (a Builder's only).
	ld   *loaded
	keys []bodyKey // by job; zero when not kept
	memo map[bodyKey]*bodyOut
}

// bodyKey says what a body's rendering depends on besides the site's
// pages (which bodyOut.calls records): its files' content, and the page
// it is rendered for.
type bodyKey struct {
	m, url string
	n      int
	files  [2]string
	sums   [2][sha256.Size]byte
}

// bodyOut is what rendering a body made.
type bodyOut struct {
	html     string
	headings []model.Heading
	links    []markdown.Link
	diags    []diag.Diagnostic
	calls    []resolved // what the links asked of the site, in order
	files    []string   // the content files, from which broken links got suggestions
}

// resolved is one answer of the resolver.
type resolved struct {
	file, url string
	ok        bool
}

// bodies renders every Markdown body of the site in parallel. prev, when
// not nil, is the last build's stage: a body made of files with the same
// content, for the same page, whose links resolve as they did, is taken
// from it.
func bodies(site *model.Site, ld *loaded, basePath string, workers int, prev *bodyStage) *bodyStage {
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
		files: ld.files,
		base:  basePath,
		raw:   site.Config.RawHTML,
		ld:    ld,
		keys:  make([]bodyKey, len(jobs)),
		memo:  map[bodyKey]*bodyOut{},
	}
	if prev != nil && prev.base == bs.base && prev.raw == bs.raw {
		bs.memo = prev.memo
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
	// Keep what this build used.
	used := make(map[bodyKey]*bodyOut, len(jobs))
	for _, k := range bs.keys {
		if k.n > 0 {
			used[k] = bs.memo[k]
		}
	}
	bs.memo = used
	return bs
}

// key is what body job i depends on; ok is false when that is not known
// (no Builder, or a body of more than two files).
func (bs *bodyStage) key(i int) (k bodyKey, ok bool) {
	j := bs.jobs[i]
	if len(j.body.Sources) == 0 || len(j.body.Sources) > len(k.sums) {
		return k, false
	}
	k.m, k.url, k.n = j.m, j.url, len(j.body.Sources)
	for s, f := range j.body.Sources {
		p := bs.ld.byPath[f]
		if p == nil || p.sum == ([sha256.Size]byte{}) {
			return k, false
		}
		k.files[s], k.sums[s] = f, p.sum
	}
	return k, true
}

// still tells whether a kept rendering holds: every link resolves as it
// did, and no suggestion for a broken one can have changed.
func (bs *bodyStage) still(out *bodyOut, m string) bool {
	for _, c := range out.calls {
		u, ok := bs.res(m, c.file)
		if u != c.url || ok != c.ok {
			return false
		}
		if !ok && !slices.Equal(bs.files, out.files) {
			return false
		}
	}
	return true
}

// render renders the bodies of the jobs idx in parallel and notes what
// each found. It returns the URLs of the pages whose headings changed.
func (bs *bodyStage) render(idx []int, workers int) (moved map[string]bool) {
	outs := make([]*bodyOut, len(idx))
	keys := make([]bodyKey, len(idx))
	par.Do(len(idx), workers, func(k int) {
		i := idx[k]
		j := bs.jobs[i]
		key, keep := bs.key(i)
		out := bs.memo[key]
		if !keep || out == nil || !bs.still(out, j.m) {
			out = &bodyOut{files: bs.files}
			l := &diag.List{}
			r := bs.md.Render(j.body.Sections, markdown.Env{
				Resolve: func(file string) (string, bool) {
					u, ok := bs.res(j.m, file)
					out.calls = append(out.calls, resolved{file, u, ok})
					return u, ok
				},
				Files:    bs.files,
				BasePath: bs.base,
			}, l)
			out.html, out.headings, out.links, out.diags = r.HTML, r.Headings, r.Links, l.Items()
		}
		if keep {
			keys[k] = key
		}
		outs[k] = out
		j.body.HTML = out.html
		j.body.Headings = out.headings
		bs.links.links[i] = out.links
		bs.links.pageURL[i] = j.url
		bs.diags[i] = out.diags
	})
	for k, i := range idx {
		if old := bs.keys[i]; old.n > 0 && old != keys[k] {
			delete(bs.memo, old)
		}
		bs.keys[i] = keys[k]
		if keys[k].n > 0 {
			bs.memo[keys[k]] = outs[k]
		}
	}
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
