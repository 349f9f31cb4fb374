package directory

// Filters: the directory /e-tjanster/ lists the library's e-services and
// lets the reader narrow the list by four facets — the municipalities that
// offer an e-service, its category, its audiences and its logins. Each
// value of a facet has a page of its own (FilterURL), and the first three
// combine (combine.go), so that every filter is a plain link that works
// without JavaScript and can be bookmarked; the list items carry the same
// values as data attributes for js/directory.js. Both come from Filters,
// so the script and the pages agree by construction.

import (
	"slices"
	"strings"
	"sync"

	"github.com/esamverkan/guidemap/generator/model"
)

// The facets, as indexes of Filters.Facets and the facet argument of
// Filters.Values.
const (
	FacetMunicipality = iota // the municipalities that offer it
	FacetCategory            // its category, if it has one
	FacetAudience            // its audiences
	FacetLogin               // its logins
)

// Facet is a filter dimension of the directory.
type Facet struct {
	Key     string   // the URL segment of its pages: kommun, kategori, malgrupp, inloggning
	Attr    string   // the list items' data attribute: municipalities, category, audience, login
	Label   string   // the i18n key of its name
	Options []Option // the values some e-service has, in the order the site gives them
}

// Option is a value of a facet, its page, and the e-services that have it.
type Option struct {
	Value string
	// Name is the municipality's or category's name; an audience's or a
	// login's name is the i18n string NameKey instead.
	Name, NameKey string
	URL           string            // its filter page
	EServices     []*model.EService // in the order of Filters.EServices
}

// Filters are the directory's e-services, its facets and the values each
// e-service has in them.
type Filters struct {
	EServices []*model.EService // the library by title, Swedish letters after z
	Facets    []Facet           // indexed by FacetMunicipality, FacetCategory…
	// Collapse is the number of options above which a combining facet,
	// once a value of it is chosen, offers only that value and all
	// (Choices); 0 never collapses. NewFilters sets DefaultCollapse.
	Collapse int
	values   map[*model.EService][][]string

	combineOnce sync.Once // combos and bySel are computed when first asked for
	combos      []Combination
	bySel       map[Selection]int // index in combos
}

// DefaultCollapse is Filters.Collapse as NewFilters sets it: more than a
// county's municipalities, fewer than a country's.
const DefaultCollapse = 30

// FilterURL is the page of the e-services with value in the facet with
// the URL segment key.
func FilterURL(key, value string) string { return "/e-tjanster/" + key + "/" + value + "/" }

// NewFilters computes the directory's filters from the site.
func NewFilters(s *model.Site) *Filters {
	f := &Filters{EServices: slices.Clone(s.EServices), values: map[*model.EService][][]string{}, Collapse: DefaultCollapse}
	slices.SortStableFunc(f.EServices, func(a, b *model.EService) int {
		return strings.Compare(model.CollateKey(a.Title), model.CollateKey(b.Title))
	})
	offering := map[*model.EService]map[*model.Municipality]bool{}
	for _, o := range s.Offers {
		if offering[o.EService] == nil {
			offering[o.EService] = map[*model.Municipality]bool{}
		}
		offering[o.EService][o.Municipality] = true
	}
	for _, e := range f.EServices {
		var munis, cat []string
		for _, m := range s.Municipalities { // in the site's order
			if offering[e][m] {
				munis = append(munis, m.Slug)
			}
		}
		if e.Category != "" {
			cat = []string{e.Category}
		}
		f.values[e] = [][]string{FacetMunicipality: munis, FacetCategory: cat, FacetAudience: e.Audience, FacetLogin: e.Login}
	}
	var munis, cats, audiences, logins []Option
	for _, m := range s.Municipalities {
		munis = append(munis, Option{Value: m.Slug, Name: m.Name})
	}
	for _, c := range s.Config.Categories {
		cats = append(cats, Option{Value: c.Slug, Name: c.SV})
	}
	for _, a := range model.Audiences {
		audiences = append(audiences, Option{Value: a, NameKey: "audience." + a})
	}
	for _, l := range model.Logins {
		logins = append(logins, Option{Value: l, NameKey: "login." + l})
	}
	f.Facets = []Facet{
		FacetMunicipality: {Key: "kommun", Attr: "municipalities", Label: "directory.municipality", Options: munis},
		FacetCategory:     {Key: "kategori", Attr: "category", Label: "directory.category", Options: cats},
		FacetAudience:     {Key: "malgrupp", Attr: "audience", Label: "directory.audience", Options: audiences},
		FacetLogin:        {Key: "inloggning", Attr: "login", Label: "directory.login", Options: logins},
	}
	// Only the values a facet knows: a category or audience that the
	// site does not define is an error reported by assemble, and the
	// build that reports it still lists the pages (and must not fail on it).
	for i := range f.Facets {
		known := map[string]bool{}
		for _, o := range f.Facets[i].Options {
			known[o.Value] = true
		}
		for _, e := range f.EServices {
			f.values[e][i] = slices.DeleteFunc(slices.Clone(f.values[e][i]), func(v string) bool { return !known[v] })
		}
	}
	for i := range f.Facets {
		fc := &f.Facets[i]
		var used []Option
		for _, o := range fc.Options {
			for _, e := range f.EServices {
				if slices.Contains(f.values[e][i], o.Value) {
					o.EServices = append(o.EServices, e)
				}
			}
			if len(o.EServices) > 0 {
				o.URL = FilterURL(fc.Key, o.Value)
				used = append(used, o)
			}
		}
		fc.Options = used
	}
	return f
}

// Values are e's values in a facet (FacetMunicipality…): the slugs of the
// municipalities that offer it in the site's order, its category, its
// audiences or its logins.
func (f *Filters) Values(e *model.EService, facet int) []string { return f.values[e][facet] }
