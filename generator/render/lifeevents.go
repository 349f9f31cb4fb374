package render

// Life events (livshändelser) and the entry page for businesses: the
// classic way into Swedish e-government besides subjects and services.
// site.toml declares the life events (model.LifeEvent); guides and
// e-services name theirs (assemble resolves the names to slugs). The
// pages:
//
//   - /livshandelser/ and /<m>/livshandelser/: the life events that have
//     something in the region or in municipality m, by audience;
//   - /livshandelser/<slug>/: the shared guides, the municipalities' own
//     guides and the library's e-services of the life event, with the
//     municipalities that have a page of it;
//   - /<m>/livshandelser/<slug>/: municipality m's versions of guides and
//     the e-services it offers;
//   - /foretag/ and /<m>/foretag/: the business life events and every
//     guide and e-service whose audience includes businesses.
//
// A page exists only when it lists something; the links to them (home,
// municipality, guide and version pages, the header) are made from the
// same lists (lifeIndex). They show no Markdown body, so a fast rebuild
// (text only) never renders them again (reach.go), and their Views hold
// what they show, which page fingerprints hash.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/search"
)

// LifeView is the page of a life event, a list of life events or the
// entry page for businesses.
type LifeView struct {
	Event    model.LifeEvent // the page's life event (its page only)
	Lead     string          // the life event's intro, in the page's language if it has one
	LeadLang string          // "sv" when Lead is Swedish on a page in another language
	Groups   []LifeGroup     // the guides and e-services, by category
	// Audiences are the life events to list (a list of life events and
	// the business page), by audience.
	Audiences []LifeAudience
	// Municipalities are the municipalities that have a page of the life
	// event or of the business page (the region's page only).
	Municipalities []Crumb
	Region         string // on a municipality's page: the region's page of the same, or ""
	Index          string // the list of life events the page belongs to
	Directory      string // the business page: the e-service directory filtered on businesses
}

// LifeGroup is a category's share of a life event's guides and
// e-services.
type LifeGroup struct {
	Category model.Category
	Items    []LifeItem
}

// LifeItem is a guide or an e-service on a life event's page.
type LifeItem struct {
	Title, Summary, URL string
	Lang                string // the language of Title and Summary when it is not the page's ("sv"), else ""
	EService            bool
	Note                string // where it applies (a municipality's own guide) or how many offer it
}

// LifeAudience is an audience's life events.
type LifeAudience struct {
	Audience string // citizen, business or association
	Events   []LifeLink
}

// LifeLink is a link to a life event's page.
type LifeLink struct {
	Name     string
	Lang     string // "sv" when the page is in another language but the life event's pages are not
	Lead     string
	LeadLang string // as LifeView.LeadLang
	URL      string
}

// lifeIndex is what each life event gathers, in the region and in each
// municipality, and what businesses are offered: made once, from which
// the pages and the links to them are made.
type lifeIndex struct {
	region map[string]*lifeSet            // life event slug → the region's
	munis  map[string]map[string]*lifeSet // municipality slug → life event slug → its
	// business is the region's guides and e-services for businesses;
	// businessIn by municipality.
	business   *lifeSet
	businessIn map[string]*lifeSet
	// inRegion: the life events that have a page in the region: those
	// with something in it or in one of its municipalities (the same,
	// since the region lists what a municipality adds).
	inRegion map[string]bool
}

// lifeSet is what one page of life events lists.
type lifeSet struct {
	guides   []*model.Guide   // shared guides (region)
	versions []*model.Version // a municipality's versions; in the region, its own guides and adaptations that add the life event
	services []*model.EService
	offers   []*model.Offer // a municipality's offers; in the region, adaptations that add the life event
}

func (s *lifeSet) empty() bool {
	return s == nil || len(s.guides)+len(s.versions)+len(s.services)+len(s.offers) == 0
}

