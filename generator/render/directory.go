package render

// The e-service directory and library: /e-tjanster/ with one page per
// filter value (municipality, category, audience, login), so that every
// filter is a plain link that works without JavaScript and can be
// bookmarked; the library matrix /e-tjanster/bibliotek/; the page for a
// new member /e-tjanster/ny-i-samverkan/; the start-page facts of each
// e-service; and the open data /data/e-tjanster.json and .csv.
//
// The list items carry the same values as data attributes
// (data-municipalities, data-category, data-audience, data-login) that
// js/directory.js filters on, so the script and the filter pages agree by
// construction: both come from facetValues.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/output"
	"github.com/esamverkan/guidemap/generator/safety"
)

// DirectoryView is the e-service directory or one of its filter pages.
type DirectoryView struct {
	Facets []Facet
	Items  []DirItem
	All    bool // the unfiltered list, which the script filters in place
}

// Facet is one filter dimension with its values.
type Facet struct {
	Key     string // the URL segment: kommun, kategori, malgrupp, inloggning
	Attr    string // the list items' data attribute: municipalities, category…
	Label   string
	Options []FacetOption
}

// FacetOption is one value of a facet and the page that lists its
// e-services.
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

// facetDef is a filter dimension: its URL segment, data attribute, the
// i18n key of its label, its values in order, and the values of an
// e-service.
type facetDef struct {
	key, attr, label string
	values           func() []FacetOption // Value and Name
	of               func(e *model.EService) []string
}

func (r *renderer) facetDefs() []facetDef {
	s := r.site
	return []facetDef{
		{"kommun", "municipalities", "directory.municipality", func() []FacetOption {
			var out []FacetOption
			for _, m := range s.Municipalities {
				out = append(out, FacetOption{Value: m.Slug, Name: m.Name})
			}
			return out
		}, func(e *model.EService) []string {
			var out []string
			for _, o := range r.ix.offersByService[e.Slug] {
				out = append(out, o.Municipality.Slug)
			}
			return out
		}},
		{"kategori", "category", "directory.category", func() []FacetOption {
			var out []FacetOption
			for _, c := range s.Config.Categories {
				out = append(out, FacetOption{Value: c.Slug, Name: c.SV})
			}
			return out
		}, func(e *model.EService) []string {
			if e.Category == "" {
				return nil
			}
			return []string{e.Category}
		}},
		{"malgrupp", "audience", "directory.audience", func() []FacetOption {
			var out []FacetOption
			for _, a := range model.Audiences {
				out = append(out, FacetOption{Value: a, Name: upperFirst(r.str("audience." + a))})
			}
			return out
		}, func(e *model.EService) []string { return e.Audience }},
		{"inloggning", "login", "directory.login", func() []FacetOption {
			var out []FacetOption
			for _, l := range model.Logins {
				out = append(out, FacetOption{Value: l, Name: upperFirst(r.str("login." + l))})
			}
			return out
		}, func(e *model.EService) []string { return e.Login }},
	}
}

func upperFirst(s string) string {
	for i := range s {
		if i > 0 {
			return strings.ToUpper(s[:i]) + s[i:]
		}
	}
	return strings.ToUpper(s)
}

// DirectoryFilterURL is the page of the e-services with one filter value.
func DirectoryFilterURL(key, value string) string { return "/e-tjanster/" + key + "/" + value + "/" }

// LibraryURL is the library view; NewMemberURL the page for a new member.
const (
	LibraryURL   = "/e-tjanster/bibliotek/"
	NewMemberURL = "/e-tjanster/ny-i-samverkan/"
)

// directoryPages adds the directory, its filter pages, the library view
// and the page for a new member.
func (r *renderer) directoryPages(add func(string, string, *View), home Crumb) {
	s := r.site
	defs := r.facetDefs()
	es := slices.Clone(s.EServices)
	slices.SortStableFunc(es, func(a, b *model.EService) int { return collate(a.Title, b.Title) })
	items := make([]DirItem, len(es))
	for i, e := range es {
		items[i] = DirItem{EService: e, Offered: len(r.ix.offersByService[e.Slug]),
			Municipalities: strings.Join(defs[0].of(e), " "), Category: strings.Join(defs[1].of(e), " "),
			Audience: strings.Join(defs[2].of(e), " "), Login: strings.Join(defs[3].of(e), " ")}
	}
	// facets with the values that have e-services; current marks one.
	facets := func(curKey, curValue string) []Facet {
		var out []Facet
		for _, d := range defs {
			f := Facet{Key: d.key, Attr: d.attr, Label: r.str(d.label)}
			for _, o := range d.values() {
				for _, e := range es {
					if slices.Contains(d.of(e), o.Value) {
						o.Count++
					}
				}
				if o.Count == 0 {
					continue
				}
				o.URL = DirectoryFilterURL(d.key, o.Value)
				o.Current = d.key == curKey && o.Value == curValue
				f.Options = append(f.Options, o)
			}
			out = append(out, f)
		}
		return out
	}
	esCrumb := Crumb{Name: r.str("nav.eservices"), URL: model.EServicesURL()}
	add(model.EServicesURL(), "directory", &View{
		Title: r.str("eservices.title"), Description: r.str("eservices.description"), Section: "e-tjanster",
		Crumbs: []Crumb{home}, Directory: &DirectoryView{Facets: facets("", ""), Items: items, All: true},
	})
	for _, d := range defs {
		for _, o := range facets("", "")[slices.IndexFunc(defs, func(x facetDef) bool { return x.key == d.key })].Options {
			var match []DirItem
			for _, it := range items {
				if slices.Contains(d.of(it.EService), o.Value) {
					match = append(match, it)
				}
			}
			add(o.URL, "directory", &View{
				Title:       fmt.Sprintf(r.str("directory.filtered"), r.str(d.label), o.Name),
				Description: fmt.Sprintf(r.str("directory.filtered.description"), len(match), o.Name),
				Section:     "e-tjanster", Crumbs: []Crumb{home, esCrumb},
				Directory: &DirectoryView{Facets: facets(d.key, o.Value), Items: match},
			})
		}
	}
	lib := r.library()
	add(LibraryURL, "library", &View{
		Title: r.str("library.title"), Description: r.str("library.description"), Section: "e-tjanster",
		Crumbs: []Crumb{home, esCrumb}, Library: lib,
	})
	add(NewMemberURL, "newmember", &View{
		Title: r.str("newmember.title"), Description: r.str("newmember.description"), Section: "e-tjanster",
		Crumbs: []Crumb{home, esCrumb}, Library: lib,
	})
}

