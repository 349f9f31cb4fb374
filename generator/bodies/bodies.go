// Package bodies is the third stage of a build: it renders every Markdown
// body of the assembled site to HTML, once per page it stands on (a shared
// guide's links lead to the municipality's own versions on that
// municipality's page), and checks every internal link and anchor against
// the pages and headings that exist. What it makes is a Set, keyed by the
// body's address in the model; the model itself is never written to.
package bodies

import (
	"context"
	"crypto/sha256"
	"maps"
	"slices"

	"github.com/esamverkan/guidemap/generator/cache"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/internal/par"
	"github.com/esamverkan/guidemap/generator/load"
	"github.com/esamverkan/guidemap/generator/markdown"
	"github.com/esamverkan/guidemap/generator/model"
)

// Rendered is a body as HTML.
type Rendered struct {
	HTML     string
	Headings []model.Heading // the body's headings with their IDs, in order
	Origins  []Origin        // where each of the body's sections comes from, in order
}

// Origin is where a section of a body comes from.
type Origin struct {
	File string
	Line int
}

// TOC is the body's level-2 headings.
func (r *Rendered) TOC() []model.Heading {
	var out []model.Heading
	for _, h := range r.Headings {
		if h.Level == 2 {
			out = append(out, h)
		}
	}
	return out
}

// Set is every body of a site, rendered, with what rendering and checking
// them found. Only Update changes it (a Builder's, after an edit of text
// alone); the model it renders is never changed.
type Set struct {
	jobs   []job
	byBody map[*model.Body]int
	using  map[string][]int    // a content file → the jobs whose bodies are made of it
	outs   []*Out              // by job
	diags  [][]diag.Diagnostic // by job: outs[i].diags, kept together for Diags
	keys   []Key               // by job: its key in memo; zero when not kept
	links  *linkCheck

	md      *markdown.Renderer
	res     func(m, file string) (string, bool)
	content *load.Content
	base    string
	memo    *cache.Table[Key, *Out]
	workers int
}

type job struct {
	body *model.Body
	m    string // the municipality whose page it is, or ""
	url  string // the page's URL
}

// Key is what a body's rendering depends on besides the site's pages
// (which Out records as the answers its links got): its files' content,
// and the page it is rendered for.
type Key struct {
	m, url string
	n      int
	files  [2]string
	sums   [2][sha256.Size]byte
}

// Out is what rendering a body made, as a Builder's cache keeps it.
type Out struct {
	Rendered
	links []markdown.Link
	diags []diag.Diagnostic
	calls []resolved // what the links asked of the site, in order
	files []string   // the content files, from which broken links got suggestions
}

// resolved is one answer of the resolver.
type resolved struct {
	file, url string
	ok        bool
}

// Options say how to render.
type Options struct {
	BasePath string // the base URL's path, "/" or "/org/site/"
	Workers  int    // <= 0 is GOMAXPROCS
	// Memo is a Builder's table of renderings (nil for none): a body made
	// of files with the same content, for the same page, whose links
	// resolve as they did, is taken from it.
	Memo *cache.Table[Key, *Out]
}

