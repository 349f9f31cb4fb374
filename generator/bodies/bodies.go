// Package bodies is the third stage of a build: it renders every Markdown
// body of the assembled site to HTML, and checks every internal link and
// anchor against the pages and headings that exist. What it makes is a
// Set, keyed by the body's address in the model; the model itself is
// never written to.
//
// A body is parsed, linted and rendered once however many pages show it
// (a shared guide on its own page and on the version page of every
// municipality that takes it as it is): its links to shared guides and
// e-services, which lead to the municipality's own version on that
// municipality's page, are rendered as placeholders that Get fills in for
// each page (shared.go).
package bodies

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/esamverkan/guidemap/generator/cache"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/internal/par"
	"github.com/esamverkan/guidemap/generator/load"
	"github.com/esamverkan/guidemap/generator/markdown"
	"github.com/esamverkan/guidemap/generator/media"
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
	using  map[string][]int // a content file → the groups whose bodies are made of it
	groups []group
	made   []sync.Once   // by group: its rendering was made (renderGroup)
	ready  chan struct{} // closed when Start's rendering has ended
	ok     bool          // whether it rendered every group (ctx was not cancelled)
	outs   []*Out        // by job: its group's rendering, or (rarely) its own
	fixed  []*Rendered   // by job, in a Set made by Map: what Get returns
	links  *linkCheck

	md      *markdown.Renderer
	res     func(m, file string) (url string, ok, varies bool)
	content *load.Content
	base    string
	opts    string // Key.opts
	memo    *cache.Table[Key, *Out]
	workers int
	minify  func(string) string
	media   *media.Library
	lang    string // the site's main language
}

type job struct {
	body  *model.Body
	m     string // the municipality whose page it is, or ""
	url   string // the page's URL
	group int    // its group in Set.groups
}

// Key is what a body's rendering depends on besides the site's pages
// (which Out records as the answers its links got): its files' content,
// and, for a body rendered for one page alone, that page.
type Key struct {
	opts   string // how bodies are rendered: the base path, whether raw HTML is let through, the media, the heading classes
	m, url string
	n      int
	files  [2]string
	sums   [2][sha256.Size]byte
}

// Out is what rendering a body made, as a Builder's cache keeps it: for
// every page that shows the body, or for one.
type Out struct {
	Rendered // with placeholders where the links of a mixed rendering lead
	links    []markdown.Link
	diags    []diag.Diagnostic
	calls    []resolved // what the links asked of the site, in order
	files    []string   // the content files, from which broken links got suggestions
	mixed    bool       // made for the pages of several municipalities (shared.go)
	varies   []bool     // mixed: by link, whether it leads to each municipality's own page
	slots    []slot     // mixed: the placeholders' targets, by number
	spans    []span     // mixed: where the placeholders stand in HTML, in order

	digestOnce sync.Once
	digest     [sha256.Size]byte // of Rendered (digestOf)
}

// resolved is one answer of the resolver to a rendering.
type resolved struct {
	file, url string
	ok        bool
	deferred  bool // the URL depends on the page: a placeholder was written
}

// Options say how to render.
type Options struct {
	BasePath string // the base URL's path, "/" or "/org/site/"
	Workers  int    // <= 0 is GOMAXPROCS
	// Memo is a Builder's table of renderings (nil for none): a body made
	// of files with the same content, whose links resolve as they did, is
	// taken from it.
	Memo *cache.Table[Key, *Out]
	// Minify, when not nil, makes each rendering's HTML smaller (once
	// per rendering, before links are filled in); render.MinifyHTML is
	// the site's.
	Minify func(string) string
	// Media are the site's images and attachments, which links in
	// Markdown may lead to (nil: none). A rendering is kept while every
	// media file is the same (Key's opts hold the library's digest).
	Media *media.Library
	// HeadingClasses are the classes the theme lets a heading have
	// (markdown.Options.HeadingClasses).
	HeadingClasses []string
}

// Render renders every Markdown body of site, made of the content files
// in content, on all cores: each body once, however many pages show it.
// It returns nil only when ctx was cancelled.
func Render(ctx context.Context, site *model.Site, content *load.Content, opt Options) *Set {
	s := Start(ctx, site, content, opt)
	if !s.Wait() {
		return nil
	}
	return s
}

