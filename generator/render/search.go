package render

import (
	"context"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/esamverkan/guidemap/generator/internal/par"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/output"
	"github.com/esamverkan/guidemap/generator/search"
)

// SearchDir is the folder of the search index: Swedish in it, another
// language in a folder of its code ("sok/index/en/"); the search page's
// script reads the folder's "index.json" first.
const SearchDir = "sok/index/"

// searchDir is the index folder of lang.
func searchDir(lang string) string {
	if lang == "sv" {
		return SearchDir
	}
	return SearchDir + lang + "/"
}

// searchIndex makes the search index of the site's Swedish pages: one
// document a guide (with its municipalities' versions and their own
// sections), an e-service (with its offers), a place, a page and a
// municipality. A document made of bodies is taken as the last build
// analysed it (r.opt.Terms) when its key is the same (docKey).
func (r *renderer) searchIndex(ctx context.Context) ([]output.File, error) {
	var old *search.TermsReader
	if r.opt.Terms != nil {
		if data := r.opt.Terms.Terms(); data != nil {
			old, _ = search.ParseTerms(data) // a damaged encoding is as none
		}
	}
	next := search.NewTermsWriter()
	r.analysed = 0
	out, same, err := r.searchIndexIn(ctx, "sv", old, next)
	if err != nil {
		return nil, err
	}
	for _, lang := range r.langHomes() {
		files, s, err := r.searchIndexIn(ctx, lang, old, next)
		if err != nil {
			return nil, err
		}
		out = append(out, files...)
		same = same && s
	}
	if r.opt.Terms != nil && !(same && next.Len() == old.Len()) {
		r.opt.Terms.SaveTerms(next.Bytes())
	}
	return out, nil
}