// Render renders every Markdown body of site, made of the content files
// in content, on all cores. It returns nil only when ctx was cancelled.
func Render(ctx context.Context, site *model.Site, content *load.Content, opt Options) *Set {
	var jobs []job
	for _, g := range site.Guides {
		jobs = append(jobs, job{&g.Body, "", model.GuideURL(g.Slug)})
	}
	for _, v := range site.Versions {
		jobs = append(jobs, job{&v.Body, v.Municipality.Slug, v.URL()})
	}
	for _, e := range site.EServices {
		jobs = append(jobs, job{&e.Body, "", model.EServiceURL(e.Slug)})
	}
	for _, o := range site.Offers {
		jobs = append(jobs, job{&o.Body, o.Municipality.Slug, model.OfferURL(o.Municipality.Slug, o.EService.Slug)})
	}
	for _, p := range site.Pages {
		jobs = append(jobs, job{&p.Body, "", model.PageURL(p.Slug)})
	}
	for _, m := range site.Municipalities {
		jobs = append(jobs, job{&m.Intro, m.Slug, model.MunicipalityURL(m.Slug)})
	}
	s := &Set{
		jobs:    jobs,
		byBody:  make(map[*model.Body]int, len(jobs)),
		using:   map[string][]int{},
		outs:    make([]*Out, len(jobs)),
		diags:   make([][]diag.Diagnostic, len(jobs)),
		keys:    make([]Key, len(jobs)),
		links:   &linkCheck{byURL: make(map[string]int, len(jobs)), anchors: make([]map[string]bool, len(jobs))},
		md:      markdown.New(markdown.Options{RawHTML: site.Config.RawHTML}),
		res:     resolver(site),
		content: content,
		base:    opt.BasePath,
		memo:    opt.Memo,
		workers: opt.Workers,
	}
	idx := make([]int, len(jobs))
	for i, j := range jobs {
		idx[i] = i
		s.byBody[j.body] = i
		s.links.byURL[j.url] = i
		for _, f := range j.body.Sources {
			s.using[f] = append(s.using[f], i)
		}
	}
	if !s.render(ctx, idx) {
		return nil
	}
	s.links.anchorsOf(s, idx)
	return s
}

// Get is the rendering of body b, a body of the site's model; nil for a
// body the Set does not know (and from a nil Set).
func (s *Set) Get(b *model.Body) *Rendered {
	if s == nil {
		return nil
	}
	i, ok := s.byBody[b]
	if !ok {
		return nil
	}
	return &s.outs[i].Rendered
}

// Diags are what rendering the bodies and checking their links found.
func (s *Set) Diags() []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, ds := range s.diags {
		out = append(out, ds...)
	}
	for _, ds := range s.links.diags {
		out = append(out, ds...)
	}
	return out
}

// Update renders again, in place, the bodies made of the content files
// that changed (changed names them; content holds their new parses) when
// every front matter is as it was, so that the model is the same: their
// links are checked again, and so are the links of every other body to a
// page whose headings moved. It returns the bodies it rendered again, and
// false when ctx was cancelled: s is then half updated and must not be
// used again.
func (s *Set) Update(ctx context.Context, content *load.Content, changed []string) ([]*model.Body, bool) {
	s.content = content
	var idx []int
	for _, p := range changed {
		idx = append(idx, s.using[p]...)
	}
	slices.Sort(idx)
	idx = slices.Compact(idx)
	if !s.render(ctx, idx) {
		return nil, false
	}
	moved := s.links.anchorsOf(s, idx)
	s.links.recheck(s, idx, moved)
	bodies := make([]*model.Body, len(idx))
	for k, i := range idx {
		bodies[k] = s.jobs[i].body
	}
	return bodies, true
}

// key is what body job i depends on; ok is false when that is not known
// (no cache, or a body of more than two files).
func (s *Set) key(i int) (k Key, ok bool) {
	j := s.jobs[i]
	if s.memo == nil || len(j.body.Sources) == 0 || len(j.body.Sources) > len(k.sums) {
		return k, false
	}
	k.m, k.url, k.n = j.m, j.url, len(j.body.Sources)
	for n, f := range j.body.Sources {
		p := s.content.ByPath[f]
		if p == nil {
			return k, false
		}
		k.files[n], k.sums[n] = f, p.Sum
	}
	return k, true
}

// still tells whether a kept rendering holds: every link resolves as it
// did, and no suggestion for a broken one can have changed.
func (s *Set) still(out *Out, m string) bool {
	for _, c := range out.calls {
		u, ok := s.res(m, c.file)
		if u != c.url || ok != c.ok {
			return false
		}
		if !ok && !slices.Equal(s.content.Paths, out.files) {
			return false
		}
	}
	return true
}