// Start is Render on goroutines of its own: it returns at once a Set
// whose bodies are rendered on all cores in the background; Wait waits
// for them (and their anchors). Get, Digest, TOC and Origins may be
// called before: a body not rendered yet is rendered then, once (the
// pages of a server that answers while the site builds). Nothing else of
// the Set may be used before Wait has returned true.
func Start(ctx context.Context, site *model.Site, content *load.Content, opt Options) *Set {
	var jobs []job
	for _, g := range site.Guides {
		jobs = append(jobs, job{body: &g.Body, url: model.GuideURL(g.Slug)})
		if g.Easy != nil {
			jobs = append(jobs, job{body: &g.Easy.Body, url: model.EasyURL(g.Slug)})
		}
	}
	for _, v := range site.Versions {
		jobs = append(jobs, job{body: &v.Body, m: v.Municipality.Slug, url: v.URL()})
	}
	for _, e := range site.EServices {
		jobs = append(jobs, job{body: &e.Body, url: model.EServiceURL(e.Slug)})
	}
	for _, o := range site.Offers {
		jobs = append(jobs, job{body: &o.Body, m: o.Municipality.Slug, url: model.OfferURL(o.Municipality.Slug, o.EService.Slug)})
	}
	for _, p := range site.Pages {
		jobs = append(jobs, job{body: &p.Body, url: model.PageURL(p.Slug)})
	}
	for _, m := range site.Municipalities {
		jobs = append(jobs, job{body: &m.Intro, m: m.Slug, url: model.MunicipalityURL(m.Slug)})
	}
	// Translations: their pages' "municipality" is "<lang>:<m>", which
	// their links resolve in (resolver).
	for _, g := range site.Guides {
		for _, lang := range slices.Sorted(maps.Keys(g.Translations)) {
			jobs = append(jobs, job{body: &g.Translations[lang].Body, m: lang + ":", url: model.LangURL(lang, model.GuideURL(g.Slug))})
		}
	}
	for _, m := range site.Municipalities {
		for _, lang := range slices.Sorted(maps.Keys(m.Translations)) {
			jobs = append(jobs, job{body: &m.Translations[lang].Body, m: lang + ":" + m.Slug, url: model.LangURL(lang, model.MunicipalityURL(m.Slug))})
		}
	}
	for _, v := range site.Versions {
		for _, lang := range slices.Sorted(maps.Keys(v.Translations)) {
			jobs = append(jobs, job{body: &v.Translations[lang].Body, m: lang + ":" + v.Municipality.Slug, url: model.LangURL(lang, v.URL())})
		}
	}
	s := &Set{
		jobs:    jobs,
		byBody:  make(map[*model.Body]int, len(jobs)),
		using:   map[string][]int{},
		outs:    make([]*Out, len(jobs)),
		links:   &linkCheck{byURL: make(map[string]int, len(jobs)), anchors: make([]map[string]bool, len(jobs))},
		md:      markdown.New(markdown.Options{RawHTML: site.Config.RawHTML, HeadingClasses: opt.HeadingClasses}),
		res:     resolver(site),
		content: content,
		base:    opt.BasePath,
		opts:    fmt.Sprintf("%s\x00%v\x00%s\x00%s", opt.BasePath, site.Config.RawHTML, opt.Media.Digest(), strings.Join(opt.HeadingClasses, " ")),
		memo:    opt.Memo,
		workers: opt.Workers,
		minify:  opt.Minify,
		media:   opt.Media,
		lang:    "sv",
	}
	if len(site.Config.Languages) > 0 {
		s.lang = site.Config.Languages[0]
	}
	for i, j := range jobs {
		s.byBody[j.body] = i
		s.links.byURL[j.url] = i
	}
	s.group()
	s.made = make([]sync.Once, len(s.groups))
	s.ready = make(chan struct{})
	go func() {
		defer close(s.ready)
		idx := make([]int, len(s.groups))
		for g := range idx {
			idx[g] = g
		}
		if s.ok = s.render(ctx, idx); s.ok {
			s.links.anchorsOf(s, s.jobsOf(idx))
		}
	}()
	return s
}

// Wait waits until every body of a Set from Start is rendered; false when
// ctx was cancelled before (the Set must then not be used but for Get,
// Digest, TOC and Origins).
func (s *Set) Wait() bool {
	<-s.ready
	return s.ok
}

// ensure renders the group of job i unless it is rendered.
func (s *Set) ensure(i int) {
	g := s.jobs[i].group
	s.made[g].Do(func() { s.renderGroup(g) })
}

// Get is the rendering of body b, a body of the site's model; nil for a
// body the Set does not know (and from a nil Set). A body shared by pages
// whose links lead to different pages gets its links filled in here, anew
// at each call.
func (s *Set) Get(b *model.Body) *Rendered {
	if s == nil {
		return nil
	}
	i, ok := s.byBody[b]
	if !ok {
		return nil
	}
	if s.fixed != nil {
		return s.fixed[i]
	}
	s.ensure(i)
	o := s.outs[i]
	if len(o.spans) == 0 {
		return &o.Rendered
	}
	return &Rendered{HTML: s.fill(o, s.jobs[i].m), Headings: o.Headings, Origins: o.Origins}
}

