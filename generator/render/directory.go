package render

// The e-service directory and library as pages: /e-tjanster/ with a page
// for every combination of municipality, category and audience that lists
// some e-service, and one per login; the library
// matrix /e-tjanster/bibliotek/; the page for a new member
// /e-tjanster/ny-i-samverkan/; the start-page facts of each e-service; and
// the files of the open data /data/e-tjanster.json and .csv. Which values
// an e-service has in each facet, the matrix, which fields an adaptation
// changes, whether an offer can be started and what the open data holds
// are the rules of package directory; here they become views and files.

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/esamverkan/guidemap/generator/bodies"
	"github.com/esamverkan/guidemap/generator/directory"
	"github.com/esamverkan/guidemap/generator/model"
)

// DirectoryView is the e-service directory or one of its filter pages.
type DirectoryView struct {
	Facets []Facet // the facets that combine, with this page's choices
	Logins *Facet  // the login facet, on the directory and its login pages only
	Items  []DirItem
	All    bool // the unfiltered list, which the script filters in place
}

// Facet is one filter dimension with its values.
type Facet struct {
	Key     string // the URL segment: kommun, kategori, malgrupp, inloggning
	Attr    string // the list items' data attribute: municipalities, category…
	Label   string
	Options []FacetOption
	// Collapsed: a value is chosen, and only it and all are offered (see
	// directory.Filters.Choices).
	Collapsed bool
}

// FacetOption is one value of a facet and the page that lists its
// e-services; in a combining facet, the first option is every value
// (Value "").
type FacetOption struct {
	Value, Name, URL string
	Count            int
	Current          bool
}

// DirItem is an e-service in the directory, with its filter values as
// space-separated lists for the data attributes.
type DirItem struct {
	EService                                  *model.EService
	Offered                                   int // municipalities that offer it
	Municipalities, Category, Audience, Login string
}

// optionName is the name of a facet's value in lang: a municipality's or
// category's, or the UI string of an audience or login.
func (r *renderer) optionName(lang string, facet int, o directory.Option) string {
	if o.NameKey != "" {
		return upperFirst(r.strIn(lang, o.NameKey))
	}
	if facet == directory.FacetCategory {
		if c, ok := r.site.Config.Category(o.Value); ok {
			return categoryName(lang, c)
		}
	}
	return o.Name
}

func upperFirst(s string) string {
	for i := range s {
		if i > 0 {
			return strings.ToUpper(s[:i]) + s[i:]
		}
	}
	return strings.ToUpper(s)
}

// noIndex is the canonical URL given to later for a page that is not
// indexed: not its own URL, so the page is not in the sitemap. Its View
// says NoIndex (and has its own URL as Canonical).
const noIndex = "noindex"

// LibraryURL is the library view; NewMemberURL the page for a new member.
const (
	LibraryURL   = "/e-tjanster/bibliotek/"
	NewMemberURL = "/e-tjanster/ny-i-samverkan/"
)