// searchIndexIn makes the index of one language: in Swedish, of the
// whole site; in another, of its translated guides. It takes the
// documents made of bodies from old when their keys are there, and adds
// them all to next; same tells that every one was in old.
func (r *renderer) searchIndexIn(ctx context.Context, lang string, old *search.TermsReader, next *search.TermsWriter) (_ []output.File, same bool, _ error) {
	s := r.site
	ix := search.New(lang)
	cancelled := false
	same = true
	d := r.docMaker(lang)
	dk := d
	dk.keyed = true
	// The documents are made and analysed on all cores, a batch at a
	// time (a big site's analysed text is not all in memory at once), and
	// kept in order. Each is first made with its bodies' digests in the
	// place of their sections (dk), which is cheap: what has no body is
	// analysed as it is, and what has one is looked up by its key and
	// made again with its text only when the key is new.
	var batch []func(docMaker) search.Doc
	var terms []search.Terms
	var keys []uint64
	flush := func() {
		terms, keys = slices.Grow(terms[:0], len(batch))[:len(batch)], slices.Grow(keys[:0], len(batch))[:len(batch)]
		miss := make([]bool, len(batch))
		if cancelled || !par.DoCtx(ctx, len(batch), r.opt.Workers, func(i int) {
			keys[i] = 0
			kd := batch[i](dk)
			if !hasBodies(kd) {
				terms[i] = ix.Analyse(kd)
				return
			}
			keys[i] = r.docKey(lang, kd)
			if t, ok := old.Get(keys[i]); ok {
				terms[i] = t
				return
			}
			miss[i] = true
			terms[i] = ix.Analyse(batch[i](d))
		}) {
			cancelled = true
			batch = batch[:0]
			return
		}
		for i, t := range terms {
			ix.Put(t)
			if keys[i] != 0 {
				next.Add(keys[i], t)
				same = same && !miss[i]
				if miss[i] {
					r.analysed++
				}
			}
			terms[i] = search.Terms{} // its text is let go
		}
		batch = batch[:0]
	}
	add := func(make func(docMaker) search.Doc) {
		if batch = append(batch, make); len(batch) == 1024 {
			flush()
		}
	}
	pcat := map[string]string{} // a point's kind in lang
	for _, c := range s.Config.PointCategories {
		pcat[c.Slug] = pointCategoryName(lang, c)
	}
	if lang != "sv" {
		for _, g := range s.Guides {
			if g.Translations[lang] != nil {
				add(func(d docMaker) search.Doc { return d.translatedGuide(g) })
			}
		}
		for _, g := range s.LocalGuides {
			if v := r.ix.localVersion[g]; v != nil && v.Translations[lang] != nil {
				t := v.Translations[lang]
				add(func(d docMaker) search.Doc {
					return search.Doc{Kind: search.Guide, Title: t.Title, Summary: t.Summary, URL: d.url(model.LangURL(lang, v.URL())),
						Municipality: g.Owner, Keywords: []string{d.cat[g.Category]}, Sections: d.sections(&t.Body)}
				})
			}
		}
		// Every municipality has a page in the language, its intro
		// translated or not.
		for _, m := range s.Municipalities {
			add(func(d docMaker) search.Doc {
				doc := search.Doc{Kind: search.Page, Title: m.Name, URL: d.url(model.LangURL(lang, model.MunicipalityURL(m.Slug))), Municipality: m.Slug}
				if t := m.Translations[lang]; t != nil {
					doc.Summary, doc.Sections = t.Summary, d.sections(&t.Body)
				}
				return doc
			})
		}
		if lang == "en" && s.Config.Accessibility.Status != "" {
			add(func(d docMaker) search.Doc {
				return search.Doc{Kind: search.Page, Title: r.strIn(lang, "a11y.title"), Summary: r.strIn(lang, "a11y.description"), URL: d.url(model.AccessibilityURL(lang))}
			})
		}
		if slices.Contains(r.uiLangs(), lang) {
			d.lifeDocs(add)
		}
		// The point pages exist in the languages whose UI strings the
		// theme has: a place is found by its name, its kind in the
		// language, its address and town (its description is Swedish).
		if slices.Contains(r.uiLangs(), lang) && len(s.Boundaries) > 0 {
			for i := range s.Points {
				p := &s.Points[i]
				add(func(d docMaker) search.Doc {
					return search.Doc{Kind: search.Place, Title: p.Name, URL: d.url(model.LangURL(lang, model.PointURL(p.Municipality, p.Slug))),
						Municipality: p.Municipality, Keywords: []string{pcat[p.Category], p.Address, p.City}}
				})
			}
		}
		files, err := d.files(ctx, ix, flush, &cancelled)
		return files, same, err
	}
	for _, g := range s.Guides {
		add(func(d docMaker) search.Doc { return d.guide(g) })
	}
	for _, g := range s.LocalGuides {
		// The text is its version's (the bodies stage renders that one).
		v := r.ix.localVersion[g]
		add(func(d docMaker) search.Doc {
			doc := search.Doc{Kind: search.Guide, Title: g.Title, Summary: g.Summary, URL: d.url(model.VersionURL(g.Owner, g.Slug)),
				Municipality: g.Owner, Keywords: []string{d.cat[g.Category]}}
			if v != nil {
				doc.Sections = d.sections(&v.Body)
			}
			return doc
		})
	}
	for _, e := range s.EServices {
		add(func(d docMaker) search.Doc { return d.eservice(e) })
	}
	for _, p := range s.Pages {
		add(func(d docMaker) search.Doc {
			return search.Doc{Kind: search.Page, Title: p.Title, Summary: p.Summary, URL: d.url(model.PageURL(p.Slug)), Sections: d.sections(&p.Body)}
		})
	}
	d.lifeDocs(add)
	for _, m := range s.Municipalities {
		add(func(d docMaker) search.Doc {
			return search.Doc{Kind: search.Page, Title: m.Name, Summary: m.Summary, URL: d.url(model.MunicipalityURL(m.Slug)),
				Municipality: m.Slug, Sections: d.sections(&m.Intro)}
		})
	}
	if s.Config.Accessibility.Status != "" {
		add(func(d docMaker) search.Doc {
			return search.Doc{Kind: search.Page, Title: r.str("a11y.title"), Summary: r.str("a11y.description"), URL: d.url(model.AccessibilityURL("sv"))}
		})
	}
	for i := range s.Points {
		p := &s.Points[i]
		add(func(d docMaker) search.Doc {
			return search.Doc{Kind: search.Place, Title: p.Name, Summary: p.Description, URL: d.url(model.PointURL(p.Municipality, p.Slug)),
				Municipality: p.Municipality, Keywords: []string{pcat[p.Category], p.Address, p.City}}
		})
	}
	files, err := d.files(ctx, ix, flush, &cancelled)
	return files, same, err
}

// files ends an index: the last batch, then its files.
func (d docMaker) files(ctx context.Context, ix *search.Index, flush func(), cancelled *bool) ([]output.File, error) {
	flush()
	if *cancelled {
		return nil, ctx.Err()
	}
	s := d.r.site
	var munis []search.Municipality
	for _, m := range s.Municipalities {
		munis = append(munis, search.Municipality{Slug: m.Slug, Name: m.Name})
	}
	var synonyms map[string][]string
	if d.lang == "sv" {
		synonyms = s.Config.Search.Synonyms // Swedish words for Swedish text
	}
	_, files := ix.Files(search.Options{Dir: searchDir(d.lang), Municipalities: munis, Synonyms: synonyms})
	out := make([]output.File, len(files))
	for i, f := range files {
		out[i] = output.File{Path: f.Path, Data: f.Data}
	}
	return out, nil
}

// searchDocs is the number of documents the search index has.
func (r *renderer) searchDocs() int {
	s := r.site
	return len(s.Guides) + len(s.LocalGuides) + len(s.EServices) + len(s.Pages) + len(s.Municipalities) + 1 + len(s.Points) + len(s.Config.LifeEvents) + 1
}

// docMaker makes the search documents of the site's guides and e-services.
type docMaker struct {
	r    *renderer
	base string            // the base path without its last slash
	cat  map[string]string // category slug → its name in lang
	lang string
	// keyed makes documents whose sections are their bodies' digests
	// (bodyAnchor), to be looked up by their keys.
	keyed bool
}