// Digest is a hash of what Get returns for b, the same in every process
// for the same rendering, made without filling in b's links: the hash of
// the rendering that b shares with other pages (made once), and of the
// destinations of its links on b's page. Two bodies with the same digest
// have the same rendering; the converse need not hold. ok is false for a
// body the Set does not know.
func (s *Set) Digest(b *model.Body) (sum uint64, ok bool) {
	if s == nil {
		return 0, false
	}
	i, ok := s.byBody[b]
	if !ok {
		return 0, false
	}
	if s.fixed != nil {
		d := digestOf(s.fixed[i])
		return binary.LittleEndian.Uint64(d[:]), true
	}
	s.ensure(i)
	o := s.outs[i]
	digest := o.digestOf()
	if len(o.spans) == 0 {
		return binary.LittleEndian.Uint64(digest[:]), true
	}
	h := sha256.New()
	h.Write(digest[:])
	m := s.jobs[i].m
	for _, sl := range o.slots {
		// fill writes s.md.Href(s.base, u, sl.fragment), of which the
		// base is the Set's: u and the fragment tell it.
		u, _, _ := s.res(m, sl.file)
		writeString(h, u)
		writeString(h, sl.fragment)
	}
	var d [sha256.Size]byte
	return binary.LittleEndian.Uint64(h.Sum(d[:0])), true
}

// digestOf hashes a rendering: its HTML, headings and origins.
// digestOf is digestOf(&o.Rendered), made once.
func (o *Out) digestOf() [sha256.Size]byte {
	o.digestOnce.Do(func() { o.digest = digestOf(&o.Rendered) })
	return o.digest
}

func digestOf(r *Rendered) [sha256.Size]byte {
	h := sha256.New()
	writeString(h, r.HTML)
	var buf [binary.MaxVarintLen64]byte
	num := func(n int) { h.Write(binary.AppendUvarint(buf[:0], uint64(n))) }
	num(len(r.Headings))
	for _, x := range r.Headings {
		num(x.Level)
		writeString(h, x.ID)
		writeString(h, x.Text)
	}
	num(len(r.Origins))
	for _, o := range r.Origins {
		writeString(h, o.File)
		num(o.Line)
	}
	var d [sha256.Size]byte
	h.Sum(d[:0])
	return d
}

// writeString writes s and its length to h.
func writeString(h hash.Hash, s string) {
	var buf [binary.MaxVarintLen64]byte
	h.Write(binary.AppendUvarint(buf[:0], uint64(len(s))))
	io.WriteString(h, s)
}

// TOC is the level-2 headings of body b, as Get's TOC, without filling in
// its links; nil for a body the Set does not know.
func (s *Set) TOC(b *model.Body) []model.Heading {
	if r := s.lite(b); r != nil {
		return r.TOC()
	}
	return nil
}

// Origins are where the sections of body b come from, as Get's, without
// filling in its links; nil for a body the Set does not know.
func (s *Set) Origins(b *model.Body) []Origin {
	if r := s.lite(b); r != nil {
		return r.Origins
	}
	return nil
}

// lite is the rendering of body b with its links not filled in: its HTML
// must not be read.
func (s *Set) lite(b *model.Body) *Rendered {
	if s == nil {
		return nil
	}
	i, ok := s.byBody[b]
	switch {
	case !ok:
		return nil
	case s.fixed != nil:
		return s.fixed[i]
	}
	s.ensure(i)
	return &s.outs[i].Rendered
}

