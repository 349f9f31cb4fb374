package render

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/esamverkan/guidemap/generator/model"
)

// translatedURLs notes, for each of the site's other languages, the
// Swedish pages that have a page in that language and its URL: the
// language's start page and guide list (when a guide is translated), the
// translated guides and versions, the accessibility statement. The
// templates of a language link to its pages where they exist (funcs.go:
// url), to the Swedish ones elsewhere.
func (r *renderer) translatedURLs() {
	r.translated = map[string]map[string]string{}
	mark := func(lang, url string) {
		if r.translated[lang] == nil {
			r.translated[lang] = map[string]string{}
		}
		r.translated[lang][url] = model.LangURL(lang, url)
	}
	for _, g := range r.site.Guides {
		for lang := range g.Translations {
			mark(lang, model.HomeURL())
			mark(lang, model.GuidesURL())
			mark(lang, "/sok/")
			mark(lang, model.GuideURL(g.Slug))
		}
	}
	for _, v := range r.site.Versions {
		for lang := range v.Translations {
			mark(lang, v.URL())
		}
	}
	// Every municipality has a page in a language with a start page: its
	// translated guides, its e-services and its contact details.
	for lang, urls := range r.translated {
		if _, ok := urls[model.HomeURL()]; ok {
			for _, m := range r.site.Municipalities {
				urls[model.MunicipalityURL(m.Slug)] = model.LangURL(lang, model.MunicipalityURL(m.Slug))
			}
		}
	}
	if r.site.Config.Accessibility.Status != "" {
		for _, lang := range r.site.Config.Languages {
			if lang == "en" {
				if r.translated[lang] == nil {
					r.translated[lang] = map[string]string{}
				}
				r.translated[lang][model.AccessibilityURL("sv")] = model.AccessibilityURL("en")
			}
		}
	}
}

// langHomes are the site's other languages that have a start page
// (a translated guide), sorted.
func (r *renderer) langHomes() []string {
	var out []string
	for lang, urls := range r.translated {
		if _, ok := urls[model.HomeURL()]; ok {
			out = append(out, lang)
		}
	}
	slices.Sort(out)
	return out
}

// localURL is the page of url in lang when it has one, else url.
func (r *renderer) localURL(lang, url string) string {
	if lang == "sv" || lang == "" {
		return url
	}
	path, frag, _ := strings.Cut(url, "#")
	if u, ok := r.inLanguage(lang, path); ok {
		if frag != "" {
			return u + "#" + frag
		}
		return u
	}
	return url
}

// inLanguage is the URL of the page at the Swedish url in lang, if it
// has one.
func (r *renderer) inLanguage(lang, url string) (string, bool) {
	if u, ok := r.translated[lang][url]; ok {
		return u, true
	}
	if r.uiPages[lang][url] {
		return model.LangURL(lang, url), true
	}
	return "", false
}

// alternates are the languages of the page at the Swedish url, for
// hreflang: Swedish first, then the others that have it.
func (r *renderer) alternates(url string) []Alternate {
	out := []Alternate{{"sv", url}}
	for _, lang := range slices.Sorted(maps.Keys(r.translated)) {
		if u, ok := r.inLanguage(lang, url); ok {
			out = append(out, Alternate{lang, u})
		}
	}
	if len(out) == 1 {
		return nil
	}
	return out
}