// LibraryView is the collaboration's state: every e-service × every
// municipality, with counts, what each municipality could adopt next, and
// the summary.
type LibraryView struct {
	Municipalities []*model.Municipality
	Rows           []LibraryRow
	Totals         []int    // per municipality: the e-services it offers
	Rates          []string // per municipality: share of the others' e-services it has adopted or adapted
	Candidates     []Candidates
	Ranked         []Candidate // municipality-specific e-services, most used first: what a new member adopts first
	Common         []*model.EService

	CommonLive, CommonGoal           int
	Specific, SpecificLive, MuniGoal int
}

// LibraryRow is an e-service's row of the matrix.
type LibraryRow struct {
	EService *model.EService
	Cells    []string // per municipality: owns, common, adopts, adapts or none
	Count    int      // municipalities that offer it
}

// Candidates are the e-services a municipality could still adopt.
type Candidates struct {
	Municipality *model.Municipality
	EServices    []Candidate
}

// Candidate is an e-service and how many municipalities use it.
type Candidate struct {
	EService *model.EService
	Users    int
}

var kindNames = []string{"owns", "common", "adopts", "adapts"}

func (r *renderer) library() *LibraryView {
	s := r.site
	lv := &LibraryView{Municipalities: s.Municipalities, CommonGoal: s.Config.Collaboration.CommonGoal,
		MuniGoal: s.Config.Collaboration.MunicipalGoal}
	es := slices.Clone(s.EServices)
	// Common e-services first, then by title.
	slices.SortStableFunc(es, func(a, b *model.EService) int {
		if ca, cb := a.Owner == model.Common, b.Owner == model.Common; ca != cb {
			if ca {
				return -1
			}
			return 1
		}
		return collate(a.Title, b.Title)
	})
	lv.Totals = make([]int, len(s.Municipalities))
	taken := make([]int, len(s.Municipalities))   // others' e-services adopted or adapted
	offered := make([]int, len(s.Municipalities)) // others' municipality-specific e-services
	var ranked []Candidate
	for _, e := range es {
		row := LibraryRow{EService: e}
		for i, m := range s.Municipalities {
			kind := "none"
			if o := r.ix.offer[m.Slug+"/"+e.Slug]; o != nil {
				kind = kindNames[o.Kind]
				row.Count++
				lv.Totals[i]++
			}
			if e.Owner != model.Common && e.Owner != m.Slug {
				offered[i]++
				if kind == "adopts" || kind == "adapts" {
					taken[i]++
				}
			}
			row.Cells = append(row.Cells, kind)
		}
		lv.Rows = append(lv.Rows, row)
		if e.Owner == model.Common {
			lv.Common = append(lv.Common, e)
			if e.Status == "live" {
				lv.CommonLive++
			}
		} else {
			lv.Specific++
			if e.Status == "live" {
				lv.SpecificLive++
			}
			if e.Status != "retired" {
				ranked = append(ranked, Candidate{EService: e, Users: row.Count})
			}
		}
	}
	slices.SortStableFunc(ranked, func(a, b Candidate) int { return b.Users - a.Users })
	lv.Ranked = ranked
	for i, m := range s.Municipalities {
		rate := "–"
		if offered[i] > 0 {
			rate = fmt.Sprintf("%d %%", (taken[i]*100+offered[i]/2)/offered[i])
		}
		lv.Rates = append(lv.Rates, rate)
		c := Candidates{Municipality: m}
		for _, x := range ranked {
			if r.ix.offer[m.Slug+"/"+x.EService.Slug] == nil {
				c.EServices = append(c.EServices, x)
			}
		}
		lv.Candidates = append(lv.Candidates, c)
	}
	return lv
}