// directoryPages adds the directory, its filter pages, the library view
// and the page for a new member, in lang (see inLang).
func (r *renderer) directoryPages(lang string, add func(string, string, *View), later func(string, string, string, func() *View), home Crumb) {
	str := func(key string) string { return r.strIn(lang, key) }
	f := directory.NewFilters(r.site)
	items := make([]DirItem, len(f.EServices))
	byService := make(map[*model.EService]DirItem, len(f.EServices))
	for i, e := range f.EServices {
		v := func(facet int) string { return strings.Join(f.Values(e, facet), " ") }
		items[i] = DirItem{EService: e, Offered: len(f.Values(e, directory.FacetMunicipality)),
			Municipalities: v(directory.FacetMunicipality), Category: v(directory.FacetCategory),
			Audience: v(directory.FacetAudience), Login: v(directory.FacetLogin)}
		byService[e] = items[i]
	}
	// choices are the combining facets as the page of sel offers them.
	choices := func(sel directory.Selection) []Facet {
		var out []Facet
		for i := range directory.Combined {
			d := f.Facets[i]
			if len(d.Options) == 0 { // no e-service has a value in it
				continue
			}
			cs, collapsed := f.Choices(sel, i)
			fc := Facet{Key: d.Key, Attr: d.Attr, Label: str(d.Label), Collapsed: collapsed}
			for _, c := range cs {
				name := str(d.Label + ".all")
				if c.Value != "" {
					name = r.optionName(lang, i, c.Option)
				}
				fc.Options = append(fc.Options, FacetOption{Value: c.Value, Name: name, URL: c.URL, Count: c.Count, Current: c.Current})
			}
			out = append(out, fc)
		}
		return out
	}
	// logins is the login facet, current marking one value.
	logins := func(cur string) *Facet {
		d := f.Facets[directory.FacetLogin]
		fc := &Facet{Key: d.Key, Attr: d.Attr, Label: str(d.Label)}
		for _, o := range d.Options {
			fc.Options = append(fc.Options, FacetOption{Value: o.Value, Name: r.optionName(lang, directory.FacetLogin, o), URL: o.URL,
				Count: len(o.EServices), Current: o.Value == cur})
		}
		return fc
	}
	list := func(es []*model.EService) []DirItem {
		out := make([]DirItem, len(es))
		for k, e := range es {
			out[k] = byService[e]
		}
		return out
	}
	esCrumb := Crumb{Name: str("nav.eservices"), URL: model.EServicesURL()}
	add(model.EServicesURL(), "directory", &View{
		Title: str("eservices.title"), Description: str("eservices.description"), Section: "e-tjanster",
		Crumbs: []Crumb{home}, Directory: &DirectoryView{Facets: choices(directory.Selection{}), Logins: logins(""), Items: items, All: true},
	})
	// A page for every selection of the combining facets that some
	// e-service matches. A page of one facet's value is in the sitemap; one
	// that combines two or three is not, and asks search engines not to
	// index it (its links are followed): they are many, and each lists
	// what the pages of its values list already.
	for _, c := range f.Combinations() {
		if c.Depth() == 0 {
			continue
		}
		canonical := ""
		if c.Depth() > 1 {
			canonical = noIndex
		}
		later(c.URL, "directory", canonical, func() *View {
			var names []string
			for i, v := range c.Selection {
				if v == "" {
					continue
				}
				o := f.Facets[i].Options[slices.IndexFunc(f.Facets[i].Options, func(o directory.Option) bool { return o.Value == v })]
				name := r.optionName(lang, i, o)
				names = append(names, name)
			}
			return &View{
				Title:       fmt.Sprintf(str("directory.selected"), strings.Join(names, ", ")),
				Description: fmt.Sprintf(str("directory.filtered.description"), len(c.EServices), joinAnd(names, str("and"))),
				Section:     "e-tjanster", Crumbs: []Crumb{home, esCrumb}, NoIndex: c.Depth() > 1,
				Directory: &DirectoryView{Facets: choices(c.Selection), Items: list(c.EServices)},
			}
		})
	}
	// A page for each login, which does not combine with the others.
	for _, o := range f.Facets[directory.FacetLogin].Options {
		later(o.URL, "directory", "", func() *View {
			name := r.optionName(lang, directory.FacetLogin, o)
			return &View{
				Title:       fmt.Sprintf(str("directory.filtered"), str(f.Facets[directory.FacetLogin].Label), name),
				Description: fmt.Sprintf(str("directory.filtered.description"), len(o.EServices), name),
				Section:     "e-tjanster", Crumbs: []Crumb{home, esCrumb},
				Directory: &DirectoryView{Logins: logins(o.Value), Items: list(o.EServices)},
			}
		})
	}
	lib := r.library()
	add(LibraryURL, "library", &View{
		Title: str("library.title"), Description: str("library.description"), Section: "e-tjanster",
		Crumbs: []Crumb{home, esCrumb}, Library: lib,
	})
	add(NewMemberURL, "newmember", &View{
		Title: str("newmember.title"), Description: str("newmember.description"), Section: "e-tjanster",
		Crumbs: []Crumb{home, esCrumb}, Library: lib,
	})
}

// LibraryView is the collaboration's state: every e-service × every
// municipality, with counts, what each municipality could adopt next, and
// the summary (package directory computes the matrix: its Rows, Totals,
// Candidates, Ranked, Common and counts are the view's fields too).
type LibraryView struct {
	directory.Matrix
	Rates []string // per municipality: share of the others' e-services it has adopted or adapted, as text
}

// library is the view of the site's matrix.
func (r *renderer) library() *LibraryView {
	lv := &LibraryView{Matrix: directory.NewMatrix(r.site)}
	for _, a := range lv.Adoption {
		rate := "–"
		if pct, ok := a.Percent(); ok {
			rate = fmt.Sprintf("%d %%", pct)
		}
		lv.Rates = append(lv.Rates, rate)
	}
	return lv
}

// StartItem is an offering municipality on an e-service's start page: the
// link to start it there, and what its version does differently.
type StartItem struct {
	Offer     *model.Offer
	Startable bool // it has a URL and is live or in beta
	facts     []Fact
	text      *Fact       // shown when the adaptation's text differs
	bodies    *bodies.Set // the rendered bodies, read when the page is rendered
}