// Diags are what rendering the bodies and checking their links found: a
// rendering's once, however many pages show it.
func (s *Set) Diags() []diag.Diagnostic {
	var out []diag.Diagnostic
	for i, o := range s.outs {
		if first := s.groups[s.jobs[i].group].jobs[0]; i != first && o == s.outs[first] {
			continue // the same rendering as the group's first page
		}
		out = append(out, o.diags...)
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
	var gs []int
	for _, p := range changed {
		gs = append(gs, s.using[p]...)
	}
	slices.Sort(gs)
	gs = slices.Compact(gs)
	for _, g := range gs {
		s.made[g] = sync.Once{} // to be rendered again
	}
	if !s.render(ctx, gs) {
		return nil, false
	}
	idx := s.jobsOf(gs)
	moved := s.links.anchorsOf(s, idx)
	s.links.recheck(s, idx, moved)
	bodies := make([]*model.Body, len(idx))
	for k, i := range idx {
		bodies[k] = s.jobs[i].body
	}
	return bodies, true
}

// key is what a rendering of body for the pages of m (the page at url, or
// "" for every page of its group) depends on; ok is false when that is
// not known (no cache, or a body of more than two files).
func (s *Set) key(body *model.Body, m, url string) (k Key, ok bool) {
	if s.memo == nil || len(body.Sources) == 0 || len(body.Sources) > len(k.sums) {
		return k, false
	}
	k.opts, k.m, k.url, k.n = s.opts, m, url, len(body.Sources)
	for n, f := range body.Sources {
		p := s.content.ByPath[f]
		if p == nil {
			return k, false
		}
		k.files[n], k.sums[n] = f, p.Sum
	}
	return k, true
}

// answer is what the resolver tells a rendering for the pages of m about
// a link to file; in a mixed rendering, a URL that depends on the page is
// deferred (m is then "").
func (s *Set) answer(m, file string, mixed bool) resolved {
	u, ok, varies := s.res(m, file)
	return resolved{file: file, url: u, ok: ok, deferred: mixed && ok && varies}
}

// still tells whether a kept rendering holds: every link resolves as it
// did, and no suggestion for a broken one can have changed.
func (s *Set) still(out *Out, m string, mixed bool) bool {
	if out.mixed != mixed {
		return false
	}
	broken := false
	for _, c := range out.calls {
		if s.answer(m, c.file, mixed) != c {
			return false
		}
		broken = broken || !c.ok
	}
	return !broken || slices.Equal(s.content.Paths, out.files)
}

// render renders the bodies of the groups gs in parallel, or takes them
// from the memo; it reports false when ctx was cancelled.
func (s *Set) render(ctx context.Context, gs []int) bool {
	return par.DoCtx(ctx, len(gs), s.workers, func(k int) {
		g := gs[k]
		s.made[g].Do(func() { s.renderGroup(g) })
	})
}

// rendering renders body for the pages of m (mixed: of several
// municipalities, with m ""), or takes it from the memo under its key,
// the page at url's or (url "") its group's. It returns false when a
// mixed rendering cannot have placeholders (shared.go).
func (s *Set) rendering(body *model.Body, m, url string, mixed bool) (*Out, Key, bool) {
	key, keep := s.key(body, m, url)
	var out *Out
	if keep {
		out, _ = s.memo.Get(key)
	}
	if out != nil && s.still(out, m, mixed) {
		s.memo.Hit()
		return out, key, true
	}
	out = s.renderOne(body, m, mixed)
	s.memo.Miss()
	if mixed && !out.place() {
		return nil, Key{}, false
	}
	if keep {
		s.memo.Put(key, out)
	}
	return out, key, true
}

// renderOne renders body for the pages of m; mixed, for the pages of
// several municipalities, with placeholders for the links that lead to
// each municipality's own page.
func (s *Set) renderOne(body *model.Body, m string, mixed bool) *Out {
	out := &Out{files: s.content.Paths, mixed: mixed}
	secs := s.content.Sections(body.Sources)
	l := &diag.List{}
	if n := len(body.Sources); n > 1 {
		// An adaptation: a section meant to replace a shared one whose
		// heading is a little off would be added beside it.
		last := body.Sources[n-1]
		if f := s.content.ByPath[last]; f != nil {
			markdown.CheckAdaptation(s.content.Sections(body.Sources[:n-1]), f.Sections, body.Sources[n-2], l)
		}
	}
	env := markdown.Env{
		Resolve: func(file string) (string, bool) {
			a := s.answer(m, file, mixed)
			out.calls = append(out.calls, a)
			return a.url, a.ok
		},
		Files:    s.content.Paths,
		BasePath: s.base,
		Easy:     len(body.Sources) == 1 && strings.HasSuffix(body.Sources[0], load.EasySuffix),
		Lang:     s.lang,
	}
	if len(body.Sources) > 0 {
		if lang := load.LangOf(body.Sources[0]); lang != "" {
			env.Lang = lang
		}
	}
	if s.media != nil {
		env.Media, env.MediaFiles = s.media.Get, s.media.Paths()
	}
	if mixed {
		env.Defer = func(file, fragment string) string {
			if !s.answer(m, file, mixed).deferred {
				return ""
			}
			return out.placeholder(file, fragment)
		}
	}
	r := s.md.Render(secs, env, l)
	out.HTML, out.Headings, out.links, out.diags = r.HTML, r.Headings, r.Links, l.Items()
	if s.minify != nil {
		out.HTML = s.minify(out.HTML)
	}
	for k, ln := range out.links {
		if mixed && ln.File != "" && s.answer(m, ln.File, mixed).deferred {
			if out.varies == nil {
				out.varies = make([]bool, len(out.links))
			}
			out.varies[k] = true
		}
	}
	out.Origins = make([]Origin, len(secs))
	for i, sec := range secs {
		out.Origins[i] = Origin{sec.File, sec.Line}
	}
	return out
}

// anchorsOf notes the heading IDs of the pages of the jobs idx and
// returns the URLs of the pages whose IDs changed. Pages that show the
// same rendering share one set of IDs.
func (lc *linkCheck) anchorsOf(s *Set, idx []int) (moved map[string]bool) {
	moved = map[string]bool{}
	made := map[*Out]map[string]bool{}
	for _, i := range idx {
		j := s.jobs[i]
		ids, ok := made[s.outs[i]]
		if !ok {
			ids = map[string]bool{}
			for _, h := range s.outs[i].Headings {
				ids[h.ID] = true
			}
			made[s.outs[i]] = ids
		}
		if old := lc.anchors[i]; old == nil || !maps.Equal(old, ids) {
			moved[j.url] = true
		}
		lc.anchors[i] = ids
	}
	return moved
}

// resolver maps a content file to the URL of its page, as seen from the
// pages of municipality m ("" for the collaboration's pages). Whether it
// resolves does not depend on m; varies tells whether the URL may (a
// shared guide or e-service, which leads to m's own version or offer).
func resolver(site *model.Site) func(m, file string) (url string, ok, varies bool) {
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
	munis := map[string]bool{}
	for _, m := range site.Municipalities {
		munis[m.Slug] = true
	}
	// The pages that have a translation, by language: a translation's
	// links lead to them.
	translated := map[string]map[string]bool{}
	mark := func(lang, url string) {
		if translated[lang] == nil {
			translated[lang] = map[string]bool{}
		}
		translated[lang][url] = true
	}
	for _, g := range site.Guides {
		for lang := range g.Translations {
			mark(lang, model.GuideURL(g.Slug))
		}
	}
	for _, v := range site.Versions {
		for lang := range v.Translations {
			mark(lang, v.URL())
		}
	}
	var swedish func(m, file string) (string, bool, bool)
	resolve := func(m, file string) (string, bool, bool) {
		lang, muni, ok := strings.Cut(m, ":")
		if !ok {
			return swedish(m, file)
		}
		if LangOf := load.LangOf(file); LangOf != "" {
			// A link to the translation's file itself ("bygglov.en.md").
			file = strings.TrimSuffix(file, "."+LangOf+".md") + ".md"
		}
		u, found, varies := swedish(muni, file)
		if found && translated[lang][u] {
			u = model.LangURL(lang, u)
		}
		return u, found, varies
	}
	swedish = func(m, file string) (string, bool, bool) {
		kind, fm, slug := load.Classify(file)
		switch kind {
		case load.Guide:
			if !shared[slug] {
				return "", false, false
			}
			if u := model.VersionURL(m, slug); m != "" && versions[u] {
				return u, true, true
			}
			return model.GuideURL(slug), true, true
		case load.MunicipalityGuide:
			u := model.VersionURL(fm, slug)
			return u, versions[u], false
		case load.Municipality:
			return model.MunicipalityURL(slug), munis[slug], false
		case load.EService:
			if !eservices[slug] {
				return "", false, false
			}
			if u := model.OfferURL(m, slug); m != "" && offers[u] {
				return u, true, true
			}
			return model.EServiceURL(slug), true, true
		case load.EServiceAdaptation:
			u := model.OfferURL(fm, slug)
			return u, offers[u], false
		case load.Page:
			return model.PageURL(slug), pages[slug], false
		}
		return "", false, false
	}
	// Answers are kept: the bodies link the same files many times, and
	// Digest asks again for every link of every body at every build.
	type question struct{ m, file string }
	type answer struct {
		url        string
		ok, varies bool
	}
	var answers sync.Map // question → answer
	return func(m, file string) (string, bool, bool) {
		if a, ok := answers.Load(question{m, file}); ok {
			a := a.(answer)
			return a.url, a.ok, a.varies
		}
		u, ok, varies := resolve(m, file)
		answers.Store(question{m, file}, answer{u, ok, varies})
		return u, ok, varies
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
	n.fixed = make([]*Rendered, len(s.jobs))
	n.links = s.links.clone()
	for i, j := range s.jobs {
		r := f(i, *s.Get(j.body))
		n.fixed[i] = &r
	}
	return &n
}
