package directory

// Combined filters: the first Combined facets — municipality, category and
// audience — work together. A selection chooses a value, or none (every
// value), in each of them, and every selection that at least one
// e-service matches has a page of its own (SelectionURL), listing exactly
// the e-services that match it: /e-tjanster/kommun/sundsvall/,
// /e-tjanster/kategori/bygga-bo/malgrupp/business/,
// /e-tjanster/kommun/sundsvall/kategori/bygga-bo/malgrupp/citizen/. The
// facets come in one order, so a selection has one URL; a facet left out
// is "all". A selection that no e-service matches has no page, and no
// page links to one (Combination.Options). The login facet has a page per
// value and does not combine: its values are too many to multiply by the
// others on a national site.

import (
	"slices"
	"strings"

	"github.com/esamverkan/guidemap/generator/model"
)

// Combined is how many facets combine: FacetMunicipality, FacetCategory
// and FacetAudience.
const Combined = 3

// Selection is a value of each combining facet, "" for every value.
type Selection [Combined]string

// Depth is how many facets s selects a value in.
func (s Selection) Depth() int {
	n := 0
	for _, v := range s {
		if v != "" {
			n++
		}
	}
	return n
}

// With is s with value (or "" for all) in facet.
func (s Selection) With(facet int, value string) Selection {
	s[facet] = value
	return s
}

// SelectionURL is the page of s: the directory /e-tjanster/ followed by
// the URL segment and the value of each facet s selects, in the facets'
// order. The empty selection is the directory itself.
func (f *Filters) SelectionURL(s Selection) string {
	var b strings.Builder
	b.WriteString(model.EServicesURL())
	for i, v := range s {
		if v != "" {
			b.WriteString(f.Facets[i].Key + "/" + v + "/")
		}
	}
	return b.String()
}

// Combination is a selection and the e-services that match it.
type Combination struct {
	Selection
	URL       string
	EServices []*model.EService // in the order of Filters.EServices
}

// Combinations are every selection that at least one e-service matches,
// the empty selection (the whole directory) first, then by URL. They are
// computed once, from each e-service's values: an e-service matches
// every selection made of its own values and blanks, so a site gets no
// more selections than its e-services have such mixes, however many
// municipalities it has.
func (f *Filters) Combinations() []Combination {
	f.combineOnce.Do(f.combine)
	return f.combos
}

// Match is the combination of s, and whether any e-service matches s.
func (f *Filters) Match(s Selection) (Combination, bool) {
	f.combineOnce.Do(f.combine)
	i, ok := f.bySel[s]
	if !ok {
		return Combination{Selection: s, URL: f.SelectionURL(s)}, false
	}
	return f.combos[i], true
}

func (f *Filters) combine() {
	f.bySel = map[Selection]int{}
	for _, e := range f.EServices {
		// Each facet's choices for e: none, or one of e's values.
		var choices [Combined][]string
		for i := range choices {
			choices[i] = append([]string{""}, f.values[e][i]...)
		}
		var walk func(i int, s Selection)
		walk = func(i int, s Selection) {
			if i == Combined {
				k, ok := f.bySel[s]
				if !ok {
					k = len(f.combos)
					f.bySel[s] = k
					f.combos = append(f.combos, Combination{Selection: s, URL: f.SelectionURL(s)})
				}
				f.combos[k].EServices = append(f.combos[k].EServices, e)
				return
			}
			for _, v := range choices[i] {
				walk(i+1, s.With(i, v))
			}
		}
		walk(0, Selection{})
	}
	if _, ok := f.bySel[Selection{}]; !ok { // a site without e-services still has its directory
		f.combos = append(f.combos, Combination{URL: f.SelectionURL(Selection{})})
	}
	slices.SortFunc(f.combos, func(a, b Combination) int {
		if d := min(a.Depth(), 1) - min(b.Depth(), 1); d != 0 {
			return d
		}
		return strings.Compare(a.URL, b.URL)
	})
	for i, c := range f.combos {
		f.bySel[c.Selection] = i
	}
}

// Choice is a value of a combining facet as a selection's page offers it:
// the page of the selection with that value (or with every value, when
// Value is "") in place of the facet's current one, and how many
// e-services it lists.
type Choice struct {
	Value   string // "" for every value
	Option  Option // the facet's option (zero for every value)
	URL     string
	Count   int
	Current bool // the selection has this value
}

// Choices are what the page of s offers in facet (< Combined): every
// value first, then the facet's options in its order, each leading to the
// page of s with it. A value that would match no e-service is left out,
// so that no link leads to an empty list; the current value is always
// there. When the facet has more than Collapse options and s chooses one,
// only every value and that one are offered (collapsed is true): a
// national site's 290 municipalities on each of its thousands of pages
// that chose one would be most of their weight, and the reader changes
// municipality through "all".
func (f *Filters) Choices(s Selection, facet int) (choices []Choice, collapsed bool) {
	all, _ := f.Match(s.With(facet, ""))
	out := []Choice{{URL: all.URL, Count: len(all.EServices), Current: s[facet] == ""}}
	collapsed = f.Collapse > 0 && len(f.Facets[facet].Options) > f.Collapse && s[facet] != ""
	for _, o := range f.Facets[facet].Options {
		if collapsed && o.Value != s[facet] {
			continue
		}
		c, ok := f.Match(s.With(facet, o.Value))
		if !ok && s[facet] != o.Value {
			continue
		}
		out = append(out, Choice{Value: o.Value, Option: o, URL: c.URL, Count: len(c.EServices), Current: s[facet] == o.Value})
	}
	return out, collapsed
}