// Diffs are the adaptation's differences from the library's e-service.
// Whether the text differs is decided when the page is rendered, from
// the bodies as they are then: after an edit of text alone the Builder
// renders again, with the new bodies, only the pages that show them.
func (it StartItem) Diffs() []Fact {
	o := it.Offer
	if it.text == nil || o.Kind != model.Adapts {
		return it.facts
	}
	ob, eb := it.bodies.Origins(&o.Body), it.bodies.Origins(&o.EService.Body)
	if len(ob) != len(eb) || o.AdaptFile != "" && !slices.Equal(ob, eb) {
		return append(slices.Clip(it.facts), *it.text)
	}
	return it.facts
}

// Fact is a labelled value.
type Fact struct{ Label, Value string }

// PointLink is a municipality's service points of a category.
type PointLink struct {
	Name, URL string
	Count     int
}

// PointSummary is a point category's points in the offering
// municipalities.
type PointSummary struct {
	Name  string
	Links []PointLink
}

// GuideLink is a guide that points to an e-service.
type GuideLink struct{ Title, URL string }

// changeFact is how an e-service's start page names a field in which the
// adaptation o differs, and o's value of it.
func (r *renderer) changeFact(o *model.Offer, c directory.Change) Fact {
	switch c {
	case directory.ChangeURL:
		return Fact{r.str("directory.diff.url"), r.str("directory.diff.own")}
	case directory.ChangeFee:
		return Fact{r.str("eservice.fee"), o.Fee}
	case directory.ChangeLogin:
		ls := make([]string, len(o.Login))
		for i, l := range o.Login {
			ls[i] = r.str("login." + l)
		}
		return Fact{r.str("eservice.login"), joinAnd(ls, r.str("and"))}
	case directory.ChangeStatus:
		return Fact{r.str("eservice.status"), r.str("status." + o.Status)}
	case directory.ChangeDuration:
		return Fact{r.str("eservice.duration"), o.Duration}
	}
	panic("render: unknown change " + string(c))
}

// startPage fills in the start-page parts of an e-service's page (the
// library's, with every offer, or a municipality's, with its own).
func (r *renderer) startPage(v *View, e *model.EService, offers []*model.Offer) {
	for _, o := range offers {
		it := StartItem{Offer: o, Startable: directory.Startable(o), bodies: r.bodies}
		if o.Kind == model.Adapts {
			it.text = &Fact{r.str("directory.diff.text"), r.str("directory.diff.adapted")}
			for _, c := range directory.Changes(o) {
				it.facts = append(it.facts, r.changeFact(o, c))
			}
		}
		v.Start = append(v.Start, it)
	}
	for _, g := range r.ix.guidesByEService[e.Slug] {
		v.Guides = append(v.Guides, GuideLink{g.Title, model.GuideURL(g.Slug)})
	}
	for _, g := range r.ix.localByEService[e.Slug] {
		if len(offers) != 1 || offers[0].Municipality.Slug == g.Owner {
			v.Guides = append(v.Guides, GuideLink{g.Title, model.VersionURL(g.Owner, g.Slug)})
		}
	}
	if e.Category == "" {
		return
	}
	for _, pc := range r.site.Config.PointCategories {
		if pc.Category != e.Category {
			continue
		}
		// One link per category: the region's map on the library's page,
		// the municipality's map on a municipality's page.
		ps := PointSummary{Name: pc.SV}
		in := ""
		if len(offers) == 1 {
			in = offers[0].Municipality.Slug
		}
		n := r.ix.points[[2]string{pc.Slug, in}]
		switch {
		case n == 0:
		case len(offers) == 1:
			m := offers[0].Municipality
			ps.Links = append(ps.Links, PointLink{m.Name, model.MapURL(m.Slug, pc.Slug), n})
		default:
			ps.Links = append(ps.Links, PointLink{r.str("directory.points.all"), "/karta/" + pc.Slug + "/", n})
		}
		if len(ps.Links) > 0 {
			v.ServicePoints = append(v.ServicePoints, ps)
		}
	}
}

// eserviceData places /data/e-tjanster.json and /data/e-tjanster.csv
// (package directory makes them).
func (r *renderer) eserviceData() []lateFile {
	if len(r.site.EServices) == 0 {
		return nil
	}
	export := sync.OnceValues(func() (js, csv []byte) { return directory.Export(r.site, r.abs) })
	return []lateFile{
		{path: "data/e-tjanster.csv", make: func() []byte { _, csv := export(); return csv }},
		{path: "data/e-tjanster.json", make: func() []byte { js, _ := export(); return js }},
	}
}
