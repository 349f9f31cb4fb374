package render

import (
	"cmp"
	"slices"

	"github.com/esamverkan/guidemap/generator/directory"
	"github.com/esamverkan/guidemap/generator/maps"

	"github.com/esamverkan/guidemap/generator/model"
)

// pages lists every HTML page of the site with its view.
func (r *renderer) pages() []page {
	s := r.site
	home := Crumb{Name: r.str("nav.home"), URL: model.HomeURL()}
	guidesCrumb := Crumb{Name: r.str("nav.guides"), URL: model.GuidesURL()}
	esCrumb := Crumb{Name: r.str("nav.eservices"), URL: model.EServicesURL()}
	munisCrumb := Crumb{Name: r.str("nav.municipalities"), URL: "/kommuner/"}
	// About as many pages as the site has (lists and map pages are a few
	// more): a big site's list is not grown copy by copy.
	ps := make([]page, 0, len(s.Guides)+len(s.LocalGuides)+len(s.Versions)+len(s.EServices)+len(s.Offers)+len(s.Points)+len(s.Pages)+64)
	add := func(url, layout string, v *View) {
		r.finish(url, v)
		ps = append(ps, page{path: outPath(url), layout: layout, view: v, sitemap: v.Canonical == url && !v.NoIndex})
	}
	// later adds a page whose View make makes when the page is rendered
	// (Renderer.view), so that the site's Views are never in memory all
	// at once. canonical is the canonical URL the View will have, "" for
	// url itself; a View that is NoIndex is listed with noIndex.
	later := func(url, layout, canonical string, make func() *View) {
		ps = append(ps, page{path: outPath(url), layout: layout, make: make, sitemap: canonical == "" || canonical == url})
	}

	homeView := &View{
		Title: s.Config.Title, Description: s.Config.Description, Section: "home", Alternates: r.alternates(model.HomeURL()),
		Groups: groups(s.Config.Categories, s.Guides, nil, nil),
		Counts: Counts{len(s.Municipalities), len(s.Guides), len(s.EServices)},
	}
	// Home is the citizens' entry: their life events, and a link to the
	// businesses' entry.
	homeView.LifeEvents = r.lifeLinks("sv", "", func(e model.LifeEvent) bool { return e.For("citizen") })
	homeView.Business = r.businessURL("")
	if len(s.Boundaries) > 0 {
		key := mapKey{Lang: "sv", Kind: "region", Title: r.str("home.choose"), ID: "hem", Bounds: codes(r.mapper.siteBoundaries()...)}
		r.mapper.queue(homeView, r.str("map.caption.home"), nil, key, func() maps.Map {
			return maps.Region(r.mapper.siteBoundaries(), nil, r.mapper.options("sv", r.str("home.choose"), "hem", ""))
		})
	}
	add(model.HomeURL(), "home", homeView)
	add(model.GuidesURL(), "guides", &View{
		Title: r.str("guides.title"), Description: r.str("guides.description"), Section: "guider",
		Crumbs: []Crumb{home}, Groups: groups(s.Config.Categories, s.Guides, nil, nil), Alternates: r.alternates(model.GuidesURL()),
	})
	for _, g := range s.Guides {
		later(model.GuideURL(g.Slug), "guide", "", func() *View {
			return &View{
				Title: g.Title, Description: g.Summary, Section: "guider", Guide: g,
				Crumbs: []Crumb{home, guidesCrumb}, body: &g.Body,
				Versions: r.ix.versionsByGuide[g.Slug], Alternates: r.alternates(model.GuideURL(g.Slug)),
				LifeEvents: r.partOf("sv", "", g.LifeEvents),
			}
		})
		if e := g.Easy; e != nil {
			later(model.EasyURL(g.Slug), "easy", "", func() *View {
				return &View{
					Title: e.Title + " – " + r.str("easy.title"), Description: e.Summary, Section: "guider", Guide: g,
					Crumbs: []Crumb{home, guidesCrumb, {Name: g.Title, URL: model.GuideURL(g.Slug)}}, body: &e.Body,
				}
			})
		}
	}
	for _, m := range s.Municipalities {
		mc := Crumb{Name: m.Name, URL: model.MunicipalityURL(m.Slug)}
		later(model.MunicipalityURL(m.Slug), "municipality", "", func() *View {
			return &View{
				Title: m.Name, Description: m.Summary, Section: "kommuner", Municipality: m,
				Crumbs: []Crumb{home, munisCrumb}, body: &m.Intro, Alternates: r.alternates(model.MunicipalityURL(m.Slug)),
				Groups: groups(s.Config.Categories, nil, byTitle(r.ix.versionsByMuni[m.Slug]), nil),
				Offers: r.ix.offersByMuni[m.Slug], LifeEvents: r.lifeLinks("sv", m.Slug, nil), Business: r.businessURL(m.Slug),
			}
		})
		crumbs := []Crumb{home, munisCrumb, mc} // shared: no View changes its trail
		for _, v := range r.ix.versionsByMuni[m.Slug] {
			later(v.URL(), "version", v.CanonicalURL(), func() *View {
				var related []*model.Offer
				for _, e := range v.EServices {
					if o := r.ix.offer[m.Slug+"/"+e]; o != nil {
						related = append(related, o)
					}
				}
				return &View{
					Title: v.Title, Description: v.Summary, Section: "kommuner", Municipality: m, Version: v,
					Canonical: v.CanonicalURL(), Crumbs: crumbs,
					body: &v.Body, Related: related, Alternates: r.alternates(v.URL()),
					LifeEvents: r.partOf("sv", m.Slug, v.LifeEvents),
				}
			})
		}
		for _, o := range r.ix.offersByMuni[m.Slug] {
			canonical := model.EServiceURL(o.EService.Slug)
			if o.Kind == model.Adapts || o.Kind == model.Owns {
				canonical = model.OfferURL(m.Slug, o.EService.Slug)
			}
			later(model.OfferURL(m.Slug, o.EService.Slug), "offer", canonical, func() *View {
				v := &View{
					Title: o.Title, Description: o.Summary, Section: "kommuner", Municipality: m, Offer: o, EService: o.EService,
					Canonical: canonical, Crumbs: crumbs, body: &o.Body,
				}
				v.ld = append(v.ld, r.serviceLD(o.Title, o.Summary, o.EService, []*model.Offer{o}))
				r.startPage(v, o.EService, []*model.Offer{o})
				return v
			})
		}
	}
	for _, e := range s.EServices {
		later(model.EServiceURL(e.Slug), "eservice", "", func() *View {
			offers := r.ix.offersByService[e.Slug]
			v := &View{
				Title: e.Title, Description: e.Summary, Section: "e-tjanster", EService: e,
				Crumbs: []Crumb{home, esCrumb}, body: &e.Body, Offers: offers,
			}
			v.ld = append(v.ld, r.serviceLD(e.Title, e.Summary, e, offers))
			r.startPage(v, e, offers)
			return v
		})
	}
	for _, p := range s.Pages {
		add(model.PageURL(p.Slug), "page", &View{
			Title: p.Title, Description: p.Summary, Section: p.Slug, Page: p,
			Crumbs: []Crumb{home}, body: &p.Body, Figures: r.figures(),
		})
	}
	if s.Config.Accessibility.Status != "" {
		r.statement(add, home)
	}
	r.searchPages(add, home)
	r.translationPages(later, add)
	// The pages whose text is all UI strings, in Swedish and in every
	// language the theme has the strings of.
	for _, lang := range append([]string{"sv"}, r.uiLangs()...) {
		ladd, llater, lhome := r.inLang(lang, add, later)
		ladd("/kommuner/", "municipalities", &View{
			Title: r.strIn(lang, "municipalities.title"), Description: r.strIn(lang, "municipalities.description"), Section: "kommuner",
			Crumbs: []Crumb{lhome},
		})
		r.directoryPages(lang, ladd, llater, lhome)
		r.lifePages(lang, llater, lhome)
		r.mapPages(lang, llater, lhome)
		llater(model.DataURL(), "data", "", func() *View {
			return &View{
				Title: r.strIn(lang, "data.title"), Description: r.strIn(lang, "data.description"), Section: "data",
				Crumbs: []Crumb{lhome},
			}
		})
	}
	// A page listed with its View gets its languages once every page in
	// another language is known.
	for _, p := range ps {
		if v := p.view; v != nil && v.Alternates == nil {
			url := v.URL
			if v.Lang != "sv" && v.Other.URL != "" {
				url = v.Other.URL
			}
			v.Alternates = r.alternates(url)
		}
	}
	nf := &View{Title: r.str("notfound.title"), NoIndex: true, Section: "404"}
	add("/404.html", "404", nf)
	ps[len(ps)-1].path = "404.html"
	ps[len(ps)-1].sitemap = false
	sortedPages(ps)
	for i := range ps {
		ps[i].last = ps[i].layout == "data" // rendered with the sizes of the open data (Render)
	}
	return ps
}

