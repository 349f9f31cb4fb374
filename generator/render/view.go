package render

import (
	"html/template"
	"slices"
	"strings"

	"github.com/esamverkan/guidemap/generator/bodies"
	"github.com/esamverkan/guidemap/generator/hours"
	"github.com/esamverkan/guidemap/generator/model"
)

// View is what a layout gets: the page's own fields and the site. Layouts
// read the model through it; every string from content reaches the
// template as a string, for html/template to escape. Body is the one
// exception, made by markdownHTML.
//
// A page's output depends only on what its View reaches (its fields, the
// model entities they point to, and .Site for names and titles) and on
// the bodies as they are when the template runs: after an edit of text
// alone the Builder's fast way hands the Renderer new bodies and renders
// again only the pages whose View reads one of them (see Renderer.Rerender).
type View struct {
	Lang        string
	Title       string
	Description string
	URL         string // site-relative URL of the page
	Canonical   string // site-relative canonical URL
	Section     string // the navigation item the page belongs to
	Crumbs      []Crumb
	body        *model.Body // the page's Markdown body, read when the page is rendered (Body, TOC)
	bodies      *bodies.Set // where the body is read
	NoIndex     bool
	ld          []any  // the page's own schema.org descriptions (JSONLD adds the place and the breadcrumb trail)
	base        string // the site's base URL, for the absolute URLs of JSONLD
	Site        *model.Site
	Alternates  []Alternate // the page in every language, for hreflang
	Other       Alternate   // the page in the other language, for a link

	Municipality *model.Municipality
	Guide        *model.Guide
	Version      *model.Version
	EService     *model.EService
	Offer        *model.Offer
	Page         *model.Page

	mapJob        *mapJob // the page's map, drawn when the page is rendered (Map)
	PointGroups   []PointGroup
	AllPlaces     []PlaceSet // the map index: every place, by municipality and category
	Point         *model.Point
	PointCategory model.PointCategory
	hours         *pointHours // nil when the point's value is not complete (the page shows it as written)

	Versions []*model.Version // a guide's versions, or a municipality's guides
	Offers   []*model.Offer   // an e-service's offers, or a municipality's
	Groups   []Group          // lists by category
	Related  []*model.Offer   // e-services related to a guide

	Counts        Counts         // the home page's figures
	Directory     *DirectoryView // the e-service directory or a filter page of it
	Library       *LibraryView   // the library view and the page for a new member
	Start         []StartItem    // an e-service's offering municipalities, with their start links
	Guides        []GuideLink    // guides that point to the e-service
	ServicePoints []PointSummary // the e-service's kind of service points in its municipalities

	// Partial: a municipality's version in another language whose own
	// sections are only in Swedish (model.Translation.Partial).
	Partial bool

	Life       *LifeView  // a life event's page, a list of life events or the business page
	LifeEvents []LifeLink // the life events the page links to: home's and a municipality's, or those a guide is part of
	Business   string     // the business page the page links to (home's, a municipality's), or ""

	AZ      []AZLetter // the A–Ö index: guides and e-services by first letter
	AZMunis []Crumb    // the municipalities' own A–Ö indexes
	Search  string     // the search page: the folder of its index
	Data    *DataView  // the open-data page: the files under /data/ (set when the page is rendered, last)
	// Figures are the site's figures a free page's text may name
	// ({{< count NAME >}}, figures.go); nil on other pages.
	Figures map[string]int
}

// Counts are the site's figures the home page gives.
type Counts struct{ Municipalities, Guides, EServices int }

// Alternate is a page in one language.
type Alternate struct {
	Lang string
	URL  string
}

// Crumb is one step of the breadcrumb trail.
type Crumb struct {
	Name string
	URL  string
}

// Group is a category's share of a list.
type Group struct {
	Category  model.Category
	Guides    []*model.Guide
	Versions  []*model.Version
	EServices []*model.EService
}

// Map is the page's map, or nil: drawn when the page is rendered, and let
// go once it is (Renderer.Render), so that the site's maps are never in
// memory all at once.
func (v *View) Map() *MapView {
	if v.mapJob == nil {
		return nil
	}
	return v.mapJob.get()
}

