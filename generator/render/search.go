package render

import (
	"context"
	"slices"
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
// municipality.
func (r *renderer) searchIndex(ctx context.Context) ([]output.File, error) {
	out, err := r.searchIndexIn(ctx, "sv")
	if err != nil {
		return nil, err
	}
	for _, lang := range r.langHomes() {
		files, err := r.searchIndexIn(ctx, lang)
		if err != nil {
			return nil, err
		}
		out = append(out, files...)
	}
	return out, nil
}

// searchIndexIn makes the index of one language: in Swedish, of the
// whole site; in another, of its translated guides.
func (r *renderer) searchIndexIn(ctx context.Context, lang string) ([]output.File, error) {
	s := r.site
	ix := search.New(lang)
	cancelled := false
	// The documents are made and analysed on all cores, a batch at a
	// time (a big site's analysed text is not all in memory at once), and
	// kept in order.
	var batch []func() search.Doc
	flush := func() {
		terms := make([]search.Terms, len(batch))
		if cancelled || !par.DoCtx(ctx, len(batch), r.opt.Workers, func(i int) { terms[i] = ix.Analyse(batch[i]()) }) {
			cancelled = true
			batch = batch[:0]
			return
		}
		for _, t := range terms {
			ix.Put(t)
		}
		batch = batch[:0]
	}
	add := func(make func() search.Doc) {
		if batch = append(batch, make); len(batch) == 1024 {
			flush()
		}
	}
	d := docMaker{r: r, base: strings.TrimSuffix(r.opt.BasePath, "/"), cat: map[string]string{}, lang: lang}
	for _, c := range s.Config.Categories {
		d.cat[c.Slug] = categoryName(lang, c)
	}
	pcat := map[string]string{} // a point's kind in lang
	for _, c := range s.Config.PointCategories {
		pcat[c.Slug] = pointCategoryName(lang, c)
	}
	if lang != "sv" {
		for _, g := range s.Guides {
			if g.Translations[lang] != nil {
				add(func() search.Doc { return d.translatedGuide(g) })
			}
		}
		for _, g := range s.LocalGuides {
			for _, v := range r.ix.versionsByGuide[g.Slug] {
				if t := v.Translations[lang]; t != nil && v.Local && v.Guide == g {
					add(func() search.Doc {
						return search.Doc{Kind: search.Guide, Title: t.Title, Summary: t.Summary, URL: d.url(model.LangURL(lang, v.URL())),
							Municipality: g.Owner, Keywords: []string{d.cat[g.Category]}, Sections: d.sections(&t.Body)}
					})
				}
			}
		}
		// Every municipality has a page in the language, its intro
		// translated or not.
		for _, m := range s.Municipalities {
			add(func() search.Doc {
				doc := search.Doc{Kind: search.Page, Title: m.Name, URL: d.url(model.LangURL(lang, model.MunicipalityURL(m.Slug))), Municipality: m.Slug}
				if t := m.Translations[lang]; t != nil {
					doc.Summary, doc.Sections = t.Summary, d.sections(&t.Body)
				}
				return doc
			})
		}
		if lang == "en" && s.Config.Accessibility.Status != "" {
			add(func() search.Doc {
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
				add(func() search.Doc {
					return search.Doc{Kind: search.Place, Title: p.Name, URL: d.url(model.LangURL(lang, model.PointURL(p.Municipality, p.Slug))),
						Municipality: p.Municipality, Keywords: []string{pcat[p.Category], p.Address, p.City}}
				})
			}
		}
		return d.files(ctx, ix, flush, &cancelled)
	}
	for _, g := range s.Guides {
		add(func() search.Doc { return d.guide(g) })
	}
	for _, g := range s.LocalGuides {
		add(func() search.Doc {
			return search.Doc{Kind: search.Guide, Title: g.Title, Summary: g.Summary, URL: d.url(model.VersionURL(g.Owner, g.Slug)),
				Municipality: g.Owner, Keywords: []string{d.cat[g.Category]}, Sections: d.sections(&g.Body)}
		})
	}
	for _, e := range s.EServices {
		add(func() search.Doc { return d.eservice(e) })
	}
	for _, p := range s.Pages {
		add(func() search.Doc {
			return search.Doc{Kind: search.Page, Title: p.Title, Summary: p.Summary, URL: d.url(model.PageURL(p.Slug)), Sections: d.sections(&p.Body)}
		})
	}
	d.lifeDocs(add)
	for _, m := range s.Municipalities {
		add(func() search.Doc {
			return search.Doc{Kind: search.Page, Title: m.Name, Summary: m.Summary, URL: d.url(model.MunicipalityURL(m.Slug)),
				Municipality: m.Slug, Sections: d.sections(&m.Intro)}
		})
	}
	if s.Config.Accessibility.Status != "" {
		add(func() search.Doc {
			return search.Doc{Kind: search.Page, Title: r.str("a11y.title"), Summary: r.str("a11y.description"), URL: d.url(model.AccessibilityURL("sv"))}
		})
	}
	for i := range s.Points {
		p := &s.Points[i]
		add(func() search.Doc {
			return search.Doc{Kind: search.Place, Title: p.Name, Summary: p.Description, URL: d.url(model.PointURL(p.Municipality, p.Slug)),
				Municipality: p.Municipality, Keywords: []string{pcat[p.Category], p.Address, p.City}}
		})
	}
	return d.files(ctx, ix, flush, &cancelled)
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
}

func (d docMaker) url(u string) string { return d.base + u }

// sections are a body's sections as text.
func (d docMaker) sections(b *model.Body) []search.Section {
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