// render renders the bodies of the jobs idx in parallel, or takes them
// from the memo; it reports false when ctx was cancelled.
func (s *Set) render(ctx context.Context, idx []int) bool {
	ok := par.DoCtx(ctx, len(idx), s.workers, func(k int) {
		i := idx[k]
		j := s.jobs[i]
		key, keep := s.key(i)
		var out *Out
		if keep {
			out, _ = s.memo.Get(key)
		}
		if out == nil || !s.still(out, j.m) {
			out = s.renderOne(j)
			s.memo.Miss()
		} else {
			s.memo.Hit()
		}
		if old := s.keys[i]; old.n > 0 && old != key {
			s.memo.Delete(old) // a rendering of text that is no more
		}
		s.keys[i] = key
		if keep {
			s.memo.Put(key, out)
		}
		s.outs[i] = out
		s.diags[i] = out.diags
	})
	return ok
}

// renderOne renders the body of job j.
func (s *Set) renderOne(j job) *Out {
	out := &Out{files: s.content.Paths}
	secs := s.content.Sections(j.body.Sources)
	l := &diag.List{}
	r := s.md.Render(secs, markdown.Env{
		Resolve: func(file string) (string, bool) {
			u, ok := s.res(j.m, file)
			out.calls = append(out.calls, resolved{file, u, ok})
			return u, ok
		},
		Files:    s.content.Paths,
		BasePath: s.base,
	}, l)
	out.HTML, out.Headings, out.links, out.diags = r.HTML, r.Headings, r.Links, l.Items()
	out.Origins = make([]Origin, len(secs))
	for i, sec := range secs {
		out.Origins[i] = Origin{sec.File, sec.Line}
	}
	return out
}

// anchorsOf notes the heading IDs of the pages of the jobs idx and
// returns the URLs of the pages whose IDs changed.
func (lc *linkCheck) anchorsOf(s *Set, idx []int) (moved map[string]bool) {
	moved = map[string]bool{}
	for _, i := range idx {
		j := s.jobs[i]
		ids := map[string]bool{}
		for _, h := range s.outs[i].Headings {
			ids[h.ID] = true
		}
		if old := lc.anchors[i]; old == nil || !maps.Equal(old, ids) {
			moved[j.url] = true
		}
		lc.anchors[i] = ids
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
		kind, fm, slug := load.Classify(file)
		switch kind {
		case load.Guide:
			if !shared[slug] {
				return "", false
			}
			if u := model.VersionURL(m, slug); m != "" && versions[u] {
				return u, true
			}
			return model.GuideURL(slug), true
		case load.MunicipalityGuide:
			u := model.VersionURL(fm, slug)
			return u, versions[u]
		case load.Municipality:
			return model.MunicipalityURL(slug), site.Municipality(slug) != nil
		case load.EService:
			if !eservices[slug] {
				return "", false
			}
			if u := model.OfferURL(m, slug); m != "" && offers[u] {
				return u, true
			}
			return model.EServiceURL(slug), true
		case load.EServiceAdaptation:
			u := model.OfferURL(fm, slug)
			return u, offers[u]
		case load.Page:
			return model.PageURL(slug), pages[slug]
		}
		return "", false
	}
}

// Bodies lists the site's bodies in the order Map numbers them.
func (s *Set) Bodies() []*model.Body {
	out := make([]*model.Body, len(s.jobs))
	for i, j := range s.jobs {
		out[i] = j.body
	}
	return out
}

// Map returns a copy of s in which every body's rendering is what f makes
// of it (i numbers the bodies as Bodies lists them): for tests and tools
// that mark each body to see where it shows.
func (s *Set) Map(f func(i int, r Rendered) Rendered) *Set {
	n := *s
	n.outs = make([]*Out, len(s.outs))
	n.links = s.links.clone()
	for i, o := range s.outs {
		c := *o
		c.Rendered = f(i, o.Rendered)
		n.outs[i] = &c
	}
	return &n
}