// PointHours is what the point's page says of its opening hours from the
// build's date on, nil when the value is not complete (the page shows it
// as written).
func (v *View) PointHours() *hours.Text {
	if v.hours == nil {
		return nil
	}
	return v.hours.text
}

// HoursKey names what the point's section of opening hours shows, for
// the template function reuse: the same for every place whose hours are
// the same (and, where they depend on them, its position or
// municipality), "" for a page without a point.
func (v *View) HoursKey() string {
	switch {
	case v.Point == nil:
		return ""
	case v.hours != nil:
		return "calendar\x00" + v.hours.key
	}
	return "as written\x00" + v.Point.Hours.Raw
}

// JSONLD is the page's schema.org descriptions: its own (a service's),
// the place it shows and its breadcrumb trail. They are made when the
// page is rendered, not kept for every page until all are.
func (v *View) JSONLD() []any {
	out := slices.Clone(v.ld)
	if v.Point != nil {
		var ld []map[string]any
		if v.hours != nil {
			ld = v.hours.ld
		}
		out = append(out, placeLD(v.base, *v.Point, v.PointCategory, ld))
	}
	if v.Guide != nil || v.Version != nil {
		out = append(out, webPageLD(v))
	}
	if len(v.Crumbs) > 0 {
		out = append(out, breadcrumbLD(v.base, v))
	}
	return out
}

// PageTitle is the page's title as <title>, og:title and its JSON-LD give
// it: a municipality's page says whose it is ("Bygglov – Sundsvalls
// kommun"), unless its title names the municipality already, so that the
// seven versions of a guide are not seven tabs and search results of the
// same name.
func (v *View) PageTitle() string {
	m := v.Municipality
	if m == nil || m.Name == "" || strings.Contains(v.Title, shortName(m.Name)) {
		return v.Title
	}
	return v.Title + " – " + m.Name
}

// shortName is a municipality's name without "kommun" and the genitive
// s: "Sundsvall" of "Sundsvalls kommun", "Timrå" of "Timrå kommun".
func shortName(name string) string {
	return strings.TrimSuffix(strings.TrimSuffix(name, " kommun"), "s")
}

// Body is the page's rendered Markdown.
func (v *View) Body() template.HTML {
	if b := v.bodies.Get(v.body); b != nil {
		if v.Figures != nil {
			c := *b
			c.HTML = fillFigures(c.HTML, v.Lang, v.Figures)
			return markdownHTML(&c)
		}
		return markdownHTML(b)
	}
	return ""
}

// TOC is the body's level-2 headings.
func (v *View) TOC() []model.Heading {
	return v.bodies.TOC(v.body)
}

// markdownHTML is the one place where rendered Markdown becomes trusted
// HTML. The markdown package escapes text, drops raw HTML unless the site
// turns it on and removes links with unsafe schemes.
func markdownHTML(b *bodies.Rendered) template.HTML { return template.HTML(b.HTML) }

// index holds the site's lists by municipality, guide and e-service.
type index struct {
	versionsByMuni  map[string][]*model.Version
	versionsByGuide map[string][]*model.Version     // a shared guide's
	localVersion    map[*model.Guide]*model.Version // a local guide's one version
	offersByMuni    map[string][]*model.Offer
	offersByService map[string][]*model.Offer
	offer           map[string]*model.Offer // "m/slug"
	// guidesByEService: the shared and the local guides that link an
	// e-service, each once, in the site's order (an e-service's pages).
	guidesByEService, localByEService map[string][]*model.Guide
	// points: how many service points a category has, in a municipality
	// ({category, municipality}) and in all ({category, ""}).
	points map[[2]string]int
	// versionsByCategory, offersByCategory: a municipality's versions
	// and offers of a category ({municipality, category}), in the site's
	// order: what its places of the category list.
	versionsByCategory map[[2]string][]*model.Version
	offersByCategory   map[[2]string][]*model.Offer
}

