package render

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/esamverkan/guidemap/generator/model"
)

// AZLetter is one letter of the A–Ö index with what starts with it.
type AZLetter struct {
	Letter string
	ID     string // the letter's anchor, "bokstav-a"
	Items  []AZItem
}

// AZItem is a guide or an e-service in the A–Ö index.
type AZItem struct {
	Title string
	URL   string
	Kind  string // "guide" or "eservice"
}

// searchPages adds the search page and the A–Ö indexes that serve as
// search without JavaScript: one of the whole site and one for each
// municipality (its versions of guides and its e-services).
func (r *renderer) searchPages(add func(string, string, *View), home Crumb) {
	s := r.site
	searchCrumb := Crumb{Name: r.str("search.title"), URL: "/sok/"}
	var munis []Crumb
	for _, m := range s.Municipalities {
		munis = append(munis, Crumb{Name: m.Name, URL: "/sok/a-o/" + m.Slug + "/"})
	}
	add("/sok/", "search", &View{
		Title: r.str("search.title"), Description: r.str("search.description"), Section: "sok",
		Crumbs: []Crumb{home}, Search: r.opt.BasePath + SearchDir, Alternates: r.alternates("/sok/"),
	})
	var all []AZItem
	for _, g := range s.Guides {
		all = append(all, AZItem{g.Title, model.GuideURL(g.Slug), "guide"})
	}
	for _, e := range s.EServices {
		all = append(all, AZItem{e.Title, model.EServiceURL(e.Slug), "eservice"})
	}
	add("/sok/a-o/", "az", &View{
		Title: r.str("az.title"), Description: r.str("az.description"), Section: "a-o",
		Crumbs: []Crumb{home, searchCrumb}, AZ: azLetters(all), AZMunis: munis,
	})
	azCrumb := Crumb{Name: r.str("az.title"), URL: "/sok/a-o/"}
	for _, m := range s.Municipalities {
		var items []AZItem
		for _, v := range r.ix.versionsByMuni[m.Slug] {
			items = append(items, AZItem{v.Title, v.URL(), "guide"})
		}
		for _, o := range r.ix.offersByMuni[m.Slug] {
			items = append(items, AZItem{o.Title, model.OfferURL(m.Slug, o.EService.Slug), "eservice"})
		}
		add("/sok/a-o/"+m.Slug+"/", "az", &View{
			Title: strings.Replace(r.str("az.municipality"), "%s", m.Name, 1), Municipality: m,
			Description: strings.Replace(r.str("az.municipality.description"), "%s", m.Name, 1), Section: "a-o",
			Crumbs: []Crumb{home, searchCrumb, azCrumb}, AZ: azLetters(items), AZMunis: munis,
		})
	}
}

// azLetters sorts items in Swedish alphabetical order (å, ä and ö after
// z) and groups them by their first letter.
func azLetters(items []AZItem) []AZLetter {
	keys := make(map[string]string, len(items))
	for _, it := range items {
		if _, ok := keys[it.Title]; !ok {
			keys[it.Title] = svKey(it.Title)
		}
	}
	slices.SortStableFunc(items, func(a, b AZItem) int {
		return cmp.Or(strings.Compare(keys[a.Title], keys[b.Title]), strings.Compare(a.URL, b.URL))
	})
	var out []AZLetter
	for _, it := range items {
		l := azLetter(it.Title)
		if n := len(out); n == 0 || out[n-1].Letter != l {
			out = append(out, AZLetter{Letter: l, ID: "bokstav-" + letterID(l)})
		}
		out[len(out)-1].Items = append(out[len(out)-1].Items, it)
	}
	return out
}

// svKey orders text as a Swedish index does: case and accents aside
// (é as e, ü as y), with å, ä and ö as letters after z. Keys compare as
// strings: UTF-8 keeps the order of the characters.
func svKey(s string) string {
	var k strings.Builder
	k.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'å':
			k.WriteByte('z' + 1)
		case 'ä', 'æ':
			k.WriteByte('z' + 2)
		case 'ö', 'ø':
			k.WriteByte('z' + 3)
		case 'ü':
			k.WriteByte('y')
		case 'é', 'è', 'ê':
			k.WriteByte('e')
		default:
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				k.WriteRune(r)
			} else if unicode.IsSpace(r) {
				k.WriteByte(' ')
			}
		}
	}
	return k.String()
}

// azLetter is the index letter of a title: its first letter, upper case
// (É as E); "0–9" for a digit.
func azLetter(title string) string {
	for _, r := range title {
		if unicode.IsDigit(r) {
			return "0–9"
		}
		if !unicode.IsLetter(r) {
			continue
		}
		switch unicode.ToLower(r) {
		case 'é', 'è', 'ê':
			return "E"
		case 'ü':
			return "Y"
		}
		return string(unicode.ToUpper(r))
	}
	return "#"
}

// letterID is a letter as an anchor: "a", "aa" for Å, "ae" for Ä, "oe" for Ö.
func letterID(l string) string {
	switch l {
	case "Å":
		return "aa"
	case "Ä":
		return "ae"
	case "Ö":
		return "oe"
	case "0–9":
		return "0-9"
	}
	return strings.ToLower(l)
}
