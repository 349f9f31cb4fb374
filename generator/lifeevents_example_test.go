package generator

import (
	"context"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/assemble"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/load"
	"github.com/esamverkan/guidemap/generator/model"
	"golang.org/x/net/html"
)

// TestExampleLifeEvents builds the example site and checks its life
// events and business pages against the assembled model: the region and
// every municipality have at least six life-event pages; a life event's
// page lists exactly the guides and e-services that name it there (a
// municipality's page only what that municipality offers, linked to its
// own pages), each link leads to a page of the output; the business
// pages list only what is for businesses; home, municipality, guide and
// version pages link to them.
func TestExampleLifeEvents(t *testing.T) {
	out, res := buildExample(t, "")
	if res.Diags.HasErrors() {
		t.Fatal("the example site has errors")
	}
	pages := readPages(t, out)
	l := &diag.List{}
	site := assemble.Site(load.Site(context.Background(), os.DirFS(exampleSite), "", 0, nil, l), l)
	if l.HasErrors() {
		t.Fatal(l.Items())
	}
	if len(site.Config.LifeEvents) < 6 {
		t.Fatalf("the example declares %d life events, want at least 6", len(site.Config.LifeEvents))
	}
	page := func(url string) *htmlPage { return pages[strings.TrimPrefix(url, "/")+"index.html"] }
	exists := func(url string) bool {
		if page(url) != nil {
			return true
		}
		_, err := os.Stat(out + url)
		return err == nil
	}

	// What each page must list, from the model.
	region := map[string][]string{}             // life event → URLs
	muni := map[string]map[string][]string{}    // municipality → life event → URLs
	business := map[string]bool{}               // URLs of what is for businesses
	forBusiness := map[string]map[string]bool{} // municipality → URLs for businesses
	add := func(m map[string][]string, k, u string) {
		if !slices.Contains(m[k], u) {
			m[k] = append(m[k], u)
		}
	}
	for _, g := range site.Guides {
		for _, e := range g.LifeEvents {
			add(region, e, model.GuideURL(g.Slug))
		}
		if slices.Contains(g.Audience, "business") {
			business[model.GuideURL(g.Slug)] = true
		}
	}
	for _, v := range site.Versions {
		m := v.Municipality.Slug
		if muni[m] == nil {
			muni[m], forBusiness[m] = map[string][]string{}, map[string]bool{}
		}
		for _, e := range v.LifeEvents {
			add(muni[m], e, v.URL())
			if v.Local || !slices.Contains(v.Guide.LifeEvents, e) {
				add(region, e, v.URL())
			}
		}
		if slices.Contains(v.Audience, "business") {
			forBusiness[m][v.URL()] = true
			business[v.URL()] = true // listed on the region's page when the shared guide is not
		}
	}
	for _, e := range site.EServices {
		for _, ev := range e.LifeEvents {
			add(region, ev, model.EServiceURL(e.Slug))
		}
		if slices.Contains(e.Audience, "business") {
			business[model.EServiceURL(e.Slug)] = true
		}
	}
	for _, o := range site.Offers {
		m := o.Municipality.Slug
		if muni[m] == nil {
			muni[m], forBusiness[m] = map[string][]string{}, map[string]bool{}
		}
		u := model.OfferURL(m, o.EService.Slug)
		for _, e := range o.LifeEvents {
			add(muni[m], e, u)
			if !slices.Contains(o.EService.LifeEvents, e) {
				add(region, e, u)
			}
		}
		if slices.Contains(o.EService.Audience, "business") {
			forBusiness[m][u] = true
		}
	}

	check := func(url string, want []string) {
		t.Helper()
		p := page(url)
		if p == nil {
			t.Errorf("no page %s", url)
			return
		}
		got := cardLinks(p.doc)
		sort.Strings(got)
		want = slices.Sorted(slices.Values(want))
		if !slices.Equal(got, want) {
			t.Errorf("%s lists\n  %v\nwant\n  %v", url, got, want)
		}
		for _, u := range got {
			if !exists(u) {
				t.Errorf("%s links to %s, which is not in the output", url, u)
			}
		}
	}
	regionPages, muniPages := 0, map[string]int{}
	for _, e := range site.Config.LifeEvents {
		url := model.LifeEventURL("", e.Slug)
		if len(region[e.Slug]) == 0 {
			if page(url) != nil {
				t.Errorf("%s lists nothing but exists", url)
			}
			continue
		}
		regionPages++
		check(url, region[e.Slug])
		// Its municipalities: those with a page of it, each linked.
		var munis []string
		for _, m := range site.Municipalities {
			mu := model.LifeEventURL(m.Slug, e.Slug)
			if len(muni[m.Slug][e.Slug]) == 0 {
				if page(mu) != nil {
					t.Errorf("%s lists nothing but exists", mu)
				}
				continue
			}
			muniPages[m.Slug]++
			check(mu, muni[m.Slug][e.Slug])
			for _, u := range cardLinks(page(mu).doc) {
				if !strings.HasPrefix(u, "/"+m.Slug+"/") {
					t.Errorf("%s links to %s, not to %s's own page", mu, u, m.Name)
				}
			}
			munis = append(munis, mu)
		}
		if got := linksIn(page(url).doc, "choose-list"); !slices.Equal(got, munis) {
			t.Errorf("%s: municipalities %v, want %v", url, got, munis)
		}
		if p := page(model.LifeEventURL("", "")); p == nil || !slices.Contains(p.links, url) {
			t.Errorf("the list of life events does not link to %s", url)
		}
	}
	if regionPages < 6 {
		t.Errorf("%d life-event pages for the region, want at least 6", regionPages)
	}
	for _, m := range site.Municipalities {
		if muniPages[m.Slug] < 6 {
			t.Errorf("%s has %d life-event pages, want at least 6", m.Name, muniPages[m.Slug])
		}
	}
	t.Logf("%d life-event pages for the region, by municipality %v", regionPages, muniPages)
	if p := page("/livshandelser/ga-i-pension/"); p == nil || len(cardLinks(p.doc)) < 3 {
		t.Error("no page for Gå i pension with at least three guides and e-services")
	}

	// The business pages: only what is for businesses, and every business
	// life event that has a page.
	bp := page(model.BusinessURL(""))
	if bp == nil {
		t.Fatal("no business page")
	}
	items := cardLinks(bp.doc)
	for _, u := range items {
		if !business[u] {
			t.Errorf("the business page lists %s, which is not for businesses", u)
		}
	}
	if len(items) < 10 {
		t.Errorf("the business page lists %d guides and e-services, want at least 10", len(items))
	}
	for _, e := range site.Config.LifeEvents {
		if e.For("business") && len(region[e.Slug]) > 0 && !slices.Contains(bp.links, model.LifeEventURL("", e.Slug)) {
			t.Errorf("the business page does not link to %s", e.SV)
		}
		if !e.For("business") && slices.Contains(bp.links, model.LifeEventURL("", e.Slug)) {
			t.Errorf("the business page links to %s, which is not for businesses", e.SV)
		}
	}
	for _, m := range site.Municipalities {
		p := page(model.BusinessURL(m.Slug))
		if p == nil {
			t.Errorf("no business page for %s", m.Name)
			continue
		}
		got := cardLinks(p.doc)
		for _, u := range got {
			if !forBusiness[m.Slug][u] {
				t.Errorf("%s's business page lists %s, which it does not offer businesses", m.Name, u)
			}
		}
		if len(got) != len(forBusiness[m.Slug]) {
			t.Errorf("%s's business page lists %d, want %d", m.Name, len(got), len(forBusiness[m.Slug]))
		}
		mp := page(model.MunicipalityURL(m.Slug))
		if !slices.Contains(mp.links, model.BusinessURL(m.Slug)) || !slices.Contains(mp.links, model.LifeEventURL(m.Slug, "")) {
			t.Errorf("%s's page does not link to its business page and life events", m.Name)
		}
	}

	// Home is the citizens' entry: their life events and the businesses'
	// entry; the header links the business page everywhere.
	home := page("/")
	for _, e := range site.Config.LifeEvents {
		u := model.LifeEventURL("", e.Slug)
		if want := e.For("citizen") && len(region[e.Slug]) > 0; slices.Contains(home.links, u) != want {
			t.Errorf("home links to %s: %v, want %v", u, !want, want)
		}
	}
	for _, url := range []string{"/", "/guider/bygglov/", "/sundsvall/", "/en/"} {
		if p := page(url); p == nil || !slices.Contains(p.links, model.BusinessURL("")) && !slices.Contains(p.links, "/en"+model.BusinessURL("")) {
			t.Errorf("%s does not link to the business page", url)
		}
	}

	// Guides and versions say which life events they are part of.
	linked := 0
	for _, g := range site.Guides {
		for _, e := range g.LifeEvents {
			if !slices.Contains(page(model.GuideURL(g.Slug)).links, model.LifeEventURL("", e)) {
				t.Errorf("guide %s does not link to life event %s", g.Slug, e)
			}
			linked++
		}
	}
	for _, v := range site.Versions {
		for _, e := range v.LifeEvents {
			if !slices.Contains(page(v.URL()).links, model.LifeEventURL(v.Municipality.Slug, e)) {
				t.Errorf("%s does not link to life event %s in %s", v.URL(), e, v.Municipality.Name)
			}
			linked++
		}
	}
	t.Logf("%d links from guides and versions to their life events", linked)
}

// cardLinks are the links of the cards of a page's main content: the
// guides and e-services a life event's or the business page lists.
func cardLinks(doc *html.Node) []string {
	return linksIn(doc, "card")
}

// linksIn are the href values of the links inside elements of class.
func linksIn(doc *html.Node, class string) []string {
	var out []string
	var walk func(n *html.Node, in bool)
	walk = func(n *html.Node, in bool) {
		if n.Type == html.ElementNode {
			if slices.Contains(strings.Fields(attr(n, "class")), class) {
				in = true
			}
			if in && n.Data == "a" {
				out = append(out, attr(n, "href"))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in)
		}
	}
	walk(doc, false)
	return out
}