// finish sets what every View of the site has: its URL, the site, the
// bodies, its language and canonical URL when not set.
func (r *renderer) finish(url string, v *View) {
	if v.Lang == "" {
		v.Lang = "sv"
	}
	v.URL = url
	v.Site = r.site
	v.bodies = r.bodies
	if v.Canonical == "" {
		v.Canonical = url
	}
	v.base = r.site.Config.BaseURL
}

// statement adds the accessibility statement in Swedish and English.
func (r *renderer) statement(add func(string, string, *View), home Crumb) {
	statement := []Alternate{{"sv", model.AccessibilityURL("sv")}, {"en", model.AccessibilityURL("en")}}
	add(statement[0].URL, "accessibility", &View{
		Title: r.str("a11y.title"), Description: r.str("a11y.description"), Section: "tillganglighet",
		Crumbs: []Crumb{home}, Alternates: statement, Other: statement[1],
	})
	add(statement[1].URL, "accessibility", &View{
		Lang: "en", Title: r.strIn("en", "a11y.title"), Description: r.strIn("en", "a11y.description"), Section: "tillganglighet",
		Crumbs: []Crumb{{Name: r.strIn("en", "nav.home"), URL: model.HomeURL()}}, Alternates: statement, Other: statement[0],
	})
}

// str is a Swedish UI string (page titles are made before templates run).
func (r *renderer) str(key string) string { return r.strIn("sv", key) }