// StartItem is an offering municipality on an e-service's start page: the
// link to start it there, and what its version does differently.
type StartItem struct {
	Offer     *model.Offer
	Startable bool // it has a URL and is live or in beta
	facts     []Fact
	text      *Fact   // shown when the adaptation's text differs
	src       *source // the bodies, read when the page is rendered
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
	ob, eb := it.src.get(&o.Body), it.src.get(&o.EService.Body)
	if len(ob.Origins) != len(eb.Origins) || o.AdaptFile != "" && !slices.Equal(ob.Origins, eb.Origins) {
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

// startable reports whether an offer has a link that starts it.
func startable(o *model.Offer) bool {
	return o.URL != "" && o.Status != "planned" && o.Status != "retired"
}

// startPage fills in the start-page parts of an e-service's page (the
// library's, with every offer, or a municipality's, with its own).
func (r *renderer) startPage(v *View, e *model.EService, offers []*model.Offer) {
	for _, o := range offers {
		it := StartItem{Offer: o, Startable: startable(o), src: r.src}
		if o.Kind == model.Adapts {
			it.text = &Fact{r.str("directory.diff.text"), r.str("directory.diff.adapted")}
			if o.URL != e.URL {
				it.facts = append(it.facts, Fact{r.str("directory.diff.url"), r.str("directory.diff.own")})
			}
			if o.Fee != e.Fee && o.Fee != "" {
				it.facts = append(it.facts, Fact{r.str("eservice.fee"), o.Fee})
			}
			if !slices.Equal(o.Login, e.Login) && len(o.Login) > 0 {
				var ls []string
				for _, l := range o.Login {
					ls = append(ls, r.str("login."+l))
				}
				it.facts = append(it.facts, Fact{r.str("eservice.login"), joinAnd(ls, r.str("and"))})
			}
			if o.Status != e.Status {
				it.facts = append(it.facts, Fact{r.str("eservice.status"), r.str("status." + o.Status)})
			}
			if o.Duration != e.Duration && o.Duration != "" {
				it.facts = append(it.facts, Fact{r.str("eservice.duration"), o.Duration})
			}
		}
		v.Start = append(v.Start, it)
	}
	for _, g := range r.site.Guides {
		if slices.Contains(g.EServices, e.Slug) {
			v.Guides = append(v.Guides, GuideLink{g.Title, model.GuideURL(g.Slug)})
		}
	}
	for _, g := range r.site.LocalGuides {
		if slices.Contains(g.EServices, e.Slug) && (len(offers) != 1 || offers[0].Municipality.Slug == g.Owner) {
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
		n := 0
		for _, p := range r.site.Points {
			if p.Category == pc.Slug && (len(offers) != 1 || p.Municipality == offers[0].Municipality.Slug) {
				n++
			}
		}
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

// esCSVHeader are the columns of /data/e-tjanster.csv: one row per offer.
var esCSVHeader = []string{"source", "municipality", "municipality_name", "id", "title", "summary", "owner",
	"kind", "url", "category", "audience", "login", "fee", "status", "page"}

// eserviceData is /data/e-tjanster.json and /data/e-tjanster.csv.
func (r *renderer) eserviceData() []output.File {
	s := r.site
	if len(s.EServices) == 0 {
		return nil
	}
	type row struct {
		Source           string   `json:"source"`
		Municipality     string   `json:"municipality"`
		MunicipalityName string   `json:"municipality_name"`
		ID               string   `json:"id"`
		Title            string   `json:"title"`
		Summary          string   `json:"summary,omitempty"`
		Owner            string   `json:"owner"`
		Kind             string   `json:"kind"`
		URL              string   `json:"url,omitempty"`
		Category         string   `json:"category,omitempty"`
		Audience         []string `json:"audience"`
		Login            []string `json:"login"`
		Fee              string   `json:"fee,omitempty"`
		Status           string   `json:"status"`
		Page             string   `json:"page"`
	}
	rows := []row{}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	_ = w.Write(esCSVHeader)
	for _, o := range s.Offers {
		e, m := o.EService, o.Municipality
		x := row{m.Code, m.Slug, m.Name, e.Slug, o.Title, o.Summary, e.Owner, kindNames[o.Kind], o.URL, e.Category,
			nonNil(e.Audience), nonNil(o.Login), o.Fee, o.Status, r.abs(model.OfferURL(m.Slug, e.Slug))}
		rows = append(rows, x)
		_ = w.Write(safety.CSVRow([]string{x.Source, x.Municipality, x.MunicipalityName, x.ID, x.Title, x.Summary, x.Owner,
			x.Kind, x.URL, x.Category, strings.Join(x.Audience, " "), strings.Join(x.Login, " "), x.Fee, x.Status, x.Page}))
	}
	w.Flush()
	js, _ := json.MarshalIndent(rows, "", " ")
	return []output.File{
		{Path: "data/e-tjanster.csv", Data: b.Bytes()},
		{Path: "data/e-tjanster.json", Data: append(js, '\n')},
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