// newLifeIndex sorts the site's guides, versions, e-services and offers
// into life events and the business pages.
func newLifeIndex(s *model.Site) *lifeIndex {
	ix := &lifeIndex{region: map[string]*lifeSet{}, munis: map[string]map[string]*lifeSet{},
		business: &lifeSet{}, businessIn: map[string]*lifeSet{}, inRegion: map[string]bool{}}
	region := func(e string) *lifeSet {
		if ix.region[e] == nil {
			ix.region[e] = &lifeSet{}
		}
		return ix.region[e]
	}
	in := func(m, e string) *lifeSet {
		if ix.munis[m] == nil {
			ix.munis[m] = map[string]*lifeSet{}
		}
		if ix.munis[m][e] == nil {
			ix.munis[m][e] = &lifeSet{}
		}
		return ix.munis[m][e]
	}
	business := func(m string) *lifeSet {
		if ix.businessIn[m] == nil {
			ix.businessIn[m] = &lifeSet{}
		}
		return ix.businessIn[m]
	}
	for _, g := range s.Guides {
		for _, e := range g.LifeEvents {
			region(e).guides = append(region(e).guides, g)
		}
		if slices.Contains(g.Audience, "business") {
			ix.business.guides = append(ix.business.guides, g)
		}
	}
	for _, v := range s.Versions {
		m := v.Municipality.Slug
		shared := !v.Local
		for _, e := range v.LifeEvents {
			in(m, e).versions = append(in(m, e).versions, v)
			// In the region, a shared guide stands for its versions; a
			// municipality's own guide, or an adaptation that adds the
			// life event, stands for itself.
			if !shared || !slices.Contains(v.Guide.LifeEvents, e) {
				region(e).versions = append(region(e).versions, v)
			}
		}
		if slices.Contains(v.Audience, "business") {
			business(m).versions = append(business(m).versions, v)
			if !shared || !slices.Contains(v.Guide.Audience, "business") {
				ix.business.versions = append(ix.business.versions, v)
			}
		}
	}
	for _, e := range s.EServices {
		for _, ev := range e.LifeEvents {
			region(ev).services = append(region(ev).services, e)
		}
		if slices.Contains(e.Audience, "business") {
			ix.business.services = append(ix.business.services, e)
		}
	}
	for _, o := range s.Offers {
		m := o.Municipality.Slug
		for _, e := range o.LifeEvents {
			in(m, e).offers = append(in(m, e).offers, o)
			// An adaptation that adds the life event stands for itself
			// in the region, as a version does.
			if !slices.Contains(o.EService.LifeEvents, e) {
				region(e).offers = append(region(e).offers, o)
			}
		}
		if slices.Contains(o.EService.Audience, "business") {
			business(m).offers = append(business(m).offers, o)
		}
	}
	for e, set := range ix.region {
		ix.inRegion[e] = !set.empty()
	}
	for _, sets := range ix.munis {
		for e, set := range sets {
			ix.inRegion[e] = ix.inRegion[e] || !set.empty()
		}
	}
	return ix
}

// has tells whether the life event e has a page in municipality m, or in
// the region when m is "".
func (ix *lifeIndex) has(m, e string) bool {
	if m == "" {
		return ix.inRegion[e]
	}
	return !ix.munis[m][e].empty()
}

// hasBusiness tells whether the business page of m (the region's when m
// is "") exists.
func (ix *lifeIndex) hasBusiness(m string) bool {
	if m == "" {
		return !ix.business.empty()
	}
	return !ix.businessIn[m].empty()
}

// lifeEventName is a life event's name in lang.
func lifeEventName(lang string, e model.LifeEvent) string {
	if lang == "sv" {
		return e.SV
	}
	return e.EN
}

// lifeEventIntro is a life event's intro in lang, and "sv" when it is the
// Swedish one on a page in another language (which has none of its own).
func lifeEventIntro(lang string, e model.LifeEvent) (string, string) {
	if lang == "sv" || e.IntroEN == "" {
		if lang != "sv" && e.IntroSV != "" {
			return e.IntroSV, "sv"
		}
		return e.IntroSV, ""
	}
	return e.IntroEN, ""
}

// lifeLinks are the life events that have a page in m (the region when m
// is ""), for which keep is true, in the site's order, linked to m's pages.
func (r *renderer) lifeLinks(lang, m string, keep func(model.LifeEvent) bool) []LifeLink {
	var out []LifeLink
	for _, e := range r.site.Config.LifeEvents {
		if !r.life.has(m, e.Slug) || keep != nil && !keep(e) {
			continue
		}
		intro, introLang := lifeEventIntro(lang, e)
		out = append(out, LifeLink{Name: lifeEventName(lang, e), Lead: intro, LeadLang: introLang, URL: model.LifeEventURL(m, e.Slug)})
	}
	return out
}