// docMaker is the maker of lang's documents.
func (r *renderer) docMaker(lang string) docMaker {
	d := docMaker{r: r, base: strings.TrimSuffix(r.opt.BasePath, "/"), cat: map[string]string{}, lang: lang}
	for _, c := range r.site.Config.Categories {
		d.cat[c.Slug] = categoryName(lang, c)
	}
	return d
}

// bodyAnchor marks a section that stands for a body's text in a keyed
// document: its heading is the body's digest. No anchor of an HTML id
// has it.
const bodyAnchor = "\x00body"

// hasBodies tells whether a keyed document has a body's text.
func hasBodies(d search.Doc) bool {
	return slices.ContainsFunc(d.Sections, func(s search.Section) bool { return s.Anchor == bodyAnchor })
}

// docKey is the key of a keyed document of lang, under which the last
// build kept it analysed. A keyed document tells all its document is
// made of: the fields as they are, the digests of the bodies whose
// sections it has (a function of their HTML: bodies.Set.Digest) and the
// municipalities of the versions' own ones. The language's analysis is
// the program's, which the kept terms' stamp names (kept.go).
func (r *renderer) docKey(lang string, d search.Doc) uint64 {
	h := r.fp.hasher()
	h.str("search document")
	h.str(lang)
	h.value(reflect.ValueOf(d))
	return h.sum()
}

func (d docMaker) url(u string) string { return d.base + u }

// sections are a body's sections as text; in a keyed document, one that
// stands for them all, with the body's digest.
func (d docMaker) sections(b *model.Body) []search.Section {
	if d.keyed {
		if sum, ok := d.r.bodies.Digest(b); ok {
			return []search.Section{{Anchor: bodyAnchor, Heading: strconv.FormatUint(sum, 16)}}
		}
		return nil
	}
	if rb := d.r.bodies.Get(b); rb != nil {
		return search.Sections(rb.HTML)
	}
	return nil
}

// guide is a shared guide with its versions; the sections an adaptation
// has of its own are searched too, and lead to that municipality's version.
func (d docMaker) guide(g *model.Guide) search.Doc {
	doc := search.Doc{Kind: search.Guide, Title: g.Title, Summary: g.Summary, URL: d.url(model.GuideURL(g.Slug)),
		Keywords: []string{d.cat[g.Category]}, Sections: d.sections(&g.Body)}
	d.versions(&doc, g, func(v *model.Version) (string, *model.Body, bool) {
		return v.URL(), &v.Body, v.Adapted
	})
	return doc
}

// translatedGuide is a shared guide in d.lang, with its versions in
// that language and the sections a municipality's translation has of its
// own.
func (d docMaker) translatedGuide(g *model.Guide) search.Doc {
	t := g.Translations[d.lang]
	doc := search.Doc{Kind: search.Guide, Title: t.Title, Summary: t.Summary, URL: d.url(model.LangURL(d.lang, model.GuideURL(g.Slug))),
		Keywords: []string{d.cat[g.Category]}, Sections: d.sections(&t.Body)}
	d.versions(&doc, g, func(v *model.Version) (string, *model.Body, bool) {
		vt := v.Translations[d.lang]
		if vt == nil {
			return "", nil, false
		}
		return model.LangURL(d.lang, v.URL()), &vt.Body, len(vt.Body.Sources) > 1 // more than the shared translation
	})
	return doc
}

// versions adds to doc the guide's versions that of gives a URL, and the
// sections of those with a body of their own (own) that the shared one
// does not have, as the municipality's.
func (d docMaker) versions(doc *search.Doc, g *model.Guide, of func(*model.Version) (url string, body *model.Body, own bool)) {
	shared := map[search.Section]bool{}
	for _, sec := range doc.Sections {
		shared[sec] = true
	}
	for _, v := range d.r.ix.versionsByGuide[g.Slug] {
		url, body, own := of(v)
		if url == "" {
			continue
		}
		doc.Versions = append(doc.Versions, search.Version{Municipality: v.Municipality.Slug, URL: d.url(url)})
		if !own {
			continue
		}
		for _, sec := range d.sections(body) {
			if !shared[sec] {
				sec.Municipality = v.Municipality.Slug
				doc.Sections = append(doc.Sections, sec)
			}
		}
	}
}

// eservice is an e-service with its offering municipalities' pages.
func (d docMaker) eservice(e *model.EService) search.Doc {
	doc := search.Doc{Kind: search.EService, Title: e.Title, Summary: e.Summary, URL: d.url(model.EServiceURL(e.Slug)),
		Keywords: []string{d.cat[e.Category]}, Sections: d.sections(&e.Body)}
	for _, o := range d.r.ix.offersByService[e.Slug] {
		doc.Versions = append(doc.Versions, search.Version{Municipality: o.Municipality.Slug, URL: d.url(model.OfferURL(o.Municipality.Slug, e.Slug))})
	}
	return doc
}