func newIndex(s *model.Site) *index {
	ix := &index{
		versionsByMuni:   map[string][]*model.Version{},
		versionsByGuide:  map[string][]*model.Version{},
		localVersion:     map[*model.Guide]*model.Version{},
		offersByMuni:     map[string][]*model.Offer{},
		offersByService:  map[string][]*model.Offer{},
		offer:            map[string]*model.Offer{},
		guidesByEService: map[string][]*model.Guide{},
		localByEService:  map[string][]*model.Guide{},
		points:           map[[2]string]int{},

		versionsByCategory: map[[2]string][]*model.Version{},
		offersByCategory:   map[[2]string][]*model.Offer{},
	}
	byEService := func(into map[string][]*model.Guide, gs []*model.Guide) {
		for _, g := range gs {
			for i, e := range g.EServices {
				if !slices.Contains(g.EServices[:i], e) {
					into[e] = append(into[e], g)
				}
			}
		}
	}
	byEService(ix.guidesByEService, s.Guides)
	byEService(ix.localByEService, s.LocalGuides)
	for _, p := range s.Points {
		ix.points[[2]string{p.Category, p.Municipality}]++
		ix.points[[2]string{p.Category, ""}]++
	}
	for _, v := range s.Versions {
		ix.versionsByMuni[v.Municipality.Slug] = append(ix.versionsByMuni[v.Municipality.Slug], v)
		k := [2]string{v.Municipality.Slug, v.Category}
		ix.versionsByCategory[k] = append(ix.versionsByCategory[k], v)
		if !v.Local {
			ix.versionsByGuide[v.Guide.Slug] = append(ix.versionsByGuide[v.Guide.Slug], v)
		} else {
			ix.localVersion[v.Guide] = v
		}
	}
	for _, o := range s.Offers {
		ix.offersByMuni[o.Municipality.Slug] = append(ix.offersByMuni[o.Municipality.Slug], o)
		k := [2]string{o.Municipality.Slug, o.EService.Category}
		ix.offersByCategory[k] = append(ix.offersByCategory[k], o)
		ix.offersByService[o.EService.Slug] = append(ix.offersByService[o.EService.Slug], o)
		ix.offer[o.Municipality.Slug+"/"+o.EService.Slug] = o
	}
	// Lists of municipalities are in the site's order (alphabetical by name).
	order := map[string]int{}
	for i, m := range s.Municipalities {
		order[m.Slug] = i
	}
	for _, vs := range ix.versionsByGuide {
		slices.SortStableFunc(vs, func(a, b *model.Version) int { return order[a.Municipality.Slug] - order[b.Municipality.Slug] })
	}
	for _, os := range ix.offersByService {
		slices.SortStableFunc(os, func(a, b *model.Offer) int { return order[a.Municipality.Slug] - order[b.Municipality.Slug] })
	}
	return ix
}

// groups sorts guides, versions or e-services into the site's categories,
// in the order site.toml gives them; those without a category come last.
func groups(cats []model.Category, guides []*model.Guide, versions []*model.Version, es []*model.EService) []Group {
	all := append(slices.Clone(cats), model.Category{Slug: "", SV: "Övrigt", EN: "Other"})
	var out []Group
	for _, c := range all {
		g := Group{Category: c}
		for _, x := range guides {
			if x.Category == c.Slug || c.Slug == "" && !known(cats, x.Category) {
				g.Guides = append(g.Guides, x)
			}
		}
		for _, x := range versions {
			if x.Category == c.Slug || c.Slug == "" && !known(cats, x.Category) {
				g.Versions = append(g.Versions, x)
			}
		}
		for _, x := range es {
			if x.Category == c.Slug || c.Slug == "" && !known(cats, x.Category) {
				g.EServices = append(g.EServices, x)
			}
		}
		if len(g.Guides)+len(g.Versions)+len(g.EServices) > 0 {
			out = append(out, g)
		}
	}
	return out
}

func known(cats []model.Category, slug string) bool {
	for _, c := range cats {
		if c.Slug == slug {
			return true
		}
	}
	return false
}

// byTitle sorts versions by title, Swedish letters after z.
func byTitle(vs []*model.Version) []*model.Version {
	type keyed struct {
		key string
		v   *model.Version
	}
	ks := make([]keyed, len(vs))
	for i, v := range vs {
		ks[i] = keyed{model.CollateKey(v.Title), v}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	out := make([]*model.Version, len(vs))
	for i, k := range ks {
		out[i] = k.v
	}
	return out
}