// partOf are the life events a guide or version names (slugs), linked to
// their pages in m (the region when m is ""): "Ingår i livshändelsen".
func (r *renderer) partOf(lang, m string, events []string) []LifeLink {
	var out []LifeLink
	for _, slug := range events {
		if e, ok := r.site.Config.LifeEvent(slug); ok && r.life.has(m, slug) {
			out = append(out, LifeLink{Name: lifeEventName(lang, e), URL: model.LifeEventURL(m, slug)})
		}
	}
	return out
}

// lifeLinksIn and partOfIn are lifeLinks and partOf for a page in lang:
// in Swedish, marked so, when the life events' pages are not in lang
// (the theme lacks some of its UI strings).
func (r *renderer) lifeLinksIn(lang, m string) []LifeLink {
	return r.swedishUnless(lang, r.lifeLinks(r.lifeLang(lang), m, nil))
}

func (r *renderer) partOfIn(lang, m string, events []string) []LifeLink {
	return r.swedishUnless(lang, r.partOf(r.lifeLang(lang), m, events))
}

// lifeLang is lang when the life events' pages are in it, else Swedish.
func (r *renderer) lifeLang(lang string) string {
	if lang == "sv" || slices.Contains(r.uiLangs(), lang) {
		return lang
	}
	return "sv"
}

func (r *renderer) swedishUnless(lang string, links []LifeLink) []LifeLink {
	if r.lifeLang(lang) == lang {
		return links
	}
	for i := range links {
		links[i].Lang = "sv"
		if links[i].Lead != "" {
			links[i].LeadLang = "sv"
		}
	}
	return links
}

// byAudience groups life events by whose they are, in the order of
// model.Audiences; a life event of two audiences is in both groups.
func (r *renderer) byAudience(lang, m string) []LifeAudience {
	var out []LifeAudience
	for _, a := range model.Audiences {
		if ev := r.lifeLinks(lang, m, func(e model.LifeEvent) bool { return e.For(a) }); len(ev) > 0 {
			out = append(out, LifeAudience{Audience: a, Events: ev})
		}
	}
	return out
}

