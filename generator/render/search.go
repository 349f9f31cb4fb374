package render

import (
	"strings"

	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/output"
	"github.com/esamverkan/guidemap/generator/search"
)

// SearchDir is the folder of the Swedish search index; the search page's
// script reads SearchDir + "index.json" first.
const SearchDir = "sok/index/"

// searchIndex makes the search index of the site's Swedish pages: one
// document a guide (with its municipalities' versions and their own
// sections), an e-service (with its offers), a place, a page and a
// municipality.
func (r *renderer) searchIndex() []output.File {
	s := r.site
	ix := search.New("sv")
	base := strings.TrimSuffix(r.opt.BasePath, "/")
	url := func(u string) string { return base + u }
	catName := map[string]string{}
	for _, c := range s.Config.Categories {
		catName[c.Slug] = c.SV
	}
	for _, c := range s.Config.PointCategories {
		if catName[c.Slug] == "" {
			catName[c.Slug] = c.SV
		}
	}
	sections := func(b *model.Body) []search.Section {
		if rb := r.bodies.Get(b); rb != nil {
			return search.Sections(rb.HTML)
		}
		return nil
	}
	for _, g := range s.Guides {
		d := search.Doc{Kind: search.Guide, Title: g.Title, Summary: g.Summary, URL: url(model.GuideURL(g.Slug)),
			Keywords: []string{catName[g.Category]}, Sections: sections(&g.Body)}
		shared := map[search.Section]bool{}
		for _, sec := range d.Sections {
			shared[sec] = true
		}
		for _, v := range r.ix.versionsByGuide[g.Slug] {
			d.Versions = append(d.Versions, search.Version{Municipality: v.Municipality.Slug, URL: url(v.URL())})
			if !v.Adapted {
				continue
			}
			for _, sec := range sections(&v.Body) {
				if !shared[sec] {
					sec.Municipality = v.Municipality.Slug
					d.Sections = append(d.Sections, sec)
				}
			}
		}
		ix.Add(d)
	}
	for _, g := range s.LocalGuides {
		ix.Add(search.Doc{Kind: search.Guide, Title: g.Title, Summary: g.Summary, URL: url(model.VersionURL(g.Owner, g.Slug)),
			Municipality: g.Owner, Keywords: []string{catName[g.Category]}, Sections: sections(&g.Body)})
	}
	for _, e := range s.EServices {
		d := search.Doc{Kind: search.EService, Title: e.Title, Summary: e.Summary, URL: url(model.EServiceURL(e.Slug)),
			Keywords: []string{catName[e.Category]}, Sections: sections(&e.Body)}
		if e.Owner != model.Common && s.Municipality(e.Owner) != nil {
			d.Municipality = ""
		}
		for _, o := range r.ix.offersByService[e.Slug] {
			d.Versions = append(d.Versions, search.Version{Municipality: o.Municipality.Slug, URL: url(model.OfferURL(o.Municipality.Slug, e.Slug))})
		}
		ix.Add(d)
	}
	for _, p := range s.Pages {
		ix.Add(search.Doc{Kind: search.Page, Title: p.Title, Summary: p.Summary, URL: url(model.PageURL(p.Slug)), Sections: sections(&p.Body)})
	}
	for _, m := range s.Municipalities {
		ix.Add(search.Doc{Kind: search.Page, Title: m.Name, Summary: m.Summary, URL: url(model.MunicipalityURL(m.Slug)),
			Municipality: m.Slug, Sections: sections(&m.Intro)})
	}
	if s.Config.Accessibility.Status != "" {
		ix.Add(search.Doc{Kind: search.Page, Title: r.str("a11y.title"), Summary: r.str("a11y.description"), URL: url(model.AccessibilityURL("sv"))})
	}
	for _, p := range s.Points {
		kw := []string{catName[p.Category], p.Address, p.City}
		ix.Add(search.Doc{Kind: search.Place, Title: p.Name, Summary: p.Description, URL: url(model.PointURL(p.Municipality, p.Slug)),
			Municipality: p.Municipality, Keywords: kw})
	}
	var munis []search.Municipality
	for _, m := range s.Municipalities {
		munis = append(munis, search.Municipality{Slug: m.Slug, Name: m.Name})
	}
	_, files := ix.Files(search.Options{Dir: SearchDir, Municipalities: munis, Synonyms: s.Config.Search.Synonyms})
	out := make([]output.File, len(files))
	for i, f := range files {
		out[i] = output.File{Path: f.Path, Data: f.Data}
	}
	return out
}