// translationPages lists the pages of the site's other languages: the
// start page and the guide list of each language with a translated
// guide, and every translated guide and version.
func (r *renderer) translationPages(later func(url, layout, canonical string, make func() *View), add func(string, string, *View)) {
	s := r.site
	for _, lang := range slices.Sorted(maps.Keys(r.translated)) {
		var guides []*model.Guide // copies in the language, for the lists
		for _, g := range s.Guides {
			if t := g.Translations[lang]; t != nil {
				c := *g
				c.Title, c.Summary = t.Title, t.Summary
				guides = append(guides, &c)
			}
		}
		if len(guides) == 0 {
			continue
		}
		slices.SortFunc(guides, func(a, b *model.Guide) int { return strings.Compare(a.Title, b.Title) })
		home := Crumb{Name: r.strIn(lang, "nav.home"), URL: model.HomeURL()}
		guidesCrumb := Crumb{Name: r.strIn(lang, "nav.guides"), URL: model.GuidesURL()}
		lg := s.Config.Language[lang]
		title, lead := cmp.Or(lg.Title, s.Config.Title), cmp.Or(lg.Description, r.strIn(lang, "langhome.lead"))
		add(model.LangURL(lang, model.HomeURL()), "langhome", &View{
			Lang: lang, Title: title, Description: lead, Section: "home",
			Groups: groups(s.Config.Categories, guides, nil, nil), Alternates: r.alternates(model.HomeURL()),
			Other: Alternate{"sv", model.HomeURL()},
		})
		add(model.LangURL(lang, model.GuidesURL()), "guides", &View{
			Lang: lang, Title: r.strIn(lang, "guides.title"), Description: r.strIn(lang, "guides.translated"), Section: "guider",
			Crumbs: []Crumb{home}, Groups: groups(s.Config.Categories, guides, nil, nil),
			Alternates: r.alternates(model.GuidesURL()), Other: Alternate{"sv", model.GuidesURL()},
		})
		add(model.LangURL(lang, "/sok/"), "search", &View{
			Lang: lang, Title: r.strIn(lang, "search.title"), Description: r.strIn(lang, "search.translated"), Section: "sok",
			Crumbs: []Crumb{home}, Search: r.opt.BasePath + searchDir(lang),
			Alternates: r.alternates("/sok/"), Other: Alternate{"sv", "/sok/"},
		})
		for _, m := range s.Municipalities {
			url := model.MunicipalityURL(m.Slug)
			later(model.LangURL(lang, url), "municipality", "", func() *View {
				var versions []*model.Version
				for _, v := range r.ix.versionsByMuni[m.Slug] {
					if t := v.Translations[lang]; t != nil {
						c := *v
						c.Title, c.Summary = t.Title, t.Summary
						versions = append(versions, &c)
					}
				}
				slices.SortFunc(versions, func(a, b *model.Version) int { return strings.Compare(a.Title, b.Title) })
				v := &View{
					Lang: lang, Title: m.Name, Section: "kommuner", Municipality: m,
					Crumbs: []Crumb{home, {Name: r.strIn(lang, "nav.municipalities"), URL: "/kommuner/"}},
					Groups: groups(s.Config.Categories, nil, versions, nil), Offers: r.ix.offersByMuni[m.Slug],
					Alternates: r.alternates(url), Other: Alternate{"sv", url},
					LifeEvents: r.lifeLinksIn(lang, m.Slug), Business: r.businessURL(m.Slug),
				}
				if t := m.Translations[lang]; t != nil {
					v.Description, v.body = t.Summary, &t.Body
				}
				return v
			})
		}
		for _, g := range guides {
			t := g.Translations[lang] // the copy shares the guide's translations
			url := model.GuideURL(g.Slug)
			later(model.LangURL(lang, url), "guide", "", func() *View {
				var versions []*model.Version
				for _, v := range r.ix.versionsByGuide[g.Slug] {
					c := *v
					if vt := v.Translations[lang]; vt != nil {
						c.Title, c.Summary = vt.Title, vt.Summary
					}
					versions = append(versions, &c)
				}
				return &View{
					Lang: lang, Title: t.Title, Description: t.Summary, Section: "guider", Guide: g,
					Crumbs: []Crumb{home, guidesCrumb}, body: &t.Body, Versions: versions,
					Alternates: r.alternates(url), Other: Alternate{"sv", url},
					LifeEvents: r.partOfIn(lang, "", g.LifeEvents),
				}
			})
		}
		for _, v := range s.Versions {
			t := v.Translations[lang]
			if t == nil {
				continue
			}
			m := v.Municipality
			url := v.URL()
			later(model.LangURL(lang, url), "version", "", func() *View {
				c := *v
				c.Title, c.Summary = t.Title, t.Summary
				var related []*model.Offer
				for _, e := range v.EServices {
					if o := r.ix.offer[m.Slug+"/"+e]; o != nil {
						related = append(related, o)
					}
				}
				return &View{
					Lang: lang, Title: t.Title, Description: t.Summary, Section: "kommuner", Municipality: m, Version: &c,
					Crumbs: []Crumb{home, {Name: r.strIn(lang, "nav.municipalities"), URL: "/kommuner/"}, {Name: m.Name, URL: model.MunicipalityURL(m.Slug)}},
					body:   &t.Body, Related: related, Partial: t.Partial,
					Alternates: r.alternates(url), Other: Alternate{"sv", url},
					LifeEvents: r.partOfIn(lang, m.Slug, v.LifeEvents),
				}
			})
		}
	}
}

// uiLangs are the site's other languages with a start page whose UI
// strings the theme has, every one: the municipality list, the e-service
// directory and library and the map and point pages, whose text is all
// UI strings (and names), exist in them too. (A language with some
// strings missing has its translated pages only; the build warns of
// them, i18n.Load.)
func (r *renderer) uiLangs() []string {
	var out []string
	for _, lang := range r.langHomes() {
		own := r.opt.Strings[lang]
		complete := len(own) > 0
		for k := range r.opt.Strings["sv"] {
			if _, ok := own[k]; !ok {
				complete = false
				break
			}
		}
		if complete {
			out = append(out, lang)
		}
	}
	return out
}

// inLang wraps the functions that list pages so that a lister of Swedish
// pages lists them in lang: it gives Swedish URLs, and the pages are
// listed at their URLs in lang, in lang, linked to the Swedish page and
// marked as its translation (so that links in lang lead to them). It
// returns the home crumb in lang too. A page listed with its View gets
// its alternates once every page is listed (pages); one made later, when
// it is made.
func (r *renderer) inLang(lang string, add func(string, string, *View), later func(string, string, string, func() *View)) (func(string, string, *View), func(string, string, string, func() *View), Crumb) {
	home := Crumb{Name: r.strIn(lang, "nav.home"), URL: model.HomeURL()}
	if lang == "sv" {
		return add, func(url, layout, canonical string, make func() *View) {
			later(url, layout, canonical, func() *View {
				v := make()
				if v.Alternates == nil {
					v.Alternates = r.alternates(url)
				}
				return v
			})
		}, home
	}
	if r.uiPages == nil {
		r.uiPages = map[string]map[string]bool{}
	}
	if r.uiPages[lang] == nil {
		r.uiPages[lang] = map[string]bool{}
	}
	mark := func(url string) { r.uiPages[lang][url] = true }
	return func(url, layout string, v *View) {
			mark(url)
			v.Lang, v.Other = lang, Alternate{"sv", url}
			add(model.LangURL(lang, url), layout, v)
		}, func(url, layout, canonical string, make func() *View) {
			mark(url)
			if canonical != "" {
				canonical = model.LangURL(lang, canonical)
			}
			later(model.LangURL(lang, url), layout, canonical, func() *View {
				v := make()
				v.Lang, v.Other = lang, Alternate{"sv", url}
				v.Alternates = r.alternates(url)
				return v
			})
		}, home
}