// lifeGroups orders what a life event or the business page lists.
//
// The order follows how a person goes through a life event: one area of
// life at a time (housing, then school, then care…), so the items are
// grouped by category, in the order site.toml gives the categories (the
// site's own order of subjects, the one its guide list uses); within an
// area they first read (guides) and then act (e-services), each in
// alphabetical order. A municipality's page links to its own versions
// and offers; the region's page to the shared pages, with a note on a
// municipality's own guide and on how many municipalities offer an
// e-service.
func (r *renderer) lifeGroups(lang string, set *lifeSet, region bool) []LifeGroup {
	if set == nil {
		return nil
	}
	s := r.site
	other := lang != "sv"
	swedish := func() string {
		if other {
			return "sv"
		}
		return ""
	}
	var items []LifeItem
	var cats []string
	add := func(cat string, it LifeItem) {
		items = append(items, it)
		cats = append(cats, cat)
	}
	guideText := func(title, summary string, ts map[string]*model.Translation) (string, string, string) {
		if t := ts[lang]; other && t != nil {
			return t.Title, t.Summary, ""
		}
		return title, summary, swedish()
	}
	for _, g := range set.guides {
		t, sum, l := guideText(g.Title, g.Summary, g.Translations)
		add(g.Category, LifeItem{Title: t, Summary: sum, Lang: l, URL: model.GuideURL(g.Slug)})
	}
	for _, v := range set.versions {
		t, sum, l := guideText(v.Title, v.Summary, v.Translations)
		it := LifeItem{Title: t, Summary: sum, Lang: l, URL: v.URL()}
		if region {
			it.Note = fmt.Sprintf(r.strIn(lang, "lifeevent.only"), v.Municipality.Name)
		}
		add(v.Category, it)
	}
	for _, e := range set.services {
		n := len(r.ix.offersByService[e.Slug])
		note := fmt.Sprintf(r.strIn(lang, "lifeevent.offered"), n, len(s.Municipalities))
		if n == 1 {
			note = fmt.Sprintf(r.strIn(lang, "lifeevent.only"), r.ix.offersByService[e.Slug][0].Municipality.Name)
		}
		add(e.Category, LifeItem{Title: e.Title, Summary: e.Summary, Lang: swedish(), URL: model.EServiceURL(e.Slug), EService: true, Note: note})
	}
	for _, o := range set.offers {
		it := LifeItem{Title: o.Title, Summary: o.Summary, Lang: swedish(), URL: model.OfferURL(o.Municipality.Slug, o.EService.Slug), EService: true}
		if region {
			it.Note = fmt.Sprintf(r.strIn(lang, "lifeevent.only"), o.Municipality.Name)
		}
		add(o.EService.Category, it)
	}
	keys := make([]string, len(items))
	for i, it := range items {
		keys[i] = model.CollateKey(it.Title)
	}
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if items[a].EService != items[b].EService {
			if items[a].EService {
				return 1
			}
			return -1
		}
		return strings.Compare(keys[a], keys[b])
	})
	all := append(slices.Clone(s.Config.Categories), model.Category{Slug: "", SV: "Övrigt", EN: "Other"})
	var out []LifeGroup
	for _, c := range all {
		g := LifeGroup{Category: c}
		for _, i := range order {
			if cats[i] == c.Slug || c.Slug == "" && !known(s.Config.Categories, cats[i]) {
				g.Items = append(g.Items, items[i])
			}
		}
		if len(g.Items) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// lifePages adds the lists of life events, every life event's page and
// the business pages, the region's and every municipality's, in lang
// (see inLang).
func (r *renderer) lifePages(lang string, later func(string, string, string, func() *View), home Crumb) {
	s := r.site
	str := func(key string) string { return r.strIn(lang, key) }
	munisCrumb := Crumb{Name: str("nav.municipalities"), URL: "/kommuner/"}
	index := model.LifeEventURL("", "")
	if len(r.byAudience(lang, "")) > 0 {
		later(index, "lifeevents", "", func() *View {
			return &View{
				Title: str("lifeevents.title"), Description: str("lifeevents.description"), Section: "livshandelser",
				Crumbs: []Crumb{home}, Life: &LifeView{Audiences: r.byAudience(lang, "")},
			}
		})
	}
	indexCrumb := Crumb{Name: str("lifeevents.title"), URL: index}
	for _, e := range s.Config.LifeEvents {
		if !r.life.has("", e.Slug) {
			continue
		}
		later(model.LifeEventURL("", e.Slug), "lifeevent", "", func() *View {
			lv := &LifeView{Event: e, Groups: r.lifeGroups(lang, r.life.region[e.Slug], true), Index: index}
			lv.Lead, lv.LeadLang = lifeEventIntro(lang, e)
			for _, m := range s.Municipalities {
				if r.life.has(m.Slug, e.Slug) {
					lv.Municipalities = append(lv.Municipalities, Crumb{Name: m.Name, URL: model.LifeEventURL(m.Slug, e.Slug)})
				}
			}
			return &View{
				Title: lifeEventName(lang, e), Description: lv.Lead, Section: "livshandelser",
				Crumbs: []Crumb{home, indexCrumb}, Life: lv,
			}
		})
	}
	if r.life.hasBusiness("") {
		later(model.BusinessURL(""), "business", "", func() *View {
			lv := &LifeView{Groups: r.lifeGroups(lang, r.life.business, true), Audiences: r.businessEvents(lang, ""),
				Directory: "/e-tjanster/malgrupp/business/", Index: index}
			for _, m := range s.Municipalities {
				if r.life.hasBusiness(m.Slug) {
					lv.Municipalities = append(lv.Municipalities, Crumb{Name: m.Name, URL: model.BusinessURL(m.Slug)})
				}
			}
			return &View{
				Title: str("business.title"), Description: str("business.description"), Section: "foretag",
				Crumbs: []Crumb{home}, Life: lv,
			}
		})
	}
	for _, m := range s.Municipalities {
		mc := Crumb{Name: m.Name, URL: model.MunicipalityURL(m.Slug)}
		mindex := model.LifeEventURL(m.Slug, "")
		if len(r.byAudience(lang, m.Slug)) > 0 {
			later(mindex, "lifeevents", "", func() *View {
				lv := &LifeView{Audiences: r.byAudience(lang, m.Slug), Region: index}
				return &View{
					Title: fmt.Sprintf(str("lifeevents.municipality"), m.Name), Municipality: m,
					Description: fmt.Sprintf(str("lifeevents.municipality.description"), m.Name), Section: "kommuner",
					Crumbs: []Crumb{home, munisCrumb, mc}, Life: lv,
				}
			})
		}
		mindexCrumb := Crumb{Name: fmt.Sprintf(str("lifeevents.municipality"), m.Name), URL: mindex}
		for _, e := range s.Config.LifeEvents {
			if !r.life.has(m.Slug, e.Slug) {
				continue
			}
			later(model.LifeEventURL(m.Slug, e.Slug), "lifeevent", "", func() *View {
				lv := &LifeView{Event: e, Groups: r.lifeGroups(lang, r.life.munis[m.Slug][e.Slug], false), Index: mindex,
					Region: model.LifeEventURL("", e.Slug)}
				lv.Lead, lv.LeadLang = lifeEventIntro(lang, e)
				return &View{
					Title: fmt.Sprintf(str("lifeevent.municipality"), lifeEventName(lang, e), m.Name), Municipality: m,
					Description: lv.Lead, Section: "kommuner",
					Crumbs: []Crumb{home, munisCrumb, mc, mindexCrumb}, Life: lv,
				}
			})
		}
		if r.life.hasBusiness(m.Slug) {
			later(model.BusinessURL(m.Slug), "business", "", func() *View {
				lv := &LifeView{Groups: r.lifeGroups(lang, r.life.businessIn[m.Slug], false), Audiences: r.businessEvents(lang, m.Slug),
					Region: model.BusinessURL(""), Index: mindex}
				return &View{
					Title: fmt.Sprintf(str("business.municipality"), m.Name), Municipality: m,
					Description: fmt.Sprintf(str("business.municipality.description"), m.Name), Section: "kommuner",
					Crumbs: []Crumb{home, munisCrumb, mc}, Life: lv,
				}
			})
		}
	}
}

// businessURL is the business page of m (the region's when m is ""), or
// "" when there is none.
func (r *renderer) businessURL(m string) string {
	if r.life.hasBusiness(m) {
		return model.BusinessURL(m)
	}
	return ""
}

// businessEvents are the business life events that have a page in m (the
// region when m is "").
func (r *renderer) businessEvents(lang, m string) []LifeAudience {
	ev := r.lifeLinks(lang, m, func(e model.LifeEvent) bool { return e.For("business") })
	if len(ev) == 0 {
		return nil
	}
	return []LifeAudience{{Audience: "business", Events: ev}}
}

// lifeDocs adds to the search index of d.lang a document for each life
// event's page and one for the business page, each with the
// municipalities' pages of the same as its versions: "flytta" and
// "företag" find them.
func (d docMaker) lifeDocs(add func(func(docMaker) search.Doc)) {
	r, lang := d.r, d.lang
	for _, e := range r.site.Config.LifeEvents {
		if !r.life.has("", e.Slug) {
			continue
		}
		add(func(d docMaker) search.Doc {
			lead, _ := lifeEventIntro(lang, e)
			doc := search.Doc{Kind: search.Page, Title: lifeEventName(lang, e), Summary: lead,
				URL: d.url(model.LangURL(lang, model.LifeEventURL("", e.Slug))), Keywords: []string{r.strIn(lang, "lifeevents.title")}}
			for _, m := range r.site.Municipalities {
				if r.life.has(m.Slug, e.Slug) {
					doc.Versions = append(doc.Versions, search.Version{Municipality: m.Slug, URL: d.url(model.LangURL(lang, model.LifeEventURL(m.Slug, e.Slug)))})
				}
			}
			return doc
		})
	}
	if !r.life.hasBusiness("") {
		return
	}
	add(func(d docMaker) search.Doc {
		doc := search.Doc{Kind: search.Page, Title: r.strIn(lang, "business.title"), Summary: r.strIn(lang, "business.description"),
			URL: d.url(model.LangURL(lang, model.BusinessURL("")))}
		for _, m := range r.site.Municipalities {
			if r.life.hasBusiness(m.Slug) {
				doc.Versions = append(doc.Versions, search.Version{Municipality: m.Slug, URL: d.url(model.LangURL(lang, model.BusinessURL(m.Slug)))})
			}
		}
		return doc
	})
}