// strIn is a UI string in lang, or in Swedish when lang has none.
func (r *renderer) strIn(lang, key string) string {
	if s, ok := r.opt.Strings[lang][key]; ok {
		return s
	}
	if s, ok := r.opt.Strings["sv"][key]; ok {
		return s
	}
	return key
}

// breadcrumbLD is the schema.org BreadcrumbList of a page of the site at
// base.
func breadcrumbLD(base string, v *View) map[string]any {
	var items []any
	for i, c := range append(slices.Clone(v.Crumbs), Crumb{Name: v.Title, URL: v.URL}) {
		items = append(items, map[string]any{"@type": "ListItem", "position": i + 1, "name": c.Name, "item": absURL(base, c.URL)})
	}
	return map[string]any{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}
}

// webPageLD is the schema.org WebPage of a guide or a municipality's
// version of one: its title says whose version it is (PageTitle), and its
// publisher is the municipality, or the collaboration for a shared guide.
func webPageLD(v *View) map[string]any {
	cfg := v.Site.Config
	site := cmp.Or(cfg.Language[v.Lang].Title, cfg.Title)
	ld := map[string]any{
		"@context": "https://schema.org", "@type": "WebPage",
		"name": v.PageTitle(), "url": absURL(v.base, v.URL), "inLanguage": cmp.Or(v.Lang, "sv"),
		"isPartOf": map[string]any{"@type": "WebSite", "name": site, "url": absURL(v.base, "/")},
	}
	if v.Description != "" {
		ld["description"] = v.Description
	}
	updated := ""
	switch {
	case v.Version != nil:
		updated = v.Version.Updated
	case v.Guide != nil:
		updated = v.Guide.Updated
	}
	if updated != "" {
		ld["dateModified"] = updated
	}
	publisher := map[string]any{"@type": "GovernmentOrganization", "name": cmp.Or(cfg.Collaboration.Name, site)}
	if m := v.Municipality; m != nil {
		publisher = map[string]any{"@type": "GovernmentOrganization", "name": m.Name}
	}
	ld["publisher"] = publisher
	return ld
}

// serviceLD is the schema.org GovernmentService of an e-service as the
// given municipalities offer it.
func (r *renderer) serviceLD(title, summary string, e *model.EService, offers []*model.Offer) map[string]any {
	ld := map[string]any{
		"@context": "https://schema.org", "@type": "GovernmentService",
		"name": title, "url": r.abs(model.EServiceURL(e.Slug)),
	}
	if summary != "" {
		ld["description"] = summary
	}
	if c, ok := r.site.Config.Category(e.Category); ok {
		ld["serviceType"] = c.SV
	}
	var areas, channels, operators []any
	for _, o := range offers {
		m := o.Municipality
		area := map[string]any{"@type": "AdministrativeArea", "name": m.Name}
		if m.Code != "" {
			area["identifier"] = m.Code
		}
		areas = append(areas, area)
		op := map[string]any{"@type": "GovernmentOrganization", "name": m.Name}
		if m.Website != "" {
			op["url"] = m.Website
		}
		operators = append(operators, op)
		// Where the e-service cannot be started on the web, the channel is
		// the municipality's page that says how to reach it instead.
		channel := map[string]any{"@type": "ServiceChannel", "name": m.Name, "serviceUrl": r.abs(model.OfferURL(m.Slug, e.Slug))}
		if directory.Startable(o) {
			channel["serviceUrl"] = o.URL
		}
		if m.Phone != "" {
			channel["servicePhone"] = map[string]any{"@type": "ContactPoint", "telephone": m.Phone}
		}
		channels = append(channels, channel)
	}
	if len(areas) > 0 {
		ld["areaServed"] = areas
	}
	if len(channels) > 0 {
		ld["availableChannel"] = channels
	}
	if len(operators) == 1 {
		ld["serviceOperator"] = operators[0]
	} else if len(operators) > 1 {
		ld["serviceOperator"] = operators
	}
	if e.Owner == model.Common {
		ld["provider"] = map[string]any{"@type": "GovernmentOrganization", "name": r.site.Config.Collaboration.Name}
	} else if m := r.site.Municipality(e.Owner); m != nil {
		ld["provider"] = map[string]any{"@type": "GovernmentOrganization", "name": m.Name, "url": m.Website}
	}
	return ld
}
